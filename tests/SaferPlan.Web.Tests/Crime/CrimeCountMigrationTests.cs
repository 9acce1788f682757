using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Time.Testing;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Crime;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Crime;

/// <summary>
/// The migration that folds the rows per crime type and per outcome into one row per force, month and LSOA keeps
/// every count: a database holding counts in the old shape is migrated and read back.
/// </summary>
public abstract class CrimeCountMigrationTests(TestDatabase kind)
{
    private const string BeforeFolding = "AddCrimeAndIndicators";

    [Fact]
    public async Task Migrate_CountsWithOutcomeRows_KeepsEveryOutcomeInTheTally()
    {
        await using var database = await TestDatabaseInstance.CreateAsync(kind);
        await using var db = database.NewContext(new AuditActor("u1", "analyst@example.org"), new FakeTimeProvider());
        var migrator = db.GetService<IMigrator>();
        var before = db.Database.GetMigrations().Single(m => m.EndsWith("_" + BeforeFolding, StringComparison.Ordinal));
        await migrator.MigrateAsync(before);

        // The old shape: in LSOA 7, burglary with three outcomes and two crimes with none, and criminal damage with no
        // outcome at all; in LSOA 8 the next month, one vehicle crime.
        foreach (var sql in new[]
        {
            """INSERT INTO "CrimeCounts" ("ForceId", "Month", "LsoaId", "CrimeTypeId", "Count") VALUES (1, 201004, 7, 3, 12), (1, 201004, 7, 4, 2), (1, 201005, 8, 13, 1)""",
            """
            INSERT INTO "CrimeOutcomeCounts" ("ForceId", "Month", "LsoaId", "CrimeTypeId", "OutcomeId", "Count")
            VALUES (1, 201004, 7, 3, 5, 4), (1, 201004, 7, 3, 2, 5), (1, 201004, 7, 3, 9, 1), (1, 201004, 7, 3, 0, 2), (1, 201004, 7, 4, 0, 2), (1, 201005, 8, 13, 0, 1)
            """,
        })
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }

        await migrator.MigrateAsync();

        var rows = await db.Set<CrimeCount>().AsNoTracking().OrderBy(c => c.Month).ToListAsync();
        Assert.Equal([(201004, 7), (201005, 8)], rows.Select(r => (r.Month, r.LsoaId)));
        Assert.Equal([(3, 12), (4, 2)], CrimeTally.ReadCounts(rows[0].Counts).OrderBy(c => c.CrimeTypeId).Select(c => ((int)c.CrimeTypeId, c.Count)));
        Assert.Equal([(3, 2, 5), (3, 5, 4), (3, 9, 1)], CrimeTally.ReadOutcomes(rows[0].Outcomes).OrderBy(o => o.OutcomeId).Select(o => ((int)o.CrimeTypeId, (int)o.OutcomeId, o.Count)));
        Assert.Equal([(13, 1)], CrimeTally.ReadCounts(rows[1].Counts).Select(c => ((int)c.CrimeTypeId, c.Count)));
        Assert.Null(rows[1].Outcomes);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}

public sealed class CrimeCountMigrationTestsOnSqlite() : CrimeCountMigrationTests(TestDatabase.Sqlite);

public sealed class CrimeCountMigrationTestsOnPostgres() : CrimeCountMigrationTests(TestDatabase.Postgres);
