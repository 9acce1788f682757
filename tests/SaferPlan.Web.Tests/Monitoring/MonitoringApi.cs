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

/// <summary>A quarter's update of a milestone, from /api/milestones/{id}/updates[/{period}] and as saved; <c>actionUpdateId</c> when written for its whole action.</summary>
internal sealed record MilestoneUpdateJson(
    int Id, int MilestoneId, string Period, string? Progress, string? Value, string? Status, string State, string Author, string Marking, int Version,
    int? ActionUpdateId);

/// <summary>What PUT /api/actions/{id}/updates/{period} saves: one update covering the action's milestones.</summary>
internal sealed record ActionUpdateJson(int Id, int ActionId, string Period, IReadOnlyList<int> Milestones, int Version);

/// <summary>What POST /api/updates/{id}/review gives back: the update's new state and version.</summary>
internal sealed record ReviewedUpdateJson(int Id, string State, int Version);

/// <summary>A quarter's update round: when it closes.</summary>
internal sealed record RoundJson(string Period, string Deadline, int Version);

/// <summary>A task group's quarterly report, from /api/partnerships/{slug}/periods/{period}/task-group-reports and /api/task-group-reports/{id}.</summary>
internal sealed record TaskGroupReportJson(
    int Id, string Period, string Title, int? PriorityId, string? LeadOfficerName, int? LeadOfficerId, string? Achievements, string AchievementsMarking,
    IReadOnlyList<FigureTableJson> Figures, int Version);

/// <summary>A table of figures: its rows' values per column, the year to date per row and column when kept, and its marking.</summary>
internal sealed record FigureTableJson(
    string Title, IReadOnlyList<string> Columns, IReadOnlyList<FigureRowJson> Rows, IReadOnlyList<IReadOnlyList<decimal?>>? YearToDate, string Marking, bool Chart);

internal sealed record FigureRowJson(string Label, IReadOnlyList<decimal?> Values, IReadOnlyList<decimal?>? YearToDate);

/// <summary>A partner briefing, written once by a county body and shared into its partnerships.</summary>
internal sealed record BriefingJson(
    int Id, string Period, string Title, string? Sections, IReadOnlyList<FigureValueJson> Figures, string? Risks, string Marking, int Version, string? ToLine);

internal sealed record FigureValueJson(string? Label, decimal? Value);

/// <summary>GET/POST/DELETE /api/partnerships/{slug}/periods/{period}/publication: whether visitors see the quarter, and who said so.</summary>
internal sealed record PublicationJson(
    int? Id, string Period, bool Published, DateTimeOffset? PublishedAt, string? PublishedBy, DateTimeOffset? WithdrawnAt, string? WithdrawnBy, int Version);

/// <summary>A plan priority as created or read at /api/priorities/{id}: only what the marking tests look at.</summary>
internal sealed record PriorityItemJson(int Id, int Number, string Kind, string Title, string Marking, int Version) : Plans.IItemJson;

/// <summary>A plan action as created or read at /api/actions/{id}.</summary>
internal sealed record ActionItemJson(int Id, int PriorityId, string Number, string Text, string Marking, int Version) : Plans.IItemJson;

/// <summary>A milestone as created or read at /api/milestones/{id}.</summary>
internal sealed record MilestoneItemJson(int Id, int ActionId, string Code, string Text, string MeasurementKind, string Marking, int Version) : Plans.IItemJson;

/// <summary>Any plan item's marking and version, for a check that needs only those.</summary>
internal sealed record MarkedItemJson(int Id, string Marking, int Version) : Plans.IItemJson;
