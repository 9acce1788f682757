using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Editing;
using SaferPlan.Core.Periods;
using SaferPlan.Monitoring.Dashboards;
using SaferPlan.TestCommon;

using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Monitoring;

/// <summary>
/// The dashboard is cached by the partnership's change stamp: every save moves the stamp on, so the dashboard shows a
/// save at once, also one made through another instance of the app over the same database, and a cached dashboard
/// with restricted content never reaches a reader who may not see it.
/// </summary>
public abstract class DashboardCacheTests(SaferPlanFactory app)
{
    private const string Slug = "south-cambridgeshire";
    private const string Dashboard = $"/api/partnerships/{Slug}/periods/2010-11-q4/dashboard";

    private Task<long> StampAsync() =>
        app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Partnerships.Where(p => p.Slug == Slug).Select(p => p.ChangeStamp).SingleAsync());

    private static DashboardMilestoneJson Milestone(DashboardJson dashboard, string code) =>
        dashboard.Priorities.SelectMany(p => p.AllMilestones).Single(m => m.Code == code);

    /// <summary>Saves milestone's Q4 update with a new status over the API, sending the version just read.</summary>
    private static async Task SaveStatusAsync(HttpClient client, int milestoneId, string status)
    {
        var path = $"/api/milestones/{milestoneId}/updates/2010-11-q4";
        var current = await OkJsonAsync<MilestoneUpdateJson>(await client.GetAsync(path));
        using var response = await client.PutAsJsonAsync(path, new { progress = $"Status set to {status} by the cache test.", status, marking = current.Marking, submit = true, version = current.Version });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SavingAnUpdate_MovesThePartnershipsChangeStampOn_WithoutAnAuditEntryForIt()
    {
        using var support = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer));
        var milestoneId = Milestone(await OkJsonAsync<DashboardJson>(await support.GetAsync(Dashboard)), "2.3a").Id;
        var before = await StampAsync();

        await SaveStatusAsync(support, milestoneId, "StatsAwaited");

        Assert.True(await StampAsync() > before);
        var partnershipAudits = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().AuditEntries
            .CountAsync(e => e.EntityType == "Partnership" && e.Action == SaferPlan.Core.Auditing.AuditAction.Updated && e.Changes.Contains("ChangeStamp")));
        Assert.Equal(0, partnershipAudits);
    }

    [Fact]
    public async Task Dashboard_ShowsASaveAtOnce_AlsoOneMadeThroughAnotherInstance()
    {
        var email = await app.AddUserAsync(PartnershipRole.SupportOfficer);
        using var first = await app.ApiClientAsync(email);
        var dashboard = await OkJsonAsync<DashboardJson>(await first.GetAsync(Dashboard));
        var milestoneId = Milestone(dashboard, "2.4a").Id;
        Assert.Equal("NotOnTrack", Milestone(dashboard, "2.4a").Status);

        // A save on this instance: the next dashboard shows it.
        await SaveStatusAsync(first, milestoneId, "OnTrack");
        Assert.Equal("OnTrack", Milestone(await OkJsonAsync<DashboardJson>(await first.GetAsync(Dashboard)), "2.4a").Status);

        // A save on a second instance over the same database: this instance's cached dashboard is not served.
        await using var other = new SecondInstance(app);
        other.Start();
        using var second = other.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = other.ServerAddress });
        second.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.CreateTokenAsync(email));
        Assert.Equal("OnTrack", Milestone(await OkJsonAsync<DashboardJson>(await second.GetAsync(Dashboard)), "2.4a").Status);
        await SaveStatusAsync(second, milestoneId, "Completed");

        Assert.Equal("Completed", Milestone(await OkJsonAsync<DashboardJson>(await first.GetAsync(Dashboard)), "2.4a").Status);
        Assert.Equal("Completed", Milestone(await OkJsonAsync<DashboardJson>(await second.GetAsync(Dashboard)), "2.4a").Status);
    }

    [Fact]
    public async Task CachedDashboardWithRestrictedContent_IsNeverGivenToAReaderWhoMayNotSeeIt()
    {
        // Mark a milestone of the dashboard Restricted, the way any edit is saved.
        const string Code = "1.1a";
        using var board = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember));
        var milestoneId = Milestone(await OkJsonAsync<DashboardJson>(await board.GetAsync(Dashboard)), Code).Id;
        var partnershipId = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var partnership = await db.Partnerships.SingleAsync(p => p.Slug == Slug);
            var milestone = await db.Milestones.SingleAsync(m => m.Id == milestoneId);
            milestone.Marking = ProtectiveMarking.Restricted;
            db.AuditPartnershipId = partnership.Id;
            await db.SaveChangesAsync();
            return partnership.Id;
        });

        Assert.Equal(Code, Milestone(await OkJsonAsync<DashboardJson>(await board.GetAsync(Dashboard)), Code).Code);

        // The same partnership, quarter, day and stamp, but a reader who may not see restricted content: a build of its own.
        await app.WithScopeAsync(async sp =>
        {
            var cache = sp.GetRequiredService<DashboardCache>();
            var partnership = await sp.GetRequiredService<SaferPlanDbContext>().Partnerships.AsNoTracking().SingleAsync(p => p.Id == partnershipId);
            var member = await cache.GetAsync(partnership, ReportingPeriod.Parse("2010-11-q4"), new UserContext("x", "member", null, [new PartnershipMembership(partnershipId, PartnershipRole.BoardMember)]));
            var builds = cache.Builds;
            var outsider = await cache.GetAsync(partnership, ReportingPeriod.Parse("2010-11-q4"), UserContext.Anonymous);

            Assert.Contains(member.Dashboard.Priorities.SelectMany(p => p.Actions).SelectMany(a => a.Milestones), m => m.Code == Code);
            Assert.DoesNotContain(outsider.Dashboard.Priorities.SelectMany(p => p.Actions).SelectMany(a => a.Milestones), m => m.Code == Code);
            Assert.DoesNotContain($"\"{Code}\"", System.Text.Encoding.UTF8.GetString(outsider.Json), StringComparison.Ordinal);
            Assert.Equal(builds + 1, cache.Builds);
            return 0;
        });
    }

    /// <summary>A second instance of the app on Kestrel over the first one's database, as behind a load balancer.</summary>
    private sealed class SecondInstance(SaferPlanFactory first) : WebApplicationFactory<Program>
    {
        public Uri ServerAddress { get; private set; } = null!;

        public void Start()
        {
            UseKestrel(0);
            StartServer();
            ServerAddress = new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("SaferPlan:Database:Provider", first.Database.Provider);
            builder.UseSetting("ConnectionStrings:SaferPlan", first.Database.ConnectionString);
        }
    }
}

public sealed class DashboardCacheTestsOnSqlite(SqliteFactory app) : DashboardCacheTests(app), IClassFixture<SqliteFactory>;

public sealed class DashboardCacheTestsOnPostgres(PostgresFactory app) : DashboardCacheTests(app), IClassFixture<PostgresFactory>;
