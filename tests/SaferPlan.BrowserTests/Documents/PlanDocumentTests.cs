using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Documents;

/// <summary>The plan document's web page (seed 000's layout), reached from the edition's page, passes axe for visitors and members.</summary>
public sealed class PlanDocumentTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task EditionPage_Visitor_ReachesThePlanAsAWebPageWithNoAxeViolations()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"/editions/{(await browser.EditionAsync("2010/11")).Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "View the plan as a web page" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Priority 1: Reducing Serious Acquisitive Crime", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Lead agency" }).First).ToBeVisibleAsync();
        await Expect(page.GetByText("Approved on 1 February 2010")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task PlanDocument_MemberFullAndPublicVersions_HaveNoAxeViolations()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.BoardMember);
        var id = (await browser.EditionAsync("2010/11")).Id;

        foreach (var path in new[] { $"/editions/{id}/document.html", $"/editions/{id}/document.html?audience=public" })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response?.Status == 200, $"{path} answered {response?.Status}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Glossary", Level = 2 })).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);
        }
    }
}
