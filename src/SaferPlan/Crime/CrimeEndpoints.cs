using Microsoft.EntityFrameworkCore;
using SaferPlan.Core.Data;
using SaferPlan.Crime.Area;
using SaferPlan.Crime.Assessment;
using SaferPlan.Crime.Figures;
using SaferPlan.Crime.Groups;
using SaferPlan.Crime.Import;

namespace SaferPlan.Crime;

/// <summary>
/// The JSON API for recorded crime, one journey a folder: a partnership's area and denominators, crime groups, crime figures,
/// the strategic assessment and loading police.uk files. Each maps its own endpoints beside its pages.
/// </summary>
public static class CrimeEndpoints
{
    public static void MapCrime(this IEndpointRouteBuilder app)
    {
        app.MapCrimeFigures();
        app.MapAssessment();
        app.MapArea();
        app.MapDenominators();
        app.MapCrimeGroups();
        app.MapCrimeImports();
    }

    internal const string JsonContentType = "application/json; charset=utf-8";

    internal static async Task<int?> PartnershipIdAsync(SaferPlanDbContext db, string slug, CancellationToken ct) =>
        await db.Partnerships.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
}
