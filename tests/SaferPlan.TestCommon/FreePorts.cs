using System.Net;
using System.Net.Sockets;

namespace SaferPlan.TestCommon;

/// <summary>
/// Ports on 127.0.0.1 for a process a test starts (a saferplan server, the SMTP server) to listen on a moment later.
/// </summary>
/// <remarks>
/// A port the kernel hands out for port 0 comes from its ephemeral range (32768–60999 on Linux), the range every Kestrel host
/// of the run (port 0) and every outgoing connection also take ports from: between asking for one and the process listening
/// on it, another host of the busy test run could take it, and the process failed to start or the test talked to the wrong
/// server. These come from below that range instead, each once per test process, from a random start so two test processes
/// on the machine rarely try the same ones; a port found in use is skipped.
/// </remarks>
public static class FreePorts
{
    private const int First = 20_000;
    private const int Last = 32_000;
    private static int next = First + Random.Shared.Next(Last - First - 2_000);

    public static int Next()
    {
        while (true)
        {
            var port = Interlocked.Increment(ref next);
            if (port > Last)
            {
                throw new InvalidOperationException($"Every test port up to {Last} has been handed out in this test process.");
            }

            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken by something else on the machine: the next one.
            }
        }
    }
}
