using Microsoft.EntityFrameworkCore;
using Npgsql;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Data;

namespace SaferPlan.TestCommon;

public enum TestDatabase
{
    Sqlite,
    Postgres,
}

/// <summary>A fresh, empty database for one test host: a SQLite file in a temporary folder, or a new PostgreSQL database.</summary>
public sealed class TestDatabaseInstance : IAsyncDisposable
{
    /// <summary>The PostgreSQL server the test command starts; tests fail (never skip) when it is missing.</summary>
    public const string PostgresVariable = "SAFERPLAN_TEST_POSTGRES";

    private readonly string? folder;
    private readonly string? postgresName;
    private readonly string? postgresAdmin;

    private TestDatabaseInstance(TestDatabase kind, string connectionString, string? folder, string? postgresName, string? postgresAdmin)
    {
        Kind = kind;
        ConnectionString = connectionString;
        this.folder = folder;
        this.postgresName = postgresName;
        this.postgresAdmin = postgresAdmin;
    }

    public TestDatabase Kind { get; }

    public string ConnectionString { get; }

    public string Provider => Kind == TestDatabase.Sqlite ? "Sqlite" : "Postgres";

    /// <summary>A context over this database as the app configures one (its model built from the configurations), acting as <paramref name="actor"/>.</summary>
    public SaferPlanDbContext NewContext(AuditActor? actor = null, TimeProvider? time = null)
    {
        var builder = new DbContextOptionsBuilder<SaferPlanDbContext>();
        DatabaseSettings.From(Provider, ConnectionString).Configure(builder);
        return new SaferPlanDbContext(builder.Options, new FixedActorAccessor(actor ?? AuditActor.System), time ?? TimeProvider.System);
    }

    /// <summary>An empty database, for tests of the migrations and of the app's start on a new database.</summary>
    public static Task<TestDatabaseInstance> CreateAsync(TestDatabase kind) => CreateAsync(kind, demo: null);

    /// <summary>
    /// A database already migrated and holding the demo partnership (with the demo's recorded crime when asked), copied
    /// from a template loaded once per build (<see cref="DatabaseTemplates"/>) rather than migrated and loaded again.
    /// </summary>
    public static Task<TestDatabaseInstance> CreateWithDemoAsync(TestDatabase kind, bool demoCrime) => CreateAsync(kind, demo: demoCrime);

    private static async Task<TestDatabaseInstance> CreateAsync(TestDatabase kind, bool? demo)
    {
        if (kind == TestDatabase.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("saferplan-test-").FullName;
            var file = Path.Combine(folder, "saferplan.db");
            if (demo is { } demoCrime)
            {
                await DatabaseTemplates.CopySqliteAsync(file, demoCrime);
            }

            return new TestDatabaseInstance(kind, $"Data Source={file}", folder, null, null);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests with ./test.sh, which installs and starts PostgreSQL on 127.0.0.1 and sets it.");
        }

        var name = $"saferplan_test_{Guid.NewGuid():N}";
        if (demo is { } withCrime)
        {
            await DatabaseTemplates.CreatePostgresAsync(admin, name, withCrime);
        }
        else
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabaseInstance(kind, builder.ConnectionString, null, name, admin);
    }

    public async ValueTask DisposeAsync()
    {
        if (folder is not null)
        {
            // This database's pooled connections only: clearing every pool would close the other tests' connections too,
            // and each reopened connection parses the whole schema again.
            using (var pooled = new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString))
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearPool(pooled);
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is removed with the machine's temporary files.
            }
        }

        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);

            // An autovacuum worker (the server's own, which the test role may not stop) can be busy in the database
            // for a moment after a test that wrote much; wait for it rather than fail the run over a clean-up.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await command.ExecuteNonQueryAsync();
                    return;
                }
                catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 20)
                {
                    await Task.Delay(500);
                }
            }
        }
    }
}
