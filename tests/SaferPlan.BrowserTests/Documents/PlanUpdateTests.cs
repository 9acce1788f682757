using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Documents;

/// <summary>Cambridge CSP's partnership page and its public 2012/13 plan update (seed 003's layout) pass axe for a visitor.</summary>
public sealed class PlanUpdateTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CambridgePage_Visitor_ReachesThePublicUpdateAsAWebPage_BothWithNoAxeViolations()
    {
        var page = await browser.NewPageAsync();

        var response = await page.GotoAsync("/partnerships/cambridge");
        Assert.True(response?.Status == 200, $"/partnerships/cambridge answered {response?.Status}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cambridge Community Safety Partnership", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "web page", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2. What did we do in each priority area?", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByText("We spent £4,207 so that people using taxis at night would feel safer.")).ToBeVisibleAsync();
        await Expect(page.Locator("h3#priority-4")).ToHaveTextAsync("Priority 4: Reducing re-offending");
        await Axe.AssertNoViolationsAsync(page);
    }
}
