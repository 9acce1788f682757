namespace SaferPlan.Plans;

/// <summary>The dates a support officer sets for an edition's refresh; <c>version</c> is 0 until they are first set.</summary>
public sealed record RefreshTimelineRequest(
    DateOnly? PrioritiesDecidedOn, DateOnly? InputOpensOn, DateOnly? InputClosesOn, DateOnly? ExecutiveDiscussionOn,
    DateOnly? CirculatedOn, DateOnly? CommentDeadline, DateOnly? ApprovalMeetingOn, int? Version)
{
    public RefreshTimelineInput ToInput() =>
        new(PrioritiesDecidedOn, InputOpensOn, InputClosesOn, ExecutiveDiscussionOn, CirculatedOn, CommentDeadline, ApprovalMeetingOn);
}

/// <summary>One step of the refresh with its date in words and where it stands today: NotDated, ToDo, Today or Done.</summary>
public sealed record RefreshStepDto(string Name, string? When, RefreshStepState State);

/// <summary>An edition's refresh dates, whether lead officers' input is open today, and the steps as the edition page lists them.</summary>
public sealed record RefreshTimelineDto(
    int EditionId, DateOnly? PrioritiesDecidedOn, DateOnly? InputOpensOn, DateOnly? InputClosesOn, DateOnly? ExecutiveDiscussionOn,
    DateOnly? CirculatedOn, DateOnly? CommentDeadline, DateOnly? ApprovalMeetingOn, bool InputOpen, IReadOnlyList<RefreshStepDto> Steps, int Version)
{
    public static RefreshTimelineDto From(RefreshTimelineView view, DateOnly today)
    {
        var t = view.Timeline ?? new RefreshTimeline { EditionId = view.Edition.Id };
        return new(view.Edition.Id, t.PrioritiesDecidedOn, t.InputOpensOn, t.InputClosesOn, t.ExecutiveDiscussionOn, t.CirculatedOn,
            t.CommentDeadline, t.ApprovalMeetingOn, t.IsInputOpen(today), t.Steps(today).Select(s => new RefreshStepDto(s.Name, s.When, s.State)).ToList(), view.Version);
    }
}

/// <summary><c>GET</c> and <c>PUT /api/editions/{id}/timeline</c>: read by the partnership's members, set by its support officers.</summary>
public static class TimelineEndpoints
{
    public static void MapRefreshTimelines(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Plans");

        api.MapGet("/editions/{id:int}/timeline", async Task<Results<Ok<RefreshTimelineDto>, ProblemHttpResult>> (int id, RefreshTimelineService timelines, CurrentUser current, HttpContext http, CancellationToken ct) =>
            await timelines.ReadAsync(id, await current.GetAsync(), ct) is { } view
                ? EditResponses.Versioned(http, RefreshTimelineDto.From(view, timelines.Today), view.Version)
                : ApiErrors.NotFound($"There is no plan edition {id}."));

        api.MapPut("/editions/{id:int}/timeline", async (int id, RefreshTimelineRequest body, RefreshTimelineService timelines, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            var user = await current.GetAsync();
            return await ExpectedVersion.SavedAsync(http, body.Version, v => timelines.SaveAsync(id, body.ToInput(), v, user, ct),
                async _ => RefreshTimelineDto.From((await timelines.ReadAsync(id, user, ct))!, timelines.Today));
        }).RequireAuthorization();
    }
}
