namespace SaferPlan.Core.Monitoring;

/// <summary>One milestone due an update in a quarter, with who answers for it, this quarter's update and last quarter's.</summary>
/// <param name="Refusal">Why the user may not write this update (see <see cref="Permissions.UpdateRefusal"/>); null when they may.</param>
public sealed record UpdateSlot(Milestone Milestone, Person? Responsible, MilestoneUpdate? Current, MilestoneUpdate? Previous, string? Refusal)
{
    public bool CanUpdate => Refusal is null;

    public PlanAction Action => Milestone.Action;

    public Priority Priority => Milestone.Action.Priority;

    /// <summary>
    /// This quarter's progress says word for word what last quarter's said (spaces and line breaks aside): the form starts
    /// from last quarter's text, so a reviewer is told when it was sent back unchanged.
    /// </summary>
    public bool RepeatsLastQuarter =>
        Current?.Progress is { Length: > 0 } now && Previous?.Progress is { Length: > 0 } before && Words(now) == Words(before);

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

public sealed record CompletenessLine(string Name, int Expected, int Submitted, int Accepted, int Returned)
{
    public int Missing => Expected - Submitted - Accepted - Returned;
}

public sealed record Completeness(
    ReportingPeriod Period,
    CollectionRound? Round,
    CompletenessLine Total,
    IReadOnlyList<CompletenessLine> ByPriority,
    IReadOnlyList<CompletenessLine> ByAgency,
    IReadOnlyList<CompletenessLine> ByLead,
    IReadOnlyList<UpdateSlot> NotReported);

/// <summary>
/// A quarterly update as checked: its progress, the milestone's value read as the milestone is measured (yes or no, a
/// number, or words), its status and marking, and whether it is submitted or kept as a draft.
/// </summary>
public sealed record UpdateFields(
    string? Progress, bool? YesNoValue, decimal? NumberValue, string? TextValue, UpdateStatus? Status, ProtectiveMarking Marking, bool Submit);

/// <summary>
/// Why lead officers can no longer change a quarter's updates: <paramref name="Published"/> when its report is public,
/// else its lock date has passed; <paramref name="Why"/> in words that follow "2010/11 Q4 was" ("published on 20 April
/// 2011 09:30", "locked on 15 April 2011").
/// </summary>
public sealed record QuarterClosed(bool Published, string Why);

/// <summary>A quarter's round as checked: when updates are due, and when the quarter locks (null: it does not).</summary>
public sealed record RoundDates(DateOnly Deadline, DateOnly? LockOn);

/// <summary>Quarterly updates: opening a quarter, writing, submitting, reviewing, and seeing who has not reported.</summary>
public sealed class UpdateService(SaferPlanDbContext db, TimeProvider time, PublicationService publications)
{
    private const int ProgressLength = 8000;
    private const int TextValueLength = 4000;

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The quarterly updates of milestones the plan is about to delete, loaded now; the step returned removes them, each
    /// through the audit trail, inside the plan edit's own save.
    /// </summary>
    public async Task<Action> RemovalOfUpdatesAsync(IEnumerable<int> milestoneIds, CancellationToken ct = default)
    {
        var ids = milestoneIds.ToList();
        var updates = await db.Set<MilestoneUpdate>().Where(u => ids.Contains(u.MilestoneId)).ToListAsync(ct);
        return () => db.RemoveRange(updates);
    }

    public Task<CollectionRound?> RoundAsync(int partnershipId, ReportingPeriod period, CancellationToken ct = default) =>
        db.Set<CollectionRound>().AsNoTracking().FirstOrDefaultAsync(r => r.PartnershipId == partnershipId && r.Period == period, ct);

    public async Task<IReadOnlyList<CollectionRound>> RoundsAsync(int partnershipId, CancellationToken ct = default) =>
        (await db.Set<CollectionRound>().AsNoTracking().Where(r => r.PartnershipId == partnershipId).ToListAsync(ct))
            .OrderByDescending(r => r.Period).ToList();

    /// <summary>
    /// Why lead officers can no longer change a quarter's updates: its report is published (what the Board and the public
    /// read stays as published), or its lock date has passed; null while it is open to them. Support officers may still
    /// change them.
    /// </summary>
    public async Task<QuarterClosed?> ClosedToLeadsAsync(int partnershipId, ReportingPeriod period, CancellationToken ct = default) =>
        Closure(await publications.PublicationAsync(partnershipId, period, ct), await RoundAsync(partnershipId, period, ct));

