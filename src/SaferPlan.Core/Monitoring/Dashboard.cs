namespace SaferPlan.Core.Monitoring;

/// <summary>The status of an action or a priority, derived from what lies beneath it by <see cref="StatusRollUp.RollUpRule"/>.</summary>
public enum DerivedStatus
{
    NotOnTrack,
    StatsAwaited,
    OnTrack,
    Completed,

    /// <summary>An action with no milestones (or a priority with none beneath it): nothing to derive a status from.</summary>
    NoMilestones,

    /// <summary>Milestones beneath, but not one of them has an update this quarter.</summary>
    NoUpdates,
}

/// <summary>How a milestone's status moved since last quarter, on the order of <see cref="StatusRollUp.Order"/>.</summary>
public enum StatusChange
{
    Same,
    Improved,
    Worse,
}

/// <summary>
/// The one rule by which an action's status is derived from its milestones' and a priority's from its actions',
/// and the order of statuses used to say whether a milestone improved since last quarter.
/// </summary>
public static class StatusRollUp
{
    public const string RollUpRule =
        "No updates if no milestone beneath has an update; otherwise Not on track if any is not on track; otherwise Stats awaited if any is stats awaited or has no update; otherwise Completed if every one is completed or closed; otherwise On track.";

    public const string PriorityRule =
        "A priority's status follows the same rule over its actions' statuses. An action with no milestones has no status and is left out of its priority's. A milestone with no update for the quarter, or only a draft, counts as No update.";

    public const string ChangeRule =
        "Change since last quarter compares each milestone's status with its status last quarter, on this order from worst to best: Not on track, No update, Not started, Stats awaited, On track, Completed or Closed.";

    /// <summary>Every status a milestone can have in a quarter, null being "No update", from worst to best.</summary>
    public static IReadOnlyList<UpdateStatus?> Order { get; } =
    [
        UpdateStatus.NotOnTrack,
        null,
        UpdateStatus.NotStarted,
        UpdateStatus.StatsAwaited,
        UpdateStatus.OnTrack,
        UpdateStatus.Completed,
        UpdateStatus.Closed,
    ];

    /// <summary>An action's status from its milestones' statuses (null for no update).</summary>
    public static DerivedStatus Of(IEnumerable<UpdateStatus?> milestones)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        var any = false;
        var anyUpdate = false;
        var awaited = false;
        var allDone = true;
        foreach (var status in milestones)
        {
            any = true;
            if (status == UpdateStatus.NotOnTrack)
            {
                return DerivedStatus.NotOnTrack;
            }

            anyUpdate |= status is not null;
            awaited |= status is null or UpdateStatus.StatsAwaited;
            allDone &= status is UpdateStatus.Completed or UpdateStatus.Closed;
        }

