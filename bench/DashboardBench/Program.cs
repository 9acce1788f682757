using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SaferPlan.Core.Editing;
using SaferPlan;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Partnerships;
using SaferPlan.Core.Periods;
using SaferPlan.Monitoring.Dashboards;
using SaferPlan.Core.Plans;

// The quarterly dashboard under load: the real app (SaferPlanApp.Build on Kestrel at 127.0.0.1) over a database of
// 300 partnerships x 150 milestones x 12 quarters of updates, on SQLite and (when SAFERPLAN_TEST_POSTGRES is set) on
// PostgreSQL. 32 clients call GET /api/partnerships/{slug}/periods/2010-11-q4/dashboard with a bearer token for a
// bounded time; then the same clients fetch the static stylesheet /lib/saferplan.css, for the ratio.
// Usage: dotnet run -c Release --project bench/DashboardBench -- [seconds per phase, default 20] [sqlite|postgres|both]
// DASHBOARD_BENCH_SQL=1 logs every SQL command; DASHBOARD_BENCH_KEEP=1 keeps the SQLite file for a look afterwards.
var seconds = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var s) && s > 0 ? Math.Min(s, 300) : 20;
var postgresAdmin = Environment.GetEnvironmentVariable("SAFERPLAN_TEST_POSTGRES");
var which = args.Length > 1 ? args[1].ToLowerInvariant() : string.IsNullOrWhiteSpace(postgresAdmin) ? "sqlite" : "both";
const int Clients = 32;
const double Bar = 50;

var passed = true;
if (which is "sqlite" or "both")
{
    passed &= await Bench.RunAsync("SQLite", seconds, Clients, Bar, null);
}

if (which is "postgres" or "both")
{
    if (string.IsNullOrWhiteSpace(postgresAdmin))
    {
        Console.Error.WriteLine("SAFERPLAN_TEST_POSTGRES is not set: it names the PostgreSQL server to create the benchmark database on (see test.sh).");
        return 2;
    }

    passed &= await Bench.RunAsync("PostgreSQL", seconds, Clients, Bar, postgresAdmin);
}

return passed ? 0 : 1;

internal static class Bench
{
    public const int Partnerships = 300;
    public const int PrioritiesPer = 6;
    public const int ActionsPerPriority = 5;
    public const int MilestonesPerAction = 5;
    public const int FirstYear = 2008;
    public const int Years = 3;

    public static async Task<bool> RunAsync(string provider, int seconds, int clients, double bar, string? postgresAdmin)
    {
        string connectionString;
        string? folder = null;
        string? postgresName = null;
        if (postgresAdmin is null)
        {
            folder = Directory.CreateTempSubdirectory("saferplan-dashboard-bench-").FullName;
            connectionString = $"Data Source={Path.Combine(folder, "bench.db")}";
        }
        else
        {
            postgresName = $"saferplan_bench_{Guid.NewGuid():N}";
            await ExecuteAdminAsync(postgresAdmin, $"CREATE DATABASE \"{postgresName}\"");
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
                "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
                "--environment", "Production",
                // The migrator's first look for its history table fails on a new PostgreSQL database: that is expected, so quiet.
                $"--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command={(Environment.GetEnvironmentVariable("DASHBOARD_BENCH_SQL") is null ? "Critical" : "Information")}",
                "--Logging:LogLevel:SaferPlan.DatabaseStartup=Error",
                "--Logging:LogLevel:Microsoft.AspNetCore.DataProtection=Error",
            ]);
            await app.StartAsync();
            try
            {
                var seedWatch = Stopwatch.StartNew();
                var seeded = await Seeder.SeedAsync(app.Services);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{provider}: seeded {seeded.Partnerships} partnerships, {seeded.Milestones:N0} milestones, {seeded.Updates:N0} updates ({Years * 4} quarters) in {seedWatch.Elapsed.TotalSeconds:0.0} s"));

                var slug = Seeder.Slug(Partnerships / 2);
                var token = await Seeder.TokenAsync(app.Services, slug);
                var baseAddress = new Uri($"http://127.0.0.1:{port}");
                var dashboard = $"/api/partnerships/{slug}/periods/2010-11-q4/dashboard";

                using var check = new HttpClient { BaseAddress = baseAddress };
                check.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var body = await check.GetStringAsync(new Uri(dashboard, UriKind.Relative));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider}: {dashboard} answers {body.Length / 1024.0:0} KB of JSON"));

