using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

/// <summary>
/// What the page benchmarks share (DashboardBench, FundingCalendarBench, NationalPictureBench): their command line
/// (<c>[seconds per phase, default 20] [sqlite|postgres|both]</c>, PostgreSQL from SAFERPLAN_TEST_POSTGRES), signing in
/// through the page, and running a list of GETs at 1 and then many clients against a p95 bar.
/// </summary>
internal static partial class PageBench
{
    public const int Clients = 32;
    public const double Bar = 50;

    /// <summary>The password <see cref="Seeder"/> gives every account it makes.</summary>
    public const string Password = "correct horse battery staple";

    /// <summary>Runs <paramref name="run"/> (provider label, seconds per phase, PostgreSQL admin connection or null for SQLite) on the providers asked for; the process's exit code.</summary>
    public static async Task<int> OnProvidersAsync(string[] args, Func<string, int, string?, Task<bool>> run)
    {
        var seconds = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var s) && s > 0 ? Math.Min(s, 300) : 20;
        var postgresAdmin = Environment.GetEnvironmentVariable("SAFERPLAN_TEST_POSTGRES");
        var which = args.Length > 1 ? args[1].ToLowerInvariant() : string.IsNullOrWhiteSpace(postgresAdmin) ? "sqlite" : "both";
        var passed = true;
        if (which is "sqlite" or "both")
        {
            passed &= await run("SQLite", seconds, null);
        }

        if (which is "postgres" or "both")
        {
            if (string.IsNullOrWhiteSpace(postgresAdmin))
            {
                Console.Error.WriteLine("SAFERPLAN_TEST_POSTGRES is not set: it names the PostgreSQL server to create the benchmark database on (see test.sh).");
                return 2;
            }

            passed &= await run("PostgreSQL", seconds, postgresAdmin);
        }

        return passed ? 0 : 1;
    }

    /// <summary>
    /// Each phase: one checked request (a 200, or the run stops), 1 client, then <see cref="Clients"/> clients for
    /// <paramref name="seconds"/>; then the static stylesheet for the ratio, a summary line a phase and the bar's verdict.
    /// </summary>
    public static async Task<bool> RunPhasesAsync(Uri baseAddress, string provider, IEnumerable<(string Name, string Path, string? Cookie)> phases, int seconds)
    {
        var pass = true;
        var lines = new List<string>();
        foreach (var (name, path, cookie) in phases)
        {
            var first = Stopwatch.StartNew();
            var size = await CheckAsync(baseAddress, path, cookie);
            var firstMs = first.Elapsed.TotalMilliseconds;
            var single = await Load.RunAsync(baseAddress, path, null, 1, TimeSpan.FromSeconds(Math.Max(3, seconds / 4)), cookie: cookie);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider}: {name} ({size / 1024.0:0.0} KB, first request {firstMs:0} ms), 1 client:   {single}"));
            var load = await Load.RunAsync(baseAddress, path, null, Clients, TimeSpan.FromSeconds(seconds), cookie: cookie);
            Console.WriteLine($"{provider}: {name}, {Clients} clients: {load}");
            var ok = load.P95 < Bar && load.Failures == 0;
            pass &= ok;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{provider}: {name}: 1 client p50 {single.P50:0.00} ms, CPU {single.CpuMsPerRequest:0.00} ms/request; {Clients} clients p50 {load.P50:0.0} ms, p95 {load.P95:0.0} ms, {load.PerSecond:0} req/s, CPU {load.CpuMsPerRequest:0.00} ms/request: {(ok ? "PASS" : "FAIL")}"));
        }

        var css = await Load.RunAsync(baseAddress, "/lib/saferplan.css", null, Clients, TimeSpan.FromSeconds(seconds));
        Console.WriteLine($"{provider}: static /lib/saferplan.css, {Clients} clients: {css}");
        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }

        Console.WriteLine($"{provider}: bar p95 < {Bar:0} ms with {Clients} clients: {(pass ? "PASS" : "FAIL")}");
        return pass;
    }

    /// <summary>One request, refused loudly unless it is a 200: so a phase never measures a redirect or an error page. BENCH_DUMP=FOLDER keeps each answer there.</summary>
    private static async Task<long> CheckAsync(Uri baseAddress, string path, string? cookie)
    {
        using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        if (cookie is not null)
        {
            http.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)[..Math.Min(body.Length, 600)]}");
        }

        if (Environment.GetEnvironmentVariable("BENCH_DUMP") is { Length: > 0 } folder)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, $"{path.Trim('/').Split('?')[0].Replace('/', '-')}{(cookie is null ? "" : "-signed-in")}.out"), body);
        }

        return body.Length;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>Signs in through the page as a person would; returns the cookie header the session's pages then carry.</summary>
    public static async Task<string> SignInAsync(Uri baseAddress, string email)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress };
        var form = await http.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var token = WebUtility.HtmlDecode(AntiforgeryField().Match(form).Groups["token"].Value);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["Password"] = Password, ["__RequestVerificationToken"] = token });
        using var response = await http.PostAsync(new Uri("/account/sign-in", UriKind.Relative), content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in answered {(int)response.StatusCode}");
        }

        return handler.CookieContainer.GetCookieHeader(baseAddress);
    }
}
