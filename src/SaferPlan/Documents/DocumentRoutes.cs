using SaferPlan.Security;

namespace SaferPlan.Documents;

/// <summary>What the OpenAPI document says of a document's two formats; <paramref name="ChecksQuery"/> when a bad period or audience answers a validation problem.</summary>
public sealed record DocumentDescription(string DocxSummary, string HtmlSummary, string DocxMediaType, string? Description = null, bool ChecksQuery = true);

/// <summary>
/// Every document is served the same way: as <c>.docx</c> and <c>.html</c> under <c>/api</c> (described, rate limited, problem
/// details on error) and, where the site links to it, again under the site's own path for a member signed in with the site's
/// cookie rather than a bearer token, where errors show the site's error page.
/// </summary>
public static class DocumentRoutes
{
    /// <param name="handler">The handler for a format, answering for the API (true) or for the site's links (false).</param>
    public static void MapDocument(
        this IEndpointRouteBuilder app, string apiPrefix, string? pagesPrefix, string path, DocumentDescription about, Func<ReportFormat, bool, Delegate> handler)
    {
        var api = app.MapGroup(apiPrefix).WithTags("Reports").RequireRateLimiting(RateLimits.Documents);
        Describe(api.MapGet($"{path}.docx", handler(ReportFormat.Docx, true)), about.DocxSummary, about.DocxMediaType, about);
        Describe(api.MapGet($"{path}.html", handler(ReportFormat.Html, true)), about.HtmlSummary, "text/html", about);
        if (pagesPrefix is null)
        {
            return;
        }

        var pages = app.MapGroup(pagesPrefix).ExcludeFromDescription().RequireRateLimiting(RateLimits.Documents);
        pages.MapGet($"{path}.docx", handler(ReportFormat.Docx, false));
        pages.MapGet($"{path}.html", handler(ReportFormat.Html, false));
    }

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