                var single = await Load.RunAsync(baseAddress, dashboard, token, 1, TimeSpan.FromSeconds(Math.Max(3, seconds / 4)));
                Console.WriteLine($"{provider}: dashboard API, 1 client:   {single}");
                var api = await Load.RunAsync(baseAddress, dashboard, token, clients, TimeSpan.FromSeconds(seconds));
                Console.WriteLine($"{provider}: dashboard API, {clients} clients: {api}");
                var css = await Load.RunAsync(baseAddress, "/lib/saferplan.css", null, clients, TimeSpan.FromSeconds(seconds));
                Console.WriteLine($"{provider}: static /lib/saferplan.css, {clients} clients: {css}");
                // Honest about the cache: the first request after each save (one writer, then one reader), and the 32
                // readers while a writer saves an update every second, so each second's first readers rebuild it.
                var cache = app.Services.GetRequiredService<DashboardCache>();
                var writerToken = await Seeder.TokenAsync(app.Services, slug, PartnershipRole.SupportOfficer);
                using var writer = new Writer(baseAddress, writerToken, Seeder.FirstMilestoneOf(Partnerships / 2), "2010-11-q4");
                var buildsBefore = cache.Builds;
                var cold = await Load.ColdAsync(baseAddress, dashboard, token, writer, 30);
                Console.WriteLine($"{provider}: first request after a save, 1 client (30 saves): {cold.Reader}; the saves: {cold.Writes}; dashboards built: {cache.Builds - buildsBefore}");
                buildsBefore = cache.Builds;
                var mixed = await Load.RunAsync(baseAddress, dashboard, token, clients, TimeSpan.FromSeconds(seconds), writer);
                Console.WriteLine($"{provider}: dashboard API, {clients} clients + 1 writer saving every second: {mixed}; the saves: {mixed.Writes}; dashboards built: {cache.Builds - buildsBefore}");
                var pass = api.P95 < bar;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{provider}: ratio dashboard/static: p50 {api.P50 / css.P50:0.0}x, p95 {api.P95 / css.P95:0.0}x, throughput {css.PerSecond / api.PerSecond:0.0}x. Bar: dashboard p95 < {bar:0} ms with {clients} clients: {(pass ? "PASS" : "FAIL")}; with a writer p95 {mixed.P95:0.0} ms ({(mixed.P95 < bar ? "under" : "over")} the bar); 1 client p95 {single.P95:0.0} ms; first request after a save p95 {cold.Reader.P95:0.0} ms"));
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

/// <summary>Fills the database through the app's own model: the rows are written in bulk, by the tables and columns EF Core maps.</summary>
internal static class Seeder
{
    private static readonly UpdateStatus?[] Statuses =
        [UpdateStatus.OnTrack, UpdateStatus.OnTrack, UpdateStatus.OnTrack, UpdateStatus.NotOnTrack, UpdateStatus.StatsAwaited, UpdateStatus.Completed, UpdateStatus.NotStarted, UpdateStatus.Closed];

    private const string Progress = """
        Multi-agency meetings held in January, February and March; police fortnightly analysis shared with partners and used to direct patrols.
        Figures for the quarter are with the performance team and will be confirmed at the next task group meeting.
        """;

    public static string Slug(int index) => $"bench-{index:000}";

    public static async Task<(int Partnerships, int Milestones, int Updates)> SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaferPlanDbContext>();
        await db.Database.OpenConnectionAsync();
        var random = new Random(20110408);
        var now = new DateTimeOffset(2011, 4, 20, 9, 0, 0, TimeSpan.Zero);
        var quarters = Enumerable.Range(0, Bench.Years * 4).Select(i => ReportingPeriod.Of(Bench.FirstYear + (i / 4), (i % 4) + 1)).ToList();

