using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SaferPlan.Accounts;
using SaferPlan.Api;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Crime.Assessment;
using SaferPlan.Core.Data;
using SaferPlan.Uploads;

namespace SaferPlan.Crime;

/// <summary>
/// The JSON API for recorded crime: a partnership's area, crime groups and denominators (edited by its administrators,
/// support officers and analysts), its crime figures with breakdowns, and the strategic assessment evidence pack.
/// Recorded crime is open data, so the figures are readable without signing in.
/// </summary>
public static class CrimeEndpoints
{
    public static void MapCrimeEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Recorded crime");
        var writes = api.MapGroup("").RequireAuthorization();

        api.MapGet("/crime-types", () => TypedResults.Ok(CrimeTypes.All.Select(t => new CrimeTypeDto(t.Id, t.Name, t.IsAntiSocialBehaviour)).ToList()))
            .WithSummary("police.uk's crime types with their ids, as crime groups name them.");

        api.MapGet("/partnerships/{slug}/crime", async Task<IResult> (string slug, string? from, string? to, string? by, CrimeStatistics statistics, CrimeCache cache, IOptions<JsonOptions> json, TimeProvider time, CancellationToken ct) =>
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
            var body = await cache.GetOrCreateAsync($"crime:json:{query.From.Key}:{query.To.Key}:{query.By}:{stamp.CacheKey}", async ct =>
            {
                var summary = await statistics.SummaryAsync(stamp, query.From, query.To, ct);
                var breakdown = query.By is { } b ? await statistics.BreakdownAsync(stamp, b, query.From, query.To, ct) : null;
                return JsonSerializer.SerializeToUtf8Bytes(CrimeDto.Of(summary, query.By, breakdown), json.Value.SerializerOptions);
            }, bytes => bytes.LongLength, ct);
            return TypedResults.Bytes(body, JsonContentType);
        })
        .Produces<CrimeDto>()
        .WithSummary("Recorded crime in the partnership's area from one month to another (YYYY-MM; by default the latest 12 months with data): counts per crime type and per group, and with by=month|ward|lsoa a breakdown.");

        api.MapGet("/partnerships/{slug}/assessment", async Task<IResult> (string slug, string? from, string? to, CrimeStatistics statistics, StrategicAssessmentBuilder builder, CrimeCache cache, IOptions<JsonOptions> json, TimeProvider time, CancellationToken ct) =>
            await AssessmentAsync(slug, from, to, statistics, builder, time, ct) is { } result
                ? result.Assessment is { } a
                    ? TypedResults.Bytes(await cache.GetOrCreateAsync(
                        $"assessment:json:{a.From.Key}:{a.To.Key}:{result.Stamp.CacheKey}",
                        _ => Task.FromResult(JsonSerializer.SerializeToUtf8Bytes(AssessmentDto.Of(a), json.Value.SerializerOptions)),
                        bytes => bytes.LongLength, ct), JsonContentType)
                    : result.Problem!
                : ApiErrors.NotFound($"There is no partnership '{slug}'."))
        .Produces<AssessmentDto>()
        .WithSummary("The strategic assessment evidence pack for a window of up to 24 months (by default the latest 12 with data) against the same length before it.");

        api.MapGet("/partnerships/{slug}/assessment/charts/{key}.svg", async Task<IResult> (string slug, string key, string? from, string? to, CrimeStatistics statistics, StrategicAssessmentBuilder builder, TimeProvider time, HttpContext http, CancellationToken ct) =>
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
        .WithSummary("One trend chart of the strategic assessment as SVG (the page shows each beside its numbers as a table); key is the crime group's key.");

        api.MapGet("/partnerships/{slug}/assessment.docx", async Task<IResult> (string slug, string? from, string? to, CrimeStatistics statistics, StrategicAssessmentBuilder builder, CrimeCache cache, TimeProvider time, CancellationToken ct) =>
            await AssessmentAsync(slug, from, to, statistics, builder, time, ct) is { } result
                ? result.Assessment is { } a
                    ? TypedResults.File(await cache.GetOrCreateAsync(
                        $"assessment:docx:{a.From.Key}:{a.To.Key}:{result.Stamp.CacheKey}",
                        _ => Task.FromResult(AssessmentDocx.ToBytes(a)),
                        bytes => bytes.LongLength, ct), AssessmentDocx.MediaType, a.FileStem + ".docx")
                    : result.Problem!
                : ApiErrors.NotFound($"There is no partnership '{slug}'."))
        .RequireRateLimiting(SaferPlan.Security.RateLimits.Documents)
        .WithSummary("The strategic assessment evidence pack as a Word document.");

        api.MapGet("/partnerships/{slug}/area", async Task<IResult> (string slug, SaferPlanDbContext db, CrimeAreaService areas, CancellationToken ct) =>
            await PartnershipIdAsync(db, slug, ct) is { } id
                ? TypedResults.Ok(AreaDto.From((await areas.GetAsync(id, ct))!))
                : ApiErrors.NotFound($"There is no partnership '{slug}'."))
        .WithSummary("How the partnership's area was set and its LSOAs with their wards and local authorities.");

        writes.MapPut("/partnerships/{slug}/area", async Task<IResult> (string slug, AreaRequest body, SaferPlanDbContext db, CrimeAreaService areas, CurrentUser current, CancellationToken ct) =>
        {
            if (await PartnershipIdAsync(db, slug, ct) is not { } id)
            {
                return ApiErrors.NotFound($"There is no partnership '{slug}'.");
            }

            var result = await areas.SetFromLocalAuthorityNameAsync(id, body.LocalAuthorityName, await current.GetAsync(), ct);
            return result.Succeeded ? TypedResults.Ok(AreaDto.From(result.Value!)) : ApiErrors.From(result);
        })
        .WithSummary("Sets the area to every LSOA whose police.uk name begins with the local authority's name: {\"localAuthorityName\":\"South Cambridgeshire\"}.");

        writes.MapPost("/partnerships/{slug}/area/lookup", async Task<IResult> (string slug, string? localAuthority, string? fileName, HttpRequest request, SaferPlanDbContext db, CrimeAreaService areas, CurrentUser current, CancellationToken ct) =>
        {
            if (await PartnershipIdAsync(db, slug, ct) is not { } id)
            {
                return ApiErrors.NotFound($"There is no partnership '{slug}'.");
            }

            // Who may set the area is decided before a byte of the body is read, and the body is held to the lookup
            // limit and buffered on disk past 64 KB (the reader reads synchronously), never whole in memory.
            var user = await current.GetAsync();
            if (!Permissions.CanEditIndicators(user, id))
            {
                return ApiErrors.Problem(StatusCodes.Status403Forbidden, "Not allowed", "Only the partnership's administrators, support officers and analysts may set its area.");
            }

            if (!UploadLimits.Admit(request.HttpContext, UploadLimits.LookupBytes))
            {
                return LookupTooLarge();
            }

            request.EnableBuffering(bufferThreshold: 1 << 16, bufferLimit: UploadLimits.LookupBytes);
            try
            {
                await request.Body.DrainAsync(ct);
            }
            catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or IOException)
            {
                return LookupTooLarge();
            }

            request.Body.Position = 0;
            var result = await areas.SetFromLookupAsync(id, request.Body, string.IsNullOrWhiteSpace(fileName) ? "the lookup file" : fileName, localAuthority, user, ct);
            return result.Succeeded ? TypedResults.Ok(AreaDto.From(result.Value!)) : ApiErrors.From(result);
        })
        .WithSummary("Sets the area from an ONS-style lookup CSV sent as the body (Content-Type: text/csv); ?localAuthority= names the one to use (code or name) when the file has several. A bad file is refused whole with its line numbers.");

        api.MapGet("/partnerships/{slug}/crime-groups", async Task<IResult> (string slug, SaferPlanDbContext db, CrimeGroupService groups, CancellationToken ct) =>
            await PartnershipIdAsync(db, slug, ct) is { } id
                ? TypedResults.Ok((await groups.ListAsync(id, ct)).Select(CrimeGroupDto.From).ToList())
                : ApiErrors.NotFound($"There is no partnership '{slug}'."))
        .WithSummary("The partnership's crime groups with their crime types.");

        writes.MapPost("/partnerships/{slug}/crime-groups", async Task<IResult> (string slug, CrimeGroupRequest body, SaferPlanDbContext db, CrimeGroupService groups, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            if (await PartnershipIdAsync(db, slug, ct) is not { } id)
            {
                return ApiErrors.NotFound($"There is no partnership '{slug}'.");
            }

            var result = await groups.CreateAsync(id, body.ToInput(), await current.GetAsync(), ct);
            if (!result.Succeeded)
            {
                return ApiErrors.From(result);
            }

            http.Response.Headers.ETag = $"\"{result.Value!.Version}\"";
            return TypedResults.Created($"/api/crime-groups/{result.Value.Id}", CrimeGroupDto.From(result.Value));
        })
        .WithSummary("Adds a crime group: {\"name\":\"Serious acquisitive crime\",\"crimeTypeIds\":[3,10,13]}.");

        writes.MapPost("/partnerships/{slug}/crime-groups/usual", async Task<IResult> (string slug, SaferPlanDbContext db, CrimeGroupService groups, CurrentUser current, CancellationToken ct) =>
        {
            if (await PartnershipIdAsync(db, slug, ct) is not { } id)
            {
                return ApiErrors.NotFound($"There is no partnership '{slug}'.");
            }

            var result = await groups.AddUsualAsync(id, await current.GetAsync(), ct);
            return result.Succeeded ? TypedResults.Ok(result.Value!.Select(CrimeGroupDto.From).ToList()) : ApiErrors.From(result);
        })
        .WithSummary("Adds the usual crime groups (all crime, serious acquisitive crime, violence, theft, anti-social behaviour) the partnership does not have; returns those added.");

        api.MapGet("/crime-groups/{id:int}", async Task<IResult> (int id, CrimeGroupService groups, HttpContext http, CancellationToken ct) =>
        {
            if (await groups.GetAsync(id, ct) is not { } group)
            {
                return ApiErrors.NotFound($"There is no crime group {id}.");
            }

            http.Response.Headers.ETag = $"\"{group.Version}\"";
            return TypedResults.Ok(CrimeGroupDto.From(group));
        });

        writes.MapPut("/crime-groups/{id:int}", async Task<IResult> (int id, CrimeGroupRequest body, CrimeGroupService groups, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            if (ExpectedVersion.Read(http, body.Version) is not { } version)
            {
                return ApiErrors.VersionRequired();
            }

            var result = await groups.UpdateAsync(id, body.ToInput(), version.Value, await current.GetAsync(), ct);
            if (!result.Succeeded)
            {
                return version.Problem(result);
            }

            http.Response.Headers.ETag = $"\"{result.Value!.Version}\"";
            return TypedResults.Ok(CrimeGroupDto.From(result.Value));
        });

        writes.MapDelete("/crime-groups/{id:int}", async Task<IResult> (int id, int? version, CrimeGroupService groups, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            if (ExpectedVersion.Read(http, version) is not { } expected)
            {
                return ApiErrors.VersionRequired();
            }

            var result = await groups.DeleteAsync(id, expected.Value, await current.GetAsync(), ct);
            return result.Succeeded ? TypedResults.NoContent() : expected.Problem(result);
        });

        api.MapGet("/partnerships/{slug}/denominators", async Task<IResult> (string slug, SaferPlanDbContext db, DenominatorService denominators, CancellationToken ct) =>
            await PartnershipIdAsync(db, slug, ct) is { } id
                ? TypedResults.Ok((await denominators.ListAsync(id, ct)).Select(DenominatorDto.From).ToList())
                : ApiErrors.NotFound($"There is no partnership '{slug}'."))
        .WithSummary("The partnership's residents and dwellings per year, for rates per 1,000.");

        writes.MapPut("/partnerships/{slug}/denominators/{kind}/{year:int}", async Task<IResult> (string slug, string kind, int year, DenominatorRequest body, SaferPlanDbContext db, DenominatorService denominators, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            if (await PartnershipIdAsync(db, slug, ct) is not { } id)
            {
                return ApiErrors.NotFound($"There is no partnership '{slug}'.");
            }

            if (!TryKind(kind, out var k))
            {
                return BadKind(kind);
            }

            if (ExpectedVersion.Read(http, body.Version) is not { } version)
            {
                return ApiErrors.VersionRequired();
            }

            var result = await denominators.SetAsync(id, k, year, new DenominatorInput(body.Value, body.Source), version.Value, await current.GetAsync(), ct);
            if (!result.Succeeded)
            {
                return version.Problem(result);
            }

            http.Response.Headers.ETag = $"\"{result.Value!.Version}\"";
            return TypedResults.Ok(DenominatorDto.From(result.Value));
        })
        .WithSummary("Sets a year's residents or dwellings: {\"value\":59000,\"source\":\"…\",\"version\":0} (version 0 adds a figure; otherwise send the version read).");

        writes.MapDelete("/partnerships/{slug}/denominators/{kind}/{year:int}", async Task<IResult> (string slug, string kind, int year, int? version, SaferPlanDbContext db, DenominatorService denominators, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            if (await PartnershipIdAsync(db, slug, ct) is not { } id)
            {
                return ApiErrors.NotFound($"There is no partnership '{slug}'.");
            }

            if (!TryKind(kind, out var k))
            {
                return BadKind(kind);
            }

            if (ExpectedVersion.Read(http, version) is not { } expected)
            {
                return ApiErrors.VersionRequired();
            }

            var result = await denominators.DeleteAsync(id, k, year, expected.Value, await current.GetAsync(), ct);
            return result.Succeeded ? TypedResults.NoContent() : expected.Problem(result);
        });
    }

    private const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>The assessment for a slug and window with the stamp it was built under, a problem for bad parameters, or null when there is no such partnership.</summary>
    internal static async Task<(CrimeDataStamp Stamp, StrategicAssessment? Assessment, IResult? Problem)?> AssessmentAsync(
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

    private static async Task<int?> PartnershipIdAsync(SaferPlanDbContext db, string slug, CancellationToken ct) =>
        await db.Partnerships.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);

    private static IResult LookupTooLarge() => ApiErrors.Problem(
        StatusCodes.Status413PayloadTooLarge, "Too large", UploadLimits.TooLarge("A lookup file", UploadLimits.LookupBytes));

    private static bool TryKind(string text, out DenominatorKind kind) =>
        Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !text.All(char.IsDigit);

    private static IResult BadKind(string kind) => CrimeQuery.Problem(new Dictionary<string, string> { ["kind"] = $"'{kind}' is not a denominator: choose residents or dwellings" });
}

