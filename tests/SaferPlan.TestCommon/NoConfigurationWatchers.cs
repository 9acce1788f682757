using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace SaferPlan.TestCommon;

/// <summary>
/// The test run starts hundreds of app hosts in one process. By default each watches its settings files for changes, and
/// each watcher holds one of the user's inotify instances (128 on a stock Linux), so a busy run could exhaust them and
/// the next host failed to start. Settings never change during a test, so no host started by this process watches them.
/// </summary>
internal static class NoConfigurationWatchers
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "A test library: the setting must hold before the first host of the run is built.")]
    internal static void Initialize() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
