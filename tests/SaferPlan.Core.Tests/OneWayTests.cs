using System.Text.RegularExpressions;

namespace SaferPlan.Core.Tests;

/// <summary>
/// The web project does each of these things one way (README, "One way to do each thing"); a copy written by hand beside it
/// drifts. This reads the source of src/SaferPlan and names every copy outside the one place that may do it.
/// </summary>
public sealed partial class OneWayTests
{
    /// <summary>The success banner is set by <c>EditOutcomes.Done</c> (which <c>Saved</c> and <c>SaveFormAsync</c> use).</summary>
    [Fact]
    public void SuccessBanner_IsSetOnlyByEditOutcomes() =>
        AssertOnlyIn(SuccessBanner(), ["src/SaferPlan/Shared/EditOutcomes.cs"], "Answer a done action with this.Done(banner, next)");

    /// <summary>An item's version goes out as its ETag through <c>Api/EditResponses</c>.</summary>
    [Fact]
    public void ETag_IsSetOnlyByTheApiKit() =>
        AssertOnlyIn(ETagSet(), ["src/SaferPlan/Api/EditResponses.cs"], "Answer with EditResponses (Versioned, Added, Created) or ExpectedVersion.SavedAsync");

    /// <summary>The API answers named records (its request delegates are generated, and OpenAPI names their schemas).</summary>
    [Fact]
    public void ApiAnswers_AreNamedRecords() =>
        AssertOnlyIn(AnonymousAnswer(), [], "Answer a named record, not an anonymous object");

    [Fact]
    public void Patterns_RecogniseWhatTheyLookFor()
    {
        Assert.Matches(SuccessBanner(), "TempData[\"Success\"] = $\"{saved.Title} saved\";");
        Assert.Matches(ETagSet(), "http.Response.Headers.ETag = $\"\\\"{version}\\\"\";");
        Assert.Matches(AnonymousAnswer(), "return TypedResults.Ok(new { url = link });");
        Assert.Matches(AnonymousAnswer(), "TypedResults.Created($\"/api/x/{id}\", new { id })");
        Assert.DoesNotMatch(AnonymousAnswer(), "TypedResults.Ok(new MeetingYearDto(year, meetings, duties))");
    }

    [GeneratedRegex(@"TempData\[""Success""\]\s*=")]
    private static partial Regex SuccessBanner();

    [GeneratedRegex(@"Headers\.ETag\s*=")]
    private static partial Regex ETagSet();

    [GeneratedRegex(@"\b(Ok|Created|Accepted)\((?:[^()]*,\s*)?new\s*\{")]
    private static partial Regex AnonymousAnswer();

    private static void AssertOnlyIn(Regex pattern, string[] allowed, string advice)
    {
        var found = SourceScan.Find(pattern, ["src/SaferPlan"], allowed);
        Assert.True(found.Count == 0, $"{advice}:\n{string.Join("\n", found)}");
    }
}
