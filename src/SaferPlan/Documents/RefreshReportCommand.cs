using System.CommandLine;
using SaferPlan.Cli;
using SaferPlan.Core.Documents;

namespace SaferPlan.Documents;

/// <summary><c>saferplan report refresh</c>: the refresh report of a year's edition of the partnership's plan (seed 002's layout) written to a file.</summary>
public static class RefreshReportCommand
{
    public static Command Create()
    {
        var partnership = new Option<string>("--partnership") { Description = "The partnership's slug, e.g. south-cambridgeshire.", Required = true };
        var year = new Option<string>("--year") { Description = "The edition's financial year, e.g. 2010-11.", Required = true };
        var format = new Option<string>("--format") { Description = "docx (a Word document) or html (a web page with a print stylesheet).", DefaultValueFactory = _ => "docx" };
        var output = new Option<string>("--out") { Description = "The file to write.", Required = true };

        var command = new Command("refresh", "Write the refresh report of a year's edition: purpose, background with the refresh's dates, the consultation, the recommendation, and Appendix A with every comment received and change made, numbered by priority.")
        {
            partnership, year, format, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var yearText = parse.GetValue(year)!;
            if (!ReportingPeriod.TryParse(yearText, out var financialYear) || !financialYear.IsWholeYear)
            {
                await Console.Error.WriteLineAsync($"saferplan: '{yearText}' is not a financial year. Give --year like 2010-11.");
                return 2;
            }

            var formatText = parse.GetValue(format)!.Trim().ToLowerInvariant();
            if (formatText is not ("docx" or "html"))
            {
                await Console.Error.WriteLineAsync($"saferplan: '{parse.GetValue(format)}' is not a format. Give --format docx (a Word document) or --format html (a web page).");
                return 2;
            }

            var slug = parse.GetValue(partnership)!.Trim();
            var path = Path.GetFullPath(parse.GetValue(output)!);
            return await SaferPlanCommandLine.WithServicesAsync(async services =>
            {
                var outcome = await services.GetRequiredService<RefreshReportBuilder>().BuildAsync(slug, financialYear, ct);
                if (outcome.Report is not { } report)
                {
                    await Console.Error.WriteLineAsync($"saferplan: {outcome.Refusal ?? "the edition could not be read."}");
                    return 1;
                }

                await ReportCommand.WriteAsync(path, formatText, () => RefreshReportDocx.ToBytes(report), () => RefreshReportHtml.Render(report), ct);
                await Console.Out.WriteLineAsync(
                    $"Wrote {path}: {report.PartnershipName} {report.Title} ({report.Status}), {Count(report.Appendix.Sum(p => p.Comments.Count), "comment")} and {Count(report.Appendix.Sum(p => p.Changes.Count), "change")} made, marked {report.Marking}.");
                return 0;
            });
        });
        return command;
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
