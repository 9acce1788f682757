using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SaferPlan.Core.Accounts;
using SaferPlan.TestCommon;

using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Indicators;

/// <summary>
/// An indicator's SPC chart over HTTP: the API's numbers against a series worked by hand, the baseline period fixed
/// through the API (with versions) and the form, and the indicator page's chart, icons and table.
/// </summary>
public abstract class SpcTests(SaferPlanFactory app)
{
    /// <summary>This test's own partnership (xunit makes the class anew for each test), made on first use.</summary>
    private readonly Lazy<Task<TestPartnership>> partnership = new(() => TestData.Partnership().SaveAsync(app));

    /// <summary>14 months from April 2009: the last far off (see the Core tests for the arithmetic).</summary>
    private static readonly int[] HandSeries = [10, 12, 11, 13, 12, 11, 10, 12, 11, 13, 12, 11, 10, 30];

    private static string NewCode() => $"SPC-{Guid.NewGuid().ToString("N")[..8]}";

    private async Task<string> SlugAsync() => (await partnership.Value).Slug;

    private async Task<HttpClient> ClientAsync(PartnershipRole role) => await app.ApiClientAsync(await app.AddUserAsync(role, partnership: await SlugAsync()));

    /// <summary>A monthly count, lower is better, with the values from April 2009 and a 2010/11 target of at most 20.</summary>
    private async Task<int> IndicatorWithValuesAsync(HttpClient analyst, IReadOnlyList<int> values)
    {
        var id = (await CreatedAsync<IndicatorDetailJson>(await analyst.PostAsJsonAsync($"/api/partnerships/{await SlugAsync()}/indicators",
            new { code = NewCode(), name = "Incidents each month", unit = "Count", polarity = "LowerIsBetter", frequency = "Monthly", source = "Manual" }))).Id;
        for (var i = 0; i < values.Count; i++)
        {
            // "2009-10" alone would be the financial year 2009/10, so each month is sent as from and to.
            var month = new DateOnly(2009, 4, 1).AddMonths(i).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            await CreatedAsync<IndicatorValueJson>(await analyst.PostAsJsonAsync($"/api/indicators/{id}/values", new { from = month, to = month, value = values[i] }));
        }

        // A quarter's value is not a month: it is left out of a monthly chart.
        await CreatedAsync<IndicatorValueJson>(await analyst.PostAsJsonAsync($"/api/indicators/{id}/values", new { period = "2009-10-q1", value = 500 }));
        await CreatedAsync<IndicatorTargetJson>(await analyst.PostAsJsonAsync($"/api/indicators/{id}/targets", new { year = "2010-11", kind = "AtMost", number = 20 }));
        return id;
    }

    [Fact]
    public async Task Api_HandWorkedSeries_MeanLimitsSignalsVariationAndAssurance()
    {
        using var analyst = await ClientAsync(PartnershipRole.Analyst);
        var id = await IndicatorWithValuesAsync(analyst, HandSeries);
        using var anonymous = await app.ApiClientAsync();

        var spc = await OkJsonAsync<IndicatorSpcJson>(await anonymous.GetAsync($"/api/indicators/{id}/spc"));

        // Mean 178 / 14; the moving range of 20 is screened out, leaving 16 / 12; limits mean ± 2.66 × 16 / 12.
        Assert.Equal(178.0 / 14, spc.Mean!.Value, 9);
        Assert.Equal((178.0 / 14) + (2.66 * 16 / 12), spc.UpperLimit!.Value, 9);
        Assert.Equal((178.0 / 14) - (2.66 * 16 / 12), spc.LowerLimit!.Value, 9);
        var points = spc.Points;
        Assert.Equal(14, points.Count);
        Assert.Equal("2009-04", points[0].Period);
        Assert.Equal("2010-05", points[^1].Period);
        Assert.All(points.Take(13), p => Assert.Null(p.Signal));
        Assert.All(points.Take(13), p => Assert.Empty(p.Rules));
        Assert.Equal("concern", points[^1].Signal);
        Assert.Equal(["pointBeyondLimit"], points[^1].Rules);
        Assert.Equal("specialCauseConcerning", spc.Variation);

        // The 2010/11 target of at most 20 lies above the upper limit (16.26), and lower is better: consistently passing.
        Assert.Equal(20, spc.Target);
        Assert.Equal("consistentlyPassing", spc.Assurance);
        Assert.Null(spc.Message);
        await AssertNotFoundAsync(anonymous, "/api/indicators/999999/spc");
    }

