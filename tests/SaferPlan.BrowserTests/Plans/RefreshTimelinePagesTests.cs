using SaferPlan.TestCommon;
using System.Globalization;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Plans;

/// <summary>
/// The refresh timeline in Chromium: a support officer starts a plan, sees its refresh as a task list on the draft's page,
/// sets the dates (with an error first) and sees each step's status in words. axe-core on every page and state.
/// </summary>
public sealed class RefreshTimelinePagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task FillDateAsync(IPage page, string legend, DateOnly date)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = legend });
        await group.GetByLabel("Day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Timeline_TaskListAndForm_ShowStepsErrorsAndStatusInWords_WithNoAxeViolations()
    {
        var today = browser.App.Today;
        var year = PlanYears.Next();
        var page = await browser.SharedSignedInPageAsync(PartnershipRole.SupportOfficer);
        await page.GotoAsync("/partnerships/south-cambridgeshire");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a plan" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync($"Community Safety Plan {year}–{year + 3}");
        await page.GetByLabel("Year the plan starts").FillAsync(year.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Year the plan ends").FillAsync((year + 3).ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("is started as a draft");

        var steps = page.Locator(".govuk-task-list .govuk-task-list__item");
        await Expect(steps).ToHaveCountAsync(6);
        await Expect(steps.Nth(0)).ToContainTextAsync("The Board decides the year's priorities");
        await Expect(steps.Nth(0)).ToContainTextAsync("Not dated");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Set the refresh dates" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page);
        await FillDateAsync(page, "Lead officers' input opens", today.AddDays(-3));
        await FillDateAsync(page, "Lead officers' input closes", today.AddDays(-5));
        var circulated = page.GetByRole(AriaRole.Group, new() { Name = "Draft circulated for comments" });
        await circulated.GetByLabel("Day").FillAsync("31");
        await circulated.GetByLabel("Month").FillAsync("2");
        await circulated.GetByLabel("Year").FillAsync(year.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the refresh dates" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToContainTextAsync("Lead officers' input must close on or after the day it opens");
        await Expect(summary).ToContainTextAsync("The date the draft is circulated must be a real date");
        await Axe.AssertNoViolationsAsync(page);

        await FillDateAsync(page, "Board decision on the year's priorities", today.AddDays(-30));
        await FillDateAsync(page, "Lead officers' input closes", today.AddDays(3));
        await FillDateAsync(page, "Executive Group discusses the draft", today);
        await FillDateAsync(page, "Draft circulated for comments", today.AddDays(10));
        await FillDateAsync(page, "Deadline for comments", today.AddDays(16));
        await FillDateAsync(page, "Board meeting to approve the plan", today.AddDays(30));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the refresh dates" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The refresh dates are saved");

        await Expect(steps.Nth(0)).ToContainTextAsync("Done");
        await Expect(steps.Nth(0)).ToContainTextAsync(today.AddDays(-30).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));
        await Expect(steps.Nth(1)).ToContainTextAsync("Open now");
        await Expect(steps.Nth(2)).ToContainTextAsync("Today");
        await Expect(steps.Nth(3)).ToContainTextAsync("To do");
        await Axe.AssertNoViolationsAsync(page);

        // Once lead officers' input has closed, a lead officer reading the draft is told so.
        var editionPath = new Uri(page.Url).AbsolutePath;
        await page.GetByRole(AriaRole.Link, new() { Name = "Set the refresh dates" }).ClickAsync();
        await FillDateAsync(page, "Lead officers' input opens", today.AddDays(-20));
        await FillDateAsync(page, "Lead officers' input closes", today.AddDays(-2));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the refresh dates" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The refresh dates are saved");
        await Expect(steps.Nth(1)).ToContainTextAsync("Done");

        var (lead, _) = await browser.SignedInPageAsync(PartnershipRole.LeadOfficer, "dave-sargent");
        await lead.GotoAsync(editionPath);
        var closedOn = today.AddDays(-2).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        await Expect(lead.Locator(".govuk-inset-text")).ToContainTextAsync($"Lead officers' input closed on {closedOn}");
        await Expect(lead.GetByRole(AriaRole.Link, new() { Name = "Set the refresh dates" })).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(lead);
    }
}
