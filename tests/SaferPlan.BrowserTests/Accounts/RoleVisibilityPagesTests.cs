using System.Net.Http.Json;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Accounts;

/// <summary>Each role sees only what it can use (issue 10, item 6), in the browser: the pages that changed pass axe.</summary>
public sealed class RoleVisibilityPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Slug = "south-cambridgeshire";

    [Fact]
    public async Task SupportOfficer_YourUpdatesWithAQuarterOpen_SaysItIsOpenWithNoAxeViolations()
    {
        var (page, email) = await browser.SignedInPageAsync(PartnershipRole.SupportOfficer);
        using (var client = await browser.App.ApiClientAsync(email))
        using (var opened = await client.PostAsJsonAsync($"/api/partnerships/{Slug}/periods/2010-11-q2/round", new { deadline = "2099-04-08" }))
        {
            Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        }

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Your updates", Exact = true }).ClickAsync();

        await Expect(page.GetByText("2010/11 Q2 is open for updates. Updates are due by 8 April 2099.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "See who has reported for 2010/11 Q2" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task BoardMember_NoYourUpdatesAndNoEditLinks_RefusalPageGivesTheReasonWithNoAxeViolations()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.BoardMember);

        await page.GotoAsync($"/partnerships/{Slug}/periods/2010-11-q4/reports");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Your updates", Exact = true })).ToHaveCountAsync(0);
        await Expect(page.Locator("main a[href$='/edit']")).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(page);

        var refused = await page.GotoAsync("/my-updates");

        Assert.Equal(403, refused!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You cannot do that", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#refusal-reason")).ToContainTextAsync("Quarterly updates are written by lead officers and support officers");
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task LeadOfficer_ClosedQuarterUpdateForm_RefusalSaysWhyWithNoAxeViolations()
    {
        var milestone = (await browser.EditionAsync("2010/11")).MilestoneId("1.7a");
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.LeadOfficer, "dave-sargent");

        await page.GotoAsync($"/milestones/{milestone}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit milestone" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        var refused = await page.GotoAsync($"/milestones/{milestone}/updates/2010-11-q4");

        Assert.Equal(403, refused!.Status);
        // The demo's 2010/11 Q4 was locked on 15 April 2011 and then published: publication is what closes it now.
        await Expect(page.Locator("#refusal-reason")).ToHaveTextAsync("2010/11 Q4 was published on 30 April 2011 12:00: only a support officer can change its updates now.");
        await Axe.AssertNoViolationsAsync(page);
    }
}