    [Fact]
    public async Task Api_FewerThan12Points_TrialLimitsWithAMessage_OnePointHasNoneAndNoChart_AFlatSeriesAnAxisAroundItsValue()
    {
        using var analyst = await ClientAsync(PartnershipRole.Analyst);
        var five = await IndicatorWithValuesAsync(analyst, [10, 12, 11, 13, 12]);
        var one = await IndicatorWithValuesAsync(analyst, [10]);
        var flat = await IndicatorWithValuesAsync(analyst, [46, 46, 46]);
        using var anonymous = new PageSession(app.ServerAddress);

        var short5 = await OkJsonAsync<IndicatorSpcJson>(await analyst.GetAsync($"/api/indicators/{five}/spc"));
        var single = await OkJsonAsync<IndicatorSpcJson>(await analyst.GetAsync($"/api/indicators/{one}/spc"));
        var (_, onePage) = await anonymous.PageAsync($"/indicators/{one}");
        var (_, flatPage) = await anonymous.PageAsync($"/indicators/{flat}");
        var flatTicks = TestHtml.Parse(flatPage).QuerySelectorAll($"#spc-chart-{flat} text").Select(t => t.TextContent.Trim()).ToList();

        Assert.Contains("fewer than 12", short5.Message, StringComparison.Ordinal);
        Assert.NotNull(short5.UpperLimit);
        Assert.Contains("at least 2", single.Message, StringComparison.Ordinal);
        Assert.Null(single.UpperLimit);
        Assert.Null(single.Variation);
        Assert.Null(single.Assurance);
        Assert.DoesNotContain($"id=\"spc-chart-{one}\"", onePage, StringComparison.Ordinal);
        Assert.Contains("data-spc-table", onePage, StringComparison.Ordinal);
        Assert.Contains("46", flatTicks);
        Assert.DoesNotContain(flatTicks, t => t.Contains("9999", StringComparison.Ordinal) || t.Contains("0000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BaselineApi_Versions428_412_409_BoardMembers403_ThenLimitsFromTheBaselineOnly()
    {
        using var analyst = await ClientAsync(PartnershipRole.Analyst);
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        using var board = await ClientAsync(PartnershipRole.BoardMember);
        var id = await IndicatorWithValuesAsync(analyst, HandSeries);
        var path = $"/api/indicators/{id}/spc-baseline";
        JsonObject Body(string period) => new() { ["period"] = period };

        await ReadProblemAsync(await PutAsync(support, path, Body("2009-04..2010-03")), HttpStatusCode.PreconditionRequired);
        await ReadProblemAsync(await PutAsync(board, path, Body("2009-04..2010-03"), ifMatch: 1), HttpStatusCode.Forbidden);
        await ReadProblemAsync(await PutAsync(support, path, Body("last spring"), ifMatch: 1), HttpStatusCode.BadRequest);

        var saved = await PutOkAsync<IndicatorSpcJson>(support, path, Body("2009-04..2010-03"), ifMatch: 1);
        const string FinancialYear = "2009-10";

        // The first 12 points: sum 138, mean 11.5; moving ranges 2,1,2,1,1,1,2,1,2,1,1 sum 15 over 11 (none reaches 3.267 × 1.36).
        Assert.Equal(2, saved.Version);
        Assert.Equal(FinancialYear, saved.Baseline?.Period);
        Assert.Equal(11.5, saved.Mean!.Value, 9);
        Assert.Equal(11.5 + (2.66 * 15 / 11), saved.UpperLimit!.Value, 9);
        var points = saved.Points;
        Assert.True(points[11].InBaseline);
        Assert.False(points[12].InBaseline);
        Assert.Equal("concern", points[^1].Signal);

        // Someone still holding version 1 is refused either way; the saved baseline stands.
        await ReadProblemAsync(await PutAsync(analyst, path, Body(""), ifMatch: 1), HttpStatusCode.PreconditionFailed);
        var withVersion = Body("");
        withVersion["version"] = 1;
        await ReadProblemAsync(await PutAsync(analyst, path, withVersion), HttpStatusCode.Conflict);
        Assert.Equal(FinancialYear, (await OkJsonAsync<IndicatorSpcJson>(await analyst.GetAsync($"/api/indicators/{id}/spc"))).Baseline?.Period);

        // Cleared with the current version: every point again.
        var cleared = await PutOkAsync<IndicatorSpcJson>(analyst, path, new JsonObject { ["version"] = 2 });
        Assert.Null(cleared.Baseline);
        Assert.Equal(178.0 / 14, cleared.Mean!.Value, 9);
    }

    [Fact]
    public async Task Page_AnonymousSeesChartIconsWithWordsAndTheTable_AnalystFixesTheBaselineByTheForm()
    {
        using var analystApi = await ClientAsync(PartnershipRole.Analyst);
        var id = await IndicatorWithValuesAsync(analystApi, HandSeries);
        using var anonymous = new PageSession(app.ServerAddress);

        var (status, html) = await anonymous.PageAsync($"/indicators/{id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Statistical process control", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"spc-chart-{id}\" role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("Special cause variation: concerning", html, StringComparison.Ordinal);
        Assert.Contains("Consistently passing the target", html, StringComparison.Ordinal);
        Assert.Contains("data-spc-table", html, StringComparison.Ordinal);
        Assert.Contains("beyond a process limit", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/indicators/{id}/spc-baseline", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.PageAsync($"/indicators/{id}/spc-baseline")).Status);

        using var browser = await SignedInAsync(PartnershipRole.Analyst);
        var bad = await browser.SubmitAsync($"/indicators/{id}/spc-baseline", new() { ["Input.Period"] = "last spring" });
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.Contains("govuk-error-summary", bad.Html, StringComparison.Ordinal);
        Assert.Contains("Enter the baseline period as", bad.Html, StringComparison.Ordinal);

        var (_, form) = await browser.PageAsync($"/indicators/{id}/spc-baseline");
        var saved = await browser.SubmitAsync($"/indicators/{id}/spc-baseline", new() { ["Input.Period"] = "2009-04..2010-03" }, form);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(11.5, (await OkJsonAsync<IndicatorSpcJson>(await analystApi.GetAsync($"/api/indicators/{id}/spc"))).Mean!.Value, 9);
        var (_, page) = await browser.PageAsync($"/indicators/{id}");
        Assert.Contains("The baseline period 2009/10", page, StringComparison.Ordinal);

        // The same form again, still at the version it was read: refused with the error summary.
        var stale = await browser.SubmitAsync($"/indicators/{id}/spc-baseline", new() { ["Input.Period"] = "" }, form);
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("govuk-error-summary", stale.Html, StringComparison.Ordinal);
        Assert.Equal(11.5, (await OkJsonAsync<IndicatorSpcJson>(await analystApi.GetAsync($"/api/indicators/{id}/spc"))).Mean!.Value, 9);
    }

    private async Task<PageSession> SignedInAsync(PartnershipRole role) => await PageSession.SignedInAsync(app, role, partnership: await SlugAsync());
}

public sealed class SpcTestsOnSqlite(SharedSqliteApp shared) : SpcTests(shared.App), IClassFixture<SharedSqliteApp>;

public sealed class SpcTestsOnPostgres(SharedPostgresApp shared) : SpcTests(shared.App), IClassFixture<SharedPostgresApp>;
