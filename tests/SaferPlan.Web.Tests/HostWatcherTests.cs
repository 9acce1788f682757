using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Cli;

namespace SaferPlan.Web.Tests;

/// <summary>
/// A host that has stopped holds none of the user's inotify instances (128 on a stock Linux): the test run starts and stops
/// hundreds of hosts in one process, and a leaked watcher per host once exhausted them. Runs in the in-process command's
/// collection, which xunit runs alone after the parallel classes, so the process's count is this test's own doing.
/// </summary>
[Collection(InProcessCli.Collection)]
public sealed class HostWatcherTests
{
    private static int InotifyInstances() =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Count(fd => fd.LinkTarget == "anon_inode:inotify");

    [Fact]
    public async Task StartingAndStoppingHostsThatServePages_LeavesNoInotifyWatchersBehind()
    {
        Assert.True(OperatingSystem.IsLinux(), "inotify is Linux's");
        var before = InotifyInstances();
        for (var i = 0; i < 3; i++)
        {
            var app = new SaferPlanFactory(TestDatabase.Sqlite);
            await app.InitializeAsync();
            using (var client = app.CreateClient())
            {
                // The layout asks for its stylesheet's version (asp-append-version), which starts watching wwwroot.
                var page = await client.GetStringAsync(new Uri("/", UriKind.Relative));
                Assert.Contains("?v=", page, StringComparison.Ordinal);
            }

            await app.DisposeAsync();
        }

        Assert.True(InotifyInstances() <= before, $"{InotifyInstances()} inotify instances after three hosts stopped; {before} before");
    }
}
