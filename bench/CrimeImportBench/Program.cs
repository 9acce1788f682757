using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using SaferPlan;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Data;

// Loading police.uk street files: SaferPlan's import against DuckDB reading the same files with read_csv and grouping
// by month, LSOA and crime type, on the same machine in the same run. About 2 million rows of SYNTHETIC files are
// generated (eight forces like Cambridgeshire, 50 months each) in a temporary folder, deleted at the end.
// Then the import runs again as a child `saferplan crime import` process, whose peak memory (VmHWM) is read from /proc.
// Usage: dotnet run -c Release --project bench/CrimeImportBench -- [rows, default 2000000] [sqlite|postgres|both]
var targetRows = args.Length > 0 && long.TryParse(args[0], CultureInfo.InvariantCulture, out var r) && r > 0 ? r : 2_000_000;
var postgresAdmin = Environment.GetEnvironmentVariable("SAFERPLAN_TEST_POSTGRES");
var which = args.Length > 1 ? args[1].ToLowerInvariant() : string.IsNullOrWhiteSpace(postgresAdmin) ? "sqlite" : "both";
const long MemoryBarBytes = 300L * 1024 * 1024;

var folder = Directory.CreateTempSubdirectory("saferplan-crime-bench-").FullName;
try
{
    var files = Generate(folder, targetRows, out var rows);
    var bytes = files.Sum(f => new FileInfo(f).Length);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{files.Count} files, {rows:N0} rows, {bytes / 1048576.0:N0} MB of police.uk-format CSV in {folder}"));

    var duck = DuckDb(folder);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DuckDB read_csv + GROUP BY month, LSOA, crime type: {duck.Seconds:N2} s ({duck.Groups:N0} groups)"));

    var parse = Stopwatch.StartNew();
    long parsedRows = 0;
    Parallel.ForEach(files, f => Interlocked.Add(ref parsedRows, PoliceUkStreetFile.Read(f).Counts!.Rows));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SaferPlan reading alone (no database), {Environment.ProcessorCount} files at a time: {parse.Elapsed.TotalSeconds:N2} s"));

    var passed = true;
    if (which is "sqlite" or "both")
    {
        var db = Path.Combine(folder, "bench.db");
        passed &= await RunAsync("SQLite", "Sqlite", $"Data Source={db}", folder, duck.Seconds, rows);
    }

    if (which is "postgres" or "both")
    {
        if (string.IsNullOrWhiteSpace(postgresAdmin))
        {
            Console.Error.WriteLine("SAFERPLAN_TEST_POSTGRES is not set: it names the PostgreSQL server to create the benchmark database on (see test.sh).");
            return 2;
        }

        var name = $"saferplan_bench_{Guid.NewGuid():N}";
        await AdminAsync(postgresAdmin, $"CREATE DATABASE \"{name}\"");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = name }.ConnectionString;
            passed &= await RunAsync("PostgreSQL", "Postgres", connection, folder, duck.Seconds, rows);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync(postgresAdmin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    return passed ? 0 : 1;

    async Task<bool> RunAsync(string label, string provider, string connectionString, string dataFolder, double duckSeconds, long expectedRows)
    {
        var app = SaferPlanApp.Build([], b =>
        {
            b.Logging.ClearProviders();
            b.Configuration["SaferPlan:Database:Provider"] = provider;
            b.Configuration["ConnectionStrings:SaferPlan"] = connectionString;
        });
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SaferPlanDbContext>().Database.MigrateAsync();
        }

        double seconds;
        using (var scope = app.Services.CreateScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<CrimeImporter>();
            var (sources, _) = CrimeFileFinder.Find([dataFolder]);
            var watch = Stopwatch.StartNew();
            var result = await importer.ImportAsync(sources);
            seconds = watch.Elapsed.TotalSeconds;
            if (!result.Succeeded || result.Rows != expectedRows)
            {
                Console.Error.WriteLine($"{label}: the import loaded {result.Rows} rows and refused {result.Refused.Count} files; expected {expectedRows} rows.");
                return false;
            }
        }

        var ratio = duckSeconds / seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: SaferPlan import {seconds:N2} s ({expectedRows / seconds:N0} rows/s); DuckDB / SaferPlan = {ratio:N2} (bar: at least 1.00) {(ratio >= 1 ? "MET" : "NOT MET")}"));

        // Again, as the command a user runs, in a process of its own so its peak memory is its own.
        var (childSeconds, peak, exit) = await ChildImportAsync(provider, connectionString, dataFolder);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: `saferplan crime import` (re-import, whole process) {childSeconds:N2} s, exit {exit}, peak memory (VmHWM) {peak / 1048576.0:N0} MB (bar: under 300 MB) {(peak < MemoryBarBytes ? "MET" : "NOT MET")}"));
        return ratio >= 1 && peak < MemoryBarBytes && exit == 0;
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static List<string> Generate(string folder, long targetRows, out long rows)
{
    var files = new List<string>();
    rows = 0;
    var first = CalendarMonth.Of(2007, 4);
    for (var force = 0; rows < targetRows; force++)
    {
        var generator = SyntheticPoliceUk.Cambridgeshire(forceKey: $"synthetic-force-{force + 1}", forceName: $"Synthetic Force {force + 1}", firstLsoaCode: 17900 + (force * 1000));
        var result = generator.WriteFolder(Path.Combine(folder, generator.ForceKey), first, first.AddMonths(49), crlf: force % 2 == 1);
        files.AddRange(result.Files);
        rows += result.Rows;
    }

    return files;
}

static (double Seconds, long Groups) DuckDb(string folder)
{
    using var connection = new DuckDBConnection("Data Source=:memory:");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = $"""
        SELECT count(*) FROM (
            SELECT "Month", "LSOA code", "Crime type", count(*) AS n
            FROM read_csv('{folder}/**/*-street.csv', header = true, all_varchar = true)
            GROUP BY ALL)
        """;
    var watch = Stopwatch.StartNew();
    var groups = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    return (watch.Elapsed.TotalSeconds, groups);
}

static async Task<(double Seconds, long PeakBytes, int ExitCode)> ChildImportAsync(string provider, string connectionString, string folder)
{
    var command = typeof(SaferPlanApp).Assembly.Location;
    var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    };
    start.ArgumentList.Add(command);
    start.ArgumentList.Add("crime");
    start.ArgumentList.Add("import");
    start.ArgumentList.Add(folder);
    start.Environment["SaferPlan__Database__Provider"] = provider;
    start.Environment["ConnectionStrings__SaferPlan"] = connectionString;
    var watch = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var error = process.StandardError.ReadToEndAsync();
    long peak = 0;
    while (!process.HasExited)
    {
        peak = Math.Max(peak, PeakOf(process.Id));
        await Task.Delay(50);
    }

    await process.WaitForExitAsync();
    Console.WriteLine((await output).Trim());
    if ((await error).Trim() is { Length: > 0 } e)
    {
        Console.WriteLine(e);
    }

    return (watch.Elapsed.TotalSeconds, peak, process.ExitCode);
}

// VmHWM is the process's own high-water mark, so a sample taken just before it exits holds the peak of its whole life.
static long PeakOf(int pid)
{
    try
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
            }
        }
    }
    catch (IOException)
    {
        // The process ended between the check and the read.
    }

    return 0;
}

static async Task AdminAsync(string admin, string sql)
{
    await using var connection = new NpgsqlConnection(admin);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}
