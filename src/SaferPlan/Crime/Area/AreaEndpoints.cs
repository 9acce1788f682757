using Microsoft.AspNetCore.WebUtilities;
using SaferPlan.Uploads;

namespace SaferPlan.Crime.Area;

/// <summary>The JSON API for a partnership's area: set from a local authority's name or an ONS-style lookup file.</summary>
public static class AreaEndpoints
{
    public static void MapArea(RouteGroupBuilder api, RouteGroupBuilder writes)
    {
        api.MapGet("/partnerships/{slug}/area", (string slug, SaferPlanDbContext db, CrimeAreaService areas, CancellationToken ct) =>
            CrimeEndpoints.ForPartnershipAsync<Ok<AreaDto>>(db, slug, async id => TypedResults.Ok(AreaDto.From((await areas.GetAsync(id, ct))!)), ct))
        .WithSummary("How the partnership's area was set and its LSOAs with their wards and local authorities.");

        writes.MapPut("/partnerships/{slug}/area", (string slug, AreaRequest body, SaferPlanDbContext db, CrimeAreaService areas, CurrentUser current, CancellationToken ct) => CrimeEndpoints.ForPartnershipAsync<Ok<AreaDto>>(db, slug, async id =>
        {
            var result = await areas.SetFromLocalAuthorityNameAsync(id, body.LocalAuthorityName, await current.GetAsync(), ct);
            return result.Succeeded ? TypedResults.Ok(AreaDto.From(result.Value!)) : ApiErrors.From(result);
        }, ct))
        .WithSummary("Sets the area to every LSOA whose police.uk name begins with the local authority's name: {\"localAuthorityName\":\"South Cambridgeshire\"}.");

        writes.MapPost("/partnerships/{slug}/area/lookup", (string slug, string? localAuthority, string? fileName, HttpRequest request, SaferPlanDbContext db, CrimeAreaService areas, CurrentUser current, CancellationToken ct) => CrimeEndpoints.ForPartnershipAsync<Ok<AreaDto>>(db, slug, async id =>
        {
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
        }, ct))
        .WithSummary("Sets the area from an ONS-style lookup CSV sent as the body (Content-Type: text/csv); ?localAuthority= names the one to use (code or name) when the file has several. A bad file is refused whole with its line numbers.");
    }

    private static ProblemHttpResult LookupTooLarge() => ApiErrors.Problem(
        StatusCodes.Status413PayloadTooLarge, "Too large", UploadLimits.TooLarge("A lookup file", UploadLimits.LookupBytes));
}

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
