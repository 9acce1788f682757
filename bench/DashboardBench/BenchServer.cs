using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SaferPlan;

/// <summary>
/// The real app (<see cref="SaferPlanApp.Build"/> on Kestrel at http://127.0.0.1:&lt;free port&gt;) over a new database: a SQLite
/// file in a temporary folder, or a PostgreSQL database of its own created on the server <c>SAFERPLAN_TEST_POSTGRES</c> names,
/// dropped (and the folder deleted) when disposed. The app migrates it on start; the benchmarks then fill it (see <see cref="Seeder"/>).
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string? folder;
    private readonly string? postgresAdmin;
    private readonly string? postgresName;

    private BenchServer(WebApplication app, Uri baseAddress, string? folder, string? postgresAdmin, string? postgresName)
    {
        this.app = app;
        BaseAddress = baseAddress;
        this.folder = folder;
        this.postgresAdmin = postgresAdmin;
        this.postgresName = postgresName;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => app.Services;

    /// <param name="postgresAdmin">null for SQLite; otherwise the PostgreSQL server to create the benchmark's database on.</param>
    /// <param name="extraSettings">more command-line settings for the app ("--SaferPlan:…=…").</param>
    public static async Task<BenchServer> StartAsync(string? postgresAdmin, params string[] extraSettings)
    {
        string connectionString;
        string? folder = null;
        string? postgresName = null;
        if (postgresAdmin is null)
        {
            folder = Directory.CreateTempSubdirectory("saferplan-bench-").FullName;
            connectionString = $"Data Source={Path.Combine(folder, "bench.db")}";
        }
        else
        {
            postgresName = $"saferplan_bench_{Guid.NewGuid():N}";
            await ExecuteAdminAsync(postgresAdmin, $"CREATE DATABASE \"{postgresName}\"");
            connectionString = new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = postgresName, MaxPoolSize = 100 }.ConnectionString;
        }

        var port = FreePort();
        var app = SaferPlanApp.Build(
        [
            "--urls", $"http://127.0.0.1:{port}",
            "--contentRoot", ContentRoot(),
            $"--SaferPlan:Database:Provider={(postgresAdmin is null ? "Sqlite" : "Postgres")}",
            $"--ConnectionStrings:SaferPlan={connectionString}",
            "--SaferPlan:LoadDemoData=false",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
            "--environment", "Production",
            // The migrator's first look for its history table fails on a new PostgreSQL database: that is expected, so quiet.
            $"--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command={(Environment.GetEnvironmentVariable("DASHBOARD_BENCH_SQL") is null ? "Critical" : "Information")}",
            "--Logging:LogLevel:SaferPlan.DatabaseStartup=Error",
            "--Logging:LogLevel:Microsoft.AspNetCore.DataProtection=Error",
            .. extraSettings,
        ],
        // The pages live in the SaferPlan assembly, not the benchmark's entry assembly.
        b => b.Services.AddRazorPages().AddApplicationPart(typeof(SaferPlanApp).Assembly));
        var server = new BenchServer(app, new Uri($"http://127.0.0.1:{port}"), folder, postgresAdmin, postgresName);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        finally
        {
            if (folder is not null && Environment.GetEnvironmentVariable("DASHBOARD_BENCH_KEEP") is null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }

            if (postgresName is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAdminAsync(postgresAdmin!, $"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)");
            }
        }
    }

    private static async Task ExecuteAdminAsync(string admin, string sql)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>src/SaferPlan, so the app finds its wwwroot (the compiled stylesheet) as when it is run from there.</summary>
    private static string ContentRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "SaferPlan");
            if (File.Exists(Path.Combine(candidate, "wwwroot", "lib", "saferplan.css")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("src/SaferPlan/wwwroot/lib/saferplan.css was not found above the benchmark: build src/SaferPlan first.");
    }
}
