using SaferPlan.Web.Tests.Plans;

namespace SaferPlan.Web.Tests.Indicators;

// The indicators API's JSON as its tests read it: the tests' own description of the documented contract, kept apart from
// the app's types so a property renamed in the app fails a read (see PlanApi.Contract). Only what tests look at.

/// <summary>
/// One of GET /api/partnerships/{slug}/indicators: the latest value, the target for its year, and the status; <c>notice</c>
/// when its figures are computed from synthetic recorded crime.
/// </summary>
internal sealed record IndicatorSummaryJson(
    int Id, string Code, string Name, string Unit, IndicatorValueJson? Latest, IndicatorTargetJson? Target, string Status, string StatusText, string Sentence, int Version,
    string? Notice)
    : IItemJson;

/// <summary>
/// GET /api/indicators/{id}, and what creating or saving an indicator gives back; <c>notice</c> when computed from synthetic
/// recorded crime, <c>forecast</c> when the year has a target to forecast against.
/// </summary>
internal sealed record IndicatorDetailJson(
    int Id, string Code, string Name, string Unit, string Polarity, string EvaluationRule, IReadOnlyList<IndicatorBaselineJson> Baselines,
    IReadOnlyList<IndicatorTargetJson> Targets, IReadOnlyList<IndicatorValueJson> Values, IReadOnlyList<IndicatorLinkJson> Links, int Version,
    string? Notice, IndicatorForecastJson? Forecast) : IItemJson;

/// <summary>The year-end forecast of an indicator: the interval, the outlook against the target, and the profiled trajectory.</summary>
internal sealed record IndicatorForecastJson(
    string Year, decimal YearToDate, decimal Forecast, decimal Low, decimal High, decimal Target, string Outlook, string Sentence, int YearsOfHistory,
    IReadOnlyList<ForecastPointJson> Trajectory);

internal sealed record ForecastPointJson(string Period, decimal Target, decimal CumulativeTarget, decimal? Actual, decimal? CumulativeActual);

/// <summary>A value judged against its year's target; <c>id</c> is null for a computed (recorded-crime) value.</summary>
internal sealed record IndicatorValueJson(
    int? Id, string Period, decimal? Value, string ValueText, string? Source, int Version, string Status, string Sentence, IReadOnlyList<EarlierValueJson> Earlier)
    : IItemJson
{
    int IItemJson.Id => Id ?? 0;
}

internal sealed record EarlierValueJson(string? Value, string? Source, string? Comment);

internal sealed record IndicatorBaselineJson(int Id, string Period, decimal? Value, int Version) : IItemJson;

internal sealed record IndicatorTargetJson(int Id, string Year, string Kind, decimal? Number, int Version) : IItemJson;

internal sealed record IndicatorLinkJson(int Id, int? PriorityId, int? MilestoneId, string Text, string EditionYear);

/// <summary>What POST /api/indicators/{id}/links gives back.</summary>
internal sealed record IndicatorLinkCreatedJson(int Id, int IndicatorId, int? PriorityId, int? MilestoneId);

/// <summary>An indicator under a priority of the dashboard; <c>change</c> is the tested "rose/fell" sentence for recorded crime.</summary>
internal sealed record LinkedIndicatorJson(int IndicatorId, string Code, string Value, string Status, string Sentence, string? Change, string? Forecast, string? Notice);

/// <summary>GET /api/indicators/{id}/spc, and what saving its baseline (PUT /api/indicators/{id}/spc-baseline) gives back.</summary>
internal sealed record IndicatorSpcJson(
    int IndicatorId, double? Mean, double? LowerLimit, double? UpperLimit, SpcBaselineJson? Baseline, IReadOnlyList<SpcPointJson> Points, string? Variation,
    string? Assurance, double? Target, string? Message, int Version) : IItemJson
{
    int IItemJson.Id => IndicatorId;
}

internal sealed record SpcBaselineJson(string Period, string From, string To);

internal sealed record SpcPointJson(string Period, double Value, string? Signal, IReadOnlyList<string> Rules, bool InBaseline);
