using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Plans;

/// <summary>Editing the plan in the browser: the milestone form, its history, who sees edit links, and two people saving at once.</summary>
public sealed partial class EditingTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task EditMilestone_AsSupportOfficer_ShowsSuccessNewTextAndHistory()
    {
        var email = await browser.App.AddUserAsync(PartnershipRole.SupportOfficer);
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, email);
        var edition = await browser.EditionAsync("2010/11");
        var oldText = edition.MilestoneText("1.1b");
        const string newText = "Hold a monthly partnership tasking meeting on burglary and vehicle crime hotspots";

        await page.GotoAsync($"/editions/{edition.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "1.1b", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Milestone 1.1b", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit milestone" }).ClickAsync();
        var text = page.GetByLabel("Milestone", new() { Exact = true });
        await Expect(text).ToHaveValueAsync(oldText);
        await text.FillAsync(newText);
        await page.GetByLabel("Reason for amendment").FillAsync("Tasking meetings now cover vehicle crime too.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save milestone" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/milestones/{edition.MilestoneId("1.1b")}$"));
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Milestone 1.1b saved");
        await Expect(page.Locator("p.govuk-body-l")).ToHaveTextAsync(newText);
        var history = page.Locator("#history + table");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "History" })).ToBeVisibleAsync();
        var row = history.Locator("tbody tr", new() { HasText = email[..email.IndexOf('@', StringComparison.Ordinal)] });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Updated");
        await Expect(row.Locator("del")).ToHaveTextAsync(oldText);
        await Expect(row.Locator("ins")).ToHaveTextAsync(newText);
    }

    [Fact]
    public async Task AmendApprovedMilestone_AsksTheReasonOffersNoDeleteAndListsTheAmendment_WithNoAxeViolations()
    {
        var (page, email) = await browser.SignedInPageAsync(PartnershipRole.SupportOfficer);
        var edition = await browser.EditionAsync("2010/11");
        var id = edition.MilestoneId("3.3c");
        const string reason = "The Board agreed on 7 March 2011 that the target covers every parish.";

        await page.GotoAsync($"/milestones/{id}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit milestone" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Delete milestone" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit milestone" }).ClickAsync();
        var reasonBox = page.GetByLabel("Reason for amendment");
        await Expect(reasonBox).ToBeVisibleAsync();
        await Expect(page.Locator(".govuk-hint", new() { HasText = "This is recorded with the change as an amendment to the approved plan" })).ToHaveCountAsync(1);
        await page.GetByLabel("Target (optional)", new() { Exact = true }).FillAsync("Every parish");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save milestone" }).ClickAsync();

        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the reason for this amendment");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Reason for amendment").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save milestone" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Milestone 3.3c saved");

        await page.GotoAsync($"/editions/{edition.Id}");
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = DeleteLinkName() })).ToHaveCountAsync(0);
        var amendments = page.Locator("#amendments + table");
        var row = amendments.Locator("tbody tr", new() { HasText = "Milestone 3.3c" });
        await Expect(row).ToContainTextAsync(reason);
        await Expect(row).ToContainTextAsync("target");
        await Expect(row).ToContainTextAsync(email[..email.IndexOf('@', StringComparison.Ordinal)]);
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task AddMilestoneToApprovedEdition_AsksTheReasonAndListsTheAddition_WithNoAxeViolations()
    {
        var (page, email) = await browser.SignedInPageAsync(PartnershipRole.SupportOfficer);
        var edition = await browser.EditionAsync("2010/11");
        const string text = "Hold a cycle-marking day at every village college";
        const string reason = "The Board agreed on 7 March 2011 to add a cycle-marking milestone.";

        await page.GotoAsync($"/editions/{edition.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a milestone to action 2.3" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add a milestone to action 2.3", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Reason for amendment")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Milestone", new() { Exact = true }).FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save milestone" }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToContainTextAsync("Enter the reason for this amendment");
        await Expect(page.Locator(".govuk-error-summary__list li")).ToHaveCountAsync(1);
        await Expect(page.GetByLabel("Milestone", new() { Exact = true })).ToHaveValueAsync(text);
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Reason for amendment").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save milestone" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("saved");
        await Expect(page.Locator("p.govuk-body-l")).ToHaveTextAsync(text);

        await page.GotoAsync($"/editions/{edition.Id}");
        var row = page.Locator("#amendments + table").Locator("tbody tr", new() { HasText = reason });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("added");
        await Expect(row).ToContainTextAsync(email[..email.IndexOf('@', StringComparison.Ordinal)]);
        await Axe.AssertNoViolationsAsync(page);
    }

    [GeneratedRegex("^Delete")]
    private static partial Regex DeleteLinkName();

    [Fact]
    public async Task OpenEdition_AsLeadOfficerOfPriority2_ShowsEditLinksOnlyInPriority2()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.LeadOfficer, "jenny-jolley");
        var edition = await browser.EditionAsync("2010/11");

        await page.GotoAsync($"/editions/{edition.Id}");

        var priority1 = page.Locator("section[aria-labelledby='priority-1']");
        var priority2 = page.Locator("section[aria-labelledby='priority-2']");
        await Expect(priority1).ToContainTextAsync("Reducing Serious Acquisitive Crime");
        await Expect(priority2).ToContainTextAsync("Reducing re-offending");
        await Expect(priority2.GetByRole(AriaRole.Link, new() { NameRegex = EditPriority2Name() })).ToBeVisibleAsync();
        await Expect(priority2.GetByRole(AriaRole.Link, new() { Name = "Edit action 2.1" })).ToBeVisibleAsync();
        await Expect(priority1.GetByRole(AriaRole.Link, new() { NameRegex = EditLinkName() })).ToHaveCountAsync(0);
        var inPriority2 = await priority2.GetByRole(AriaRole.Link, new() { NameRegex = EditLinkName() }).CountAsync();
        Assert.True(inPriority2 > 1, $"Expected edit links for priority 2 and its actions, found {inPriority2}");
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = EditLinkName() })).ToHaveCountAsync(inPriority2);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add a priority" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SaveMilestone_AfterSomeoneElseSavedIt_ShowsConflictAndKeepsTheirText()
    {
        var (first, firstEmail) = await browser.SignedInPageAsync(PartnershipRole.SupportOfficer);
        var (second, _) = await browser.SignedInPageAsync(PartnershipRole.SupportOfficer);
        var id = (await browser.EditionAsync("2010/11")).MilestoneId("3.2a");
        const string firstText = "First editor's wording of milestone 3.2a";
        const string secondText = "Second editor's wording of milestone 3.2a";
        await first.GotoAsync($"/milestones/{id}/edit");
        await second.GotoAsync($"/milestones/{id}/edit");

        await first.GetByLabel("Milestone", new() { Exact = true }).FillAsync(firstText);
        await first.GetByLabel("Reason for amendment").FillAsync("The first editor's reason.");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save milestone" }).ClickAsync();
        await Expect(first.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Milestone 3.2a saved");
        await second.GetByLabel("Milestone", new() { Exact = true }).FillAsync(secondText);
        await second.GetByLabel("Reason for amendment").FillAsync("The second editor's reason.");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save milestone" }).ClickAsync();

        var summary = second.Locator(".govuk-error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToContainTextAsync($"was changed by {firstEmail[..firstEmail.IndexOf('@', StringComparison.Ordinal)]} at");
        await Expect(summary).ToContainTextAsync("Your change has not been saved");
        await second.GotoAsync($"/milestones/{id}");
        await Expect(second.Locator("p.govuk-body-l")).ToHaveTextAsync(firstText);
    }

    [GeneratedRegex("^Edit")]
    private static partial Regex EditLinkName();

    [GeneratedRegex(@"^Edit priority 2\b")]
    private static partial Regex EditPriority2Name();
}
