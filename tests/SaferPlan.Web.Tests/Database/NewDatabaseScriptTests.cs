using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Data;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Database;

/// <summary>
/// A new database is created from each provider's one script of every migration (<c>Migrations/NewDatabase.sql</c>) rather
/// than by replaying the migrations one by one: the script must be what EF Core generates from the migrations today, and
/// the database it makes must be the one the migrations make, to the column, index, constraint and history row.
/// </summary>
public abstract class NewDatabaseScriptTests(TestDatabase kind)
{
    [Fact]
    public async Task Script_IsEveryMigrationAsEfCoreScriptsIt_RunScriptsAddMigrationAfterChangingThem()
    {
        await using var database = await TestDatabaseInstance.CreateAsync(kind);
        await using var db = database.NewContext();

        var embedded = DatabaseMigration.NewDatabaseScript(db.GetService<IMigrationsAssembly>().Assembly);
        var generated = db.GetService<IMigrator>().GenerateScript();

        Assert.NotNull(embedded);
        Assert.True(Normalise(generated) == Normalise(embedded),
            $"src/SaferPlan.Migrations.{database.Provider}/Migrations/NewDatabase.sql does not match the migrations: run scripts/add-migration.sh's last step (dotnet ef migrations script) again.");
        Assert.All(db.Database.GetMigrations(), id => Assert.Contains($"'{id}'", embedded, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NewDatabase_FromTheScript_IsTheDatabaseTheMigrationsMake()
    {
        await using var fromScript = await TestDatabaseInstance.CreateAsync(kind);
        await using var migrated = await TestDatabaseInstance.CreateAsync(kind);

        await using (var services = Services(fromScript))
        {
            using var scope = services.CreateScope();
            var applied = await DatabaseMigration.MigrateAsync(scope.ServiceProvider, CancellationToken.None);
            Assert.Equal(scope.ServiceProvider.GetRequiredService<SaferPlanDbContext>().Database.GetMigrations(), applied);
        }

        await using (var db = migrated.NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync();
        }

        var expected = await SchemaAsync(migrated);
        var actual = await SchemaAsync(fromScript);
        Assert.True(expected.Count > 200, $"only {expected.Count} schema rows read");
        Assert.Equal(expected.Except(actual).Order(StringComparer.Ordinal), actual.Except(expected).Order(StringComparer.Ordinal));
        Assert.Equal(expected, actual);

        // Up to date: a second start finds nothing pending, and EF Core agrees.
        await using (var services = Services(fromScript))
        {
            using var scope = services.CreateScope();
            Assert.Empty(await DatabaseMigration.MigrateAsync(scope.ServiceProvider, CancellationToken.None));
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<SaferPlanDbContext>().Database.GetPendingMigrationsAsync());
        }
    }

    private static string Normalise(string? script) => (script ?? "").TrimStart('\uFEFF').ReplaceLineEndings("\n").Trim();

    private static ServiceProvider Services(TestDatabaseInstance database)
    {
        var settings = DatabaseSettings.From(database.Provider, database.ConnectionString);
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddSingleton(settings)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IActorAccessor>(new FixedActorAccessor(AuditActor.System))
            .AddDbContext<SaferPlanDbContext>(settings.Configure)
            .BuildServiceProvider();
    }

    /// <summary>
    /// Every table, column, index, constraint and history row, one line each. EF Core's own migration lock table on SQLite
    /// is left out: the migrator creates it when it first migrates, and a database made from the script has not been.
    /// </summary>
    private static async Task<List<string>> SchemaAsync(TestDatabaseInstance database)
    {
        await using var db = database.NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var queries = database.Kind == TestDatabase.Sqlite
            ? new[]
            {
                "SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master WHERE name <> '__EFMigrationsLock'",
                "SELECT \"MigrationId\" || ' ' || \"ProductVersion\" FROM \"__EFMigrationsHistory\"",
            }
            : new[]
            {
                "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || COALESCE(column_default, '') || ' ' || COALESCE(character_maximum_length::text, '') FROM information_schema.columns WHERE table_schema = 'public'",
                "SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'",
                "SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace",
                "SELECT sequence_name || ' ' || data_type FROM information_schema.sequences WHERE sequence_schema = 'public'",
                "SELECT \"MigrationId\" || ' ' || \"ProductVersion\" FROM \"__EFMigrationsHistory\"",
            };
        var rows = new List<string>();
        foreach (var sql in queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                // SQLite keeps each CREATE statement's own line ends; the migrator and the script differ only there.
                rows.Add(string.Join(' ', reader.GetString(0).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}

public sealed class NewDatabaseScriptTestsOnSqlite() : NewDatabaseScriptTests(TestDatabase.Sqlite);

public sealed class NewDatabaseScriptTestsOnPostgres() : NewDatabaseScriptTests(TestDatabase.Postgres);
