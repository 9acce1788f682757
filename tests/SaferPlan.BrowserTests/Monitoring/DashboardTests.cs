using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Monitoring;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Monitoring;

/// <summary>The quarterly performance dashboard in the browser: the rule shown, statuses in words, charts with their tables, no axe violations.</summary>
public sealed class DashboardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Slug = "south-cambridgeshire";

    [Fact]
    public async Task DemoQ4_AsBoardMember_ShowsRuleStatusesAndChartsWithTables_WithNoAxeViolations()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.BoardMember);

        var response = await page.GotoAsync($"/partnerships/{Slug}/periods/2010-11-q4/dashboard");

        Assert.Equal(200, response?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Performance dashboard for 2010/11 Q4");
        await Expect(page.Locator("#roll-up-rule")).ToContainTextAsync(StatusRollUp.RollUpRule);

        var glance = page.Locator("#priorities-at-a-glance");
        var priority2 = glance.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Priority 2:") }) });
        var priority1 = glance.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Priority 1:") }) });
        await Expect(priority2.Locator(".govuk-tag")).ToHaveTextAsync("Not on track");
        await Expect(priority1.Locator(".govuk-tag")).ToHaveTextAsync("Stats awaited");

        // Each chart is an accessible image, directly followed by its numbers as a table.
        var charts = page.Locator(".app-chart > svg[role=img]");
        await Expect(charts).ToHaveCountAsync(2);
        for (var i = 0; i < 2; i++)
        {
            var chart = charts.Nth(i);
            Assert.False(string.IsNullOrWhiteSpace(await chart.Locator("title").TextContentAsync()));
            var next = page.Locator(".app-chart").Nth(i).Locator("xpath=following-sibling::*[1]");
            Assert.Equal("TABLE", await next.EvaluateAsync<string>("e => e.tagName"));
            await Expect(next.Locator("caption")).ToContainTextAsync("as a table");
            await Expect(next.GetByRole(AriaRole.Columnheader, new() { Name = "Not on track", Exact = true })).ToBeVisibleAsync();
        }

        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Milestones by status for each priority, 2010/11 Q4" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"/partnerships/{Slug}/periods/2010-11-q4/dashboard");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));
    }
}
