using System.Net;
using System.Text;
using SaferPlan.Web.Tests.Cli;

namespace SaferPlan.Web.Tests.Documents;

/// <summary><c>saferplan report plan</c> run over a SQLite database with the demo partnership.</summary>
[Collection(InProcessCli.Collection)]
public sealed class PlanDocumentCommandTests(DemoCliDatabase demo) : IClassFixture<DemoCliDatabase>
{
    [Fact]
    public async Task ReportPlan_Docx_WritesAValidWordDocumentOfThe2010_11Edition()
    {
        var file = Path.Combine(demo.Database.Folder, $"{Guid.NewGuid():N}.docx");

        var run = await demo.Database.RunAsync(null, "report", "plan", "--partnership", "south-cambridgeshire", "--year", "2010-11", "--format", "docx", "--out", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("2010/11 edition (Approved), full version", run.Out, StringComparison.Ordinal);
        var docx = await File.ReadAllBytesAsync(file);
        BoardReportTests.AssertValid(docx);
        var body = DocumentFiles.Parts(docx, "word/document.xml");
        Assert.Contains("Priority 1: Reducing Serious Acquisitive Crime", body, StringComparison.Ordinal);
        Assert.Contains("What data will we use to measure the success?", body, StringComparison.Ordinal);
        Assert.Contains("1.1a ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPlan_PublicHtml_WritesAWebPageMarkedOfficial()
    {
        var file = Path.Combine(demo.Database.Folder, $"{Guid.NewGuid():N}.html");

        var run = await demo.Database.RunAsync(null, "report", "plan", "--partnership", "south-cambridgeshire", "--year", "2010-11", "--format", "html", "--out", file, "--public");

        Assert.True(run.ExitCode == 0, run.ToString());
        var html = WebUtility.HtmlDecode(await File.ReadAllTextAsync(file, Encoding.UTF8));
        Assert.Contains("Protective marking: Official", html, StringComparison.Ordinal);
        Assert.Contains("Public version: items with the protective marking Restricted are left out.", html, StringComparison.Ordinal);
        Assert.Contains("Acceptable Behaviour Contracts", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2010-11-q1", "docx", "south-cambridgeshire", "not a financial year")]
    [InlineData("2010-11", "pdf", "south-cambridgeshire", "not a format")]
    [InlineData("2010-11", "docx", "nowhere", "no partnership 'nowhere'")]
    [InlineData("2030-31", "docx", "south-cambridgeshire", "no plan edition for 2030/31")]
    public async Task ReportPlan_BadArgument_ExitsNonZeroWithAMessageAndWritesNothing(string year, string format, string partnership, string message)
    {
        var file = Path.Combine(demo.Database.Folder, $"{Guid.NewGuid():N}.{format}");

        var run = await demo.Database.RunAsync(null, "report", "plan", "--partnership", partnership, "--year", year, "--format", format, "--out", file);

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }
}
