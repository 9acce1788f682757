using System.Globalization;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Panels;

/// <summary>
/// Neighbourhood panels in Chromium: a support officer adds a panel, its meetings and a priority (each form showing its
/// error summary first), records an action and the report back; a visitor reads the public page; the task group's list
/// and the assessment's panel section. axe-core on every page and state.
/// </summary>
public sealed class PanelPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task FillDateAsync(IPage page, string legend, DateOnly date)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = legend });
        await group.GetByLabel("Day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task PanelJourney_FromNewPanelToReportBack_ShowsErrorsAndOutcome_WithNoAxeViolations()
    {
        var name = $"Bar Hill Neighbourhood Panel {Random.Shared.Next(100000)}";
        var page = await browser.SharedSignedInPageAsync(PartnershipRole.SupportOfficer);
        await page.GotoAsync("/partnerships/south-cambridgeshire/panels");
        await Expect(page.Locator("#panels")).ToContainTextAsync("Histon and Cottenham Neighbourhood Panel");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a panel" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save panel" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the panel's name");
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the wards the panel covers");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Wards the panel covers").FillAsync("Bar Hill\nLongstanton");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save panel" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Axe.AssertNoViolationsAsync(page);

        foreach (var (date, place) in new[] { (new DateOnly(2010, 6, 2), "Bar Hill Church"), (new DateOnly(2010, 9, 8), "Longstanton Village Institute") })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Add a meeting" }).ClickAsync();
            if (place == "Bar Hill Church")
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Add meeting" }).ClickAsync();
                await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the date of the meeting");
                await Axe.AssertNoViolationsAsync(page);
            }

            await FillDateAsync(page, "Date of the meeting", date);
            await page.GetByLabel("Where it was held").FillAsync(place);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add meeting" }).ClickAsync();
            await Expect(page.Locator("#meetings")).ToContainTextAsync(place);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a priority" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Meeting it was set at").SelectOptionAsync(new SelectOptionValue { Label = "2 June 2010, Bar Hill Church" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save priority" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the priority the residents set");
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select where the priority was routed");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("The priority residents set").FillAsync("Speeding through the village");
        await page.GetByLabel("Ward", new() { Exact = true }).SelectOptionAsync("Bar Hill");
        await page.GetByLabel("The neighbourhood policing team").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save priority" }).ClickAsync();
        var card = page.Locator(".govuk-summary-card", new() { HasText = "Speeding through the village" });
        await Expect(card).ToContainTextAsync("Neighbourhood policing team");
        await Expect(card).ToContainTextAsync("Open");

        await card.GetByRole(AriaRole.Link, new() { Name = "Record an action on Speeding through the village" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record action" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what was done");
        await Axe.AssertNoViolationsAsync(page);
        await FillDateAsync(page, "Date of the action", new DateOnly(2010, 7, 1));
        await page.GetByLabel("What was done").FillAsync("Speed checks on six days");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record action" }).ClickAsync();
        await Expect(card).ToContainTextAsync("Actioned");
        await Expect(card).ToContainTextAsync("Speed checks on six days");

        await card.GetByRole(AriaRole.Link, new() { Name = "Report back on Speeding through the village" }).ClickAsync();
        // Only the meetings after the one the priority was raised at are offered (the editor refuses the rest).
        await Expect(page.GetByLabel("Meeting it was reported back at").Locator("option", new() { HasText = "2 June 2010" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save report back" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what was reported back to the panel");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("What was reported back").FillAsync("Speedwatch starts next month");
        await page.GetByLabel("Meeting it was reported back at").SelectOptionAsync(new SelectOptionValue { Label = "8 September 2010, Longstanton Village Institute" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save report back" }).ClickAsync();
        await Expect(card).ToContainTextAsync("Reported back");
        await Expect(card).ToContainTextAsync("Speedwatch starts next month");
        await Axe.AssertNoViolationsAsync(page);

        var panelPath = new Uri(page.Url).AbsolutePath;
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync(panelPath + "/public");
        await Expect(visitor.Locator("h1")).ToContainTextAsync("what was raised and what was done");
        await Expect(visitor.Locator("main")).ToContainTextAsync("Speedwatch starts next month");
        await Axe.AssertNoViolationsAsync(visitor);
        Assert.DoesNotContain("@", await visitor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Change the meeting of 8 September 2010" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Change the meeting");
        await page.GetByLabel("Where it was held").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save meeting" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter where the meeting was held");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Where it was held").FillAsync("Longstanton Sports Pavilion");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save meeting" }).ClickAsync();
        await Expect(page.Locator("#meetings")).ToContainTextAsync("Longstanton Sports Pavilion");

        await page.GetByRole(AriaRole.Link, new() { Name = "Delete the meeting of 2 June 2010" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("You cannot delete the meeting of 2 June 2010 yet");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Go back to the panel" }).ClickAsync();

        await card.GetByRole(AriaRole.Link, new() { Name = "Delete the action of 1 July 2010: Speed checks on six days" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Are you sure you want to delete the action?");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete the action" }).ClickAsync();
        await Expect(card).ToContainTextAsync("Nothing recorded yet.");

        await card.GetByRole(AriaRole.Link, new() { Name = "Delete priority: Speeding through the village" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Are you sure you want to delete the priority?");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete the priority" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("No priorities have been set at this panel yet.");
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task PublicPanelPage_AsAVisitor_ShowsTeamsAndAgenciesNotPeople_WithNoAxeViolations()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/partnerships/south-cambridgeshire/panels");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Histon and Cottenham Neighbourhood Panel" }).ClickAsync();
        var main = page.Locator("main");
        await Expect(main).ToContainTextAsync("ASB at the recreation ground");
        await Expect(main).ToContainTextAsync("South Cambridgeshire District Council");
        await Axe.AssertNoViolationsAsync(page);
        var text = await main.InnerTextAsync();
        Assert.DoesNotContain("Bridget Fairley", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@", text, StringComparison.Ordinal);

        await page.GotoAsync(new Uri(page.Url).AbsolutePath + "/public");
        await Expect(main).ToContainTextAsync("Reports of anti-social behaviour at the recreation ground fell");
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task TaskGroupItemsAndAssessmentSection_ShowThePanelPriorities_WithNoAxeViolations()
    {
        var page = await browser.SharedSignedInPageAsync(PartnershipRole.BoardMember);
        await page.GotoAsync("/bodies/asb-task-group/panel-items");
        await Expect(page.Locator("#panel-items")).ToContainTextAsync("ASB at the recreation ground");
        await Axe.AssertNoViolationsAsync(page);

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/partnerships/south-cambridgeshire/assessment?From=2010-04&To=2011-03");
        await Expect(visitor.Locator("#panel-priorities-table")).ToContainTextAsync("Speeding through the village");
        await Axe.AssertNoViolationsAsync(visitor);
    }
}
