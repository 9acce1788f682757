using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests;

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
    public async Task WebReport_Member_IncludesRestrictedDaatSectionWithNoAxeViolations()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.BoardMember);

        await page.GotoAsync("/partnerships/south-cambridgeshire/reports/performance/2010-11-q4.html");

        await Expect(page.GetByText("CASUS and YOT continue to work effectively", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByText("Restricted").First).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
    }
}
