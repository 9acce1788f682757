using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Indicators;

/// <summary>The indicator page's SPC chart and the SPC baseline form in the browser, with no axe-core violations.</summary>
public sealed class SpcPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Slug = "south-cambridgeshire";

    [Fact]
    public async Task IndicatorPage_SpcChartIconsAndTable_NoAxeViolations_AndTheBaselineFormWithItsErrors()
    {
        var id = await IndicatorWithValuesAsync([10, 12, 11, 13, 12, 11, 10, 12, 11, 13, 12, 11, 10, 30]);
        var visitor = await browser.NewPageAsync();

        var response = await visitor.GotoAsync($"/indicators/{id}");

        Assert.Equal(200, response?.Status);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Statistical process control" })).ToBeVisibleAsync();
        await Expect(visitor.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^SPC chart \\(XmR\\)") })).ToBeVisibleAsync();
        await Expect(visitor.Locator("[data-spc-variation]")).ToHaveTextAsync(new Regex("Special cause variation: concerning"));
        await Expect(visitor.Locator("[data-spc-assurance]")).ToHaveTextAsync(new Regex("Consistently passing the target"));
        var last = visitor.Locator("[data-spc-table]").GetByRole(AriaRole.Row).Filter(new() { HasText = "May 2010" });
        await Expect(last).ToContainTextAsync("concern");
        await Expect(last).ToContainTextAsync("beyond a process limit");
        await Axe.AssertNoViolationsAsync(visitor);

        var (analyst, _) = await browser.SignedInPageAsync(PartnershipRole.Analyst);
        await analyst.GotoAsync($"/indicators/{id}");
        await analyst.GetByRole(AriaRole.Link, new() { Name = "Change the SPC baseline period" }).ClickAsync();
        await Expect(analyst).ToHaveURLAsync(new Regex($"/indicators/{id}/spc-baseline$"));
        await Axe.AssertNoViolationsAsync(analyst);

        await analyst.GetByLabel("Baseline period (optional)").FillAsync("last spring");
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Save baseline period" }).ClickAsync();
        await Expect(analyst.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Expect(analyst).ToHaveTitleAsync(new Regex("^Error: "));
        await Axe.AssertNoViolationsAsync(analyst);

        await analyst.GetByLabel("Baseline period (optional)").FillAsync("2009-04..2010-03");
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Save baseline period" }).ClickAsync();
        await Expect(analyst).ToHaveURLAsync(new Regex($"/indicators/{id}#spc$"));
        await Expect(analyst.Locator("main")).ToContainTextAsync("The baseline period 2009/10");
        await Axe.AssertNoViolationsAsync(analyst);
    }

    /// <summary>A monthly count, lower is better, with values from April 2009 and a 2010/11 target of at most 20.</summary>
    private async Task<int> IndicatorWithValuesAsync(IReadOnlyList<int> values)
    {
        using var client = await browser.App.ApiClientAsync(await browser.App.AddUserAsync(PartnershipRole.Analyst));
        var code = $"SPC-{Guid.NewGuid().ToString("N")[..8]}";
        using var created = await client.PostAsJsonAsync($"/api/partnerships/{Slug}/indicators",
            new { code, name = "Incidents each month", unit = "Count", polarity = "LowerIsBetter", frequency = "Monthly", source = "Manual" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<CreatedJson>())!.Id;
        for (var i = 0; i < values.Count; i++)
        {
            var month = new DateOnly(2009, 4, 1).AddMonths(i).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            using var value = await client.PostAsJsonAsync($"/api/indicators/{id}/values", new { from = month, to = month, value = values[i] });
            Assert.Equal(HttpStatusCode.Created, value.StatusCode);
        }

        using var target = await client.PostAsJsonAsync($"/api/indicators/{id}/targets", new { year = "2010/11", kind = "AtMost", number = 20 });
        Assert.Equal(HttpStatusCode.Created, target.StatusCode);
        return id;
    }
}
