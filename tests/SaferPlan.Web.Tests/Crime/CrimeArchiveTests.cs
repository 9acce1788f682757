using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Data;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Plans;

namespace SaferPlan.Web.Tests.Crime;

/// <summary>
/// A whole police.uk download through the API: a zip of several forces and months read entry by entry, outcomes files
/// skipped, every local authority becoming a comparator area with its LSOAs, a bad entry refused by its path and line;
/// and population figures loaded against those areas, or refused whole with every bad line.
/// </summary>
public abstract class CrimeArchiveTests(SaferPlanFactory app)
{
    private static readonly CalendarMonth March2013 = CalendarMonth.Of(2013, 3);
    private static readonly CalendarMonth April2013 = CalendarMonth.Of(2013, 4);

    /// <summary>Where this run's LSOA and area codes start, apart from other runs' on the same database.</summary>
    private static readonly int CodeBase = Random.Shared.Next(0, 100) * 500;

    private static int next;

    /// <summary>A code number no other force or area of this run has.</summary>
    private static int NextCode() => CodeBase + Interlocked.Increment(ref next);

    /// <summary>A force whose local authority names and codes and LSOA codes no other test uses.</summary>
    private static SyntheticPoliceUk Force(string tag, int districts)
    {
        var list = Enumerable.Range(0, districts)
            .Select(d => new SyntheticDistrict($"Arch{tag} {(char)('A' + d)}ton", $"E07{NextCode():000000}", 12, 90, 40, ["One", "Two"]))
            .ToList();
        return new SyntheticPoliceUk($"arch-{tag}", $"Arch {tag} Police", list, firstLsoaCode: 3_000_000 + (NextCode() * 100));
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }

