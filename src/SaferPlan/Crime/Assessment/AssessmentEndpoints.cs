using SaferPlan.Core.Crime.Assessment;
using SaferPlan.Core.Crime.Peers;
using SaferPlan.Core.Documents;
using SaferPlan.Crime.Figures;

namespace SaferPlan.Crime.Assessment;

/// <summary>The JSON API for the strategic assessment evidence pack: JSON and its trend charts as SVG; and the pack as a Word document.</summary>
public static class AssessmentEndpoints
{
    public static void MapAssessment(RouteGroupBuilder api)
    {
        api.MapGet("/partnerships/{slug}/assessment", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string slug, string? from, string? to, CrimeStatistics statistics, StrategicAssessmentBuilder builder, CrimeCache cache, HttpContext http, TimeProvider time, CancellationToken ct) =>
            await AssessmentAsync(slug, from, to, statistics, builder, time, ct) is { } result
                ? result.Assessment is { } a
                    ? await CrimeEndpoints.CachedJsonAsync(http, cache, $"assessment:json:{a.From.Key}:{a.To.Key}:{result.Stamp.CacheKey}", _ => Task.FromResult(AssessmentDto.Of(a)), ct)
                    : result.Problem!
                : ApiErrors.NotFound($"There is no partnership '{slug}'."))
        .Produces<AssessmentDto>()
        .WithSummary("The strategic assessment evidence pack for a window of up to 24 months (by default the latest 12 with data) against the same length before it.");

        api.MapGet("/partnerships/{slug}/assessment/charts/{key}.svg", async Task<Results<ContentHttpResult, ProblemHttpResult>> (string slug, string key, string? from, string? to, CrimeStatistics statistics, StrategicAssessmentBuilder builder, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            if (await AssessmentAsync(slug, from, to, statistics, builder, time, ct) is not { } result)
            {
                return ApiErrors.NotFound($"There is no partnership '{slug}'.");
            }

            if (result.Assessment is not { } a)
            {
                return result.Problem!;
            }

            if (a.Groups.FirstOrDefault(g => g.Key == key) is not { } group)
            {
                return ApiErrors.NotFound($"The assessment has no chart '{key}'. Its charts are: {string.Join(", ", a.Groups.Select(g => g.Key))}.");
            }

            // The page names the data stamp in the address, so a browser may keep the chart until the figures change.
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return TypedResults.Text(await builder.ChartSvgAsync(result.Stamp, a, group, ct), "image/svg+xml; charset=utf-8");
        })
        .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
        .WithSummary("One trend chart of the strategic assessment as SVG (the page shows each beside its numbers as a table); key is the crime group's key.");
    }

    /// <summary>
    /// The evidence pack as a Word document, mapped with the other documents in <c>DocumentRoutes</c>: for the API (problem
    /// details) or for the site's links (its error pages).
    /// </summary>
    internal static async Task<IResult> DocumentAsync(
        string slug, string? from, string? to, bool forApi, CrimeStatistics statistics, StrategicAssessmentBuilder builder, CrimeCache cache, TimeProvider time, PeerService peers, CancellationToken ct)
    {
        if (await AssessmentAsync(slug, from, to, statistics, builder, time, ct) is not { } result)
        {
            return forApi ? ApiErrors.NotFound($"There is no partnership '{slug}'.") : TypedResults.NotFound();
        }

        if (result.Assessment is not { } a)
        {
            return forApi ? result.Problem! : TypedResults.BadRequest();
        }

        var compared = a.From.MonthsUntil(a.To) == 11 ? await peers.ReportAsync(result.Stamp, a.From, a.To, ct) : null;
        return TypedResults.File(await cache.GetOrCreateAsync(
            $"assessment:docx:{a.From.Key}:{a.To.Key}:{result.Stamp.CacheKey}:{compared?.CacheKey}",
            _ => Task.FromResult(AssessmentDocx.ToBytes(a, compared)),
            bytes => bytes.LongLength, ct), DocumentMediaTypes.Docx, a.FileStem + ".docx");
    }

    /// <summary>The assessment for a slug and window with the stamp it was built under, a problem for bad parameters, or null when there is no such partnership.</summary>
    internal static async Task<(CrimeDataStamp Stamp, StrategicAssessment? Assessment, ProblemHttpResult? Problem)?> AssessmentAsync(
        string slug, string? from, string? to, CrimeStatistics statistics, StrategicAssessmentBuilder builder, TimeProvider time, CancellationToken ct)
    {
        if (await statistics.StampAsync(slug, ct) is not { } stamp)
        {
            return null;
        }

        var errors = new Dictionary<string, string>();
        if (CrimeQuery.Read(from, to, null, CrimeQuery.DefaultTo(await statistics.MonthlyAsync(stamp, ct), time), 24, errors) is not { } query)
        {
            return (stamp, null, CrimeQuery.Problem(errors));
        }

        return (stamp, await builder.BuildAsync(stamp, query.From, query.To, ct), null);
    }
}

