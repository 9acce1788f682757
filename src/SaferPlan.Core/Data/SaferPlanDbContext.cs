using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Crime;

namespace SaferPlan.Core.Data;

public sealed class SaferPlanDbContext(
    DbContextOptions<SaferPlanDbContext> options,
    IActorAccessor actorAccessor,
    TimeProvider timeProvider) : IdentityDbContext<User>(options), IDataProtectionKeyContext
{
    public DbSet<Partnership> Partnerships => Set<Partnership>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Body> Bodies => Set<Body>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<PlanEdition> Editions => Set<PlanEdition>();

    public DbSet<Priority> Priorities => Set<Priority>();

    public DbSet<PlanAction> Actions => Set<PlanAction>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<PlanSection> Sections => Set<PlanSection>();

    public DbSet<GlossaryEntry> Glossary => Set<GlossaryEntry>();

    public DbSet<Amendment> Amendments => Set<Amendment>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Cookie and antiforgery keys, shared by every web instance over one database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The partnership whose items the next save changes; recorded on each audit entry.</summary>
    public int? AuditPartnershipId { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SaferPlanDbContext).Assembly);

        // Every versioned item is refused when its row changed since it was read: by being IVersioned, not by a line of its own.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)).ToList())
        {
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the database reads like the plan.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<ReportingPeriod>().HaveConversion<PeriodConversion>().HaveMaxLength(PeriodConversion.Length);
    }

    /// <summary>
    /// Saves without an audit entry, so it is kept for what libraries store on their own (data protection keys);
    /// a change to an audited item must go through <see cref="SaveChangesAsync(bool, CancellationToken)"/>.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ChangeTracker.DetectChanges();
        if (ChangeTracker.Entries().Any(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Use SaveChangesAsync so every change reaches the audit trail.");
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        BumpVersions();
        var pending = ChangeTracker.Entries()
            .Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (Entry: e, Action: ActionOf(e.State), Changes: ChangesOf(e)))
            .Where(p => p.Action != AuditAction.Updated || p.Changes.Count > 0)
            .ToList();

        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var actor = actorAccessor.Current;
            var now = timeProvider.GetUtcNow();
            var scope = AuditPartnershipId ?? pending.Select(p => p.Entry.Entity).OfType<Partnership>().FirstOrDefault()?.Id;
            foreach (var (entry, action, changes) in pending)
            {
                if (action == AuditAction.Created)
                {
                    changes.Clear();
                    changes.AddRange(entry.Properties
                        .Where(p => !p.Metadata.IsPrimaryKey() && p.CurrentValue is not null)
                        .Select(p => new FieldChange(p.Metadata.Name, null, Format(p.CurrentValue))));
                    if (entry.Entity is CrimeGroup created)
                    {
                        changes.Add(new FieldChange(CrimeTypeIdsField, null, CrimeTypeList(created.Members.Select(m => m.CrimeTypeId))));
                    }
                }

                AuditEntries.Add(new AuditEntry
                {
                    EntityType = entry.Metadata.ClrType.Name,
                    EntityId = ((IAudited)entry.Entity).Id,
                    PartnershipId = entry.Entity is Partnership p ? p.Id : scope,
                    Action = action,
                    UserId = actor.UserId,
                    Actor = actor.Name,
                    OccurredAt = now,
                    Changes = JsonSerializer.Serialize(changes, AuditJson.Options),
                });
            }

            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await BumpChangeStampsAsync(pending.Select(p => p.Entry.Entity), scope, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// In the save's own transaction, moves on <see cref="Partnership.ChangeStamp"/> of every partnership the save touches
    /// (its audit scope, a saved partnership, a saved person's, every partnership a saved body or agency serves), so whatever is cached by that stamp on any instance
    /// is known to be stale. Written with ExecuteUpdate, so it is not tracked and makes no audit entry.
    /// </summary>
    private async Task BumpChangeStampsAsync(IEnumerable<object> saved, int? scope, CancellationToken ct)
    {
        var ids = new HashSet<int>();
        var shared = new List<(int Id, bool IsBody)>();
        if (scope is { } s)
        {
            ids.Add(s);
        }

        foreach (var entity in saved)
        {
            switch (entity)
            {
                case Partnership p:
                    ids.Add(p.Id);
                    break;
                case Person person when person.PartnershipId != 0:
                    ids.Add(person.PartnershipId);
                    break;
                case Body body:
                    shared.Add((body.Id, true));
                    break;
                case Agency agency:
                    shared.Add((agency.Id, false));
                    break;
            }
        }

        // A body or agency seated in several partnerships (a county body) is named on each one's pages and feeds.
        var bodyIds = shared.Where(x => x.IsBody).Select(x => x.Id).ToList();
        var agencyIds = shared.Where(x => !x.IsBody).Select(x => x.Id).ToList();
        if (bodyIds.Count + agencyIds.Count > 0)
        {
            ids.UnionWith(await Partnerships.Where(p => p.Bodies.Any(b => bodyIds.Contains(b.Id)) || p.Agencies.Any(a => agencyIds.Contains(a.Id)))
                .Select(p => p.Id).ToListAsync(ct));
        }

        if (ids.Count > 0)
        {
            var list = ids.ToList();
            await Partnerships.Where(p => list.Contains(p.Id)).MoveOnChangeStampsAsync(ct);
        }
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.Version = 1;
            }
            else if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = (int)entry.Property(nameof(IVersioned.Version)).OriginalValue! + 1;
            }
        }
    }

    private static AuditAction ActionOf(EntityState state) => state switch
    {
        EntityState.Added => AuditAction.Created,
        EntityState.Deleted => AuditAction.Deleted,
        _ => AuditAction.Updated,
    };

    private const string CrimeTypeIdsField = "CrimeTypeIds";

    private List<FieldChange> ChangesOf(EntityEntry entry)
    {
        var changes = FieldChangesOf(entry);
        if (entry is { State: EntityState.Modified, Entity: CrimeGroup group })
        {
            // A crime group's members are rows of their own, not audited one by one: the group's entry says which
            // crime types it held before and after, so a change of members alone is in the trail too.
            var members = ChangeTracker.Entries<CrimeGroupMember>().Where(m => m.Entity.GroupId == group.Id).ToList();
            var before = CrimeTypeList(members.Where(m => m.State is not EntityState.Added).Select(m => m.Entity.CrimeTypeId));
            var after = CrimeTypeList(members.Where(m => m.State is not EntityState.Deleted).Select(m => m.Entity.CrimeTypeId));
            if (before != after)
            {
                changes.Add(new FieldChange(CrimeTypeIdsField, before, after));
            }
        }

        return changes;
    }

    private static string CrimeTypeList(IEnumerable<short> ids) => string.Join(',', ids.Distinct().Order().Select(i => i.ToString(CultureInfo.InvariantCulture)));

    private static List<FieldChange> FieldChangesOf(EntityEntry entry) => entry.State switch
    {
        EntityState.Modified => entry.Properties
            .Where(p => p.IsModified && p.Metadata.Name != nameof(IVersioned.Version) && !Equals(p.OriginalValue, p.CurrentValue))
            .Select(p => new FieldChange(p.Metadata.Name, Format(p.OriginalValue), Format(p.CurrentValue)))
            .ToList(),
        EntityState.Deleted => entry.Properties
            .Where(p => !p.Metadata.IsPrimaryKey() && p.OriginalValue is not null)
            .Select(p => new FieldChange(p.Metadata.Name, Format(p.OriginalValue), null))
            .ToList(),
        _ => [],
    };

    /// <summary>A value as the audit trail records it: dates and times in ISO 8601 ("2026-12-10T16:23:12+00:00", "2011-04-26"), which no reader takes for another day; numbers and the rest invariant.</summary>
    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

public static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
