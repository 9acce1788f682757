using System.Net;
using System.Net.Http.Json;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Monitoring;
using SaferPlan.TestCommon;

using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Monitoring;

/// <summary>The quarterly performance dashboard through the API: statuses rolled up by the stated rule, counts that add up, and who may read it.</summary>
public abstract class DashboardApiTests(SaferPlanFactory app)
{
    /// <summary>The demo partnership, whose 2010/11 Q4 dashboard the Demo… tests read (and change nothing of).</summary>
    private const string DemoSlug = "south-cambridgeshire";

    /// <summary>A user of the role in the partnership (the demo's unless another is given): users of its own, to read what its members see.</summary>
    private async Task<HttpClient> ClientAsync(PartnershipRole role, string slug = DemoSlug) =>
        await app.ApiClientAsync(await app.AddUserAsync(role, partnership: slug));

    private static async Task<DashboardJson> DashboardAsync(HttpClient client, string period, string slug = DemoSlug) =>
        await OkJsonAsync<DashboardJson>(await client.GetAsync($"/api/partnerships/{slug}/periods/{period}/dashboard"));

    private static int Sum(IEnumerable<StatusCountJson> counts) => counts.Sum(c => c.Count);

    [Fact]
    public async Task DemoQ4_AsBoardMember_RollsUpStatusesByTheStatedRule()
    {
        using var board = await ClientAsync(PartnershipRole.BoardMember);

        var dashboard = await DashboardAsync(board, "2010-11-q4");

        Assert.Equal(StatusRollUp.RollUpRule, dashboard.RollUpRule);
        Assert.Equal("2010-11-q4", dashboard.Period);
        var p2 = dashboard.Priority(2);
        var p1 = dashboard.Priority(1);
        Assert.Equal("NotOnTrack", p2.Status);
        Assert.Equal("Not on track", p2.StatusText);
        Assert.Equal("NotOnTrack", p2.AllMilestones.Single(m => m.Code == "2.3a").Status);
        Assert.Equal("NotOnTrack", p2.AllMilestones.Single(m => m.Code == "2.4a").Status);
        Assert.Equal("StatsAwaited", p1.Status);
        Assert.Contains(p1.AllMilestones, m => m.Status is null && m.StatusText == "No update");
        Assert.DoesNotContain(p1.AllMilestones, m => m.Status == "NotOnTrack");

        // Every action's status is the rule applied to its milestones, and the priority's to its actions.
        foreach (var priority in dashboard.Priorities)
        {
            var actions = priority.Actions;
            foreach (var action in actions)
            {
                var statuses = action.Milestones.Select(m => m.Status is null ? (UpdateStatus?)null : Enum.Parse<UpdateStatus>(m.Status));
                Assert.Equal(StatusRollUp.Of(statuses).ToString(), action.Status);
            }

            Assert.Equal(StatusRollUp.Of(actions.Select(a => Enum.Parse<DerivedStatus>(a.Status))).ToString(), priority.Status);
        }
    }