        var partnerships = new List<Partnership>();
        var people = new List<Person>();
        var plans = new List<Plan>();
        var editions = new List<PlanEdition>();
        var priorities = new List<Priority>();
        var actions = new List<PlanAction>();
        var milestones = new List<Milestone>();
        var rounds = new List<CollectionRound>();
        for (var i = 0; i < Bench.Partnerships; i++)
        {
            var partnership = new Partnership { Id = i + 1, Slug = Slug(i), Name = $"Benchmark Community Safety Partnership {i:000}", ShortName = $"Bench {i:000}", Area = "Benchshire" };
            partnerships.Add(partnership);
            var leads = Enumerable.Range(0, 3).Select(k => new Person { Id = people.Count + k + 1, Key = $"lead-{k}", Name = $"Lead Officer {k} of {i:000}", PartnershipId = partnership.Id }).ToList();
            people.AddRange(leads);
            var plan = new Plan { Id = i + 1, PartnershipId = partnership.Id, Title = "Community Safety Plan 2008–2011", StartYear = Bench.FirstYear, EndYear = Bench.FirstYear + Bench.Years };
            plans.Add(plan);
            var edition = new PlanEdition { Id = i + 1, PlanId = plan.Id, YearStart = Bench.FirstYear + Bench.Years - 1, Label = "FINAL", Title = "Community Safety Plan 2010/11 refresh", Status = EditionStatus.Approved, Version = 1 };
            editions.Add(edition);
            for (var p = 1; p <= Bench.PrioritiesPer; p++)
            {
                var priority = new Priority { Id = priorities.Count + 1, EditionId = edition.Id, Number = p, SortOrder = p, Title = $"Priority area number {p}", LeadOfficerId = leads[p % 3].Id, Version = 1 };
                priorities.Add(priority);
                for (var a = 1; a <= Bench.ActionsPerPriority; a++)
                {
                    var action = new PlanAction
                    {
                        Id = actions.Count + 1,
                        PriorityId = priority.Id,
                        Number = $"{p}.{a}",
                        SortOrder = a,
                        Text = "CDRP to operate a dynamic and informed multi agency task group focusing on the priority, and ensure consistent and energetic engagement at a local level.",
                        LeadAgency = "Police",
                        LeadOfficerId = a == 1 ? leads[(p + 1) % 3].Id : null,
                        Version = 1,
                    };
                    actions.Add(action);
                    for (var m = 0; m < Bench.MilestonesPerAction; m++)
                    {
                        milestones.Add(new Milestone
                        {
                            Id = milestones.Count + 1,
                            ActionId = action.Id,
                            Code = $"{p}.{a}{(char)('a' + m)}",
                            SortOrder = m,
                            Text = "Group to meet monthly and share information, including police fortnightly analysis updates to identify areas requiring attention.",
                            MeasurementKind = MeasurementKind.Text,
                            Marking = m == 4 ? ProtectiveMarking.Restricted : ProtectiveMarking.Official,
                            Version = 1,
                        });
                    }
                }
            }

            foreach (var q in quarters)
            {
                rounds.Add(new CollectionRound { Id = rounds.Count + 1, PartnershipId = partnership.Id, Period = q, OpenedOn = q.End.AddDays(-14), Deadline = q.End.AddDays(8), LockOn = q.End.AddDays(20), OpenedBy = "Support Officer", Version = 1 });
            }
        }

        await Bulk.InsertAsync(db, partnerships);
        await Bulk.InsertAsync(db, people);
        await Bulk.InsertAsync(db, plans);
        await Bulk.InsertAsync(db, editions);
        await Bulk.InsertAsync(db, priorities);
        await Bulk.InsertAsync(db, actions);
        await Bulk.InsertAsync(db, milestones);
        await Bulk.InsertAsync(db, rounds);

        // Twelve quarters of updates for every milestone: most accepted, a few submitted, drafts or missing.
        var updates = 0;
        var batch = new List<MilestoneUpdate>(20_000);
        foreach (var milestone in milestones)
        {
            foreach (var q in quarters)
            {
                var roll = random.Next(100);
                if (roll < 4)
                {
                    continue;
                }

                batch.Add(new MilestoneUpdate
                {
                    Id = ++updates,
                    MilestoneId = milestone.Id,
                    Period = q,
                    Progress = Progress,
                    TextValue = "Group met as planned",
                    Status = Statuses[random.Next(Statuses.Length)],
                    State = roll < 8 ? UpdateState.Draft : roll < 14 ? UpdateState.Submitted : UpdateState.Accepted,
                    AuthorName = "Lead Officer",
                    UpdatedAt = now,
                    SubmittedAt = roll < 8 ? null : now,
                    Marking = ProtectiveMarking.Official,
                    Version = 1,
                });
                if (batch.Count == batch.Capacity)
                {
                    await Bulk.InsertAsync(db, batch);
                    batch.Clear();
                }
            }
        }

