using Xunit.Abstractions;

namespace SaferPlan.Web.Tests;

/// <summary>
/// Starts the longest test classes first, so that the parallel run does not end waiting on one of them alone: the fault
/// tests (real processes killed at random and started again) take minutes, most classes seconds. Then the rest by name.
/// </summary>
public sealed class SlowestFirst : ITestCollectionOrderer
{
    private static readonly string[] Slowest =
    [
        "Faults.KillTests", "Faults.MigrationLockTests", "Faults.ListenAddressTests", "VisitorCrawlTests", "AuthorizationMatrixTests", "PlanApiTests",
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(Rank).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static int Rank(ITestCollection collection)
    {
        var rank = Array.FindIndex(Slowest, name => collection.DisplayName.Contains(name, StringComparison.Ordinal));
        return rank < 0 ? Slowest.Length : rank;
    }
}
