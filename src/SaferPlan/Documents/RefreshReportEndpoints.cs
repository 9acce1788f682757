using SaferPlan.Core.Documents;
using SaferPlan.Security;

namespace SaferPlan.Documents;

/// <summary>
/// An edition's refresh report (seed 002's layout) as a Word document or a web page. The partnership's members get the
/// full version at any stage; visitors and people outside the partnership get the public version of approved editions
/// only (a draft answers 404).
/// </summary>
public static class RefreshReportEndpoints
{
    private const string AudienceNote = "Members get the full version at any stage; visitors get the public version of approved editions only.";

    public static void MapRefreshReport(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/editions").WithTags("Reports").RequireRateLimiting(RateLimits.Documents);
        api.MapGet("/{id:int}/refresh-report.docx", (int id, RefreshReportBuilder builder, CurrentUser current, HttpContext http, CancellationToken ct) =>
                ReportAsync(id, ReportFormat.Docx, forApi: true, builder, current, http, ct))
            .WithSummary("The refresh report of an edition (purpose, background, consultation, recommendation, Appendix A) as a Word document")
            .Produces(StatusCodes.Status200OK, contentType: DocumentMediaTypes.Docx)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription(AudienceNote);
        api.MapGet("/{id:int}/refresh-report.html", (int id, RefreshReportBuilder builder, CurrentUser current, HttpContext http, CancellationToken ct) =>
                ReportAsync(id, ReportFormat.Html, forApi: true, builder, current, http, ct))
            .WithSummary("The refresh report of an edition as a web page with a print stylesheet")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription(AudienceNote);

        // The same documents for the links on the edition's and comments pages, signed in with the site's cookie.
        var pages = app.MapGroup("/editions").ExcludeFromDescription().RequireRateLimiting(RateLimits.Documents);
        pages.MapGet("/{id:int}/refresh-report.docx", (int id, RefreshReportBuilder builder, CurrentUser current, HttpContext http, CancellationToken ct) =>
            ReportAsync(id, ReportFormat.Docx, forApi: false, builder, current, http, ct));
        pages.MapGet("/{id:int}/refresh-report.html", (int id, RefreshReportBuilder builder, CurrentUser current, HttpContext http, CancellationToken ct) =>
            ReportAsync(id, ReportFormat.Html, forApi: false, builder, current, http, ct));
    }

    /// <summary>The path for the site's own links: /editions/12/refresh-report.docx.</summary>
    public static string PagePath(int editionId, ReportFormat format) => $"/editions/{editionId}/refresh-report.{ReportEndpoints.Extension(format)}";

    private static async Task<IResult> ReportAsync(int id, ReportFormat format, bool forApi, RefreshReportBuilder builder, CurrentUser current, HttpContext http, CancellationToken ct)
    {
        var report = await builder.BuildAsync(id, await current.GetAsync(), ct);
        if (report is null)
        {
            // A draft's report is not there for a visitor, as an edition that does not exist is not.
            return forApi ? ApiErrors.NotFound($"There is no published plan edition {id}.") : TypedResults.NotFound();
        }

        return DocumentResults.Send(http, format, report.Marking, report.FileName, () => RefreshReportDocx.ToBytes(report), () => RefreshReportHtml.Render(report));
    }
}
