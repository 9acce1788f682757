using System.Net;
using System.Net.Http.Json;
using SaferPlan.Core.Accounts;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Crime;
using SaferPlan.Web.Tests.Documents;
using SaferPlan.Web.Tests.Indicators;
using SaferPlan.Web.Tests.Monitoring;

using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Statistics;

/// <summary>
/// Year-end forecasts on the indicator API, page and Board report, and the tested "rose/fell" sentence of the
/// strategic assessment page and DOCX, on both databases.
/// </summary>
public abstract class ForecastAndSignificanceTests(SaferPlanFactory app)
{
    // Quarters of a year shaped 27 : 35 : 26 : 22 (of 110): 2008/09 at that shape, 2009/10 at twice it.
    private static readonly (string Period, int Value)[] History =
    [
        ("2008-09-q1", 27), ("2008-09-q2", 35), ("2008-09-q3", 26), ("2008-09-q4", 22),
        ("2009-10-q1", 54), ("2009-10-q2", 70), ("2009-10-q3", 52), ("2009-10-q4", 44),
    ];

    private const string Sentence = "Forecast 220 (220–220) against a target of at most 200: likely to miss.";

    /// <summary>A quarterly count, its two years of history and 2010/11 Q1 of 54, with a target of at most 200 for 2010/11.</summary>
    private static async Task<int> ForecastIndicatorAsync(HttpClient analyst, string slug, string code)
    {
        var id = (await CreatedAsync<IndicatorDetailJson>(await analyst.PostAsJsonAsync($"/api/partnerships/{slug}/indicators",
            new { code, name = "First time entrants", unit = "Count", polarity = "LowerIsBetter", frequency = "Quarterly", source = "Manual" }))).Id;
        foreach (var (period, value) in History.Append(("2010-11-q1", 54)))
        {
            await CreatedAsync<IndicatorValueJson>(await analyst.PostAsJsonAsync($"/api/indicators/{id}/values", new { period, value, source = "YOS" }));
        }

        await CreatedAsync<IndicatorTargetJson>(await analyst.PostAsJsonAsync($"/api/indicators/{id}/targets", new { year = "2010/11", kind = "AtMost", number = 200, amberTolerance = 0 }));
        return id;
    }

