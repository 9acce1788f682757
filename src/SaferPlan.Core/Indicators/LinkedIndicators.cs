using SaferPlan.Core.Crime;
using SaferPlan.Core.Monitoring;

namespace SaferPlan.Core.Indicators;

/// <summary>Puts linked indicators on the quarterly dashboard, after it is built (and cached), since crime data can change without a plan edit.</summary>
public static class LinkedIndicators
{
    /// <summary>
    /// The dashboard with each priority's linked indicators: the latest value up to the quarter's last month (for a
    /// recorded-crime indicator, the 12 months to then), its target and status. Only members see a dashboard, so
    /// links through restricted milestones are included.
    /// </summary>
    public static async Task<Dashboard> WithIndicatorsAsync(this IndicatorReader reader, Dashboard dashboard, int partnershipId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(dashboard);
        if (dashboard.Priorities.Count == 0)
        {
            return dashboard;
        }

        var linked = await reader.LinkedToPrioritiesAsync(
            partnershipId, dashboard.Priorities.Select(p => p.Id).ToList(), CalendarMonth.Containing(dashboard.Period.End), includeRestricted: true, ct);
        return linked.Count == 0
            ? dashboard
            : dashboard with { Priorities = dashboard.Priorities.Select(p => p with { Indicators = linked.GetValueOrDefault(p.Id, []) }).ToList() };
    }
}
