using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Monitoring;

/// <summary>A partner briefing's "To:" line and own numbering on the task group reports page and in its form, in Chromium, with axe.</summary>
public sealed class BriefingLayoutPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Slug = "south-cambridgeshire";
    private const string To = "Cambridgeshire Community Safety / Crime and Disorder Reduction Partnerships / Cambridgeshire Domestic Abuse Partnership";

    [Fact]
    public async Task DemoBriefing_ShowsItsToLineNumberedSectionsAndFiguresInSection5_AndTheFormKeepsTheToLine_WithNoAxeViolations()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.SupportOfficer, javaScriptEnabled: true);
        await page.GotoAsync($"/partnerships/{Slug}/periods/2010-11-q4/reports");

        var briefing = page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "State of the Partnership Briefing: 4th Quarter 2010/11" }) });
        await Expect(briefing.GetByText(To)).ToBeVisibleAsync();
        await Expect(briefing.GetByRole(AriaRole.Heading, new() { Name = "1. Purpose" })).ToBeVisibleAsync();
        await Expect(briefing.GetByRole(AriaRole.Heading, new() { Name = "5. Support" })).ToBeVisibleAsync();
        await Expect(briefing.GetByRole(AriaRole.Heading, new() { Name = "7. Recommendations" })).ToBeVisibleAsync();
        await Expect(briefing.GetByRole(AriaRole.Row, new() { Name = "South 40" })).ToBeVisibleAsync();
        await Expect(briefing).Not.ToContainTextAsync("[figures]");
        await Axe.AssertNoViolationsAsync(page);

        await briefing.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Edit") }).ClickAsync();
        await Expect(page.GetByLabel("To (optional)")).ToHaveValueAsync(To);
        await Axe.AssertNoViolationsAsync(page);
    }
}
