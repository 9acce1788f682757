using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Monitoring;
using SaferPlan.TestCommon;

using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Monitoring;

/// <summary>The quarterly performance dashboard through the API: statuses rolled up by the stated rule, counts that add up, and who may read it.</summary>
public abstract class DashboardApiTests(SaferPlanFactory app)
{
    private const string Slug = "south-cambridgeshire";

    private async Task<HttpClient> ClientAsync(PartnershipRole role, string? person = null) =>
        await app.ApiClientAsync(await app.AddUserAsync(role, person));



    private static JsonElement Priority(JsonElement dashboard, int number) =>
        dashboard.GetProperty("priorities").EnumerateArray().Single(p => p.GetProperty("kind").GetString() == "Priority" && p.GetProperty("number").GetInt32() == number);

    private static IEnumerable<JsonElement> Milestones(JsonElement priority) =>
        priority.GetProperty("actions").EnumerateArray().SelectMany(a => a.GetProperty("milestones").EnumerateArray());

    private static int Sum(JsonElement counts) => counts.EnumerateArray().Sum(c => c.GetProperty("count").GetInt32());

    [Fact]
    public async Task DemoQ4_AsBoardMember_RollsUpStatusesByTheStatedRule()
    {
        using var board = await ClientAsync(PartnershipRole.BoardMember);

        var dashboard = await OkJsonAsync(await board.GetAsync($"/api/partnerships/{Slug}/periods/2010-11-q4/dashboard"));

        Assert.Equal(StatusRollUp.RollUpRule, dashboard.GetProperty("rollUpRule").GetString());
        Assert.Equal("2010-11-q4", dashboard.GetProperty("period").GetString());
        var p2 = Priority(dashboard, 2);
        var p1 = Priority(dashboard, 1);
        Assert.Equal("NotOnTrack", p2.GetProperty("status").GetString());
        Assert.Equal("Not on track", p2.GetProperty("statusText").GetString());
        Assert.Equal("NotOnTrack", Milestones(p2).Single(m => m.GetProperty("code").GetString() == "2.3a").GetProperty("status").GetString());
        Assert.Equal("NotOnTrack", Milestones(p2).Single(m => m.GetProperty("code").GetString() == "2.4a").GetProperty("status").GetString());
        Assert.Equal("StatsAwaited", p1.GetProperty("status").GetString());
        Assert.Contains(Milestones(p1), m => m.GetProperty("status").ValueKind == JsonValueKind.Null && m.GetProperty("statusText").GetString() == "No update");
        Assert.DoesNotContain(Milestones(p1), m => m.GetProperty("status").GetString() == "NotOnTrack");

        // Every action's status is the rule applied to its milestones, and the priority's to its actions.
        foreach (var priority in dashboard.GetProperty("priorities").EnumerateArray())
        {
            var actions = priority.GetProperty("actions").EnumerateArray().ToList();
            foreach (var action in actions)
            {
                var statuses = action.GetProperty("milestones").EnumerateArray()
                    .Select(m => m.GetProperty("status").ValueKind == JsonValueKind.Null ? (UpdateStatus?)null : Enum.Parse<UpdateStatus>(m.GetProperty("status").GetString()!));
                Assert.Equal(StatusRollUp.Of(statuses).ToString(), action.GetProperty("status").GetString());
            }

            Assert.Equal(
                StatusRollUp.Of(actions.Select(a => Enum.Parse<DerivedStatus>(a.GetProperty("status").GetString()!))).ToString(),
                priority.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task DemoQ4_CountsAddUpToTheEditionsMilestones()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);

        var dashboard = await OkJsonAsync(await support.GetAsync($"/api/partnerships/{Slug}/periods/2010-11-q4/dashboard"));
        var completeness = await OkJsonAsync(await support.GetAsync($"/api/partnerships/{Slug}/periods/2010-11-q4/completeness"));

        var expected = completeness.GetProperty("total").GetProperty("expected").GetInt32();
        Assert.Equal(47, expected);
        Assert.Equal(expected, dashboard.GetProperty("milestones").GetInt32());
        Assert.Equal(expected, Sum(dashboard.GetProperty("counts")));
        var priorities = dashboard.GetProperty("priorities").EnumerateArray().ToList();
        Assert.Equal(expected, priorities.Sum(p => p.GetProperty("milestones").GetInt32()));
        Assert.All(priorities, p => Assert.Equal(p.GetProperty("milestones").GetInt32(), Sum(p.GetProperty("counts"))));
        Assert.All(priorities, p => Assert.Equal(p.GetProperty("milestones").GetInt32(), Milestones(p).Count()));

        // 23 accepted updates from the seed: every other milestone has no update, and the deadline (8 April 2011) has passed.
        var withStatus = expected - dashboard.GetProperty("counts").EnumerateArray().Single(c => c.GetProperty("status").ValueKind == JsonValueKind.Null).GetProperty("count").GetInt32();
        Assert.Equal(23, withStatus);
        Assert.True(dashboard.GetProperty("deadlinePassed").GetBoolean());
        Assert.Equal(expected - 23, priorities.Sum(p => p.GetProperty("overdue").GetArrayLength()));

        // The trend runs Q1 to Q4 of 2010/11, and its last quarter is this quarter's counts.
        var trend = dashboard.GetProperty("trend").EnumerateArray().ToList();
        Assert.Equal(["2010-11-q1", "2010-11-q2", "2010-11-q3", "2010-11-q4"], trend.Select(t => t.GetProperty("period").GetString()));
        Assert.All(trend, t => Assert.Equal(expected, Sum(t.GetProperty("counts"))));
        Assert.Equal(
            dashboard.GetProperty("counts").EnumerateArray().Select(c => c.GetProperty("count").GetInt32()),
            trend[^1].GetProperty("counts").EnumerateArray().Select(c => c.GetProperty("count").GetInt32()));

        // Change since last quarter counts every milestone once.
        var change = dashboard.GetProperty("change");
        Assert.Equal(expected, change.GetProperty("improved").GetInt32() + change.GetProperty("worse").GetInt32() + change.GetProperty("same").GetInt32());
    }

    [Fact]
    public async Task DraftUpdate_CountsAsNoUpdate_UntilSubmitted()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        using (var opened = await support.PostAsJsonAsync($"/api/partnerships/{Slug}/periods/2010-11-q1/round", new { deadline = "2099-07-08" }))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }

