using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace SaferPlan.Monitoring.Dashboards;

/// <summary>
/// What a dashboard is computed from, besides the database: whose partnership and which quarter, whether restricted
/// content is shown, today (a missing update becomes overdue when the deadline passes) and the partnership's
/// <see cref="Partnership.ChangeStamp"/>, which every save of the partnership's items moves on in the same transaction.
/// </summary>
public readonly record struct DashboardKey(int PartnershipId, ReportingPeriod Period, bool Restricted, DateOnly Today, long ChangeStamp);

/// <summary>A computed dashboard with its JSON and its charts, each made once, when first asked for.</summary>
public sealed class DashboardView
{
    private readonly Lazy<byte[]> json;
    private readonly Lazy<(string Priorities, string Trend)> charts;

    public DashboardView(Dashboard dashboard, JsonSerializerOptions jsonOptions)
    {
        Dashboard = dashboard;
        json = new Lazy<byte[]>(() => JsonSerializer.SerializeToUtf8Bytes(DashboardDto.From(dashboard), jsonOptions));
        charts = new Lazy<(string, string)>(() => dashboard.Priorities.Count == 0
            ? ("", "")
            : (DashboardCharts.StatusesByPriority(dashboard, "chart-priorities"), DashboardCharts.StatusTrend(dashboard, "chart-trend")));
    }

    public Dashboard Dashboard { get; }

    /// <summary>The API's answer, serialised once (UTF-8 JSON, as the API's own options write it).</summary>
    public byte[] Json => json.Value;

    /// <summary>The stacked bar chart of statuses per priority, as inline SVG; empty when there are no priorities.</summary>
    public string PriorityChart => charts.Value.Priorities;

    /// <summary>The stacked bar chart of statuses per quarter of the year, as inline SVG; empty when there are no priorities.</summary>
    public string TrendChart => charts.Value.Trend;
}

public sealed class DashboardCacheOptions
{
    /// <summary>Roughly how much memory the cached dashboards may take, in megabytes (estimated at 1 KB a milestone).</summary>
    public int SizeLimitMegabytes { get; set; } = 64;

    /// <summary>How long a dashboard not asked for is kept, in seconds.</summary>
    public int IdleSeconds { get; set; } = 300;
}

/// <summary>
/// Keeps computed dashboards in memory, keyed by <see cref="DashboardKey"/>. The partnership row a request loads anyway
/// carries the change stamp, so a request that finds its dashboard here costs the sign-in lookup and that one small
/// query; a save on any instance moves the stamp on, so no instance serves a stale dashboard and none keeps state that
/// another needs. Requests that miss together wait for one build.
/// </summary>
public sealed class DashboardCache(IServiceScopeFactory scopes, TimeProvider time, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IOptions<DashboardCacheOptions> options) : IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.SizeLimitMegabytes) * 1024L });
    private readonly ConcurrentDictionary<DashboardKey, Lazy<Task<DashboardView>>> building = new();

    /// <summary>How many dashboards were computed rather than found (for tests and the benchmark).</summary>
    public long Builds => Interlocked.Read(ref builds);

    private long builds;

    public async Task<DashboardView> GetAsync(Partnership partnership, ReportingPeriod period, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        ArgumentNullException.ThrowIfNull(user);
        var key = new DashboardKey(
            partnership.Id, period, Permissions.CanSeeRestricted(user, partnership.Id), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), partnership.ChangeStamp);
        if (cache.TryGetValue(key, out DashboardView? found) && found is not null)
        {
            return found;
        }

        var build = building.GetOrAdd(key, k => new Lazy<Task<DashboardView>>(() => BuildAsync(k, user)));
        return await build.Value.WaitAsync(ct);
    }

    /// <summary>
    /// Builds in a scope of its own, so a caller that gives up does not take the others' database context with it.
    /// The caller's user only decides whether restricted content is shown, which the key holds.
    /// </summary>
    private async Task<DashboardView> BuildAsync(DashboardKey key, UserContext user)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var dashboard = await scope.ServiceProvider.GetRequiredService<IndicatorReader>().WithIndicatorsAsync(
                await scope.ServiceProvider.GetRequiredService<DashboardService>().BuildAsync(key.PartnershipId, key.Period, user, CancellationToken.None),
                key.PartnershipId,
                CancellationToken.None);
            Interlocked.Increment(ref builds);
            var view = new DashboardView(dashboard, json.Value.SerializerOptions);
            cache.Set(key, view, new MemoryCacheEntryOptions
            {
                Size = 4 + dashboard.MilestoneCount,
                SlidingExpiration = TimeSpan.FromSeconds(Math.Max(1, options.Value.IdleSeconds)),
            });
            return view;
        }
        finally
        {
            building.TryRemove(key, out _);
        }
    }

    public void Dispose() => cache.Dispose();
}
