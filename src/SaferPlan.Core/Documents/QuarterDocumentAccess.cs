using SaferPlan.Core.Monitoring;

namespace SaferPlan.Core.Documents;

/// <summary>
/// Whether, and in which version, a reader may have a quarter's document (the Board report, the milestone monitoring):
/// none when there is no such partnership; not yet when the quarter is unpublished and the reader may not see unpublished
/// quarters (the latest published quarter named instead); else the version asked for, or the public version unless the
/// reader may see Restricted items in the partnership.
/// </summary>
internal sealed record QuarterDocumentAccess(bool PartnershipFound, ReportingPeriod? LatestPublished, ReportAudience? Audience)
{
    public static async Task<QuarterDocumentAccess> ForAsync(
        SaferPlanDbContext db, PublicationService publications, IQuarterDocumentOptions options, UserContext reader, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (partnershipSlug, period, asked) = (options.PartnershipSlug, options.Period, options.Audience);
        var partnershipId = await db.Partnerships.AsNoTracking().Where(p => p.Slug == partnershipSlug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (partnershipId is not { } id)
        {
            return new QuarterDocumentAccess(false, null, null);
        }

        if (!Permissions.CanSeeUnpublished(reader, id) && !await publications.IsPublishedAsync(id, period, ct))
        {
            return new QuarterDocumentAccess(true, await publications.LatestPublishedAsync(id, ct), null);
        }

        return new QuarterDocumentAccess(true, null, Permissions.CanSeeRestricted(reader, id) ? asked : ReportAudience.Public);
    }

    /// <summary>
    /// The partnership a quarter's document is built for, null when there is none; <paramref name="document"/> ("A Board
    /// report") is for a quarter (like <paramref name="example"/>), not a whole year.
    /// </summary>
    public static async Task<Partnership?> PartnershipAsync(SaferPlanDbContext db, IQuarterDocumentOptions options, string document, string example, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Period.IsWholeYear)
        {
            throw new ArgumentException($"{document} is for a quarter, like {example}, not the whole year {options.Period.Display}.", nameof(options));
        }

        return await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == options.PartnershipSlug, ct);
    }
}

/// <summary>What a quarter's document is asked for: the partnership, the quarter and the audience.</summary>
internal interface IQuarterDocumentOptions
{
    string PartnershipSlug { get; }

    ReportingPeriod Period { get; }

    ReportAudience Audience { get; }
}
