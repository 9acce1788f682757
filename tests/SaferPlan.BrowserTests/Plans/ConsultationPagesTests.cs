using SaferPlan.TestCommon;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SaferPlan.Core.Data;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Plans;

/// <summary>Sending a draft out for comments, commenting and recording the response, in Chromium with axe-core, error states included.</summary>
public sealed class ConsultationPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{

    private async Task<int> OwnDraftAsync()
    {
        browser.App.Services.GetRequiredService<IConfiguration>()["SaferPlan:PublicUrl"] = browser.App.ServerAddress.ToString();
        using var client = await browser.App.ApiClientAsync(await browser.App.AddUserAsync(PartnershipRole.SupportOfficer));
        var year = PlanYears.Next();
        using var started = await client.PostAsJsonAsync("/api/partnerships/south-cambridgeshire/plans", new { title = $"Consultation plan {year}", startYear = year, endYear = year + 3 });
        var editionId = (await started.Content.ReadFromJsonAsync<CreatedJson>())!.Id;
        using var priority = await client.PostAsJsonAsync($"/api/editions/{editionId}/priorities", new { title = "Reducing serious acquisitive crime" });
        Assert.True(priority.IsSuccessStatusCode, await priority.Content.ReadAsStringAsync());
        return editionId;
    }

    [Fact]
    public async Task SupportOfficer_SendsOutForComments_CommentsAndRecordsTheResponse_WithNoAxeViolations()
    {
        var editionId = await OwnDraftAsync();
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.SupportOfficer);

        await page.GotoAsync($"/editions/{editionId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Send the draft out for comments" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send out for comments" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the last day for comments");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("Day").FillAsync("14");
        await page.GetByLabel("Month").FillAsync("1");
        await page.GetByLabel("Year").FillAsync("2099");
        await page.GetByLabel("Who else to consult (optional)").FillAsync("not an address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send out for comments" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("\"not an address\" is not one");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Who else to consult (optional)").FillAsync("panel.chair@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send out for comments" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("out for comments until 14 January 2099");
        await Expect(page.GetByText("No comments yet.")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke the link sent to panel.chair" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The link sent to panel.chair no longer works");
        await Expect(page.Locator("#links + table")).ToContainTextAsync("Revoked");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Add comment" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the comment");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("What is your comment about?").SelectOptionAsync(new SelectOptionValue { Label = "Priority 1: Reducing serious acquisitive crime" });
        await page.GetByLabel("Comment", new() { Exact = true }).FillAsync("Target hardening must be evidence based");
        await page.GetByLabel("Who made the comment (optional)").FillAsync("CDRP Executive Group");
        await page.GetByLabel("Where the comment came from (optional before the deadline)").FillAsync("Executive Group meeting, 17 December 2009");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add comment" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Comment 1.1 added");
        await Expect(page.Locator("#comment-" + await CommentIdAsync(page))).ToContainTextAsync("from Executive Group meeting, 17 December 2009");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Record the response to comment 1.1" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save response" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select whether the plan was changed in response");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("The plan was changed").CheckAsync();
        await page.GetByLabel("The change made, or why no change was made").FillAsync("Action 1.3 now names the data used");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save response" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Response to comment 1.1 recorded");
        await Expect(page.GetByText("Action 1.3 now names the data used")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task BoardMember_Comments_CannotRespond_AndVisitorIsSentToSignIn()
    {
        var editionId = await OwnDraftAsync();
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.BoardMember);
        await page.GotoAsync($"/editions/{editionId}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Send the draft out for comments" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Comments on this edition" }).ClickAsync();
        await Expect(page.GetByLabel("Who made the comment (optional)")).ToHaveCountAsync(0);
        await page.GetByLabel("Comment", new() { Exact = true }).FillAsync("A clear plan overall");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add comment" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Comment 0.1 added");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The whole plan" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Record the response to comment 0.1" })).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(page);

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync($"/editions/{editionId}/comments");
        await Expect(visitor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
        await Expect(visitor.GetByText("A clear plan overall")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Consultee_CommentsThroughTheEmailedLink_OnA375pxScreen_WithoutSigningIn_WithNoAxeViolations()
    {
        var editionId = await OwnDraftAsync();
        var address = $"consultee-{Guid.NewGuid():N}@example.org";
        using (var client = await browser.App.ApiClientAsync(await browser.App.AddUserAsync(PartnershipRole.SupportOfficer)))
        {
            using var started = await client.PostAsJsonAsync($"/api/editions/{editionId}/consultation", new { deadline = "2099-01-14", consultees = new[] { address } });
            Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        }

        var mail = await browser.App.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<OutboxMessage>().SingleAsync(m => m.To == address));
        var url = System.Text.RegularExpressions.Regex.Match(mail.TextBody, @"/c/cl_[A-Za-z0-9_-]+").Value;

        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(375, 812);
        await page.GotoAsync(url);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Comment on the draft plan");
        await Expect(page.GetByText("Reducing serious acquisitive crime").First).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await AssertFitsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send comment" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter your comment");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("What is your comment about?").SelectOptionAsync(new SelectOptionValue { Label = "Priority 1: Reducing serious acquisitive crime" });
        await page.GetByLabel("Your comment", new() { Exact = true }).FillAsync("Make sure property marking is tendered");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send comment" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("your comment on Priority 1 has been sent");
        await Axe.AssertNoViolationsAsync(page);
        await AssertFitsAsync(page);

        await page.GotoAsync("/c/cl_not-a-real-link");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This link cannot be used");
        await Axe.AssertNoViolationsAsync(page);
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than a 375px screen");
    }

    private static async Task<string> CommentIdAsync(IPage page) =>
        (await page.Locator("[id^=comment-]").First.GetAttributeAsync("id"))!["comment-".Length..];
}
