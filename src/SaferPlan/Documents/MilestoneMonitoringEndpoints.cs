using SaferPlan.Core.Documents;

namespace SaferPlan.Documents;

/// <summary>
/// A quarter's milestone monitoring (seed 004's layout) as a Word document or a web page, beside the Board report and
/// given to the same readers: visitors and people outside the partnership get the public version of published quarters;
/// members get the full one unless they ask for <c>?audience=public</c>.
/// </summary>
public static class MilestoneMonitoringEndpoints
{
    private const string PeriodForm = "a financial year and quarter, like 2009-10-q1";

    private const string NotPublishedNote = "Visitors get the public version of published quarters only: an unpublished quarter answers 404 Not published yet, naming the latest published quarter.";

    public static void MapMilestoneMonitoring(this IEndpointRouteBuilder app)
    {
        app.MapDocument("/api/partnerships/{slug}/reports", "/partnerships/{slug}/reports", "/monitoring/{period}",
            new("A quarter's milestone monitoring (measurement, source, progress, to meet target) as a Word document",
                "A quarter's milestone monitoring (measurement, source, progress, to meet target) as a web page with a print stylesheet",
                MilestoneMonitoringDocx.MediaType, NotPublishedNote),
            (format, forApi) => (string slug, string period, string? audience, MilestoneMonitoringBuilder builder, CurrentUser current, HttpContext http, CancellationToken ct) =>
                DocumentAsync(slug, period, audience, format, forApi, builder, current, http, ct));
    }

    /// <summary>The path for the site's own links: /partnerships/{slug}/reports/monitoring/2009-10-q1.html.</summary>
    public static string PagePath(string slug, ReportingPeriod period, ReportFormat format, bool publicVersion = false) =>
        $"/partnerships/{Uri.EscapeDataString(slug)}/reports/monitoring/{period.Slug}.{ReportEndpoints.Extension(format)}{(publicVersion ? "?audience=public" : "")}";

    private static async Task<IResult> DocumentAsync(
        string slug,
        string period,
        string? audience,
        ReportFormat format,
        bool forApi,
        MilestoneMonitoringBuilder builder,
        CurrentUser current,
        HttpContext http,
        CancellationToken ct)
    {
        if (DocumentResults.ReadQuarter(forApi, period, PeriodForm, audience, "document", out var parsed, out var requested) is { } refused)
        {
            return refused;
        }

        var outcome = await builder.BuildAsync(new MilestoneMonitoringOptions(slug, parsed, requested), await current.GetAsync(), ct);
        if (outcome.Document is not { } document)
        {
            return DocumentResults.Unavailable(forApi, slug, outcome.PartnershipFound, () =>
            {
                var latest = outcome.LatestPublished is { } l
                    ? $" The latest published quarter is {l.Display}: /api/partnerships/{Uri.EscapeDataString(slug)}/reports/monitoring/{l.Slug}.{ReportEndpoints.Extension(format)}"
                    : " No quarter has been published yet.";
                return $"The {parsed.Display} milestone monitoring has not been published yet: the partnership publishes a quarter when its updates have been reviewed.{latest}";
            });
        }

        return DocumentResults.Send(http, format, document.Marking, document.FileName, () => MilestoneMonitoringDocx.ToBytes(document), () => MilestoneMonitoringHtml.Render(document));
    }

}
