using System.Net.Http.Json;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Monitoring;

/// <summary>The account page and the publish and withdraw buttons of the reports page pass axe, signed in and as a visitor.</summary>
public sealed class PublicationPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AccountPage_SetsYourName_WithErrorsAndSuccess_NoAxeViolations()
    {
        var (page, email) = await browser.SignedInPageAsync(PartnershipRole.LeadOfficer);

        await page.GetByRole(AriaRole.Link, new() { Name = "Your account", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText(email)).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Your name", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save your name" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter your name");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Your name", new() { Exact = true }).FillAsync("Alex Example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save your name" }).ClickAsync();

        await Expect(page.GetByText("Your name is now Alex Example")).ToBeVisibleAsync();
        await Expect(page.GetByText("Signed in as Alex Example")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task AccountPage_Visitor_IsAskedToSignIn()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/account");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to SaferPlan" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task ReportsPage_SupportOfficerPublishesAndWithdraws_EachStateWithNoAxeViolations_VisitorsSeePublishedOnly()
    {
        using (var api = await browser.App.ApiClientAsync(await browser.App.AddUserAsync(PartnershipRole.SupportOfficer)))
        {
            using var opened = await api.PostAsJsonAsync("/api/partnerships/south-cambridgeshire/periods/2010-11-q3/round", new { deadline = "2099-04-08" });
            Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        }

        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.SupportOfficer);
        var visitor = await browser.NewPageAsync();
        var board = (await browser.SignedInPageAsync(PartnershipRole.BoardMember)).Page;
        const string reports = "/partnerships/south-cambridgeshire/reports";

        await page.GotoAsync(reports);
        var publish = page.GetByRole(AriaRole.Button, new() { Name = "Publish the 2010/11 Q3 report" });
        await Expect(publish).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await visitor.GotoAsync(reports);
        Assert.DoesNotContain("2010/11 Q3", await visitor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertNoViolationsAsync(visitor);
        await board.GotoAsync(reports);
        await Expect(board.GetByText("Not published").First).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(board);

        // Lead officers' deadline is still ahead: the page asks first.
        await publish.ClickAsync();
        await Expect(page.Locator("[data-confirm-publish='2010-11-q3']")).ToContainTextAsync("Lead officers have until 8 April 2099 to send their updates.");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the 2010/11 Q3 report anyway" }).ClickAsync();
        await Expect(page.GetByText("The 2010/11 Q3 report is published")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Withdraw publication of the 2010/11 Q3 report" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await visitor.GotoAsync(reports);
        await Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "View as web page for 2010/11 Q3" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw publication of the 2010/11 Q3 report" }).ClickAsync();
        await Expect(page.GetByText("The 2010/11 Q3 report is withdrawn")).ToBeVisibleAsync();
        await Expect(page.GetByText("Withdrawn", new() { Exact = false }).First).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
    }
}
