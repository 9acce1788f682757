using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Outreach;

/// <summary>
/// A real SMTP server on 127.0.0.1 for the tests: Debian's aiosmtpd (package python3-aiosmtpd, installed by test.sh),
/// delivering every message into a temporary maildir. It can be stopped and started again on the same port.
/// </summary>
public sealed class SmtpTestServer : IDisposable
{
    private static readonly string[] Pythons = ["/usr/bin/python3", "python3"];

    private readonly string folder = Directory.CreateTempSubdirectory("saferplan-smtp-").FullName;
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);
    private Process? process;

    public SmtpTestServer()
    {
        // Not port 0's range: a Kestrel host of the run could take such a port before aiosmtpd listens on it (see FreePorts).
        Port = FreePorts.Next();
    }

    public int Port { get; }

    public string MailDir => Path.Combine(folder, "maildir");

    public bool IsRunning => process is { HasExited: false };

    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var python = await PythonWithAiosmtpdAsync();
        var info = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", MailDir })
        {
            info.ArgumentList.Add(arg);
        }

        process = Process.Start(info) ?? throw new InvalidOperationException("Could not start aiosmtpd.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Python's start takes well under a second on a quiet machine, many seconds on a busy one.
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartPatience)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited at once with code {process.ExitCode} (is port {Port} taken?).");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"aiosmtpd did not start listening on 127.0.0.1:{Port} within {StartPatience.TotalSeconds} seconds.");
    }

    public void Stop()
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
        process = null;
    }

    /// <summary>Every message delivered so far, with its file name (unique per message).</summary>
    public IReadOnlyList<(string File, MimeMessage Message)> Messages()
    {
        var list = new List<(string, MimeMessage)>();
        foreach (var sub in new[] { "new", "cur" })
        {
            var dir = Path.Combine(MailDir, sub);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
            {
                list.Add((Path.GetFileName(file), MimeMessage.Load(file)));
            }
        }

        return list;
    }

    /// <summary>Waits (polling) until the delivered messages satisfy <paramref name="done"/>, or fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(Func<IReadOnlyList<MimeMessage>, bool> done, TimeSpan timeout, ISet<string>? ignore = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var messages = Messages().Where(m => ignore is null || !ignore.Contains(m.File)).Select(m => m.Message).ToList();
            if (done(messages))
            {
                return messages;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The mail did not arrive within {timeout.TotalSeconds:0} seconds; the maildir holds {messages.Count} new messages: "
                    + string.Join("; ", messages.Select(m => $"{m.To} '{m.Subject}'")));
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The names of the files delivered so far, to tell new messages from old.</summary>
    public ISet<string> Snapshot() => Messages().Select(m => m.File).ToHashSet(StringComparer.Ordinal);

    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left with the machine's temporary files.
        }
    }

    private static async Task<string> PythonWithAiosmtpdAsync()
    {
        foreach (var python in Pythons)
        {
            try
            {
                using var check = Process.Start(new ProcessStartInfo(python, ["-c", "import aiosmtpd"]) { UseShellExecute = false, RedirectStandardError = true });
                if (check is null)
                {
                    continue;
                }

                await check.WaitForExitAsync();
                if (check.ExitCode == 0)
                {
                    return python;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed here; try the next.
            }
        }

        throw new InvalidOperationException(
            "The outreach tests need a real SMTP server: aiosmtpd for Python 3. Install it with 'apt-get install -y python3-aiosmtpd' (./test.sh does).");
    }
}
