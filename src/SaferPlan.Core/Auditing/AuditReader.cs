using System.Text.Json;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Indicators;
using SaferPlan.Core.Monitoring;

namespace SaferPlan.Core.Auditing;

/// <summary>
/// One change as shown. <paramref name="Subject"/> names whom the item concerns where its own fields do not say (an account
/// role: the account, by name or by e-mail address as shown); null for other items.
/// </summary>
public sealed record AuditRecord(long Id, string EntityType, int EntityId, AuditAction Action, string Actor, DateTimeOffset OccurredAt, IReadOnlyList<FieldChange> Changes, string? Subject = null);

/// <summary>
/// One page of a partnership's audit trail, newest first: its entries, how many there are in all (of the kind asked for),
/// and every kind of item the trail holds, to choose from.
/// </summary>
public sealed record AuditTrailPage(IReadOnlyList<AuditRecord> Entries, int Total, int Page, int PageSize, IReadOnlyList<string> Kinds)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Whose an item's history is: the partnerships it belongs to (a body or a county-wide briefing serves several), or
/// recorded crime, which is open data shared by every partnership.
/// </summary>
public sealed record AuditScope(IReadOnlyList<int> PartnershipIds, bool SharedOpenData = false);

public sealed class AuditReader(SaferPlanDbContext db)
{
    /// <summary>
    /// Fields never shown in a history: a token's hash is as good as a password to anyone who can guess tokens offline,
    /// and entries written before this rule still hold it.
    /// </summary>
    private static readonly HashSet<string> SecretFields = new(StringComparer.Ordinal) { nameof(UpdateLink.TokenHash), nameof(ApiToken.TokenHash) };

    /// <summary>
    /// Entities whose history is read by partnership. API tokens belong to a person, not to a partnership, so their
    /// history is not read through a partnership.
    /// </summary>
    private static readonly HashSet<string> NotByPartnership = new(StringComparer.Ordinal) { nameof(ApiToken) };

