namespace SaferPlan.Plans;

/// <summary>The JSON API for partnerships and their plans.</summary>
public static class PlanEndpoints
{
    public static void MapPlans(this IEndpointRouteBuilder app)
    {
        var (api, writes) = app.MapApi("Plans");
        MapEditions(api);
        MapPlanStarts(writes);
        MapPriorities(api, writes);
        MapActions(api, writes);
        MapMilestones(api, writes);
        app.MapRefreshTimelines();
    }

    /// <summary>Partnerships, their plans and an edition with its outline: readable by anyone, restricted content left out for visitors.</summary>
    private static void MapEditions(RouteGroupBuilder api)
    {
        api.MapGet("/partnerships", async (PlanReader reader, CancellationToken ct) =>
            TypedResults.Ok((await reader.PartnershipsAsync(ct)).Select(PartnershipSummary.From).ToList()));

        api.MapGet("/partnerships/{slug}/plans", async Task<Results<Ok<List<PlanSummary>>, ProblemHttpResult>> (string slug, PlanReader reader, CurrentUser current, CancellationToken ct) =>
            await reader.PartnershipAsync(slug, await current.GetAsync(), ct) is { } view
                ? TypedResults.Ok(view.Plans.Select(PlanSummary.From).ToList())
                : ApiErrors.NotFound($"There is no partnership '{slug}'."));

        api.MapGet("/editions/{a:int}/compare/{b:int}", async Task<Results<Ok<EditionComparison>, ProblemHttpResult>> (int a, int b, EditionComparer comparer, CurrentUser current, CancellationToken ct) =>
        {
            var result = await comparer.CompareAsync(a, b, await current.GetAsync(), ct);
            return result.Succeeded ? TypedResults.Ok(result.Value) : ApiErrors.From(result);
        });

        api.MapGet("/editions/{id:int}", async Task<Results<Ok<EditionDto>, ProblemHttpResult>> (int id, PlanReader reader, CurrentUser current, CancellationToken ct) =>
            await reader.EditionAsync(id, await current.GetAsync(), ct) is { } view
                ? TypedResults.Ok(EditionDto.From(view))
                : ApiErrors.NotFound($"There is no plan edition {id}."));

        api.MapGet("/editions/{id:int}/amendments", async Task<Results<Ok<List<AmendmentDto>>, ProblemHttpResult>> (int id, PlanReader reader, CurrentUser current, CancellationToken ct) =>
        {
            var user = await current.GetAsync();
            if (await reader.EditionAsync(id, user, ct) is not { } view)
            {
                return ApiErrors.NotFound($"There is no plan edition {id}.");
            }

            if (Permissions.CanReadAmendments(user, view.Partnership.Id))
            {
                return TypedResults.Ok((await reader.AmendmentsAsync(id, ct)).Select(AmendmentDto.From).ToList());
            }

            return user.IsSignedIn
                ? ApiErrors.Problem(StatusCodes.Status403Forbidden, "Not allowed", "Only the partnership's members can read the amendments made to its plan, with their reasons.")
                : ApiErrors.SignInRequired();
        });
    }

    /// <summary>Starting a plan with its first edition as a draft, and recording the Board's approval of an edition.</summary>
    private static void MapPlanStarts(RouteGroupBuilder writes)
    {
        writes.MapPost("/partnerships/{slug}/plans", async Task<Results<Created<EditionDto>, ProblemHttpResult>> (string slug, PlanRequest body, PartnershipService partnerships, EditionService editions, PlanReader reader, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            if (await partnerships.BySlugAsync(slug, ct) is not { } partnership)
            {
                return ApiErrors.NotFound($"There is no partnership '{slug}'.");
            }

            var user = await current.GetAsync();
            return await EditResponses.CreatedAsync(http, await editions.StartPlanAsync(partnership.Id, new PlanInput(body.Title, body.StartYear, body.EndYear, body.EditionLabel), user, ct), saved => $"/api/editions/{saved.Id}",
                async saved => EditionDto.From((await reader.EditionAsync(saved.Id, user, ct))!));
        });

        writes.MapPost("/editions/{id:int}/next", async Task<Results<Created<EditionDto>, ProblemHttpResult>> (int id, NextEditionRequest body, NextEditionService editions, PlanReader reader, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            int? year = null;
            if (body.Year is not null)
            {
                if (!ReportingPeriod.TryParse(body.Year, out var period) || !period.IsWholeYear)
                {
                    return ApiErrors.Invalid(new Dictionary<string, string[]> { ["year"] = ["Give the year like 2011-12"] }, "Give the year like 2011-12");
                }

                year = period.StartYear;
            }

            var choices = (body.Priorities ?? []).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => new PriorityChoice(g.Last().Fate, g.Last().Into));
            var user = await current.GetAsync();
            return await EditResponses.CreatedAsync(http, await editions.StartNextAsync(id, new NextEditionInput(year, choices, body.CarryFinished), user, ct), saved => $"/api/editions/{saved.Id}",
                async saved => EditionDto.From((await reader.EditionAsync(saved.Id, user, ct))!));
        });

