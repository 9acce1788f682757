using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Data;

namespace SaferPlan.Core.Tests.Data;

/// <summary>
/// SQLite files holding the migrated demo for the Core tests that work on a real database: the demo is migrated and loaded
/// once per test process for each clock a test class sets (the load stamps its rows with that clock), and copied for each
/// test. Migrating and loading it for every test was most of this assembly's CPU.
/// </summary>
internal static class DemoDatabaseFiles
{
    private static readonly ConcurrentDictionary<DateTimeOffset, Lazy<Task<string>>> Loaded = new();

    private static readonly Lazy<string> Folder = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("saferplan-core-demo-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left with the machine's temporary files: an exception here would be the test run's last word.
            }
        };
        return folder;
    });

    /// <summary>A new file at <paramref name="path"/> holding the demo as loaded by the system at <paramref name="now"/>.</summary>
    public static async Task CopyAsync(string path, DateTimeOffset now)
    {
        var loaded = await Loaded.GetOrAdd(now, at => new Lazy<Task<string>>(() => LoadAsync(at))).Value;
        File.Copy(loaded, path);
    }

    /// <summary>Lets go of the pooled connections of <paramref name="connectionString"/>, and of no other test's.</summary>
    public static void Release(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private static async Task<string> LoadAsync(DateTimeOffset now)
    {
        var path = Path.Combine(Folder.Value, $"demo-{now.UtcTicks}.db");
        var builder = new DbContextOptionsBuilder<SaferPlanDbContext>();
        new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False").Configure(builder);
        await using var db = new SaferPlanDbContext(builder.Options, new FixedActorAccessor(AuditActor.System), new FakeTimeProvider(now));
        await db.Database.MigrateAsync();
        await DemoLoaders.For(db).LoadAllAsync();
        return path;
    }
}
