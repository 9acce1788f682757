using SaferPlan.Core.Crime.Assessment;
using SaferPlan.Core.Crime.Peers;
using SaferPlan.Core.Documents;
using SaferPlan.Crime.Assessment;
using SaferPlan.Security;

namespace SaferPlan.Documents;

/// <summary>
/// What the OpenAPI document says of a document's two formats (no <paramref name="HtmlSummary"/> when its web version is a page
/// of the site); <paramref name="ChecksQuery"/> when a bad period, audience or window answers a validation problem.
/// </summary>
public sealed record DocumentDescription(string DocxSummary, string? HtmlSummary, string? Description = null, bool ChecksQuery = true);

/// <summary>
/// Every document is served the same way: under the site's own path for a member signed in with the site's cookie, where
/// errors show the site's error page, and again under <c>/api</c> in front of that path (described, problem details on error)
/// for callers with a bearer token, which does not honour the cookie. Both are rate limited for visitors only. Pages link to
/// the site's path through <see cref="DocumentLinks"/>: a member who followed an <c>/api</c> link would be taken for a visitor.
/// </summary>
public static class DocumentRoutes
{
    /// <summary>Every document the site serves, in the order the OpenAPI document lists them.</summary>
    public static void MapDocuments(this IEndpointRouteBuilder app)
    {
        app.MapDocument(DocumentLinks.Reports, "/performance/{period}",
            new("The Board Performance Report for a quarter as a Word document", "The Board Performance Report for a quarter as a web page with a print stylesheet",
                "Visitors get the public version of published quarters only: an unpublished quarter answers 404 Not published yet, naming the latest published report."),
            (format, forApi) => (string slug, string period, string? audience, string? meetingDate, BoardReportBuilder builder, CurrentUser current, HttpContext http, CancellationToken ct) =>
                ReportEndpoints.ReportAsync(slug, period, audience, meetingDate, format, forApi, builder, current, http, ct));

        app.MapDocument(DocumentLinks.Reports, "/monitoring/{period}",
            new("A quarter's milestone monitoring (measurement, source, progress, to meet target) as a Word document",
                "A quarter's milestone monitoring (measurement, source, progress, to meet target) as a web page with a print stylesheet",
                "Visitors get the public version of published quarters only: an unpublished quarter answers 404 Not published yet, naming the latest published quarter."),
            (format, forApi) => (string slug, string period, string? audience, MilestoneMonitoringBuilder builder, CurrentUser current, HttpContext http, CancellationToken ct) =>
                MilestoneMonitoringEndpoints.DocumentAsync(slug, period, audience, format, forApi, builder, current, http, ct));

        app.MapDocument(DocumentLinks.Editions, "/{id:int}/document",
            new("The plan document of an edition (priorities, action plans, partnership, glossary) as a Word document",
                "The plan document of an edition as a web page with a print stylesheet",
                "Visitors get the public version of approved editions only; members get the full version unless they ask for ?audience=public."),
            (format, forApi) => (int id, string? audience, PlanDocumentBuilder builder, CurrentUser current, HttpContext http, CancellationToken ct) =>
                PlanDocumentEndpoints.DocumentAsync(id, audience, format, forApi, builder, current, http, ct));

        app.MapDocument(DocumentLinks.Reports, "/update/{year}",
            new("The public plan update of a year (foreword, achievements, what we did and spent, the year's plan, contact) as a Word document",
                "The public plan update of a year as a web page with a print stylesheet"),
            (format, forApi) => (string slug, string year, PlanUpdateBuilder builder, HttpContext http, CancellationToken ct) => PlanUpdateEndpoints.UpdateAsync(slug, year, format, forApi, builder, http, ct));

        app.MapDocument(DocumentLinks.Editions, "/{id:int}/refresh-report",
            new("The refresh report of an edition (purpose, background, consultation, recommendation, Appendix A) as a Word document",
                "The refresh report of an edition as a web page with a print stylesheet",
                "Members get the full version at any stage; visitors get the public version of approved editions only.", ChecksQuery: false),
            (format, forApi) => (int id, RefreshReportBuilder builder, CurrentUser current, HttpContext http, CancellationToken ct) =>
                RefreshReportEndpoints.ReportAsync(id, format, forApi, builder, current, http, ct));

        // The web version of the evidence pack is its page, /partnerships/{slug}/assessment.
        app.MapDocument(DocumentLinks.Partnership, "/assessment",
            new("The strategic assessment evidence pack as a Word document", HtmlSummary: null),
            (_, forApi) => (string slug, string? from, string? to, CrimeStatistics statistics, StrategicAssessmentBuilder builder, CrimeCache cache, TimeProvider time, PeerService peers, CancellationToken ct) =>
                AssessmentEndpoints.DocumentAsync(slug, from, to, forApi, statistics, builder, cache, time, peers, ct));
    }

