using System.Net;
using SaferPlan.Web.Tests.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Data;
using SaferPlan.Core.Partnerships;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Crime;

/// <summary>
/// SPC on crime series through the API, the crime figures page and the strategic assessment, on both databases, for a
/// partnership of its own ("Spcshire") whose burglaries by month are constructed: 17 ordinary months (10, 12, 10 …) and then
/// 7 months of 13, a run of 7 above the mean (special cause, concerning). Its vehicle crime stays ordinary.
/// </summary>
public abstract class CrimeSpcApiTests(SaferPlanFactory app)
{
    private const string Slug = "spcshire";
    private static readonly CalendarMonth First = CalendarMonth.Of(2015, 1);
    private static readonly int[] Burglaries = [.. Enumerable.Range(0, 17).Select(i => i % 2 == 0 ? 10 : 12), 13, 13, 13, 13, 13, 13, 13];

    private Task EnsureAsync() => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SaferPlanDbContext>();
        if (await db.Partnerships.AnyAsync(p => p.Slug == Slug))
        {
            return 0;
        }

        var partnership = new Partnership { Slug = Slug, Name = "Spcshire Community Safety Partnership", ShortName = "Spcshire CSP", Area = "Spcshire" };
        var force = new PoliceForce { Key = "spcshire-test", Name = "Spcshire Constabulary" };
        var lsoa = new Lsoa { Code = "E01980001", Name = "Spcshire 001A", WardName = "Middle", WardCode = "WMiddle" };
        db.AddRange(partnership, force, lsoa);
        await db.SaveChangesAsync();
        db.Add(new PartnershipLsoa { PartnershipId = partnership.Id, LsoaId = lsoa.Id });
        db.Add(new CrimeGroup { PartnershipId = partnership.Id, Key = "burglary", Name = "Burglary", SortOrder = 1, Members = [new CrimeGroupMember { CrimeTypeId = 3 }] });
        db.Add(new CrimeGroup { PartnershipId = partnership.Id, Key = "vehicle-crime", Name = "Vehicle crime", SortOrder = 2, Members = [new CrimeGroupMember { CrimeTypeId = 13 }] });
        for (var i = 0; i < Burglaries.Length; i++)
        {
            var month = First.AddMonths(i).Key;
            db.Add(new CrimeImport { ForceId = force.Id, Month = month, FileName = $"{month}-spcshire-street.csv", ImportedBy = "test", ImportedAt = DateTimeOffset.UnixEpoch, Rows = 1 });
            db.Add(CrimeCount.Of(force.Id, month, lsoa.Id, (3, Burglaries[i]), (13, i % 2 == 0 ? 20 : 24)));
        }