        var before = await OkJsonAsync(await support.GetAsync($"/api/partnerships/{Slug}/periods/2010-11-q1/dashboard"));
        var milestone = Milestones(Priority(before, 3)).First();
        var id = milestone.GetProperty("id").GetInt32();

        using (var draft = await support.PutAsJsonAsync($"/api/milestones/{id}/updates/2010-11-q1", new { progress = "Draft only", status = "NotOnTrack", submit = false, version = 0 }))
        {
            Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        }

        var drafted = await OkJsonAsync(await support.GetAsync($"/api/partnerships/{Slug}/periods/2010-11-q1/dashboard"));
        var draftMilestone = Milestones(Priority(drafted, 3)).Single(m => m.GetProperty("id").GetInt32() == id);
        Assert.Equal(JsonValueKind.Null, draftMilestone.GetProperty("status").ValueKind);
        Assert.False(drafted.GetProperty("deadlinePassed").GetBoolean());
        Assert.False(draftMilestone.GetProperty("overdue").GetBoolean());
        Assert.NotEqual("NotOnTrack", Priority(drafted, 3).GetProperty("status").GetString());

        using (var submitted = await support.PutAsJsonAsync($"/api/milestones/{id}/updates/2010-11-q1", new { progress = "Submitted now", status = "NotOnTrack", marking = "Official", version = 1 }))
        {
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        }

        var after = await OkJsonAsync(await support.GetAsync($"/api/partnerships/{Slug}/periods/2010-11-q1/dashboard"));
        Assert.Equal("NotOnTrack", Milestones(Priority(after, 3)).Single(m => m.GetProperty("id").GetInt32() == id).GetProperty("status").GetString());
        Assert.Equal("NotOnTrack", Priority(after, 3).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Anonymous_IsUnauthorised()
    {
        using var anonymous = await app.ApiClientAsync();

        var problem = await ProblemAsync(await anonymous.GetAsync($"/api/partnerships/{Slug}/periods/2010-11-q4/dashboard"), HttpStatusCode.Unauthorized);

        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task UnknownPartnershipOrBadPeriod_IsProblem()
    {
        using var board = await ClientAsync(PartnershipRole.BoardMember);

        await ProblemAsync(await board.GetAsync("/api/partnerships/nowhere/periods/2010-11-q4/dashboard"), HttpStatusCode.NotFound);
        var bad = await ProblemAsync(await board.GetAsync($"/api/partnerships/{Slug}/periods/2010-11/dashboard"), HttpStatusCode.BadRequest);
        Assert.Contains("2010-11-q4", bad.GetProperty("errors").GetProperty("period")[0].GetString(), StringComparison.Ordinal);
    }
}

public sealed class DashboardApiTestsOnSqlite(SqliteFactory app) : DashboardApiTests(app), IClassFixture<SqliteFactory>;

public sealed class DashboardApiTestsOnPostgres(PostgresFactory app) : DashboardApiTests(app), IClassFixture<PostgresFactory>;