        return memory.ToArray();
    }

    private static MultipartFormDataContent Form(string name, byte[] zip)
    {
        var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return new MultipartFormDataContent { { content, "files", name } };
    }

    /// <summary>Each comparator area named like the tag, with the codes of its LSOAs.</summary>
    private Task<Dictionary<string, List<string>>> AreasAsync(string tag) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var areas = await db.Set<ComparatorArea>().Where(a => a.Name.StartsWith($"Arch{tag}")).ToListAsync();
            var ids = areas.Select(a => a.Id).ToList();
            var lsoas = await db.Set<Lsoa>().Where(l => l.ComparatorAreaId != null && ids.Contains(l.ComparatorAreaId.Value)).ToListAsync();
            return areas.ToDictionary(a => a.Name, a => lsoas.Where(l => l.ComparatorAreaId == a.Id).Select(l => l.Code).Order().ToList());
        });

    private Task<List<AreaPopulation>> PopulationsAsync(string areaName) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var area = await db.Set<ComparatorArea>().SingleAsync(a => a.Name == areaName);
            return await db.Set<AreaPopulation>().Where(p => p.ComparatorAreaId == area.Id).OrderBy(p => p.Year).ToListAsync();
        });

    [Fact]
    public async Task Upload_ZipOfSeveralForcesAndMonths_LoadsEveryStreetFileSkipsOutcomesAndMakesAComparatorAreaPerAuthority()
    {
        using var analyst = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Analyst));
        var tag = Tag();
        var first = Force(tag + "x", 2);
        var second = Force(tag + "y", 3);
        var entries = new List<(string, string)> { (CrimeFileFinder.SyntheticMarker, SyntheticPoliceUk.Notice) };
        foreach (var month in new[] { March2013, April2013 })
        {
            foreach (var force in new[] { first, second })
            {
                entries.Add(($"{month}/{month}-{force.ForceKey}-street.csv", force.MonthText(month)));
                entries.Add(($"{month}/{month}-{force.ForceKey}-outcomes.csv", "Crime ID,Month\n"));
            }
        }

        entries.Add(($"{March2013}/{March2013}-{first.ForceKey}-stop-and-search.csv", "Type,Date\n"));

        var summary = await CrimeApi.ReadAsync<CrimeImportSummaryJson>(await analyst.PostAsync("/api/crime/imports", Form("police-uk.zip", Zip([.. entries]))), HttpStatusCode.OK);

        Assert.Equal(4, summary.FilesLoaded);
        Assert.Equal(5, summary.FilesSkipped);
        Assert.All(summary.Loaded, f => Assert.True(f.Synthetic));
        var expected = new[] { first, second }
            .SelectMany(f => f.Rows(March2013).Concat(f.Rows(April2013)))
            .Where(r => r.LsoaCode.Length > 0)
            .GroupBy(r => r.LsoaName[..r.LsoaName.LastIndexOf(' ')])
            .ToDictionary(g => g.Key, g => g.Select(r => r.LsoaCode).Distinct().Order().ToList());
        var areas = await AreasAsync(tag);
        Assert.Equal(5, areas.Count);
        Assert.Equal(expected.OrderBy(e => e.Key).ToList(), areas.OrderBy(a => a.Key).ToList());
    }

    [Fact]
    public async Task Upload_ZipWithABadEntry_RefusesItByItsPathAndLineAndLoadsTheRest()
    {
        using var analyst = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Analyst));
        var tag = Tag();
        var force = Force(tag, 1);
        var bad = force.MonthText(April2013).Split('\n').Take(4).ToArray();
        bad[2] += ",an extra field";
        var badEntry = $"{April2013}/{April2013}-{force.ForceKey}-street.csv";

        var problem = await CrimeApi.ReadAsync<CrimeImportSummaryJson>(
            await analyst.PostAsync("/api/crime/imports", Form("national.zip", Zip(
                ($"{March2013}/{March2013}-{force.ForceKey}-street.csv", force.MonthText(March2013)),
                (badEntry, string.Join('\n', bad) + "\n")))),
            HttpStatusCode.UnprocessableEntity);

        Assert.Equal(1, problem.FilesLoaded);
        var refusal = Assert.Single(problem.Refused);
        Assert.Equal($"national.zip/{badEntry}", refusal.File);
        Assert.Equal(3, refusal.Line);
    }

    [Fact]
    public async Task Upload_AFileThatIsNotAZip_IsRefusedByName()
    {
        using var analyst = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Analyst));

        var problem = await CrimeApi.ReadAsync<CrimeImportSummaryJson>(await analyst.PostAsync("/api/crime/imports", Form("broken.zip", Encoding.UTF8.GetBytes("not a zip"))), HttpStatusCode.UnprocessableEntity);

        var refusal = Assert.Single(problem.Refused);
        Assert.Equal("broken.zip", refusal.File);
    }

    [Fact]
    public async Task Import_LsoaStoredBeforeComparatorAreas_IsPlacedByTheNextImport()
    {
        var tag = Tag();
        var code = $"W0{Random.Shared.Next(1000000, 9999999)}";
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            db.Add(new Lsoa { Code = code, Name = $"Arch{tag} Old 001A" });
            return await db.SaveChangesAsync();
        });
        using var analyst = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Analyst));
        var force = Force(tag, 1);

        await CrimeApi.ReadAsync<CrimeImportSummaryJson>(await analyst.PostAsync("/api/crime/imports", Form("one.zip", Zip(($"{March2013}-{force.ForceKey}-street.csv", force.MonthText(March2013))))), HttpStatusCode.OK);

        Assert.Equal([code], (await AreasAsync(tag))[$"Arch{tag} Old"]);
    }

    [Fact]
    public async Task LoadPopulation_ByCodeAndByName_SetsFiguresCodesAndMakesUnknownAreas()
    {
        using var officer = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer));
        using var analyst = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Analyst));
        var tag = Tag();
        var force = Force(tag, 1);
        var known = force.Districts[0];
        await CrimeApi.ReadAsync<CrimeImportSummaryJson>(await analyst.PostAsync("/api/crime/imports", Form("one.zip", Zip(($"{March2013}-{force.ForceKey}-street.csv", force.MonthText(March2013))))), HttpStatusCode.OK);
        var csv = $"LAD21CD,LAD21NM,Mid-year,Population,Dwellings\n{known.Code},{known.Name},2021,\"19,200\",8100\n{known.Code},,2022,19400,\nE08{NextCode():000000},Arch{tag} Newtown,2022,5000,2100\n";

        var loaded = await CrimeApi.ReadAsync<PopulationLoadJson>(await officer.PostAsync("/api/crime/population?fileName=mye.csv", new StringContent(csv, Encoding.UTF8, "text/csv")), HttpStatusCode.OK);

        Assert.Equal(3, loaded.Rows);
        Assert.Equal(1, loaded.AreasCreated);
        var figures = await PopulationsAsync(known.Name);
        Assert.Equal([(2021, 19200, (int?)8100), (2022, 19400, null)], figures.Select(p => (p.Year, p.Residents, p.Dwellings)).ToList());
        Assert.All(figures, p => Assert.False(p.Synthetic));
        Assert.Equal("mye.csv", figures[0].Source);
        var areas = await officer.GetFromJsonAsync<List<ComparatorAreaJson>>("/api/crime/comparator-areas", PlanApi.Contract) ?? [];
        var area = areas.Single(a => a.Name == known.Name);
        Assert.Equal(known.Code, area.Code);
        Assert.Equal(2022, area.Year);
        Assert.Equal(force.Lookup.Count(l => force.Rows(March2013).Any(r => r.LsoaCode == l.LsoaCode)), area.Lsoas);
        Assert.Equal(0, areas.Single(a => a.Name == $"Arch{tag} Newtown").Lsoas);
    }

    [Fact]
    public async Task LoadPopulation_CodeOfOneAreaWithTheNameOfAnother_IsRefusedAtItsLine_AndNothingIsSaved()
    {
        using var analyst = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Analyst));
        var tag = Tag();
        var first = $"E08{NextCode():000000}";
        var second = $"E08{NextCode():000000}";
        await CrimeApi.ReadAsync<PopulationLoadJson>(await analyst.PostAsync("/api/crime/population", new StringContent(
            $"Area code,Area name,Year,Residents\n{first},Arch{tag} First,2021,1000\n{second},Arch{tag} Second,2021,2000\n", Encoding.UTF8, "text/csv")), HttpStatusCode.OK);
        var csv = $"Area code,Area name,Year,Residents\n{second},Arch{tag} Second Renamed,2022,2100\n{first},Arch{tag} Second,2022,9999\n";

        var problem = await CrimeApi.ReadAsync<PopulationProblemJson>(await analyst.PostAsync("/api/crime/population", new StringContent(csv, Encoding.UTF8, "text/csv")), HttpStatusCode.UnprocessableEntity);

        var line = Assert.Single(problem.Lines);
        Assert.Equal(3, line.Line);
        Assert.Equal($"Line 3: the code {first} is Arch{tag} First's, but Arch{tag} Second is another comparator area: correct the code or the name", line.Message);
        Assert.Equal([2021], (await PopulationsAsync($"Arch{tag} First")).Select(p => p.Year).ToList());
        Assert.Equal([2021], (await PopulationsAsync($"Arch{tag} Second")).Select(p => p.Year).ToList());
    }

    [Fact]
    public async Task LoadPopulation_SyntheticFile_MarksTheFiguresSynthetic()
    {
        using var analyst = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Analyst));
        var tag = Tag();
        var force = Force(tag, 2);

        var loaded = await CrimeApi.ReadAsync<PopulationLoadJson>(
            await analyst.PostAsync("/api/crime/population", new StringContent(SyntheticPoliceUk.PopulationCsv([force], 2019, 2020), Encoding.UTF8, "text/csv")),
            HttpStatusCode.OK);

        Assert.Equal(4, loaded.Synthetic);
        var figures = await PopulationsAsync(force.Districts[1].Name);
        Assert.Equal([2019, 2020], figures.Select(p => p.Year).ToList());
        Assert.All(figures, p => Assert.True(p.Synthetic));
        Assert.InRange(figures[0].Residents, 12 * 1400, 12 * 2000);
    }

    [Fact]
    public async Task LoadPopulation_MalformedLines_IsRefusedWholeWithEveryLine()
    {
        using var analyst = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Analyst));
        var tag = Tag();
        var csv = $"Area code,Area name,Year,Residents,Dwellings\n"
            + $",Arch{tag} Good,2021,1000,400\n"
            + $",Arch{tag} Bad,2021,many,400\n"
            + $",Arch{tag} Neg,2021,-5,400\n"
            + $",Arch{tag} Good,2021,1100,450\n"
            + $",,2021,10,4\n";

        var problem = await CrimeApi.ReadAsync<PopulationProblemJson>(await analyst.PostAsync("/api/crime/population", new StringContent(csv, Encoding.UTF8, "text/csv")), HttpStatusCode.UnprocessableEntity);

        var lines = problem.Lines.Select(l => (l.Line, l.Message)).ToList();
        Assert.Equal([3, 4, 5, 6], lines.Select(l => l.Item1).ToList());
        Assert.Equal("Line 3: residents 'many' is not a whole number", lines[0].Item2);
        Assert.Equal("Line 4: residents '-5' is negative", lines[1].Item2);
        Assert.Equal($"Line 5: Arch{tag} Good 2021 is already on line 2", lines[2].Item2);
        Assert.Equal("Line 6: enter the area's code or name", lines[3].Item2);
        Assert.Empty(await AreasAsync(tag));
    }

    [Theory]
    [InlineData("", "Line 1: the file is empty")]
    [InlineData("Area name,Residents\nX,1\n", "Line 1: the header has no year column")]
    [InlineData("Area name,Year,Residents\n", "Line 2: the file has a header but no figures")]
    public async Task LoadPopulation_EmptyOrMissingColumns_IsRefusedAtItsLine(string csv, string expected)
    {
        using var analyst = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Analyst));

        var problem = await CrimeApi.ReadAsync<PopulationProblemJson>(await analyst.PostAsync("/api/crime/population", new StringContent(csv, Encoding.UTF8, "text/csv")), HttpStatusCode.UnprocessableEntity);

        Assert.StartsWith(expected, Assert.Single(problem.Lines).Message, StringComparison.Ordinal);
        Assert.Equal(PlanApi.ProblemJson, (await analyst.PostAsync("/api/crime/population", new StringContent(csv, Encoding.UTF8, "text/csv"))).Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(PartnershipRole.BoardMember)]
    [InlineData(PartnershipRole.LeadOfficer)]
    public async Task LoadPopulation_NeitherAnalystNorSupportOfficer_Is403(PartnershipRole role)
    {
        using var client = await app.ApiClientAsync(await app.AddUserAsync(role));

        using var load = await client.PostAsync("/api/crime/population", new StringContent("Area name,Year,Residents\nX,2021,1\n", Encoding.UTF8, "text/csv"));
        using var list = await client.GetAsync("/api/crime/comparator-areas");

        Assert.Equal(HttpStatusCode.Forbidden, load.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
    }
}

public sealed class CrimeArchiveTestsOnSqlite(SqliteFactory app) : CrimeArchiveTests(app), IClassFixture<SqliteFactory>;

public sealed class CrimeArchiveTestsOnPostgres(PostgresFactory app) : CrimeArchiveTests(app), IClassFixture<PostgresFactory>;
