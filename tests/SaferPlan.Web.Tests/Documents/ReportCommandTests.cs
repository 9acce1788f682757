using System.Text;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Cli;

namespace SaferPlan.Web.Tests.Documents;

/// <summary>The demo partnership (a copy of the test template) for the report commands' tests.</summary>
public sealed class DemoCliDatabase : IAsyncLifetime
{
    public CliDatabase Database { get; } = new();

    /// <summary>
    /// The demo as `demo load` leaves it, with its synthetic crime: a copy of the template the test hosts start from (loaded
    /// once per run by the same loader), where running `demo load` again for each class cost seconds of the serial tail.
    /// </summary>
    public Task InitializeAsync() => DatabaseTemplates.CopySqliteAsync(Database.DatabasePath, demoCrime: true);

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary><c>saferplan report performance</c> run as a real process over a SQLite database with the demo partnership.</summary>
[Collection(InProcessCli.Collection)]
public sealed class ReportCommandTests(DemoCliDatabase demo) : IClassFixture<DemoCliDatabase>
{
    [Fact]
    public async Task ReportPerformance_Docx_WritesAValidWordDocument()
    {
        var file = Path.Combine(demo.Database.Folder, $"{Guid.NewGuid():N}.docx");

        var run = await demo.Database.RunAsync(null, "report", "performance", "--partnership", "south-cambridgeshire", "--period", "2010-11-q4", "--format", "docx", "--out", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(file, run.Out, StringComparison.Ordinal);
        var docx = await File.ReadAllBytesAsync(file);
        BoardReportTests.AssertValid(docx);
        var parts = DocumentFiles.AllParts(docx);
        Assert.Contains("South Cambridgeshire", parts, StringComparison.Ordinal);
        Assert.Contains("Reducing Serious Acquisitive Crime", parts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPerformance_PublicHtml_WritesAWebPageMarkedOfficial()
    {
        var file = Path.Combine(demo.Database.Folder, $"{Guid.NewGuid():N}.html");

        var run = await demo.Database.RunAsync(null, "report", "performance", "--partnership", "south-cambridgeshire", "--period", "2010-11-q4", "--format", "html", "--out", file, "--public");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("public version", run.Out, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(file, Encoding.UTF8);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("Protective marking: Official", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Protective marking: Restricted", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2010-11-q5", "docx", "south-cambridgeshire", "not a quarter")]
    [InlineData("2010-11-q4", "pdf", "south-cambridgeshire", "not a format")]
    [InlineData("2010-11-q4", "docx", "nowhere", "no partnership 'nowhere'")]
    public async Task ReportPerformance_BadArgument_ExitsNonZeroWithAMessageAndWritesNothing(string period, string format, string partnership, string message)
    {
        var file = Path.Combine(demo.Database.Folder, $"{Guid.NewGuid():N}.{format}");

        var run = await demo.Database.RunAsync(null, "report", "performance", "--partnership", partnership, "--period", period, "--format", format, "--out", file);

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }
}
