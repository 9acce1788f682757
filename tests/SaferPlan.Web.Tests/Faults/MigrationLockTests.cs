using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using SaferPlan.Core.Crime;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Faults;

/// <summary>
/// EF Core's migration lock after a process died holding it: on SQLite a row left in <c>__EFMigrationsLock</c> (which made
/// the server, <c>db migrate</c> and <c>crime import</c> wait forever), on PostgreSQL a table lock the server drops with
/// the dead connection. The next start recovers within seconds; a live migration elsewhere gets one line, never a hang.
/// </summary>
public sealed partial class MigrationLockTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> NoDemo = new() { ["SaferPlan__LoadDemoData"] = "false" };
    private readonly List<TestDatabaseInstance> databases = [];

    [GeneratedRegex(@"^\s+at ", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in databases)
        {
            await database.DisposeAsync();
        }
    }

    private async Task<TestDatabaseInstance> NewDatabaseAsync(TestDatabase kind)
    {
        var database = await TestDatabaseInstance.CreateAsync(kind);
        databases.Add(database);
        return database;
    }

    /// <summary>
    /// A database with its first migration applied and the rest pending: brought up to date by EF Core's migrator, which
    /// holds its migration lock meanwhile (a new, empty database is created from one script instead, see
    /// <see cref="Database.NewDatabaseScriptTests"/>, and a process killed then is <see cref="KillTests"/>' business).
    /// </summary>
    private async Task<TestDatabaseInstance> PartlyMigratedDatabaseAsync(TestDatabase kind)
    {
        var database = await NewDatabaseAsync(kind);
        await using var db = database.NewContext();
        await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().First());
        return database;
    }

    /// <summary>A database already migrated (a copy of the template): what these tests plant their lock in.</summary>
    private async Task<TestDatabaseInstance> MigratedDatabaseAsync(TestDatabase kind)
    {
        var database = await TestDatabaseInstance.CreateWithDemoAsync(kind, demoCrime: false);
        databases.Add(database);
        return database;
    }

    private static string FileOf(TestDatabaseInstance database) => new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;

    private static SaferPlanProcess Start(TestDatabaseInstance database, Dictionary<string, string>? settings, params string[] args) =>
        SaferPlanProcess.Start(database.Provider, database.ConnectionString, settings ?? NoDemo, args);

    private static async Task<SaferPlanProcess> RunAsync(TestDatabaseInstance database, Dictionary<string, string>? settings, params string[] args)
    {
        var run = Start(database, settings, args);
        Assert.True(await run.WaitForExitAsync(SaferPlanProcess.Patience), $"Still running after {SaferPlanProcess.Patience.TotalSeconds} s, so killed: {run}");
        return run;
    }

    /// <summary>What a process killed while migrating leaves behind, as EF Core itself writes it.</summary>
    private static async Task PlantStaleLockAsync(TestDatabaseInstance database)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
            INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-11-29 09:00:00+00:00');
            """;
        await command.ExecuteNonQueryAsync();
    }

    private static long LockRows(TestDatabaseInstance database)
    {
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsLock\"";
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task StaleLockRow_CrimeImport_RemovesItAndImports()
    {
        var database = await MigratedDatabaseAsync(TestDatabase.Sqlite);
        await PlantStaleLockAsync(database);
        // The files are written in process, as `crime generate` writes them: the import is what is under test.
        var files = Path.Combine(Path.GetDirectoryName(FileOf(database))!, "crime");
        var month = CalendarMonth.Parse("2010-01");
        SyntheticPoliceUk.WriteArchive(files, [SyntheticPoliceUk.Cambridgeshire()], month, month);

        var run = await RunAsync(database, null, "crime", "import", files);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Loaded 1 file(s)", run.Output, StringComparison.Ordinal);
        Assert.Equal(0, LockRows(database));
    }

    /// <summary>
    /// Another live SaferPlan migrating the same file (it holds the lock file, and so its row is no one's to remove): the
    /// command and the server each wait their configured time, then say so in one line and exit 1. Once the holder is gone
    /// its row is stale, and the next <c>db migrate</c> removes it, says so and succeeds within seconds.
    /// </summary>
    [Fact]
    public async Task LiveMigrationElsewhere_DbMigrateAndServer_WaitThenRefuseInOneLine_ThenStaleRowIsRemoved()
    {
        var database = await MigratedDatabaseAsync(TestDatabase.Sqlite);
        await PlantStaleLockAsync(database);
        var lockFile = FileOf(database) + ".migrate.lock";
        var settings = new Dictionary<string, string>(NoDemo) { ["SaferPlan__Database__MigrationWaitSeconds"] = "1", ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{SaferPlanProcess.FreePort()}" };
        await using (var holder = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            foreach (var args in new string[][] { ["db", "migrate"], [] })
            {
                var run = await RunAsync(database, settings, args);

                Assert.True(run.ExitCode == 1, run.ToString());
                var line = Assert.Single(run.Output.Split('\n'), l => l.Contains("Another SaferPlan process", StringComparison.Ordinal));
                Assert.Equal(
                    $"saferplan: Another SaferPlan process is updating the database {FileOf(database)} and did not finish within 1 seconds (it holds {lockFile}). Let it finish or stop it, then try again.",
                    line.TrimEnd());
                Assert.DoesNotMatch(StackFrame(), run.Output);
                Assert.Equal(1, LockRows(database));
            }
        }

        // The holder gone, its row is stale: the next migrate removes it.
        var clock = Stopwatch.StartNew();
        var after = await RunAsync(database, null, "db", "migrate");
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Contains("The Sqlite database is up to date.", after.Output, StringComparison.Ordinal);
        Assert.Contains("Removed the migration lock that a SaferPlan process stopped while migrating left", after.Output, StringComparison.Ordinal);
        Assert.Equal(0, LockRows(database));
        // Not the two minutes a live holder is waited for (DatabaseMigration.DefaultWait). A few seconds on a quiet machine; the
        // margin (30 s before) is for the command's cold start on a loaded one, which can take many times as long.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"took {clock.Elapsed}");
    }

    /// <summary>
    /// On PostgreSQL a live migration elsewhere holds EF Core's table lock (taken here as EF Core takes it): the command and
    /// the server wait their configured time, then say so in one line and exit 1, where they used to wait without end.
    /// </summary>
    [Fact]
    public async Task LiveMigrationElsewhere_Postgres_DbMigrateAndServer_WaitThenRefuseInOneLine()
    {
        var database = await MigratedDatabaseAsync(TestDatabase.Postgres);
        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
        var settings = new Dictionary<string, string>(NoDemo) { ["SaferPlan__Database__MigrationWaitSeconds"] = "1", ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{SaferPlanProcess.FreePort()}" };
        await using (var holder = new NpgsqlConnection(database.ConnectionString))
        {
            await holder.OpenAsync();
            await using var transaction = await holder.BeginTransactionAsync();
            await using (var take = new NpgsqlCommand("LOCK TABLE \"__EFMigrationsHistory\" IN ACCESS EXCLUSIVE MODE", holder, transaction))
            {
                await take.ExecuteNonQueryAsync();
            }

            foreach (var args in new string[][] { ["db", "migrate"], [] })
            {
                var run = await RunAsync(database, settings, args);

                Assert.True(run.ExitCode == 1, run.ToString());
                var line = Assert.Single(run.Output.Split('\n'), l => l.Contains("Another SaferPlan process", StringComparison.Ordinal));
                Assert.Equal(
                    $"saferplan: Another SaferPlan process is updating the database {name} and did not finish within 1 seconds. Let it finish or stop it, then try again.",
                    line.TrimEnd());
                Assert.DoesNotMatch(StackFrame(), run.Output);
            }

            await transaction.RollbackAsync();
        }

        var after = await RunAsync(database, null, "db", "migrate");
        Assert.True(after.ExitCode == 0, after.ToString());
    }

    /// <summary>
    /// A real <c>db migrate</c> of a database with migrations pending, killed at the moment the database shows it holds EF Core's migration lock (the row on
    /// SQLite, the table lock on PostgreSQL). On PostgreSQL the next <c>db migrate</c> finishes and the server then serves.
    /// On SQLite the server is started straight away over the half-migrated file: it removes the stale row, says so,
    /// finishes the migration and serves (the next <c>db migrate</c> meeting a stale row is checked by
    /// <see cref="LiveMigrationElsewhere_DbMigrateAndServer_WaitThenRefuseInOneLine_ThenStaleRowIsRemoved"/>).
    /// </summary>
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task DbMigrateKilledHoldingTheLock_NextStartFinishesTheMigrationAndServes(TestDatabase kind)
    {
        TestDatabaseInstance? database = null;
        var caught = false;
        for (var attempt = 1; attempt <= 3 && !caught; attempt++)
        {
            database = await PartlyMigratedDatabaseAsync(kind);
            using var victim = Start(database, null, "db", "migrate");
            var clock = Stopwatch.StartNew();
            var seen = false;
            while (!victim.HasExited && clock.Elapsed < SaferPlanProcess.Patience && !seen)
            {
                seen = await HoldsMigrationLockAsync(database);
                await Task.Delay(5);
            }

            victim.Kill();

            // On SQLite the row must still be there after the kill: that is the stale lock the next start meets.
            caught = seen && (kind == TestDatabase.Postgres || LockRows(database) > 0);
        }

        Assert.True(caught, "db migrate was never seen holding the migration lock in three tries");
        if (kind == TestDatabase.Postgres)
        {
            var next = await RunAsync(database!, null, "db", "migrate");
            Assert.True(next.ExitCode == 0, next.ToString());
        }

        var port = SaferPlanProcess.FreePort();
        using var server = Start(database!, new(NoDemo) { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });
        Assert.True(await server.WaitUntilServesAsync(new Uri($"http://127.0.0.1:{port}/"), SaferPlanProcess.Patience), server.ToString());
        if (kind == TestDatabase.Sqlite)
        {
            Assert.Contains("Removed the migration lock", server.Output, StringComparison.Ordinal);
            Assert.Equal(0, LockRows(database!));
        }
    }

    private static async Task<bool> HoldsMigrationLockAsync(TestDatabaseInstance database)
    {
        try
        {
            if (database.Kind == TestDatabase.Sqlite)
            {
                await using var connection = new SqliteConnection(database.ConnectionString + ";Mode=ReadOnly;Default Timeout=1");
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsLock\"";
                return (long)(await command.ExecuteScalarAsync())! > 0;
            }

            await using var pg = new NpgsqlConnection(database.ConnectionString);
            await pg.OpenAsync();
            await using var locks = new NpgsqlCommand(
                "SELECT COUNT(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND c.relname = '__EFMigrationsHistory' AND l.mode = 'AccessExclusiveLock' AND l.granted",
                pg);
            return (long)(await locks.ExecuteScalarAsync())! > 0;
        }
        catch (Exception ex) when (ex is SqliteException or NpgsqlException)
        {
            // The database file or the lock table is not there yet, or is busy for a moment.
            return false;
        }
    }
}
