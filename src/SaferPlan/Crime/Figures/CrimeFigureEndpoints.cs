namespace SaferPlan.Crime.Figures;

/// <summary>The JSON API for recorded crime figures; recorded crime is open data, so they are readable without signing in.</summary>
public static class CrimeFigureEndpoints
{
    public static void MapCrimeFigures(RouteGroupBuilder api)
    {
        api.MapGet("/crime-types", () => TypedResults.Ok(CrimeTypes.All.Select(t => new CrimeTypeDto(t.Id, t.Name, t.IsAntiSocialBehaviour)).ToList()))
            .WithSummary("police.uk's crime types with their ids, as crime groups name them.");

        api.MapGet("/partnerships/{slug}/crime", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string slug, string? from, string? to, string? by, CrimeStatistics statistics, CrimeCache cache, HttpContext http, TimeProvider time, CancellationToken ct) =>
        {
            if (await statistics.StampAsync(slug, ct) is not { } stamp)
            {
                return ApiErrors.NotFound($"There is no partnership '{slug}'.");
            }

            var errors = new Dictionary<string, string>();
            if (CrimeQuery.Read(from, to, by, CrimeQuery.DefaultTo(await statistics.MonthlyAsync(stamp, ct), time), CrimeQuery.MaxMonths, errors) is not { } query)
            {
                return CrimeQuery.Problem(errors);
            }

            // The answer itself is cached, as JSON, under the stamp just read: a repeat costs that one query.
            return await CrimeEndpoints.CachedJsonAsync(http, cache, $"crime:json:{query.From.Key}:{query.To.Key}:{query.By}:{stamp.CacheKey}", async ct =>
            {
                var summary = await statistics.SummaryAsync(stamp, query.From, query.To, ct);
                var breakdown = query.By is { } b ? await statistics.BreakdownAsync(stamp, b, query.From, query.To, ct) : null;
                return CrimeDto.Of(summary, query.By, breakdown);
            }, ct);
        })
        .Produces<CrimeDto>()
        .WithSummary("Recorded crime in the partnership's area from one month to another (YYYY-MM; by default the latest 12 months with data): counts per crime type and per group, and with by=month|ward|lsoa a breakdown.");
    }
}

public sealed record CrimeTypeDto(short Id, string Name, bool IsAntiSocialBehaviour);

public sealed record CrimeTypeCountDto(short Id, string Name, int Count);

public sealed record GroupCountDto(int Id, string Key, string Name, IReadOnlyList<short> CrimeTypeIds, int Count);

public sealed record BreakdownRowDto(string Key, string Name, string? Ward, int Total, IReadOnlyDictionary<string, int> CrimeTypes, IReadOnlyDictionary<string, int> Groups);

public sealed record CrimeAreaSummaryDto(string? Definition, int Lsoas);

/// <summary>Recorded crime for an area and span; <c>notice</c> says when the figures are synthetic demo data.</summary>
public sealed record CrimeDto(
    string Partnership, string Name, string From, string To, CrimeAreaSummaryDto Area, string? Notice,
    int Total, IReadOnlyList<CrimeTypeCountDto> CrimeTypes, IReadOnlyList<GroupCountDto> Groups,
    string? By, IReadOnlyList<BreakdownRowDto>? Breakdown)
{
    public static CrimeDto Of(CrimeSummary s, CrimeBreakdown? by, IReadOnlyList<BreakdownRow>? breakdown)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(
            s.Stamp.Slug, s.Stamp.Name, s.From.ToString(), s.To.ToString(), new CrimeAreaSummaryDto(s.Stamp.AreaDefinition, s.AreaLsoas),
            s.Synthetic ? CrimeStatistics.SyntheticNotice : null,
            s.Total,
            s.Types.Select(t => new CrimeTypeCountDto(t.Type.Id, t.Type.Name, t.Count)).ToList(),
            s.Groups.Select(g => new GroupCountDto(g.Group.Id, g.Group.Key, g.Group.Name, g.Group.CrimeTypeIds, g.Count)).ToList(),
            by?.ToString().ToLowerInvariant(),
            breakdown?.Select(r => new BreakdownRowDto(
                r.Key, r.Name, r.Ward, r.Total,
                SaferPlan.Core.Crime.CrimeTypes.All.Where(t => r.Counts.ContainsKey(t.Id)).ToDictionary(t => t.Name, t => r.Counts[t.Id]),
                s.Groups.ToDictionary(g => g.Group.Key, g => r.Count(g.Group.CrimeTypeIds)))).ToList());
    }
}
