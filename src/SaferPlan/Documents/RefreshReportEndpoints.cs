using SaferPlan.Core.Documents;

namespace SaferPlan.Documents;

/// <summary>
/// An edition's refresh report (seed 002's layout) as a Word document or a web page. The partnership's members get the
/// full version at any stage; visitors and people outside the partnership get the public version of approved editions
/// only (a draft answers 404).
/// </summary>
public static class RefreshReportEndpoints
{
    internal static async Task<IResult> ReportAsync(int id, ReportFormat format, bool forApi, RefreshReportBuilder builder, CurrentUser current, HttpContext http, CancellationToken ct)
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
