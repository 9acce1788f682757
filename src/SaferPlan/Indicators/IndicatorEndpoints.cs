namespace SaferPlan.Indicators;

/// <summary>
/// The JSON API for indicators, their values, baselines, targets and links. Indicators are never restricted, so
/// anyone may read them; writes need a token of an administrator, support officer or analyst of the partnership.
/// </summary>
public static class IndicatorEndpoints
{
    public static void MapIndicators(this IEndpointRouteBuilder app)
    {
        var (api, writes) = app.MapApi("Indicators");
        MapIndicatorList(api, writes);
        MapValues(writes);
        MapBaselines(writes);
        MapTargets(writes);
        MapLinks(writes);
    }

    /// <summary>A partnership's indicators and one indicator's detail and value over a span; edited by its members.</summary>
    private static void MapIndicatorList(RouteGroupBuilder api, RouteGroupBuilder writes)
    {
        api.MapGet("/partnerships/{slug}/indicators", async Task<Results<Ok<List<IndicatorSummaryDto>>, ProblemHttpResult>> (string slug, IndicatorReader reader, CancellationToken ct) =>
                await reader.ListAsync(slug, ct) is { } list
                    ? TypedResults.Ok(list.Indicators.Select(IndicatorSummaryDto.From).ToList())
                    : ApiErrors.NotFound($"There is no partnership '{slug}'."))
            .WithSummary("The partnership's indicators, each with its latest value, the target for that value's year, and its status with the sentence saying why.");

        writes.MapPost("/partnerships/{slug}/indicators", async Task<Results<Created<IndicatorDetailDto>, ProblemHttpResult>> (string slug, IndicatorRequest body, PlanReader plans, IndicatorEditor editor, IndicatorReader reader, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            if (await plans.PartnershipBySlugAsync(slug, ct) is not { } partnership)
            {
                return ApiErrors.NotFound($"There is no partnership '{slug}'.");
            }

            var user = await current.GetAsync();
            return await EditResponses.CreatedAsync(http, await editor.CreateIndicatorAsync(partnership.Id, body.ToInput(), user, ct), i => $"/api/indicators/{i.Id}",
                async i => IndicatorDetailDto.From((await reader.DetailAsync(i.Id, user, ct))!));
        });

        api.MapGet("/indicators/{id:int}", async Task<Results<Ok<IndicatorDetailDto>, ProblemHttpResult>> (int id, IndicatorReader reader, CurrentUser current, HttpContext http, CancellationToken ct) =>
                await reader.DetailAsync(id, await current.GetAsync(), ct) is { } detail
                    ? EditResponses.Versioned(http, IndicatorDetailDto.From(detail), detail.Indicator.Version)
                    : ApiErrors.NotFound($"There is no indicator {id}."))
            .WithSummary("An indicator: definition, the rules used, baselines, targets per year, values with their statuses, and links.");

        api.MapGet("/indicators/{id:int}/value", async Task<Results<Ok<IndicatorValueDto>, ProblemHttpResult>> (int id, string? period, string? from, string? to, IndicatorReader reader, CancellationToken ct) =>
            {
                if (!MonthSpan.TryParse(SpanText(period, from, to), out var span))
                {
                    return ApiErrors.Invalid(new Dictionary<string, string[]> { ["period"] = [$"Give the period as {MonthSpan.FormatHint}, or from and to months"] }, null);
                }

                return await reader.ValueForAsync(id, span, ct) is { } value
                    ? TypedResults.Ok(IndicatorValueDto.Of(value))
                    : ApiErrors.NotFound($"There is no indicator {id}.");
            })
            .WithSummary("The indicator's value for any period (?period=2010-11-q4, or ?from=2009-09&to=2010-08): entered, or computed from recorded crime; judged against that year's target.");

        writes.MapPut("/indicators/{id:int}", async (int id, IndicatorRequest body, IndicatorEditor editor, IndicatorReader reader, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            var user = await current.GetAsync();
            return await ExpectedVersion.SavedAsync(http, body.Version, v => editor.UpdateIndicatorAsync(id, body.ToInput(), v, user, ct),
                async saved => IndicatorDetailDto.From((await reader.DetailAsync(saved.Id, user, ct))!));
        });

        writes.MapDelete("/indicators/{id:int}", (int id, int? version, IndicatorEditor editor, CurrentUser current, HttpContext http, CancellationToken ct) =>
            ExpectedVersion.DeletedAsync(http, version, async v => await editor.DeleteIndicatorAsync(id, v, await current.GetAsync(), ct)));
    }

    /// <summary>An indicator's values, one per period, with their source.</summary>
    private static void MapValues(RouteGroupBuilder writes)
    {
        writes.MapPost("/indicators/{id:int}/values", async (int id, IndicatorValueRequest body, IndicatorEditor editor, IndicatorReader reader, CurrentUser current, HttpContext http, CancellationToken ct) =>
            await EditResponses.CreatedAsync(http, await editor.CreateValueAsync(id, body.ToInput(), await current.GetAsync(), ct), v => $"/api/indicator-values/{v.Id}",
                v => ValueAsync(reader, v, ct)));

        writes.MapPut("/indicator-values/{id:int}", (int id, IndicatorValueRequest body, IndicatorEditor editor, IndicatorReader reader, CurrentUser current, HttpContext http, CancellationToken ct) =>
            ExpectedVersion.SavedAsync(http, body.Version, async v => await editor.UpdateValueAsync(id, body.ToInput(), v, await current.GetAsync(), ct), saved => ValueAsync(reader, saved, ct)));

        writes.MapDelete("/indicator-values/{id:int}", (int id, int? version, IndicatorEditor editor, CurrentUser current, HttpContext http, CancellationToken ct) =>
            ExpectedVersion.DeletedAsync(http, version, async v => await editor.DeleteValueAsync(id, v, await current.GetAsync(), ct)));
    }

