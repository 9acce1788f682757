using SaferPlan.Core.Documents;

namespace SaferPlan.Documents;

/// <summary>
/// The quarterly Board Performance Report as a Word document or a web page. Visitors and people outside the
/// partnership get the public version; members get the full one unless they ask for <c>?audience=public</c>.
/// </summary>
public static class ReportEndpoints
{
    private const string PeriodForm = "a financial year and quarter, like 2010-11-q4";

    internal static async Task<IResult> ReportAsync(
        string slug,
        string period,
        string? audience,
        string? meetingDate,
        ReportFormat format,
        bool forApi,
        BoardReportBuilder builder,
        CurrentUser current,
        HttpContext http,
        CancellationToken ct)
    {
        if (DocumentResults.ReadQuarter(forApi, period, PeriodForm, audience, "report", out var parsed, out var requested) is { } refused)
        {
            return refused;
        }

        DateOnly? meeting = null;
        if (!string.IsNullOrWhiteSpace(meetingDate))
        {
            if (!DateOnly.TryParseExact(meetingDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return DocumentResults.Invalid(forApi, "meetingDate", $"'{meetingDate}' is not a date. Write the Board meeting's date like 2011-04-26.", "Enter the meeting date like 2011-04-26");
            }

            meeting = date;
        }

        var outcome = await builder.BuildAsync(new BoardReportOptions(slug, parsed, requested, meeting), await current.GetAsync(), ct);
        if (outcome.Report is not { } report)
        {
            return DocumentResults.Unavailable(forApi, slug, parsed, outcome.PartnershipFound, () =>
            {
                var latest = outcome.LatestPublished is { } l
                    ? $" The latest published report is {l.Display}: {DocumentLinks.Api}{DocumentLinks.BoardReport(slug, l, format)}"
                    : " No quarter's report has been published yet.";
                return $"The {parsed.Display} performance report has not been published yet: the partnership publishes it when the quarter's updates have been reviewed.{latest}";
            });
        }

        return DocumentResults.Send(http, format, report.Marking, report.FileName, () => BoardReportDocx.ToBytes(report), () => BoardReportHtml.Render(report));
    }

}

public enum ReportFormat
{
    Docx,
    Html,
}
