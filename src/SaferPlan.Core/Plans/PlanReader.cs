namespace SaferPlan.Core.Plans;

/// <summary>A plan edition as one reader may see it: restricted items are already left out for those who may not see them.</summary>
public sealed record EditionView(
    Partnership Partnership,
    Plan Plan,
    PlanEdition Edition,
    IReadOnlyList<Priority> Priorities,
    IReadOnlyList<PlanSection> Sections,
    IReadOnlyList<GlossaryEntry> Glossary,
    bool ShowsRestricted);

public sealed record PartnershipView(Partnership Partnership, IReadOnlyList<Plan> Plans);

/// <summary>Reads partnerships and plans for pages and the API, applying who may see what.</summary>
public sealed class PlanReader(SaferPlanDbContext db, TimeProvider time)
{
    /// <summary>
    /// Why lead officers' input window keeps the user from changing <paramref name="edition"/> today (see
    /// <see cref="Permissions.InputWindowRefusal"/>); null when it does not. Forms and the editor ask the same question.
    /// </summary>
    public async Task<string?> InputRefusalAsync(PlanEdition edition, int partnershipId, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(edition);
        if (edition.Status is not (EditionStatus.Draft or EditionStatus.Consultation))
        {
            return null;
        }

        var timeline = await db.Set<RefreshTimeline>().AsNoTracking().FirstOrDefaultAsync(t => t.EditionId == edition.Id, ct);
        return Permissions.InputWindowRefusal(user, partnershipId, edition, timeline, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
    }

    /// <summary>
    /// Why the user cannot change what <paramref name="edition"/> holds today, whoever they are: it was superseded and is
    /// kept as approved (<see cref="Permissions.EditionRefusal"/>), or lead officers' input window is closed to them; null
    /// when neither holds. What an edit form says instead of showing a form whose save would be refused.
    /// </summary>
    public async Task<string?> ChangeRefusalAsync(PlanEdition edition, int partnershipId, UserContext user, CancellationToken ct = default) =>
        Permissions.EditionRefusal(edition) ?? await InputRefusalAsync(edition, partnershipId, user, ct);

    public async Task<IReadOnlyList<Partnership>> PartnershipsAsync(CancellationToken ct = default) =>
        await db.Partnerships.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);

