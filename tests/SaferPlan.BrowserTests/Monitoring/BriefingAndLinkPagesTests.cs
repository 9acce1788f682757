using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Periods;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Monitoring;

/// <summary>The partner briefing pages and the update links page in Chromium, with and without JavaScript; every page passes axe.</summary>
public sealed class BriefingAndLinkPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Slug = "south-cambridgeshire";

    /// <summary>axe-core runs as a script, so it checks the pages of the JavaScript runs; the others prove the pages work without it.</summary>
    private static async Task AxeAsync(IPage page, bool javaScript)
    {
        if (javaScript)
        {
            await Axe.AssertNoViolationsAsync(page);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SupportOfficer_AddsAndEditsABriefing_FromTheReportsPage_WithNoAxeViolations(bool javaScript)
    {
        // Each run writes a quarter's first briefing, so the runs take different quarters.
        var period = ReportingPeriod.Parse(javaScript ? "2010-11-q2" : "2010-11-q1");
        var title = $"{period.Display} briefing {(javaScript ? "with" : "without")} JavaScript";
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.SupportOfficer, javaScriptEnabled: javaScript);
        await page.GotoAsync($"/partnerships/{Slug}/periods/{period.Slug}/reports");
        await AxeAsync(page, javaScript);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Add Cambridgeshire Domestic Abuse Partnership's briefing for {period.Display}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Add a partner briefing");
        await AxeAsync(page, javaScript);

        // Nothing typed: the error summary names what is missing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save briefing" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the briefing's title");
        await AxeAsync(page, javaScript);

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Purpose (optional)").FillAsync("To brief the partnerships on domestic abuse in the quarter.");
        await page.GetByLabel("Label of row 1").FillAsync("South Cambridgeshire");
        await page.GetByLabel("Row 1, Figure").FillAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a row to Figures per district (optional)" }).ClickAsync();
        await Expect(page.GetByLabel("South Cambridgeshire, Figure")).ToHaveValueAsync("40");
        await AxeAsync(page, javaScript);
        await page.GetByLabel("Label of row 2").FillAsync("City");
        await page.GetByLabel("Row 2, Figure").FillAsync("52");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save briefing" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync($"{title} ({period.Display}) saved");
        await AxeAsync(page, javaScript);

        await page.GetByRole(AriaRole.Link, new() { Name = $"Edit {title}, {period.Display}" }).ClickAsync();
        await Expect(page.GetByLabel("South Cambridgeshire, Figure")).ToHaveValueAsync("40");
        await Expect(page.GetByLabel("City, Figure")).ToHaveValueAsync("52");
        await page.GetByLabel("Risks (optional)").FillAsync("Funding of the IDVA service ends in March.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save briefing" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToBeVisibleAsync();

        await page.GotoAsync($"/partnerships/{Slug}/periods/{period.Slug}/reports");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await Expect(page.GetByText("Funding of the IDVA service ends in March.")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SupportOfficer_RevokesAnUpdateLink_FromTheCompletenessPage_WithNoAxeViolations(bool javaScript)
    {
        var period = javaScript ? "2010-11-q1" : "2010-11-q3";
        await browser.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var person = await db.People.SingleAsync(p => p.Key == "dave-sargent");
            return await sp.GetRequiredService<UpdateLinkService>().CreateAsync(person.PartnershipId, person.Id, ReportingPeriod.Parse(period), "browser test", TimeSpan.FromDays(14));
        });
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.SupportOfficer, javaScriptEnabled: javaScript);
        await page.GotoAsync($"/partnerships/{Slug}/periods/{period}/completeness");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Update links e-mailed") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Update links for {ReportingPeriod.Parse(period).Display}");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Dave Sargent" });
        await Expect(row).ToContainTextAsync("Active");
        await AxeAsync(page, javaScript);

        await row.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Revoke the link sent to Dave Sargent") }).ClickAsync();

        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The link sent to Dave Sargent");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Dave Sargent" })).ToContainTextAsync("Revoked");
        await AxeAsync(page, javaScript);
    }
}