        return !any ? DerivedStatus.NoMilestones
            : !anyUpdate ? DerivedStatus.NoUpdates
            : awaited ? DerivedStatus.StatsAwaited
            : allDone ? DerivedStatus.Completed
            : DerivedStatus.OnTrack;
    }

    /// <summary>A priority's status from its actions' derived statuses, by the same rule; actions with no milestones are left out.</summary>
    public static DerivedStatus Of(IEnumerable<DerivedStatus> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        return Of(actions.Where(a => a != DerivedStatus.NoMilestones).Select(a => (UpdateStatus?)(a switch
        {
            DerivedStatus.NotOnTrack => UpdateStatus.NotOnTrack,
            DerivedStatus.StatsAwaited => UpdateStatus.StatsAwaited,
            DerivedStatus.Completed => UpdateStatus.Completed,
            DerivedStatus.NoUpdates => null,
            _ => UpdateStatus.OnTrack,
        })));
    }

    /// <summary>The status an update gives its milestone on the dashboard: none when there is no update or only a draft.</summary>
    public static UpdateStatus? Effective(UpdateStatus? status, UpdateState? state) =>
        state is null or UpdateState.Draft ? null : status;

    /// <summary>Where a status stands on <see cref="Order"/>: 0 is worst; Completed and Closed rank together.</summary>
    public static int Rank(UpdateStatus? status) => status switch
    {
        UpdateStatus.NotOnTrack => 0,
        null => 1,
        UpdateStatus.NotStarted => 2,
        UpdateStatus.StatsAwaited => 3,
        UpdateStatus.OnTrack => 4,
        _ => 5,
    };

    public static StatusChange Change(UpdateStatus? previous, UpdateStatus? current) =>
        Rank(current).CompareTo(Rank(previous)) switch
        {
            > 0 => StatusChange.Improved,
            < 0 => StatusChange.Worse,
            _ => StatusChange.Same,
        };

    public static string Text(DerivedStatus status) => status switch
    {
        DerivedStatus.NotOnTrack => "Not on track",
        DerivedStatus.StatsAwaited => "Stats awaited",
        DerivedStatus.OnTrack => "On track",
        DerivedStatus.Completed => "Completed",
        DerivedStatus.NoUpdates => "No updates",
        _ => "No milestones",
    };

    public static string Text(StatusChange change) => change switch
    {
        StatusChange.Improved => "Improved",
        StatusChange.Worse => "Worse",
        _ => "Same",
    };

    /// <summary>The GOV.UK tag modifier for a milestone's status; the tag always carries the status's text too.</summary>
    public static string TagClass(UpdateStatus? status) => status switch
    {
        UpdateStatus.NotOnTrack => "govuk-tag govuk-tag--red",
        UpdateStatus.NotStarted => "govuk-tag govuk-tag--purple",
        UpdateStatus.StatsAwaited => "govuk-tag govuk-tag--yellow",
        UpdateStatus.OnTrack => "govuk-tag govuk-tag--green",
        UpdateStatus.Completed => "govuk-tag",
        UpdateStatus.Closed => "govuk-tag govuk-tag--grey",
        _ => "govuk-tag govuk-tag--orange",
    };

    public static string TagClass(DerivedStatus status) => status switch
    {
        DerivedStatus.NotOnTrack => "govuk-tag govuk-tag--red",
        DerivedStatus.StatsAwaited => "govuk-tag govuk-tag--yellow",
        DerivedStatus.OnTrack => "govuk-tag govuk-tag--green",
        DerivedStatus.Completed => "govuk-tag",
        _ => "govuk-tag govuk-tag--grey",
    };

    /// <summary>The chart colour of a milestone status (the GOV.UK palette colour of its tag).</summary>
    public static string ChartColour(UpdateStatus? status) => status switch
    {
        UpdateStatus.NotOnTrack => "#ca3535",
        UpdateStatus.NotStarted => "#54319f",
        UpdateStatus.StatsAwaited => "#ffdd00",
        UpdateStatus.OnTrack => "#0f7a52",
        UpdateStatus.Completed => "#1d70b8",
        UpdateStatus.Closed => "#484949",
        _ => "#f47738",
    };
}

/// <summary>How many milestones have one status (null status: no update).</summary>
public sealed record StatusCount(UpdateStatus? Status, int Count)
{
    public string Text => UpdateStatuses.Text(Status);

    /// <summary>Counts for every status in <see cref="StatusRollUp.Order"/>, zeros included.</summary>
    public static IReadOnlyList<StatusCount> Of(IEnumerable<UpdateStatus?> statuses)
    {
        var counts = new int[StatusRollUp.Order.Count];
        foreach (var s in statuses)
        {
            counts[IndexOf(s)]++;
        }

        return StatusRollUp.Order.Select((s, i) => new StatusCount(s, counts[i])).ToList();
    }

    /// <summary>Adds up counts made by <see cref="Of"/>, status by status.</summary>
    public static IReadOnlyList<StatusCount> Sum(IEnumerable<IReadOnlyList<StatusCount>> counts)
    {
        var sums = new int[StatusRollUp.Order.Count];
        foreach (var list in counts)
        {
            for (var i = 0; i < sums.Length; i++)
            {
                sums[i] += list[i].Count;
            }
        }

        return StatusRollUp.Order.Select((s, i) => new StatusCount(s, sums[i])).ToList();
    }

    private static int IndexOf(UpdateStatus? status)
    {
        for (var i = 0; i < StatusRollUp.Order.Count; i++)
        {
            if (StatusRollUp.Order[i] == status)
            {
                return i;
            }
        }

        return 1;
    }
}

