using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Data;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Documents;

using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Crime;

/// <summary>Recorded crime through the API: areas, groups, denominators, figures with breakdowns, and the evidence pack, checked by hand-worked examples.</summary>
public abstract class CrimeApiTests(SaferPlanFactory app)
{
    private const string Slug = CrimeTestData.Slug;
    private const string Window = "from=2008-09&to=2009-08";

    private static readonly int[] NightTime = [9, 14];
    private static readonly int[] PublicOrder = [9];
    private static readonly int[] Unknown = [99];

    private async Task<HttpClient> AnalystAsync()
    {
        await CrimeTestData.EnsureAsync(app);
        return await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Analyst, partnership: Slug));
    }

    /// <summary>The area from the local authority name, the usual groups, and 143,000 residents and 59,000 dwellings for 2009.</summary>
    private static async Task ConfigureAsync(HttpClient analyst)
    {
        var area = await OkJsonAsync<AreaJson>(await analyst.PutAsJsonAsync($"/api/partnerships/{Slug}/area", new { localAuthorityName = "Testshire" }));
        Assert.Equal(3, area.LsoaCount);
        (await analyst.PostAsync($"/api/partnerships/{Slug}/crime-groups/usual", null)).EnsureSuccessStatusCode();
        var existing = await OkJsonAsync<List<DenominatorJson>>(await analyst.GetAsync($"/api/partnerships/{Slug}/denominators"));
        foreach (var (kind, value) in new[] { ("residents", 143_000), ("dwellings", 59_000) })
        {
            var version = existing.Where(d => d.Kind.Equals(kind, StringComparison.OrdinalIgnoreCase) && d.Year == 2009)
                .Select(d => d.Version).FirstOrDefault();
            (await analyst.PutAsJsonAsync($"/api/partnerships/{Slug}/denominators/{kind}/2009", new { value, source = "test", version })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Assessment_HandWorkedWindow_GivesChangeShareAndRates()
    {
        using var analyst = await AnalystAsync();
        await ConfigureAsync(analyst);
        using var anonymous = await app.ApiClientAsync();

        var pack = await OkJsonAsync<AssessmentJson>(await anonymous.GetAsync($"/api/partnerships/{Slug}/assessment?{Window}"));

        Assert.Equal("2007-09", pack.PreviousFrom);
        Assert.Equal("2008-08", pack.PreviousTo);
        var sac = pack.Groups.Single(g => g.Key == "serious-acquisitive-crime");
        var totals = sac.Totals;
        Assert.Equal(1079, totals.Current);
        Assert.Equal(1000, totals.Previous);
        Assert.Equal(79, totals.Change);
        Assert.Equal(7.9m, totals.PercentChange);
        Assert.Equal(7.55m, totals.RatePer1000Residents);
        var vehicle = sac.Members.Single(m => m.Name == "Vehicle crime");
        Assert.Equal(60.98m, vehicle.Share);
        Assert.Equal(60.0m, vehicle.PreviousShare);
        var burglary = pack.CrimeTypes.Single(t => t.Name == "Burglary");
        Assert.Equal(400, burglary.Current);
        Assert.Equal(5.3m, burglary.PercentChange);
        Assert.Equal(6.78m, burglary.RatePer1000Dwellings);
        Assert.Equal(12, sac.Trend.Count);
        Assert.Equal(300, sac.Trend[0].Current);
        Assert.Equal(600, sac.Trend[0].Previous);

        var wards = pack.TopWards;
        Assert.Equal(["North", "South"], wards.Select(w => w.Name));
        Assert.Equal(700, wards[0].Current);
        Assert.Equal(379, wards[1].Current);
        Assert.DoesNotContain(pack.TopLsoas, l => l.Name == "Otherplace 001A");
        Assert.Null(pack.Notice);
        Assert.Empty(pack.Indicators);
    }

    [Fact]
    public async Task AssessmentPage_LinksEachChart_AndTheChartIsAnAccessibleSvgOfThatGroup()
    {
        using var analyst = await AnalystAsync();
        await ConfigureAsync(analyst);
        using var anonymous = await app.ApiClientAsync();

        var svg = await PageChartAsync(anonymous, $"/partnerships/{Slug}/assessment?{Window}");
        Assert.Contains("xmlns=\"http://www.w3.org/2000/svg\"", svg, StringComparison.Ordinal);
        Assert.Contains("<title id=\"chart-serious-acquisitive-crime-title\">Serious acquisitive crime each month, September 2008 to August 2009", svg, StringComparison.Ordinal);

        using var unknown = await anonymous.GetAsync($"/api/partnerships/{Slug}/assessment/charts/no-such-group.svg?{Window}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("serious-acquisitive-crime", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The serious acquisitive crime chart of an assessment page, fetched from the address the page gives it.</summary>
    private static async Task<string> PageChartAsync(HttpClient client, string pageUrl)
    {
        using var page = await client.GetAsync(new Uri(pageUrl, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        var src = TestHtml.Parse(html).QuerySelector("img#chart-serious-acquisitive-crime")?.GetAttribute("src") ?? "";
        Assert.StartsWith($"/api/partnerships/{Slug}/assessment/charts/serious-acquisitive-crime.svg?", src, StringComparison.Ordinal);
        using var chart = await client.GetAsync(new Uri(src, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType?.MediaType);
        return await chart.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task AssessmentDocx_Validates_AndCarriesTheFigures()
    {
        using var analyst = await AnalystAsync();
        await ConfigureAsync(analyst);

        using var response = await analyst.GetAsync($"/api/partnerships/{Slug}/assessment.docx?{Window}");
        var docx = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(DocumentFiles.ValidationErrors(docx));
        var text = DocumentFiles.AllParts(docx);
        Assert.Contains("+7.9%", text, StringComparison.Ordinal);
        Assert.Contains("60.98%", text, StringComparison.Ordinal);
        Assert.Contains(".png\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("synthetic", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CrimeApi_Breakdowns_AddUpToTheTotals()
    {
        using var analyst = await AnalystAsync();
        await ConfigureAsync(analyst);

        var plain = await FiguresAsync(analyst, Window);
        Assert.Equal(1529, plain.Total);
        Assert.Equal(400, plain.CrimeTypes.Single(t => t.Name == "Burglary").Count);
        Assert.Equal(1079, plain.Groups.Single(g => g.Key == "all-crime").Count);
        Assert.Equal(3, plain.Area.Lsoas);

        foreach (var by in new[] { "month", "ward", "lsoa" })
        {
            var broken = await FiguresAsync(analyst, $"{Window}&by={by}");
            var rows = broken.Breakdown!;
            Assert.Equal(by, broken.By);
            Assert.Equal(1529, rows.Sum(r => r.Total));
            Assert.Equal(1079, rows.Sum(r => r.Groups["serious-acquisitive-crime"]));
        }

        var months = await FiguresAsync(analyst, $"{Window}&by=month");
        Assert.Equal(12, months.Breakdown!.Count);
        Assert.Equal(400, months.Breakdown[1].CrimeTypes["Burglary"]);
        var lsoas = await FiguresAsync(analyst, $"{Window}&by=lsoa");
        Assert.Equal("E01990002", lsoas.Breakdown![0].Key);
    }

    [Fact]
    public async Task CachedFigures_NewCountsAndAreaChanges_ShowAtOnce()
    {
        using var analyst = await AnalystAsync();
        await ConfigureAsync(analyst);
        using var anonymous = await app.ApiClientAsync();
        const string later = "from=2015-01&to=2015-12";
        static int SeriousAcquisitive(AssessmentJson pack) => pack.Groups.Single(g => g.Key == "serious-acquisitive-crime").Totals.Current;

        // Asked twice so both answers are cached.
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(0, (await FiguresAsync(anonymous, $"{later}&by=lsoa")).Total);
            Assert.Equal(0, SeriousAcquisitive(await AssessmentAsync(anonymous, later)));
            Assert.Equal(1529, (await FiguresAsync(anonymous, Window)).Total);
            Assert.Contains("June 2015: 0 (previous year 0)", await PageChartAsync(anonymous, $"/partnerships/{Slug}/assessment?{later}"), StringComparison.Ordinal);
        }

        // New counts arrive as an import adds them: rows, then every partnership's stamp moved on.
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var lsoa = await db.Set<Lsoa>().SingleAsync(l => l.Code == "E01990001");
            var force = await db.Set<CrimeCount>().Where(c => c.LsoaId == lsoa.Id).Select(c => c.ForceId).FirstAsync();
            db.Add(CrimeCount.Of(force, 201506, lsoa.Id, (3, 5)));
            await db.SaveChangesAsync();
            return await CrimeTestData.BumpAllAsync(db);
        });
        try
        {
            var counted = await FiguresAsync(anonymous, $"{later}&by=lsoa");
            Assert.Equal(5, counted.Total);
            Assert.Equal("E01990001", counted.Breakdown![0].Key);
            Assert.Equal(5, SeriousAcquisitive(await AssessmentAsync(anonymous, later)));
            Assert.Contains("June 2015: 5 (previous year 0)", await PageChartAsync(anonymous, $"/partnerships/{Slug}/assessment?{later}"), StringComparison.Ordinal);

            // An area change through the API: only the other authority's LSOA (999 burglaries in September 2008), then back.
            (await analyst.PutAsJsonAsync($"/api/partnerships/{Slug}/area", new { localAuthorityName = "Otherplace" })).EnsureSuccessStatusCode();
            var other = await FiguresAsync(anonymous, Window);
            Assert.Equal(999, other.Total);
            Assert.Equal(1, other.Area.Lsoas);
            Assert.Equal(0, (await FiguresAsync(anonymous, later)).Total);
            (await analyst.PutAsJsonAsync($"/api/partnerships/{Slug}/area", new { localAuthorityName = "Testshire" })).EnsureSuccessStatusCode();
            Assert.Equal(1529, (await FiguresAsync(anonymous, Window)).Total);
        }
        finally
        {
            await app.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<SaferPlanDbContext>();
                await db.Set<CrimeCount>().Where(c => c.Month == 201506).ExecuteDeleteAsync();
                return await CrimeTestData.BumpAllAsync(db);
            });
        }

        Assert.Equal(0, (await FiguresAsync(anonymous, later)).Total);
    }

    [Fact]
    public async Task CrimeApi_BadParameters_AreProblemsNamingTheParameter()
    {
        using var analyst = await AnalystAsync();

        await ReadValidationErrorAsync(await analyst.GetAsync($"/api/partnerships/{Slug}/crime?from=2008-13"), "from");
        await ReadValidationErrorAsync(await analyst.GetAsync($"/api/partnerships/{Slug}/crime?to=August"), "to");
        await ReadValidationErrorAsync(await analyst.GetAsync($"/api/partnerships/{Slug}/crime?from=2009-08&to=2008-09"), "to");
        await ReadValidationErrorAsync(await analyst.GetAsync($"/api/partnerships/{Slug}/crime?by=street"), "by");
        await ReadValidationErrorAsync(await analyst.GetAsync($"/api/partnerships/{Slug}/assessment?from=2005-01&to=2009-08"), "to");
        await ReadProblemAsync(await analyst.GetAsync("/api/partnerships/nowhere/crime"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Figures_OnSyntheticImports_SaySo()
    {
        using var analyst = await AnalystAsync();
        await ConfigureAsync(analyst);

        var synthetic = await FiguresAsync(analyst, "from=2012-01&to=2012-12");
        var real = await FiguresAsync(analyst, Window);
        var pack = await AssessmentAsync(analyst, "from=2012-01&to=2012-12");
        using var page = await analyst.GetAsync($"/partnerships/{Slug}/crime?from=2012-01&to=2012-12");
        var html = await page.Content.ReadAsStringAsync();
        using var docx = await analyst.GetAsync($"/api/partnerships/{Slug}/assessment.docx?from=2012-01&to=2012-12");

        Assert.Equal(7, synthetic.Total);
        Assert.Equal(CrimeStatistics.SyntheticNotice, synthetic.Notice);
        Assert.Null(real.Notice);
        Assert.Equal(CrimeStatistics.SyntheticNotice, pack.Notice);
        Assert.Contains("govuk-warning-text", html, StringComparison.Ordinal);
        Assert.Contains("synthetic demo data", html, StringComparison.Ordinal);
        Assert.Contains("synthetic demo data", DocumentFiles.AllParts(await docx.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AreaFromLookup_BadFile_IsRefusedWholeWithLineNumbers()
    {
        using var analyst = await AnalystAsync();
        await ConfigureAsync(analyst);
        var bad = "LSOA11CD,LSOA11NM,WD11CD,WD11NM,LAD11CD,LAD11NM\r\n"
            + "E01990001,Testshire 001A,W1,Riverside,E07999999,Testshire\r\n"
            + "E01990002,Testshire 001B,W1,Riverside\r\n"
            + "NOTACODE,Testshire 002A,W2,Hill,E07999999,Testshire\r\n"
            + "E01990001,Testshire 001A,W1,Riverside,E07999999,Testshire\r\n";

        var message = await ReadValidationErrorAsync(await PostLookupAsync(analyst, bad, "bad.csv"), "file");

        Assert.Contains("bad.csv", message, StringComparison.Ordinal);
        Assert.Contains("Line 3: it has 4 fields but the header has 6", message, StringComparison.Ordinal);
        Assert.Contains("Line 4: 'NOTACODE' is not an LSOA code", message, StringComparison.Ordinal);
        Assert.Contains("Line 5: LSOA E01990001 is already on line 2", message, StringComparison.Ordinal);
        var area = await OkJsonAsync<AreaJson>(await analyst.GetAsync($"/api/partnerships/{Slug}/area"));
        Assert.StartsWith(CrimeAreaService.LocalAuthorityNamePrefix, area.Definition, StringComparison.Ordinal);
        Assert.DoesNotContain(area.Lsoas, l => l.WardName == "Riverside");

        var noHeader = await ReadValidationErrorAsync(await PostLookupAsync(analyst, "code,name\nE01990001,x\n", "plain.csv"), "file");
        Assert.Contains("Line 1: the header has no LSOA code or LSOA name column", noHeader, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AreaFromLookup_GoodFile_SetsAreaWardsAndAudits()
    {
        using var analyst = await AnalystAsync();
        await ConfigureAsync(analyst);
        var good = "\"LSOA code\",\"LSOA name\",\"Ward code\",\"Ward name\",\"Local authority code\",\"Local authority name\"\n"
            + "E01990001,Testshire 001A,W1,\"Riverside, East\",E07999999,Testshire\n"
            + "E01990002,Testshire 001B,W1,\"Riverside, East\",E07999999,Testshire\n"
            + "E01990099,Otherplace 001A,W9,Elsewhere,E07888888,Otherplace\n";

        var ambiguous = await ReadValidationErrorAsync(await PostLookupAsync(analyst, good, "lookup.csv"), "localAuthority");
        Assert.Contains("Otherplace (E07888888)", ambiguous, StringComparison.Ordinal);

        var area = await OkJsonAsync<AreaJson>(await PostLookupAsync(analyst, good, "lookup.csv", "E07999999"));

        Assert.Equal("Lookup file lookup.csv: Testshire (E07999999), 2 LSOAs", area.Definition);
        Assert.Equal(2, area.LsoaCount);
        Assert.All(area.Lsoas, l => Assert.Equal("Riverside, East", l.WardName));
        var wards = await FiguresAsync(analyst, $"{Window}&by=ward");
        Assert.Equal("Riverside, East", Assert.Single(wards.Breakdown!).Name);
        var audited = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().AuditEntries
            .AnyAsync(e => e.EntityType == "Partnership" && e.Changes.Contains("Lookup file lookup.csv")));
        Assert.True(audited);

        var restore = "LSOA11CD,LSOA11NM,WD11CD,WD11NM,LAD11CD,LAD11NM\n" + string.Concat(CrimeTestData.Lsoas.Select(l => $"{l.Code},{l.Name},W{l.Ward},{l.Ward},E07999999,Testshire\n"));
        (await PostLookupAsync(analyst, restore, "restore.csv")).EnsureSuccessStatusCode();
        await ConfigureAsync(analyst);
        var back = await OkJsonAsync<AreaJson>(await analyst.GetAsync($"/api/partnerships/{Slug}/area"));
        Assert.Equal(3, back.LsoaCount);
    }

    [Fact]
    public async Task CrimeGroups_CreateUpdateDelete_WithVersions()
    {
        using var analyst = await AnalystAsync();

        var created = await CreatedAsync<CrimeGroupJson>(await analyst.PostAsJsonAsync($"/api/partnerships/{Slug}/crime-groups", new { name = "Night-time economy", crimeTypeIds = NightTime }));
        var id = created.Id;
        Assert.Equal("night-time-economy", created.Key);
        Assert.Equal(["Public order", "Violence and sexual offences"], created.CrimeTypes);

        var body = new JsonObject { ["name"] = "Night-time economy", ["crimeTypeIds"] = new JsonArray(4, 9, 14) };
        using (var stale = await PutAsync(analyst, $"/api/crime-groups/{id}", body, ifMatch: 7))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        }

        body["version"] = 3;
        await ReadProblemAsync(await PutAsync(analyst, $"/api/crime-groups/{id}", body), HttpStatusCode.Conflict);
        body.Remove("version");
        await ReadProblemAsync(await PutAsync(analyst, $"/api/crime-groups/{id}", body), HttpStatusCode.PreconditionRequired);

        var saved = await PutOkAsync<CrimeGroupJson>(analyst, $"/api/crime-groups/{id}", body, ifMatch: 1);
        Assert.Equal(2, saved.Version);
        Assert.Equal([4, 9, 14], saved.CrimeTypeIds);

        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync($"/api/partnerships/{Slug}/crime-groups", new { name = "Nothing", crimeTypeIds = Array.Empty<int>() }), "crimeTypeIds");
        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync($"/api/partnerships/{Slug}/crime-groups", new { name = "Night-time economy", crimeTypeIds = PublicOrder }), "name");
        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync($"/api/partnerships/{Slug}/crime-groups", new { name = "Odd", crimeTypeIds = Unknown }), "crimeTypeIds");

        using (var deleted = await DeleteAsync(analyst, $"/api/crime-groups/{id}", version: 2))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await ReadProblemAsync(await analyst.GetAsync($"/api/crime-groups/{id}"), HttpStatusCode.NotFound);
        var audit = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().AuditEntries.Where(e => e.EntityType == "CrimeGroup" && e.EntityId == id).Select(e => e.Action.ToString()).ToListAsync());
        Assert.Contains("Created", audit);
        Assert.Contains("Deleted", audit);

        var usual = await OkJsonAsync<List<CrimeGroupJson>>(await analyst.PostAsync($"/api/partnerships/{Slug}/crime-groups/usual", null));
        var again = await OkJsonAsync<List<CrimeGroupJson>>(await analyst.PostAsync($"/api/partnerships/{Slug}/crime-groups/usual", null));
        var groups = await OkJsonAsync<List<CrimeGroupJson>>(await analyst.GetAsync($"/api/partnerships/{Slug}/crime-groups"));
        Assert.Empty(again);
        Assert.Equal(CrimeGroupService.Usual.Count, groups.Count(g => CrimeGroupService.Usual.Any(u => u.Key == g.Key)));
        Assert.True(usual.Count <= CrimeGroupService.Usual.Count);
        var allCrime = groups.Single(g => g.Key == "all-crime");
        Assert.DoesNotContain(CrimeTypes.AntiSocialBehaviour, allCrime.CrimeTypeIds.Select(t => (short)t));
        Assert.Equal(CrimeTypes.All.Count - 1, allCrime.CrimeTypeIds.Count);
    }

    [Theory]
    [InlineData(PartnershipRole.Administrator, true)]
    [InlineData(PartnershipRole.SupportOfficer, true)]
    [InlineData(PartnershipRole.Analyst, true)]
    [InlineData(PartnershipRole.LeadOfficer, false)]
    [InlineData(PartnershipRole.BoardMember, false)]
    public async Task EditingAreaGroupsAndDenominators_FollowsPermissions(PartnershipRole role, bool allowed)
    {
        await CrimeTestData.EnsureAsync(app);
        using var client = await app.ApiClientAsync(await app.AddUserAsync(role, partnership: Slug));
        var expected = allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden;

        using var area = await client.PutAsJsonAsync($"/api/partnerships/{Slug}/area", new { localAuthorityName = "Testshire" });
        using var usual = await client.PostAsync($"/api/partnerships/{Slug}/crime-groups/usual", null);
        var version = (await OkJsonAsync<List<DenominatorJson>>(await client.GetAsync($"/api/partnerships/{Slug}/denominators")))
            .Where(d => d.Kind == "Dwellings" && d.Year == 2010).Select(d => d.Version).FirstOrDefault();
        using var denominator = await client.PutAsJsonAsync($"/api/partnerships/{Slug}/denominators/dwellings/2010", new { value = 59_500, version });

        Assert.Equal(expected, area.StatusCode);
        Assert.Equal(expected, usual.StatusCode);
        Assert.Equal(expected, denominator.StatusCode);
    }

    [Fact]
    public async Task Editing_ByAnonymousOrAnotherPartnershipsAnalyst_IsRefused()
    {
        await CrimeTestData.EnsureAsync(app);
        using var anonymous = await app.ApiClientAsync();
        using var outsider = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Analyst));

        await ReadProblemAsync(await anonymous.PutAsJsonAsync($"/api/partnerships/{Slug}/area", new { localAuthorityName = "Testshire" }), HttpStatusCode.Unauthorized);
        await ReadProblemAsync(await outsider.PutAsJsonAsync($"/api/partnerships/{Slug}/area", new { localAuthorityName = "Testshire" }), HttpStatusCode.Forbidden);
        await ReadProblemAsync(await outsider.PostAsJsonAsync($"/api/partnerships/{Slug}/crime-groups", new { name = "X", crimeTypeIds = PublicOrder }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Demo_HasItsAreaGroupsAndDenominators()
    {
        using var anonymous = await app.ApiClientAsync();

        var area = await OkJsonAsync<AreaJson>(await anonymous.GetAsync("/api/partnerships/south-cambridgeshire/area"));
        var groups = await OkJsonAsync<List<CrimeGroupJson>>(await anonymous.GetAsync("/api/partnerships/south-cambridgeshire/crime-groups"));
        var denominators = await OkJsonAsync<List<DenominatorJson>>(await anonymous.GetAsync("/api/partnerships/south-cambridgeshire/denominators"));

        Assert.Equal("South Cambridgeshire", area.LocalAuthorityName);
        Assert.Contains(groups, g => g.Name == "Serious acquisitive crime" && g.CrimeTypeIds.SequenceEqual([3, 10, 13]));
        Assert.Contains(denominators, d => d.Kind == "Residents" && d.Year == 2009 && d.Value == 143_000m);
        Assert.Contains(denominators, d => d.Kind == "Dwellings" && d.Year == 2009 && d.Value == 59_000m);
    }

    private static async Task<CrimeFiguresJson> FiguresAsync(HttpClient client, string query) =>
        await OkJsonAsync<CrimeFiguresJson>(await client.GetAsync($"/api/partnerships/{Slug}/crime?{query}"));

    private static async Task<AssessmentJson> AssessmentAsync(HttpClient client, string query) =>
        await OkJsonAsync<AssessmentJson>(await client.GetAsync($"/api/partnerships/{Slug}/assessment?{query}"));

    private static async Task<HttpResponseMessage> PostLookupAsync(HttpClient client, string csv, string fileName, string? localAuthority = null)
    {
        using var content = new StringContent(csv, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var query = $"fileName={Uri.EscapeDataString(fileName)}" + (localAuthority is null ? "" : $"&localAuthority={Uri.EscapeDataString(localAuthority)}");
        return await client.PostAsync($"/api/partnerships/{Slug}/area/lookup?{query}", content);
    }
}

public sealed class CrimeApiTestsOnSqlite(SqliteFactory app) : CrimeApiTests(app), IClassFixture<SqliteFactory>;

public sealed class CrimeApiTestsOnPostgres(PostgresFactory app) : CrimeApiTests(app), IClassFixture<PostgresFactory>;
