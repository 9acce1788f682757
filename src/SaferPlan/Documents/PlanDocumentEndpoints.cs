using SaferPlan.Core.Documents;

namespace SaferPlan.Documents;

/// <summary>
/// An edition's plan document (seed 000's layout) as a Word document or a web page. Visitors and people outside the
/// partnership get the public version of approved editions only (a draft answers 404); members get the full version
/// unless they ask for <c>?audience=public</c>, as with the Board report.
/// </summary>
public static class PlanDocumentEndpoints
{
    internal static async Task<IResult> DocumentAsync(
        int id,
        string? audience,
        ReportFormat format,
        bool forApi,
        PlanDocumentBuilder builder,
        CurrentUser current,
        HttpContext http,
        CancellationToken ct)
    {
        var requested = audience?.Trim().ToLowerInvariant() switch
        {
            null or "" or "full" => ReportAudience.Full,
            "public" => ReportAudience.Public,
            _ => (ReportAudience?)null,
        };
        if (requested is null)
        {
            return DocumentResults.Invalid(forApi, "audience", $"'{audience}' is not an audience. Leave it out for the full document, or ask for ?audience=public.", "Choose the audience full or public");
        }

        var document = await builder.BuildAsync(id, await current.GetAsync(), requested.Value, ct);
        if (document is null)
        {
            // A draft is not there for a visitor, as an edition that does not exist is not.
            return forApi ? ApiErrors.NotFound($"There is no published plan edition {id}.") : TypedResults.NotFound();
        }

        return DocumentResults.Send(http, format, document.Marking, document.FileName, () => PlanDocumentDocx.ToBytes(document), () => PlanDocumentHtml.Render(document));
    }
}