        await Bulk.InsertAsync(db, batch);
        await Bulk.AfterAsync(db);
        return (partnerships.Count, milestones.Count, updates);
    }

    /// <summary>A Board member of the partnership, and a bearer token for them.</summary>
    public static async Task<string> TokenAsync(IServiceProvider services, string slug, PartnershipRole role = PartnershipRole.BoardMember)
    {
        using var scope = services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var email = role == PartnershipRole.BoardMember ? "board.member@bench.example.org" : $"{role.ToString().ToLowerInvariant()}@bench.example.org";
        var added = await accounts.AddUserAsync(email, "correct horse battery staple", role, slug);
        if (!added.Succeeded)
        {
            throw new InvalidOperationException(added.Message);
        }

        return (await accounts.CreateTokenAsync(email, "bench", null)).Token!;
    }

    /// <summary>The id of the first milestone (Official) of the partnership at this index, as seeded.</summary>
    public static int FirstMilestoneOf(int index) => (index * Bench.PrioritiesPer * Bench.ActionsPerPriority * Bench.MilestonesPerAction) + 1;
}

/// <summary>Multi-row INSERTs in one transaction per call, with each column's value converted and typed by the app's EF Core mapping.</summary>
internal static class Bulk
{
    private const int MaxParameters = 16_000;

