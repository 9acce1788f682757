using Microsoft.Net.Http.Headers;
using SaferPlan.Core.Documents;
using SaferPlan.Security;

namespace SaferPlan.Documents;

/// <summary>How every document is answered: never cached, its protective marking in a header, as a Word download or an inline self-contained web page.</summary>
internal static class DocumentResults
{
    /// <param name="fileName">The file name for an extension ("docx", "html").</param>
    public static IResult Send(HttpContext http, ReportFormat format, string marking, Func<string, string> fileName, Func<byte[]> docx, Func<string> html)
    {
        // The full version carries Restricted items: never keep a copy in a shared cache.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Protective-Marking"] = marking;
        if (format == ReportFormat.Docx)
        {
            return TypedResults.File(docx(), DocumentMediaTypes.Docx, fileName("docx"));
        }

        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(fileName("html"));
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.Headers.ContentSecurityPolicy = WebSecurity.SelfContainedDocumentPolicy;
        return TypedResults.Content(html(), DocumentMediaTypes.Html);
    }

    /// <summary>A bad query value: a validation problem naming it for the API, a plain 400 for the site.</summary>
    public static IResult Invalid(bool forApi, string parameter, string detail, string message) =>
        forApi
            ? ApiErrors.Invalid(new Dictionary<string, string[]> { [parameter] = [message] }, detail)
            : TypedResults.BadRequest();

    /// <summary>
    /// The quarter and audience a quarter's document (performance report, milestone monitoring) was asked for, or the
    /// answer refusing them: the period must be a quarter, the audience full (or left out) or public.
    /// </summary>
    /// <param name="document">What the audience's message calls the document: "report", "document".</param>
    public static IResult? ReadQuarter(bool forApi, string period, string periodForm, string? audience, string document, out ReportingPeriod quarter, out ReportAudience requested)
    {
        requested = ReportAudience.Full;
        if (!ReportingPeriod.TryParse(period, out quarter) || quarter.IsWholeYear)
        {
            return Invalid(forApi, "period", $"'{period}' is not a quarter. Write the period as {periodForm}.", $"Enter the period as {periodForm}");
        }

        switch (audience?.Trim().ToLowerInvariant())
        {
            case null or "" or "full":
                return null;
            case "public":
                requested = ReportAudience.Public;
                return null;
            default:
                return Invalid(forApi, "audience", $"'{audience}' is not an audience. Leave it out for the full {document}, or ask for ?audience=public.", "Choose the audience full or public");
        }
    }

    /// <summary>
    /// A quarter's document that could not be given: no such partnership (404), or, for a visitor asking for a quarter still
    /// being reviewed, the reports page on the site (which lists the published quarters) and 404 Not published yet from the API.
    /// </summary>
    /// <param name="quarter">The quarter asked for: the reports page says it is not published yet.</param>
    /// <param name="notPublished">The API's explanation, naming the latest published quarter.</param>
    public static IResult Unavailable(bool forApi, string slug, ReportingPeriod quarter, bool partnershipFound, Func<string> notPublished)
    {
        if (!partnershipFound)
        {
            return forApi ? ApiErrors.NotFound($"There is no partnership '{slug}'.") : TypedResults.NotFound();
        }

        return forApi
            ? ApiErrors.Problem(StatusCodes.Status404NotFound, "Not published yet", notPublished())
            : TypedResults.Redirect($"/partnerships/{Uri.EscapeDataString(slug)}/reports?{ReportsModel.UnpublishedQuery}={quarter.Slug}");
    }
}
