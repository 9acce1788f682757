using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Time.Testing;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Data;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Crime;

/// <summary>
/// The migration that folds the per-outcome count rows into the count rows keeps every outcome count: a database
/// holding counts in the old shape is migrated and read back.
/// </summary>
public abstract class OutcomeMigrationTests(TestDatabase kind)
{
    private const string BeforeFolding = "AddCrimeAndIndicators";

    [Fact]
    public async Task Migrate_CountsWithOutcomeRows_KeepsEveryOutcomeInTheTally()
    {
        await using var database = await TestDatabaseInstance.CreateAsync(kind);
        var builder = new DbContextOptionsBuilder<SaferPlanDbContext>();
        DatabaseSettings.From(database.Provider, database.ConnectionString).Configure(builder);
        await using var db = new SaferPlanDbContext(builder.Options, new FixedActorAccessor(new AuditActor("u1", "analyst@example.org")), new FakeTimeProvider());
        var migrator = db.GetService<IMigrator>();
        var before = db.Database.GetMigrations().Single(m => m.EndsWith("_" + BeforeFolding, StringComparison.Ordinal));
        await migrator.MigrateAsync(before);

        // The old shape: burglary in LSOA 7 with three outcomes and two crimes with none; vehicle crime with no outcome at all.
        foreach (var sql in new[]
        {
            """INSERT INTO "CrimeCounts" ("ForceId", "Month", "LsoaId", "CrimeTypeId", "Count") VALUES (1, 201004, 7, 3, 12), (1, 201004, 7, 4, 2)""",
            """
            INSERT INTO "CrimeOutcomeCounts" ("ForceId", "Month", "LsoaId", "CrimeTypeId", "OutcomeId", "Count")
            VALUES (1, 201004, 7, 3, 5, 4), (1, 201004, 7, 3, 2, 5), (1, 201004, 7, 3, 9, 1), (1, 201004, 7, 3, 0, 2), (1, 201004, 7, 4, 0, 2)
            """,
        })
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }

        await migrator.MigrateAsync();

        var rows = await db.Set<CrimeCount>().AsNoTracking().OrderBy(c => c.CrimeTypeId).ToListAsync();
        Assert.Equal([12, 2], rows.Select(r => r.Count));
        var burglary = new Dictionary<short, long>();
        OutcomeTally.AddTo(rows[0].Outcomes, burglary);
        Assert.Equal(new Dictionary<short, long> { [2] = 5, [5] = 4, [9] = 1 }, burglary);
        Assert.Null(rows[1].Outcomes);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}

public sealed class OutcomeMigrationTestsOnSqlite() : OutcomeMigrationTests(TestDatabase.Sqlite);

public sealed class OutcomeMigrationTestsOnPostgres() : OutcomeMigrationTests(TestDatabase.Postgres);
