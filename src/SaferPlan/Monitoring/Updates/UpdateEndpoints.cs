namespace SaferPlan.Monitoring.Updates;

/// <summary>The JSON API for a milestone's quarterly updates, their review, and opening a quarter's collection round.</summary>
public static class UpdateEndpoints
{
    public static void MapUpdates(RouteGroupBuilder api, RouteGroupBuilder writes)
    {
        api.MapGet("/milestones/{id:int}/updates", HistoryAsync);
        api.MapGet("/milestones/{id:int}/updates/{period}", GetAsync).AllowingWholeYears();
        writes.MapPut("/milestones/{id:int}/updates/{period}", SaveAsync).AllowingWholeYears();
        writes.MapPut("/actions/{id:int}/updates/{period}", SaveActionAsync).AllowingWholeYears();
        writes.MapPost("/updates/{id:int}/review", ReviewAsync);
        writes.MapPost("/partnerships/{slug}/periods/{period}/round", OpenRoundAsync).AllowingWholeYears();
    }

    private static async Task<Results<Ok<List<MilestoneUpdateDto>>, ProblemHttpResult>> HistoryAsync(
        int id, PlanReader reader, UpdateService updates, CurrentUser current, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (await reader.MilestoneAsync(id, user, ct) is not { } found)
        {
            return ApiErrors.NotFound($"There is no milestone {id}.");
        }

        var history = await updates.HistoryAsync(id, found.PartnershipId, user, ct);
        return TypedResults.Ok(history.Select(u => MilestoneUpdateDto.From(u, found.Milestone.MeasurementKind)).ToList());
    }

    private static async Task<Results<Ok<MilestoneUpdateDto>, ProblemHttpResult>> GetAsync(
        int id, ReportingPeriod period, PlanReader reader, UpdateService updates, CurrentUser current, HttpContext http, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (await reader.MilestoneAsync(id, user, ct) is not { } found)
        {
            return ApiErrors.NotFound($"There is no milestone {id}.");
        }

        var update = (await updates.HistoryAsync(id, found.PartnershipId, user, ct)).FirstOrDefault(u => u.Period == period);
        if (update is null)
        {
            return ApiErrors.NotFound($"Milestone {found.Milestone.Code} has no update for {period.Display} yet.");
        }

        return EditResponses.Versioned(http, MilestoneUpdateDto.From(update, found.Milestone.MeasurementKind), update.Version);
    }

    private static async Task<Results<Ok<MilestoneUpdateDto>, ProblemHttpResult>> SaveAsync(
        int id, ReportingPeriod period, MilestoneUpdateRequest body, PlanReader reader, UpdateService updates, CurrentUser current, HttpContext http, CancellationToken ct)
    {
        if (ExpectedVersion.Read(http, body.Version) is not { } version)
        {
            return ApiErrors.VersionRequired("Send the version you read in If-Match or as \"version\" in the body; send version 0 for a milestone's first update in a quarter.");
        }

        var user = await current.GetAsync();

        // A first update starts at Official; a change to one must say its marking, or a Restricted update would be published.
        if (body.Marking is null && version.Value != 0)
        {
            return await reader.MilestoneAsync(id, user, ct) is null ? ApiErrors.NotFound($"There is no milestone {id}.") : ApiErrors.MarkingRequired();
        }

        var result = await updates.SaveAsync(id, period, body.ToInput(), version.Value, user, ct);
        if (!result.Succeeded)
        {
            return version.Problem(result);
        }

        var kind = (await reader.MilestoneAsync(id, user, ct))!.Value.Milestone.MeasurementKind;
        return EditResponses.Versioned(http, MilestoneUpdateDto.From(result.Value, kind), result.Value.Version);
    }

    private static async Task<Results<Ok<ActionUpdateDto>, ProblemHttpResult>> SaveActionAsync(
        int id, ReportingPeriod period, ActionUpdateRequest body, PlanReader reader, UpdateService updates, CurrentUser current, HttpContext http, CancellationToken ct)
    {
        if (ExpectedVersion.Read(http, body.Version) is not { } version)
        {
            return ApiErrors.VersionRequired("Send the version you read in If-Match or as \"version\" in the body; send version 0 for an action's first update in a quarter.");
        }

        // A first update starts at Official; a change to one must say its marking, or a Restricted update would be published.
        if (body.Marking is null && version.Value != 0)
        {
            return await reader.ActionAsync(id, await current.GetAsync(), ct) is null ? ApiErrors.NotFound($"There is no action {id}.") : ApiErrors.MarkingRequired();
        }

        var milestones = body.Milestones ?? [];
        var result = await updates.SaveActionAsync(id, period, milestones, body.ToInput(), version.Value, await current.GetAsync(), ct);
        if (!result.Succeeded)
        {
            return version.Problem(result);
        }

        return EditResponses.Versioned(http, new ActionUpdateDto(result.Value.Id, result.Value.ActionId, result.Value.Period.Slug, milestones.Distinct().Order().ToList(), result.Value.Version), result.Value.Version);
    }

    private static async Task<Results<Ok<ReviewedUpdateDto>, ProblemHttpResult>> ReviewAsync(
        int id, ReviewRequest body, UpdateService updates, CurrentUser current, CancellationToken ct)
    {
        if (body.Version is not { } version)
        {
            return ApiErrors.VersionRequired("Send the update's version you read as \"version\".");
        }

        var result = await updates.ReviewAsync(id, body.Accept, body.Comment, version, await current.GetAsync(), ct);
        return result.Succeeded
            ? TypedResults.Ok(new ReviewedUpdateDto(result.Value.Id, result.Value.State, result.Value.Version))
            : ApiErrors.From(result);
    }

    private static async Task<Results<Ok<RoundDto>, ProblemHttpResult>> OpenRoundAsync(
        string slug, ReportingPeriod period, RoundRequest body, PlanReader reader, UpdateService updates, CurrentUser current, CancellationToken ct)
    {
        if (await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership)
        {
            return ApiErrors.NotFound($"There is no partnership '{slug}'.");
        }

        var result = await updates.OpenRoundAsync(partnership.Id, period, body.Deadline, body.LockOn, await current.GetAsync(), ct);
        return result.Succeeded ? TypedResults.Ok(RoundDto.From(result.Value)!) : ApiErrors.From(result);
    }
}
