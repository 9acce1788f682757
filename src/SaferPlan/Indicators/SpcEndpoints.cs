using SaferPlan.Caching;
using SaferPlan.Core.Statistics;

namespace SaferPlan.Indicators;

/// <summary>
/// An indicator's SPC chart as JSON, and the baseline period its process limits are computed from. Indicators are
/// never restricted, so anyone may read the chart; fixing the baseline needs a token of an administrator, support
/// officer or analyst of the partnership, and the indicator's version.
/// </summary>
public static class SpcEndpoints
{
    public static void MapIndicatorSpc(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Indicators");
        api.MapGet("/indicators/{id:int}/spc", GetAsync)
            .WithSummary("The indicator's XmR chart as NHSRplotthedots computes it: mean, process limits, each point's signal and the rules it meets, the variation and assurance.");
        api.MapPut("/indicators/{id:int}/spc-baseline", PutBaselineAsync).RequireAuthorization()
            .WithSummary("Fixes the period the indicator's process limits are computed from (period, or from and to months; empty to use every point), with the indicator's version.");
    }

    /// <summary>The chart is computed once per indicator version and partnership stamp (<see cref="IndicatorSpcService.StampAsync"/>), then served from memory.</summary>
    private static async Task<Results<Ok<IndicatorSpcDto>, ProblemHttpResult>> GetAsync(int id, IndicatorSpcService spc, ChangeStampCache cache, HttpContext http, CancellationToken ct)
    {
        var chart = await spc.StampAsync(id, ct) is { } stamp
            ? (await cache.GetAsync($"indicator-spc/{stamp.CacheKey}", async services =>
            {
                var found = await services.GetRequiredService<IndicatorSpcService>().ChartAsync(id);
                var dto = found is null ? null : IndicatorSpcDto.From(found);
                return (new CachedChart(dto), 512 + ((dto?.Points.Count ?? 0) * 256L));
            }, ct)).Dto
            : null;
        if (chart is null)
        {
            return ApiErrors.NotFound($"There is no indicator {id}.");
        }

        return EditResponses.Versioned(http, chart, chart.Version);
    }

    /// <summary>A chart, or none when the indicator went while it was being read.</summary>
    private sealed record CachedChart(IndicatorSpcDto? Dto);

    private static Task<Results<Ok<IndicatorSpcDto>, ProblemHttpResult>> PutBaselineAsync(int id, SpcBaselineRequest body, IndicatorSpcService spc, ChangeStampCache cache, CurrentUser current, HttpContext http, CancellationToken ct) =>
        ExpectedVersion.EditThenReadAsync(
            http,
            body.Version,
            async v => await spc.SetBaselineAsync(id, IndicatorEndpoints.SpanText(body.Period, body.From, body.To), v, await current.GetAsync(), ct),
            saved => GetAsync(saved.Id, spc, cache, http, ct));
}

/// <summary>The baseline: <c>period</c> ("2008-04..2010-03", "2009-10") or <c>from</c> and <c>to</c> months; none of them clears it.</summary>
public sealed record SpcBaselineRequest(string? Period, string? From, string? To, int? Version);

public sealed record SpcPointDto(string Period, string Display, double Value, double? MovingRange, string? Signal, IReadOnlyList<string> Rules, bool InBaseline);

public sealed record SpcBaselineDto(string Period, string Display, string From, string To);

public sealed record IndicatorSpcDto(
    int IndicatorId,
    string Code,
    string Direction,
    double? Mean,
    double? LowerLimit,
    double? UpperLimit,
    double? MeanMovingRange,
    SpcBaselineDto? Baseline,
    IReadOnlyList<SpcPointDto> Points,
    string? Variation,
    string VariationText,
    string? Assurance,
    string? AssuranceText,
    double? Target,
    string? Message,
    string Method,
    bool Synthetic,
    int Version)
{
    public static IndicatorSpcDto From(IndicatorSpc spc)
    {
        ArgumentNullException.ThrowIfNull(spc);
        var r = spc.Result;
        return new IndicatorSpcDto(
            spc.Indicator.Id,
            spc.Indicator.Code,
            spc.Indicator.Polarity == Polarity.HigherIsBetter ? "higherIsBetter" : "lowerIsBetter",
            r.Mean,
            r.LowerLimit,
            r.UpperLimit,
            r.MeanMovingRange,
            spc.Baseline is { } b ? new SpcBaselineDto(b.Slug, b.Display, b.From.ToString(), b.To.ToString()) : null,
            spc.Points.Select(p => new SpcPointDto(p.Span.Slug, p.Span.Display, p.Point.Value, p.Point.MovingRange, Signal(p.Point.Signal), p.Point.Rules.Select(Spc.Key).ToList(), p.InBaseline)).ToList(),
            r.Variation is { } v ? Camel(v.ToString()) : null,
            spc.VariationText,
            r.Assurance is { } a ? Camel(a.ToString()) : null,
            spc.AssuranceText,
            spc.Series.TargetLine is { } t ? (double)t : null,
            spc.Message,
            Spc.Method + " " + IndicatorReader.SeriesRule,
            spc.Series.Synthetic,
            spc.Indicator.Version);
    }

    internal static string? Signal(SpcSignal? signal) => signal switch
    {
        SpcSignal.Improvement => "improvement",
        SpcSignal.Concern => "concern",
        SpcSignal.NeutralHigh => "neutralHigh",
        SpcSignal.NeutralLow => "neutralLow",
        _ => null,
    };

    internal static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
