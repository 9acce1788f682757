using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Monitoring.Dashboards;

// The quarterly dashboard under load: the real app (SaferPlanApp.Build on Kestrel at 127.0.0.1) over a database of
// 300 partnerships x 150 milestones x 12 quarters of updates, on SQLite and (when SAFERPLAN_TEST_POSTGRES is set) on
// PostgreSQL. 32 clients call GET /api/partnerships/{slug}/periods/2010-11-q4/dashboard with a bearer token for a
// bounded time; then the same clients fetch the static stylesheet /lib/saferplan.css, for the ratio.
// Usage: dotnet run -c Release --project bench/DashboardBench -- [seconds per phase, default 20] [sqlite|postgres|both]
// DASHBOARD_BENCH_SQL=1 logs every SQL command; DASHBOARD_BENCH_KEEP=1 keeps the SQLite file for a look afterwards.
return await PageBench.OnProvidersAsync(args, (provider, seconds, postgresAdmin) => Bench.RunAsync(provider, seconds, PageBench.Clients, PageBench.Bar, postgresAdmin));

internal static class Bench
{
    public static async Task<bool> RunAsync(string provider, int seconds, int clients, double bar, string? postgresAdmin)
    {
        await using var server = await BenchServer.StartAsync(postgresAdmin);
        var seedWatch = Stopwatch.StartNew();
        var seeded = await Seeder.SeedAsync(server.Services);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}: seeded {seeded.Partnerships} partnerships, {seeded.Milestones:N0} milestones, {seeded.Updates:N0} updates ({Seeder.Years * 4} quarters) in {seedWatch.Elapsed.TotalSeconds:0.0} s"));

        var slug = Seeder.Slug(Seeder.Partnerships / 2);
        var token = await Seeder.TokenAsync(server.Services, slug);
        var baseAddress = server.BaseAddress;
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
        var cache = server.Services.GetRequiredService<DashboardCache>();
        var writerToken = await Seeder.TokenAsync(server.Services, slug, PartnershipRole.SupportOfficer);
        using var writer = new Writer(baseAddress, writerToken, Seeder.FirstMilestoneOf(Seeder.Partnerships / 2), "2010-11-q4");
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
}