public sealed record ChangeSummary(int Improved, int Worse, int Same)
{
    public static ChangeSummary Of(IEnumerable<StatusChange> changes)
    {
        int improved = 0, worse = 0, same = 0;
        foreach (var c in changes)
        {
            switch (c)
            {
                case StatusChange.Improved: improved++; break;
                case StatusChange.Worse: worse++; break;
                default: same++; break;
            }
        }

        return new ChangeSummary(improved, worse, same);
    }
}

/// <summary>The milestones by status in one quarter of the financial year.</summary>
public sealed record TrendPoint(ReportingPeriod Period, IReadOnlyList<StatusCount> Counts);

/// <summary>One milestone on the dashboard: its status this quarter and last, and whether its update is overdue.</summary>
public sealed record DashboardMilestone(
    int Id,
    string Code,
    string Text,
    string? Responsible,
    UpdateStatus? Status,
    UpdateState? State,
    UpdateStatus? PreviousStatus,
    StatusChange Change,
    bool Overdue)
{
    public string StatusText => UpdateStatuses.Text(Status);
}

public sealed record DashboardAction(int Id, string Number, string Text, DerivedStatus Status, IReadOnlyList<DashboardMilestone> Milestones)
{
    public string StatusText => StatusRollUp.Text(Status);
}

public sealed record DashboardPriority(
    int Id,
    int Number,
    PriorityKind Kind,
    string Name,
    DerivedStatus Status,
    IReadOnlyList<DashboardAction> Actions,
    IReadOnlyList<StatusCount> Counts,
    IReadOnlyList<DashboardMilestone> Overdue,
    IReadOnlyList<DashboardMilestone> StatsAwaited,
    ChangeSummary Change,
    IReadOnlyList<TrendPoint> Trend)
{
    public string StatusText => StatusRollUp.Text(Status);

    public IEnumerable<DashboardMilestone> Milestones => Actions.SelectMany(a => a.Milestones);

    public int MilestoneCount => Actions.Sum(a => a.Milestones.Count);

    /// <summary>A short name for charts and table rows: "Priority 2", or a mainstreamed area's title.</summary>
    public string ShortName => Kind == PriorityKind.Priority ? $"Priority {Number}" : Name;

    /// <summary>Indicators linked to the priority or its milestones, with their status (filled by <c>IndicatorReader.WithIndicatorsAsync</c>).</summary>
    public IReadOnlyList<global::SaferPlan.Core.Indicators.LinkedIndicator> Indicators { get; init; } = [];
}

/// <summary>A quarter's performance at a glance: statuses rolled up per action and priority, counts, overdue updates, change and trend.</summary>
public sealed record Dashboard(
    ReportingPeriod Period,
    int? EditionId,
    string? EditionTitle,
    CollectionRound? Round,
    DateOnly Today,
    IReadOnlyList<DashboardPriority> Priorities,
    IReadOnlyList<StatusCount> Counts,
    ChangeSummary Change,
    IReadOnlyList<TrendPoint> Trend)
{
    public const string RollUpRule = StatusRollUp.RollUpRule;

    public const string PriorityRule = StatusRollUp.PriorityRule;

    public const string ChangeRule = StatusRollUp.ChangeRule;

    /// <summary>Whether the quarter's deadline for updates has passed (so a missing update is overdue).</summary>
    public bool DeadlinePassed => Round is { } r && Today > r.Deadline;

    public int MilestoneCount => Priorities.Sum(p => p.MilestoneCount);

    public IEnumerable<DashboardMilestone> Overdue => Priorities.SelectMany(p => p.Overdue);
}

/// <summary>Builds the quarterly performance dashboard in one round of queries: the edition, its tree, the year's updates and the round.</summary>
public sealed class DashboardService(SaferPlanDbContext db, UpdateService updates, TimeProvider time)
{
    private sealed record StructureRow(
        int EditionId, string EditionTitle,
        int? Id, int? Number, PriorityKind? Kind, string? Title, int? SortOrder, ProtectiveMarking? Marking, string? Lead,
        int? ActionId, string? ActionNumber, string? ActionText, int? ActionSortOrder, ProtectiveMarking? ActionMarking, string? ActionLead);

    private sealed record MilestoneRow(int Id, int ActionId, string Code, string Text, int SortOrder, ProtectiveMarking Marking, string? Lead);

    private sealed record UpdateRow(int MilestoneId, int Slot, UpdateStatus? Status, UpdateState State);

