using System.Text.Json;
using Microsoft.Extensions.Options;
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
        var (api, writes) = app.MapApi("Recorded crime");
        CrimeFigureEndpoints.MapCrimeFigures(api);
        CrimeSpcEndpoints.MapCrimeSpc(api);
        AssessmentEndpoints.MapAssessment(api);
        SaferPlan.Crime.Peers.PeerEndpoints.MapPeers(api);
        AreaEndpoints.MapArea(api, writes);
        DenominatorEndpoints.MapDenominators(api, writes);
        CrimeGroupEndpoints.MapCrimeGroups(api, writes);
        app.MapCrimeImports();
        SaferPlan.Crime.Population.PopulationEndpoints.MapPopulation(app);
    }

    /// <summary>
    /// JSON made once per key and sent as it is: the key names the data stamp it was made under, so a repeat costs only
    /// the query that read the stamp.
    /// </summary>
    internal static async Task<FileContentHttpResult> CachedJsonAsync<T>(HttpContext http, CrimeCache cache, string key, Func<CancellationToken, Task<T>> make, CancellationToken ct)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var body = await cache.GetOrCreateAsync(key, async c => JsonSerializer.SerializeToUtf8Bytes(await make(c), options), bytes => bytes.LongLength, ct);
        return TypedResults.Bytes(body, "application/json; charset=utf-8");
    }

    /// <summary>Answers for the partnership named in the route, or 404 when there is none.</summary>
    internal static async Task<Results<TDone, ProblemHttpResult>> ForPartnershipAsync<TDone>(SaferPlanDbContext db, string slug, Func<int, Task<Results<TDone, ProblemHttpResult>>> answer, CancellationToken ct)
        where TDone : IResult =>
        await PartnershipIdAsync(db, slug, ct) is { } id ? await answer(id) : ApiErrors.NotFound($"There is no partnership '{slug}'.");

    private static async Task<int?> PartnershipIdAsync(SaferPlanDbContext db, string slug, CancellationToken ct) =>
        await db.Partnerships.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
}