public sealed record AssessmentRowDto(string Name, int Current, int Previous, int Change, decimal? PercentChange, decimal? RatePer1000Residents, decimal? RatePer1000Dwellings)
{
    public static AssessmentRowDto From(AssessmentRow r) => new(r.Name, r.Current, r.Previous, r.Change, r.PercentChange, r.ResidentsRate, r.DwellingsRate);
}

public sealed record AssessmentTrendPointDto(string Month, int Current, string PreviousMonth, int Previous);

public sealed record AssessmentGroupDto(string Key, string Name, AssessmentRowDto Totals, IReadOnlyList<GroupMemberShare> Members, IReadOnlyList<AssessmentTrendPointDto> Trend);

public sealed record HotSpotDto(string Code, string Name, string? Ward, int Current, int Previous, int Change, decimal? PercentChange);

public sealed record DenominatorUsedDto(int Year, decimal Value, string? Source);

/// <summary>The evidence pack as JSON. <c>indicators</c> is empty until indicator statuses are wired in.</summary>
public sealed record AssessmentDto(
    string Partnership, string Name, string From, string To, string PreviousFrom, string PreviousTo, string? Notice,
    string? AreaDefinition, int AreaLsoas, DenominatorUsedDto? Residents, DenominatorUsedDto? Dwellings,
    string ChangeRule, string ShareRule, string RateRule,
    IReadOnlyList<AssessmentRowDto> CrimeTypes, IReadOnlyList<AssessmentGroupDto> Groups,
    string HotSpotMeasure, IReadOnlyList<HotSpotDto> TopWards, IReadOnlyList<HotSpotDto> TopLsoas,
    IReadOnlyList<AssessmentIndicator> Indicators)
{
    public static AssessmentDto Of(StrategicAssessment a)
    {
        ArgumentNullException.ThrowIfNull(a);
        static DenominatorUsedDto? Used(AreaDenominator? d) => d is null ? null : new(d.Year, d.Value, d.Source);
        static HotSpotDto Spot(HotSpot h) => new(h.Code, h.Name, h.Ward, h.Current, h.Previous, h.Change, h.PercentChange);
        return new(
            a.Slug, a.PartnershipName, a.From.ToString(), a.To.ToString(), a.PreviousFrom.ToString(), a.PreviousTo.ToString(), a.Notice,
            a.AreaDefinition, a.AreaLsoas, Used(a.Residents), Used(a.Dwellings),
            AssessmentMaths.ChangeRule, AssessmentMaths.ShareRule, DenominatorService.Rule,
            a.CrimeTypes.Select(AssessmentRowDto.From).ToList(),
            a.Groups.Select(g => new AssessmentGroupDto(g.Key, g.Name, AssessmentRowDto.From(g.Totals), g.Members,
                g.Trend.Select(t => new AssessmentTrendPointDto(t.Month.ToString(), t.Current, t.PreviousMonth.ToString(), t.Previous)).ToList())).ToList(),
            a.HotSpotMeasure, a.TopWards.Select(Spot).ToList(), a.TopLsoas.Select(Spot).ToList(), a.Indicators);
    }
}
