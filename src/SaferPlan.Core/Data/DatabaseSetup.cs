using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SaferPlan.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database SaferPlan uses: SQLite (the embedded default) or PostgreSQL.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteConnectionString = "Data Source=data/saferplan.db";

    public static DatabaseSettings From(string? provider, string? connectionString)
    {
        var parsed = string.IsNullOrWhiteSpace(provider)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var p)
                ? p
                : throw new InvalidOperationException(
                    $"SaferPlan:Database:Provider is '{provider}'. Set it to Sqlite or Postgres.");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = parsed == DatabaseProvider.Sqlite
                ? DefaultSqliteConnectionString
                : throw new InvalidOperationException(
                    "SaferPlan:Database:Provider is Postgres but ConnectionStrings:SaferPlan is empty. Set ConnectionStrings__SaferPlan to a PostgreSQL connection string.");
        }

        return new DatabaseSettings(parsed, connectionString);
    }

    public void Configure(DbContextOptionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // A query taking the first of rows in no order reads whichever row the database gives first, which can differ
        // between SQLite and PostgreSQL or between runs: an error, so the tests find one before a user does.
        builder.ConfigureWarnings(w => w.Throw(CoreEventId.FirstWithoutOrderByAndFilterWarning));
        if (Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder();
            // Related collections load in one query, as EF Core does by default; said once so EF does not warn of it.
            builder.UseSqlite(ConnectionString, o => o.MigrationsAssembly("SaferPlan.Migrations.Sqlite").UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));

            // Two older migrations rebuild tables, which SQLite does with foreign keys off, outside the transaction; EF
            // warns of it on every new database. A note for developers (DatabaseMigration's lock covers a stopped
            // migration), not for someone creating a database from the command line: logged at Debug.
            builder.ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, Microsoft.Extensions.Logging.LogLevel.Debug)));
            builder.AddInterceptors(SqliteBusyWait.Instance);
        }
        else
        {
            builder.UseNpgsql(ConnectionString, o => o.MigrationsAssembly("SaferPlan.Migrations.Postgres").UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
        }
    }

    private void EnsureSqliteFolder()
    {
        var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder) && !file.Equals(":memory:", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(folder);
        }
    }
}

/// <summary>
/// Has SQLite itself wait, up to the connection's timeout (30 seconds unless the connection string says otherwise), for a
/// lock another connection holds (for ever when the timeout is 0, as Microsoft.Data.Sqlite reads it), instead of failing at once with "database is locked".
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite waits and retries a statement that finds the database busy, but not a commit that does when the
/// statement's reader is closed: that is how EF Core saves one new row (<c>INSERT … RETURNING</c>), so a single insert
/// failed whenever another connection (a page being read, the outbox sender) held the database at that moment. SQLite's own
/// busy timeout covers every lock it takes, that commit included.
/// </remarks>
public sealed class SqliteBusyWait : DbConnectionInterceptor
{
    public static readonly SqliteBusyWait Instance = new();

    private SqliteBusyWait()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Command(connection);
        command?.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection);
        if (command is not null)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static SqliteCommand? Command(DbConnection connection) => connection is SqliteConnection sqlite
        ? new SqliteCommand(string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(sqlite.DefaultTimeout == 0 ? int.MaxValue : sqlite.DefaultTimeout * 1000)}"), sqlite)
        : null;
}
