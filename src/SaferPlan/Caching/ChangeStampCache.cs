using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace SaferPlan.Caching;

public sealed class ChangeStampCacheOptions
{
    /// <summary>Roughly how much memory the cached answers may take, in megabytes.</summary>
    public int SizeLimitMegabytes { get; set; } = 32;

    /// <summary>How long an answer not asked for is kept, in seconds.</summary>
    public int IdleSeconds { get; set; } = 300;
}

/// <summary>
/// Keeps answers computed from a partnership's data (a funding plan as a user sees it, a calendar feed) in memory under a key
/// that holds the partnerships' <see cref="Partnership.ChangeStamp"/>s, as <see cref="Monitoring.Dashboards.DashboardCache"/>
/// keeps dashboards: every save of the partnership's items moves its stamp on in the same transaction, so an answer found here
/// is never older than the last committed save, whichever instance made it. A body or agency seated in several partnerships
/// (a county body, named in each one's calendar feed) moves the stamp of every partnership it serves when it is saved, so a
/// key holding one partnership's stamp is enough for what it shows of shared bodies too. The key must also hold whatever else the answer
/// depends on (who is asking, the year). Requests that miss together wait for one build, made in a scope of its own so a
/// caller that gives up does not take the others' database context with it.
/// </summary>
public sealed class ChangeStampCache(IServiceScopeFactory scopes, IOptions<ChangeStampCacheOptions> options) : IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.SizeLimitMegabytes) * 1024L * 1024L });
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> building = new(StringComparer.Ordinal);

    private long builds;

    /// <summary>How many answers were computed rather than found (for tests and the benchmark).</summary>
    public long Builds => Interlocked.Read(ref builds);

    /// <summary>What the caller's request (its roles, its person, an update link's period) decides of an answer, for a key.</summary>
    public static string Who(UserContext user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var roles = string.Join(',', user.Memberships.OrderBy(m => m.PartnershipId).ThenBy(m => m.Role).Select(m => $"{m.PartnershipId}:{m.Role}"));
        return $"{user.UserId}/{string.Join(",", user.PersonIds)}/{user.LinkPeriod?.Slug}/{roles}";
    }

    /// <param name="key">everything the answer depends on, the change stamps included.</param>
    /// <param name="build">computes the answer from a scope of its own; returns it with its rough size in bytes.</param>
    public async Task<T> GetAsync<T>(string key, Func<IServiceProvider, Task<(T Value, long Bytes)>> build, CancellationToken ct = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(build);
        if (cache.TryGetValue(key, out T? found) && found is not null)
        {
            return found;
        }

        var lazy = building.GetOrAdd(key, k => new Lazy<Task<object>>(() => BuildAsync(k, build)));
        return (T)await lazy.Value.WaitAsync(ct);
    }

    private async Task<object> BuildAsync<T>(string key, Func<IServiceProvider, Task<(T Value, long Bytes)>> build)
        where T : class
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var (value, bytes) = await build(scope.ServiceProvider);
            Interlocked.Increment(ref builds);
            cache.Set(key, value, new MemoryCacheEntryOptions
            {
                Size = Math.Max(1, bytes),
                SlidingExpiration = TimeSpan.FromSeconds(Math.Max(1, options.Value.IdleSeconds)),
            });
            return value;
        }
        finally
        {
            building.TryRemove(key, out _);
        }
    }

    public void Dispose() => cache.Dispose();
}