    /// <summary>Every quarter the partnership has opened, newest first, each with why it is closed to lead officers (null while it is open to them).</summary>
    public async Task<IReadOnlyList<(CollectionRound Round, QuarterClosed? Closed)>> RoundsWithClosuresAsync(int partnershipId, CancellationToken ct = default)
    {
        var published = await db.Set<QuarterPublication>().AsNoTracking().Where(p => p.PartnershipId == partnershipId).ToListAsync(ct);
        return (await RoundsAsync(partnershipId, ct)).Select(r => (r, Closure(published.FirstOrDefault(p => p.Period == r.Period), r))).ToList();
    }

    private QuarterClosed? Closure(QuarterPublication? publication, CollectionRound? round) =>
        publication is { IsPublished: true }
            ? new QuarterClosed(true, $"published on {Dates.Display(publication.PublishedAt)}")
            : round?.IsLocked(Today) == true ? new QuarterClosed(false, $"locked on {Dates.Display(round.LockOn!.Value)}") : null;

    /// <summary>Opens a quarter for updates with a deadline, or changes the deadline of an open one.</summary>
    public async Task<EditResult<CollectionRound>> OpenRoundAsync(int partnershipId, ReportingPeriod period, DateOnly? deadline, DateOnly? lockOn, UserContext user, CancellationToken ct = default)
    {
        if (!Permissions.CanManageRounds(user, partnershipId))
        {
            return EditResult<CollectionRound>.Forbidden("Only the partnership's support officers and administrators can open a quarter for updates.");
        }

        var checkedRound = CheckRound(period, deadline, lockOn);
        if (checkedRound.Succeeded && await EditionForAsync(partnershipId, period, ct) is null)
        {
            checkedRound = checkedRound.WithError("Period", $"There is no plan edition for {period.FinancialYear.Display} to report against");
        }

        if (checkedRound.Refused(out var due, out EditResult<CollectionRound>? invalid))
        {
            return invalid;
        }

        var round = await db.Set<CollectionRound>().FirstOrDefaultAsync(r => r.PartnershipId == partnershipId && r.Period == period, ct);
        if (round is null)
        {
            round = new CollectionRound { PartnershipId = partnershipId, Period = period, OpenedOn = Today, OpenedBy = user.Name };
            db.Add(round);
        }

        round.Deadline = due.Deadline;
        round.LockOn = due.LockOn;
        db.AuditPartnershipId = partnershipId;
        await db.SaveChangesAsync(ct);
        return EditResult<CollectionRound>.Ok(round);
    }

    /// <summary>
    /// What is wrong with a quarter's round as asked for, every error at once, without looking at what is saved; a quarter
    /// the form could not read (null) is that box's own error. Updates cannot be due before the quarter has begun.
    /// </summary>
    public static EditResult<RoundDates> CheckRound(ReportingPeriod? period, DateOnly? deadline, DateOnly? lockOn)
    {
        var check = new FieldCheck();
        if (period is { IsWholeYear: true })
        {
            check.Add("Period", "Choose a quarter, like 2010/11 Q4, not a whole year");
        }

        var due = check.Given("Deadline", deadline, "Enter the date updates are due");
        if (!check.Failed("Deadline") && period is { IsWholeYear: false } quarter && due < quarter.Start)
        {
            check.Add("Deadline", $"The date updates are due must be on or after {Dates.Display(quarter.Start)}, when {quarter.Display} starts");
        }
        else if (!check.Failed("Deadline") && lockOn < due)
        {
            check.Add("LockOn", "The lock date must be on or after the deadline");
        }

        return check.Result(() => new RoundDates(due, lockOn));
    }

    /// <summary>The edition a quarter is reported against: the approved edition for its financial year, else the latest for that year.</summary>
    public async Task<PlanEdition?> EditionForAsync(int partnershipId, ReportingPeriod period, CancellationToken ct = default)
    {
        var editions = await db.Editions.AsNoTracking()
            .Where(e => e.Plan.PartnershipId == partnershipId && e.YearStart == period.StartYear)
            .ToListAsync(ct);
        return editions.OrderByDescending(e => e.Status == EditionStatus.Approved).ThenByDescending(e => e.Id).FirstOrDefault();
    }

