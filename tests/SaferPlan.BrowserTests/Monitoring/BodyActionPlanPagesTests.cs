using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Monitoring;

/// <summary>A task group's own action plan pages in Chromium: every page, and each form's error state, passes axe.</summary>
public sealed class BodyActionPlanPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Body = "southern-domestic-abuse-task-group";

    [Fact]
    public async Task SupportOfficer_KeepsAPlan_FromTheBriefingsPage_WithNoAxeViolations()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.SupportOfficer);
        await page.GotoAsync($"/bodies/{Body}/briefings");
        await page.GetByRole(AriaRole.Link, new() { Name = "The action plans of Southern Domestic Abuse Task Group" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Southern Domestic Abuse Task Group");
        await Axe.AssertNoViolationsAsync(page);

        // The demo's plan as seed 001 gives it.
        await page.GetByRole(AriaRole.Link, new() { Name = "2010-2011 Action Plan" }).ClickAsync();
        await Expect(page.GetByText("£5,300 allocated for Freedom programmes in South Cambs.")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit item 1.10" }).ClickAsync();
        await Expect(page.GetByLabel("Number")).ToHaveValueAsync("1.10");
        await Axe.AssertNoViolationsAsync(page);
        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record 2010/11 Q4 progress" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Quarterly progress, 2010/11 Q4");
        await Axe.AssertNoViolationsAsync(page);

        // A new plan: the error state first, then the plan, an item and its first quarter's progress.
        await page.GotoAsync($"/bodies/{Body}/action-plans/new");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save action plan" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the financial year the plan covers");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Financial year").FillAsync("2012-13");
        await page.GetByLabel("Title").FillAsync("2012-2013 Action Plan");
        await page.GetByLabel("Action plan lead (optional)").FillAsync("SCDATG Chair");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save action plan" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("2012-2013 Action Plan saved");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add an item" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save item" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the item's number, like 1.10");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("The group's priority heading (optional)").FillAsync("Priority 1: Raising awareness");
        await page.GetByLabel("Number").FillAsync("1.1");
        await page.GetByLabel("Action plan item").FillAsync("Refresh the online directory of services");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save item" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Item 1.1 saved");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record 2012/13 Q1 progress" }).ClickAsync();
        await page.GetByLabel("1.1 Refresh the online directory of services").FillAsync("Directory refreshed in May.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save progress" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("2012/13 Q1 progress of 2012-2013 Action Plan saved");
        await Expect(page.GetByText("Directory refreshed in May.")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
    }
}