    /// <summary>Every audited entity whose history can be read, by its name in the audit trail ("Milestone", "IndicatorValue").</summary>
    public IReadOnlyList<string> Entities() =>
        db.Model.GetEntityTypes()
            .Where(t => typeof(IAudited).IsAssignableFrom(t.ClrType) && !NotByPartnership.Contains(t.ClrType.Name))
            .Select(t => t.ClrType.Name)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The audit trail's own name for an entity given in any case ("milestone" → "Milestone"), or null.</summary>
    public string? EntityNamed(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : Entities().FirstOrDefault(e => string.Equals(e, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The history of one item, newest first. E-mail addresses (a person's address, names recorded before display
    /// names) are shown only when <paramref name="withEmailAddresses"/> (see <see cref="Permissions.CanSeeEmailAddresses"/>).
    /// </summary>
    public async Task<IReadOnlyList<AuditRecord>> HistoryAsync(string entityType, int entityId, bool withEmailAddresses = false, CancellationToken ct = default)
    {
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId)
            .OrderByDescending(a => a.Id)
            .ToListAsync(ct);
        return await ShownAsync(entries, withEmailAddresses, ct);
    }

    /// <summary>The number of entries a page of <see cref="TrailAsync"/> holds.</summary>
    public const int TrailPageSize = 50;

    /// <summary>
    /// Every change recorded against a partnership, newest first, a page at a time (the first page for a page number out of
    /// range), of one kind of item when <paramref name="entityType"/> is given: what its administrators and support officers
    /// read to see who changed what (see <see cref="Permissions.CanReadAuditTrail"/>). E-mail addresses as in
    /// <see cref="HistoryAsync"/>.
    /// </summary>
    public async Task<AuditTrailPage> TrailAsync(int partnershipId, string? entityType, int page, bool withEmailAddresses = false, CancellationToken ct = default)
    {
        var trail = db.AuditEntries.AsNoTracking().Where(a => a.PartnershipId == partnershipId);
        var kinds = await trail.Select(a => a.EntityType).Distinct().ToListAsync(ct);
        var chosen = entityType is null ? trail : trail.Where(a => a.EntityType == entityType);
        var total = await chosen.CountAsync(ct);
        var pages = Math.Max(1, (total + TrailPageSize - 1) / TrailPageSize);
        var number = page < 1 || page > pages ? 1 : page;
        var entries = await chosen.OrderByDescending(a => a.Id).Skip((number - 1) * TrailPageSize).Take(TrailPageSize).ToListAsync(ct);
        return new AuditTrailPage(await ShownAsync(entries, withEmailAddresses, ct), total, number, TrailPageSize, kinds.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// Entries as shown: secrets left out, e-mail addresses hidden unless <paramref name="withEmailAddresses"/>, and an
    /// account's id (a membership's <c>UserId</c>) given as the account's name, or its e-mail address where those are shown.
    /// </summary>
    private async Task<IReadOnlyList<AuditRecord>> ShownAsync(List<AuditEntry> entries, bool withEmailAddresses, CancellationToken ct)
    {
        var changes = entries.ToDictionary(a => a.Id, a => JsonSerializer.Deserialize<List<FieldChange>>(a.Changes, AuditJson.Options) ?? []);

        // A role's account: as recorded when the role was given, or (for a later change, which records the role alone) the role's own.
        var roleIds = entries.Where(a => a.EntityType == nameof(Membership)).Select(a => a.EntityId).Distinct().ToList();
        var roleAccounts = roleIds.Count == 0 ? [] : await db.Memberships.AsNoTracking().Where(m => roleIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.UserId, ct);
        var accountIds = changes.Values.SelectMany(c => c).Where(c => c.Field == nameof(Membership.UserId))
            .SelectMany(c => new[] { c.Old, c.New }).Concat(roleAccounts.Values).OfType<string>().Distinct().ToList();
        var accounts = accountIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => accountIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, Name = u.DisplayName ?? (u.Person == null ? null : u.Person.Name) }).ToListAsync(ct);
        var accountNames = accounts.ToDictionary(u => u.Id, u => withEmailAddresses ? u.Email ?? u.Name : u.Name ?? "an account", StringComparer.Ordinal);
        string? Account(string? id) => id is null ? null : accountNames.GetValueOrDefault(id, "an account since removed");

        return entries.Select(a => new AuditRecord(
            a.Id, a.EntityType, a.EntityId, a.Action, withEmailAddresses ? a.Actor : EmailAddresses.Hide(a.Actor)!, a.OccurredAt,
            changes[a.Id]
                .Where(c => !SecretFields.Contains(c.Field) && (withEmailAddresses || c.Field != nameof(Person.Email)))
                .Select(c => c.Field == nameof(Membership.UserId) ? c with { Field = "Account", Old = Account(c.Old), New = Account(c.New) } : c)
                .Select(c => withEmailAddresses ? c : c with { Old = EmailAddresses.Hide(c.Old), New = EmailAddresses.Hide(c.New) })
                .ToList(),
            a.EntityType != nameof(Membership) ? null
                : Account(changes[a.Id].Where(c => c.Field == nameof(Membership.UserId)).Select(c => c.New ?? c.Old).FirstOrDefault() ?? roleAccounts.GetValueOrDefault(a.EntityId)) ?? "an account since removed")).ToList();
    }

    /// <summary>The partnership recorded against an item's changes, for items that no longer exist.</summary>
    public Task<int?> RecordedPartnershipAsync(string entityType, int entityId, CancellationToken ct = default) =>
        db.AuditEntries.Where(a => a.EntityType == entityType && a.EntityId == entityId && a.PartnershipId != null)
            .Select(a => a.PartnershipId).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Whose history an item is: found from the item itself while it exists, and from the partnership recorded with its
    /// changes once it has been deleted.
    /// </summary>
    public async Task<AuditScope> ScopeAsync(string entityType, int id, CancellationToken ct = default)
    {
        if (entityType == nameof(CrimeImport))
        {
            return new AuditScope([], SharedOpenData: true);
        }

        var current = await CurrentPartnershipsAsync(entityType, id, ct);
        if (current.Count > 0)
        {
            return new AuditScope(current);
        }

        return await RecordedPartnershipAsync(entityType, id, ct) is { } recorded ? new AuditScope([recorded]) : new AuditScope([]);
    }

    private async Task<List<int>> CurrentPartnershipsAsync(string entityType, int id, CancellationToken ct)
    {
        IQueryable<int>? query = entityType switch
        {
            nameof(Partnership) => db.Partnerships.Where(p => p.Id == id).Select(p => p.Id),
            nameof(Plan) => db.Plans.Where(p => p.Id == id).Select(p => p.PartnershipId),
            nameof(PlanEdition) => db.Editions.Where(e => e.Id == id).Select(e => e.Plan.PartnershipId),
            nameof(Priority) => db.Priorities.Where(p => p.Id == id).Select(p => p.Edition.Plan.PartnershipId),
            nameof(PlanAction) => db.Actions.Where(a => a.Id == id).Select(a => a.Priority.Edition.Plan.PartnershipId),
            nameof(Milestone) => db.Milestones.Where(m => m.Id == id).Select(m => m.Action.Priority.Edition.Plan.PartnershipId),
            nameof(PlanSection) => db.Sections.Where(s => s.Id == id)
                .SelectMany(s => db.Editions.Where(e => e.Id == s.EditionId).Select(e => e.Plan.PartnershipId)),
            nameof(GlossaryEntry) => db.Glossary.Where(g => g.Id == id)
                .SelectMany(g => db.Editions.Where(e => e.Id == g.EditionId).Select(e => e.Plan.PartnershipId)),
            nameof(MilestoneUpdate) => db.Set<MilestoneUpdate>().Where(u => u.Id == id)
                .SelectMany(u => db.Milestones.Where(m => m.Id == u.MilestoneId).Select(m => m.Action.Priority.Edition.Plan.PartnershipId)),
            nameof(ActionUpdate) => db.Set<ActionUpdate>().Where(u => u.Id == id).Select(u => u.Action.Priority.Edition.Plan.PartnershipId),
            nameof(CollectionRound) => db.Set<CollectionRound>().Where(r => r.Id == id).Select(r => r.PartnershipId),
            nameof(QuarterPublication) => db.Set<QuarterPublication>().Where(q => q.Id == id).Select(q => q.PartnershipId),
            nameof(TaskGroupReport) => db.Set<TaskGroupReport>().Where(r => r.Id == id).Select(r => r.PartnershipId),
            nameof(FigureTable) => db.Set<FigureTable>().Where(f => f.Id == id)
                .SelectMany(f => db.Set<TaskGroupReport>().Where(r => r.Id == f.ReportId).Select(r => r.PartnershipId)),
            nameof(PartnerBriefing) => db.Set<PartnerBriefing>().Where(b => b.Id == id)
                .SelectMany(b => db.Bodies.Where(body => body.Id == b.BodyId).SelectMany(body => body.Partnerships.Select(p => p.Id))),
            nameof(BodyActionPlan) => db.Set<BodyActionPlan>().Where(x => x.Id == id)
                .SelectMany(x => db.Bodies.Where(body => body.Id == x.BodyId).SelectMany(body => body.Partnerships.Select(p => p.Id))),
            nameof(BodyActionPlanItem) => db.Set<BodyActionPlanItem>().Where(x => x.Id == id)
                .SelectMany(x => db.Set<BodyActionPlan>().Where(p => p.Id == x.PlanId))
                .SelectMany(x => db.Bodies.Where(body => body.Id == x.BodyId).SelectMany(body => body.Partnerships.Select(p => p.Id))),
            nameof(BodyActionPlanProgress) => db.Set<BodyActionPlanProgress>().Where(x => x.Id == id)
                .SelectMany(x => db.Set<BodyActionPlanItem>().Where(i => i.Id == x.ItemId))
                .SelectMany(x => db.Set<BodyActionPlan>().Where(p => p.Id == x.PlanId))
                .SelectMany(x => db.Bodies.Where(body => body.Id == x.BodyId).SelectMany(body => body.Partnerships.Select(p => p.Id))),
            nameof(UpdateLink) => db.Set<UpdateLink>().Where(l => l.Id == id).Select(l => l.PartnershipId),
            nameof(Indicator) => db.Set<Indicator>().Where(i => i.Id == id).Select(i => i.PartnershipId),
            nameof(IndicatorValue) => db.Set<IndicatorValue>().Where(v => v.Id == id)
                .SelectMany(v => db.Set<Indicator>().Where(i => i.Id == v.IndicatorId).Select(i => i.PartnershipId)),
            nameof(IndicatorBaseline) => db.Set<IndicatorBaseline>().Where(b => b.Id == id)
                .SelectMany(b => db.Set<Indicator>().Where(i => i.Id == b.IndicatorId).Select(i => i.PartnershipId)),
            nameof(IndicatorTarget) => db.Set<IndicatorTarget>().Where(t => t.Id == id)
                .SelectMany(t => db.Set<Indicator>().Where(i => i.Id == t.IndicatorId).Select(i => i.PartnershipId)),
            nameof(IndicatorLink) => db.Set<IndicatorLink>().Where(l => l.Id == id)
                .SelectMany(l => db.Set<Indicator>().Where(i => i.Id == l.IndicatorId).Select(i => i.PartnershipId)),
            nameof(CrimeGroup) => db.Set<CrimeGroup>().Where(g => g.Id == id).Select(g => g.PartnershipId),
            nameof(AreaDenominator) => db.Set<AreaDenominator>().Where(d => d.Id == id).Select(d => d.PartnershipId),
            nameof(Membership) => db.Memberships.Where(m => m.Id == id).Select(m => m.PartnershipId),
            nameof(Person) => db.People.Where(p => p.Id == id).Select(p => p.PartnershipId),
            nameof(Agency) => db.Agencies.Where(a => a.Id == id).SelectMany(a => a.Partnerships.Select(p => p.Id)),
            nameof(Body) => db.Bodies.Where(b => b.Id == id).SelectMany(b => b.Partnerships.Select(p => p.Id)),
            _ => null,
        };

        return query is null ? [] : await query.Distinct().ToListAsync(ct);
    }
}
