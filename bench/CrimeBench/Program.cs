using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using SaferPlan;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Data;
using SaferPlan.Core.Partnerships;

// Recorded crime under load: the real app (SaferPlanApp.Build on Kestrel at 127.0.0.1) over ten years of a whole
// county: 500 LSOAs x 120 months of CrimeCounts rows, each with the counts of 14 crime types (60,000 rows holding
// 840,000 type counts, about 6 million crimes), one partnership of 90 LSOAs defined by local authority name with the usual groups and denominators.
// GET /api/partnerships/bench/crime (12 months, by ward), the assessment page and one of its chart images, with 1, 8
// and 32 clients.
// Then the assessment page for random windows (any start, 1 to 24 months) with 32 clients: nearly every request a
// cache miss, with the process's memory before and after.
// Usage: dotnet run -c Release --project bench/CrimeBench -- [seconds per phase, default 10] [sqlite|postgres|both] [all|random]
var seconds = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var s) && s > 0 ? Math.Min(s, 300) : 10;
var postgresAdmin = Environment.GetEnvironmentVariable("SAFERPLAN_TEST_POSTGRES");
var which = args.Length > 1 ? args[1].ToLowerInvariant() : string.IsNullOrWhiteSpace(postgresAdmin) ? "sqlite" : "both";
var onlyRandom = args.Length > 2 && args[2].Equals("random", StringComparison.OrdinalIgnoreCase);
var passed = true;
if (which is "sqlite" or "both")
{
    passed &= await CrimeBench.RunAsync("SQLite", seconds, null, onlyRandom);
}

if (which is "postgres" or "both")
{
    passed &= await CrimeBench.RunAsync("PostgreSQL", seconds, postgresAdmin ?? throw new InvalidOperationException("Set SAFERPLAN_TEST_POSTGRES."), onlyRandom);
}

return passed ? 0 : 1;

internal static class CrimeBench
{
    private const int Lsoas = 500;
    private const int AreaLsoas = 90;
    private const int Months = 120;
    private const double Bar = 50;

    /// <summary>The bar for the assessment page over random windows (nearly all cache misses), p95 with 32 clients.</summary>
    private const double RandomWindowBar = 200;

    private static readonly string[] ParameterNames = ["$f", "$m", "$l", "$c"];

    public static async Task<bool> RunAsync(string provider, int seconds, string? postgresAdmin, bool onlyRandom)
    {
        string connectionString;
        string? folder = null;
        string? postgresName = null;
        if (postgresAdmin is null)
        {
            folder = Directory.CreateTempSubdirectory("saferplan-crime-bench-").FullName;
            connectionString = $"Data Source={Path.Combine(folder, "bench.db")}";
        }
        else
        {
            postgresName = $"saferplan_bench_{Guid.NewGuid():N}";
            await AdminAsync(postgresAdmin, $"CREATE DATABASE \"{postgresName}\"");
            connectionString = new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = postgresName, MaxPoolSize = 100 }.ConnectionString;
        }

        try
        {
            var port = FreePort();
            var app = SaferPlanApp.Build(
            [
                "--urls", $"http://127.0.0.1:{port}",
                "--contentRoot", ContentRoot(),
                $"--SaferPlan:Database:Provider={(postgresAdmin is null ? "Sqlite" : "Postgres")}",
                $"--ConnectionStrings:SaferPlan={connectionString}",
                "--SaferPlan:LoadDemoData=false",
                "--Logging:LogLevel:Default=Warning",
                $"--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command={(Environment.GetEnvironmentVariable("CRIME_BENCH_SQL") == "1" ? "Information" : "Critical")}",
                "--Logging:LogLevel:SaferPlan.DatabaseStartup=Error",
                "--environment", "Production",
            ],
            // The pages live in the SaferPlan assembly, not this entry assembly.
            b => b.Services.AddRazorPages().AddApplicationPart(typeof(SaferPlanApp).Assembly));
            await app.StartAsync();
            try
            {
                var watch = Stopwatch.StartNew();
                var (rows, crimes) = await SeedAsync(app.Services, postgresAdmin is not null);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider}: seeded {rows:N0} CrimeCounts rows ({crimes:N0} crimes, {Lsoas} LSOAs, {Months} months) in {watch.Elapsed.TotalSeconds:0.0} s"));
                var baseAddress = new Uri($"http://127.0.0.1:{port}");
                var paths = new[]
                {
                    ("crime API by ward", "/api/partnerships/bench/crime?from=2014-09&to=2015-08&by=ward"),
                    ("assessment page", "/partnerships/bench/assessment?from=2014-09&to=2015-08"),
                    ("assessment chart (one of the page's images)", "/api/partnerships/bench/assessment/charts/serious-acquisitive-crime.svg?from=2014-09&to=2015-08"),
                };
                await FirstRequestsAsync(provider, baseAddress, paths, "cache empty");

                var pass = true;
                foreach (var (name, path) in onlyRandom ? [] : paths)
                {
                    foreach (var clients in new[] { 1, 8, 32 })
                    {
                        var result = await Load.RunAsync(baseAddress, path, clients, TimeSpan.FromSeconds(seconds));
                        var ok = result.P95 < Bar && result.Failures == 0;
                        pass &= ok;
                        Console.WriteLine($"{provider}: {name}, {clients} clients: {result} {(ok ? "PASS" : "FAIL")}");
                    }
                }

                pass &= await RandomWindowsAsync(provider, app.Services, baseAddress, seconds);

                // The first requests after a change (an import moving every stamp on): the cold path again.
                await BumpAsync(app.Services);
                await FirstRequestsAsync(provider, baseAddress, paths, "after a change");
                return pass;
            }
            finally
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
        finally
        {
            if (folder is not null)
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }

