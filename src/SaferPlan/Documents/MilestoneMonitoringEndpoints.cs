using SaferPlan.Core.Documents;

namespace SaferPlan.Documents;

/// <summary>
/// A quarter's milestone monitoring (seed 004's layout) as a Word document or a web page, beside the Board report and
/// given to the same readers: visitors and people outside the partnership get the public version of published quarters;
/// members get the full one unless they ask for <c>?audience=public</c>.
/// </summary>
public static class MilestoneMonitoringEndpoints
{
    private const string PeriodForm = "a financial year and quarter, like 2009-10-q1";

    internal static async Task<IResult> DocumentAsync(
        string slug,
        string period,
        string? audience,
        ReportFormat format,
        bool forApi,
        MilestoneMonitoringBuilder builder,
        CurrentUser current,
        HttpContext http,
        CancellationToken ct)
    {
        if (DocumentResults.ReadQuarter(forApi, period, PeriodForm, audience, "document", out var parsed, out var requested) is { } refused)
        {
            return refused;
        }

        var outcome = await builder.BuildAsync(new MilestoneMonitoringOptions(slug, parsed, requested), await current.GetAsync(), ct);
        if (outcome.Document is not { } document)
        {
            return DocumentResults.Unavailable(forApi, slug, parsed, outcome.PartnershipFound, () =>
            {
                var latest = outcome.LatestPublished is { } l
                    ? $" The latest published quarter is {l.Display}: {DocumentLinks.Api}{DocumentLinks.MilestoneMonitoring(slug, l, format)}"
                    : " No quarter has been published yet.";
                return $"The {parsed.Display} milestone monitoring has not been published yet: the partnership publishes a quarter when its updates have been reviewed.{latest}";
            });
        }

        return DocumentResults.Send(http, format, document.Marking, document.FileName, () => MilestoneMonitoringDocx.ToBytes(document), () => MilestoneMonitoringHtml.Render(document));
    }

}
