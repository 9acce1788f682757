using System.CommandLine;
using SaferPlan.Cli;
using SaferPlan.Core.Documents;

namespace SaferPlan.Documents;

/// <summary><c>saferplan report performance</c>: the quarterly Board Performance Report written to a file, for scripts and the support officer.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var partnership = new Option<string>("--partnership") { Description = "The partnership's slug, e.g. south-cambridgeshire.", Required = true };
        var period = new Option<string>("--period") { Description = "The quarter, e.g. 2010-11-q4.", Required = true };
        var format = new Option<string>("--format") { Description = "docx (a Word document) or html (a web page with a print stylesheet).", DefaultValueFactory = _ => "docx" };
        var output = new Option<string>("--out") { Description = "The file to write.", Required = true };
        var publicVersion = new Option<bool>("--public") { Description = "Leave out every item marked Restricted, for publication." };
        var meetingDate = new Option<string?>("--meeting-date") { Description = "The date of the Board meeting, e.g. 2011-04-26, for the cover." };

        var performance = new Command("performance", "Write the quarterly Board Performance Report. Without --public it includes items marked Restricted.")
        {
            partnership, period, format, output, publicVersion, meetingDate,
        };
        performance.SetAction(async (parse, ct) =>
        {
            var periodText = parse.GetValue(period)!;
            if (!ReportingPeriod.TryParse(periodText, out var quarter) || quarter.IsWholeYear)
            {
                await Console.Error.WriteLineAsync($"saferplan: '{periodText}' is not a quarter. Give --period as a financial year and quarter, like 2010-11-q4.");
                return 2;
            }

            var formatText = parse.GetValue(format)!.Trim().ToLowerInvariant();
            if (formatText is not ("docx" or "html"))
            {
                await Console.Error.WriteLineAsync($"saferplan: '{parse.GetValue(format)}' is not a format. Give --format docx (a Word document) or --format html (a web page).");
                return 2;
            }

            DateOnly? meeting = null;
            if (parse.GetValue(meetingDate) is { Length: > 0 } dateText)
            {
                if (!DateOnly.TryParseExact(dateText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    await Console.Error.WriteLineAsync($"saferplan: '{dateText}' is not a date. Give --meeting-date like 2011-04-26.");
                    return 2;
                }

                meeting = date;
            }

            var slug = parse.GetValue(partnership)!.Trim();
            var path = Path.GetFullPath(parse.GetValue(output)!);
            var audience = parse.GetValue(publicVersion) ? ReportAudience.Public : ReportAudience.Full;
            return await SaferPlanCommandLine.WithServicesAsync(async services =>
            {
                var report = await services.GetRequiredService<BoardReportBuilder>().BuildAsync(new BoardReportOptions(slug, quarter, audience, meeting), ct);
                if (report is null)
                {
                    await Console.Error.WriteLineAsync($"saferplan: there is no partnership '{slug}'. Give --partnership the slug in the partnership's web address, e.g. south-cambridgeshire.");
                    return 1;
                }

                await ReportCommand.WriteAsync(path, formatText, () => BoardReportDocx.ToBytes(report), () => BoardReportHtml.Render(report), ct);
                var version = ReportCommand.VersionText(report.Audience);
                await Console.Out.WriteLineAsync(
                    $"Wrote {path}: {report.PartnershipName} {BoardReport.DocumentTitle} {report.Period.Display}, {version}, marked {report.Marking}.");
                return 0;
            });
        });

        var report = new Command("report", "Write the partnership's documents.");
        report.Subcommands.Add(performance);
        report.Subcommands.Add(MilestoneMonitoringCommand.Create());
        report.Subcommands.Add(PlanDocumentCommand.Create());
        report.Subcommands.Add(RefreshReportCommand.Create());
        report.Subcommands.Add(PlanUpdateCommand.Create());
        return report;
    }

    /// <summary>
    /// A <c>report</c> verb for a document of a partnership's financial year (<c>plan</c>, <c>refresh</c>, <c>update</c>): the
    /// <c>--partnership</c>, <c>--year</c>, <c>--format</c> and <c>--out</c> options, a year or format that is not one refused
    /// with exit code 2, and <paramref name="write"/> run with the app's services (an expected failure exits 1).
    /// </summary>
    internal static Command ForYear(string name, string description, string yearDescription, string slugExample, string yearExample,
        Func<YearDocumentRequest, IServiceProvider, CancellationToken, Task<int>> write, params Option[] extra)
    {
        var partnership = new Option<string>("--partnership") { Description = $"The partnership's slug, e.g. {slugExample}.", Required = true };
        var year = new Option<string>("--year") { Description = $"{yearDescription}, e.g. {yearExample}.", Required = true };
        var format = new Option<string>("--format") { Description = "docx (a Word document) or html (a web page with a print stylesheet).", DefaultValueFactory = _ => "docx" };
        var output = new Option<string>("--out") { Description = "The file to write.", Required = true };
        var command = new Command(name, description) { partnership, year, format, output };
        foreach (var option in extra)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var yearText = parse.GetValue(year)!;
            if (!ReportingPeriod.TryParse(yearText, out var financialYear) || !financialYear.IsWholeYear)
            {
                await Console.Error.WriteLineAsync($"saferplan: '{yearText}' is not a financial year. Give --year like {yearExample}.");
                return 2;
            }

            var formatText = parse.GetValue(format)!.Trim().ToLowerInvariant();
            if (formatText is not ("docx" or "html"))
            {
                await Console.Error.WriteLineAsync($"saferplan: '{parse.GetValue(format)}' is not a format. Give --format docx (a Word document) or --format html (a web page).");
                return 2;
            }

            var request = new YearDocumentRequest(parse, parse.GetValue(partnership)!.Trim(), financialYear, formatText, Path.GetFullPath(parse.GetValue(output)!));
            return await SaferPlanCommandLine.WithServicesAsync(services => write(request, services, ct));
        });
        return command;
    }

    /// <summary>Writes a document the `report` verbs made: its folder created if need be, Word bytes or the web page's text.</summary>
    internal static async Task WriteAsync(string path, string format, Func<byte[]> docx, Func<string> html, CancellationToken ct)
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        if (format == "docx")
        {
            await File.WriteAllBytesAsync(path, docx(), ct);
        }
        else
        {
            await File.WriteAllTextAsync(path, html(), ct);
        }
    }

    /// <summary>How the `report` verbs name the version they wrote.</summary>
    internal static string VersionText(ReportAudience audience) => audience == ReportAudience.Public ? "public version" : "full version";
}

/// <summary>What a <c>report</c> verb for a year's document was asked for, checked: the partnership's slug, the year, docx or html, the full path.</summary>
internal sealed record YearDocumentRequest(ParseResult Parse, string Slug, ReportingPeriod Year, string Format, string Path);