    /// <summary>Every milestone due an update in the quarter, with this quarter's and last quarter's updates.</summary>
    public async Task<IReadOnlyList<UpdateSlot>> SlotsAsync(int partnershipId, ReportingPeriod period, UserContext user, CancellationToken ct = default)
    {
        var edition = await EditionForAsync(partnershipId, period, ct);
        if (edition is null)
        {
            return [];
        }

        var milestones = await db.Milestones.AsNoTracking()
            .Include(m => m.LeadOfficer)
            .Include(m => m.Action).ThenInclude(a => a.LeadOfficer)
            .Include(m => m.Action).ThenInclude(a => a.Priority).ThenInclude(p => p.LeadOfficer)
            .Where(m => m.Action.Priority.EditionId == edition.Id)
            .ToListAsync(ct);
        var ids = milestones.Select(m => m.Id).ToList();
        var previous = period.Previous;
        var updates = await db.Set<MilestoneUpdate>().AsNoTracking()
            .Where(u => ids.Contains(u.MilestoneId) && (u.Period == period || u.Period == previous))
            .ToListAsync(ct);
        var closed = await ClosedToLeadsAsync(partnershipId, period, ct);
        var restricted = Permissions.CanSeeRestricted(user, partnershipId);

        return milestones
            .Where(m => restricted || (m.Marking == ProtectiveMarking.Official && m.Action.Marking == ProtectiveMarking.Official && m.Action.Priority.Marking == ProtectiveMarking.Official))
            .OrderBy(m => m.Action.Priority.SortOrder).ThenBy(m => m.Action.SortOrder).ThenBy(m => m.SortOrder)
            .Select(m => new UpdateSlot(
                m,
                Responsible(m),
                updates.FirstOrDefault(u => u.MilestoneId == m.Id && u.Period == period),
                updates.FirstOrDefault(u => u.MilestoneId == m.Id && u.Period == previous),
                Permissions.UpdateRefusal(user, partnershipId, m.Action.Priority, m.Action, m, period, closed)))
            .ToList();
    }

    /// <summary>The person who answers for a milestone: its own lead officer, else its action's, else its priority's.</summary>
    public static Person? Responsible(Milestone m) => m.LeadOfficer ?? m.Action?.LeadOfficer ?? m.Action?.Priority?.LeadOfficer;