        db.AuditPartnershipId = partnership.Id;
        await db.SaveChangesAsync();
        return await CrimeTestData.BumpAllAsync(db);
    });

    private static async Task<T> JsonAsync<T>(HttpClient client, string path, HttpStatusCode status = HttpStatusCode.OK) =>
        await CrimeApi.ReadAsync<T>(await client.GetAsync(path), status);

    [Fact]
    public async Task GroupSpc_RunOfSevenAboveTheMean_IsConcern_ForVisitors_InTheIndicatorShape()
    {
        await EnsureAsync();
        using var visitor = app.CreateClient();

        var spc = await JsonAsync<CrimeSpcJson>(visitor, $"/api/partnerships/{Slug}/crime/spc?group=burglary");

        Assert.Equal("2015-01", spc.From);
        Assert.Equal("2016-12", spc.To);
        var points = spc.Points;
        Assert.Equal(24, points.Count);
        Assert.Equal((10 * 9) + (12 * 8) + (13 * 7), points.Sum(p => p.Value));
        Assert.Equal(277.0 / 24, spc.Mean!.Value, 1e-9);
        Assert.True(spc.UpperLimit > 13);
        Assert.True(spc.LowerLimit < 10);
        Assert.All(points.TakeLast(7), p =>
        {
            Assert.Equal("concern", p.Signal);
            Assert.Contains("runOfSeven", p.Rules);
        });
        Assert.All(points.Take(17), p => Assert.Null(p.Signal));
        Assert.Equal("specialCauseConcerning", spc.Variation);
        Assert.Equal("Burglary: special cause — concerning: 7 months above the mean", spc.Sentence);

        var vehicle = await JsonAsync<CrimeSpcJson>(visitor, $"/api/partnerships/{Slug}/crime/spc?type=13&from=2015-01&to=2016-06");
        Assert.Equal(18, vehicle.Points.Count);
        Assert.Equal("commonCause", vehicle.Variation);
        Assert.Equal("type", vehicle.Kind);
    }

    [Fact]
    public async Task GroupSpc_UnknownGroupOrNoSeries_IsRefusedNamingTheField()
    {
        await EnsureAsync();
        using var visitor = app.CreateClient();

        var unknown = await JsonAsync<Problem>(visitor, $"/api/partnerships/{Slug}/crime/spc?group=arson", HttpStatusCode.BadRequest);
        Assert.Contains("burglary", unknown.Errors!["group"][0], StringComparison.Ordinal);
        await JsonAsync<Problem>(visitor, $"/api/partnerships/{Slug}/crime/spc", HttpStatusCode.BadRequest);
        Assert.True((await JsonAsync<Problem>(visitor, $"/api/partnerships/{Slug}/crime/spc?type=999", HttpStatusCode.BadRequest)).Errors?.ContainsKey("type") == true);
        Assert.True((await JsonAsync<Problem>(visitor, $"/api/partnerships/{Slug}/crime/spc?group=burglary&from=2015-13", HttpStatusCode.BadRequest)).Errors?.ContainsKey("from") == true);
        await JsonAsync<Problem>(visitor, "/api/partnerships/nowhere/crime/spc?group=burglary", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task FiguresPageAndAssessment_ShowTheVariationInWords_AndTheChosenChart()
    {
        await EnsureAsync();
        using var visitor = app.CreateClient();

        using (var page = await visitor.GetAsync($"/partnerships/{Slug}/crime?From=2016-01&To=2016-12&Chart=group:burglary"))
        {
            var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("data-spc-variation=\"SpecialCauseConcerning\"", html, StringComparison.Ordinal);
            Assert.Contains("Special cause variation: concerning", html, StringComparison.Ordinal);
            Assert.Contains("Burglary: special cause — concerning: 7 months above the mean.", html, StringComparison.Ordinal);
            Assert.Contains("id=\"crime-spc-chart\"", html, StringComparison.Ordinal);
        }

        using (var assessment = await visitor.GetAsync($"/partnerships/{Slug}/assessment?From=2016-01&To=2016-12"))
        {
            var html = WebUtility.HtmlDecode(await assessment.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, assessment.StatusCode);
            Assert.Contains(CrimeSpc.AssessmentHeading, html, StringComparison.Ordinal);
            Assert.Contains("Burglary: special cause — concerning: 7 months above the mean.", html, StringComparison.Ordinal);
            Assert.Contains("Vehicle crime: common cause — no significant change.", html, StringComparison.Ordinal);
        }

        using var docx = await visitor.GetAsync($"/api/partnerships/{Slug}/assessment.docx?from=2016-01&to=2016-12");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var zip = new System.IO.Compression.ZipArchive(await docx.Content.ReadAsStreamAsync());
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.Contains(CrimeSpc.AssessmentHeading, xml, StringComparison.Ordinal);
        Assert.Contains("Burglary: special cause — concerning: 7 months above the mean.", xml, StringComparison.Ordinal);
    }
}

public sealed class CrimeSpcApiTestsOnSqlite(SqliteFactory app) : CrimeSpcApiTests(app), IClassFixture<SqliteFactory>;

public sealed class CrimeSpcApiTestsOnPostgres(PostgresFactory app) : CrimeSpcApiTests(app), IClassFixture<PostgresFactory>;
