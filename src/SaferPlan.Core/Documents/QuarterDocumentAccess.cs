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
        SaferPlanDbContext db, PublicationService publications, string partnershipSlug, ReportingPeriod period, ReportAudience asked, UserContext reader, CancellationToken ct)
    {
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
}
