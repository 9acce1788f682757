using SaferPlan.Web.Tests.Plans;

namespace SaferPlan.Web.Tests.Indicators;

// The indicators API's JSON as its tests read it: the tests' own description of the documented contract, kept apart from
// the app's types so a property renamed in the app fails a read (see PlanApi.Contract). Only what tests look at.

/// <summary>One of GET /api/partnerships/{slug}/indicators: the latest value, the target for its year, and the status.</summary>
internal sealed record IndicatorSummaryJson(
    int Id, string Code, string Name, string Unit, IndicatorValueJson? Latest, IndicatorTargetJson? Target, string Status, string StatusText, string Sentence, int Version)
    : IItemJson;

/// <summary>GET /api/indicators/{id}, and what creating or saving an indicator gives back.</summary>
internal sealed record IndicatorDetailJson(
    int Id, string Code, string Name, string Unit, string Polarity, string EvaluationRule, IReadOnlyList<IndicatorBaselineJson> Baselines,
    IReadOnlyList<IndicatorTargetJson> Targets, IReadOnlyList<IndicatorValueJson> Values, IReadOnlyList<IndicatorLinkJson> Links, int Version) : IItemJson;

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

/// <summary>An indicator under a priority of the dashboard.</summary>
internal sealed record LinkedIndicatorJson(int IndicatorId, string Code, string Value, string Status, string Sentence);
