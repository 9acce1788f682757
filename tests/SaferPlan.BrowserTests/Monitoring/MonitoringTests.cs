using System.Net.Http.Json;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Monitoring;

/// <summary>The quarterly update cycle in the browser: opening a quarter, a lead officer's update, review; every page passes axe.</summary>
public sealed class MonitoringTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Slug = "south-cambridgeshire";

    private async Task OpenQuarterAsync(string period)
    {
        using var client = await browser.App.ApiClientAsync(await browser.App.AddUserAsync(PartnershipRole.SupportOfficer));
        using var response = await client.PostAsJsonAsync($"/api/partnerships/{Slug}/periods/{period}/round", new { deadline = "2099-04-08" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenQuarter_AsSupportOfficer_ShowsWhoHasReportedWithNoAxeViolations()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.SupportOfficer);
        await page.GotoAsync($"/partnerships/{Slug}/updates");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Open quarter for updates" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the quarter, like 2010/11 Q4");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("Quarter", new() { Exact = true }).FillAsync("2010/11 Q1");
        await page.Locator("#Input-Deadline-day").FillAsync("8");
        await page.Locator("#Input-Deadline-month").FillAsync("7");
        await page.Locator("#Input-Deadline-year").FillAsync("2099");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open quarter for updates" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Who has reported for 2010/11 Q1");
        await Expect(page.GetByText("8 July 2099", new() { Exact = true })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task LeadOfficer_UpdatesMilestoneFromTheirList_AndSupportOfficerAcceptsIt()
    {
        await OpenQuarterAsync("2010-11-q2");
        var (lead, _) = await browser.SignedInPageAsync(PartnershipRole.LeadOfficer, "jenny-jolley");

        await lead.GetByRole(AriaRole.Link, new() { Name = "Your updates" }).ClickAsync();
        await Expect(lead.GetByRole(AriaRole.Heading, new() { Name = "South Cambridgeshire CDRP: 2010/11 Q2" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(lead);
        await lead.Locator($"#quarter-{Slug}-2010-11-q2").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^2\\.3a ") }).ClickAsync();
        await Axe.AssertNoViolationsAsync(lead);
        await lead.GetByLabel("Progress this quarter").FillAsync("Funding bid for the Support and Resettlement Officer submitted");
        await lead.GetByLabel("Not on track").CheckAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Submit update" }).ClickAsync();

        await Expect(lead.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Update for 2.3a submitted");
        var (support, _) = await browser.SignedInPageAsync(PartnershipRole.SupportOfficer);
        await support.GotoAsync($"/partnerships/{Slug}/periods/2010-11-q2/completeness");
        var card = support.Locator("#review-2\\.3a");
        await Expect(card).ToContainTextAsync("Funding bid for the Support and Resettlement Officer submitted");
        await Axe.AssertNoViolationsAsync(support);
        await card.GetByRole(AriaRole.Button, new() { Name = "Accept update 2.3a" }).ClickAsync();
        await Expect(support.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Update accepted");
    }

    [Fact]
    public async Task UpdateForm_SubmittedEmpty_ShowsErrorsWithNoAxeViolations()
    {
        await OpenQuarterAsync("2010-11-q3");
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.SupportOfficer);
        var edition = await browser.EditionAsync("2010/11");

        await page.GotoAsync($"/milestones/{edition.MilestoneId("3.2a")}/updates/2010-11-q3");
        await page.GetByLabel("Progress this quarter").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit update" }).ClickAsync();

        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the progress made this quarter");
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select the milestone's status");
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task UpdateForm_OnAPhoneSizedScreen_FitsWithoutSidewaysScrolling()
    {
        await OpenQuarterAsync("2010-11-q3");
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.LeadOfficer, "dave-sargent");
        await page.SetViewportSizeAsync(375, 812);
        var edition = await browser.EditionAsync("2010/11");

        await page.GotoAsync($"/milestones/{edition.MilestoneId("1.6b")}/updates/2010-11-q3");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The update form is {overflow}px wider than a 375px screen");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit update" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task TaskGroupReports_ReadAndWrite_ShowFiguresAndErrorsWithNoAxeViolations()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.SupportOfficer);

        await page.GotoAsync($"/partnerships/{Slug}/periods/2010-11-q4/reports");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "ASB Task Group Stats" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "State of the Partnership Briefing: 4th Quarter 2010/11" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a task group report" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Table title").FillAsync("Scheme updates");
        await page.GetByLabel("Heading of column 1").FillAsync("PPO");
        await page.GetByLabel("Label of row 1").FillAsync("New engagements");
        await page.GetByLabel("Row 1, column 1").FillAsync("1");

        // The table grows and shrinks by the page's own buttons, keeping what was typed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a column to Figures of table 1" }).ClickAsync();
        await Expect(page.GetByLabel("New engagements, PPO")).ToHaveValueAsync("1");
        await page.GetByLabel("Heading of column 2").FillAsync("DIP");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a row to Figures of table 1" }).ClickAsync();
        await page.GetByLabel("Label of row 2").FillAsync("Burglary");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a row to Figures of table 1" }).ClickAsync();
        await page.GetByLabel("Label of row 3").FillAsync("Closed");
        await page.GetByLabel("Row 3, DIP").FillAsync("none");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove row 2 (Burglary)" }).ClickAsync();
        await Expect(page.GetByLabel("Label of row 2")).ToHaveValueAsync("Closed");
        await Expect(page.GetByLabel("Label of row 3")).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("New engagements, DIP")).ToHaveValueAsync("");

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Update on fire setting");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save report" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Row 2, column 'DIP': enter a number" })).ToHaveAttributeAsync("href", "#Input-Figures-0--Table-Rows-1--Values-1-");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("Closed, DIP").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save report" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Update on fire setting saved");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Scheme updates", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TaskGroupReport_UnderNoPriority_IsGivenALeadOfficerWhoThenWritesIt()
    {
        // A report on other work (no priority) can be written by a lead officer only once a support officer names them as its lead.
        var (support, _) = await browser.SignedInPageAsync(PartnershipRole.SupportOfficer);
        await support.GotoAsync($"/partnerships/{Slug}/periods/2010-11-q2/reports/new");
        await support.GetByLabel("Title", new() { Exact = true }).FillAsync("Update on Anti Social Behaviour");
        await support.GetByLabel("Priority it reports on").SelectOptionAsync(new SelectOptionValue { Label = "None: a report on other work" });
        var dave = (await support.GetByLabel("Lead officer", new() { Exact = true }).Locator("option", new() { HasText = "Dave Sargent" }).TextContentAsync())!;
        await support.GetByLabel("Lead officer", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = dave });
        await Axe.AssertNoViolationsAsync(support);
        await support.GetByRole(AriaRole.Button, new() { Name = "Save report" }).ClickAsync();
        await Expect(support.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Update on Anti Social Behaviour saved");
        var report = support.GetByRole(AriaRole.Region, new() { Name = "Update on Anti Social Behaviour" });
        // No name was written for the report, so its lead officer's is shown, with the rank documents print.
        await Expect(report).ToContainTextAsync("Lead officer: CI Dave Sargent");

        var (lead, _) = await browser.SignedInPageAsync(PartnershipRole.LeadOfficer, "dave-sargent");
        await lead.GotoAsync($"/partnerships/{Slug}/periods/2010-11-q2/reports");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Edit Update on Anti Social Behaviour" }).ClickAsync();
        // The lead officer writes the report but does not choose who leads it.
        await Expect(lead.GetByLabel("Lead officer", new() { Exact = true })).ToHaveCountAsync(0);
        await lead.GetByLabel("Key achievements during this quarter").FillAsync("Two dispersal orders agreed with the parish councils.");
        await Axe.AssertNoViolationsAsync(lead);
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save report" }).ClickAsync();
        await Expect(lead.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Update on Anti Social Behaviour saved");
        await Expect(lead.GetByRole(AriaRole.Region, new() { Name = "Update on Anti Social Behaviour" })).ToContainTextAsync("Two dispersal orders agreed");

        // Another lead officer is offered no Edit link for it.
        var (other, _) = await browser.SignedInPageAsync(PartnershipRole.LeadOfficer, "jenny-jolley");
        await other.GotoAsync($"/partnerships/{Slug}/periods/2010-11-q2/reports");
        await Expect(other.GetByRole(AriaRole.Region, new() { Name = "Update on Anti Social Behaviour" })).ToBeVisibleAsync();
        await Expect(other.GetByRole(AriaRole.Link, new() { Name = "Edit Update on Anti Social Behaviour" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task PriorityForm_UnreadableNumberAndBlankTitle_ShowsBothErrorsAtOnce()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.SupportOfficer);
        var edition = await browser.EditionAsync("2010/11");

        await page.GotoAsync($"/editions/{edition.Id}/priorities/new");
        await page.GetByLabel("Number").FillAsync("two");
        await page.GetByLabel("Reason for amendment").FillAsync("A priority the Board added to the approved plan.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save priority" }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToContainTextAsync("Enter the priority's number as a whole number, like 2");
        await Expect(summary).ToContainTextAsync("Enter the priority's title");
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task PartnershipPage_LeadOfficerWithUpdatesDue_ShowsAReminderWithNoAxeViolations()
    {
        await OpenQuarterAsync("2010-11-q1");
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.LeadOfficer, "dave-sargent");

        await page.GotoAsync($"/partnerships/{Slug}");

        var banner = page.GetByRole(AriaRole.Region, new() { Name = "Updates due for 2010/11 Q1" });
        await Expect(banner).ToContainTextAsync("to update for 2010/11 Q1, due by 8 April 2099");
        await Axe.AssertNoViolationsAsync(page);
        await banner.GetByRole(AriaRole.Link, new() { Name = "Update your milestones" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your milestones to update");
    }
}