    [Fact]
    public async Task DemoQ4_CountsAddUpToTheEditionsMilestones()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);

        var dashboard = await DashboardAsync(support, "2010-11-q4");
        var completeness = await OkJsonAsync<CompletenessJson>(await support.GetAsync($"/api/partnerships/{DemoSlug}/periods/2010-11-q4/completeness"));

        var expected = completeness.Total.Expected;
        Assert.Equal(47, expected);
        Assert.Equal(expected, dashboard.Milestones);
        Assert.Equal(expected, Sum(dashboard.Counts));
        var priorities = dashboard.Priorities;
        Assert.Equal(expected, priorities.Sum(p => p.Milestones));
        Assert.All(priorities, p => Assert.Equal(p.Milestones, Sum(p.Counts)));
        Assert.All(priorities, p => Assert.Equal(p.Milestones, p.AllMilestones.Count()));

        // 23 accepted updates from the seed: every other milestone has no update, and the deadline (8 April 2011) has passed.
        var withStatus = expected - dashboard.Counts.Single(c => c.Status is null).Count;
        Assert.Equal(23, withStatus);
        Assert.True(dashboard.DeadlinePassed);
        Assert.Equal(expected - 23, priorities.Sum(p => p.Overdue.Count));

        // The trend runs Q1 to Q4 of 2010/11, and its last quarter is this quarter's counts.
        var trend = dashboard.Trend;
        Assert.Equal(["2010-11-q1", "2010-11-q2", "2010-11-q3", "2010-11-q4"], trend.Select(t => t.Period));
        Assert.All(trend, t => Assert.Equal(expected, Sum(t.Counts)));
        Assert.Equal(dashboard.Counts.Select(c => c.Count), trend[^1].Counts.Select(c => c.Count));

        // Change since last quarter counts every milestone once.
        var change = dashboard.Change;
        Assert.Equal(expected, change.Improved + change.Worse + change.Same);
    }

    [Fact]
    public async Task DraftUpdate_CountsAsNoUpdate_UntilSubmitted()
    {
        // A plan of the test's own whose third priority has two milestones, the first of which is updated.
        var partnership = await TestData.Partnership().WithEdition(2010).WithMilestone().WithPriority().WithMilestone()
            .WithPriority().WithMilestone().WithMilestone().SaveAsync(app);
        var slug = partnership.Slug;
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        using (var opened = await support.PostAsJsonAsync($"/api/partnerships/{slug}/periods/2010-11-q1/round", new { deadline = "2099-07-08" }))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }

        var before = await DashboardAsync(support, "2010-11-q1", slug);
        var id = before.Priority(3).AllMilestones.First().Id;

        using (var draft = await support.PutAsJsonAsync($"/api/milestones/{id}/updates/2010-11-q1", new { progress = "Draft only", status = "NotOnTrack", submit = false, version = 0 }))
        {
            Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        }

        var drafted = await DashboardAsync(support, "2010-11-q1", slug);
        var draftMilestone = drafted.Priority(3).AllMilestones.Single(m => m.Id == id);
        Assert.Null(draftMilestone.Status);
        Assert.False(drafted.DeadlinePassed);
        Assert.False(draftMilestone.Overdue);
        Assert.NotEqual("NotOnTrack", drafted.Priority(3).Status);

        using (var submitted = await support.PutAsJsonAsync($"/api/milestones/{id}/updates/2010-11-q1", new { progress = "Submitted now", status = "NotOnTrack", marking = "Official", version = 1 }))
        {
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        }

        var after = await DashboardAsync(support, "2010-11-q1", slug);
        Assert.Equal("NotOnTrack", after.Priority(3).AllMilestones.Single(m => m.Id == id).Status);
        Assert.Equal("NotOnTrack", after.Priority(3).Status);
    }

    [Fact]
    public async Task Anonymous_IsUnauthorised()
    {
        var partnership = await TestData.Partnership().WithMilestone().SaveAsync(app);
        using var anonymous = await app.ApiClientAsync();

        var problem = await ReadProblemAsync(await anonymous.GetAsync($"/api/partnerships/{partnership.Slug}/periods/2010-11-q4/dashboard"), HttpStatusCode.Unauthorized);

        Assert.Equal(401, problem.Status);
    }

    [Fact]
    public async Task UnknownPartnershipOrBadPeriod_IsProblem()
    {
        var partnership = await TestData.Partnership().WithMilestone().SaveAsync(app);
        using var board = await ClientAsync(PartnershipRole.BoardMember, partnership.Slug);

        await ReadProblemAsync(await board.GetAsync("/api/partnerships/nowhere/periods/2010-11-q4/dashboard"), HttpStatusCode.NotFound);
        var bad = await ReadValidationErrorAsync(await board.GetAsync($"/api/partnerships/{partnership.Slug}/periods/2010-11/dashboard"), "period");
        Assert.Contains("2010-11-q4", bad, StringComparison.Ordinal);
    }
}

/// <summary>
/// The Demo… tests read the demo's quarter, with users of their own added to it; the others change only a partnership of
/// their own (<see cref="TestData"/>): on the shared app.
/// </summary>
public sealed class DashboardApiTestsOnSqlite(SharedSqliteApp shared) : DashboardApiTests(shared.App), IClassFixture<SharedSqliteApp>;

/// <inheritdoc cref="DashboardApiTestsOnSqlite"/>
public sealed class DashboardApiTestsOnPostgres(SharedPostgresApp shared) : DashboardApiTests(shared.App), IClassFixture<SharedPostgresApp>;
