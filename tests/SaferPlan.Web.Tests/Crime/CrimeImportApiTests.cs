using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Data;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Plans;

namespace SaferPlan.Web.Tests.Crime;

/// <summary>Loading police.uk street files through the API: counts that match an independent count, bad files refused whole at their line, re-imports that change nothing, and who may load.</summary>
public abstract class CrimeImportApiTests(SaferPlanFactory app)
{
    private const string Header = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

    private static readonly CalendarMonth March2012 = CalendarMonth.Of(2012, 3);
    private static readonly CalendarMonth April2012 = CalendarMonth.Of(2012, 4);

    /// <summary>A force of its own for each test, so the demo's data and other tests' do not mix in.</summary>
    private static SyntheticPoliceUk Force(int lsoaCodes) =>
        SyntheticPoliceUk.Cambridgeshire(0.5, $"test-{Guid.NewGuid():N}"[..20], "Test Constabulary", lsoaCodes);

    private async Task<HttpClient> AnalystAsync() => await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Analyst));

    private static MultipartFormDataContent Form(bool synthetic, params (string Name, string Text)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, text) in files)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(content, "files", name);
        }

        form.Add(new StringContent(synthetic ? "true" : "false"), "synthetic");
        return form;
    }

    /// <summary>The counts kept for a force-month, keyed by LSOA code ("" for no location) and crime type name.</summary>
    private async Task<Dictionary<(string Lsoa, string Type), int>> StoredCountsAsync(string forceKey, CalendarMonth month) =>
        (await StoredOutcomesAsync(forceKey, month)).GroupBy(c => (c.Key.Lsoa, c.Key.Type)).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));

    /// <summary>Counts by LSOA, crime type and last outcome ("" for none), read back from the stored rows.</summary>
    private Task<Dictionary<(string Lsoa, string Type, string Outcome), int>> StoredOutcomesAsync(string forceKey, CalendarMonth month) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var force = await db.Set<PoliceForce>().SingleAsync(f => f.Key == forceKey);
            var rows = await db.Set<CrimeCount>().Where(c => c.ForceId == force.Id && c.Month == month.Key).ToListAsync();
            var codes = await db.Set<Lsoa>().ToDictionaryAsync(l => l.Id, l => l.Code);
            var outcomes = await db.Set<CrimeOutcome>().ToDictionaryAsync(o => o.Id, o => o.Name);
            string Type(short id) => CrimeTypes.All.Single(t => t.Id == id).Name;
            var result = new Dictionary<(string, string, string), int>();
            foreach (var row in rows)
            {
                var lsoa = row.LsoaId == 0 ? "" : codes[row.LsoaId];
                var withOutcome = CrimeTally.ReadOutcomes(row.Outcomes).ToList();
                foreach (var (type, outcome, n) in withOutcome)
                {
                    result.Add((lsoa, Type(type), outcomes[outcome]), n);
                }

                foreach (var (type, count) in CrimeTally.ReadCounts(row.Counts))
                {
                    if (count - withOutcome.Where(o => o.CrimeTypeId == type).Sum(o => o.Count) is > 0 and var none)
                    {
                        result.Add((lsoa, Type(type), ""), none);
                    }
                }
            }

            return result;
        });

    private Task<(int Imports, int Counts)> StoredTotalsAsync(string forceKey) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var ids = await db.Set<PoliceForce>().Where(f => f.Key == forceKey).Select(f => f.Id).ToListAsync();
            var counts = await db.Set<CrimeCount>().Where(c => ids.Contains(c.ForceId)).Select(c => c.Counts).ToListAsync();
            return (
                await db.Set<CrimeImport>().CountAsync(i => ids.Contains(i.ForceId)),
                counts.Sum(c => CrimeTally.ReadCounts(c).Sum(t => t.Count)));
        });

    [Fact]
    public async Task Upload_GeneratedFilesWithEveryQuirk_KeepsCountsThatMatchAnIndependentCount()
    {
        using var analyst = await AnalystAsync();
        var force = Force(40000);
        var marchText = force.MonthText(March2012, crlf: true);
        var aprilText = force.MonthText(April2012, crlf: false);
        Assert.Contains("\r\n", marchText, StringComparison.Ordinal);
        Assert.Contains(",\"On or near Mill Road, Romsey\",", marchText, StringComparison.Ordinal);

        var summary = await CrimeApi.ReadAsync<CrimeImportSummaryJson>(
            await analyst.PostAsync("/api/crime/imports", Form(false, ($"{March2012}-{force.ForceKey}-street.csv", marchText), ($"{April2012}-{force.ForceKey}-street.csv", aprilText))),
            HttpStatusCode.OK);

        foreach (var month in new[] { March2012, April2012 })
        {
            // The independent count: the generator's own rows, grouped here.
            var rows = force.Rows(month).ToList();
            var expected = rows.GroupBy(r => (r.LsoaCode, r.CrimeType)).ToDictionary(g => g.Key, g => g.Count());
            Assert.Contains(rows, r => r.LsoaCode.Length == 0);
            Assert.Contains(rows, r => r.CrimeType == "Anti-social behaviour" && r.CrimeId.Length == 0);

            var stored = await StoredCountsAsync(force.ForceKey, month);

            Assert.Equal(expected.OrderBy(e => e.Key).ToList(), stored.OrderBy(e => e.Key).ToList());
            var expectedOutcomes = rows.GroupBy(r => (r.LsoaCode, r.CrimeType, r.LastOutcome)).ToDictionary(g => g.Key, g => g.Count());
            Assert.Contains(expectedOutcomes.Keys, k => k.LastOutcome.Length > 0);
            Assert.Equal(expectedOutcomes.OrderBy(e => e.Key).ToList(), (await StoredOutcomesAsync(force.ForceKey, month)).OrderBy(e => e.Key).ToList());
        }

        Assert.Equal(2, summary.FilesLoaded);
        Assert.Equal(force.Rows(March2012).Count() + force.Rows(April2012).Count(), summary.Rows);
        Assert.Empty(summary.Refused);
        var totals = await StoredTotalsAsync(force.ForceKey);
        Assert.Equal(2, totals.Imports);
    }

    [Fact]
    public async Task Upload_SameForceMonthTwiceInOneImport_KeepsTheLaterFileAndCountsBoth()
    {
        using var analyst = await AnalystAsync();
        var force = Force(42000);
        var name = $"{March2012}-{force.ForceKey}-street.csv";
        var full = force.MonthText(March2012);
        var lines = full.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var shorter = string.Join('\n', lines.Take(11)) + "\n";

        var summary = await CrimeApi.ReadAsync<CrimeImportSummaryJson>(await analyst.PostAsync("/api/crime/imports", Form(false, (name, full), (name, shorter))), HttpStatusCode.OK);

        Assert.Equal(2, summary.FilesLoaded);
        var totals = await StoredTotalsAsync(force.ForceKey);
        Assert.Equal((1, 10), totals);
    }

    [Fact]
    public async Task Upload_SameFileTwice_LeavesTheSameTotals()
    {
        using var analyst = await AnalystAsync();
        var force = Force(41000);
        var name = $"{March2012}-{force.ForceKey}-street.csv";
        var text = force.MonthText(March2012);
        await CrimeApi.ReadAsync<CrimeImportSummaryJson>(await analyst.PostAsync("/api/crime/imports", Form(false, (name, text))), HttpStatusCode.OK);
        var first = await StoredTotalsAsync(force.ForceKey);
        var firstCounts = await StoredCountsAsync(force.ForceKey, March2012);

        await CrimeApi.ReadAsync<CrimeImportSummaryJson>(await analyst.PostAsync("/api/crime/imports", Form(false, (name, text))), HttpStatusCode.OK);

        Assert.Equal(first, await StoredTotalsAsync(force.ForceKey));
        Assert.Equal(firstCounts.OrderBy(e => e.Key).ToList(), (await StoredCountsAsync(force.ForceKey, March2012)).OrderBy(e => e.Key).ToList());
        Assert.Equal(force.Rows(March2012).Count(), first.Counts);
    }

    [Fact]
    public async Task Upload_ImportOfAMonth_BumpsEveryPartnershipsChangeStamp()
    {
        using var analyst = await AnalystAsync();
        var force = Force(42000);
        var before = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Partnerships.OrderBy(p => p.Id).Select(p => p.ChangeStamp).ToListAsync());

        await CrimeApi.ReadAsync<CrimeImportSummaryJson>(await analyst.PostAsync("/api/crime/imports", Form(false, ($"{March2012}-{force.ForceKey}-street.csv", force.MonthText(March2012)))), HttpStatusCode.OK);

        var after = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Partnerships.OrderBy(p => p.Id).Select(p => p.ChangeStamp).ToListAsync());
        Assert.Equal(2, before.Count);
        Assert.All(before.Zip(after), pair => Assert.True(pair.Second > pair.First, $"The change stamp was {pair.First} and is {pair.Second}."));
    }

    private static string Row(string month = "2012-03", string type = "Burglary", string location = "On or near High Street") =>
        $"abc,{month},Test Constabulary,Test Constabulary,0.1,52.1,{location},E01018000,South Cambridgeshire 001A,{type},Under investigation,";

    public static TheoryData<string, string, int, string> MalformedFiles => new()
    {
        { "header", "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Type,Last outcome category,Context\n" + Row() + "\n", 1, "The header is not police.uk's" },
        { "fields", $"{Header}\n{Row()}\n{Row()}\n{Row()},extra\n", 4, "The row has 13 fields" },
        { "month-format", $"{Header}\r\n{Row()}\r\n{Row(month: "March 2012")}\r\n", 3, "The month \"March 2012\" is not a month written YYYY-MM" },
        { "month-differs", $"{Header}\n{Row()}\n{Row()}\n{Row()}\n{Row(month: "2012-04")}\n", 5, "The month is 2012-04 but the file is for 2012-03" },
        { "crime-type", $"{Header}\n{Row(location: "\"On or near Mill Road, Romsey\"")}\n{Row(type: "Littering")}\n", 3, "\"Littering\" is not a police.uk crime type" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public async Task Upload_MalformedFileAmongGoodOnes_RefusesItWholeAtItsLineAndLoadsTheOthers(string kind, string text, int line, string reason)
    {
        using var analyst = await AnalystAsync();
        var good = Force(43000);
        var badForce = $"bad-{kind}-{Guid.NewGuid():N}"[..24];
        var badName = $"{March2012}-{badForce}-street.csv";

        var problem = await CrimeApi.ReadAsync<CrimeImportSummaryJson>(
            await analyst.PostAsync("/api/crime/imports", Form(false, (badName, text), ($"{March2012}-{good.ForceKey}-street.csv", good.MonthText(March2012)))),
            HttpStatusCode.UnprocessableEntity);

        var refusal = Assert.Single(problem.Refused);
        Assert.Equal(badName, refusal.File);
        Assert.Equal(line, refusal.Line);
        Assert.StartsWith(reason, refusal.Reason, StringComparison.Ordinal);
        Assert.Equal(1, problem.FilesLoaded);
        Assert.Equal(good.Rows(March2012).Count(), problem.Rows);
        Assert.Equal((0, 0), await StoredTotalsAsync(badForce));
        Assert.Equal(good.Rows(March2012).Count(), (await StoredTotalsAsync(good.ForceKey)).Counts);
    }

    private static string OutcomeFile(IEnumerable<string> outcomes) =>
        Header + "\n" + string.Join("\n", outcomes.Select(o =>
            $"abc,2012-03,Test Constabulary,Test Constabulary,0.1,52.1,On or near High Street,E01018000,South Cambridgeshire 001A,Burglary,{o},")) + "\n";

    private Task<int> KnownOutcomesAsync() => app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<CrimeOutcome>().CountAsync());

    [Fact]
    public async Task Upload_FileWithFortyThousandOutcomeNames_IsRefusedAtTheFirstOverTheBoundAndLaterImportsLoad()
    {
        using var analyst = await AnalystAsync();
        var good = Force(48000);
        await CrimeApi.ReadAsync<CrimeImportSummaryJson>(await analyst.PostAsync("/api/crime/imports", Form(false, ($"{March2012}-{good.ForceKey}-street.csv", good.MonthText(March2012)))), HttpStatusCode.OK);
        var known = await KnownOutcomesAsync();
        Assert.True(known > 5, $"The generator's files name {known} outcomes.");
        var junk = OutcomeFile(Enumerable.Range(1, 40_000).Select(i => $"Outcome {i:00000}"));
        var badName = $"{March2012}-{Force(47000).ForceKey}-street.csv";

        var problem = await CrimeApi.ReadAsync<CrimeImportSummaryJson>(await analyst.PostAsync("/api/crime/imports", Form(false, (badName, junk))), HttpStatusCode.UnprocessableEntity);

        var refusal = Assert.Single(problem.Refused);
        Assert.Equal(1 + 101, refusal.Line);
        Assert.StartsWith("\"Outcome 00101\" would be more than 100 different last outcome categories in one file", refusal.Reason, StringComparison.Ordinal);
        Assert.Equal(known, await KnownOutcomesAsync());

        // Under the bound for one file, but over it counting those already known: refused at the first one over.
        var room = 100 - known;
        var names = Enumerable.Range(1, room + 5).Select(i => $"Outcome {Guid.NewGuid():N}").ToList();
        problem = await CrimeApi.ReadAsync<CrimeImportSummaryJson>(await analyst.PostAsync("/api/crime/imports", Form(false, (badName, OutcomeFile(names)))), HttpStatusCode.UnprocessableEntity);
        refusal = Assert.Single(problem.Refused);
        Assert.Equal(1 + room + 1, refusal.Line);
        Assert.Contains("counting those loaded before", refusal.Reason, StringComparison.Ordinal);
        Assert.Equal(known, await KnownOutcomesAsync());

        var summary = await CrimeApi.ReadAsync<CrimeImportSummaryJson>(await analyst.PostAsync("/api/crime/imports", Form(false, ($"{April2012}-{good.ForceKey}-street.csv", good.MonthText(April2012)))), HttpStatusCode.OK);
        Assert.Equal(1, summary.FilesLoaded);
        Assert.Equal(good.Rows(March2012).Count() + good.Rows(April2012).Count(), (await StoredTotalsAsync(good.ForceKey)).Counts);
    }

    [Fact]
    public async Task List_AfterSyntheticUpload_ShowsTheForceMonthAsSyntheticWithWhoLoadedIt()
    {
        var email = await app.AddUserAsync(PartnershipRole.Analyst);
        using var analyst = await app.ApiClientAsync(email);
        var force = Force(44000);
        await CrimeApi.ReadAsync<CrimeImportSummaryJson>(await analyst.PostAsync("/api/crime/imports", Form(true, ($"{April2012}-{force.ForceKey}-street.csv", force.MonthText(April2012)))), HttpStatusCode.OK);

        var list = await CrimeApi.ReadAsync<CrimeImportListJson>(await analyst.GetAsync("/api/crime/imports"), HttpStatusCode.OK);

        var import = Assert.Single(list.Imports, i => i.Force == force.ForceKey);
        Assert.Equal("2012-04", import.Month);
        Assert.True(import.Synthetic);
        Assert.Equal(email[..email.IndexOf('@', StringComparison.Ordinal)], import.ImportedBy);
        Assert.Equal(force.Rows(April2012).Count(), import.Rows);

    }

    [Fact]
    public async Task Upload_Anonymous_Is401()
    {
        using var anonymous = await app.ApiClientAsync();

        using var post = await anonymous.PostAsync("/api/crime/imports", Form(false, ($"{March2012}-x-street.csv", Header + "\n")));
        using var get = await anonymous.GetAsync("/api/crime/imports");

        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
    }

    [Theory]
    [InlineData(PartnershipRole.BoardMember)]
    [InlineData(PartnershipRole.LeadOfficer)]
    [InlineData(PartnershipRole.SupportOfficer)]
    public async Task Upload_WithoutThePermission_Is403AndLoadsNothing(PartnershipRole role)
    {
        using var client = await app.ApiClientAsync(await app.AddUserAsync(role));
        var force = Force(45000);

        using var post = await client.PostAsync("/api/crime/imports", Form(false, ($"{March2012}-{force.ForceKey}-street.csv", force.MonthText(March2012))));
        using var get = await client.GetAsync("/api/crime/imports");

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(PlanApi.ProblemJson, post.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal((0, 0), await StoredTotalsAsync(force.ForceKey));
    }

    [Fact]
    public async Task Upload_AsAdministrator_Loads()
    {
        using var admin = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Administrator));
        var force = Force(46000);

        var summary = await CrimeApi.ReadAsync<CrimeImportSummaryJson>(await admin.PostAsync("/api/crime/imports", Form(false, ($"{March2012}-{force.ForceKey}-street.csv", force.MonthText(March2012)))), HttpStatusCode.OK);

        Assert.Equal(1, summary.FilesLoaded);
    }

    [Fact]
    public async Task Upload_NoFiles_Is400ProblemDetails()
    {
        using var analyst = await AnalystAsync();
        using var form = new MultipartFormDataContent { { new StringContent("true"), "synthetic" } };

        using var response = await analyst.PostAsync("/api/crime/imports", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(PlanApi.ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class CrimeImportApiTestsOnSqlite(SqliteFactory app) : CrimeImportApiTests(app), IClassFixture<SqliteFactory>;

public sealed class CrimeImportApiTestsOnPostgres(PostgresFactory app) : CrimeImportApiTests(app), IClassFixture<PostgresFactory>;
