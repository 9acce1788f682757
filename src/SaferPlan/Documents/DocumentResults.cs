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
            return TypedResults.File(docx(), BoardReportDocx.MediaType, fileName("docx"));
        }

        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(fileName("html"));
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.Headers.ContentSecurityPolicy = WebSecurity.SelfContainedDocumentPolicy;
        return TypedResults.Content(html(), BoardReportHtml.MediaType);
    }

    /// <summary>A bad query value: a validation problem naming it for the API, a plain 400 for the site.</summary>
    public static IResult Invalid(bool forApi, string parameter, string detail, string message) =>
        forApi
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [message] }, detail: detail, title: "Check what you sent")
            : TypedResults.BadRequest();
}
