namespace SaferPlan.Core.Plans;

/// <summary>A change made, for the whole plan when <paramref name="PriorityId"/> is null, else for that priority of the edition.</summary>
public sealed record RefreshChangeInput(int? PriorityId, string? Text);

/// <summary>A change made with its number in Appendix A: after its priority's comments ("1.4" follows comments 1.1–1.3).</summary>
public sealed record NumberedChange(RefreshChange Change, string Number);

/// <summary>An edition's changes made in Appendix A's order, and whether this reader may write them (and why not).</summary>
public sealed record EditionChanges(PlanEdition Edition, IReadOnlyList<NumberedChange> Changes, bool CanWrite, string? Refusal);

/// <summary>
/// The "changes made" a support officer writes up per priority of a refreshed edition (issue 12, item 3; seed 002's
/// Appendix A): added, edited and deleted while the edition is a draft or out for consultation, read-only once approved.
/// Each is numbered at read time after its priority's comments, so adding a comment renumbers the changes after it, as the
/// report lists them.
/// </summary>
public sealed class RefreshChangeService(SaferPlanDbContext db, TimeProvider time)
{
    public const int TextLength = 4000;

    /// <summary>The edition's changes made, for its partnership's members; not found for those who cannot read the edition, forbidden for other readers.</summary>
    public async Task<EditResult<EditionChanges>> ChangesAsync(int editionId, UserContext user, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().Include(e => e.Plan).FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null || !Permissions.CanReadEdition(user, edition, edition.Plan.PartnershipId))
        {
            return EditResult<EditionChanges>.NotFound($"There is no plan edition {editionId}.");
        }

        if (!Permissions.CanReadComments(user, edition.Plan.PartnershipId))
        {
            return EditResult<EditionChanges>.Forbidden("Only the partnership's members can read the changes made to its plan.");
        }

