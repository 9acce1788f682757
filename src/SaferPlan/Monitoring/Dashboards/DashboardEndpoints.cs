using SaferPlan.Monitoring.Updates;

namespace SaferPlan.Monitoring.Dashboards;

/// <summary>The quarterly performance dashboard as JSON, for the partnership's members.</summary>
public static class DashboardEndpoints
{
    public static void MapDashboard(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/partnerships/{slug}/periods/{period}/dashboard", DashboardAsync)
            .Produces<DashboardDto>(StatusCodes.Status200OK, "application/json")
            .WithTags("Monitoring")
            .WithSummary("The quarter's performance dashboard: milestone statuses rolled up to actions and priorities, counts, overdue updates, change since last quarter and the year's trend.");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DashboardAsync(
        string slug, ReportingPeriod period, PlanReader reader, DashboardCache dashboards, CurrentUser current, CancellationToken ct)
    {
        var partnership = await reader.PartnershipBySlugAsync(slug, ct);
        if (partnership is null)
        {
            return ApiErrors.NotFound($"There is no partnership '{slug}'.");
        }

        var user = await current.GetAsync();
        if (!Permissions.CanReadDashboard(user, partnership.Id))
        {
            return user.IsSignedIn
                ? ApiErrors.Problem(StatusCodes.Status403Forbidden, "Not allowed", "Only members of the partnership can see its performance dashboard.")
                : ApiErrors.SignInRequired();
        }

        // The JSON is made once per change of the partnership (see DashboardCache) and sent as it is.
        var view = await dashboards.GetAsync(partnership, period, user, ct);
        return TypedResults.Bytes(view.Json, "application/json; charset=utf-8");
    }
}

public sealed record StatusCountDto(UpdateStatus? Status, string Text, int Count)
{
    public static IReadOnlyList<StatusCountDto> From(IEnumerable<StatusCount> counts) => counts.Select(c => new StatusCountDto(c.Status, c.Text, c.Count)).ToList();
}

public sealed record TrendPointDto(string Period, string Display, IReadOnlyList<StatusCountDto> Counts)
{
    public static IReadOnlyList<TrendPointDto> From(IEnumerable<TrendPoint> trend) =>
        trend.Select(t => new TrendPointDto(t.Period.Slug, t.Period.Display, StatusCountDto.From(t.Counts))).ToList();
}

public sealed record DashboardMilestoneDto(
    int Id, string Code, string Text, string? Responsible, UpdateStatus? Status, string StatusText, UpdateState? State,
    UpdateStatus? PreviousStatus, string PreviousStatusText, StatusChange Change, bool Overdue)
{
    public static DashboardMilestoneDto From(DashboardMilestone m) => new(
        m.Id, m.Code, m.Text, m.Responsible, m.Status, m.StatusText, m.State, m.PreviousStatus, UpdateStatuses.Text(m.PreviousStatus), m.Change, m.Overdue);
}

/// <summary>A milestone named in a list (overdue, stats awaited); its status and text are under its action.</summary>
public sealed record MilestoneRefDto(int Id, string Code, string? Responsible)
{
    public static MilestoneRefDto From(DashboardMilestone m) => new(m.Id, m.Code, m.Responsible);
}

public sealed record DashboardActionDto(int Id, string Number, string Text, DerivedStatus Status, string StatusText, IReadOnlyList<DashboardMilestoneDto> Milestones);

public sealed record DashboardPriorityDto(
    int Id, int Number, PriorityKind Kind, string Name, DerivedStatus Status, string StatusText, int Milestones,
    IReadOnlyList<StatusCountDto> Counts, IReadOnlyList<MilestoneRefDto> Overdue, IReadOnlyList<MilestoneRefDto> StatsAwaited,
    ChangeSummary Change, IReadOnlyList<TrendPointDto> Trend, IReadOnlyList<DashboardActionDto> Actions)
{
    /// <summary>Indicators linked to the priority or its milestones, each with its latest value, target, status and why.</summary>
    public IReadOnlyList<global::SaferPlan.Indicators.LinkedIndicatorDto> Indicators { get; init; } = [];
}

public sealed record DashboardDto(
    string Period, string Display, int? EditionId, string? Edition, string RollUpRule, string PriorityRule, string ChangeRule,
    RoundDto? Round, bool DeadlinePassed, int Milestones, IReadOnlyList<StatusCountDto> Counts, ChangeSummary Change,
    IReadOnlyList<TrendPointDto> Trend, IReadOnlyList<DashboardPriorityDto> Priorities)
{
    public static DashboardDto From(Dashboard d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(
            d.Period.Slug,
            d.Period.Display,
            d.EditionId,
            d.EditionTitle,
            Dashboard.RollUpRule,
            Dashboard.PriorityRule,
            Dashboard.ChangeRule,
            RoundDto.From(d.Round),
            d.DeadlinePassed,
            d.MilestoneCount,
            StatusCountDto.From(d.Counts),
            d.Change,
            TrendPointDto.From(d.Trend),
            d.Priorities.Select(p => new DashboardPriorityDto(
                p.Id, p.Number, p.Kind, p.Name, p.Status, p.StatusText, p.MilestoneCount,
                StatusCountDto.From(p.Counts),
                p.Overdue.Select(MilestoneRefDto.From).ToList(),
                p.StatsAwaited.Select(MilestoneRefDto.From).ToList(),
                p.Change,
                TrendPointDto.From(p.Trend),
                p.Actions.Select(a => new DashboardActionDto(a.Id, a.Number, a.Text, a.Status, a.StatusText, a.Milestones.Select(DashboardMilestoneDto.From).ToList())).ToList())
                {
                    Indicators = p.Indicators.Select(global::SaferPlan.Indicators.LinkedIndicatorDto.From).ToList(),
                })
            .ToList());
    }
}
