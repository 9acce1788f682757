using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Indicators;

/// <summary>The indicator pages and forms in the browser: no axe-core violations (also with an error summary), and an analyst entering a value.</summary>
public sealed class IndicatorTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Slug = "south-cambridgeshire";

    [Fact]
    public async Task List_AndIndicatorPages_HaveNoAxeViolations_ForVisitorsAndAnalysts()
    {
        var visitor = await browser.NewPageAsync();
        var response = await visitor.GotoAsync($"/partnerships/{Slug}/indicators");
        Assert.Equal(200, response?.Status);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Indicators");
        var ni32 = visitor.GetByRole(AriaRole.Row).Filter(new() { HasText = "NI32" });
        await Expect(ni32).ToContainTextAsync("34%");
        await Expect(ni32.Locator(".govuk-tag")).ToHaveTextAsync("No target");
        await Expect(visitor.Locator("#synthetic-notice")).ToContainTextAsync("synthetic demo data");
        await Axe.AssertNoViolationsAsync(visitor);

        // NI30 (a manual value, a baseline, a link) and NI16 (recorded crime over the demo's synthetic crime data, which it says).
        foreach (var code in new[] { "NI30", "NI16" })
        {
            await visitor.GotoAsync($"/partnerships/{Slug}/indicators");
            await visitor.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^{code}\\b") }).First.ClickAsync();
            await Expect(visitor).ToHaveURLAsync(new Regex("/indicators/\\d+$"));
            await Expect(visitor.Locator(".govuk-caption-l")).ToHaveTextAsync(code);
            await Expect(visitor.Locator("#synthetic-notice")).ToHaveCountAsync(code == "NI16" ? 1 : 0);
            await Axe.AssertNoViolationsAsync(visitor);
        }

        // The analyst's view of an indicator carries the links to every form.
        var (analyst, _) = await browser.SignedInPageAsync(PartnershipRole.Analyst);
        var id = await CreateIndicatorAsync();
        await analyst.GotoAsync($"/partnerships/{Slug}/indicators");
        await Axe.AssertNoViolationsAsync(analyst);
        await analyst.GotoAsync($"/indicators/{id}");
        await Expect(analyst.Locator($"a[href='/indicators/{id}/values/new']").First).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(analyst);
    }

    [Theory]
    [InlineData("indicator", "Save indicator")]
    [InlineData("edit", "Save indicator")]
    [InlineData("values", "Save value")]
    [InlineData("baselines", "Save baseline")]
    [InlineData("targets", "Save target")]
    [InlineData("links", "Link")]
    public async Task EachForm_HasNoAxeViolations_BeforeAndAfterABadSubmit(string form, string button)
    {
        var id = await CreateIndicatorAsync();
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.Analyst);
        var path = form switch
        {
            "indicator" => $"/partnerships/{Slug}/indicators/new",
            "edit" => $"/indicators/{id}/edit",
            _ => $"/indicators/{id}/{form}/new",
        };

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response?.Status);
        await Axe.AssertNoViolationsAsync(page);

        // Submitted with its boxes empty (the edit form with its code cleared): the form again, with the error summary.
        if (form == "edit")
        {
            await page.GetByLabel("Code", new() { Exact = true }).FillAsync("");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Link).First).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Analyst_AddsAValueThroughTheForm_AndSeesTheStatusTagWithItsText()
    {
        var id = await CreateIndicatorAsync(target: new { year = "2010/11", kind = "AtMost", number = 30 });
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.Analyst);
        await page.GotoAsync($"/indicators/{id}");

        await page.Locator($"a[href='/indicators/{id}/values/new']").First.ClickAsync();
        await page.GetByLabel("Period", new() { Exact = true }).FillAsync("2010-11-q4");
        await page.GetByLabel("Value (percentage)", new() { Exact = true }).FillAsync("34");
        await page.GetByLabel("Source", new() { Exact = true }).FillAsync("Domestic Abuse Partnership briefing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save value", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/indicators/{id}#values$"));
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "34% against" });
        await Expect(row.Locator(".govuk-tag")).ToHaveTextAsync("Red");
        await Expect(row).ToContainTextAsync("34% against a target of at most 30%: red, missing it by 4%.");
        await Axe.AssertNoViolationsAsync(page);

        // And the list shows it as the latest value.
        await page.GotoAsync($"/partnerships/{Slug}/indicators");
        var listed = page.GetByRole(AriaRole.Row).Filter(new() { HasText = await CodeAsync(id) });
        await Expect(listed.Locator(".govuk-tag")).ToHaveTextAsync("Red");
    }

    [Fact]
    public async Task Dashboard_ShowsLinkedIndicatorsWithTheirStatusTagAndSentence_WithNoAxeViolations()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.BoardMember);

        var response = await page.GotoAsync($"/partnerships/{Slug}/periods/2010-11-q4/dashboard");

        Assert.Equal(200, response?.Status);
        var ni32 = page.Locator("table.app-linked-indicators").GetByRole(AriaRole.Row).Filter(new() { HasText = "NI32" });
        await Expect(ni32).ToHaveCountAsync(1);
        await Expect(ni32.Locator(".govuk-tag")).ToHaveTextAsync("No target");
        await Expect(ni32).ToContainTextAsync("34% with no target set for 2010/11.");
        await Expect(ni32.GetByRole(AriaRole.Link, new() { Name = "NI32", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("#synthetic-notice")).ToContainTextAsync("Indicators computed from recorded crime");
        await Axe.AssertNoViolationsAsync(page);
    }

    /// <summary>A manual percentage indicator of the demo partnership with a unique code, made through the API by an analyst.</summary>
    private async Task<int> CreateIndicatorAsync(object? target = null)
    {
        using var client = await browser.App.ApiClientAsync(await browser.App.AddUserAsync(PartnershipRole.Analyst));
        var code = $"BT-{Guid.NewGuid().ToString("N")[..8]}";
        using var created = await client.PostAsJsonAsync($"/api/partnerships/{Slug}/indicators",
            new { code, name = "Browser test indicator", unit = "Percentage", polarity = "LowerIsBetter", frequency = "Quarterly", source = "Manual" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<CreatedJson>())!.Id;
        if (target is not null)
        {
            using var set = await client.PostAsJsonAsync($"/api/indicators/{id}/targets", target);
            Assert.Equal(HttpStatusCode.Created, set.StatusCode);
        }

        return id;
    }

    private async Task<string> CodeAsync(int id)
    {
        using var client = await browser.App.ApiClientAsync();
        return (await client.GetFromJsonAsync<IndicatorJson>($"/api/indicators/{id}"))!.Code;
    }
}
