using SaferPlan.Web.Tests.Plans;

namespace SaferPlan.Web.Tests.Crime;

// The recorded crime API's JSON as its tests read it: the tests' own description of the documented contract, kept apart
// from the app's types so a property renamed in the app fails a read (see PlanApi.Contract). Only what tests look at.

/// <summary>GET/PUT /api/partnerships/{slug}/area and its lookup upload.</summary>
internal sealed record AreaJson(string? Definition, string? LocalAuthorityName, int LsoaCount, IReadOnlyList<AreaLsoaJson> Lsoas);

internal sealed record AreaLsoaJson(string Code, string Name, string? WardName);

/// <summary>One of GET /api/partnerships/{slug}/denominators.</summary>
internal sealed record DenominatorJson(string Kind, int Year, decimal Value, int Version);

/// <summary>A crime group, from /api/partnerships/{slug}/crime-groups and /api/crime-groups/{id}.</summary>
internal sealed record CrimeGroupJson(int Id, int Version, string Key, string Name, IReadOnlyList<int> CrimeTypeIds, IReadOnlyList<string> CrimeTypes) : IItemJson;

/// <summary>GET /api/partnerships/{slug}/crime: totals for the span, and a breakdown when <c>by</c> is given.</summary>
internal sealed record CrimeFiguresJson(
    CrimeAreaSummaryJson Area, string? Notice, int Total, IReadOnlyList<CrimeTypeCountJson> CrimeTypes, IReadOnlyList<GroupCountJson> Groups,
    string? By, IReadOnlyList<BreakdownRowJson>? Breakdown);

internal sealed record CrimeAreaSummaryJson(string? Definition, int Lsoas);

internal sealed record CrimeTypeCountJson(int Id, string Name, int Count);

internal sealed record GroupCountJson(string Key, string Name, int Count);

/// <summary>A row of a breakdown: counts by crime type name and by group key.</summary>
internal sealed record BreakdownRowJson(string Key, string Name, int Total, IReadOnlyDictionary<string, int> CrimeTypes, IReadOnlyDictionary<string, int> Groups);

/// <summary>GET /api/partnerships/{slug}/assessment: the evidence pack.</summary>
internal sealed record AssessmentJson(
    string PreviousFrom, string PreviousTo, string? Notice, IReadOnlyList<AssessmentRowJson> CrimeTypes, IReadOnlyList<AssessmentGroupJson> Groups,
    IReadOnlyList<HotSpotJson> TopWards, IReadOnlyList<HotSpotJson> TopLsoas, IReadOnlyList<AssessmentIndicatorJson> Indicators);

internal sealed record AssessmentRowJson(
    string Name, int Current, int Previous, int Change, decimal? PercentChange, decimal? RatePer1000Residents, decimal? RatePer1000Dwellings);

internal sealed record AssessmentGroupJson(string Key, string Name, AssessmentRowJson Totals, IReadOnlyList<MemberShareJson> Members, IReadOnlyList<TrendPointJson> Trend);

internal sealed record MemberShareJson(string Name, int Current, int Previous, decimal? Share, decimal? PreviousShare);

internal sealed record TrendPointJson(string Month, int Current, int Previous);

internal sealed record HotSpotJson(string Code, string Name, int Current);

internal sealed record AssessmentIndicatorJson(string Code, string Name, string Status);

/// <summary>GET /api/partnerships/{slug}/peers: rates against the comparator group, one row per crime type or the group asked for.</summary>
internal sealed record PeersJson(ComparatorGroupJson ComparatorGroup, IReadOnlyList<PeerRowJson> Rows);

internal sealed record ComparatorGroupJson(bool Chosen, IReadOnlyList<PeerAreaJson> Areas);

internal sealed record PeerAreaJson(string Name, string? Code, int? Residents);

/// <summary>One row: <c>of</c> counts the partnership and its peers with a rate; <c>significance</c> is "above", "below", "not significant" or "not known".</summary>
internal sealed record PeerRowJson(
    string Key, string Name, int Count, double? Rate, double? LowerCi, double? UpperCi, double? PeerMean, int? Rank, int Of, string Significance,
    IReadOnlyList<PeerRateJson> Peers);

internal sealed record PeerRateJson(string Name, int Count, double? Rate);
