using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Documents;

/// <summary>The milestone monitoring web page (seed 004's layout), reached from the reports page, passes axe for visitors and members.</summary>
public sealed class MilestoneMonitoringTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ReportsPage_Visitor_ReachesTheMilestoneMonitoringWebPageWithNoAxeViolations()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/partnerships/south-cambridgeshire/reports");
        await page.GetByRole(AriaRole.Link, new() { Name = "Web page of the milestone monitoring for 2009/10 Q1" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Milestone monitoring Quarter 1 April 2009–June 2009", Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByText("Q1 figure: £625.00")).ToBeVisibleAsync();
        await Expect(page.GetByText("Measurement = yes or no & total funds allocated YTD")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task MilestoneMonitoring_MemberFullAndPublicVersions_AndTheReportsPage_HaveNoAxeViolations()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.BoardMember);

        await page.GotoAsync("/partnerships/south-cambridgeshire/reports");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Public web page of the milestone monitoring for 2009/10 Q1" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        foreach (var path in new[] { "2009-10-q1.html", "2009-10-q1.html?audience=public", "2010-11-q4.html" })
        {
            var response = await page.GotoAsync($"/partnerships/south-cambridgeshire/reports/monitoring/{path}");
            Assert.True(response?.Status == 200, $"{path} answered {response?.Status}");
            await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Lead CDRP agency" }).First).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);
        }
    }
}