    /// <summary>The quarters a dashboard reads: Q1 to this quarter, then last quarter (last year's Q4 for a Q1).</summary>
    private const int Slots = 5;

    public async Task<Dashboard> BuildAsync(int partnershipId, ReportingPeriod period, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (period.IsWholeYear)
        {
            throw new ArgumentException("The dashboard is for a quarter, like 2010/11 Q4, not a whole year.", nameof(period));
        }

        // Four queries whatever the size of the plan: the round; the edition with its priorities and actions; the
        // milestones; the year's updates.
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var quarters = Enumerable.Range(1, period.Quarter).Select(q => ReportingPeriod.Of(period.StartYear, q)).ToList();
        var round = await updates.RoundAsync(partnershipId, period, ct);
        var structure = await StructureAsync(partnershipId, period.StartYear, ct);
        if (structure.Count == 0)
        {
            var none = StatusCount.Of([]);
            return new Dashboard(period, null, null, round, today, [], none, new ChangeSummary(0, 0, 0), quarters.Select(q => new TrendPoint(q, none)).ToList());
        }

        var editionId = structure[0].EditionId;
        var milestonesByAction = (await db.Milestones.AsNoTracking()
            .Where(m => m.Action.Priority.EditionId == editionId)
            .Select(m => new MilestoneRow(m.Id, m.ActionId, m.Code, m.Text, m.SortOrder, m.Marking, m.LeadOfficer == null ? null : m.LeadOfficer.Name))
            .ToListAsync(ct)).ToLookup(m => m.ActionId);
        var year = await YearUpdatesAsync(editionId, period, quarters, ct);
        var tree = structure
            .Where(r => r.Id is not null)
            .GroupBy(r => r.Id)
            .Select(g => (Priority: g.First(), Actions: g.Where(r => r.ActionId is not null).OrderBy(r => r.ActionSortOrder).ThenBy(r => r.ActionId).ToList()))
            .OrderBy(p => p.Priority.SortOrder).ThenBy(p => p.Priority.Id)
            .ToList();

        var restricted = Permissions.CanSeeRestricted(user, partnershipId);
        var deadlinePassed = round is { } r && today > r.Deadline;
        var priorities = tree
            .Where(t => restricted || t.Priority.Marking == ProtectiveMarking.Official)
            .Select(t => Priority(t.Priority, t.Actions, milestonesByAction, year, period, quarters, restricted, deadlinePassed))
            .ToList();
        return new Dashboard(
            period,
            editionId,
            structure[0].EditionTitle,
            round,
            today,
            priorities,
            StatusCount.Sum(priorities.Select(p => p.Counts)),
            new ChangeSummary(priorities.Sum(p => p.Change.Improved), priorities.Sum(p => p.Change.Worse), priorities.Sum(p => p.Change.Same)),
            quarters.Select((q, i) => new TrendPoint(q, StatusCount.Sum(priorities.Select(p => p.Trend[i].Counts)))).ToList());
    }

    /// <summary>
    /// The edition's priorities and actions as flat rows (one row for an edition without priorities), the edition chosen as
    /// UpdateService.EditionForAsync does: the approved edition for the financial year, else the latest.
    /// </summary>
    private Task<List<StructureRow>> StructureAsync(int partnershipId, int year, CancellationToken ct)
    {
        var edition = db.Editions
            .Where(e => e.Plan.PartnershipId == partnershipId && e.YearStart == year)
            .OrderByDescending(e => e.Status == EditionStatus.Approved).ThenByDescending(e => e.Id)
            .Select(e => e.Id)
            .Take(1);
        return (
                from e in db.Editions.AsNoTracking().Where(e => edition.Contains(e.Id))
                from p in db.Priorities.AsNoTracking().Where(p => p.EditionId == e.Id).DefaultIfEmpty()
                from a in db.Actions.AsNoTracking().Where(a => p != null && a.PriorityId == p.Id).DefaultIfEmpty()
                select new StructureRow(
                    e.Id, e.Title,
                    p == null ? null : p.Id, p == null ? null : p.Number, p == null ? null : p.Kind, p == null ? null : p.Title,
                    p == null ? null : p.SortOrder, p == null ? null : p.Marking, p == null || p.LeadOfficer == null ? null : p.LeadOfficer.Name,
                    a == null ? null : a.Id, a == null ? null : a.Number, a == null ? null : a.Text, a == null ? null : a.SortOrder,
                    a == null ? null : a.Marking, a == null || a.LeadOfficer == null ? null : a.LeadOfficer.Name))
            .ToListAsync(ct);
    }

