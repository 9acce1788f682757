using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Security;

/// <summary>The forms work with JavaScript turned off.</summary>
public sealed class NoJavaScriptTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AddAction_WithJavaScriptDisabled_ShowsTheActionOnTheEditionPage()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.SupportOfficer, javaScriptEnabled: false);
        var edition = await browser.EditionAsync("2010/11");
        const string text = "Run a bike-marking day in every village with a rise in cycle theft";
        await page.GotoAsync($"/editions/{edition.Id}");
        Assert.DoesNotContain("js-enabled", await page.Locator("body").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add an action to priority 1" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add an action to priority 1", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Action", new() { Exact = true }).FillAsync(text);
        await page.GetByLabel("Lead agency", new() { Exact = true }).FillAsync("Cambridgeshire Constabulary");
        await page.GetByLabel("Reason for amendment").FillAsync("The Board added a bike-marking action to the approved plan.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save action" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/editions/{edition.Id}#action-1\\.8$"));
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Action 1.8 saved");
        var row = page.Locator("tr#action-1\\.8");
        await Expect(row).ToContainTextAsync(text);
        await Expect(row).ToContainTextAsync("Cambridgeshire Constabulary");
        await Expect(page.Locator("section[aria-labelledby='priority-1']")).ToContainTextAsync(text);
    }
}
