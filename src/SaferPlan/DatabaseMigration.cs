using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace SaferPlan;

/// <summary>
/// The one way every path brings the schema up to date (the server's start, <c>db migrate</c>, <c>demo load</c>,
/// <c>crime import</c>), so that a process killed while migrating never leaves the database waiting forever.
/// </summary>
/// <remarks>
/// EF Core takes a migration lock. On PostgreSQL it is a table lock inside a transaction, which the server releases when
/// the connection of a killed process drops. On SQLite it is a row in <c>__EFMigrationsLock</c>, which a killed process
/// leaves behind, and EF then waits for it forever. So on SQLite we first hold an operating-system lock on a file beside
/// the database (<c>saferplan.db.migrate.lock</c>): the kernel releases it when its holder dies, however it dies. Whoever
/// holds that file lock is the only SaferPlan migrating, so any row left in <c>__EFMigrationsLock</c> is stale and is removed.
/// The file is never deleted: a process waiting on the old file while a new one was created would migrate alongside another.
/// </remarks>
public static class DatabaseMigration
{
    /// <summary>How long to wait for another live SaferPlan that is migrating the same database, unless configured.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(2);

    private const string LockTable = "__EFMigrationsLock";
    private const string HistoryTable = "__EFMigrationsHistory";

    /// <summary>
    /// The file is locked by another open handle: a sharing or lock violation on Windows; on Unix .NET gives the errno of
    /// the refused flock, EWOULDBLOCK (11 on Linux, 35 on macOS).
    /// </summary>
    private static bool IsHeldElsewhere(IOException ex) =>
        ex.HResult is unchecked((int)0x80070020) or unchecked((int)0x80070021) || (!OperatingSystem.IsWindows() && ex.HResult is 11 or 35);

    /// <summary>Brings the schema up to date and returns the migrations that were pending (applied now, unless another process just did).</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<SaferPlanDbContext>();
        var settings = services.GetRequiredService<DatabaseSettings>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigration));
        var wait = configuration.GetValue<double?>("SaferPlan:Database:MigrationWaitSeconds") is { } seconds
            ? TimeSpan.FromSeconds(seconds)
            : DefaultWait;

        var databaseFile = settings.Provider == DatabaseProvider.Sqlite ? SqliteFile(settings.ConnectionString) : null;
        await using var fileLock = databaseFile is null ? null : await HoldMigrationFileAsync(databaseFile, wait, cancellationToken);
        if (databaseFile is not null)
        {
            await RemoveStaleLockAsync(db, logger, cancellationToken);
        }
        else if (settings.Provider == DatabaseProvider.Postgres)
        {
            await WaitForPostgresMigrationLockAsync(db, wait, cancellationToken);
        }

        // Read only once no live migration holds the history table (on PostgreSQL even reading it waits for one).
        // Nothing pending, nothing to do: MigrateAsync would still build the model of the last migration and compare it
        // with the code's (about a second of a verb's start), only to find what the history table already says.
        // A database with no history table yet (a new one) has every migration pending; asking EF would log the failed
        // read of the history table as an error on the command line.
        var history = db.GetService<IHistoryRepository>();
        var pending = await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken) && await history.ExistsAsync(cancellationToken)
            ? (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList()
            : db.Database.GetMigrations().ToList();
        if (pending.Count == 0)
        {
            return pending;
        }

        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    /// <summary>
    /// EF Core's PostgreSQL migration lock is <c>LOCK TABLE "__EFMigrationsHistory" IN ACCESS EXCLUSIVE MODE</c>, which waits
    /// with no limit for a live holder. Take and drop the same lock first with a lock timeout, so that a migration
    /// elsewhere that does not finish in time gets one line rather than a wait without end.
    /// </summary>
    private static async Task WaitForPostgresMigrationLockAsync(SaferPlanDbContext db, TimeSpan wait, CancellationToken cancellationToken)
    {
        // A database that is not there yet is created by the migration, and no one can be migrating it.
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            return;
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (await ScalarAsync(connection, $"SELECT to_regclass('\"{HistoryTable}\"') IS NOT NULL", cancellationToken) is not true)
            {
                return;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var probe = connection.CreateCommand();
            probe.Transaction = transaction;
            probe.CommandText = string.Create(CultureInfo.InvariantCulture,
                $"SET LOCAL lock_timeout = {Math.Max(1, (long)wait.TotalMilliseconds)}; LOCK TABLE \"{HistoryTable}\" IN ACCESS EXCLUSIVE MODE");
            await probe.ExecuteNonQueryAsync(cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
        }
        catch (DbException ex) when (ex.SqlState == "55P03")
        {
            throw new DatabaseBusyException(string.Create(CultureInfo.InvariantCulture,
                $"Another SaferPlan process is updating the database {connection.Database} and did not finish within {wait.TotalSeconds:0} seconds. Let it finish or stop it, then try again."));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The sidecar file whose operating-system lock says a live process is migrating <paramref name="databaseFile"/>.</summary>
    public static string LockFileOf(string databaseFile) => databaseFile + ".migrate.lock";

    /// <summary>The database file a SQLite connection string opens, or null for an in-memory database.</summary>
    public static string? SqliteFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        return builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(source) || source == ":memory:"
            ? null
            : Path.GetFullPath(source);
    }

    private static async Task<FileStream> HoldMigrationFileAsync(string databaseFile, TimeSpan wait, CancellationToken cancellationToken)
    {
        var path = LockFileOf(databaseFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive lock (flock on Unix) that the kernel drops when this process ends.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException ex) when (IsHeldElsewhere(ex))
            {
                if (clock.Elapsed >= wait)
                {
                    throw new DatabaseBusyException(string.Create(CultureInfo.InvariantCulture,
                        $"Another SaferPlan process is updating the database {databaseFile} and did not finish within {wait.TotalSeconds:0} seconds (it holds {path}). Let it finish or stop it, then try again."));
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }

    /// <summary>Called holding the file lock, so no live SaferPlan is migrating and any lock row is a dead process's.</summary>
    private static async Task RemoveStaleLockAsync(SaferPlanDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (Convert.ToInt64(await ScalarAsync(connection, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{LockTable}'", cancellationToken), CultureInfo.InvariantCulture) == 0)
            {
                return;
            }

            var since = await ScalarAsync(connection, $"SELECT MIN(\"Timestamp\") FROM \"{LockTable}\"", cancellationToken);
            if (since is null or DBNull)
            {
                return;
            }

            await using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM \"{LockTable}\"";
            await delete.ExecuteNonQueryAsync(cancellationToken);
            logger.LogWarning("Removed the migration lock that a SaferPlan process stopped while migrating left in {Table} (taken {Since}); bringing the database up to date again.", LockTable, since);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}

/// <summary>Another live process is migrating the database and did not finish in time: said in one line, not a stack trace.</summary>
public sealed class DatabaseBusyException(string message) : InvalidOperationException(message);
