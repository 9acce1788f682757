using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Documents;

/// <summary>A support officer sets the Board meeting of a quarter's report in Chromium; axe-core finds nothing on the form, with or without errors.</summary>
public sealed class BoardMeetingPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Slug = "south-cambridgeshire";

    [Fact]
    public async Task SupportOfficer_SetsTheBoardMeetingFromTheReportsPage_AndTheFormHasNoAxeViolations()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.SupportOfficer);
        Assert.Equal(200, (await page.GotoAsync($"/partnerships/{Slug}/reports"))!.Status);
        var q3 = page.Locator("#quarter-2009-10-q1");
        await Expect(q3).ToContainTextAsync("Not set");

        await q3.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Set the date") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Board meeting for the 2009/10 Q1 report", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("Day").FillAsync("31");
        await page.GetByLabel("Month").FillAsync("2");
        await page.GetByLabel("Year").FillAsync("2009");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the date" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The date of the Board meeting must be a real date");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("Day").FillAsync("21");
        await page.GetByLabel("Month").FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the date" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The Board meets on 21 July 2009 to receive the 2009/10 Q1 report");
        await Expect(page.Locator("#quarter-2009-10-q1")).ToContainTextAsync("21 July 2009");
        await Axe.AssertNoViolationsAsync(page);
    }
}
