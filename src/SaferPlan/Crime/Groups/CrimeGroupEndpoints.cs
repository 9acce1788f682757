namespace SaferPlan.Crime.Groups;

/// <summary>The JSON API for a partnership's crime groups: named sets of police.uk crime types the figures are counted in.</summary>
public static class CrimeGroupEndpoints
{
    public static void MapCrimeGroups(RouteGroupBuilder api, RouteGroupBuilder writes)
    {
        api.MapGet("/partnerships/{slug}/crime-groups", (string slug, SaferPlanDbContext db, CrimeGroupService groups, CancellationToken ct) =>
            CrimeEndpoints.ForPartnershipAsync<Ok<List<CrimeGroupDto>>>(db, slug, async id => TypedResults.Ok((await groups.ListAsync(id, ct)).Select(CrimeGroupDto.From).ToList()), ct))
        .WithSummary("The partnership's crime groups with their crime types.");

        writes.MapPost("/partnerships/{slug}/crime-groups", (string slug, CrimeGroupRequest body, SaferPlanDbContext db, CrimeGroupService groups, CurrentUser current, HttpContext http, CancellationToken ct) => CrimeEndpoints.ForPartnershipAsync<Created<CrimeGroupDto>>(db, slug, async id =>
            await EditResponses.Created(http, await groups.CreateAsync(id, body.ToInput(), await current.GetAsync(), ct), g => $"/api/crime-groups/{g.Id}", CrimeGroupDto.From), ct))
        .WithSummary("Adds a crime group: {\"name\":\"Serious acquisitive crime\",\"crimeTypeIds\":[3,10,13]}.");

        writes.MapPost("/partnerships/{slug}/crime-groups/usual", (string slug, SaferPlanDbContext db, CrimeGroupService groups, CurrentUser current, CancellationToken ct) => CrimeEndpoints.ForPartnershipAsync<Ok<List<CrimeGroupDto>>>(db, slug, async id =>
        {
            var result = await groups.AddUsualAsync(id, await current.GetAsync(), ct);
            return result.Succeeded ? TypedResults.Ok(result.Value.Select(CrimeGroupDto.From).ToList()) : ApiErrors.From(result);
        }, ct))
        .WithSummary("Adds the usual crime groups (all crime, serious acquisitive crime, violence, theft, anti-social behaviour) the partnership does not have; returns those added.");
        MapCrimeGroup(api, writes);
    }

    /// <summary>One crime group by its id: read, edited and deleted with the version read.</summary>
    private static void MapCrimeGroup(RouteGroupBuilder api, RouteGroupBuilder writes)
    {
        api.MapGet("/crime-groups/{id:int}", async Task<Results<Ok<CrimeGroupDto>, ProblemHttpResult>> (int id, CrimeGroupService groups, HttpContext http, CancellationToken ct) =>
            await groups.GetAsync(id, ct) is { } group
                ? EditResponses.Versioned(http, CrimeGroupDto.From(group), group.Version)
                : ApiErrors.NotFound($"There is no crime group {id}."));

        writes.MapPut("/crime-groups/{id:int}", (int id, CrimeGroupRequest body, CrimeGroupService groups, CurrentUser current, HttpContext http, CancellationToken ct) =>
            ExpectedVersion.SavedAsync(http, body.Version, async v => await groups.UpdateAsync(id, body.ToInput(), v, await current.GetAsync(), ct), saved => Task.FromResult(CrimeGroupDto.From(saved))));

        writes.MapDelete("/crime-groups/{id:int}", (int id, int? version, CrimeGroupService groups, CurrentUser current, HttpContext http, CancellationToken ct) =>
            ExpectedVersion.DeletedAsync(http, version, async v => await groups.DeleteAsync(id, v, await current.GetAsync(), ct)));
    }
}

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
