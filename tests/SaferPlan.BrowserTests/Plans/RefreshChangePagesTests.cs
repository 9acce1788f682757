using SaferPlan.TestCommon;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Plans;

/// <summary>
/// Writing up the changes made on the comments page, starting one from the compare page, and reading the refresh report,
/// in Chromium with axe-core, error states included.
/// </summary>
public sealed class RefreshChangePagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{

    /// <summary>A draft of this test's own with one priority; other tests start plans too, so a year already taken is skipped.</summary>
    private async Task<int> OwnDraftAsync(string priority)
    {
        using var client = await browser.App.ApiClientAsync(await browser.App.AddUserAsync(PartnershipRole.SupportOfficer));
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var year = PlanYears.Next();
            using var started = await client.PostAsJsonAsync("/api/partnerships/south-cambridgeshire/plans", new { title = $"Refresh plan {year}", startYear = year, endYear = year + 3 });
            if (!started.IsSuccessStatusCode)
            {
                continue;
            }

            var editionId = (await started.Content.ReadFromJsonAsync<CreatedJson>())!.Id;
            using var created = await client.PostAsJsonAsync($"/api/editions/{editionId}/priorities", new { title = priority });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            return editionId;
        }

        throw new InvalidOperationException("No free year to start a plan in.");
    }

    [Fact]
    public async Task SupportOfficer_WritesUpChangesMade_FromTheFormAndTheComparePage_AndReadsTheReport_WithNoAxeViolations()
    {
        var older = await OwnDraftAsync("Reducing Burglary");
        var editionId = await OwnDraftAsync("Reducing Serious Acquisitive Crime");
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.SupportOfficer);

        await page.GotoAsync($"/editions/{editionId}/comments");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add change made" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the change made");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("Which priority is the change for?").SelectOptionAsync(new SelectOptionValue { Label = "Priority 1: Reducing Serious Acquisitive Crime" });
        await page.GetByLabel("Change made", new() { Exact = true }).FillAsync("An amalgamation of the Reducing Burglary and Reducing Vehicle Crime priorities");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add change made" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Change made 1.1 added");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Changes made" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the record of change 1.1" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Change made", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save change made" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the change made");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Change made", new() { Exact = true }).FillAsync("Reducing Burglary and Reducing Vehicle Crime amalgamated");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save change made" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Change made 1.1 saved");

        await page.GotoAsync($"/editions/{editionId}/compare?With={older}");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Write up as a change made for Priority 1: Reducing Serious Acquisitive Crime" }).ClickAsync();
        await Expect(page.GetByLabel("Change made", new() { Exact = true })).ToHaveValueAsync("Reducing Serious Acquisitive Crime added to the plan.");
        await Expect(page.GetByLabel("Which priority is the change for?")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^[0-9]+$"));
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add change made" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Change made 1.2 added");

        await page.GetByRole(AriaRole.Link, new() { Name = "Refresh report (web page)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Changes made" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Reducing Burglary and Reducing Vehicle Crime amalgamated");
        await Expect(page.Locator("main")).ToContainTextAsync("Reducing Serious Acquisitive Crime added to the plan.");
        await Axe.AssertNoViolationsAsync(page);
    }
}
