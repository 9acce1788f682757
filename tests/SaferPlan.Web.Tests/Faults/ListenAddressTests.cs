using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Faults;

/// <summary>
/// Where the real saferplan process listens: the environment chooses as in every ASP.NET Core app (a second instance,
/// a container), the default stays http://localhost:5080, and an address in use is said in one line.
/// </summary>
public sealed partial class ListenAddressTests : IAsyncLifetime
{
    /// <summary>A copy of the migrated template: where the server listens does not depend on a first migration.</summary>
    private TestDatabaseInstance database = null!;

    [GeneratedRegex(@"^\s+at ", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    private SaferPlanProcess Serve(Dictionary<string, string> settings, params string[] args)
    {
        settings["SaferPlan__LoadDemoData"] = "false";
        return SaferPlanProcess.Start(database.Provider, database.ConnectionString, settings, args);
    }

    [Fact]
    public async Task AspNetCoreUrls_ChoosesWhereTheServerListens()
    {
        var port = SaferPlanProcess.FreePort();
        using var server = Serve(new() { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });

        Assert.True(await server.WaitUntilServesAsync(new Uri($"http://127.0.0.1:{port}/"), SaferPlanProcess.Patience), server.ToString());
    }

    [Fact]
    public async Task AspNetCoreHttpPorts_ChoosesThePort()
    {
        var port = SaferPlanProcess.FreePort();
        using var server = Serve(new() { ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.True(await server.WaitUntilServesAsync(new Uri($"http://127.0.0.1:{port}/"), SaferPlanProcess.Patience), server.ToString());
    }

    [Fact]
    public async Task UrlsOnTheCommandLine_BeatTheEnvironment()
    {
        var port = SaferPlanProcess.FreePort();
        using var server = Serve(new() { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{SaferPlanProcess.FreePort()}" }, "--urls", $"http://127.0.0.1:{port}");

        Assert.True(await server.WaitUntilServesAsync(new Uri($"http://127.0.0.1:{port}/"), SaferPlanProcess.Patience), server.ToString());
    }

    /// <summary>
    /// With nothing set the server takes http://localhost:5080; held here (or by another SaferPlan on this machine), the
    /// start ends with one line naming the port, exit code 1 and no stack trace.
    /// </summary>
    [Fact]
    public async Task NothingSet_Port5080InUse_OneClearLineAndNonZeroExit()
    {
        using var holder = Hold(5080);
        using var server = Serve([]);

        Assert.True(await server.WaitForExitAsync(SaferPlanProcess.Patience), server.ToString());
        Assert.True(server.ExitCode != 0, server.ToString());
        var lines = server.Output.Split('\n').Where(l => l.Contains("already in use", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(lines.Count == 1, server.ToString());
        Assert.StartsWith("saferplan: Port 5080 is already in use: stop the other SaferPlan or choose another address, e.g. --urls http://localhost:5081", lines[0], StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), server.Output);
    }

    [Fact]
    public async Task AspNetCoreUrls_PortInUse_OneClearLineAndNonZeroExit()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        using var server = Serve(new() { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });

        Assert.True(await server.WaitForExitAsync(SaferPlanProcess.Patience), server.ToString());
        Assert.True(server.ExitCode != 0, server.ToString());
        Assert.Contains($"saferplan: Port {port} is already in use: stop the other SaferPlan or choose another address", server.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), server.Output);
    }

    /// <summary>Listens on the port on 127.0.0.1 unless something already does (then it is in use all the same).</summary>
    private static TcpListener? Hold(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return listener;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            listener.Dispose();
            return null;
        }
    }

    public async Task InitializeAsync() => database = await TestDatabaseInstance.CreateWithDemoAsync(TestDatabase.Sqlite, demoCrime: false);

    public async Task DisposeAsync() => await database.DisposeAsync();
}
