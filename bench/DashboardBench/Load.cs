using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

/// <summary>Clients that each send one request at a time, for a bounded time, recording every request's latency.</summary>
internal static class Load
{
    private const int MaxRequests = 2_000_000;

    public sealed record Result(int Requests, int Failures, double Seconds, double P50, double P95, double P99, double Max)
    {
        /// <summary>The writer's saves during the phase, when there was one.</summary>
        public Result? Writes { get; init; }

        /// <summary>
        /// CPU time this process (server and clients together) spent per request during the phase: unlike latency, it hardly
        /// moves when other work shares the machine, so it shows what a change saves even on a loaded machine.
        /// </summary>
        public double CpuMsPerRequest { get; init; } = double.NaN;

        public double PerSecond => Requests / Seconds;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Requests:N0} requests ({Failures} failed) in {Seconds:0.0} s = {PerSecond:0} req/s; p50 {P50:0.00} ms, p95 {P95:0.00} ms, p99 {P99:0.00} ms, max {Max:0.0} ms; CPU {CpuMsPerRequest:0.00} ms/request");
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

    /// <param name="token">a bearer token for the API, or null.</param>
    /// <param name="cookie">a signed-in page session's cookie header ("saferplan=…"), or null.</param>
    public static async Task<Result> RunAsync(Uri baseAddress, string path, string? token, int clients, TimeSpan duration, Writer? writer = null, string? cookie = null)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10), AutomaticDecompression = DecompressionMethods.None, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (cookie is not null)
        {
            http.DefaultRequestHeaders.Add("Cookie", cookie);
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
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
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
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        await writing;
        var times = perClient.SelectMany(t => t).ToList();
        return Summarise(times, failures, elapsed) with { Writes = writer?.TakeResult(elapsed), CpuMsPerRequest = times.Count == 0 ? double.NaN : cpu / times.Count };
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
