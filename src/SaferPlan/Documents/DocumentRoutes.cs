using SaferPlan.Core.Documents;
using SaferPlan.Security;

namespace SaferPlan.Documents;

/// <summary>What the OpenAPI document says of a document's two formats; <paramref name="ChecksQuery"/> when a bad period or audience answers a validation problem.</summary>
public sealed record DocumentDescription(string DocxSummary, string HtmlSummary, string? Description = null, bool ChecksQuery = true);

/// <summary>
/// Every document is served the same way: as <c>.docx</c> and <c>.html</c> under <c>/api</c> (described, rate limited, problem
/// details on error) and, where the site links to it, again under the site's own path for a member signed in with the site's
/// cookie rather than a bearer token, where errors show the site's error page.
/// </summary>
public static class DocumentRoutes
{
    /// <summary>Every document the site serves, in the order the OpenAPI document lists them.</summary>
    public static void MapDocuments(this IEndpointRouteBuilder app)
    {
        app.MapDocument("/api/partnerships/{slug}/reports", "/partnerships/{slug}/reports", "/performance/{period}",
            new("The Board Performance Report for a quarter as a Word document", "The Board Performance Report for a quarter as a web page with a print stylesheet",
                "Visitors get the public version of published quarters only: an unpublished quarter answers 404 Not published yet, naming the latest published report."),
            (format, forApi) => (string slug, string period, string? audience, string? meetingDate, BoardReportBuilder builder, CurrentUser current, HttpContext http, CancellationToken ct) =>
                ReportEndpoints.ReportAsync(slug, period, audience, meetingDate, format, forApi, builder, current, http, ct));

        app.MapDocument("/api/partnerships/{slug}/reports", "/partnerships/{slug}/reports", "/monitoring/{period}",
            new("A quarter's milestone monitoring (measurement, source, progress, to meet target) as a Word document",
                "A quarter's milestone monitoring (measurement, source, progress, to meet target) as a web page with a print stylesheet",
                "Visitors get the public version of published quarters only: an unpublished quarter answers 404 Not published yet, naming the latest published quarter."),
            (format, forApi) => (string slug, string period, string? audience, MilestoneMonitoringBuilder builder, CurrentUser current, HttpContext http, CancellationToken ct) =>
                MilestoneMonitoringEndpoints.DocumentAsync(slug, period, audience, format, forApi, builder, current, http, ct));

        app.MapDocument("/api/editions", "/editions", "/{id:int}/document",
            new("The plan document of an edition (priorities, action plans, partnership, glossary) as a Word document",
                "The plan document of an edition as a web page with a print stylesheet",
                "Visitors get the public version of approved editions only; members get the full version unless they ask for ?audience=public."),
            (format, forApi) => (int id, string? audience, PlanDocumentBuilder builder, CurrentUser current, HttpContext http, CancellationToken ct) =>
                PlanDocumentEndpoints.DocumentAsync(id, audience, format, forApi, builder, current, http, ct));

        // The public plan update is public by nature, so the site links to the API's own paths.
        app.MapDocument("/api/partnerships/{slug}/reports/update", pagesPrefix: null, "/{year}",
            new("The public plan update of a year (foreword, achievements, what we did and spent, the year's plan, contact) as a Word document",
                "The public plan update of a year as a web page with a print stylesheet"),
            (format, _) => (string slug, string year, PlanUpdateBuilder builder, HttpContext http, CancellationToken ct) => PlanUpdateEndpoints.UpdateAsync(slug, year, format, builder, http, ct));

        app.MapDocument("/api/editions", "/editions", "/{id:int}/refresh-report",
            new("The refresh report of an edition (purpose, background, consultation, recommendation, Appendix A) as a Word document",
                "The refresh report of an edition as a web page with a print stylesheet",
                "Members get the full version at any stage; visitors get the public version of approved editions only.", ChecksQuery: false),
            (format, forApi) => (int id, RefreshReportBuilder builder, CurrentUser current, HttpContext http, CancellationToken ct) =>
                RefreshReportEndpoints.ReportAsync(id, format, forApi, builder, current, http, ct));
    }

    /// <param name="handler">The handler for a format, answering for the API (true) or for the site's links (false).</param>
    /// <remarks>
    /// The one group of endpoints whose request delegates are made at start-up rather than by the request delegate
    /// generator at build time (RDG002): the handler is chosen per document and format, which the generator cannot see.
    /// </remarks>
#pragma warning disable RDG002
    public static void MapDocument(
        this IEndpointRouteBuilder app, string apiPrefix, string? pagesPrefix, string path, DocumentDescription about, Func<ReportFormat, bool, Delegate> handler)
    {
        var api = app.MapGroup(apiPrefix).WithTags("Reports").RequireRateLimiting(RateLimits.Documents);
        Describe(api.MapGet($"{path}.docx", handler(ReportFormat.Docx, true)), about.DocxSummary, DocumentMediaTypes.Docx, about);
        Describe(api.MapGet($"{path}.html", handler(ReportFormat.Html, true)), about.HtmlSummary, "text/html", about);
        if (pagesPrefix is null)
        {
            return;
        }

        var pages = app.MapGroup(pagesPrefix).ExcludeFromDescription().RequireRateLimiting(RateLimits.Documents);
        pages.MapGet($"{path}.docx", handler(ReportFormat.Docx, false));
        pages.MapGet($"{path}.html", handler(ReportFormat.Html, false));
    }
#pragma warning restore RDG002

    private static void Describe(RouteHandlerBuilder route, string summary, string mediaType, DocumentDescription about)
    {
        route.WithSummary(summary).Produces(StatusCodes.Status200OK, contentType: mediaType);
        if (about.ChecksQuery)
        {
            route.ProducesValidationProblem();
        }

        route.ProducesProblem(StatusCodes.Status404NotFound);
        if (about.Description is { } description)
        {
            route.WithDescription(description);
        }
    }
}