    /// <summary>An indicator's baselines: what its targets and statuses are measured against.</summary>
    private static void MapBaselines(RouteGroupBuilder writes)
    {
        writes.MapPost("/indicators/{id:int}/baselines", async (int id, IndicatorBaselineRequest body, IndicatorEditor editor, CurrentUser current, HttpContext http, CancellationToken ct) =>
            await EditResponses.Created(http, await editor.CreateBaselineAsync(id, body.ToInput(), await current.GetAsync(), ct), b => $"/api/indicator-baselines/{b.Id}", SavedBaselineDto.Of));

        writes.MapPut("/indicator-baselines/{id:int}", (int id, IndicatorBaselineRequest body, IndicatorEditor editor, CurrentUser current, HttpContext http, CancellationToken ct) =>
            ExpectedVersion.SavedAsync(http, body.Version, async v => await editor.UpdateBaselineAsync(id, body.ToInput(), v, await current.GetAsync(), ct), saved => Task.FromResult(SavedBaselineDto.Of(saved))));

        writes.MapDelete("/indicator-baselines/{id:int}", (int id, int? version, IndicatorEditor editor, CurrentUser current, HttpContext http, CancellationToken ct) =>
            ExpectedVersion.DeletedAsync(http, version, async v => await editor.DeleteBaselineAsync(id, v, await current.GetAsync(), ct)));
    }

    /// <summary>An indicator's targets for a year.</summary>
    private static void MapTargets(RouteGroupBuilder writes)
    {
        writes.MapPost("/indicators/{id:int}/targets", async (int id, IndicatorTargetRequest body, IndicatorEditor editor, CurrentUser current, HttpContext http, CancellationToken ct) =>
            await EditResponses.Created(http, await editor.CreateTargetAsync(id, body.ToInput(), await current.GetAsync(), ct), t => $"/api/indicator-targets/{t.Id}", SavedTargetDto.Of));

        writes.MapPut("/indicator-targets/{id:int}", (int id, IndicatorTargetRequest body, IndicatorEditor editor, CurrentUser current, HttpContext http, CancellationToken ct) =>
            ExpectedVersion.SavedAsync(http, body.Version, async v => await editor.UpdateTargetAsync(id, body.ToInput(), v, await current.GetAsync(), ct), saved => Task.FromResult(SavedTargetDto.Of(saved))));

        writes.MapDelete("/indicator-targets/{id:int}", (int id, int? version, IndicatorEditor editor, CurrentUser current, HttpContext http, CancellationToken ct) =>
            ExpectedVersion.DeletedAsync(http, version, async v => await editor.DeleteTargetAsync(id, v, await current.GetAsync(), ct)));
    }

    /// <summary>Links from an indicator to the priorities and milestones it measures.</summary>
    private static void MapLinks(RouteGroupBuilder writes)
    {
        writes.MapPost("/indicators/{id:int}/links", async Task<Results<Created<SavedLinkDto>, ProblemHttpResult>> (int id, IndicatorLinkRequest body, IndicatorEditor editor, CurrentUser current, CancellationToken ct) =>
        {
            var result = await editor.AddLinkAsync(id, new IndicatorLinkInput { PriorityId = body.PriorityId, MilestoneId = body.MilestoneId }, await current.GetAsync(), ct);
            return result.Succeeded
                ? TypedResults.Created($"/api/indicator-links/{result.Value.Id}", new SavedLinkDto(result.Value.Id, id, result.Value.PriorityId, result.Value.MilestoneId))
                : ApiErrors.From(result);
        });

        writes.MapDelete("/indicator-links/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, IndicatorEditor editor, CurrentUser current, CancellationToken ct) =>
        {
            var result = await editor.RemoveLinkAsync(id, await current.GetAsync(), ct);
            return result.Succeeded ? TypedResults.NoContent() : ApiErrors.From(result);
        });
    }

    /// <summary>A period from the API's <c>period</c>, or its <c>from</c> and <c>to</c> months, as <see cref="MonthSpan.TryParse"/> reads it.</summary>
    public static string? SpanText(string? period, string? from, string? to) =>
        !string.IsNullOrWhiteSpace(period) ? period
        : string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to) ? null
        : $"{(string.IsNullOrWhiteSpace(from) ? to : from)?.Trim()}..{(string.IsNullOrWhiteSpace(to) ? from : to)?.Trim()}";

    /// <summary>A saved value as the API shows it: judged against its year's target, as a read of its period would be.</summary>
    private static async Task<IndicatorValueDto> ValueAsync(IndicatorReader reader, IndicatorValue value, CancellationToken ct) =>
        IndicatorValueDto.Of((await reader.ValueForAsync(value.IndicatorId, MonthSpan.FromKeys(value.FromMonth, value.ToMonth), ct))!);
}