    public static async Task InsertAsync<T>(SaferPlanDbContext db, IReadOnlyList<T> rows)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => p.GetColumnName(table) is not null).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";

        // SQLite binds parameters by name with a linear search, so it gets one prepared row at a time (fast in one
        // transaction); PostgreSQL gets multi-row statements to save round trips.
        var perStatement = db.Database.IsNpgsql() ? Math.Max(1, MaxParameters / properties.Count) : 1;
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            command.Parameters.Clear();
            var text = new System.Text.StringBuilder(head);
            var n = 0;
            for (var r = start; r < Math.Min(rows.Count, start + perStatement); r++)
            {
                text.Append(r == start ? "(" : ", (");
                for (var c = 0; c < properties.Count; c++)
                {
                    var property = properties[c];
                    var name = $"@p{n++}";
                    var value = property.PropertyInfo?.GetValue(rows[r]) ?? property.FieldInfo?.GetValue(rows[r]);
                    command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, value, property.IsNullable));
                    text.Append(c == 0 ? name : $", {name}");
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>On PostgreSQL, moves each identity past the ids written here and refreshes the planner's statistics.</summary>
    public static async Task AfterAsync(SaferPlanDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        if (!db.Database.IsNpgsql())
        {
            await ExecuteAsync(connection, "ANALYZE");
            return;
        }

        foreach (var table in new[] { "Partnerships", "People", "Plans", "PlanEditions", "Priorities", "Actions", "Milestones", "CollectionRounds", "MilestoneUpdates" })
        {
            await ExecuteAsync(connection, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT MAX(\"Id\") FROM \"{table}\"))");
        }

        await ExecuteAsync(connection, "ANALYZE");
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>Clients that each send one request at a time, for a bounded time, recording every request's latency.</summary>
internal static class Load
{
    private const int MaxRequests = 2_000_000;

    public sealed record Result(int Requests, int Failures, double Seconds, double P50, double P95, double P99, double Max)
    {
        /// <summary>The writer's saves during the phase, when there was one.</summary>
        public Result? Writes { get; init; }

        public double PerSecond => Requests / Seconds;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Requests:N0} requests ({Failures} failed) in {Seconds:0.0} s = {PerSecond:0} req/s; p50 {P50:0.00} ms, p95 {P95:0.00} ms, p99 {P99:0.00} ms, max {Max:0.0} ms");
    }

    public static Result Summarise(IReadOnlyCollection<double> times, int failures, double seconds)
    {
        var all = times.Order().ToList();
        if (all.Count == 0)
        {
            return new Result(0, failures, seconds, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double At(double q) => all[Math.Min(all.Count - 1, (int)Math.Ceiling(all.Count * q) - 1)];
        return new Result(all.Count, failures, seconds, At(0.50), At(0.95), At(0.99), all[^1]);
    }

    /// <summary>Each round: the writer saves, then one reader asks for the dashboard: the cost of the first request after a change.</summary>
    public static async Task<(Result Reader, Result Writes)> ColdAsync(Uri baseAddress, string path, string token, Writer writer, int rounds)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var uri = new Uri(path, UriKind.Relative);
        var reads = new List<double>();
        var failures = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            await writer.SaveAsync();
            var start = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(uri);
            await response.Content.LoadIntoBufferAsync();
            reads.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            failures += response.StatusCode == HttpStatusCode.OK ? 0 : 1;
        }

        return (Summarise(reads, failures, clock.Elapsed.TotalSeconds), writer.TakeResult(clock.Elapsed.TotalSeconds));
    }

    public static async Task<Result> RunAsync(Uri baseAddress, string path, string? token, int clients, TimeSpan duration, Writer? writer = null)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10), AutomaticDecompression = DecompressionMethods.None };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var uri = new Uri(path, UriKind.Relative);

        // Warm up: JIT, connection pools, query plans, caches.
        var warmUntil = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (warmUntil.Elapsed < TimeSpan.FromSeconds(2))
            {
                using var response = await http.GetAsync(uri);
                await response.Content.LoadIntoBufferAsync();
            }
        }));

        var failures = 0;
        var total = 0;
        var clock = Stopwatch.StartNew();
        writer?.TakeResult(0);
        var writing = writer is null ? Task.CompletedTask : Task.Run(async () =>
        {
            var next = TimeSpan.Zero;
            while (clock.Elapsed < duration)
            {
                if (next > clock.Elapsed)
                {
                    await Task.Delay(next - clock.Elapsed);
                }

                next += TimeSpan.FromSeconds(1);
                await writer.SaveAsync();
            }
        });
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            var times = new List<double>(4096);
            while (clock.Elapsed < duration && Interlocked.Increment(ref total) <= MaxRequests)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(uri);
                await response.Content.LoadIntoBufferAsync();
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
            }

            return times;
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        await writing;
        return Summarise(perClient.SelectMany(t => t).ToList(), failures, elapsed) with { Writes = writer?.TakeResult(elapsed) };
    }
}

/// <summary>A support officer saving one milestone's update over the API, its status alternating, so the dashboard changes each time.</summary>
internal sealed class Writer(Uri baseAddress, string token, int milestoneId, string period) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30), DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
    private readonly List<double> times = [];
    private int? version;
    private int failures;
    private int saves;

    public async Task SaveAsync()
    {
        var uri = new Uri($"/api/milestones/{milestoneId}/updates/{period}", UriKind.Relative);
        if (version is null)
        {
            using var current = await http.GetAsync(uri);
            version = current.StatusCode == HttpStatusCode.NotFound ? 0 : int.Parse(current.Headers.ETag!.Tag.Trim('"'), CultureInfo.InvariantCulture);
        }

        var status = saves++ % 2 == 0 ? "NotOnTrack" : "OnTrack";
        var start = Stopwatch.GetTimestamp();
        using var response = await http.PutAsync(uri, System.Net.Http.Json.JsonContent.Create(new { progress = $"Benchmark save {saves}", status, submit = true, version }));
        await response.Content.LoadIntoBufferAsync();
        lock (times)
        {
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        if (response.StatusCode == HttpStatusCode.OK)
        {
            version = int.Parse(response.Headers.ETag!.Tag.Trim('"'), CultureInfo.InvariantCulture);
        }
        else
        {
            failures++;
            version = null;
        }
    }

    public Load.Result TakeResult(double seconds)
    {
        lock (times)
        {
            var result = Load.Summarise(times, failures, seconds);
            times.Clear();
            failures = 0;
            return result;
        }
    }

    public void Dispose() => http.Dispose();
}
