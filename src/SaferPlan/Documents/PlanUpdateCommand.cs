using System.CommandLine;
using SaferPlan.Cli;
using SaferPlan.Core.Documents;

namespace SaferPlan.Documents;

/// <summary><c>saferplan report update</c>: a year's public plan update in seed 003's layout written to a file.</summary>
public static class PlanUpdateCommand
{
    public static Command Create()
    {
        var partnership = new Option<string>("--partnership") { Description = "The partnership's slug, e.g. cambridge.", Required = true };
        var year = new Option<string>("--year") { Description = "The financial year of the update, e.g. 2012-13.", Required = true };
        var format = new Option<string>("--format") { Description = "docx (a Word document) or html (a web page with a print stylesheet).", DefaultValueFactory = _ => "docx" };
        var output = new Option<string>("--out") { Description = "The file to write.", Required = true };

        var command = new Command("update", "Write a year's public plan update: foreword and Board members, achievements, what we did and spent per priority, the year's plan and how to get in touch. Always the public version: nothing Restricted, no e-mail addresses.")
        {
            partnership, year, format, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var yearText = parse.GetValue(year)!;
            if (!ReportingPeriod.TryParse(yearText, out var financialYear) || !financialYear.IsWholeYear)
            {
                await Console.Error.WriteLineAsync($"saferplan: '{yearText}' is not a financial year. Give --year like 2012-13.");
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
                var outcome = await services.GetRequiredService<PlanUpdateBuilder>().BuildAsync(slug, financialYear, ct);
                if (outcome.Document is not { } document)
                {
                    await Console.Error.WriteLineAsync($"saferplan: {outcome.Refusal ?? "the update could not be read."}");
                    return 1;
                }

                await ReportCommand.WriteAsync(path, formatText, () => PlanUpdateDocx.ToBytes(document), () => PlanUpdateHtml.Render(document), ct);
                await Console.Out.WriteLineAsync($"Wrote {path}: {document.PartnershipName} {document.Title}, public version, marked {PlanUpdate.Marking}.");
                return 0;
            });
        });
        return command;
    }
}