            if (postgresName is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await AdminAsync(postgresAdmin!, $"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)");
            }
        }
    }

    /// <summary>
    /// The assessment page for a random window each request (start anywhere in the ten years, 1 to 24 months long: about
    /// 2,600 different windows, so nearly every request is a cache miss) from 32 clients for twice the phase time,
    /// with the process's memory (working set, and the managed heap after a full collection) before and after.
    /// </summary>
    private static async Task<bool> RandomWindowsAsync(string provider, IServiceProvider services, Uri baseAddress, int seconds)
    {
        var cache = services.GetRequiredService<CrimeCache>();
        var (workingBefore, heapBefore) = Memory();
        var first = CalendarMonth.Of(2006, 1);
        var random = new Random(7);
        string Path()
        {
            int start, length;
            lock (random)
            {
                length = random.Next(1, 25);
                start = random.Next(0, Months - length + 1);
            }

            return $"/partnerships/bench/assessment?from={first.AddMonths(start)}&to={first.AddMonths(start + length - 1)}";
        }

        var cost = Cost.Start();
        var alone = await Load.RunAsync(baseAddress, Path, 1, TimeSpan.FromSeconds(seconds));
        Console.WriteLine($"{provider}: assessment page, random windows, 1 client: {alone}");
        Console.WriteLine($"{provider}:   {cost.Stop(alone.Requests)}");

        // The working set every 2 s while 32 clients ask: it should level off once the cache is full.
        using var sampling = new CancellationTokenSource();
        var samples = new List<long>();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                using (var process = Process.GetCurrentProcess())
                {
                    samples.Add(process.WorkingSet64);
                }

                await Task.Delay(2000, sampling.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        });
        cost = Cost.Start();
        var result = await Load.RunAsync(baseAddress, Path, 32, TimeSpan.FromSeconds(2 * seconds));
        var spent = cost.Stop(result.Requests);
        await sampling.CancelAsync();
        await sampler;
        var (workingAfter, heapAfter) = Memory();
        Console.WriteLine($"{provider}: working set every 2 s under random windows (MB): {string.Join(", ", samples.Select(b => (b / 1_000_000).ToString(CultureInfo.InvariantCulture)))}");
        var ok = result.P95 < RandomWindowBar && result.Failures == 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}: assessment page, random windows, 32 clients: {result} {(ok ? "PASS" : "FAIL")} (bar p95 < {RandomWindowBar} ms)"));
        Console.WriteLine($"{provider}:   {spent}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}: memory before / after random windows: working set {workingBefore / 1e6:0} / {workingAfter / 1e6:0} MB, managed heap after a full collection {heapBefore / 1e6:0} / {heapAfter / 1e6:0} MB; crime cache {cache.EstimatedSize / 1e6:0.0} MB of {cache.SizeLimit / 1e6:0} MB in {cache.Count:N0} entries"));
        return ok;
    }

    /// <summary>
    /// What a phase cost the process (server and load generator together): CPU time and bytes allocated per request,
    /// full (gen 2) collections, and the machine's load average, since on two shared cores the throughput is the
    /// process's share of the CPU divided by its CPU per request.
    /// </summary>
    private sealed record Cost(TimeSpan Cpu, long Allocated, int Gen2, string Load)
    {
        public static Cost Start()
        {
            using var process = Process.GetCurrentProcess();
            return new Cost(process.TotalProcessorTime, GC.GetTotalAllocatedBytes(), GC.CollectionCount(2), LoadAverage());
        }

        public string Stop(int requests)
        {
            var end = Start();
            var n = Math.Max(1, requests);
            return string.Create(CultureInfo.InvariantCulture,
                $"process CPU {(end.Cpu - Cpu).TotalMilliseconds / n:0.00} ms a request, {(end.Allocated - Allocated) / 1024.0 / n:N0} KB allocated a request, {end.Gen2 - Gen2} gen 2 collections; load average {Load} at the start, {end.Load} at the end");
        }

        private static string LoadAverage() =>
            File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
    }

    private static (long WorkingSet, long Heap) Memory()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: true));
    }

    private static async Task FirstRequestsAsync(string provider, Uri baseAddress, (string Name, string Path)[] paths, string when)
    {
        using var cold = new HttpClient { BaseAddress = baseAddress };
        foreach (var (name, path) in paths)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await cold.GetAsync(new Uri(path, UriKind.Relative));
            response.EnsureSuccessStatusCode();
            var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider}: {name}, first request ({when}): {Stopwatch.GetElapsedTime(start).TotalMilliseconds:0} ms, {bytes:N0} bytes"));
        }
    }

    private static async Task<(long Rows, long Crimes)> SeedAsync(IServiceProvider services, bool postgres)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaferPlanDbContext>();
        var partnership = new Partnership { Slug = "bench", Name = "Benchshire CSP", ShortName = "Benchshire", Area = "Benchshire", AreaDefinition = CrimeAreaService.LocalAuthorityNamePrefix + "Benchshire" };
        db.Partnerships.Add(partnership);
        var force = new PoliceForce { Key = "benchshire", Name = "Benchshire Constabulary" };
        db.Add(force);
        var lsoas = Enumerable.Range(0, Lsoas).Select(i => new Lsoa
        {
            Code = string.Create(CultureInfo.InvariantCulture, $"E0180{i:0000}"),
            Name = i < AreaLsoas
                ? string.Create(CultureInfo.InvariantCulture, $"Benchshire {(i / 4) + 1:000}{(char)('A' + (i % 4))}")
                : string.Create(CultureInfo.InvariantCulture, $"Otherton {i:000}A"),
            WardCode = string.Create(CultureInfo.InvariantCulture, $"W{i / 5:000}"),
            WardName = string.Create(CultureInfo.InvariantCulture, $"Ward {i / 5}"),
        }).ToList();
        db.AddRange(lsoas);
        await db.SaveChangesAsync();
        var analyst = new SaferPlan.Core.Accounts.UserContext("bench", "bench", null, [new SaferPlan.Core.Accounts.PartnershipMembership(partnership.Id, SaferPlan.Core.Accounts.PartnershipRole.Analyst)]);
        await scope.ServiceProvider.GetRequiredService<CrimeGroupService>().AddUsualAsync(partnership.Id, analyst);
        var denominators = scope.ServiceProvider.GetRequiredService<DenominatorService>();
        await denominators.SetAsync(partnership.Id, DenominatorKind.Residents, 2015, new DenominatorInput(143_000, null), 0, analyst);
        await denominators.SetAsync(partnership.Id, DenominatorKind.Dwellings, 2015, new DenominatorInput(59_000, null), 0, analyst);

        var first = CalendarMonth.Of(2006, 1);
        for (var m = 0; m < Months; m++)
        {
            db.Add(new CrimeImport { ForceId = force.Id, Month = first.AddMonths(m).Key, FileName = "bench", ImportedBy = "bench", Rows = 50_000 });
        }

        await db.SaveChangesAsync();
        var random = new Random(42);
        var types = Enumerable.Range(1, 14).Select(t => (short)t).ToArray();
        // One row per month and LSOA holding the counts of all 14 types, as the importer writes them.
        IEnumerable<(int Month, int Lsoa, string Counts, int Crimes)> Cells()
        {
            for (var m = 0; m < Months; m++)
            {
                foreach (var l in lsoas)
                {
                    var counts = types.Select(t => (t, 1 + random.Next(t == 1 ? 30 : 12))).ToArray();
                    yield return (first.AddMonths(m).Key, l.Id, CrimeTally.FormatCounts(counts), counts.Sum(c => c.Item2));
                }
            }
        }

        long rows = 0, crimes = 0;
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        if (postgres)
        {
            var writer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync("COPY \"CrimeCounts\" (\"ForceId\", \"Month\", \"LsoaId\", \"Counts\") FROM STDIN (FORMAT BINARY)");
            foreach (var c in Cells())
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(force.Id, NpgsqlDbType.Integer);
                await writer.WriteAsync(c.Month, NpgsqlDbType.Integer);
                await writer.WriteAsync(c.Lsoa, NpgsqlDbType.Integer);
                await writer.WriteAsync(c.Counts, NpgsqlDbType.Text);
                rows++;
                crimes += c.Crimes;
            }

            await writer.CompleteAsync();
            await writer.DisposeAsync();
            await using var analyse = new NpgsqlCommand("ANALYZE \"CrimeCounts\"", (NpgsqlConnection)connection);
            await analyse.ExecuteNonQueryAsync();
        }
        else
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO CrimeCounts (ForceId, Month, LsoaId, Counts) VALUES ($f, $m, $l, $c)";
            var parameters = ParameterNames.Select(n => { var p = insert.CreateParameter(); p.ParameterName = n; insert.Parameters.Add(p); return p; }).ToArray();
            parameters[0].Value = force.Id;
            await insert.PrepareAsync();
            foreach (var c in Cells())
            {
                parameters[1].Value = c.Month;
                parameters[2].Value = c.Lsoa;
                parameters[3].Value = c.Counts;
                await insert.ExecuteNonQueryAsync();
                rows++;
                crimes += c.Crimes;
            }

            await transaction.CommitAsync();
            await using var analyse = connection.CreateCommand();
            analyse.CommandText = "ANALYZE";
            await analyse.ExecuteNonQueryAsync();
        }

        await connection.CloseAsync();

        // As the crime importer does after loading a file: every partnership's cached figures are stale.
        await BumpAsync(services);
        return (rows, crimes);
    }

    /// <summary>Moves every partnership's change stamp on, as a crime import does.</summary>
    private static async Task BumpAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SaferPlanDbContext>().Partnerships
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ChangeStamp, p => p.ChangeStamp + 1));
    }

    private static async Task AdminAsync(string admin, string sql)
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

        return Directory.GetCurrentDirectory();
    }
}

