namespace SaferPlan.Core.Editing;

/// <summary>
/// How one versioned save is made and what the writer is told when someone else got there first. The messages are
/// the editing kernel's unless a feature keeps wording of its own.
/// </summary>
/// <param name="PartnershipId">The partnership whose audit trail records the change.</param>
/// <param name="What">What the item is called in the conflict message, like "priority".</param>
public sealed record EditSave(int PartnershipId, string What)
{
    /// <summary>Makes the change, once the writer's copy is known to be current.</summary>
    public Action? Change { get; init; }

    /// <summary>Told when the writer's copy was out of date before the save was tried.</summary>
    public string? Stale { get; init; }

    /// <summary>Told when someone else saved between the check and this save.</summary>
    public string? Concurrent { get; init; }

    /// <summary>Told when the save meets a unique index (two people adding the same thing at once); when null, that is an error.</summary>
    public string? Clash { get; init; }
}

/// <summary>
/// The one versioned save: an edit made from an out-of-date copy is refused, naming who changed it since; an edit
/// overtaken while it is saved is refused too; every other save is audited under the partnership.
/// </summary>
public static class VersionedSave
{
    /// <summary>
    /// Saves <paramref name="item"/> (already added, or changed by <see cref="EditSave.Change"/>) if its version is still
    /// <paramref name="expectedVersion"/>; null for a new item or an edit that carries no version.
    /// </summary>
    public static async Task<EditResult<T>> SaveEditAsync<T>(this SaferPlanDbContext db, T item, int? expectedVersion, EditSave save, CancellationToken ct)
        where T : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(save);
        if (expectedVersion is { } expected)
        {
            if (item.Version != expected)
            {
                var stale = save.Stale ?? await StaleMessageAsync(db, item, expected, save.What, ct);
                db.ChangeTracker.Clear();
                return EditResult<T>.Conflict(stale);
            }

            db.Entry(item).Property(nameof(IVersioned.Version)).OriginalValue = expected;
        }

        save.Change?.Invoke();
        db.AuditPartnershipId = save.PartnershipId;
        try
        {
            await db.SaveChangesAsync(ct);
            return EditResult<T>.Ok(item);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return EditResult<T>.Conflict(save.Concurrent ?? $"Someone else saved a change to this {save.What} while you were editing it. Your change has not been saved: reload it to see theirs, then make yours again.");
        }
        catch (DbUpdateException) when (save.Clash is not null)
        {
            db.ChangeTracker.Clear();
            return EditResult<T>.Conflict(save.Clash);
        }
    }

    private static async Task<string> StaleMessageAsync<T>(SaferPlanDbContext db, T item, int expectedVersion, string what, CancellationToken ct)
        where T : class, IVersioned
    {
        var type = typeof(T).Name;
        var last = await db.AuditEntries.Where(a => a.EntityType == type && a.EntityId == item.Id)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        var by = last is null ? "someone else" : $"{Accounts.EmailAddresses.Hide(last.Actor)} at {Periods.Dates.Display(last.OccurredAt)} UTC";
        return $"This {what} was changed by {by} after you opened it (you had version {expectedVersion}; it is now version {item.Version}). Your change has not been saved: reload it to see theirs, then make yours again.";
    }
}
