using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Monitoring;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Documents;

/// <summary>The Board performance reports: the list of quarters and the report as a web page pass axe, for visitors and members.</summary>
public sealed class ReportTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ReportsPage_Visitor_ReachesThePublicWebReportWithNoAxeViolations()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/partnerships/south-cambridgeshire");
        await page.GetByRole(AriaRole.Link, new() { Name = "Board performance reports" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page);
        var link = page.GetByRole(AriaRole.Link, new() { Name = "View as web page for 2010/11 Q4" });
        var href = await link.GetAttributeAsync("href");
        await page.GotoAsync(href!);

        await Expect(page.GetByText("Performance Report Quarter 4 January 2011", new() { Exact = false }).First).ToBeVisibleAsync();
        Assert.DoesNotContain("CASUS and YOT continue to work effectively", await page.ContentAsync(), StringComparison.Ordinal);
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task WebReport_OfEveryQuarterWithUpdates_ForVisitorsAndMembers_HasNoAxeViolations()
    {
        // Every quarter the demo holds updates or task group reports for, so a quarter added to the demo is checked too.
        var quarters = await browser.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var updates = await db.Set<MilestoneUpdate>().Select(u => u.Period).Distinct().ToListAsync();
            var reports = await db.Set<TaskGroupReport>().Select(r => r.Period).Distinct().ToListAsync();
            return updates.Concat(reports).Distinct().Order().ToList();
        });
        Assert.Contains(quarters, q => q.Slug == "2009-10-q1");
        Assert.Contains(quarters, q => q.Slug == "2010-11-q4");
        var visitor = await browser.NewPageAsync();
        var (member, _) = await browser.SignedInPageAsync(PartnershipRole.BoardMember);

        foreach (var quarter in quarters)
        {
            foreach (var page in new[] { visitor, member })
            {
                var response = await page.GotoAsync($"/partnerships/south-cambridgeshire/reports/performance/{quarter.Slug}.html");
                Assert.True(response?.Status == 200, $"The {quarter.Display} report answered {response?.Status}");
                await Axe.AssertNoViolationsAsync(page);
            }
        }
    }

    [Fact]
    public async Task WebReport_Member_IncludesRestrictedDaatSectionWithNoAxeViolations()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.BoardMember);

        await page.GotoAsync("/partnerships/south-cambridgeshire/reports/performance/2010-11-q4.html");

        await Expect(page.GetByText("CASUS and YOT continue to work effectively", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByText("Restricted").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Bar chart: Young people from South Cambridgeshire in treatment" })).ToBeVisibleAsync();
        await Expect(page.Locator("figure.chart svg[role=img]")).ToHaveCountAsync(2);
        await Axe.AssertNoViolationsAsync(page);
    }
}
