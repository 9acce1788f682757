using System.Text;
using SaferPlan.Web.Tests.Cli;

namespace SaferPlan.Web.Tests.Documents;

/// <summary><c>saferplan report update</c> run over a SQLite database with the demo partnerships: seed 003 regenerated.</summary>
[Collection(InProcessCli.Collection)]
public sealed class PlanUpdateCommandTests(DemoCliDatabase demo) : IClassFixture<DemoCliDatabase>
{
    [Fact]
    public async Task ReportUpdate_Html_WritesThePublicUpdateWithEverySpentSentence()
    {
        var file = Path.Combine(demo.Database.Folder, $"{Guid.NewGuid():N}.html");

        var run = await demo.Database.RunAsync(null, "report", "update", "--partnership", "cambridge", "--year", "2012-13", "--format", "html", "--out", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Cambridge Community Safety Partnership Community Safety Plan: 2012/2013 update, public version", run.Out, StringComparison.Ordinal);
        var text = PlanUpdateTests.TextOf(await File.ReadAllTextAsync(file, Encoding.UTF8));
        foreach (var line in PlanUpdateTests.SpentLines.Concat(PlanUpdateTests.PriorityTitles))
        {
            Assert.Contains(line, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("@example.org", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportUpdate_Docx_WritesAValidWordDocument()
    {
        var file = Path.Combine(demo.Database.Folder, $"{Guid.NewGuid():N}.docx");

        var run = await demo.Database.RunAsync(null, "report", "update", "--partnership", "cambridge", "--year", "2012-13", "--format", "docx", "--out", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        var docx = await File.ReadAllBytesAsync(file);
        BoardReportTests.AssertValid(docx);
        Assert.Contains("We spent £18,864 on work to help young people to avoid getting involved in crime.", PlanUpdateTests.WordText(docx), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2012-13-q1", "docx", "cambridge", "not a financial year")]
    [InlineData("2012-13", "pdf", "cambridge", "not a format")]
    [InlineData("2012-13", "docx", "nowhere", "there is no partnership 'nowhere'")]
    [InlineData("2030-31", "docx", "cambridge", "no approved plan edition for 2030/31")]
    public async Task ReportUpdate_BadArgument_ExitsNonZeroWithAOneLineMessageAndWritesNothing(string year, string format, string partnership, string message)
    {
        var file = Path.Combine(demo.Database.Folder, $"{Guid.NewGuid():N}.{format}");

        var run = await demo.Database.RunAsync(null, "report", "update", "--partnership", partnership, "--year", year, "--format", format, "--out", file);

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(file));
    }
}
