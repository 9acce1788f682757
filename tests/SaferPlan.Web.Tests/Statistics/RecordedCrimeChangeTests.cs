using System.Text.RegularExpressions;
using SaferPlan.Core.Accounts;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Indicators;

using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Statistics;

/// <summary>
/// A recorded-crime indicator over the demo's synthetic crime: on the dashboard and in the Board report, its 12 months
/// against the 12 before say whether the change is significant, and its complete year says whether the target was met.
/// </summary>
public abstract partial class RecordedCrimeChangeTests(SaferPlanFactory app)
{
    private const string Slug = "south-cambridgeshire";

    [GeneratedRegex(@"^The 12 months to March 2011 against the 12 before: (rose|fell) \d+\.\d%, (not a significant change|a significant (rise|fall) \(p (=|<) 0\.\d+\))\.$")]
    private static partial Regex TestedChange();

    [Fact]
    public async Task Ni16_OnTheDashboardAndBoardReport_SaysWhetherItsChangeIsSignificant()
    {
        using var board = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember));

        var dashboard = await OkJsonAsync<Monitoring.DashboardJson>(await board.GetAsync($"/api/partnerships/{Slug}/periods/2010-11-q4/dashboard"));
        var ni16 = dashboard.Priorities.SelectMany(p => p.Indicators).First(i => i.Code == "NI16");
        var change = ni16.Change ?? "";
        var html = System.Net.WebUtility.HtmlDecode(await board.GetStringAsync($"/api/partnerships/{Slug}/reports/performance/2010-11-q4.html"));

        Assert.Matches(TestedChange(), change);
        Assert.Contains(change, html, StringComparison.Ordinal);

        // March 2011 ends 2010/11, so its forecast is the year's outturn against the target below the 2009/10 baseline.
        Assert.Matches(@"^2010/11 ended at [\d.]+ against a target below the 2009/10 baseline of [\d.]+: (met|missed)\.$", ni16.Forecast ?? "");
    }
}

public sealed class RecordedCrimeChangeTestsOnSqlite(DemoCrimeSqliteFactory app) : RecordedCrimeChangeTests(app), IClassFixture<DemoCrimeSqliteFactory>;

public sealed class RecordedCrimeChangeTestsOnPostgres(DemoCrimePostgresFactory app) : RecordedCrimeChangeTests(app), IClassFixture<DemoCrimePostgresFactory>;