        var refusal = Permissions.RefreshChangeRefusal(user, edition.Plan.PartnershipId, edition);
        return EditResult<EditionChanges>.Ok(new EditionChanges(edition, await NumberedAsync(editionId, ct), refusal is null, refusal));
    }

    /// <summary>Every change made to an edition, numbered after its priority's comments, the whole plan first then by priority. Says nothing of who may read them.</summary>
    public async Task<IReadOnlyList<NumberedChange>> NumberedAsync(int editionId, CancellationToken ct = default)
    {
        var changes = await db.Set<RefreshChange>().AsNoTracking().Include(c => c.Priority)
            .Where(c => c.EditionId == editionId).ToListAsync(ct);
        var comments = (await db.Set<ConsultationComment>().AsNoTracking().Where(c => c.EditionId == editionId)
            .Select(c => c.PriorityId).ToListAsync(ct)).CountBy(p => p ?? 0).ToDictionary(x => x.Key, x => x.Value);
        return changes.GroupBy(c => c.PriorityId ?? 0)
            .OrderBy(g => g.First().Priority?.SortOrder ?? int.MinValue).ThenBy(g => g.First().Priority?.Number ?? 0)
            .SelectMany(g => g.OrderBy(c => c.Sequence)
                .Select((c, i) => new NumberedChange(c, $"{c.Priority?.Number ?? 0}.{comments.GetValueOrDefault(g.Key) + i + 1}")))
            .ToList();
    }

    /// <summary>The edition a change made belongs to, or null when there is no such change; says nothing of who may read it.</summary>
    public Task<int?> EditionOfAsync(int changeId, CancellationToken ct = default) =>
        db.Set<RefreshChange>().Where(c => c.Id == changeId).Select(c => (int?)c.EditionId).FirstOrDefaultAsync(ct);

    /// <summary>Adds a change made, last among its priority's (or the whole plan's) changes.</summary>
    public async Task<EditResult<RefreshChange>> AddAsync(int editionId, RefreshChangeInput input, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var edition = await db.Editions.Include(e => e.Plan).FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null || !Permissions.CanReadEdition(user, edition, edition.Plan.PartnershipId))
        {
            return EditResult<RefreshChange>.NotFound($"There is no plan edition {editionId}.");
        }

        var partnershipId = edition.Plan.PartnershipId;
        if (Permissions.RefreshChangeRefusal(user, partnershipId, edition) is { } refusal)
        {
            return EditResult<RefreshChange>.Forbidden(refusal);
        }

        var checkedText = Check(input.Text);
        if (input.PriorityId is { } pid && !await db.Priorities.AnyAsync(p => p.Id == pid && p.EditionId == editionId, ct))
        {
            checkedText = checkedText.WithError("PriorityId", "Choose a priority of this edition, or the whole plan");
        }

        if (checkedText.Refused(out var text, out EditResult<RefreshChange>? invalid))
        {
            return invalid;
        }

        var last = await db.Set<RefreshChange>().Where(c => c.EditionId == editionId && c.PriorityId == input.PriorityId).MaxAsync(c => (int?)c.Sequence, ct) ?? 0;
        var change = new RefreshChange
        {
            EditionId = editionId,
            PriorityId = input.PriorityId,
            Sequence = last + 1,
            Text = text,
            WrittenBy = user.Name,
            WrittenAt = time.GetUtcNow(),
        };
        db.Add(change);
        var saved = await db.SaveEditAsync(change, null, new EditSave(partnershipId, "change made")
        {
            Clash = "Someone else added a change to the same priority at the same moment. Yours has not been saved: add it again.",
        }, ct);
        if (saved.Succeeded && change.PriorityId is not null)
        {
            await db.Entry(change).Reference(c => c.Priority).LoadAsync(ct);
        }

        return saved;
    }

    /// <summary>Rewords a change made, from the version the writer read.</summary>
    public async Task<EditResult<RefreshChange>> EditAsync(int changeId, string? text, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        if ((await WritableAsync(changeId, user, ct)).Refused(out var change, out var refusal))
        {
            return refusal;
        }

        if (Check(text).Refused(out var checkedText, out refusal))
        {
            return refusal;
        }

        return await db.SaveEditAsync(change, expectedVersion, new EditSave(change.Edition.Plan.PartnershipId, "change made")
        {
            Change = () => change.Text = checkedText,
        }, ct);
    }

    /// <summary>Deletes a change made, from the version the writer read; the changes after it are numbered one less.</summary>
    public async Task<EditResult<RefreshChange>> DeleteAsync(int changeId, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        if ((await WritableAsync(changeId, user, ct)).Refused(out var change, out var refusal))
        {
            return refusal;
        }

        return await db.SaveEditAsync(change, expectedVersion, new EditSave(change.Edition.Plan.PartnershipId, "change made")
        {
            Change = () => db.Remove(change),
        }, ct);
    }

    /// <summary>The change made, with its edition and plan, once the user may change it; else the refusal.</summary>
    private async Task<EditResult<RefreshChange>> WritableAsync(int changeId, UserContext user, CancellationToken ct)
    {
        var change = await db.Set<RefreshChange>().Include(c => c.Priority).Include(c => c.Edition).ThenInclude(e => e.Plan).FirstOrDefaultAsync(c => c.Id == changeId, ct);
        if (change is null || !Permissions.CanReadComments(user, change.Edition.Plan.PartnershipId))
        {
            return EditResult<RefreshChange>.NotFound($"There is no change made {changeId}.");
        }

        return Permissions.RefreshChangeRefusal(user, change.Edition.Plan.PartnershipId, change.Edition) is { } refusal
            ? EditResult<RefreshChange>.Forbidden(refusal)
            : EditResult<RefreshChange>.Ok(change);
    }

    /// <summary>The change made as written, trimmed, or why it cannot be saved.</summary>
    private static EditResult<string> Check(string? text)
    {
        var check = new FieldCheck();
        var checkedText = check.Required("Text", text, TextLength, "Enter the change made", "The change made");
        return check.Result(() => checkedText);
    }
}
