using SaferPlan.Core.Documents;

namespace SaferPlan.Documents;

/// <summary>
/// A year's public plan update (seed 003's layout) as a Word document or a web page. It is public by nature: everyone,
/// visitors included, gets the same version, without Restricted items or e-mail addresses, of an approved edition only; the
/// site links to its own path all the same, where a signed-in member is not held to the visitors' rate limit.
/// </summary>
public static class PlanUpdateEndpoints
{
    internal static async Task<IResult> UpdateAsync(string slug, string year, ReportFormat format, bool forApi, PlanUpdateBuilder builder, HttpContext http, CancellationToken ct)
    {
        if (!ReportingPeriod.TryParse(year, out var period) || !period.IsWholeYear)
        {
            return DocumentResults.Invalid(forApi, "year", $"'{year}' is not a financial year. Ask for it like 2012-13.", "Give the financial year like 2012-13");
        }

        var outcome = await builder.BuildAsync(slug, period, ct);
        if (outcome.Document is not { } document)
        {
            return forApi
                ? ApiErrors.NotFound(outcome.NoPartnership ? $"There is no partnership '{slug}'." : $"There is no published plan update for {period.Display}.")
                : TypedResults.NotFound();
        }

        return DocumentResults.Send(http, format, PlanUpdate.Marking, document.FileName, () => PlanUpdateDocx.ToBytes(document), () => PlanUpdateHtml.Render(document));
    }
}
