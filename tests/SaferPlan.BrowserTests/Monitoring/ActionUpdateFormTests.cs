using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Monitoring;

/// <summary>A lead officer's update of an action as a whole, and the update forms' context, in Chromium with axe-core.</summary>
public sealed class ActionUpdateFormTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Slug = "south-cambridgeshire";

    private async Task OpenQuarterAsync(string period)
    {
        using var client = await browser.App.ApiClientAsync(await browser.App.AddUserAsync(PartnershipRole.SupportOfficer));
        using var response = await client.PostAsJsonAsync($"/api/partnerships/{Slug}/periods/{period}/round", new { deadline = "2099-04-08" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LeadOfficer_UpdatesAnActionAsAWhole_CoveringTheMilestonesTicked_WithNoAxeViolations()
    {
        await OpenQuarterAsync("2010-11-q1");
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.LeadOfficer, "dave-sargent");

        await page.GotoAsync("/my-updates");
        await page.GetByRole(AriaRole.Link, new() { Name = "Update action 1.6 as a whole" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("1.6 Combat Distraction Burglars and Rogue Traders");
        await Expect(page.GetByText("Updates are due by 8 April 2099")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        foreach (var code in new[] { "1.6a", "1.6b", "1.6c", "1.6d", "1.6e" })
        {
            await page.GetByLabel(new Regex($"^{Regex.Escape(code)} ")).UncheckAsync();
        }

        await page.GetByLabel("Progress this quarter").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit update" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select the milestones this update covers");
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the progress made this quarter");
        await Axe.AssertNoViolationsAsync(page);

        foreach (var code in new[] { "1.6a", "1.6b", "1.6d", "1.6e" })
        {
            await page.GetByLabel(new Regex($"^{Regex.Escape(code)} ")).CheckAsync();
        }

        await page.GetByLabel("Progress this quarter").FillAsync("Press releases and radio interviews on rogue traders");
        await page.GetByLabel("On track", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit update" }).ClickAsync();

        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Update for 1.6a, b, d, e submitted");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "1.6a, b, d, e: action 1.6 as a whole" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        var edition = await browser.EditionAsync("2010/11");
        await page.GotoAsync($"/milestones/{edition.MilestoneId("1.6b")}/updates/2010-11-q1");
        await Expect(page.GetByText("This quarter's update of action 1.6 as a whole covers 1.6a, b, d, e.")).ToBeVisibleAsync();
        await Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("Measurement");
        await Axe.AssertNoViolationsAsync(page);
    }
}
