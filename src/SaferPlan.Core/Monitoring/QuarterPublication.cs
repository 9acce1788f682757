namespace SaferPlan.Core.Monitoring;

/// <summary>
/// The support officer's decision that a quarter's review is done and its Board report is public: who published it and
/// when, and who withdrew it and when if it was taken back. Until a quarter is published visitors see the last one
/// that is; a withdrawn quarter is unpublished again until it is published anew. Earlier decisions stay in the audit trail.
/// </summary>
public sealed class QuarterPublication : VersionedEntity
{
    public int PartnershipId { get; set; }

    public ReportingPeriod Period { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    public required string PublishedBy { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public string? WithdrawnBy { get; set; }

    public bool IsPublished => WithdrawnAt is null;
}

/// <summary>Publishing a quarter, withdrawing it, and which quarters visitors may see.</summary>
public sealed class PublicationService(SaferPlanDbContext db, TimeProvider time)
{
    public Task<QuarterPublication?> PublicationAsync(int partnershipId, ReportingPeriod period, CancellationToken ct = default) =>
        db.Set<QuarterPublication>().AsNoTracking().FirstOrDefaultAsync(p => p.PartnershipId == partnershipId && p.Period == period, ct);

    /// <summary>The partnership's published quarters, newest first.</summary>
    public async Task<IReadOnlyList<ReportingPeriod>> PublishedAsync(int partnershipId, CancellationToken ct = default) =>
        (await db.Set<QuarterPublication>().AsNoTracking()
            .Where(p => p.PartnershipId == partnershipId && p.WithdrawnAt == null)
            .Select(p => p.Period)
            .ToListAsync(ct))
        .OrderDescending().ToList();

    public async Task<bool> IsPublishedAsync(int partnershipId, ReportingPeriod period, CancellationToken ct = default) =>
        await db.Set<QuarterPublication>().AnyAsync(p => p.PartnershipId == partnershipId && p.Period == period && p.WithdrawnAt == null, ct);

    /// <summary>The quarter visitors see by default: the latest published one, or none.</summary>
    public async Task<ReportingPeriod?> LatestPublishedAsync(int partnershipId, CancellationToken ct = default) =>
        (await PublishedAsync(partnershipId, ct)) is [var latest, ..] ? latest : null;

    /// <summary>
    /// The quarters this reader may see the quarterly work of: every quarter for a member of the partnership, the
    /// published ones for anyone else (null means every quarter).
    /// </summary>
    public async Task<IReadOnlySet<ReportingPeriod>?> VisibleQuartersAsync(UserContext reader, int partnershipId, CancellationToken ct = default) =>
        Permissions.CanSeeUnpublished(reader, partnershipId) ? null : (await PublishedAsync(partnershipId, ct)).ToHashSet();

    /// <summary>
    /// What whoever publishes <paramref name="quarter"/> should know first, in the words the confirmation gives: the quarter
    /// has not ended, lead officers' deadline is still ahead, or updates are returned or awaiting review (publishing locks
    /// them out of the public report, and lead officers can no longer change them by the form). Empty when none applies.
    /// </summary>
    public async Task<IReadOnlyList<string>> PublishWarningsAsync(int partnershipId, ReportingPeriod quarter, CompletenessLine review, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var warnings = new List<string>();
        if (quarter.End >= today)
        {
            warnings.Add($"{quarter.Display} has not ended: it runs to {Dates.Display(quarter.End)}.");
        }

        var deadline = await db.Set<CollectionRound>().Where(r => r.PartnershipId == partnershipId && r.Period == quarter).Select(r => (DateOnly?)r.Deadline).FirstOrDefaultAsync(ct);
        if (deadline is { } due && due >= today)
        {
            warnings.Add($"Lead officers have until {Dates.Display(due)} to send their updates.");
        }

        if (review.Returned + review.Submitted > 0)
        {
            warnings.Add($"{Count(review.Returned, "update is", "updates are")} returned for changes and {Count(review.Submitted, "is", "are")} awaiting review: "
                + "they will not be in the public report, and once it is published only a support officer can change them.");
        }

        return warnings;
    }

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n.ToString(CultureInfo.InvariantCulture)} {many}";

    public async Task<EditResult<QuarterPublication>> PublishAsync(int partnershipId, ReportingPeriod period, UserContext user, CancellationToken ct = default)
    {
        if (!Permissions.CanPublish(user, partnershipId))
        {
            return EditResult<QuarterPublication>.Forbidden("Only the partnership's support officers and administrators can publish a quarter's report.");
        }

        if (period.IsWholeYear)
        {
            return EditResult<QuarterPublication>.Invalid("Period", "Choose a quarter, like 2010/11 Q4, not a whole year");
        }

        var publication = await db.Set<QuarterPublication>().FirstOrDefaultAsync(p => p.PartnershipId == partnershipId && p.Period == period, ct);
        if (publication is { IsPublished: true })
        {
            return EditResult<QuarterPublication>.Ok(publication);
        }

        if (publication is null)
        {
            publication = new QuarterPublication { PartnershipId = partnershipId, Period = period, PublishedBy = user.Name };
            db.Add(publication);
        }

        publication.PublishedAt = time.GetUtcNow();
        publication.PublishedBy = user.Name;
        publication.WithdrawnAt = null;
        publication.WithdrawnBy = null;
        return await SaveAsync(publication, partnershipId, ct);
    }

    public async Task<EditResult<QuarterPublication>> WithdrawAsync(int partnershipId, ReportingPeriod period, UserContext user, CancellationToken ct = default)
    {
        if (!Permissions.CanPublish(user, partnershipId))
        {
            return EditResult<QuarterPublication>.Forbidden("Only the partnership's support officers and administrators can withdraw a quarter's report.");
        }

        var publication = await db.Set<QuarterPublication>().FirstOrDefaultAsync(p => p.PartnershipId == partnershipId && p.Period == period, ct);
        if (publication is not { IsPublished: true })
        {
            return EditResult<QuarterPublication>.NotFound($"The {period.Display} report is not published, so there is nothing to withdraw.");
        }

        publication.WithdrawnAt = time.GetUtcNow();
        publication.WithdrawnBy = user.Name;
        return await SaveAsync(publication, partnershipId, ct);
    }

    private Task<EditResult<QuarterPublication>> SaveAsync(QuarterPublication publication, int partnershipId, CancellationToken ct)
    {
        const string overtaken = "Someone else published or withdrew this quarter at the same time. Reload to see where it stands.";
        return db.SaveEditAsync(publication, null, new EditSave(partnershipId, "quarter") { Concurrent = overtaken, Clash = overtaken }, ct);
    }
}
