using System.Net;
using System.Text;
using SaferPlan.Web.Tests.Cli;

namespace SaferPlan.Web.Tests.Documents;

/// <summary><c>saferplan report monitoring</c> run over a SQLite database with the demo partnership.</summary>
[Collection(InProcessCli.Collection)]
public sealed class MilestoneMonitoringCommandTests(DemoCliDatabase demo) : IClassFixture<DemoCliDatabase>
{
    [Fact]
    public async Task ReportMonitoring_Docx_WritesAValidWordDocumentWithTheSeedsFigures()
    {
        var file = Path.Combine(demo.Database.Folder, $"{Guid.NewGuid():N}.docx");

        var run = await demo.Database.RunAsync(null, "report", "monitoring", "--partnership", "south-cambridgeshire", "--period", "2009-10-q1", "--out", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Milestone monitoring 2009/10 Q1, full version", run.Out, StringComparison.Ordinal);
        var docx = await File.ReadAllBytesAsync(file);
        BoardReportTests.AssertValid(docx);
        var body = DocumentFiles.Parts(docx, "word/document.xml");
        Assert.Contains("Measurement = ", body, StringComparison.Ordinal);
        Assert.Contains("£625.00", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportMonitoring_PublicHtml_WritesAWebPageMarkedOfficial()
    {
        var file = Path.Combine(demo.Database.Folder, $"{Guid.NewGuid():N}.html");

        var run = await demo.Database.RunAsync(null, "report", "monitoring", "--partnership", "south-cambridgeshire", "--period", "2009-10-q1", "--format", "html", "--out", file, "--public");

        Assert.True(run.ExitCode == 0, run.ToString());
        var html = WebUtility.HtmlDecode(await File.ReadAllTextAsync(file, Encoding.UTF8));
        Assert.Contains("Protective marking: Official", html, StringComparison.Ordinal);
        Assert.Contains("To meet target – not on track", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2009-10-q5", "docx", "south-cambridgeshire", "not a quarter")]
    [InlineData("2009-10-q1", "pdf", "south-cambridgeshire", "not a format")]
    [InlineData("2009-10-q1", "docx", "nowhere", "no partnership 'nowhere'")]
    public async Task ReportMonitoring_BadArgument_ExitsNonZeroWithAMessageAndWritesNothing(string period, string format, string partnership, string message)
    {
        var file = Path.Combine(demo.Database.Folder, $"{Guid.NewGuid():N}.{format}");

        var run = await demo.Database.RunAsync(null, "report", "monitoring", "--partnership", partnership, "--period", period, "--format", format, "--out", file);

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }
}