    public async Task<Completeness> CompletenessAsync(int partnershipId, ReportingPeriod period, UserContext user, CancellationToken ct = default)
    {
        var slots = await SlotsAsync(partnershipId, period, user, ct);
        static CompletenessLine Line(string name, IEnumerable<UpdateSlot> group)
        {
            var list = group.ToList();
            return new CompletenessLine(
                name,
                list.Count,
                list.Count(s => s.Current?.State == UpdateState.Submitted),
                list.Count(s => s.Current?.State == UpdateState.Accepted),
                list.Count(s => s.Current?.State == UpdateState.Returned));
        }

        return new Completeness(
            period,
            await RoundAsync(partnershipId, period, ct),
            Line("All milestones", slots),
            slots.GroupBy(s => s.Priority.Id).Select(g => Line(PriorityName(g.First().Priority), g)).ToList(),
            slots.GroupBy(LeadAgencyOf(await AgenciesAsync(partnershipId, ct))).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase).Select(g => Line(g.Key, g)).ToList(),
            slots.GroupBy(s => s.Responsible?.Name ?? "No lead officer named").OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase).Select(g => Line(g.Key, g)).ToList(),
            slots.Where(s => s.Current is null or { State: UpdateState.Draft or UpdateState.Returned }).ToList());
    }

    private async Task<IReadOnlyList<Agency>> AgenciesAsync(int partnershipId, CancellationToken ct) =>
        await db.Set<Agency>().AsNoTracking().Where(a => a.Partnerships.Any(p => p.Id == partnershipId)).ToListAsync(ct);

    /// <summary>
    /// The agency a milestone's lead is counted under: the partnership's agency its lead agency text
    /// (<see cref="MilestoneLead.AgencyText"/>: never only its lead officer's name) begins with ("Police – CI Dave Sargent" is
    /// Police; the longest name wins, so "SCDC Housing" is not "SCDC"), else the agency of the person who answers for it, else
    /// the lead agency text as written, else "No lead agency named".
    /// </summary>
    public static Func<UpdateSlot, string> LeadAgencyOf(IReadOnlyList<Agency> agencies)
    {
        var names = agencies
            .SelectMany(a => new[] { (Text: a.ShortName, Agency: a), (Text: a.Name, Agency: a) })
            .OrderByDescending(n => n.Text.Length)
            .ToList();
        return slot =>
        {
            var text = MilestoneLead.AgencyText(slot.Milestone);
            if (!string.IsNullOrEmpty(text)
                && names.FirstOrDefault(n => text.StartsWith(n.Text, StringComparison.OrdinalIgnoreCase)
                    && (text.Length == n.Text.Length || !char.IsLetterOrDigit(text[n.Text.Length]))) is { Agency: { } named })
            {
                return named.ShortName;
            }

            if (slot.Responsible?.AgencyId is { } agencyId && agencies.FirstOrDefault(a => a.Id == agencyId) is { } own)
            {
                return own.ShortName;
            }

            return string.IsNullOrEmpty(text) ? "No lead agency named" : text;
        };
    }

    public static string PriorityName(Priority p) => p.Kind == PriorityKind.Priority ? $"Priority {p.Number}: {p.Title}" : p.Title;

    /// <summary>
    /// Every update of a milestone this reader may see, newest quarter first. Members of the partnership see every update,
    /// drafts and reviewers' comments included; anyone else sees only the accepted, Official updates of published quarters,
    /// with no reviewer's comment.
    /// </summary>
    public async Task<IReadOnlyList<MilestoneUpdate>> HistoryAsync(int milestoneId, int partnershipId, UserContext reader, CancellationToken ct = default)
    {
        var updates = await db.Set<MilestoneUpdate>().AsNoTracking().Where(u => u.MilestoneId == milestoneId).ToListAsync(ct);
        foreach (var u in updates)
        {
            // Updates written before people had display names recorded the e-mail address; show the name part only.
            u.AuthorName = EmailAddresses.Hide(u.AuthorName)!;
            u.ReviewerName = EmailAddresses.Hide(u.ReviewerName);
        }

        if (Permissions.CanSeeUnpublished(reader, partnershipId))
        {
            return updates.OrderByDescending(u => u.Period).ToList();
        }

        var published = (await publications.PublishedAsync(partnershipId, ct)).ToHashSet();
        return updates
            .Where(u => u.State == UpdateState.Accepted && u.Marking == ProtectiveMarking.Official && published.Contains(u.Period))
            .Select(u =>
            {
                u.ReviewComment = null;
                return u;
            })
            .OrderByDescending(u => u.Period).ToList();
    }

    /// <summary>Writes (or rewrites) a milestone's update for a quarter; <paramref name="expectedVersion"/> is 0 for a first update.</summary>
    public async Task<EditResult<MilestoneUpdate>> SaveAsync(int milestoneId, ReportingPeriod period, UpdateInput input, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        var milestone = await db.Milestones.Include(m => m.Action).ThenInclude(a => a.Priority).ThenInclude(p => p.Edition).ThenInclude(e => e.Plan)
            .FirstOrDefaultAsync(m => m.Id == milestoneId, ct);
        if (milestone is null || !Permissions.CanReadEdition(user, milestone.Action.Priority.Edition, milestone.Action.Priority.Edition.Plan.PartnershipId))
        {
            return EditResult<MilestoneUpdate>.NotFound($"There is no milestone {milestoneId}.");
        }

        var partnershipId = milestone.Action.Priority.Edition.Plan.PartnershipId;
        if (period.IsWholeYear)
        {
            return EditResult<MilestoneUpdate>.Invalid("Period", "Updates are for a quarter, like 2010/11 Q4");
        }

        if (Permissions.UpdateRefusal(user, partnershipId, milestone.Action.Priority, milestone.Action, milestone, period, await ClosedToLeadsAsync(partnershipId, period, ct)) is { } refusal)
        {
            return EditResult<MilestoneUpdate>.Forbidden(refusal);
        }

        var update = await db.Set<MilestoneUpdate>().FirstOrDefaultAsync(u => u.MilestoneId == milestoneId && u.Period == period, ct);
        if (Stale(update, expectedVersion, milestone, period) is { } stale)
        {
            return EditResult<MilestoneUpdate>.Conflict(stale);
        }

        if (update is not null && !Permissions.MayChangeMarking(user, partnershipId, update.Marking, input.Marking))
        {
            return EditResult<MilestoneUpdate>.Invalid(nameof(input.Marking), Permissions.LowerMarkingRefused);
        }

        if (Check(milestone.MeasurementKind, input).Refused(out var fields, out EditResult<MilestoneUpdate>? invalid))
        {
            return invalid;
        }

        if (update is null)
        {
            update = new MilestoneUpdate { MilestoneId = milestoneId, Period = period, AuthorName = user.Name };
            db.Add(update);
        }
        else
        {
            db.Entry(update).Property(u => u.Version).OriginalValue = expectedVersion;
        }

        // Reporting on the milestone alone takes it out of its action's update; the action's update is changed by that too.
        if (update.ActionUpdateId is { } groupId && await db.Set<ActionUpdate>().FindAsync([groupId], ct) is { } group)
        {
            update.ActionUpdateId = null;
            group.UpdatedAt = time.GetUtcNow();
        }

        Apply(update, fields, user, time.GetUtcNow());
        return await SaveChangesAsync(update, partnershipId, ct);
    }

    /// <summary>The action-level update of an action for a quarter, or null when its milestones are reported on alone.</summary>
    public Task<ActionUpdate?> ActionUpdateAsync(int actionId, ReportingPeriod period, CancellationToken ct = default) =>
        db.Set<ActionUpdate>().AsNoTracking().FirstOrDefaultAsync(g => g.ActionId == actionId && g.Period == period, ct);

    /// <summary>
    /// The action-level update of an action for a quarter and the updates of the milestones it covers (tracked, for a
    /// change), or null when the action has none.
    /// </summary>
    private async Task<(ActionUpdate Group, List<MilestoneUpdate> Covered)?> GroupAsync(int actionId, ReportingPeriod period, CancellationToken ct)
    {
        var group = await db.Set<ActionUpdate>().FirstOrDefaultAsync(g => g.ActionId == actionId && g.Period == period, ct);
        return group is null ? null : (group, await db.Set<MilestoneUpdate>().Where(u => u.ActionUpdateId == group.Id).ToListAsync(ct));
    }

    /// <summary>
    /// Writes (or rewrites) an update of an action as a whole for a quarter: one progress text, status and marking for the
    /// milestones it covers, each of which counts as reported. A milestone that had an update of its own joins the
    /// action's; one left out since the last save loses the action's words. <paramref name="expectedVersion"/> is the
    /// action update's version, 0 for a first one. Measured values stay with each milestone's own update.
    /// </summary>
    public async Task<EditResult<ActionUpdate>> SaveActionAsync(int actionId, ReportingPeriod period, IReadOnlyCollection<int> milestoneIds, UpdateInput input, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        var action = await db.Actions.Include(a => a.Milestones).Include(a => a.Priority).ThenInclude(p => p.Edition).ThenInclude(e => e.Plan)
            .FirstOrDefaultAsync(a => a.Id == actionId, ct);
        if (action is null || !Permissions.CanReadEdition(user, action.Priority.Edition, action.Priority.Edition.Plan.PartnershipId))
        {
            return EditResult<ActionUpdate>.NotFound($"There is no action {actionId}.");
        }

        var partnershipId = action.Priority.Edition.Plan.PartnershipId;
        if (period.IsWholeYear)
        {
            return EditResult<ActionUpdate>.Invalid("Period", "Updates are for a quarter, like 2010/11 Q4");
        }

        var closed = await ClosedToLeadsAsync(partnershipId, period, ct);
        var covered = action.Milestones.Where(m => milestoneIds.Contains(m.Id)).OrderBy(m => m.SortOrder).ThenBy(m => m.Id).ToList();
        foreach (var m in covered.Count > 0 ? covered : action.Milestones)
        {
            if (Permissions.UpdateRefusal(user, partnershipId, action.Priority, action, m, period, closed) is { } refusal)
            {
                return EditResult<ActionUpdate>.Forbidden(refusal);
            }
        }

        var existing = await GroupAsync(actionId, period, ct);
        if (StaleGroup(existing, expectedVersion, action, period) is { } stale)
        {
            return EditResult<ActionUpdate>.Conflict(stale);
        }

        var ids = covered.Select(m => m.Id).ToList();
        var own = await db.Set<MilestoneUpdate>().Where(u => ids.Contains(u.MilestoneId) && u.Period == period).ToListAsync(ct);
        var checkedUpdate = CheckAction(action, milestoneIds, input);
        var kept = own.Concat(existing?.Covered ?? []).Where(u => !Permissions.MayChangeMarking(user, partnershipId, u.Marking, input.Marking))
            .Select(u => u.MilestoneId).ToHashSet();
        if (kept.Count > 0)
        {
            var codes = action.Milestones.Where(m => kept.Contains(m.Id)).OrderBy(m => m.SortOrder).Select(m => m.Code);
            checkedUpdate = checkedUpdate.WithError(nameof(input.Marking), $"{Permissions.LowerMarkingRefused} (the update of {string.Join(", ", codes)} is Restricted)");
        }

        if (checkedUpdate.Refused(out var fields, out EditResult<ActionUpdate>? invalid))
        {
            return invalid;
        }

        var group = ApplyGroup(existing, actionId, period, covered, own, fields, expectedVersion, user);
        return await db.SaveEditAsync(group, null, new EditSave(partnershipId, "update")
        {
            Concurrent = "Someone else saved this update while you were writing yours. Your update has not been saved: reload to see theirs, then make your changes again.",
            Clash = $"Someone else saved an update for action {action.Number} in {period.Display} while you were writing yours. Your update has not been saved: reload to see theirs, then make your changes again.",
        }, ct);
    }

    /// <summary>Why an action update written from <paramref name="expectedVersion"/> (0 for a first one) is out of date, or null.</summary>
    private static string? StaleGroup((ActionUpdate Group, List<MilestoneUpdate> Covered)? existing, int expectedVersion, PlanAction action, ReportingPeriod period)
    {
        if (existing is null ? expectedVersion == 0 : existing.Value.Group.Version == expectedVersion)
        {
            return null;
        }

        if (existing is null)
        {
            return "This update has been deleted since you opened it. Your change has not been saved.";
        }

        var last = existing.Value.Covered.FirstOrDefault() is { } covered ? LastChange(covered) : (Who: "Someone else", At: existing.Value.Group.UpdatedAt, How: "changed");
        return expectedVersion == 0
            ? $"{last.Who} saved an update for action {action.Number} in {period.Display} while you were writing yours. Your update has not been saved: reload to see theirs, then make your changes again."
            : $"This update was {last.How} by {last.Who} at {Dates.Display(last.At)} UTC after you opened it. Your update has not been saved: reload to see theirs, then make your changes again.";
    }

    /// <summary>
    /// Writes the action update (new, or checked against <paramref name="expectedVersion"/>) onto the milestones it covers;
    /// a milestone no longer covered loses the action's words.
    /// </summary>
    private ActionUpdate ApplyGroup((ActionUpdate Group, List<MilestoneUpdate> Covered)? existing, int actionId, ReportingPeriod period,
        List<Milestone> covered, List<MilestoneUpdate> own, UpdateFields fields, int expectedVersion, UserContext user)
    {
        var ids = covered.Select(m => m.Id).ToList();
        var now = time.GetUtcNow();
        var group = existing?.Group;
        if (group is null)
        {
            group = new ActionUpdate { ActionId = actionId, Period = period };
            db.Add(group);
        }
        else
        {
            db.Entry(group).Property(g => g.Version).OriginalValue = expectedVersion;
        }

        group.UpdatedAt = now;
        // A milestone no longer covered keeps no copy of the action's words: it is reported on again, alone or not at all.
        db.RemoveRange((existing?.Covered ?? []).Where(u => !ids.Contains(u.MilestoneId)));
        foreach (var m in covered)
        {
            var update = own.FirstOrDefault(u => u.MilestoneId == m.Id);
            if (update is null)
            {
                update = new MilestoneUpdate { MilestoneId = m.Id, Period = period, AuthorName = user.Name };
                db.Add(update);
            }

            update.ActionUpdate = group;
            // An action's update has words for the whole action; each milestone keeps the value it was given on its own.
            Apply(update, fields with { YesNoValue = update.YesNoValue, NumberValue = update.NumberValue, TextValue = update.TextValue }, user, now);
        }

        return group;
    }

    /// <summary>Why an update written from <paramref name="expectedVersion"/> (0 for a first one) is out of date, or null.</summary>
    private static string? Stale(MilestoneUpdate? update, int expectedVersion, Milestone milestone, ReportingPeriod period)
    {
        if (update is null)
        {
            return expectedVersion == 0 ? null : "This update has been deleted since you opened it. Your change has not been saved.";
        }

        var last = LastChange(update);
        return update.Version == expectedVersion ? null
            : expectedVersion == 0
                ? $"{last.Who} saved an update for milestone {milestone.Code} in {period.Display} while you were writing yours. Your update has not been saved: reload to see theirs, then make your changes again."
                : $"This update was {last.How} by {last.Who} at {Dates.Display(last.At)} UTC after you opened it. Your update has not been saved: reload to see theirs, then make your changes again.";
    }

    /// <summary>
    /// Who last changed an update, when, and how: its review ("accepted", "returned") when that came after its writing, else
    /// its author's change. A conflict names them, not always the author (who may be the very person refused).
    /// </summary>
    private static (string Who, DateTimeOffset At, string How) LastChange(MilestoneUpdate update) =>
        update is { ReviewedAt: { } reviewedAt, ReviewerName: { } reviewer } && reviewedAt >= update.UpdatedAt
            ? (reviewer, reviewedAt, update.State switch { UpdateState.Accepted => "accepted", UpdateState.Returned => "returned", _ => "changed" })
            : (update.AuthorName, update.UpdatedAt, "changed");

    private void Apply(MilestoneUpdate update, UpdateFields fields, UserContext user, DateTimeOffset now)
    {
        db.Write(update, fields, nameof(fields.Submit));
        update.AuthorId = user.UserId;
        update.AuthorName = user.Name;
        update.UpdatedAt = now;
        if (fields.Submit)
        {
            update.State = UpdateState.Submitted;
            update.SubmittedAt = now;
        }
        else if (update.State is not UpdateState.Returned)
        {
            update.State = UpdateState.Draft;
        }
    }

    /// <summary>The support officer accepts an update, or returns it to its author with a comment.</summary>
    public async Task<EditResult<MilestoneUpdate>> ReviewAsync(int updateId, bool accept, string? comment, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        var update = await db.Set<MilestoneUpdate>()
            .Include(u => u.Milestone).ThenInclude(m => m.Action).ThenInclude(a => a.Priority).ThenInclude(p => p.Edition).ThenInclude(e => e.Plan)
            .FirstOrDefaultAsync(u => u.Id == updateId, ct);
        if (update is null)
        {
            return EditResult<MilestoneUpdate>.NotFound($"There is no update {updateId}.");
        }

        var partnershipId = update.Milestone.Action.Priority.Edition.Plan.PartnershipId;
        if (!Permissions.CanManageRounds(user, partnershipId))
        {
            return EditResult<MilestoneUpdate>.Forbidden("Only the partnership's support officers and administrators can accept or return updates.");
        }

        if (update.Version != expectedVersion)
        {
            var last = LastChange(update);
            return EditResult<MilestoneUpdate>.Conflict($"This update was {last.How} by {last.Who} at {Dates.Display(last.At)} UTC after you opened it. Read it again before you accept or return it.");
        }

        var returnedWith = accept || string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (!accept && returnedWith is null)
        {
            return EditResult<MilestoneUpdate>.Invalid("Comment", "Enter a comment saying what the lead officer needs to change");
        }

        if (update.State is UpdateState.Draft)
        {
            return EditResult<MilestoneUpdate>.Invalid("State", "This update is still a draft: it can be accepted or returned once it is submitted");
        }

        db.Entry(update).Property(u => u.Version).OriginalValue = expectedVersion;
        // An action-level update is reviewed as one: accepting or returning it does so for every milestone it covers.
        var reviewed = update.ActionUpdateId is { } groupId
            ? await db.Set<MilestoneUpdate>().Where(u => u.ActionUpdateId == groupId && u.State != UpdateState.Draft).ToListAsync(ct)
            : [update];
        var now = time.GetUtcNow();
        foreach (var u in reviewed)
        {
            u.State = accept ? UpdateState.Accepted : UpdateState.Returned;
            u.ReviewComment = returnedWith;
            u.ReviewerName = user.Name;
            u.ReviewedAt = now;
        }

        return await SaveChangesAsync(update, partnershipId, ct);
    }

    /// <summary>The version was checked, with wording of the update's own, before the change was made; a save overtaken since meets the same words.</summary>
    /// <summary>A milestone's update as written, checked, every error at once; nothing is saved.</summary>
    public static EditResult<UpdateFields> Check(MeasurementKind kind, UpdateInput input) => Read(new FieldCheck(), kind, input);

    /// <summary>
    /// An update of <paramref name="action"/> (its milestones loaded) as a whole, covering <paramref name="milestoneIds"/>,
    /// checked, every error at once in the order of the form's boxes; nothing is saved. It carries no value of its own.
    /// </summary>
    public static EditResult<UpdateFields> CheckAction(PlanAction action, IReadOnlyCollection<int> milestoneIds, UpdateInput input)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(input);
        var check = new FieldCheck();
        var covered = action.Milestones.Count(m => milestoneIds.Contains(m.Id));
        if (covered == 0 || covered != milestoneIds.Distinct().Count())
        {
            check.Add("Milestones", covered == 0 ? "Select the milestones this update covers" : $"Select only milestones of action {action.Number}");
        }

        return Read(check, MeasurementKind.Text, input with { Value = null });
    }

    private Task<EditResult<MilestoneUpdate>> SaveChangesAsync(MilestoneUpdate update, int partnershipId, CancellationToken ct)
    {
        const string overtaken = "Someone else saved this update while you were writing yours. Your update has not been saved: reload to see theirs, then make your changes again.";
        return db.SaveEditAsync(update, null, new EditSave(partnershipId, "update") { Concurrent = overtaken, Clash = overtaken }, ct);
    }

    /// <summary>An update's boxes read into its fields: a submitted update needs its progress and status, a draft neither.</summary>
    private static EditResult<UpdateFields> Read(FieldCheck check, MeasurementKind kind, UpdateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var progress = input.Submit
            ? check.RequiredText("Progress", input.Progress, ProgressLength, "Enter the progress made this quarter", "The progress")
            : check.OptionalText("Progress", input.Progress, ProgressLength, "The progress");
        if (input.Submit && input.Status is null)
        {
            check.Add("Status", "Select the milestone's status");
        }
        else if (input.Status is { } s && !Enum.IsDefined(s))
        {
            check.Add("Status", "Select one of the statuses listed");
        }

        var marking = check.Chosen("Marking", input.Marking, "Select the protective marking: Official or Restricted");
        var (yesNo, number, text) = ReadValue(check, kind, input.Value);
        return check.Result(() => new UpdateFields(progress, yesNo, number, text, input.Status, marking, input.Submit));
    }

    /// <summary>The milestone's value as its measurement reads it: yes or no, a number, or words; all null when none is given.</summary>
    private static (bool? YesNo, decimal? Number, string? Text) ReadValue(FieldCheck check, MeasurementKind kind, string? written)
    {
        var value = written?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return (null, null, null);
        }

        switch (kind)
        {
            case MeasurementKind.YesNo:
                bool? yesNo = value.ToLowerInvariant() switch { "yes" or "y" or "true" => true, "no" or "n" or "false" => false, _ => null };
                if (yesNo is null)
                {
                    check.Add("Value", "Select yes or no");
                }

                return (yesNo, null, null);
            case MeasurementKind.Text:
                return (null, null, check.Optional("Value", value, TextValueLength, "The value"));
            default:
                var (number, problem) = ReadNumber(kind, value);
                if (problem is not null)
                {
                    check.Add("Value", problem);
                }

                return (null, number, null);
        }
    }

    /// <summary>A count, percentage or amount of money as written (commas, a pound sign or a per cent sign allowed), or what is wrong with it.</summary>
    private static (decimal? Number, string? Problem) ReadNumber(MeasurementKind kind, string value)
    {
        var cleaned = value.Replace(",", "", StringComparison.Ordinal).TrimStart('£').TrimEnd('%').Trim();
        if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return (null, kind switch
            {
                MeasurementKind.Count => "Enter the count as a whole number, like 12",
                MeasurementKind.Percentage => "Enter the percentage as a number from 0 to 100, like 34",
                _ => "Enter the amount in pounds, like 2500 or 625.00",
            });
        }

        return kind switch
        {
            MeasurementKind.Count when n < 0 || n != decimal.Truncate(n) => (null, "Enter the count as a whole number of 0 or more, like 12"),
            MeasurementKind.Percentage when n is < 0 or > 100 => (null, "Enter a percentage from 0 to 100"),
            MeasurementKind.Money when n < 0 || decimal.Round(n, 2) != n => (null, "Enter the amount in pounds and pence, 0 or more, like 625.00"),
            _ => (n, null),
        };
    }
}
