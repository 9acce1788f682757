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

        writes.MapPost("/partnerships/{slug}/indicators", async Task<IResult> (string slug, IndicatorRequest body, PlanReader plans, IndicatorEditor editor, IndicatorReader reader, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            if (await plans.PartnershipBySlugAsync(slug, ct) is not { } partnership)
            {
                return ApiErrors.NotFound($"There is no partnership '{slug}'.");
            }

            var result = await editor.CreateIndicatorAsync(partnership.Id, body.ToInput(), await current.GetAsync(), ct);
            return result.Succeeded
                ? await DetailAsync(http, reader, current, result.Value.Id, created: true, ct)
                : ApiErrors.From(result);
        });

        api.MapGet("/indicators/{id:int}", async Task<IResult> (int id, IndicatorReader reader, CurrentUser current, HttpContext http, CancellationToken ct) =>
                await DetailAsync(http, reader, current, id, created: false, ct))
            .WithSummary("An indicator: definition, the rules used, baselines, targets per year, values with their statuses, and links.");

        api.MapGet("/indicators/{id:int}/value", async Task<IResult> (int id, string? period, string? from, string? to, IndicatorReader reader, CancellationToken ct) =>
            {
                var text = SpanText(period, from, to);
                if (!MonthSpan.TryParse(text, out var span))
                {
                    return TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { ["period"] = [$"Give the period as {MonthSpan.FormatHint}, or from and to months"] },
                        title: "Check what you sent");
                }

                return await reader.ValueForAsync(id, span, ct) is { } value
                    ? TypedResults.Ok(IndicatorValueDto.Of(value))
                    : ApiErrors.NotFound($"There is no indicator {id}.");
            })
            .WithSummary("The indicator's value for any period (?period=2010-11-q4, or ?from=2009-09&to=2010-08): entered, or computed from recorded crime; judged against that year's target.");

        writes.MapPut("/indicators/{id:int}", (int id, IndicatorRequest body, IndicatorEditor editor, IndicatorReader reader, CurrentUser current, HttpContext http, CancellationToken ct) =>
            ExpectedVersion.UpdateAsync(http, body.Version, async v => await editor.UpdateIndicatorAsync(id, body.ToInput(), v, await current.GetAsync(), ct), _ => DetailAsync(http, reader, current, id, created: false, ct)));

        writes.MapDelete("/indicators/{id:int}", (int id, int? version, IndicatorEditor editor, CurrentUser current, HttpContext http, CancellationToken ct) =>
            ExpectedVersion.DeleteAsync(http, version, async v => await editor.DeleteIndicatorAsync(id, v, await current.GetAsync(), ct)));
    }

    /// <summary>An indicator's values, one per period, with their source.</summary>
    private static void MapValues(RouteGroupBuilder writes)
    {
        writes.MapPost("/indicators/{id:int}/values", async Task<IResult> (int id, IndicatorValueRequest body, IndicatorEditor editor, IndicatorReader reader, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            var result = await editor.CreateValueAsync(id, body.ToInput(), await current.GetAsync(), ct);
            return result.Succeeded
                ? await ValueAsync(http, reader, result.Value!, $"/api/indicator-values/{result.Value.Id}", ct)
                : ApiErrors.From(result);
        });

        writes.MapPut("/indicator-values/{id:int}", (int id, IndicatorValueRequest body, IndicatorEditor editor, IndicatorReader reader, CurrentUser current, HttpContext http, CancellationToken ct) =>
            ExpectedVersion.UpdateAsync(http, body.Version, async v => await editor.UpdateValueAsync(id, body.ToInput(), v, await current.GetAsync(), ct), saved => ValueAsync(http, reader, saved, null, ct)));

        writes.MapDelete("/indicator-values/{id:int}", (int id, int? version, IndicatorEditor editor, CurrentUser current, HttpContext http, CancellationToken ct) =>
            ExpectedVersion.DeleteAsync(http, version, async v => await editor.DeleteValueAsync(id, v, await current.GetAsync(), ct)));
    }

    /// <summary>An indicator's baselines: what its targets and statuses are measured against.</summary>
    private static void MapBaselines(RouteGroupBuilder writes)
    {
        writes.MapPost("/indicators/{id:int}/baselines", async Task<IResult> (int id, IndicatorBaselineRequest body, IndicatorEditor editor, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            var result = await editor.CreateBaselineAsync(id, body.ToInput(), await current.GetAsync(), ct);
            return result.Succeeded ? Saved(http, SavedBaselineDto.Of(result.Value!), result.Value.Version, $"/api/indicator-baselines/{result.Value.Id}") : ApiErrors.From(result);
        });

        writes.MapPut("/indicator-baselines/{id:int}", (int id, IndicatorBaselineRequest body, IndicatorEditor editor, CurrentUser current, HttpContext http, CancellationToken ct) =>
            ExpectedVersion.UpdateAsync(http, body.Version, async v => await editor.UpdateBaselineAsync(id, body.ToInput(), v, await current.GetAsync(), ct), saved => Task.FromResult(Saved(http, SavedBaselineDto.Of(saved), saved.Version, null))));

        writes.MapDelete("/indicator-baselines/{id:int}", (int id, int? version, IndicatorEditor editor, CurrentUser current, HttpContext http, CancellationToken ct) =>
            ExpectedVersion.DeleteAsync(http, version, async v => await editor.DeleteBaselineAsync(id, v, await current.GetAsync(), ct)));
    }

    /// <summary>An indicator's targets for a year.</summary>
    private static void MapTargets(RouteGroupBuilder writes)
    {
        writes.MapPost("/indicators/{id:int}/targets", async Task<IResult> (int id, IndicatorTargetRequest body, IndicatorEditor editor, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            var result = await editor.CreateTargetAsync(id, body.ToInput(), await current.GetAsync(), ct);
            return result.Succeeded ? Saved(http, SavedTargetDto.Of(result.Value!), result.Value.Version, $"/api/indicator-targets/{result.Value.Id}") : ApiErrors.From(result);
        });

        writes.MapPut("/indicator-targets/{id:int}", (int id, IndicatorTargetRequest body, IndicatorEditor editor, CurrentUser current, HttpContext http, CancellationToken ct) =>
            ExpectedVersion.UpdateAsync(http, body.Version, async v => await editor.UpdateTargetAsync(id, body.ToInput(), v, await current.GetAsync(), ct), saved => Task.FromResult(Saved(http, SavedTargetDto.Of(saved), saved.Version, null))));

        writes.MapDelete("/indicator-targets/{id:int}", (int id, int? version, IndicatorEditor editor, CurrentUser current, HttpContext http, CancellationToken ct) =>
            ExpectedVersion.DeleteAsync(http, version, async v => await editor.DeleteTargetAsync(id, v, await current.GetAsync(), ct)));
    }

    /// <summary>Links from an indicator to the priorities and milestones it measures.</summary>
    private static void MapLinks(RouteGroupBuilder writes)
    {
        writes.MapPost("/indicators/{id:int}/links", async Task<IResult> (int id, IndicatorLinkRequest body, IndicatorEditor editor, CurrentUser current, CancellationToken ct) =>
        {
            var result = await editor.AddLinkAsync(id, new IndicatorLinkInput { PriorityId = body.PriorityId, MilestoneId = body.MilestoneId }, await current.GetAsync(), ct);
            return result.Succeeded
                ? TypedResults.Created($"/api/indicator-links/{result.Value.Id}", new SavedLinkDto(result.Value.Id, id, result.Value.PriorityId, result.Value.MilestoneId))
                : ApiErrors.From(result);
        });

        writes.MapDelete("/indicator-links/{id:int}", async Task<IResult> (int id, IndicatorEditor editor, CurrentUser current, CancellationToken ct) =>
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

    private static async Task<IResult> DetailAsync(HttpContext http, IndicatorReader reader, CurrentUser current, int id, bool created, CancellationToken ct)
    {
        if (await reader.DetailAsync(id, await current.GetAsync(), ct) is not { } detail)
        {
            return ApiErrors.NotFound($"There is no indicator {id}.");
        }

        return Saved(http, IndicatorDetailDto.From(detail), detail.Indicator.Version, created ? $"/api/indicators/{id}" : null);
    }

    private static async Task<IResult> ValueAsync(HttpContext http, IndicatorReader reader, IndicatorValue value, string? location, CancellationToken ct)
    {
        var view = await reader.ValueForAsync(value.IndicatorId, MonthSpan.FromKeys(value.FromMonth, value.ToMonth), ct);
        return Saved(http, IndicatorValueDto.Of(view!), value.Version, location);
    }

    private static IResult Saved<T>(HttpContext http, T body, int version, string? location) =>
        location is null ? EditResponses.Versioned(http, body, version) : EditResponses.Added(http, location, body, version);
}
