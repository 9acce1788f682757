using SaferPlan.Caching;
using SaferPlan.Core.Funding;

namespace SaferPlan.Funding;

/// <summary>A year's funding plan as one user (or any visitor) sees it, with its recorded amendments.</summary>
public sealed record FundingPlanPage(FundingPlanView? View, IReadOnlyList<Amendment> Amendments, string Key);

/// <summary>
/// The funding plan page and the public account, read once per change of the partnership rather than per request: a layer
/// around <see cref="FundingService.PlanAsync"/> keyed by the partnership's change stamp, the year, what the caller's roles
/// decide (<see cref="ChangeStampCache.Who"/>) and whether only the public account is asked for.
/// </summary>
public sealed class FundingPlanCache(ChangeStampCache cache)
{
    public Task<FundingPlanPage> GetAsync(int partnershipId, ReportingPeriod year, long changeStamp, UserContext user, bool publicOnly, CancellationToken ct = default)
    {
        var key = $"funding/{partnershipId}/{year.Slug}/{changeStamp}/{(publicOnly ? "public" : "full")}/{Reader(partnershipId, user, publicOnly)}";
        return cache.GetAsync(key, async services =>
        {
            var funding = services.GetRequiredService<FundingService>();
            var view = await funding.PlanAsync(partnershipId, year, user, publicOnly, CancellationToken.None);
            var amendments = !publicOnly && view?.Plan is { IsAgreed: true } plan ? await funding.AmendmentsAsync(plan, user, CancellationToken.None) : [];
            var bytes = 4096L + ((view?.Allocations.Count ?? 0) * 2048L) + (amendments.Count * 1024L);
            return (new FundingPlanPage(view, amendments, key), bytes);
        }, ct);
    }

    /// <summary>The public account differs only between members and visitors (members see a year not yet agreed); the full plan per user.</summary>
    private static string Reader(int partnershipId, UserContext user, bool publicOnly) =>
        !publicOnly ? ChangeStampCache.Who(user) : Permissions.CanReadFunding(user, partnershipId) ? "member" : "visitor";
}
