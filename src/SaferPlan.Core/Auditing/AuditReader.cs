using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SaferPlan.Core.Data;

namespace SaferPlan.Core.Auditing;

public sealed record AuditRecord(long Id, string EntityType, int EntityId, AuditAction Action, string Actor, DateTimeOffset OccurredAt, IReadOnlyList<FieldChange> Changes);

public sealed class AuditReader(SaferPlanDbContext db)
{
    /// <summary>The history of one item, newest first.</summary>
    public async Task<IReadOnlyList<AuditRecord>> HistoryAsync(string entityType, int entityId, CancellationToken ct = default)
    {
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId)
            .OrderByDescending(a => a.Id)
            .ToListAsync(ct);
        return entries.Select(a => new AuditRecord(
            a.Id, a.EntityType, a.EntityId, a.Action, a.Actor, a.OccurredAt,
            JsonSerializer.Deserialize<List<FieldChange>>(a.Changes, AuditJson.Options) ?? [])).ToList();
    }

    /// <summary>The partnership recorded against an item's changes, for items that no longer exist.</summary>
    public Task<int?> RecordedPartnershipAsync(string entityType, int entityId, CancellationToken ct = default) =>
        db.AuditEntries.Where(a => a.EntityType == entityType && a.EntityId == entityId && a.PartnershipId != null)
            .Select(a => a.PartnershipId).FirstOrDefaultAsync(ct);
}