    /// <param name="handler">The handler for a format, answering for the API (true) or for the site's links (false).</param>
    /// <remarks>
    /// The one group of endpoints whose request delegates are made at start-up rather than by the request delegate
    /// generator at build time (RDG002): the handler is chosen per document and format, which the generator cannot see.
    /// </remarks>
#pragma warning disable RDG002
    public static void MapDocument(
        this IEndpointRouteBuilder app, string prefix, string path, DocumentDescription about, Func<ReportFormat, bool, Delegate> handler)
    {
        var api = app.MapGroup(DocumentLinks.Api + prefix).WithTags("Reports").RequireRateLimiting(RateLimits.Documents);
        var pages = app.MapGroup(prefix).ExcludeFromDescription().RequireRateLimiting(RateLimits.Documents);
        Describe(api.MapGet($"{path}.docx", handler(ReportFormat.Docx, true)), about.DocxSummary, DocumentMediaTypes.Docx, about);
        pages.MapGet($"{path}.docx", handler(ReportFormat.Docx, false));
        if (about.HtmlSummary is { } htmlSummary)
        {
            Describe(api.MapGet($"{path}.html", handler(ReportFormat.Html, true)), htmlSummary, "text/html", about);
            pages.MapGet($"{path}.html", handler(ReportFormat.Html, false));
        }
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

/// <summary>
/// The site's own address of each document, the one way pages, page models and link builders write one: the path
/// <see cref="DocumentRoutes"/> maps for the site, where the sign-in cookie is honoured. The same path under
/// <see cref="Api"/> is for callers with a bearer token; a member who followed it from a page would get the visitor's version
/// and the visitors' rate limit.
/// </summary>
public static class DocumentLinks
{
    /// <summary>What the API's address of a document has in front of the site's.</summary>
    public const string Api = "/api";

    internal const string Partnership = "/partnerships/{slug}";

    internal const string Reports = Partnership + "/reports";

    internal const string Editions = "/editions";

    /// <summary>/partnerships/south-cambridgeshire/reports/performance/2010-11-q4.docx</summary>
    public static string BoardReport(string slug, ReportingPeriod quarter, ReportFormat format, bool publicVersion = false) =>
        $"{ReportsOf(slug)}/performance/{quarter.Slug}.{Extension(format)}{Audience(publicVersion)}";

    /// <summary>/partnerships/south-cambridgeshire/reports/monitoring/2009-10-q1.html</summary>
    public static string MilestoneMonitoring(string slug, ReportingPeriod quarter, ReportFormat format, bool publicVersion = false) =>
        $"{ReportsOf(slug)}/monitoring/{quarter.Slug}.{Extension(format)}{Audience(publicVersion)}";

    /// <summary>/partnerships/cambridge/reports/update/2012-13.html: the public plan update of the year.</summary>
    public static string PlanUpdate(string slug, ReportingPeriod year, ReportFormat format) =>
        $"{ReportsOf(slug)}/update/{year.FinancialYear.Slug}.{Extension(format)}";

    /// <summary>/editions/12/document.docx</summary>
    public static string PlanDocument(int editionId, ReportFormat format, bool publicVersion = false) =>
        $"{Editions}/{editionId}/document.{Extension(format)}{Audience(publicVersion)}";

    /// <summary>/editions/12/refresh-report.html</summary>
    public static string RefreshReport(int editionId, ReportFormat format) =>
        $"{Editions}/{editionId}/refresh-report.{Extension(format)}";

    /// <summary>/partnerships/south-cambridgeshire/assessment.docx?from=2010-04&amp;to=2011-03: the evidence pack for the window.</summary>
    public static string Assessment(string slug, CalendarMonth from, CalendarMonth to) =>
        $"{PartnershipOf(slug)}/assessment.docx?from={from}&to={to}";

    private static string Extension(ReportFormat format) => format == ReportFormat.Docx ? "docx" : "html";

    private static string PartnershipOf(string slug) => $"/partnerships/{Uri.EscapeDataString(slug)}";

    private static string ReportsOf(string slug) => $"{PartnershipOf(slug)}/reports";

    private static string Audience(bool publicVersion) => publicVersion ? "?audience=public" : "";
}
