using System.Data.Common;
using System.Diagnostics;
using System.Reflection;
using System.Text;
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
        var isNew = !(await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken) && await HistoryTableExistsAsync(db, settings.Provider, cancellationToken));
        var pending = isNew ? db.Database.GetMigrations().ToList() : (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            return pending;
        }

        if (isNew && await CreateFromScriptAsync(db, settings.Provider, cancellationToken))
        {
            return pending;
        }

        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    /// <summary>The name under which each migrations assembly embeds its <c>Migrations/NewDatabase.sql</c>.</summary>
    internal const string NewDatabaseResource = "SaferPlan.NewDatabase.sql";

    /// <summary>
    /// Every migration of the provider as one script, as <c>dotnet ef migrations script</c> writes it (scripts/add-migration.sh),
    /// or null if the assembly embeds none. The same statements, transactions and history rows as replaying each migration,
    /// without building each migration's model and SQL first (about half a second of a new database's start).
    /// </summary>
    internal static string? NewDatabaseScript(Assembly migrationsAssembly)
    {
        using var stream = migrationsAssembly.GetManifestResourceStream(NewDatabaseResource);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// A database with no migration applied yet is created from the provider's script, if it has one that names every
    /// migration (else, or if another process created the tables meanwhile, false: EF Core migrates as usual).
    /// On SQLite the caller holds the migration file lock; on PostgreSQL an advisory lock keeps two new processes apart,
    /// and a PostgreSQL database that does not exist yet is created first, as EF Core's migrator would.
    /// </summary>
    private static async Task<bool> CreateFromScriptAsync(SaferPlanDbContext db, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        var script = NewDatabaseScript(db.GetService<IMigrationsAssembly>().Assembly);
        if (script is null || db.Database.GetMigrations().Any(id => !script.Contains($"'{id}'", StringComparison.Ordinal)))
        {
            return false;
        }

        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (provider == DatabaseProvider.Postgres && !await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (DbException ex) when (ex.SqlState == "42P04")
            {
                // Another process created it a moment ago.
            }
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (provider == DatabaseProvider.Postgres)
            {
                await ScalarAsync(connection, $"SELECT pg_advisory_lock({NewDatabaseLockKey})", cancellationToken);
            }

            if (await HistoryTableExistsAsync(db, provider, cancellationToken))
            {
                return false;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = script;
            command.CommandTimeout = (int)TimeSpan.FromMinutes(5).TotalSeconds;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        finally
        {
            if (provider == DatabaseProvider.Postgres && connection.State == System.Data.ConnectionState.Open)
            {
                // A pooled connection outlives the close, so the lock is given back here (a broken one took it with it).
                await ScalarAsync(connection, $"SELECT pg_advisory_unlock({NewDatabaseLockKey})", CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Whether the database has EF Core's history table. Asked of the catalogue: Npgsql's history repository says yes to a
    /// database without one, and reading the table to find out logs the failure as an error on the command line.
    /// </summary>
    private static async Task<bool> HistoryTableExistsAsync(SaferPlanDbContext db, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await TableExistsAsync(connection, provider, HistoryTable, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The PostgreSQL advisory lock held while a new database is created from the script ("SaferPlan" in ASCII).</summary>
    private const long NewDatabaseLockKey = 0x5361666572506C61;

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
            if (!await TableExistsAsync(connection, DatabaseProvider.Postgres, HistoryTable, cancellationToken))
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
            if (!await TableExistsAsync(connection, DatabaseProvider.Sqlite, LockTable, cancellationToken))
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

    /// <summary>Whether <paramref name="table"/> exists, asked of the catalogue over an open connection.</summary>
    private static async Task<bool> TableExistsAsync(DbConnection connection, DatabaseProvider provider, string table, CancellationToken cancellationToken) =>
        provider == DatabaseProvider.Postgres
            ? await ScalarAsync(connection, $"SELECT to_regclass('\"{table}\"') IS NOT NULL", cancellationToken) is true
            : Convert.ToInt64(await ScalarAsync(connection, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'", cancellationToken), CultureInfo.InvariantCulture) > 0;

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}

/// <summary>Another live process is migrating the database and did not finish in time: said in one line, not a stack trace.</summary>
public sealed class DatabaseBusyException(string message) : InvalidOperationException(message);
