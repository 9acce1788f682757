using System.Data.Common;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Crime.Assessment;
using SaferPlan.Core.Data;
using SaferPlan.TestCommon;

using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Crime;

/// <summary>
/// An evidence pack for a window never asked for before is cheap: the area's counts are read once per data stamp, and
/// any window is computed from them without reading count rows again; however many windows are asked for, the cache
/// stays within its bound.
/// </summary>
public abstract class AssessmentCacheTests(SaferPlanFactory app)
{
    /// <summary>Counts the commands that read crime count rows.</summary>
    private sealed class CountRowReads : DbCommandInterceptor
    {
        private int reads;

        public int Reads => reads;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("CrimeCounts", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref reads);
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    [Fact]
    public async Task Assessment_ManyDistinctWindows_ReadCountRowsOnceAndKeepTheCacheWithinItsBound()
    {
        await CrimeTestData.EnsureAsync(app);
        using var analyst = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Analyst, partnership: CrimeTestData.Slug));
        await OkJsonAsync(await analyst.PutAsJsonAsync($"/api/partnerships/{CrimeTestData.Slug}/area", new { localAuthorityName = "Testshire" }));
        (await analyst.PostAsync($"/api/partnerships/{CrimeTestData.Slug}/crime-groups/usual", null)).EnsureSuccessStatusCode();
        var counter = new CountRowReads();
        using var cache = new CrimeCache(2L << 20);
        var random = new Random(9);

        await app.WithScopeAsync(async sp =>
        {
            var options = new DbContextOptionsBuilder<SaferPlanDbContext>(sp.GetRequiredService<DbContextOptions<SaferPlanDbContext>>()).AddInterceptors(counter).Options;
            await using var db = new SaferPlanDbContext(options, sp.GetRequiredService<IActorAccessor>(), TimeProvider.System);
            var statistics = new CrimeStatistics(db, cache);
            var builder = new StrategicAssessmentBuilder(statistics, db, cache, TimeProvider.System);
            var stamp = (await statistics.StampAsync(CrimeTestData.Slug))!;

            var first = await builder.BuildAsync(stamp, CalendarMonth.Of(2008, 9), CalendarMonth.Of(2009, 8));
            var readsForTheFirst = counter.Reads;
            var october = await builder.BuildAsync(stamp, CalendarMonth.Of(2008, 10), CalendarMonth.Of(2008, 10));
            var sizes = new List<long>();
            for (var i = 0; i < 400; i++)
            {
                var from = CalendarMonth.Of(2006, 1).AddMonths(random.Next(0, 84));
                await builder.BuildAsync(stamp, from, from.AddMonths(random.Next(0, 24)));
                sizes.Add(cache.EstimatedSize);
            }

            Assert.True(readsForTheFirst > 0);
            Assert.Equal(readsForTheFirst, counter.Reads);
            Assert.Equal(["North", "South"], first.TopWards.Select(w => w.Name));
            Assert.Equal([700, 379], first.TopWards.Select(w => w.Current));
            Assert.Equal(("Testshire 001B", 400, 0), (october.TopLsoas[0].Name, october.TopLsoas[0].Current, october.TopLsoas[0].Previous));
            Assert.All(sizes, size => Assert.InRange(size, 0, cache.SizeLimit));
            Assert.True(sizes.Max() > cache.SizeLimit / 2, $"The windows filled the cache to {sizes.Max():N0} of {cache.SizeLimit:N0} bytes: too few to test its bound.");
            return 0;
        });
    }

    [Fact]
    public async Task HotSpots_SummedFromTheRunningTotals_MatchTheBreakdownsByWardAndLsoa()
    {
        await CrimeTestData.EnsureAsync(app);
        using var analyst = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Analyst, partnership: CrimeTestData.Slug));
        await OkJsonAsync(await analyst.PutAsJsonAsync($"/api/partnerships/{CrimeTestData.Slug}/area", new { localAuthorityName = "Testshire" }));
        var random = new Random(11);

        await app.WithScopeAsync(async sp =>
        {
            var statistics = sp.GetRequiredService<CrimeStatistics>();
            var stamp = (await statistics.StampAsync(CrimeTestData.Slug))!;
            short[] types = [.. CrimeTypes.All.Where(t => !t.IsAntiSocialBehaviour).Select(t => t.Id)];
            var compared = 0;
            for (var i = 0; i < 40; i++)
            {
                var from = CalendarMonth.Of(2006, 1).AddMonths(random.Next(0, 84));
                var to = from.AddMonths(random.Next(0, 24));
                var previousTo = from.AddMonths(-1);
                var previousFrom = previousTo.AddMonths(-from.MonthsUntil(to));
                foreach (var by in new[] { CrimeBreakdown.Ward, CrimeBreakdown.Lsoa })
                {
                    var current = (await statistics.BreakdownAsync(stamp, by, from, to)).ToDictionary(r => r.Key, r => (r.Name, r.Ward, Count: r.Count(types)));
                    var previous = (await statistics.BreakdownAsync(stamp, by, previousFrom, previousTo)).ToDictionary(r => r.Key, r => r.Count(types));
                    var fromTotals = (await statistics.CompareAsync(stamp, by, types, from, to, previousFrom, previousTo))!;
                    foreach (var row in fromTotals.Where(r => r.Current > 0 || r.Previous > 0))
                    {
                        var expected = current.GetValueOrDefault(row.Key);
                        if (row.Current > 0)
                        {
                            Assert.Equal((expected.Name, expected.Ward, expected.Count), (row.Name, row.Ward, row.Current));
                        }

                        Assert.Equal(previous.GetValueOrDefault(row.Key), row.Previous);
                        compared++;
                    }

                    Assert.Equal(current.Values.Count(c => c.Count > 0), fromTotals.Count(r => r.Current > 0));
                }
            }

            Assert.True(compared > 100, $"Only {compared} rows compared.");
            return 0;
        });
    }
}

public sealed class AssessmentCacheTestsOnSqlite(SqliteFactory app) : AssessmentCacheTests(app), IClassFixture<SqliteFactory>;

public sealed class AssessmentCacheTestsOnPostgres(PostgresFactory app) : AssessmentCacheTests(app), IClassFixture<PostgresFactory>;
