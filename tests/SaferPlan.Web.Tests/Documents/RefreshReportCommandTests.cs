using System.Net;
using System.Text;
using SaferPlan.Web.Tests.Cli;

namespace SaferPlan.Web.Tests.Documents;

/// <summary><c>saferplan report refresh</c> run over a SQLite database with the demo partnership.</summary>
[Collection(InProcessCli.Collection)]
public sealed class RefreshReportCommandTests(DemoCliDatabase demo) : IClassFixture<DemoCliDatabase>
{
    [Fact]
    public async Task ReportRefresh_Html_WritesTheReportOfThe2010_11Edition()
    {
        var file = Path.Combine(demo.Database.Folder, $"{Guid.NewGuid():N}.html");

        var run = await demo.Database.RunAsync(null, "report", "refresh", "--partnership", "south-cambridgeshire", "--year", "2010-11", "--format", "html", "--out", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("REFRESH", run.Out, StringComparison.Ordinal);
        var html = WebUtility.HtmlDecode(await File.ReadAllTextAsync(file, Encoding.UTF8));
        Assert.Contains("REPORT TO:", html, StringComparison.Ordinal);
        Assert.Contains("Appendix A", html, StringComparison.Ordinal);
        Assert.Contains("It is recommended that the", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportRefresh_Docx_WritesAValidWordDocument()
    {
        var file = Path.Combine(demo.Database.Folder, $"{Guid.NewGuid():N}.docx");

        var run = await demo.Database.RunAsync(null, "report", "refresh", "--partnership", "south-cambridgeshire", "--year", "2010-11", "--format", "docx", "--out", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        var docx = await File.ReadAllBytesAsync(file);
        BoardReportTests.AssertValid(docx);
        Assert.Contains("Recommendation", DocumentFiles.Parts(docx, "word/document.xml"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2010-11-q1", "docx", "south-cambridgeshire", "not a financial year")]
    [InlineData("2010-11", "pdf", "south-cambridgeshire", "not a format")]
    [InlineData("2010-11", "docx", "nowhere", "no partnership 'nowhere'")]
    [InlineData("2030-31", "docx", "south-cambridgeshire", "no plan edition for 2030/31")]
    public async Task ReportRefresh_BadArgument_ExitsNonZeroWithAMessageAndWritesNothing(string year, string format, string partnership, string message)
    {
        var file = Path.Combine(demo.Database.Folder, $"{Guid.NewGuid():N}.{format}");

        var run = await demo.Database.RunAsync(null, "report", "refresh", "--partnership", partnership, "--year", year, "--format", format, "--out", file);

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }
}