        writes.MapPut("/editions/{id:int}/name", async (int id, EditionNameRequest body, EditionService editions, PlanReader reader, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            var user = await current.GetAsync();
            return await ExpectedVersion.SavedAsync(http, body.Version, v => editions.RenameAsync(id, new EditionNameInput(body.Title, body.Label), v, user, ct),
                async saved => EditionDto.From((await reader.EditionAsync(id, user, ct))!));
        });

        writes.MapPost("/editions/{id:int}/approval", async Task<Results<Ok<EditionDto>, ProblemHttpResult>> (int id, ApprovalRequest body, EditionService editions, PlanReader reader, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            var user = await current.GetAsync();
            var expected = ExpectedVersion.Read(http, body.Version);
            var result = await editions.ApproveAsync(id, new ApprovalInput(body.DecidedOn, body.Body, body.Minute) { Label = body.Label }, expected?.Value, user, ct);
            return result.Succeeded
                ? EditResponses.Versioned(http, EditionDto.From((await reader.EditionAsync(id, user, ct))!), result.Value.Version)
                : expected is { } e ? e.Problem(result) : ApiErrors.From(result);
        });
    }

    /// <summary>A plan's priorities: added to an edition, read, edited and deleted with the version read.</summary>
    private static void MapPriorities(RouteGroupBuilder api, RouteGroupBuilder writes)
    {
        writes.MapPost("/editions/{id:int}/priorities", async Task<Results<Created<PriorityDto>, ProblemHttpResult>> (int id, PriorityRequest body, PlanEditor editor, PlanReader reader, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            var user = await current.GetAsync();
            return await EditResponses.CreatedAsync(http, await editor.CreatePriorityAsync(id, body.ToInput(), user, ct), saved => $"/api/priorities/{saved.Id}",
                async saved => PriorityDto.From((await reader.PriorityAsync(saved.Id, user, ct))!.Value.Priority));
        });

        api.MapGet("/priorities/{id:int}", async Task<Results<Ok<PriorityDto>, ProblemHttpResult>> (int id, PlanReader reader, CurrentUser current, HttpContext http, CancellationToken ct) =>
            await reader.PriorityAsync(id, await current.GetAsync(), ct) is { } found
                ? EditResponses.Versioned(http, PriorityDto.From(found.Priority), found.Priority.Version)
                : ApiErrors.NotFound($"There is no priority {id}."));

        writes.MapPut("/priorities/{id:int}", async (int id, PriorityRequest body, PlanEditor editor, PlanReader reader, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            var user = await current.GetAsync();
            if (body.Marking is null)
            {
                return await reader.PriorityAsync(id, user, ct) is null ? ApiErrors.NotFound($"There is no priority {id}.") : ApiErrors.MarkingRequired();
            }

            // A change that leaves out the kind keeps the priority's kind, rather than turning a mainstreamed one into a priority unasked.
            if (body.Kind is null && await reader.PriorityAsync(id, user, ct) is { } stored)
            {
                body = body with { Kind = stored.Priority.Kind };
            }

            return await ExpectedVersion.SavedAsync(http, body.Version, v => editor.UpdatePriorityAsync(id, body.ToInput(), v, user, ct),
                async saved => PriorityDto.From((await reader.PriorityAsync(id, user, ct))!.Value.Priority));
        });

        writes.MapDelete("/priorities/{id:int}", (int id, int? version, PlanEditor editor, CurrentUser current, HttpContext http, CancellationToken ct) =>
            ExpectedVersion.DeletedAsync(http, version, async v => await editor.DeletePriorityAsync(id, v, await current.GetAsync(), ct)));
    }

    /// <summary>A priority's actions, as priorities are.</summary>
    private static void MapActions(RouteGroupBuilder api, RouteGroupBuilder writes)
    {
        writes.MapPost("/priorities/{id:int}/actions", async Task<Results<Created<ActionDto>, ProblemHttpResult>> (int id, ActionRequest body, PlanEditor editor, PlanReader reader, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            var user = await current.GetAsync();
            return await EditResponses.CreatedAsync(http, await editor.CreateActionAsync(id, body.ToInput(), user, ct), saved => $"/api/actions/{saved.Id}",
                async saved => ActionDto.From((await reader.ActionAsync(saved.Id, user, ct))!.Value.Action));
        });

        api.MapGet("/actions/{id:int}", async Task<Results<Ok<ActionDto>, ProblemHttpResult>> (int id, PlanReader reader, CurrentUser current, HttpContext http, CancellationToken ct) =>
            await reader.ActionAsync(id, await current.GetAsync(), ct) is { } found
                ? EditResponses.Versioned(http, ActionDto.From(found.Action), found.Action.Version)
                : ApiErrors.NotFound($"There is no action {id}."));

        writes.MapPut("/actions/{id:int}", async (int id, ActionRequest body, PlanEditor editor, PlanReader reader, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            var user = await current.GetAsync();
            if (body.Marking is null)
            {
                return await reader.ActionAsync(id, user, ct) is null ? ApiErrors.NotFound($"There is no action {id}.") : ApiErrors.MarkingRequired();
            }

            return await ExpectedVersion.SavedAsync(http, body.Version, v => editor.UpdateActionAsync(id, body.ToInput(), v, user, ct),
                async saved => ActionDto.From((await reader.ActionAsync(id, user, ct))!.Value.Action));
        });

        writes.MapDelete("/actions/{id:int}", (int id, int? version, PlanEditor editor, CurrentUser current, HttpContext http, CancellationToken ct) =>
            ExpectedVersion.DeletedAsync(http, version, async v => await editor.DeleteActionAsync(id, v, await current.GetAsync(), ct)));
    }

    /// <summary>An action's milestones, as priorities are.</summary>
    private static void MapMilestones(RouteGroupBuilder api, RouteGroupBuilder writes)
    {
        writes.MapPost("/actions/{id:int}/milestones", async Task<Results<Created<MilestoneDto>, ProblemHttpResult>> (int id, MilestoneRequest body, PlanEditor editor, PlanReader reader, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            var user = await current.GetAsync();
            return await EditResponses.CreatedAsync(http, await editor.CreateMilestoneAsync(id, body.ToInput(), user, ct), saved => $"/api/milestones/{saved.Id}",
                async saved => MilestoneDto.From((await reader.MilestoneAsync(saved.Id, user, ct))!.Value.Milestone));
        });

        api.MapGet("/milestones/{id:int}", async Task<Results<Ok<MilestoneDto>, ProblemHttpResult>> (int id, PlanReader reader, CurrentUser current, HttpContext http, CancellationToken ct) =>
            await reader.MilestoneAsync(id, await current.GetAsync(), ct) is { } found
                ? EditResponses.Versioned(http, MilestoneDto.From(found.Milestone), found.Milestone.Version)
                : ApiErrors.NotFound($"There is no milestone {id}."));

        writes.MapPut("/milestones/{id:int}", async (int id, MilestoneRequest body, PlanEditor editor, PlanReader reader, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            var user = await current.GetAsync();
            if (body.Marking is null)
            {
                return await reader.MilestoneAsync(id, user, ct) is null ? ApiErrors.NotFound($"There is no milestone {id}.") : ApiErrors.MarkingRequired();
            }

            // A change that leaves out how the milestone is measured keeps it, rather than resetting it to text unasked.
            if (body.MeasurementKind is null && await reader.MilestoneAsync(id, user, ct) is { } stored)
            {
                body = body with { MeasurementKind = stored.Milestone.MeasurementKind };
            }

            return await ExpectedVersion.SavedAsync(http, body.Version, v => editor.UpdateMilestoneAsync(id, body.ToInput(), v, user, ct),
                async saved => MilestoneDto.From((await reader.MilestoneAsync(id, user, ct))!.Value.Milestone));
        });

        writes.MapDelete("/milestones/{id:int}", (int id, int? version, PlanEditor editor, CurrentUser current, HttpContext http, CancellationToken ct) =>
            ExpectedVersion.DeletedAsync(http, version, async v => await editor.DeleteMilestoneAsync(id, v, await current.GetAsync(), ct)));
    }
}
