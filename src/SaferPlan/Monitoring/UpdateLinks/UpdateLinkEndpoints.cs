namespace SaferPlan.Monitoring.UpdateLinks;

public sealed record UpdateLinkDto(int Id, int PersonId, string Person, string Period, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    public static UpdateLinkDto From(UpdateLink l, string person) =>
        new(l.Id, l.PersonId, person, l.Period.Slug, l.CreatedAt, l.CreatedBy, l.ExpiresAt, l.RevokedAt, l.LastUsedAt);
}

/// <summary>The JSON API for the personal update links e-mailed with reminders: listing a quarter's, and revoking one.</summary>
public static class UpdateLinkEndpoints
{
    public static void MapUpdateLinks(RouteGroupBuilder api)
    {
        api.MapGet("/partnerships/{slug}/periods/{period}/update-links", LinksAsync).AllowingWholeYears();
        api.MapPost("/update-links/{id:int}/revoke", RevokeAsync);
    }

    private static async Task<Results<Ok<List<UpdateLinkDto>>, ProblemHttpResult>> LinksAsync(
        string slug, ReportingPeriod period, PlanReader reader, UpdateLinkService links, CurrentUser current, CancellationToken ct)
    {
        if (await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership)
        {
            return ApiErrors.NotFound($"There is no partnership '{slug}'.");
        }

        var result = await links.LinksAsync(partnership.Id, period, await current.GetAsync(), ct);
        return result.Succeeded
            ? TypedResults.Ok(result.Value.Select(l => UpdateLinkDto.From(l.Link, l.Person.Name)).ToList())
            : ApiErrors.From(result);
    }

    private static async Task<Results<Ok<RevokedLinkDto>, ProblemHttpResult>> RevokeAsync(int id, UpdateLinkService links, CurrentUser current, CancellationToken ct)
    {
        var result = await links.RevokeAsync(id, await current.GetAsync(), ct);
        return result.Succeeded
            ? TypedResults.Ok(new RevokedLinkDto(result.Value.Id, result.Value.RevokedAt))
            : ApiErrors.From(result);
    }
}

/// <summary>When a link stopped working.</summary>
public sealed record RevokedLinkDto(int Id, DateTimeOffset? RevokedAt);