    [Fact]
    public async Task IndicatorApi_QuarterlyCountWithTarget_GivesForecastIntervalTrajectoryAndSentence()
    {
        using var analyst = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Analyst));
        using var anonymous = await app.ApiClientAsync();
        var id = await ForecastIndicatorAsync(analyst, "south-cambridgeshire", $"FTE-{Guid.NewGuid().ToString("N")[..8]}");

        var forecast = (await GetItemAsync<IndicatorDetailJson>(anonymous, $"/api/indicators/{id}")).Forecast;
        Assert.NotNull(forecast);

        // Q1 made 27 of 110 in both earlier years, so 54 so far forecasts 54 ÷ (27/110) = 220, with no spread between the years.
        Assert.Equal("2010-11", forecast.Year);
        Assert.Equal(54m, forecast.YearToDate);
        Assert.Equal(220m, forecast.Forecast);
        Assert.Equal(220m, forecast.Low);
        Assert.Equal(220m, forecast.High);
        Assert.Equal(200m, forecast.Target);
        Assert.Equal("LikelyToMiss", forecast.Outlook);
        Assert.Equal(Sentence, forecast.Sentence);
        Assert.Equal(2, forecast.YearsOfHistory);
        var points = forecast.Trajectory;
        Assert.Equal(["2010-11-q1", "2010-11-q2", "2010-11-q3", "2010-11-q4"], points.Select(p => p.Period));

        // The target of 200 profiled by the shape: 200 × 27/110 = 49.09 in Q1, all 200 by Q4; the actual so far in Q1 only.
        Assert.Equal(49m, points[0].Target);
        Assert.Equal(200m, points[3].CumulativeTarget);
        Assert.Equal(54m, points[0].Actual);
        Assert.Null(points[1].Actual);

        var page = System.Net.WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/indicators/{id}"));
        Assert.Contains(Sentence, page, StringComparison.Ordinal);
        Assert.Contains("id=\"forecast-trajectory\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndicatorApi_NoTargetForTheYear_HasNoForecast()
    {
        using var analyst = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Analyst));
        var id = (await CreatedAsync<IndicatorDetailJson>(await analyst.PostAsJsonAsync("/api/partnerships/south-cambridgeshire/indicators",
            new { code = $"NOTGT-{Guid.NewGuid().ToString("N")[..8]}", name = "Repeat cases", unit = "Count", polarity = "LowerIsBetter", frequency = "Quarterly", source = "Manual" }))).Id;
        await CreatedAsync<IndicatorValueJson>(await analyst.PostAsJsonAsync($"/api/indicators/{id}/values", new { period = "2010-11-q1", value = 5 }));

        var detail = await GetItemAsync<IndicatorDetailJson>(analyst, $"/api/indicators/{id}");

        Assert.Null(detail.Forecast);
    }

    [Fact]
    public async Task BoardReportAndDashboard_LinkedIndicator_CarriesTheForecast()
    {
        var data = await BoardReportTestData.CreateAsync(app);
        using var analyst = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Analyst, partnership: data.Slug));
        using var anonymous = await app.ApiClientAsync();
        var id = await ForecastIndicatorAsync(analyst, data.Slug, $"FTE-{data.Id}");
        var priority = await app.WithScopeAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Core.Data.SaferPlanDbContext>(sp)
                .Priorities.Where(p => p.Edition.Plan!.Partnership.Slug == data.Slug && p.Number == 1 && p.Kind == Core.Plans.PriorityKind.Priority).Select(p => p.Id)));
        using (var link = await analyst.PostAsJsonAsync($"/api/indicators/{id}/links", new { priorityId = priority }))
        {
            Assert.Equal(HttpStatusCode.Created, link.StatusCode);
        }

        var html = System.Net.WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/api/partnerships/{data.Slug}/reports/performance/2010-11-q4.html"));
        var docx = DocumentFiles.AllParts(await anonymous.GetByteArrayAsync($"/api/partnerships/{data.Slug}/reports/performance/2010-11-q4.docx"));

        Assert.Contains($"Likely to miss</strong>: {Sentence}", html, StringComparison.Ordinal);
        Assert.Contains(Sentence, docx, StringComparison.Ordinal);

        // The members' dashboard shows the same forecast beside the indicator under its priority.
        var dashboard = await OkJsonAsync<DashboardJson>(await analyst.GetAsync($"/api/partnerships/{data.Slug}/periods/2010-11-q4/dashboard"));
        var shown = dashboard.Priorities.SelectMany(p => p.Indicators).Single(i => i.IndicatorId == id);
        Assert.Equal(Sentence, shown.Forecast);
    }

    [Fact]
    public async Task Assessment_PageAndDocx_SayWhetherTheChangeIsSignificant()
    {
        await CrimeTestData.EnsureAsync(app);
        using var analyst = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Analyst, partnership: CrimeTestData.Slug));
        await analyst.PutAsJsonAsync($"/api/partnerships/{CrimeTestData.Slug}/area", new { localAuthorityName = "Testshire" });
        (await analyst.PostAsync($"/api/partnerships/{CrimeTestData.Slug}/crime-groups/usual", null)).Dispose();
        using var anonymous = await app.ApiClientAsync();
        const string window = "from=2008-09&to=2009-08";

        var page = System.Net.WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/partnerships/{CrimeTestData.Slug}/assessment?{window}"));
        using var response = await analyst.GetAsync($"/api/partnerships/{CrimeTestData.Slug}/assessment.docx?{window}");
        var docx = DocumentFiles.AllParts(await response.Content.ReadAsByteArrayAsync());

        // Seed 000's "increased by 7.9%": 1,079 against 1,000 is p = 0.09 by the exact test, so not a significant change.
        const string said = "1,079 in September 2008 to August 2009 against 1,000 in the previous 12 months (+79): rose 7.9%, not a significant change.";
        Assert.Contains(said, page, StringComparison.Ordinal);
        Assert.Contains(said, docx, StringComparison.Ordinal);
    }
}

public sealed class ForecastAndSignificanceTestsOnSqlite(SqliteFactory app) : ForecastAndSignificanceTests(app), IClassFixture<SqliteFactory>;

public sealed class ForecastAndSignificanceTestsOnPostgres(PostgresFactory app) : ForecastAndSignificanceTests(app), IClassFixture<PostgresFactory>;
