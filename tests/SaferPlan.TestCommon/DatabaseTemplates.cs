using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SaferPlan.TestCommon;

/// <summary>
/// The demo partnership migrated and loaded once per provider (with or without the demo's recorded crime) by the app's own
/// start-up, then copied for every test host: a SQLite file copied, or <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL.
/// </summary>
/// <remarks>
/// A template is named after the content of the app's assemblies (the migrations and the demo are in them), so every test
/// process and test assembly of one build shares it, and a changed build gets a new one. It is built under a lock (a file
/// lock for SQLite, an advisory lock on PostgreSQL) and appears under its final name only when complete, so test assemblies
/// running side by side neither race nor see half a template. Templates older than a day are removed when a new one is built.
/// </remarks>
public static class DatabaseTemplates
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    private static readonly Lazy<string> BuildKey = new(() =>
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.GetFiles(AppContext.BaseDirectory, "SaferPlan*.dll").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name is "SaferPlan.dll" or "SaferPlan.Core.dll" || name.StartsWith("SaferPlan.Migrations.", StringComparison.Ordinal))
            {
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    });

    private static readonly SemaphoreSlim InProcess = new(1, 1);

    private static string TemplateName(bool demoCrime) => $"saferplan_tpl_{BuildKey.Value}_{(demoCrime ? "crime" : "plain")}";

    /// <summary>A new SQLite file at <paramref name="path"/> holding the loaded demo.</summary>
    public static async Task CopySqliteAsync(string path, bool demoCrime)
    {
        var template = await SqliteTemplateAsync(demoCrime);
        File.Copy(template, path);
    }

    /// <summary>Creates the PostgreSQL database <paramref name="name"/> holding the loaded demo.</summary>
    public static async Task CreatePostgresAsync(string admin, string name, bool demoCrime)
    {
        var template = await PostgresTemplateAsync(admin, demoCrime);
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(connection, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                // Another session is connected to the template for a moment (it was just built); wait for it to go.
                await Task.Delay(100);
            }
        }
    }

    private static async Task<string> SqliteTemplateAsync(bool demoCrime)
    {
        var folder = Path.Combine(Path.GetTempPath(), "saferplan-test-templates");
        var path = Path.Combine(folder, TemplateName(demoCrime) + ".db");
        if (File.Exists(path))
        {
            return path;
        }

        await InProcess.WaitAsync();
        try
        {
            Directory.CreateDirectory(folder);
            await using var hold = await HoldFileAsync(path + ".lock");
            if (File.Exists(path))
            {
                return path;
            }

            var building = Path.Combine(folder, $"{TemplateName(demoCrime)}.{Environment.ProcessId}.building.db");
            File.Delete(building);
            await LoadDemoAsync("Sqlite", $"Data Source={building};Pooling=False", demoCrime);
            SqliteConnection.ClearAllPools();
            File.Move(building, path);
            File.Delete(building + ".migrate.lock");
            RemoveOldSqliteTemplates(folder);
            return path;
        }
        finally
        {
            InProcess.Release();
        }
    }

    private static void RemoveOldSqliteTemplates(string folder)
    {
        foreach (var file in Directory.GetFiles(folder))
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > KeepFor && !file.Contains(BuildKey.Value, StringComparison.Ordinal))
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // In use by a run of an older build: removed next time.
                }
            }
        }
    }

    private static async Task<FileStream> HoldFileAsync(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // An exclusive lock (flock on Linux) the kernel releases if this process dies.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (attempt < 3000)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task<string> PostgresTemplateAsync(string admin, bool demoCrime)
    {
        var name = TemplateName(demoCrime);
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        if (await ExistsAsync(connection, name))
        {
            return name;
        }

        await InProcess.WaitAsync();
        try
        {
            // Session-level: released when this connection closes, or when the process dies.
            await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockKey(name)})");
            if (await ExistsAsync(connection, name))
            {
                return name;
            }

            var building = name + "_building";
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
            await ExecuteAsync(connection, $"CREATE DATABASE \"{building}\"");
            var target = new NpgsqlConnectionStringBuilder(admin) { Database = building, Pooling = false };
            await LoadDemoAsync("Postgres", target.ConnectionString, demoCrime);
            await ExecuteAsync(connection, $"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
            await RemoveOldPostgresTemplatesAsync(connection);
            await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"COMMENT ON DATABASE \"{name}\" IS '{DateTimeOffset.UtcNow:O}'"));
            return name;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock_all()");
            InProcess.Release();
        }
    }

    private static async Task RemoveOldPostgresTemplatesAsync(NpgsqlConnection connection)
    {
        var old = new List<string>();
        await using (var command = new NpgsqlCommand(
            "SELECT d.datname, shobj_description(d.oid, 'pg_database') FROM pg_database d WHERE d.datname LIKE 'saferplan\\_tpl\\_%'", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(0);
                var made = reader.IsDBNull(1) ? (DateTimeOffset?)null : DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
                if (!name.Contains(BuildKey.Value, StringComparison.Ordinal) && made is { } when && DateTimeOffset.UtcNow - when > KeepFor)
                {
                    old.Add(name);
                }
            }
        }

        foreach (var name in old)
        {
            try
            {
                await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{name}\"");
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse)
            {
                // Being copied by a run of an older build: removed next time.
            }
        }
    }

    /// <summary>The app's own start-up (migrations, then the demo) over the database, then stopped.</summary>
    private static async Task LoadDemoAsync(string provider, string connectionString, bool demoCrime)
    {
        await using var loader = new DemoLoaderHost(provider, connectionString, demoCrime);
        _ = loader.Services;
    }

    private static long LockKey(string name) => BitConverter.ToInt64(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)), 0);

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string name)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT FROM pg_database WHERE datname = @name)", connection);
        command.Parameters.AddWithValue("name", name);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class DemoLoaderHost(string provider, string connectionString, bool demoCrime) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("SaferPlan:Database:Provider", provider);
            builder.UseSetting("ConnectionStrings:SaferPlan", connectionString);
            builder.UseSetting("SaferPlan:LoadDemoCrime", demoCrime ? "true" : "false");
        }
    }
}
