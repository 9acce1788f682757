using SaferPlan.Core.Documents;
using SaferPlan.Security;

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
        var api = app.MapGroup("/api/partnerships/{slug}/reports").WithTags("Reports").RequireRateLimiting(RateLimits.Documents);
        api.MapGet("/monitoring/{period}.docx", (string slug, string period, string? audience, MilestoneMonitoringBuilder builder, CurrentUser current, HttpContext http, CancellationToken ct) =>
                DocumentAsync(slug, period, audience, ReportFormat.Docx, forApi: true, builder, current, http, ct))
            .WithSummary("A quarter's milestone monitoring (measurement, source, progress, to meet target) as a Word document")
            .Produces(StatusCodes.Status200OK, contentType: DocumentMediaTypes.Docx)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription(NotPublishedNote);
        api.MapGet("/monitoring/{period}.html", (string slug, string period, string? audience, MilestoneMonitoringBuilder builder, CurrentUser current, HttpContext http, CancellationToken ct) =>
                DocumentAsync(slug, period, audience, ReportFormat.Html, forApi: true, builder, current, http, ct))
            .WithSummary("A quarter's milestone monitoring (measurement, source, progress, to meet target) as a web page with a print stylesheet")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription(NotPublishedNote);

        // The same documents for the links on the reports page, signed in with the site's cookie; errors show the site's error page.
        var pages = app.MapGroup("/partnerships/{slug}/reports").ExcludeFromDescription().RequireRateLimiting(RateLimits.Documents);
        pages.MapGet("/monitoring/{period}.docx", (string slug, string period, string? audience, MilestoneMonitoringBuilder builder, CurrentUser current, HttpContext http, CancellationToken ct) =>
            DocumentAsync(slug, period, audience, ReportFormat.Docx, forApi: false, builder, current, http, ct));
        pages.MapGet("/monitoring/{period}.html", (string slug, string period, string? audience, MilestoneMonitoringBuilder builder, CurrentUser current, HttpContext http, CancellationToken ct) =>
            DocumentAsync(slug, period, audience, ReportFormat.Html, forApi: false, builder, current, http, ct));
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