    public Task<Partnership?> PartnershipBySlugAsync(string slug, CancellationToken ct = default) =>
        db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);

    public async Task<PartnershipView?> PartnershipAsync(string slug, UserContext user, CancellationToken ct = default)
    {
        var partnership = await db.Partnerships.AsNoTracking().AsSplitQuery()
            .Include(p => p.Agencies)
            .Include(p => p.Bodies).ThenInclude(b => b.Chair)
            .Include(p => p.Bodies).ThenInclude(b => b.MemberAgencies)
            .FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (partnership is null)
        {
            return null;
        }

        var plans = await db.Plans.AsNoTracking().Where(p => p.PartnershipId == partnership.Id)
            .Include(p => p.Editions).OrderByDescending(p => p.StartYear).ToListAsync(ct);
        foreach (var plan in plans)
        {
            plan.Editions = plan.Editions.Where(e => Permissions.CanReadEdition(user, e, partnership.Id))
                .OrderByDescending(e => e.YearStart).ToList();
        }

        return new PartnershipView(partnership, plans.Where(p => p.Editions.Count > 0).ToList());
    }

    public async Task<EditionView?> EditionAsync(int editionId, UserContext user, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().AsSplitQuery()
            .Include(e => e.Plan).ThenInclude(p => p.Partnership)
            .Include(e => e.Sections)
            .Include(e => e.Glossary)
            .Include(e => e.Priorities).ThenInclude(p => p.LeadOfficer)
            .Include(e => e.Priorities).ThenInclude(p => p.Origins)
            .Include(e => e.Priorities).ThenInclude(p => p.Actions).ThenInclude(a => a.Milestones).ThenInclude(m => m.LeadOfficer)
            .Include(e => e.Priorities).ThenInclude(p => p.Actions).ThenInclude(a => a.LeadOfficer)
            .Include(e => e.Priorities).ThenInclude(p => p.Actions).ThenInclude(a => a.Body)
            .FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null)
        {
            return null;
        }

        var partnership = edition.Plan.Partnership;
        if (!Permissions.CanReadEdition(user, edition, partnership.Id))
        {
            return null;
        }

        var restricted = Permissions.CanSeeRestricted(user, partnership.Id);
        bool Visible(ProtectiveMarking marking) => restricted || marking == ProtectiveMarking.Official;

        var priorities = edition.Priorities.Where(p => Visible(p.Marking)).OrderBy(p => p.SortOrder).ThenBy(p => p.Number).ToList();
        foreach (var priority in priorities)
        {
            priority.Actions = priority.Actions.Where(a => Visible(a.Marking)).OrderBy(a => a.SortOrder).ToList();
            foreach (var action in priority.Actions)
            {
                action.Milestones = action.Milestones.Where(m => Visible(m.Marking)).OrderBy(m => m.SortOrder).ToList();
            }
        }

        return new EditionView(
            partnership,
            edition.Plan,
            edition,
            priorities,
            edition.Sections.Where(s => Visible(s.Marking)).OrderBy(s => s.SortOrder).ToList(),
            edition.Glossary.Where(g => Visible(g.Marking)).OrderBy(g => g.SortOrder).ToList(),
            restricted);
    }

    public async Task<(Priority Priority, int PartnershipId)?> PriorityAsync(int id, UserContext user, CancellationToken ct = default)
    {
        var priority = await db.Priorities.AsNoTracking().AsSplitQuery()
            .Include(p => p.Edition).ThenInclude(e => e.Plan)
            .Include(p => p.LeadOfficer)
            .Include(p => p.Origins)
            .Include(p => p.Actions).ThenInclude(a => a.Milestones).ThenInclude(m => m.LeadOfficer)
            .Include(p => p.Actions).ThenInclude(a => a.LeadOfficer)
            .Include(p => p.Actions).ThenInclude(a => a.Body)
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (priority is null || !Visible(user, priority.Edition, priority.Marking))
        {
            return null;
        }

        var partnershipId = priority.Edition.Plan.PartnershipId;
        var restricted = Permissions.CanSeeRestricted(user, partnershipId);
        priority.Actions = priority.Actions.Where(a => restricted || a.Marking == ProtectiveMarking.Official).OrderBy(a => a.SortOrder).ToList();
        foreach (var action in priority.Actions)
        {
            action.Milestones = action.Milestones.Where(m => restricted || m.Marking == ProtectiveMarking.Official).OrderBy(m => m.SortOrder).ToList();
        }

        return (priority, partnershipId);
    }

    public async Task<(PlanAction Action, int PartnershipId)?> ActionAsync(int id, UserContext user, CancellationToken ct = default)
    {
        var action = await db.Actions.AsNoTracking().AsSplitQuery()
            .Include(a => a.Priority).ThenInclude(p => p.Edition).ThenInclude(e => e.Plan)
            .Include(a => a.LeadOfficer)
            .Include(a => a.Body)
            .Include(a => a.Milestones).ThenInclude(m => m.LeadOfficer)
            .FirstOrDefaultAsync(a => a.Id == id, ct);
        if (action is null || !Visible(user, action.Priority.Edition, action.Priority.Marking, action.Marking))
        {
            return null;
        }

        var partnershipId = action.Priority.Edition.Plan.PartnershipId;
        var restricted = Permissions.CanSeeRestricted(user, partnershipId);
        action.Milestones = action.Milestones.Where(m => restricted || m.Marking == ProtectiveMarking.Official).OrderBy(m => m.SortOrder).ToList();
        return (action, partnershipId);
    }

    public async Task<(Milestone Milestone, int PartnershipId)?> MilestoneAsync(int id, UserContext user, CancellationToken ct = default)
    {
        var milestone = await db.Milestones.AsNoTracking()
            .Include(m => m.Action).ThenInclude(a => a.Priority).ThenInclude(p => p.Edition).ThenInclude(e => e.Plan).ThenInclude(p => p.Partnership)
            .Include(m => m.Action).ThenInclude(a => a.LeadOfficer)
            .Include(m => m.LeadOfficer).ThenInclude(p => p!.Agency)
            .FirstOrDefaultAsync(m => m.Id == id, ct);
        if (milestone is null || !Visible(user, milestone.Action.Priority.Edition, milestone.Action.Priority.Marking, milestone.Action.Marking, milestone.Marking))
        {
            return null;
        }

        return (milestone, milestone.Action.Priority.Edition.Plan.PartnershipId);
    }

    /// <summary>
    /// The amendments made to an edition since its approval, oldest first (by id: SQLite cannot order by a time with an offset), with their reasons: for those
    /// <see cref="Permissions.CanReadAmendments"/> allows (the caller checks, as it knows the partnership).
    /// </summary>
    public async Task<IReadOnlyList<Amendment>> AmendmentsAsync(int editionId, CancellationToken ct = default) =>
        await db.Amendments.AsNoTracking().Where(a => a.Record == AmendedRecord.PlanEdition && a.RecordId == editionId)
            .OrderBy(a => a.Id).ToListAsync(ct);

    /// <summary>
    /// What a visitor is told of amendments: only the days an approved edition's official items were amended. A reason
    /// may touch on restricted work, and a restricted item's amendment would show that there is one, so neither is told.
    /// </summary>
    public async Task<IReadOnlyList<DateOnly>> PublicAmendmentDatesAsync(int editionId, CancellationToken ct = default)
    {
        var times = await db.Amendments.AsNoTracking()
            .Where(a => a.Record == AmendedRecord.PlanEdition && a.RecordId == editionId && a.Marking == ProtectiveMarking.Official)
            .Select(a => a.AmendedAt).ToListAsync(ct);
        return times.Select(t => DateOnly.FromDateTime(t.UtcDateTime)).Distinct().Order().ToList();
    }

    /// <summary>People of a partnership, for choosing lead officers.</summary>
    public async Task<IReadOnlyList<Person>> PeopleAsync(int partnershipId, CancellationToken ct = default) =>
        await db.People.AsNoTracking().Where(p => p.PartnershipId == partnershipId).OrderBy(p => p.Name).ToListAsync(ct);

    /// <summary>Priorities and actions of an edition, for moving an action or milestone within it.</summary>
    public async Task<IReadOnlyList<Priority>> OutlineAsync(int editionId, CancellationToken ct = default) =>
        await db.Priorities.AsNoTracking().Where(p => p.EditionId == editionId).Include(p => p.Actions)
            .OrderBy(p => p.SortOrder).ToListAsync(ct);

    private static bool Visible(UserContext user, PlanEdition edition, params ProtectiveMarking[] markings)
    {
        var partnershipId = edition.Plan.PartnershipId;
        return Permissions.CanReadEdition(user, edition, partnershipId)
            && (Permissions.CanSeeRestricted(user, partnershipId) || markings.All(m => m == ProtectiveMarking.Official));
    }
}
