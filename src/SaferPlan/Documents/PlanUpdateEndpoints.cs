using SaferPlan.Core.Documents;

namespace SaferPlan.Documents;

/// <summary>
/// A year's public plan update (seed 003's layout) as a Word document or a web page. It is public by nature: everyone,
/// visitors included, gets the same version, without Restricted items or e-mail addresses, of an approved edition only.
/// </summary>
public static class PlanUpdateEndpoints
{
    /// <summary>"/api/partnerships/cambridge/reports/update/2012-13.html".</summary>
    public static string Path(string slug, ReportingPeriod year, ReportFormat format) =>
        $"/api/partnerships/{slug}/reports/update/{year.FinancialYear.Slug}.{ReportEndpoints.Extension(format)}";

    internal static async Task<IResult> UpdateAsync(string slug, string year, ReportFormat format, PlanUpdateBuilder builder, HttpContext http, CancellationToken ct)
    {
        if (!ReportingPeriod.TryParse(year, out var period) || !period.IsWholeYear)
        {
            return DocumentResults.Invalid(forApi: true, "year", $"'{year}' is not a financial year. Ask for it like 2012-13.", "Give the financial year like 2012-13");
        }

        var outcome = await builder.BuildAsync(slug, period, ct);
        if (outcome.Document is not { } document)
        {
            return ApiErrors.NotFound(outcome.NoPartnership ? $"There is no partnership '{slug}'." : $"There is no published plan update for {period.Display}.");
        }

        return DocumentResults.Send(http, format, PlanUpdate.Marking, document.FileName, () => PlanUpdateDocx.ToBytes(document), () => PlanUpdateHtml.Render(document));
    }
}