    /// <summary>The edition's updates for the year's quarters so far and last quarter, by milestone and quarter.</summary>
    private sealed class YearUpdates(Dictionary<(int, ReportingPeriod), UpdateRow> byKey)
    {
        public UpdateRow? Find(int milestoneId, ReportingPeriod period) => byKey.GetValueOrDefault((milestoneId, period));

        public UpdateStatus? StatusIn(int milestoneId, ReportingPeriod period) =>
            Find(milestoneId, period) is { } u ? StatusRollUp.Effective(u.Status, u.State) : null;
    }

    private async Task<YearUpdates> YearUpdatesAsync(int editionId, ReportingPeriod period, List<ReportingPeriod> quarters, CancellationToken ct)
    {
        // Each update comes back with the index of its quarter in the slots, so no period is parsed per row.
        var slots = quarters.Append(period.Previous).ToList();
        while (slots.Count < Slots)
        {
            slots.Add(period);
        }

        ReportingPeriod s0 = slots[0], s1 = slots[1], s2 = slots[2], s3 = slots[3], s4 = slots[4];
        var rows = await db.Set<MilestoneUpdate>().AsNoTracking()
            .Where(u => u.Milestone.Action.Priority.EditionId == editionId && slots.Contains(u.Period))
            .Select(u => new UpdateRow(
                u.MilestoneId,
                u.Period == s0 ? 0 : u.Period == s1 ? 1 : u.Period == s2 ? 2 : u.Period == s3 ? 3 : 4,
                u.Status,
                u.State))
            .ToListAsync(ct);
        var byKey = new Dictionary<(int, ReportingPeriod), UpdateRow>(rows.Count);
        foreach (var row in rows)
        {
            byKey.TryAdd((row.MilestoneId, slots[row.Slot]), row);
        }

        return new YearUpdates(byKey);
    }

    private static DashboardPriority Priority(
        StructureRow p, List<StructureRow> actionRows, ILookup<int, MilestoneRow> milestonesByAction, YearUpdates year,
        ReportingPeriod period, List<ReportingPeriod> quarters, bool restricted, bool deadlinePassed)
    {
        var actions = new List<DashboardAction>();
        foreach (var a in actionRows.Where(a => restricted || a.ActionMarking == ProtectiveMarking.Official))
        {
            var milestones = milestonesByAction[a.ActionId!.Value]
                .Where(m => restricted || m.Marking == ProtectiveMarking.Official)
                .OrderBy(m => m.SortOrder).ThenBy(m => m.Id)
                .Select(m =>
                {
                    var current = year.Find(m.Id, period);
                    var status = current is null ? null : StatusRollUp.Effective(current.Status, current.State);
                    var previous = year.StatusIn(m.Id, period.Previous);
                    return new DashboardMilestone(
                        m.Id, m.Code, m.Text, m.Lead ?? a.ActionLead ?? p.Lead, status, current?.State, previous,
                        StatusRollUp.Change(previous, status),
                        deadlinePassed && current?.State is not (UpdateState.Submitted or UpdateState.Accepted));
                })
                .ToList();
            actions.Add(new DashboardAction(a.ActionId.Value, a.ActionNumber!, a.ActionText!, StatusRollUp.Of(milestones.Select(m => m.Status)), milestones));
        }

        var all = actions.SelectMany(a => a.Milestones).ToList();
        return new DashboardPriority(
            p.Id!.Value,
            p.Number!.Value,
            p.Kind!.Value,
            p.Kind == PriorityKind.Priority ? $"Priority {p.Number}: {p.Title}" : p.Title!,
            StatusRollUp.Of(actions.Select(a => a.Status)),
            actions,
            StatusCount.Of(all.Select(m => m.Status)),
            all.Where(m => m.Overdue).ToList(),
            all.Where(m => m.Status == UpdateStatus.StatsAwaited).ToList(),
            ChangeSummary.Of(all.Select(m => m.Change)),
            quarters.Select(q => new TrendPoint(q, StatusCount.Of(all.Select(m => year.StatusIn(m.Id, q))))).ToList());
    }
}
