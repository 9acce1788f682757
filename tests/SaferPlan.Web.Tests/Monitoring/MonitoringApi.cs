namespace SaferPlan.Web.Tests.Monitoring;

// The monitoring API's JSON as its tests read it: the tests' own description of the documented contract, kept apart from
// the app's types so a property renamed in the app fails a read (see PlanApi.Contract). Only what tests look at.

/// <summary>GET /api/partnerships/{slug}/periods/{period}/dashboard.</summary>
internal sealed record DashboardJson(
    string Period, string RollUpRule, bool DeadlinePassed, int Milestones, IReadOnlyList<StatusCountJson> Counts, ChangeSummaryJson Change,
    IReadOnlyList<DashboardTrendPointJson> Trend, IReadOnlyList<DashboardPriorityJson> Priorities)
{
    /// <summary>A priority (not a cross-cutting theme) by its number.</summary>
    public DashboardPriorityJson Priority(int number) => Priorities.Single(p => p.Kind == "Priority" && p.Number == number);
}

internal sealed record StatusCountJson(string? Status, string Text, int Count);

internal sealed record ChangeSummaryJson(int Improved, int Worse, int Same);

internal sealed record DashboardTrendPointJson(string Period, IReadOnlyList<StatusCountJson> Counts);

internal sealed record DashboardPriorityJson(
    int Id, int Number, string Kind, string Status, string StatusText, int Milestones, IReadOnlyList<StatusCountJson> Counts,
    IReadOnlyList<MilestoneRefJson> Overdue, IReadOnlyList<DashboardActionJson> Actions, IReadOnlyList<Indicators.LinkedIndicatorJson> Indicators)
{
    public IEnumerable<DashboardMilestoneJson> AllMilestones => Actions.SelectMany(a => a.Milestones);
}

internal sealed record MilestoneRefJson(int Id, string Code);

internal sealed record DashboardActionJson(int Id, string Number, string Status, IReadOnlyList<DashboardMilestoneJson> Milestones);

internal sealed record DashboardMilestoneJson(int Id, string Code, string? Status, string StatusText, bool Overdue);

/// <summary>GET /api/partnerships/{slug}/periods/{period}/completeness.</summary>
internal sealed record CompletenessJson(string Period, RoundJson? Round, CompletenessLineJson Total, IReadOnlyList<CompletenessLineJson> ByPriority, IReadOnlyList<MissingUpdateJson> NotReported);

internal sealed record CompletenessLineJson(string Name, int Expected, int Submitted, int Accepted, int Returned, int Missing);

internal sealed record MissingUpdateJson(int MilestoneId, string Code, string? State);

/// <summary>A quarter's update of a milestone, from /api/milestones/{id}/updates[/{period}] and as saved.</summary>
internal sealed record MilestoneUpdateJson(
    int Id, int MilestoneId, string Period, string? Progress, string? Value, string? Status, string State, string Author, string Marking, int Version);

/// <summary>What POST /api/updates/{id}/review gives back: the update's new state and version.</summary>
internal sealed record ReviewedUpdateJson(int Id, string State, int Version);

/// <summary>A quarter's update round: when it closes.</summary>
internal sealed record RoundJson(string Period, string Deadline, int Version);
