using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
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
        var area = await OkJsonAsync(await analyst.PutAsJsonAsync($"/api/partnerships/{Slug}/area", new { localAuthorityName = "Testshire" }));
        Assert.Equal(3, area.GetProperty("lsoaCount").GetInt32());
        (await analyst.PostAsync($"/api/partnerships/{Slug}/crime-groups/usual", null)).EnsureSuccessStatusCode();
        var existing = await OkJsonAsync(await analyst.GetAsync($"/api/partnerships/{Slug}/denominators"));
        foreach (var (kind, value) in new[] { ("residents", 143_000), ("dwellings", 59_000) })
        {
            var version = existing.EnumerateArray().Where(d => d.GetProperty("kind").GetString()!.Equals(kind, StringComparison.OrdinalIgnoreCase) && d.GetProperty("year").GetInt32() == 2009)
                .Select(d => d.GetProperty("version").GetInt32()).FirstOrDefault();
            (await analyst.PutAsJsonAsync($"/api/partnerships/{Slug}/denominators/{kind}/2009", new { value, source = "test", version })).EnsureSuccessStatusCode();
        }
    }

    private static JsonElement Named(JsonElement list, string name) =>
        list.EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);

    [Fact]
    public async Task Assessment_HandWorkedWindow_GivesChangeShareAndRates()
    {
        using var analyst = await AnalystAsync();
        await ConfigureAsync(analyst);
        using var anonymous = await app.ApiClientAsync();

        var pack = await OkJsonAsync(await anonymous.GetAsync($"/api/partnerships/{Slug}/assessment?{Window}"));

        Assert.Equal("2007-09", pack.GetProperty("previousFrom").GetString());
        Assert.Equal("2008-08", pack.GetProperty("previousTo").GetString());
        var sac = pack.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == "serious-acquisitive-crime");
        var totals = sac.GetProperty("totals");
        Assert.Equal(1079, totals.GetProperty("current").GetInt32());
        Assert.Equal(1000, totals.GetProperty("previous").GetInt32());
        Assert.Equal(79, totals.GetProperty("change").GetInt32());
        Assert.Equal(7.9m, totals.GetProperty("percentChange").GetDecimal());
        Assert.Equal(7.55m, totals.GetProperty("ratePer1000Residents").GetDecimal());
        var vehicle = Named(sac.GetProperty("members"), "Vehicle crime");
        Assert.Equal(60.98m, vehicle.GetProperty("share").GetDecimal());
        Assert.Equal(60.0m, vehicle.GetProperty("previousShare").GetDecimal());
        var burglary = Named(pack.GetProperty("crimeTypes"), "Burglary");
        Assert.Equal(400, burglary.GetProperty("current").GetInt32());
        Assert.Equal(5.3m, burglary.GetProperty("percentChange").GetDecimal());
        Assert.Equal(6.78m, burglary.GetProperty("ratePer1000Dwellings").GetDecimal());
        Assert.Equal(12, sac.GetProperty("trend").GetArrayLength());
        Assert.Equal(300, sac.GetProperty("trend")[0].GetProperty("current").GetInt32());
        Assert.Equal(600, sac.GetProperty("trend")[0].GetProperty("previous").GetInt32());

        var wards = pack.GetProperty("topWards").EnumerateArray().ToList();
        Assert.Equal(["North", "South"], wards.Select(w => w.GetProperty("name").GetString()));
        Assert.Equal(700, wards[0].GetProperty("current").GetInt32());
        Assert.Equal(379, wards[1].GetProperty("current").GetInt32());
        Assert.DoesNotContain(pack.GetProperty("topLsoas").EnumerateArray(), l => l.GetProperty("name").GetString() == "Otherplace 001A");
        Assert.Equal(JsonValueKind.Null, pack.GetProperty("notice").ValueKind);
        Assert.Equal(0, pack.GetProperty("indicators").GetArrayLength());
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

        var plain = await OkJsonAsync(await analyst.GetAsync($"/api/partnerships/{Slug}/crime?{Window}"));
        Assert.Equal(1529, plain.GetProperty("total").GetInt32());
        Assert.Equal(400, Named(plain.GetProperty("crimeTypes"), "Burglary").GetProperty("count").GetInt32());
        Assert.Equal(1079, plain.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == "all-crime").GetProperty("count").GetInt32());
        Assert.Equal(3, plain.GetProperty("area").GetProperty("lsoas").GetInt32());

        foreach (var by in new[] { "month", "ward", "lsoa" })
        {
            var broken = await OkJsonAsync(await analyst.GetAsync($"/api/partnerships/{Slug}/crime?{Window}&by={by}"));
            var rows = broken.GetProperty("breakdown").EnumerateArray().ToList();
            Assert.Equal(by, broken.GetProperty("by").GetString());
            Assert.Equal(1529, rows.Sum(r => r.GetProperty("total").GetInt32()));
            Assert.Equal(1079, rows.Sum(r => r.GetProperty("groups").GetProperty("serious-acquisitive-crime").GetInt32()));
        }

        var months = await OkJsonAsync(await analyst.GetAsync($"/api/partnerships/{Slug}/crime?{Window}&by=month"));
        Assert.Equal(12, months.GetProperty("breakdown").GetArrayLength());
        Assert.Equal(400, months.GetProperty("breakdown")[1].GetProperty("crimeTypes").GetProperty("Burglary").GetInt32());
        var lsoas = await OkJsonAsync(await analyst.GetAsync($"/api/partnerships/{Slug}/crime?{Window}&by=lsoa"));
        Assert.Equal("E01990002", lsoas.GetProperty("breakdown")[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task CachedFigures_NewCountsAndAreaChanges_ShowAtOnce()
    {
        using var analyst = await AnalystAsync();
        await ConfigureAsync(analyst);
        using var anonymous = await app.ApiClientAsync();
        const string later = "from=2015-01&to=2015-12";
        static int SeriousAcquisitive(JsonElement pack) =>
            pack.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == "serious-acquisitive-crime").GetProperty("totals").GetProperty("current").GetInt32();

        // Asked twice so both answers are cached.
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(0, (await OkJsonAsync(await anonymous.GetAsync($"/api/partnerships/{Slug}/crime?{later}&by=lsoa"))).GetProperty("total").GetInt32());
            Assert.Equal(0, SeriousAcquisitive(await OkJsonAsync(await anonymous.GetAsync($"/api/partnerships/{Slug}/assessment?{later}"))));
            Assert.Equal(1529, (await OkJsonAsync(await anonymous.GetAsync($"/api/partnerships/{Slug}/crime?{Window}"))).GetProperty("total").GetInt32());
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
            var counted = await OkJsonAsync(await anonymous.GetAsync($"/api/partnerships/{Slug}/crime?{later}&by=lsoa"));
            Assert.Equal(5, counted.GetProperty("total").GetInt32());
            Assert.Equal("E01990001", counted.GetProperty("breakdown")[0].GetProperty("key").GetString());
            Assert.Equal(5, SeriousAcquisitive(await OkJsonAsync(await anonymous.GetAsync($"/api/partnerships/{Slug}/assessment?{later}"))));
            Assert.Contains("June 2015: 5 (previous year 0)", await PageChartAsync(anonymous, $"/partnerships/{Slug}/assessment?{later}"), StringComparison.Ordinal);

            // An area change through the API: only the other authority's LSOA (999 burglaries in September 2008), then back.
            (await analyst.PutAsJsonAsync($"/api/partnerships/{Slug}/area", new { localAuthorityName = "Otherplace" })).EnsureSuccessStatusCode();
            var other = await OkJsonAsync(await anonymous.GetAsync($"/api/partnerships/{Slug}/crime?{Window}"));
            Assert.Equal(999, other.GetProperty("total").GetInt32());
            Assert.Equal(1, other.GetProperty("area").GetProperty("lsoas").GetInt32());
            Assert.Equal(0, (await OkJsonAsync(await anonymous.GetAsync($"/api/partnerships/{Slug}/crime?{later}"))).GetProperty("total").GetInt32());
            (await analyst.PutAsJsonAsync($"/api/partnerships/{Slug}/area", new { localAuthorityName = "Testshire" })).EnsureSuccessStatusCode();
            Assert.Equal(1529, (await OkJsonAsync(await anonymous.GetAsync($"/api/partnerships/{Slug}/crime?{Window}"))).GetProperty("total").GetInt32());
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

        Assert.Equal(0, (await OkJsonAsync(await anonymous.GetAsync($"/api/partnerships/{Slug}/crime?{later}"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task CrimeApi_BadParameters_AreProblemsNamingTheParameter()
    {
        using var analyst = await AnalystAsync();

        await ValidationProblemAsync(await analyst.GetAsync($"/api/partnerships/{Slug}/crime?from=2008-13"), "from");
        await ValidationProblemAsync(await analyst.GetAsync($"/api/partnerships/{Slug}/crime?to=August"), "to");
        await ValidationProblemAsync(await analyst.GetAsync($"/api/partnerships/{Slug}/crime?from=2009-08&to=2008-09"), "to");
        await ValidationProblemAsync(await analyst.GetAsync($"/api/partnerships/{Slug}/crime?by=street"), "by");
        await ValidationProblemAsync(await analyst.GetAsync($"/api/partnerships/{Slug}/assessment?from=2005-01&to=2009-08"), "to");
        await ProblemAsync(await analyst.GetAsync("/api/partnerships/nowhere/crime"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Figures_OnSyntheticImports_SaySo()
    {
        using var analyst = await AnalystAsync();
        await ConfigureAsync(analyst);

        var synthetic = await OkJsonAsync(await analyst.GetAsync($"/api/partnerships/{Slug}/crime?from=2012-01&to=2012-12"));
        var real = await OkJsonAsync(await analyst.GetAsync($"/api/partnerships/{Slug}/crime?{Window}"));
        var pack = await OkJsonAsync(await analyst.GetAsync($"/api/partnerships/{Slug}/assessment?from=2012-01&to=2012-12"));
        using var page = await analyst.GetAsync($"/partnerships/{Slug}/crime?from=2012-01&to=2012-12");
        var html = await page.Content.ReadAsStringAsync();
        using var docx = await analyst.GetAsync($"/api/partnerships/{Slug}/assessment.docx?from=2012-01&to=2012-12");

        Assert.Equal(7, synthetic.GetProperty("total").GetInt32());
        Assert.Equal(CrimeStatistics.SyntheticNotice, synthetic.GetProperty("notice").GetString());
        Assert.Equal(JsonValueKind.Null, real.GetProperty("notice").ValueKind);
        Assert.Equal(CrimeStatistics.SyntheticNotice, pack.GetProperty("notice").GetString());
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

        var problem = await ValidationProblemAsync(await PostLookupAsync(analyst, bad, "bad.csv"), "file");

        var message = problem.GetProperty("errors").GetProperty("file")[0].GetString()!;
        Assert.Contains("bad.csv", message, StringComparison.Ordinal);
        Assert.Contains("Line 3: it has 4 fields but the header has 6", message, StringComparison.Ordinal);
        Assert.Contains("Line 4: 'NOTACODE' is not an LSOA code", message, StringComparison.Ordinal);
        Assert.Contains("Line 5: LSOA E01990001 is already on line 2", message, StringComparison.Ordinal);
        var area = await OkJsonAsync(await analyst.GetAsync($"/api/partnerships/{Slug}/area"));
        Assert.StartsWith(CrimeAreaService.LocalAuthorityNamePrefix, area.GetProperty("definition").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(area.GetProperty("lsoas").EnumerateArray(), l => l.GetProperty("wardName").GetString() == "Riverside");

        var noHeader = await ValidationProblemAsync(await PostLookupAsync(analyst, "code,name\nE01990001,x\n", "plain.csv"), "file");
        Assert.Contains("Line 1: the header has no LSOA code or LSOA name column", noHeader.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
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

        var ambiguous = await ValidationProblemAsync(await PostLookupAsync(analyst, good, "lookup.csv"), "localAuthority");
        Assert.Contains("Otherplace (E07888888)", ambiguous.GetProperty("errors").GetProperty("localAuthority")[0].GetString(), StringComparison.Ordinal);

        var area = await OkJsonAsync(await PostLookupAsync(analyst, good, "lookup.csv", "E07999999"));

        Assert.Equal("Lookup file lookup.csv: Testshire (E07999999), 2 LSOAs", area.GetProperty("definition").GetString());
        Assert.Equal(2, area.GetProperty("lsoaCount").GetInt32());
        Assert.All(area.GetProperty("lsoas").EnumerateArray(), l => Assert.Equal("Riverside, East", l.GetProperty("wardName").GetString()));
        var wards = await OkJsonAsync(await analyst.GetAsync($"/api/partnerships/{Slug}/crime?{Window}&by=ward"));
        Assert.Equal("Riverside, East", Assert.Single(wards.GetProperty("breakdown").EnumerateArray()).GetProperty("name").GetString());
        var audited = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().AuditEntries
            .AnyAsync(e => e.EntityType == "Partnership" && e.Changes.Contains("Lookup file lookup.csv")));
        Assert.True(audited);

        var restore = "LSOA11CD,LSOA11NM,WD11CD,WD11NM,LAD11CD,LAD11NM\n" + string.Concat(CrimeTestData.Lsoas.Select(l => $"{l.Code},{l.Name},W{l.Ward},{l.Ward},E07999999,Testshire\n"));
        (await PostLookupAsync(analyst, restore, "restore.csv")).EnsureSuccessStatusCode();
        await ConfigureAsync(analyst);
        var back = await OkJsonAsync(await analyst.GetAsync($"/api/partnerships/{Slug}/area"));
        Assert.Equal(3, back.GetProperty("lsoaCount").GetInt32());
    }

    [Fact]
    public async Task CrimeGroups_CreateUpdateDelete_WithVersions()
    {
        using var analyst = await AnalystAsync();

        var created = await CreatedAsync(await analyst.PostAsJsonAsync($"/api/partnerships/{Slug}/crime-groups", new { name = "Night-time economy", crimeTypeIds = NightTime }));
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal("night-time-economy", created.GetProperty("key").GetString());
        Assert.Equal(["Public order", "Violence and sexual offences"], created.GetProperty("crimeTypes").EnumerateArray().Select(t => t.GetString()));

        var body = new JsonObject { ["name"] = "Night-time economy", ["crimeTypeIds"] = new JsonArray(4, 9, 14) };
        using (var stale = await PutAsync(analyst, $"/api/crime-groups/{id}", body, ifMatch: 7))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        }

        body["version"] = 3;
        await ProblemAsync(await PutAsync(analyst, $"/api/crime-groups/{id}", body), HttpStatusCode.Conflict);
        body.Remove("version");
        await ProblemAsync(await PutAsync(analyst, $"/api/crime-groups/{id}", body), HttpStatusCode.PreconditionRequired);

        var saved = await PutOkAsync(analyst, $"/api/crime-groups/{id}", body, ifMatch: 1);
        Assert.Equal(2, saved.GetProperty("version").GetInt32());
        Assert.Equal([4, 9, 14], saved.GetProperty("crimeTypeIds").EnumerateArray().Select(t => t.GetInt32()));

        await ValidationProblemAsync(await analyst.PostAsJsonAsync($"/api/partnerships/{Slug}/crime-groups", new { name = "Nothing", crimeTypeIds = Array.Empty<int>() }), "crimeTypeIds");
        await ValidationProblemAsync(await analyst.PostAsJsonAsync($"/api/partnerships/{Slug}/crime-groups", new { name = "Night-time economy", crimeTypeIds = PublicOrder }), "name");
        await ValidationProblemAsync(await analyst.PostAsJsonAsync($"/api/partnerships/{Slug}/crime-groups", new { name = "Odd", crimeTypeIds = Unknown }), "crimeTypeIds");

        using (var deleted = await DeleteAsync(analyst, $"/api/crime-groups/{id}", version: 2))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await ProblemAsync(await analyst.GetAsync($"/api/crime-groups/{id}"), HttpStatusCode.NotFound);
        var audit = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().AuditEntries.Where(e => e.EntityType == "CrimeGroup" && e.EntityId == id).Select(e => e.Action.ToString()).ToListAsync());
        Assert.Contains("Created", audit);
        Assert.Contains("Deleted", audit);

        var usual = await OkJsonAsync(await analyst.PostAsync($"/api/partnerships/{Slug}/crime-groups/usual", null));
        var again = await OkJsonAsync(await analyst.PostAsync($"/api/partnerships/{Slug}/crime-groups/usual", null));
        var groups = await OkJsonAsync(await analyst.GetAsync($"/api/partnerships/{Slug}/crime-groups"));
        Assert.Equal(0, again.GetArrayLength());
        Assert.Equal(CrimeGroupService.Usual.Count, groups.EnumerateArray().Count(g => CrimeGroupService.Usual.Any(u => u.Key == g.GetProperty("key").GetString())));
        Assert.True(usual.GetArrayLength() <= CrimeGroupService.Usual.Count);
        var allCrime = groups.EnumerateArray().Single(g => g.GetProperty("key").GetString() == "all-crime");
        Assert.DoesNotContain(CrimeTypes.AntiSocialBehaviour, allCrime.GetProperty("crimeTypeIds").EnumerateArray().Select(t => (short)t.GetInt32()));
        Assert.Equal(CrimeTypes.All.Count - 1, allCrime.GetProperty("crimeTypeIds").GetArrayLength());
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
        var version = (await OkJsonAsync(await client.GetAsync($"/api/partnerships/{Slug}/denominators")))
            .EnumerateArray().Where(d => d.GetProperty("kind").GetString() == "Dwellings" && d.GetProperty("year").GetInt32() == 2010).Select(d => d.GetProperty("version").GetInt32()).FirstOrDefault();
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

        await ProblemAsync(await anonymous.PutAsJsonAsync($"/api/partnerships/{Slug}/area", new { localAuthorityName = "Testshire" }), HttpStatusCode.Unauthorized);
        await ProblemAsync(await outsider.PutAsJsonAsync($"/api/partnerships/{Slug}/area", new { localAuthorityName = "Testshire" }), HttpStatusCode.Forbidden);
        await ProblemAsync(await outsider.PostAsJsonAsync($"/api/partnerships/{Slug}/crime-groups", new { name = "X", crimeTypeIds = PublicOrder }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Demo_HasItsAreaGroupsAndDenominators()
    {
        using var anonymous = await app.ApiClientAsync();

        var area = await OkJsonAsync(await anonymous.GetAsync("/api/partnerships/south-cambridgeshire/area"));
        var groups = await OkJsonAsync(await anonymous.GetAsync("/api/partnerships/south-cambridgeshire/crime-groups"));
        var denominators = await OkJsonAsync(await anonymous.GetAsync("/api/partnerships/south-cambridgeshire/denominators"));

        Assert.Equal("South Cambridgeshire", area.GetProperty("localAuthorityName").GetString());
        Assert.Contains(groups.EnumerateArray(), g => g.GetProperty("name").GetString() == "Serious acquisitive crime"
            && g.GetProperty("crimeTypeIds").EnumerateArray().Select(t => t.GetInt32()).SequenceEqual([3, 10, 13]));
        Assert.Contains(denominators.EnumerateArray(), d => d.GetProperty("kind").GetString() == "Residents" && d.GetProperty("year").GetInt32() == 2009 && d.GetProperty("value").GetDecimal() == 143_000m);
        Assert.Contains(denominators.EnumerateArray(), d => d.GetProperty("kind").GetString() == "Dwellings" && d.GetProperty("year").GetInt32() == 2009 && d.GetProperty("value").GetDecimal() == 59_000m);
    }

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
