using System.Diagnostics;
using System.Globalization;
using SaferPlan.Core.Crime;
using SaferPlan.TestCommon;
using Xunit.Abstractions;

namespace SaferPlan.Web.Tests.Faults;

/// <summary>
/// The real saferplan process killed (kill -9) at random points of <c>db migrate</c> on a new database, <c>crime import</c>,
/// and the server's start (migration and demo load), and once it serves: each time, the next start serves and SQLite's
/// integrity check passes. The random delays come from a logged seed; <c>SAFERPLAN_FAULT_SEED</c> repeats a run.
/// </summary>
public sealed class KillTests(ITestOutputHelper log) : IAsyncLifetime
{
    /// <summary>
    /// About two rounds of each victim, each round also killing the start after it once it serves: each of the three
    /// commands is killed at a random moment about twice per run (a new seed each run), for about 40% less CPU than 20 kills.
    /// </summary>
    private const int KillsWanted = 12;

    /// <summary>
    /// Six rounds of two kills take under a minute on the two-core machine, several times that when it is shared with
    /// other builds or the whole test run (a loaded CI machine); past this the test stops (and fails short of kills) rather
    /// than run on.
    /// </summary>
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(12);

    private readonly List<TestDatabaseInstance> databases = [];
    private readonly string crimeFolder = Directory.CreateTempSubdirectory("saferplan-kill-crime-").FullName;

    /// <summary>In turn over each new database: its first migration, the first start's demo load, then a crime import.</summary>
    private enum Victim
    {
        MigrateNewDatabase,
        ServeLoadingDemo,
        CrimeImport,
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in databases)
        {
            await database.DisposeAsync();
        }

        Directory.Delete(crimeFolder, recursive: true);
    }

    private static Random Seeded(ITestOutputHelper log)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SAFERPLAN_FAULT_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var given)
            ? given
            : Random.Shared.Next();
        log.WriteLine($"seed {seed} (SAFERPLAN_FAULT_SEED={seed} repeats this run)");
        return new Random(seed);
    }

    private async Task<TestDatabaseInstance> NewDatabaseAsync(TestDatabase kind)
    {
        var database = await TestDatabaseInstance.CreateAsync(kind);
        databases.Add(database);
        return database;
    }

    private static SaferPlanProcess Start(TestDatabaseInstance database, int port, bool demo, params string[] args) =>
        SaferPlanProcess.Start(database.Provider, database.ConnectionString, new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["SaferPlan__LoadDemoData"] = demo ? "true" : "false",
            ["SaferPlan__LoadDemoCrime"] = "false",
        }, args);

    /// <summary>Starts the server again, asserts it serves, and kills it a random moment after (a kill while serving).</summary>
    private async Task<bool> NextStartServesAsync(TestDatabaseInstance database, Random random, bool demo)
    {
        var port = SaferPlanProcess.FreePort();
        using var next = Start(database, port, demo);
        var clock = Stopwatch.StartNew();
        Assert.True(await next.WaitUntilServesAsync(new Uri($"http://127.0.0.1:{port}/"), SaferPlanProcess.Patience), $"The start after a kill did not serve within {SaferPlanProcess.Patience.TotalSeconds} s: {next}");
        log.WriteLine($"  next start served in {clock.Elapsed.TotalSeconds:0.0} s{(next.Output.Contains("Removed the migration lock", StringComparison.Ordinal) ? ", removing the stale migration lock left by the kill" : "")}");
        await Task.Delay(random.Next(0, 300));
        var killed = !next.HasExited;
        next.Kill();
        return killed;
    }

    [Fact]
    public async Task Sqlite_KilledAtRandomInMigrateImportAndServe_NextStartServesAndIntegrityCheckPasses()
    {
        var random = Seeded(log);
        var clock = Stopwatch.StartNew();
        // The files to import are written in process, as `crime generate` writes them: the kills are what is under test.
        SyntheticPoliceUk.WriteArchive(crimeFolder, [SyntheticPoliceUk.Cambridgeshire()], CalendarMonth.Parse("2010-01"), CalendarMonth.Parse("2010-03"));

        var kills = 0;
        TestDatabaseInstance? database = null;
        for (var round = 0; kills < KillsWanted && clock.Elapsed < Budget; round++)
        {
            var victim = (Victim)(round % 3);
            if (victim == Victim.MigrateNewDatabase || database is null)
            {
                database = await NewDatabaseAsync(TestDatabase.Sqlite);
            }

            string[] args = victim switch
            {
                Victim.MigrateNewDatabase => ["db", "migrate"],
                Victim.ServeLoadingDemo => [],
                _ => ["crime", "import", crimeFolder],
            };
            var delay = random.Next(200, victim == Victim.ServeLoadingDemo ? 3500 : 2500);
            using (var process = Start(database, SaferPlanProcess.FreePort(), demo: true, args))
            {
                await Task.Delay(delay);
                var running = !process.HasExited;
                process.Kill();
                kills += running ? 1 : 0;
                log.WriteLine(running
                    ? $"{victim}: killed after {delay} ms"
                    : $"{victim}: finished before {delay} ms (exit {process.ExitCode}), not counted");
            }

            // After the first migration the next start leaves the demo for the next victim to be killed loading.
            kills += await NextStartServesAsync(database, random, demo: victim != Victim.MigrateNewDatabase) ? 1 : 0;
            var integrity = SaferPlanProcess.IntegrityCheck(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource);
            Assert.True(integrity == "ok", $"PRAGMA integrity_check after {victim} killed at {delay} ms: {integrity}");
        }

        log.WriteLine($"{kills} kills in {clock.Elapsed.TotalSeconds:0} s");
        Assert.True(kills >= KillsWanted, $"Only {kills} kills within {Budget.TotalSeconds} s");
    }

    /// <summary>On PostgreSQL EF Core's migration lock is a table lock that dies with the connection: no kill blocks the next migrate.</summary>
    [Fact]
    public async Task Postgres_MigrateKilledAtRandom_NextMigrateFinishesAndServerServes()
    {
        var random = Seeded(log);
        var database = await NewDatabaseAsync(TestDatabase.Postgres);
        for (var kill = 0; kill < 3; kill++)
        {
            var delay = random.Next(300, 3000);
            using var process = Start(database, SaferPlanProcess.FreePort(), demo: false, "db", "migrate");
            await Task.Delay(delay);
            log.WriteLine(process.HasExited ? $"db migrate finished before {delay} ms" : $"db migrate killed after {delay} ms");
            process.Kill();
        }

        var next = await RunAsync(database, "db", "migrate");
        Assert.True(next.ExitCode == 0, next.ToString());
        await NextStartServesAsync(database, random, demo: false);
    }

    private static async Task<SaferPlanProcess> RunAsync(TestDatabaseInstance database, params string[] args)
    {
        var run = Start(database, SaferPlanProcess.FreePort(), demo: false, args);
        Assert.True(await run.WaitForExitAsync(SaferPlanProcess.Patience), $"Still running after {SaferPlanProcess.Patience.TotalSeconds} s, so killed: {run}");
        return run;
    }
}
