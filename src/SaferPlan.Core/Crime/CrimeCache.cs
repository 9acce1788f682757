using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace SaferPlan.Core.Crime;

/// <summary>
/// The recorded-crime figures' own memory cache (one per process). Entries are keyed by the partnership's
/// <see cref="CrimeDataStamp"/>, which is read from the database on every request, so an instance never serves figures
/// older than the database says: a change moves the stamp on and the old entries are simply never asked for again
/// (they expire, or are evicted when the cache is full). It holds the raw month-by-type history, span breakdowns and
/// the final answers (JSON bytes, the built evidence pack with its charts).
/// Bounded at <see cref="SizeLimit"/> bytes (estimated), so many different windows cannot grow it without limit. When
/// many requests want the same missing entry at once, one computes it and the others wait for that result.
/// </summary>
public sealed class CrimeCache : IDisposable
{
    /// <summary>About 128 MB of figures, charts and answers.</summary>
    public const long SizeLimit = 128L * 1024 * 1024;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = SizeLimit, CompactionPercentage = 0.25 });
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
                cache.Set(key, value, new MemoryCacheEntryOptions
                {
                    Size = Math.Max(1, size(value)),
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
