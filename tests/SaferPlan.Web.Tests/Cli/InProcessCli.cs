using SaferPlan.Cli;

namespace SaferPlan.Web.Tests.Cli;

/// <summary>
/// Runs the saferplan command's verbs in the test process, through the same entry point as the executable, with standard
/// input, output and error captured and the settings put in the environment as for a real run. The console and the
/// environment belong to the whole process, so runs take turns, and the classes that use it form one collection that
/// xunit runs on its own, after the parallel ones, so no test host writes to the captured console meanwhile.
/// </summary>
public static class InProcessCli
{
    public const string Collection = "saferplan command in process";

    private static readonly SemaphoreSlim Turn = new(1, 1);

    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?> environment, string? stdin, string[] args)
    {
        await Turn.WaitAsync();
        var saved = environment.Keys.ToDictionary(name => name, Environment.GetEnvironmentVariable);
        var (stdout, stderr, stdinBefore) = (Console.Out, Console.Error, Console.In);
        // Not disposed: the console logger of the command's host may still write to them from its own thread.
        var output = new StringWriter();
        var error = new StringWriter();
        try
        {
            foreach (var (name, value) in environment)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            Console.SetOut(output);
            Console.SetError(error);
            Console.SetIn(new StringReader(stdin is null ? "" : stdin + "\n"));
            var exitCode = await SaferPlanCommandLine.RunAsync(args);
            await Console.Out.FlushAsync();
            await Console.Error.FlushAsync();
            return new CliRun(exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            Console.SetIn(stdinBefore);
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            Turn.Release();
        }
    }
}

/// <summary>The classes that run the command in process: one at a time, never beside another test (see <see cref="InProcessCli"/>).</summary>
[CollectionDefinition(InProcessCli.Collection, DisableParallelization = true)]
public sealed class InProcessCliRuns;
