using SaferPlan.Crime.Figures;

namespace SaferPlan.Crime.Area;

/// <summary>The JSON API for a partnership's residents and dwellings per year, the denominators of rates per 1,000.</summary>
public static class DenominatorEndpoints
{
    public static void MapDenominators(RouteGroupBuilder api, RouteGroupBuilder writes)
    {
        api.MapGet("/partnerships/{slug}/denominators", (string slug, SaferPlanDbContext db, DenominatorService denominators, CancellationToken ct) =>
            CrimeEndpoints.ForPartnershipAsync<Ok<List<DenominatorDto>>>(db, slug, async id => TypedResults.Ok((await denominators.ListAsync(id, ct)).Select(DenominatorDto.From).ToList()), ct))
        .WithSummary("The partnership's residents and dwellings per year, for rates per 1,000.");

        writes.MapPut("/partnerships/{slug}/denominators/{kind}/{year:int}", (string slug, string kind, int year, DenominatorRequest body, SaferPlanDbContext db, DenominatorService denominators, CurrentUser current, HttpContext http, CancellationToken ct) => CrimeEndpoints.ForPartnershipAsync<Ok<DenominatorDto>>(db, slug, async id =>
        {
            if (!TryKind(kind, out var k))
            {
                return BadKind(kind);
            }

            var user = await current.GetAsync();
            return await ExpectedVersion.SavedAsync(http, body.Version, v => denominators.SetAsync(id, k, year, new DenominatorInput(body.Value, body.Source), v, user, ct),
                saved => Task.FromResult(DenominatorDto.From(saved)));
        }, ct))
        .WithSummary("Sets a year's residents or dwellings: {\"value\":59000,\"source\":\"…\",\"version\":0} (version 0 adds a figure; otherwise send the version read).");

        writes.MapDelete("/partnerships/{slug}/denominators/{kind}/{year:int}", (string slug, string kind, int year, int? version, SaferPlanDbContext db, DenominatorService denominators, CurrentUser current, HttpContext http, CancellationToken ct) => CrimeEndpoints.ForPartnershipAsync<NoContent>(db, slug, async id =>
        {
            if (!TryKind(kind, out var k))
            {
                return BadKind(kind);
            }

            var user = await current.GetAsync();
            return await ExpectedVersion.DeletedAsync(http, version, v => denominators.DeleteAsync(id, k, year, v, user, ct));
        }, ct));
    }

    private static bool TryKind(string text, out DenominatorKind kind) =>
        Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !text.All(char.IsDigit);

    private static ProblemHttpResult BadKind(string kind) => CrimeQuery.Problem(new Dictionary<string, string> { ["kind"] = $"'{kind}' is not a denominator: choose residents or dwellings" });
}

public sealed record DenominatorRequest(decimal? Value, string? Source, int? Version);

public sealed record DenominatorDto(DenominatorKind Kind, int Year, decimal Value, string? Source, int Version)
{
    public static DenominatorDto From(AreaDenominator d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Kind, d.Year, d.Value, d.Source, d.Version);
    }
}
