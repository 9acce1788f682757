using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace SaferPlan.Core.Crime;

/// <summary>
/// The recorded-crime figures' own memory cache (one per process). Entries are keyed by the partnership's
/// <see cref="CrimeDataStamp"/>, which is read from the database on every request, so an instance never serves figures
/// older than the database says: a change moves the stamp on and the old entries are simply never asked for again
/// (they expire, or are evicted when the cache is full). It holds the raw month-by-type history, span breakdowns and
/// the final answers (JSON bytes, the built evidence pack with its charts).
/// Bounded at <see cref="SizeLimit"/> bytes (estimated), so many different windows cannot grow it without limit: an
/// entry is sized at about what it holds, the least recently used go first, and an entry bigger than a quarter of the
/// cache is not kept at all (its callers compute it each time rather than empty the cache for it). When
/// many requests want the same missing entry at once, one computes it and the others wait for that result.
/// </summary>
public sealed class CrimeCache : IDisposable
{
    /// <summary>About 64 MB of figures, charts and answers by default (<c>SaferPlan:CrimeCache:SizeLimitMegabytes</c>).</summary>
    public const long DefaultSizeLimit = 64L * 1024 * 1024;

    private readonly MemoryCache cache;

    public CrimeCache()
        : this(DefaultSizeLimit)
    {
    }

    /// <param name="sizeLimit">The most the cached entries may add up to, in (estimated) bytes.</param>
    public CrimeCache(long sizeLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sizeLimit, 1024 * 1024);
        SizeLimit = sizeLimit;
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = sizeLimit, CompactionPercentage = 0.25, TrackStatistics = true });
    }

    /// <summary>The most the cached entries may add up to, in (estimated) bytes.</summary>
    public long SizeLimit { get; }

    /// <summary>What the cached entries add up to now, in (estimated) bytes; never more than <see cref="SizeLimit"/>.</summary>
    public long EstimatedSize => cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>How many entries are cached now.</summary>
    public long Count => cache.Count;
    private readonly ConcurrentDictionary<string, Task<object?>> inFlight = new(StringComparer.Ordinal);

    /// <summary>The cached value for the key, or computes it once (other callers of the same key wait for it), caches it and returns it.</summary>
    /// <param name="size">The value's size in bytes, roughly; it counts against <see cref="SizeLimit"/>.</param>
    public async Task<T> GetOrCreateAsync<T>(string key, Func<CancellationToken, Task<T>> compute, Func<T, long> size, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(compute);
        ArgumentNullException.ThrowIfNull(size);
        while (true)
        {
            if (cache.TryGetValue(key, out var hit) && hit is T found)
            {
                return found;
            }

            var mine = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
            var running = inFlight.GetOrAdd(key, mine.Task);
            if (!ReferenceEquals(running, mine.Task))
            {
                try
                {
                    return (T)(await running.WaitAsync(ct))!;
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    // The request computing it was cancelled, not this one: try again (and perhaps compute it here).
                    continue;
                }
            }

            try
            {
                var value = await compute(ct);
                var bytes = Math.Max(1, size(value));
                if (bytes > SizeLimit / 4)
                {
                    mine.SetResult(value);
                    return value;
                }

                cache.Set(key, value, new MemoryCacheEntryOptions
                {
                    Size = bytes,
                    SlidingExpiration = TimeSpan.FromMinutes(10),
                    AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1),
                });
                mine.SetResult(value);
                return value;
            }
            catch (Exception e)
            {
                if (e is OperationCanceledException)
                {
                    mine.SetCanceled(CancellationToken.None);
                }
                else
                {
                    mine.SetException(e);
                }

                _ = mine.Task.Exception; // observed: whoever waits on it gets the exception; nobody may.
                throw;
            }
            finally
            {
                inFlight.TryRemove(new KeyValuePair<string, Task<object?>>(key, mine.Task));
            }
        }
    }

    /// <summary>Forgets everything (for tests of the cold path).</summary>
    public void Clear() => cache.Compact(1.0);

    public void Dispose() => cache.Dispose();
}
