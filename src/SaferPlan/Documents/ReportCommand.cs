using System.CommandLine;
using SaferPlan.Cli;
using SaferPlan.Core.Documents;

namespace SaferPlan.Documents;

/// <summary><c>saferplan report performance</c>: the quarterly Board Performance Report written to a file, for scripts and the support officer.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var meetingDate = new Option<string?>("--meeting-date") { Description = "The date of the Board meeting, e.g. 2011-04-26, for the cover." };
        var performance = ForQuarter(
            "performance",
            "Write the quarterly Board Performance Report. Without --public it includes items marked Restricted.",
            "2010-11-q4",
            async (request, audience, services, ct) =>
            {
                TryMeetingDate(request.Parse.GetValue(meetingDate), out var meeting);
                var report = await services.GetRequiredService<BoardReportBuilder>().BuildAsync(new BoardReportOptions(request.Slug, request.Period, audience, meeting), ct);
                return await WriteAsync(request, report, NoPartnership(request.Slug), r => BoardReportDocx.ToBytes(r), r => BoardReportHtml.Render(r),
                    r => $"{r.PartnershipName} {BoardReport.DocumentTitle} {r.Period.Display}, {VersionText(r.Audience)}, marked {r.Marking}.", ct);
            },
            parse => parse.GetValue(meetingDate) is { Length: > 0 } dateText && !TryMeetingDate(dateText, out _)
                ? $"'{dateText}' is not a date. Give --meeting-date like 2011-04-26."
                : null,
            meetingDate);

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
        Func<DocumentRequest, IServiceProvider, CancellationToken, Task<int>> write, params Option[] extra) =>
        ForPeriod(
            name, description, slugExample,
            new Option<string>("--year") { Description = $"{yearDescription}, e.g. {yearExample}.", Required = true },
            period => period.IsWholeYear, $"is not a financial year. Give --year like {yearExample}.",
            write, refuse: null, extra);

    /// <summary>
    /// A <c>report</c> verb for a document of a quarter (<c>performance</c>, <c>monitoring</c>): as <see cref="ForYear"/> with
    /// <c>--period</c> for the quarter and <c>--public</c> for the version without items marked Restricted;
    /// <paramref name="refuse"/> may refuse the extra options with exit code 2 before any service starts.
    /// </summary>
    internal static Command ForQuarter(string name, string description, string quarterExample,
        Func<DocumentRequest, ReportAudience, IServiceProvider, CancellationToken, Task<int>> write,
        Func<ParseResult, string?>? refuse = null, params Option[] extra)
    {
        var publicVersion = new Option<bool>("--public") { Description = "Leave out every item marked Restricted, for publication." };
        return ForPeriod(
            name, description, "south-cambridgeshire",
            new Option<string>("--period") { Description = $"The quarter, e.g. {quarterExample}.", Required = true },
            period => !period.IsWholeYear, $"is not a quarter. Give --period as a financial year and quarter, like {quarterExample}.",
            (request, services, ct) => write(request, request.Parse.GetValue(publicVersion) ? ReportAudience.Public : ReportAudience.Full, services, ct),
            refuse, [publicVersion, .. extra]);
    }

    /// <summary>How the quarter's verbs answer a slug that names no partnership.</summary>
    internal static string NoPartnership(string slug) =>
        $"there is no partnership '{slug}'. Give --partnership the slug in the partnership's web address, e.g. south-cambridgeshire.";

    /// <summary>
    /// Writes the document a verb built to the request's file and says what was written (exit code 0), or, when there is no
    /// document, says why (<paramref name="refusal"/>, exit code 1).
    /// </summary>
    internal static async Task<int> WriteAsync<T>(DocumentRequest request, T? document, string refusal, Func<T, byte[]> docx, Func<T, string> html,
        Func<T, string> written, CancellationToken ct)
        where T : class
    {
        if (document is null)
        {
            await Console.Error.WriteLineAsync($"saferplan: {refusal}");
            return 1;
        }

        await WriteAsync(request.Path, request.Format, () => docx(document), () => html(document), ct);
        await Console.Out.WriteLineAsync($"Wrote {request.Path}: {written(document)}");
        return 0;
    }

    private static Command ForPeriod(string name, string description, string slugExample, Option<string> periodOption,
        Func<ReportingPeriod, bool> accepts, string notAccepted,
        Func<DocumentRequest, IServiceProvider, CancellationToken, Task<int>> write, Func<ParseResult, string?>? refuse, Option[] extra)
    {
        var partnership = new Option<string>("--partnership") { Description = $"The partnership's slug, e.g. {slugExample}.", Required = true };
        var format = new Option<string>("--format") { Description = "docx (a Word document) or html (a web page with a print stylesheet).", DefaultValueFactory = _ => "docx" };
        var output = new Option<string>("--out") { Description = "The file to write.", Required = true };
        var command = new Command(name, description) { partnership, periodOption, format, output };
        foreach (var option in extra)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var periodText = parse.GetValue(periodOption)!;
            if (!ReportingPeriod.TryParse(periodText, out var period) || !accepts(period))
            {
                await Console.Error.WriteLineAsync($"saferplan: '{periodText}' {notAccepted}");
                return 2;
            }

            var formatText = parse.GetValue(format)!.Trim().ToLowerInvariant();
            if (formatText is not ("docx" or "html"))
            {
                await Console.Error.WriteLineAsync($"saferplan: '{parse.GetValue(format)}' is not a format. Give --format docx (a Word document) or --format html (a web page).");
                return 2;
            }

            if (refuse?.Invoke(parse) is { } refusal)
            {
                await Console.Error.WriteLineAsync($"saferplan: {refusal}");
                return 2;
            }

            var request = new DocumentRequest(parse, parse.GetValue(partnership)!.Trim(), period, formatText, Path.GetFullPath(parse.GetValue(output)!));
            return await SaferPlanCommandLine.WithServicesAsync(services => write(request, services, ct));
        });
        return command;
    }

    private static bool TryMeetingDate(string? text, out DateOnly? meeting)
    {
        meeting = null;
        if (text is not { Length: > 0 })
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        meeting = date;
        return true;
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

/// <summary>What a <c>report</c> verb was asked for, checked: the partnership's slug, the year or quarter, docx or html, the full path.</summary>
internal sealed record DocumentRequest(ParseResult Parse, string Slug, ReportingPeriod Period, string Format, string Path);