internal static class Load
{
    public sealed record Result(int Requests, int Failures, double Seconds, double P50, double P95, double P99)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Requests:N0} requests ({Failures} failed) in {Seconds:0.0} s = {Requests / Seconds:0} req/s; p50 {P50:0.00} ms, p95 {P95:0.00} ms, p99 {P99:0.00} ms");
    }

    public static Task<Result> RunAsync(Uri baseAddress, string path, int clients, TimeSpan duration) =>
        RunAsync(baseAddress, () => path, clients, duration);

    /// <summary>Each request asks for the path <paramref name="path"/> gives (called from several clients at once).</summary>
    public static async Task<Result> RunAsync(Uri baseAddress, Func<string> path, int clients, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var warm = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            var buffer = new byte[16 * 1024];
            while (warm.Elapsed < TimeSpan.FromSeconds(1))
            {
                using var response = await http.GetAsync(new Uri(path(), UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
                await ReadAllAsync(response, buffer);
            }
        }));

        var failures = 0;
        var clock = Stopwatch.StartNew();
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            var times = new List<double>(4096);
            var buffer = new byte[16 * 1024];
            while (clock.Elapsed < duration)
            {
                var uri = new Uri(path(), UriKind.Relative);
                var start = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead);
                await ReadAllAsync(response, buffer);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
            }

            return times;
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = perClient.SelectMany(t => t).Order().ToList();
        double At(double q) => all[Math.Min(all.Count - 1, (int)Math.Ceiling(all.Count * q) - 1)];
        return new Result(all.Count, failures, elapsed, At(0.50), At(0.95), At(0.99));
    }

    /// <summary>
    /// Reads the whole body into the client's own buffer. Buffering each answer (LoadIntoBufferAsync) allocated a new
    /// array of the body's size per request, over 85 KB for the assessment page, so on the large object heap: in this
    /// one process that made the load generator itself a cause of the server's full garbage collections.
    /// </summary>
    private static async Task ReadAllAsync(HttpResponseMessage response, byte[] buffer)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        while (await body.ReadAsync(buffer) > 0)
        {
        }
    }
}
