using System.CommandLine;
using SaferPlan.Cli;
using SaferPlan.Core.Documents;

namespace SaferPlan.Documents;

/// <summary><c>saferplan report monitoring</c>: a quarter's milestone monitoring in seed 004's layout written to a file.</summary>
public static class MilestoneMonitoringCommand
{
    public static Command Create()
    {
        var partnership = new Option<string>("--partnership") { Description = "The partnership's slug, e.g. south-cambridgeshire.", Required = true };
        var period = new Option<string>("--period") { Description = "The quarter, e.g. 2009-10-q1.", Required = true };
        var format = new Option<string>("--format") { Description = "docx (a Word document) or html (a web page with a print stylesheet).", DefaultValueFactory = _ => "docx" };
        var output = new Option<string>("--out") { Description = "The file to write.", Required = true };
        var publicVersion = new Option<bool>("--public") { Description = "Leave out every item marked Restricted, for publication." };

        var command = new Command("monitoring", "Write a quarter's milestone monitoring: per action its milestones with measurement, source, progress and whether on track. Without --public it includes items marked Restricted.")
        {
            partnership, period, format, output, publicVersion,
        };
        command.SetAction(async (parse, ct) =>
        {
            var periodText = parse.GetValue(period)!;
            if (!ReportingPeriod.TryParse(periodText, out var quarter) || quarter.IsWholeYear)
            {
                await Console.Error.WriteLineAsync($"saferplan: '{periodText}' is not a quarter. Give --period as a financial year and quarter, like 2009-10-q1.");
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
                var document = await services.GetRequiredService<MilestoneMonitoringBuilder>().BuildAsync(new MilestoneMonitoringOptions(slug, quarter, audience), ct);
                if (document is null)
                {
                    await Console.Error.WriteLineAsync($"saferplan: there is no partnership '{slug}'. Give --partnership the slug in the partnership's web address, e.g. south-cambridgeshire.");
                    return 1;
                }

                await ReportCommand.WriteAsync(path, formatText, () => MilestoneMonitoringDocx.ToBytes(document), () => MilestoneMonitoringHtml.Render(document), ct);
                var version = ReportCommand.VersionText(document.Audience);
                await Console.Out.WriteLineAsync(
                    $"Wrote {path}: {document.PartnershipName} {MilestoneMonitoring.DocumentTitle} {document.Period.Display}, {version}, marked {document.Marking}.");
                return 0;
            });
        });
        return command;
    }
}
