namespace SaferPlan.Monitoring.Dashboards;

/// <summary>The quarterly performance dashboard: statuses rolled up with the rule shown, counts, overdue updates, change and trend, charts with their tables.</summary>
[Authorize]
public sealed class DashboardModel(PlanReader reader, DashboardCache dashboards, CurrentUser current, SaferPlan.Core.Meetings.StatutoryYearService duties) : PageModel
{
    /// <summary>The partnership's statutory duties past their due date and not done, today.</summary>
    public IReadOnlyList<SaferPlan.Core.Meetings.StatutoryDuty> OverdueDuties { get; private set; } = [];

    public Partnership Partnership { get; private set; } = null!;

    public Dashboard Dashboard { get; private set; } = null!;

    /// <summary>The stacked bar chart of statuses per priority, as inline SVG.</summary>
    public string PriorityChart { get; private set; } = "";

    /// <summary>The stacked bar chart of statuses per quarter of the year, as inline SVG.</summary>
    public string TrendChart { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, ReportingPeriod? period, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (period is not { IsWholeYear: false } quarter
            || await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership
            || !Permissions.CanReadDashboard(user, partnership.Id))
        {
            return NotFound();
        }

        Partnership = partnership;
        var view = await dashboards.GetAsync(partnership, quarter, user, ct);
        Dashboard = view.Dashboard;
        PriorityChart = view.PriorityChart;
        TrendChart = view.TrendChart;
        OverdueDuties = await duties.OverdueAsync(partnership.Id, duties.Today, ct);

        return Page();
    }
}
