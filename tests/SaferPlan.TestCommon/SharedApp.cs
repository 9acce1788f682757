using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SaferPlan.TestCommon;

/// <summary>
/// One app per database provider for the whole test assembly, shared by every test class that takes this fixture: for tests
/// that each make a partnership of their own (<see cref="TestData"/>), so they cannot see each other's data and their
/// classes still run side by side. A class with an app of its own (<see cref="SqliteFactory"/>) starts a server and copies a
/// database for itself; a class on the shared app starts nothing. A class on the shared app may read the demo partnership
/// (with users of its own added to it, to read what its members see) but changes only partnerships of its own; a class whose
/// tests change or count the demo's data, or the whole database's, keeps an app of its own.
/// The apps are stopped, and their databases removed, when the assembly's tests are done (<see cref="SharedAppTestFramework"/>,
/// which an assembly using this fixture must name).
/// </summary>
public abstract class SharedApp(TestDatabase kind) : IAsyncLifetime
{
    private static readonly ConcurrentDictionary<TestDatabase, Lazy<Task<SaferPlanFactory>>> Apps = new();

    private SaferPlanFactory? app;

    public SaferPlanFactory App => app ?? throw new InvalidOperationException("The shared app has not started yet.");

    public async Task InitializeAsync() => app = await Apps.GetOrAdd(kind, k => new Lazy<Task<SaferPlanFactory>>(() => StartAsync(k))).Value;

    /// <summary>Nothing: the app outlives the class, for the next class to use.</summary>
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Stops every shared app started and removes its database; the next class to ask starts a new one.</summary>
    internal static async Task StopAllAsync()
    {
        foreach (var kind in Apps.Keys.ToList())
        {
            if (Apps.TryRemove(kind, out var started))
            {
                await (await started.Value).DisposeAsync();
            }
        }
    }

    private static async Task<SaferPlanFactory> StartAsync(TestDatabase kind)
    {
        SaferPlanFactory started = kind == TestDatabase.Sqlite ? new SqliteFactory() : new PostgresFactory();
        await started.InitializeAsync();

        // The site's public address, as a deployed site has it set, for the links its e-mails carry (known only once the server
        // has its port). An app of a class's own has none unless the class sets it: SecurityTests checks what happens then.
        started.Services.GetRequiredService<IConfiguration>()["SaferPlan:PublicUrl"] = started.ServerAddress.ToString();
        return started;
    }
}

/// <summary>The test assembly's shared app on SQLite.</summary>
public sealed class SharedSqliteApp() : SharedApp(TestDatabase.Sqlite);

/// <summary>The test assembly's shared app on PostgreSQL.</summary>
public sealed class SharedPostgresApp() : SharedApp(TestDatabase.Postgres);

/// <summary>
/// xunit's own test framework, which also stops the <see cref="SharedApp"/>s once every test of the assembly has run and
/// before the run is reported finished (after that the test host may end the process at once, too soon to remove a
/// PostgreSQL database). Named by the assembly: <c>[assembly: TestFramework(SharedAppTestFramework.TypeName, SharedAppTestFramework.AssemblyName)]</c>.
/// </summary>
public sealed class SharedAppTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    public const string TypeName = "SaferPlan.TestCommon.SharedAppTestFramework";

    public const string AssemblyName = "SaferPlan.TestCommon";

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        // As xunit's own executor does: the runner reports its progress and its end through the message sink.
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new AssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class AssemblyRunner(
        ITestAssembly testAssembly,
        IEnumerable<IXunitTestCase> testCases,
        IMessageSink diagnosticMessageSink,
        IMessageSink executionMessageSink,
        ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        protected override async Task<RunSummary> RunTestCollectionsAsync(IMessageBus messageBus, CancellationTokenSource cancellationTokenSource)
        {
            var summary = await base.RunTestCollectionsAsync(messageBus, cancellationTokenSource);
            try
            {
                await SharedApp.StopAllAsync();
            }
            catch (Exception ex)
            {
                // A clean-up that fails is reported as an error of the run, never passed over.
                messageBus.QueueMessage(new ErrorMessage(TestCases, ex));
                summary.Failed++;
            }

            return summary;
        }
    }
}
