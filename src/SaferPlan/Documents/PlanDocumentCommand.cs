using System.CommandLine;
using SaferPlan.Cli;
using SaferPlan.Core.Documents;

namespace SaferPlan.Documents;

/// <summary><c>saferplan report plan</c>: a year's edition of the partnership's plan in seed 000's layout written to a file.</summary>
public static class PlanDocumentCommand
{
    public static Command Create()
    {
        var partnership = new Option<string>("--partnership") { Description = "The partnership's slug, e.g. south-cambridgeshire.", Required = true };
        var year = new Option<string>("--year") { Description = "The edition's financial year, e.g. 2010-11.", Required = true };
        var format = new Option<string>("--format") { Description = "docx (a Word document) or html (a web page with a print stylesheet).", DefaultValueFactory = _ => "docx" };
        var output = new Option<string>("--out") { Description = "The file to write.", Required = true };
        var publicVersion = new Option<bool>("--public") { Description = "Leave out every item marked Restricted, for publication (approved editions only)." };

        var command = new Command("plan", "Write a year's edition of the plan: priorities with their narrative and action plans, mainstreamed work, how the partnership works and the glossary. Without --public it includes items marked Restricted.")
        {
            partnership, year, format, output, publicVersion,
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
            var audience = parse.GetValue(publicVersion) ? ReportAudience.Public : ReportAudience.Full;
            return await SaferPlanCommandLine.WithServicesAsync(async services =>
            {
                var outcome = await services.GetRequiredService<PlanDocumentBuilder>().BuildAsync(slug, financialYear, audience, ct);
                if (outcome.Document is not { } document)
                {
                    await Console.Error.WriteLineAsync($"saferplan: {outcome.Refusal ?? "the edition could not be read."}");
                    return 1;
                }

                await ReportCommand.WriteAsync(path, formatText, () => PlanDocumentDocx.ToBytes(document), () => PlanDocumentHtml.Render(document), ct);
                var version = ReportCommand.VersionText(document.Audience);
                await Console.Out.WriteLineAsync(
                    $"Wrote {path}: {document.PartnershipName} {document.PlanHeading}, {document.YearHeading} ({document.Status}), {version}, marked {document.Marking}.");
                return 0;
            });
        });
        return command;
    }
}
