using System.Net;
using System.Text.Json;
using SaferPlan.Web.Tests.Plans;

namespace SaferPlan.Web.Tests.Crime;

internal static class CrimeApi
{
    /// <summary>
    /// A response that must have the given status (an upload's 200 or its 422 problem, which carries the same counts), its
    /// body read as the given record with <see cref="PlanApi.Contract"/>.
    /// </summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
            return JsonSerializer.Deserialize<T>(text, PlanApi.Contract) ?? throw new InvalidOperationException("The response's body is null.");
        }
    }
}

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

/// <summary>
/// What POST /api/crime/imports did: files loaded, rows, each refused file with its line and reason. The same counts come in
/// the 422 problem when some files were refused.
/// </summary>
internal sealed record CrimeImportSummaryJson(
    int FilesLoaded, long Rows, int FilesRefused, int FilesSkipped, IReadOnlyList<LoadedCrimeFileJson> Loaded, IReadOnlyList<CrimeFileRefusalJson> Refused);

internal sealed record LoadedCrimeFileJson(string File, string Force, string Month, int Rows, bool Synthetic);

internal sealed record CrimeFileRefusalJson(string File, int? Line, string Reason);

/// <summary>GET /api/crime/imports: the force-months loaded.</summary>
internal sealed record CrimeImportListJson(int Total, IReadOnlyList<CrimeImportJson> Imports);

internal sealed record CrimeImportJson(int Id, string Force, string Month, int Rows, string ImportedBy, bool Synthetic);

/// <summary>What POST /api/crime/population loaded.</summary>
internal sealed record PopulationLoadJson(int Rows, int AreasCreated, int Synthetic);

/// <summary>The 422 problem of a refused population file: each wrong line with its message.</summary>
internal sealed record PopulationProblemJson(int Status, IReadOnlyList<PopulationLineErrorJson> Lines);

internal sealed record PopulationLineErrorJson(int Line, string Message);

/// <summary>One of GET /api/crime/comparator-areas.</summary>
internal sealed record ComparatorAreaJson(int Id, string Name, string? Code, int Lsoas, int? Year, bool Synthetic);

/// <summary>GET /api/partnerships/{slug}/crime/spc: a crime group's or type's SPC chart, in the shape of an indicator's.</summary>
internal sealed record CrimeSpcJson(
    string Kind, string Key, string Name, string From, string To, double? Mean, double? LowerLimit, double? UpperLimit, IReadOnlyList<CrimeSpcPointJson> Points,
    string? Variation, string Sentence, string? Message, string? Notice);

internal sealed record CrimeSpcPointJson(string Period, double Value, string? Signal, IReadOnlyList<string> Rules);
