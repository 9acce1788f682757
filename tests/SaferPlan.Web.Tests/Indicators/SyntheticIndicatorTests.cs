using System.Net;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Crime;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Monitoring;

using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Indicators;

/// <summary>
/// Recorded-crime indicators computed from files imported marked synthetic say so wherever they are shown, by the one
/// rule the crime pages use (<see cref="CrimeStatistics.AnySynthetic"/>); the host loads the demo's synthetic crime.
/// </summary>
public abstract class SyntheticIndicatorTests(SaferPlanFactory app)
{
    private const string Slug = "south-cambridgeshire";

    [Fact]
    public async Task RecordedCrimeIndicators_OverTheDemosSyntheticCrime_SaySoOnEveryPageAndReport()
    {
        // The demo's recorded crime is generated and imported marked synthetic; NI16 is computed from it, NI32 is entered.
        using var browser = new PageSession(app.ServerAddress);
        using var anonymous = await app.ApiClientAsync();
        using var board = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember));
        using var member = await SignedInAsync(PartnershipRole.BoardMember);
        var list = await OkJsonAsync<List<IndicatorSummaryJson>>(await anonymous.GetAsync($"/api/partnerships/{Slug}/indicators"));
        var ni16 = list.Single(i => i.Code == "NI16");
        var ni32 = list.Single(i => i.Code == "NI32");
        Assert.True(ni16.Notice == CrimeStatistics.SyntheticNotice, ni16.ToString());
        Assert.Null(ni32.Notice);
        Assert.Equal(CrimeStatistics.SyntheticNotice, (await OkJsonAsync<IndicatorDetailJson>(await anonymous.GetAsync($"/api/indicators/{ni16.Id}"))).Notice);
        Assert.Null((await OkJsonAsync<IndicatorDetailJson>(await anonymous.GetAsync($"/api/indicators/{ni32.Id}"))).Notice);

        static void SaysSynthetic(string where, string html, string notice)
        {
            Assert.True(WebUtility.HtmlDecode(html).Contains(notice, StringComparison.Ordinal), $"{where} does not say its recorded-crime figures are synthetic");
        }

        SaysSynthetic("The indicators page", (await browser.PageAsync($"/partnerships/{Slug}/indicators")).Html, CrimeStatistics.SyntheticIndicatorNotice);
        SaysSynthetic("NI16's page", (await browser.PageAsync($"/indicators/{ni16.Id}")).Html, CrimeStatistics.SyntheticNotice);
        Assert.DoesNotContain("synthetic-notice", (await browser.PageAsync($"/indicators/{ni32.Id}")).Html, StringComparison.Ordinal);
        var (dashboardStatus, dashboard) = await member.PageAsync($"/partnerships/{Slug}/periods/2010-11-q4/dashboard");
        Assert.Equal(HttpStatusCode.OK, dashboardStatus);
        SaysSynthetic("The dashboard", dashboard, CrimeStatistics.SyntheticIndicatorNotice);
        var dashboardApi = await OkJsonAsync<DashboardJson>(await board.GetAsync($"/api/partnerships/{Slug}/periods/2010-11-q4/dashboard"));
        var linked = dashboardApi.Priorities.SelectMany(p => p.Indicators).ToList();
        Assert.Equal(CrimeStatistics.SyntheticNotice, linked.First(i => i.Code == "NI16").Notice);

        foreach (var (who, client) in new[] { ("a visitor", anonymous), ("a Board member", board) })
        {
            using var html = await client.GetAsync($"/api/partnerships/{Slug}/reports/performance/2010-11-q4.html");
            Assert.Equal(HttpStatusCode.OK, html.StatusCode);
            SaysSynthetic($"The HTML Board report for {who}", await html.Content.ReadAsStringAsync(), CrimeStatistics.SyntheticIndicatorNotice);
            using var docx = await client.GetAsync($"/api/partnerships/{Slug}/reports/performance/2010-11-q4.docx");
            Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
            using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
            var text = string.Join('\n', document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
            Assert.True(text.Contains(CrimeStatistics.SyntheticIndicatorNotice, StringComparison.Ordinal), $"The Word Board report for {who} does not say its recorded-crime figures are synthetic");
        }
    }

    private Task<PageSession> SignedInAsync(PartnershipRole role) => PageSession.SignedInAsync(app, role);
}

public sealed class DemoCrimeSqliteFactory : SaferPlanFactory
{
    public DemoCrimeSqliteFactory()
        : base(TestDatabase.Sqlite) => DemoCrime = true;
}

public sealed class DemoCrimePostgresFactory : SaferPlanFactory
{
    public DemoCrimePostgresFactory()
        : base(TestDatabase.Postgres) => DemoCrime = true;
}

public sealed class SyntheticIndicatorTestsOnSqlite(DemoCrimeSqliteFactory app) : SyntheticIndicatorTests(app), IClassFixture<DemoCrimeSqliteFactory>;

public sealed class SyntheticIndicatorTestsOnPostgres(DemoCrimePostgresFactory app) : SyntheticIndicatorTests(app), IClassFixture<DemoCrimePostgresFactory>;
