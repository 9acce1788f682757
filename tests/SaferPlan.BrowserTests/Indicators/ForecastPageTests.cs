using System.Net;
using System.Net.Http.Json;
using SaferPlan.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Indicators;

/// <summary>The indicator page's year-end forecast in the browser: the sentence, the trajectory table, and no axe-core violations.</summary>
public sealed class ForecastPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task IndicatorPage_WithAForecast_ShowsItsSentenceAndTrajectory_WithNoAxeViolations()
    {
        using var client = await browser.App.ApiClientAsync(await browser.App.AddUserAsync(PartnershipRole.Analyst));
        using var created = await client.PostAsJsonAsync("/api/partnerships/south-cambridgeshire/indicators",
            new { code = $"FC-{Guid.NewGuid().ToString("N")[..8]}", name = "First time entrants", unit = "Count", polarity = "LowerIsBetter", frequency = "Quarterly", source = "Manual" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<CreatedJson>())!.Id;
        foreach (var (period, value) in new[] { ("2009-10-q1", 27), ("2009-10-q2", 35), ("2009-10-q3", 26), ("2009-10-q4", 22), ("2010-11-q1", 27), ("2010-11-q2", 35) })
        {
            using var saved = await client.PostAsJsonAsync($"/api/indicators/{id}/values", new { period, value });
            Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        }

        using (var target = await client.PostAsJsonAsync($"/api/indicators/{id}/targets", new { year = "2010/11", kind = "AtMost", number = 115, amberTolerance = 0 }))
        {
            Assert.Equal(HttpStatusCode.Created, target.StatusCode);
        }

        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync($"/indicators/{id}");

        // The same shape as the year before, so 62 by Q2 forecasts 110 exactly (one earlier year: the Poisson interval of the 48 to come).
        Assert.Equal(200, response?.Status);
        await Expect(page.Locator("p.app-indicator-forecast")).ToContainTextAsync("Forecast 110 (101–119) against a target of at most 115: too close to call.");
        await Expect(page.Locator("p.app-indicator-forecast .govuk-tag")).ToHaveTextAsync("Too close to call");
        await Expect(page.Locator("#forecast-trajectory tbody tr")).ToHaveCountAsync(4);
        await Axe.AssertNoViolationsAsync(page);
    }
}
