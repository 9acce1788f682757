using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Cli;

namespace SaferPlan.Web.Tests.Faults;

/// <summary>
/// The built saferplan command as a real process that a test can kill at any moment (kill -9, as a crash or an
/// out-of-memory killer would), with what it wrote to standard output and error kept for the test's messages.
/// </summary>
public sealed class SaferPlanProcess : IDisposable
{
    /// <summary>
    /// How long a start may take to serve, or a command to finish: seconds on a quiet machine, but a CI machine installing
    /// packages and building beside the run has taken 94 s for a start that then served, so only a hang fails.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(300);

    private readonly Process process;
    private readonly StringBuilder output = new();

    private SaferPlanProcess(Process process, string arguments)
    {
        this.process = process;
        Arguments = arguments;
    }

    public string Arguments { get; }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Standard output and error, interleaved as they arrived.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <c>dotnet saferplan.dll args</c> (as <see cref="CliDatabase"/> does) over the given database, with none of
    /// the caller's address or environment settings leaking in, and the given settings on top.
    /// </summary>
    public static SaferPlanProcess Start(string provider, string connectionString, IReadOnlyDictionary<string, string>? settings, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(CliDatabase.CommandPath)!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliDatabase.CommandPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS", "DOTNET_URLS", "URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "HTTP_PORTS", "HTTPS_PORTS" })
        {
            start.Environment.Remove(name);
        }

        // Cheaper cold starts (the fault tests start dozens): workstation GC rather than a server heap per core, and no
        // profile-guided instrumentation of code that runs for seconds. About a fifth less CPU per start
        // (db migrate on a new SQLite file: 2.5 s -> 2.0 s user); neither touches what the tests check.
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_TieredPGO"] = "0";
        start.Environment["ConnectionStrings__SaferPlan"] = connectionString;
        start.Environment["SaferPlan__Database__Provider"] = provider;
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var running = new SaferPlanProcess(process, string.Join(' ', args));
        process.OutputDataReceived += (_, e) => running.Append(e.Data);
        process.ErrorDataReceived += (_, e) => running.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return running;
    }

    /// <summary>kill -9 of the process and anything it started; nothing of it runs afterwards.</summary>
    public void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }

        process.WaitForExit();
    }

    /// <summary>Waits for the process to end; false (and the process killed) if it is still running after the timeout.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
            process.WaitForExit(); // the last lines of output
            return true;
        }
        catch (OperationCanceledException)
        {
            Kill();
            return false;
        }
    }

    /// <summary>Polls <paramref name="address"/> until it answers 200; false if the process ends or the time runs out first.</summary>
    public async Task<bool> WaitUntilServesAsync(Uri address, TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && !process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(address);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        return false;
    }

    public override string ToString() => $"saferplan {Arguments}{(process.HasExited ? $" (exit {process.ExitCode})" : "")}\n{Output}";

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    /// <summary>A port on 127.0.0.1 that nothing listens on at the moment, outside the range port 0 takes from (see <see cref="FreePorts"/>).</summary>
    public static int FreePort() => FreePorts.Next();

    /// <summary>SQLite's own check of every page and index of the database file.</summary>
    public static string IntegrityCheck(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
