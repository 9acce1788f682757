namespace SaferPlan.Plans.Consultation;

/// <summary>A change made: for the priority named, or for the whole plan when <c>priorityId</c> is null.</summary>
public sealed record ChangeRequest(int? PriorityId, string? Text);

/// <summary>A change made reworded, with the version read.</summary>
public sealed record ChangeEditRequest(string? Text, int? Version);

public sealed record ChangeDto(int Id, int EditionId, string Number, int? PriorityId, string Text, string WrittenBy, DateTimeOffset WrittenAt, int Version)
{
    public static ChangeDto From(NumberedChange n) =>
        new(n.Change.Id, n.Change.EditionId, n.Number, n.Change.PriorityId, n.Change.Text, n.Change.WrittenBy, n.Change.WrittenAt, n.Change.Version);
}

/// <summary>The "changes made" API of a refreshed edition (seed 002's Appendix A): members read them; support officers write them until approval.</summary>
public static class RefreshChangeEndpoints
{
    public static void MapRefreshChanges(this IEndpointRouteBuilder app)
    {
        var (api, writes) = app.MapApi("Consultation");

        api.MapGet("/editions/{id:int}/changes", async Task<Results<Ok<List<ChangeDto>>, ProblemHttpResult>> (int id, RefreshChangeService changes, CurrentUser current, CancellationToken ct) =>
        {
            var user = await current.GetAsync();
            var result = await changes.ChangesAsync(id, user, ct);
            if (result.Succeeded)
            {
                return TypedResults.Ok(result.Value.Changes.Select(ChangeDto.From).ToList());
            }

            return ApiErrors.From(result, user);
        });

        writes.MapPost("/editions/{id:int}/changes", async (int id, ChangeRequest body, RefreshChangeService changes, CurrentUser current, HttpContext http, CancellationToken ct) =>
            await EditResponses.CreatedAsync(http, await changes.AddAsync(id, new RefreshChangeInput(body.PriorityId, body.Text), await current.GetAsync(), ct),
                change => $"/api/changes/{change.Id}", change => NumberedAsync(changes, change, ct)));

        writes.MapPut("/changes/{id:int}", async (int id, ChangeEditRequest body, RefreshChangeService changes, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            var user = await current.GetAsync();
            return await ExpectedVersion.SavedAsync(http, body.Version, v => changes.EditAsync(id, body.Text, v, user, ct), saved => NumberedAsync(changes, saved, ct));
        });

        writes.MapDelete("/changes/{id:int}", async (int id, int? version, RefreshChangeService changes, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            var user = await current.GetAsync();
            return await ExpectedVersion.DeletedAsync(http, version, v => changes.DeleteAsync(id, v, user, ct));
        });
    }

    private static async Task<ChangeDto> NumberedAsync(RefreshChangeService changes, RefreshChange change, CancellationToken ct) =>
        ChangeDto.From((await changes.NumberedAsync(change.EditionId, ct)).First(n => n.Change.Id == change.Id));
}