public sealed record CrimeTypeDto(short Id, string Name, bool IsAntiSocialBehaviour);

public sealed record AreaLsoaDto(string Code, string Name, string? WardCode, string? WardName, string? LocalAuthorityCode, string? LocalAuthorityName);

public sealed record AreaDto(string? Definition, string? LocalAuthorityName, int LsoaCount, IReadOnlyList<AreaLsoaDto> Lsoas)
{
    public static AreaDto From(AreaView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Definition, view.LocalAuthorityName, view.Lsoas.Count,
            view.Lsoas.Select(l => new AreaLsoaDto(l.Code, l.Name, l.WardCode, l.WardName, l.LocalAuthorityCode, l.LocalAuthorityName)).ToList());
    }
}

public sealed record AreaRequest(string? LocalAuthorityName);

public sealed record CrimeGroupRequest(string? Name, IReadOnlyList<short>? CrimeTypeIds, string? Key, int? SortOrder, int? Version)
{
    public CrimeGroupInput ToInput() => new(Name, CrimeTypeIds, Key, SortOrder);
}

public sealed record CrimeGroupDto(int Id, string Key, string Name, int SortOrder, IReadOnlyList<short> CrimeTypeIds, IReadOnlyList<string> CrimeTypes, int Version)
{
    public static CrimeGroupDto From(CrimeGroup g)
    {
        ArgumentNullException.ThrowIfNull(g);
        var ids = g.Members.Select(m => m.CrimeTypeId).Order().ToList();
        return new(g.Id, g.Key, g.Name, g.SortOrder, ids, ids.Select(id => SaferPlan.Core.Crime.CrimeTypes.All.Single(t => t.Id == id).Name).ToList(), g.Version);
    }
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
