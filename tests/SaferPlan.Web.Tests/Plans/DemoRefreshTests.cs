using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Plans;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Plans;

/// <summary>
/// The demo's 2010/11 refresh (issue 12, item 9) made through the workflow's records: seed 000's 2010/11 edition refreshed
/// from seed 004's 2009/10 edition of the same plan, with seed 002's timeline, comments received and changes made.
/// </summary>
public abstract class DemoRefreshTests(SaferPlanFactory app)
{
    /// <summary>Seed 002, Appendix A: the comments received, by number.</summary>
    private static readonly string[] CommentNumbers = ["1.1", "1.2", "1.3", "2.1", "3.1", "3.2", "3.3", "4.1"];

    /// <summary>Seed 002, Appendix A: the changes made, by number (after each priority's comments).</summary>
    private static readonly string[] ChangeNumbers = ["1.4", "1.5", "2.2", "2.3", "2.4", "3.4", "3.5", "3.6", "3.7", "3.8", "4.2", "4.3"];

    /// <summary>The 2010/11 milestones worded as a 2009/10 milestone of the priority they came from.</summary>
    private static readonly string[] LinkedMilestones = ["1.6a", "1.6b", "1.7a", "1.7b", "2.5a", "3.1b", "3.1d", "3.1e", "3.2a", "3.2b"];

    [Fact]
    public async Task Demo2010Edition_IsRefreshedFrom2009_InOnePlan_Approved1February2010_And2009Superseded()
    {
        using var visitor = await app.ApiClientAsync();

        var plans = await PlanApi.OkJsonAsync<List<PlanYearsJson>>(await visitor.GetAsync("/api/partnerships/south-cambridgeshire/plans"));
        var plan = Assert.Single(plans, p => p.Editions.Any(e => e.Year == "2010/11"));
        Assert.Equal("Community Safety Plan 2008–2011", plan.Title);
        Assert.Equal(2008, plan.StartYear);
        Assert.Equal(2011, plan.EndYear);
        var editions = plan.Editions.Where(e => e.Year is "2009/10" or "2010/11").OrderBy(e => e.Year, StringComparer.Ordinal).ToList();
        Assert.Equal(["2009/10", "2010/11"], editions.Select(e => e.Year));
        Assert.Equal(["Superseded", "Approved"], editions.Select(e => e.Status));

        var earlier = await PlanApi.OkJsonAsync<EditionDecisionJson>(await visitor.GetAsync($"/api/editions/{editions[0].Id}"));
        var later = await PlanApi.OkJsonAsync<EditionDecisionJson>(await visitor.GetAsync($"/api/editions/{editions[1].Id}"));
        Assert.Equal("South Cambridgeshire CDRP Rolling Plan 2009–2012", earlier.Title);
        Assert.Equal("Community Safety Plan April 2008 to March 2011 — 2010/2011 Refresh", later.Title);
        Assert.Equal(earlier.Id, later.PreviousEditionId);
        Assert.Equal("2010-02-01", later.ApprovedOn);
        Assert.Equal("South Cambridgeshire CDRP Board", later.ApprovedBy);
        Assert.False(string.IsNullOrWhiteSpace(later.ApprovalMinute));
    }

    [Fact]
    public async Task Demo2010Priorities_AreLinkedToTheirOrigins_SeriousAcquisitiveCrimeToBurglaryAndVehicleCrime()
    {
        using var visitor = await app.ApiClientAsync();
        var earlier = await PlanApi.EditionItemsAsync(visitor, await PlanApi.EditionIdAsync(visitor, "2009/10"));
        var later = await PlanApi.EditionItemsAsync(visitor, await PlanApi.EditionIdAsync(visitor, "2010/11"));
        int OldPriority(string title) => earlier.Priorities.Single(p => p.Title == title).Id;
        IEnumerable<int> OriginsOf(string title) => later.Priorities.Single(p => p.Title == title).OriginIds.Order();

        Assert.Equal(new[] { OldPriority("Reducing dwelling burglary"), OldPriority("Reducing vehicle crime") }.Order(), OriginsOf("Reducing Serious Acquisitive Crime"));
        Assert.Equal(new[] { OldPriority("Reducing re-offending") }, OriginsOf("Reducing re-offending"));
        Assert.Equal(new[] { OldPriority("Reducing domestic violence") }, OriginsOf("Reduce domestic violence"));
        Assert.Equal(new[] { OldPriority("Reducing anti-social behaviour") }, OriginsOf("Reducing Anti-social Behaviour"));

        // Actions and milestones are linked only where they clearly continue: the same wording (see Demo/FORMAT.md).
        var oldActions = earlier.Actions.ToDictionary(a => a.Number, a => a.Id);
        var oldMilestones = earlier.Milestones.ToDictionary(m => m.Code, m => m);
        var actions = later.Actions.ToDictionary(a => a.Number);
        Assert.Equal(oldActions["4.5"], actions["1.7"].OriginId);
        Assert.Equal(oldActions["3.2"], actions["3.3"].OriginId);
        Assert.Null(actions["1.1"].OriginId);
        var linked = later.Milestones.Where(m => m.OriginId is not null).ToList();
        Assert.Equal(LinkedMilestones, linked.Select(m => m.Code));
        Assert.All(linked, m =>
        {
            var origin = oldMilestones.Values.Single(o => o.Id == m.OriginId);
            Assert.Equal(Words(origin.Text), Words(m.Text));
        });
    }

    [Fact]
    public async Task Demo2010Refresh_HasSeed002sTimeline()
    {
        using var support = await app.ApiClientAsync(await app.SharedUserAsync(PartnershipRole.SupportOfficer));
        var id = await PlanApi.EditionIdAsync(support, "2010/11");

        var timeline = await PlanApi.GetItemAsync<TimelineJson>(support, $"/api/editions/{id}/timeline");

        Assert.Equal("2009-10-26", timeline.PrioritiesDecidedOn);
        Assert.Equal("2009-11-01", timeline.InputOpensOn);
        Assert.Equal("2010-01-08", timeline.InputClosesOn);
        Assert.Equal("2009-12-17", timeline.ExecutiveDiscussionOn);
        Assert.Equal("2010-01-08", timeline.CirculatedOn);
        Assert.Equal("2010-01-14", timeline.CommentDeadline);
        Assert.Equal("2010-02-01", timeline.ApprovalMeetingOn);
        Assert.Equal(["26 October 2009", "1 November 2009 to 8 January 2010", "17 December 2009", "8 January 2010", "14 January 2010", "1 February 2010"],
            timeline.Steps.Select(s => s.When));
    }

    [Fact]
    public async Task Demo2010Refresh_HoldsEveryCommentAndChangeOfSeed002AppendixA_NumberedAsTheSeed()
    {
        using var support = await app.ApiClientAsync(await app.SharedUserAsync(PartnershipRole.SupportOfficer));
        var id = await PlanApi.EditionIdAsync(support, "2010/11");
        var edition = await PlanApi.EditionItemsAsync(support, id);
        var priorities = edition.Priorities.ToDictionary(p => p.Id, p => p.Number);

        var list = await PlanApi.OkJsonAsync<List<CommentJson>>(await support.GetAsync($"/api/editions/{id}/comments"));

        Assert.Equal(CommentNumbers, list.Select(c => c.Number));
        Assert.All(list, c => Assert.Equal(int.Parse(c.Number[..1], System.Globalization.CultureInfo.InvariantCulture), priorities[c.PriorityId!.Value]));
        Assert.All(list, c => Assert.Equal("Neil Weston", c.RecordedBy));
        Assert.StartsWith("Ensure that membership of the SAC Task Group encompasses all relevant partner organisations", list[0].Text, StringComparison.Ordinal);
        Assert.Equal("CDRP Executive Group meeting, 17 December 2009", list[4].Source);
        Assert.Equal("CDRP Board members", list[0].MadeBy);
        Assert.Equal("Following discussions at the Board Meeting on 26th October, ASB work will be mainstreamed and the new Rolling Plan will include a section outlining the group's commitment to tackling low-level ASB, overseen by the ASB Task Group.",
            list[7].Text);

        var changes = await app.WithScopeAsync(async sp => await sp.GetRequiredService<SaferPlanDbContext>().Set<RefreshChange>().AsNoTracking()
            .Where(c => c.EditionId == id).Include(c => c.Priority).OrderBy(c => c.Priority!.Number).ThenBy(c => c.Sequence).ToListAsync());
        var byPriority = changes.GroupBy(c => c.Priority!.Number).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(ChangeNumbers, changes.Select(c => $"{c.Priority!.Number}.{list.Count(x => x.Number.StartsWith($"{c.Priority.Number}.", StringComparison.Ordinal)) + c.Sequence}"));
        Assert.Equal(new Dictionary<int, int> { [1] = 2, [2] = 3, [3] = 5, [4] = 2 }, byPriority);
        Assert.All(changes, c => Assert.Equal("Neil Weston", c.WrittenBy));
        Assert.Equal("In 2010/11. There will be greater emphasis on working to address more generic low-level anti-social behaviour that is often highlighted by neighbourhood panels. This will be co-ordinated by the CDRP's ASB Caseworker and delivered jointly by partner organisations through the CDRPs ASB Task Group",
            changes[^1].Text);
        Assert.Equal(PriorityKind.Mainstreamed, changes[^1].Priority!.Kind);
        Assert.DoesNotContain(changes, c => c.Text.Contains("<sup>", StringComparison.Ordinal) || c.Text.Contains("**", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Demo2010RefreshReport_RegeneratesSeed002_EveryNumberedCommentAndChangeInOrder_WithTheTimelinesDates()
    {
        using var support = await app.ApiClientAsync(await app.SharedUserAsync(PartnershipRole.SupportOfficer));
        var id = await PlanApi.EditionIdAsync(support, "2010/11");
        var comments = (await PlanApi.OkJsonAsync<List<CommentJson>>(await support.GetAsync($"/api/editions/{id}/comments")))
            .Select(c => (c.Number, c.Text));
        var changes = (await PlanApi.OkJsonAsync<List<ChangeJson>>(await support.GetAsync($"/api/editions/{id}/changes")))
            .Select(c => (c.Number, c.Text));
        var items = comments.Concat(changes).OrderBy(c => int.Parse(c.Number[..c.Number.IndexOf('.', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture))
            .ThenBy(c => int.Parse(c.Number[(c.Number.IndexOf('.', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(CommentNumbers.Length + ChangeNumbers.Length, items.Count);

        // Visitors get the public version of the approved edition's report: the same Appendix A, as the Board received it.
        using var visitor = await app.ApiClientAsync();
        using var answer = await visitor.GetAsync($"/api/editions/{id}/refresh-report.html");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var body = TestHtml.Parse(await answer.Content.ReadAsStringAsync()).Body;
        Assert.NotNull(body);
        var text = TestHtml.SpacedText(body);
        var at = items.Select(item => text.IndexOf($"{item.Number} {item.Text}", StringComparison.Ordinal)).ToList();
        Assert.All(at.Zip(items), pair => Assert.True(pair.First > 0, $"{pair.Second.Number} is not in the report followed by its text"));
        Assert.Equal(at.Order(), at);
        foreach (var heading in new[] { "REPORT TO: CDRP Board", "AUTHOR/S: Neil Weston", "1. Reducing Serious Acquisitive Crime", "Comments received", "Changes made", "Recommendation" })
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }

        foreach (var date in new[] { "26 October 2009", "17 December 2009", "8 January 2010", "14 January 2010", "1 February 2010" })
        {
            Assert.Contains(date, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("@", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo2010CommentsPage_ListsComments1_1To4_1UnderTheirPriorities()
    {
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer);
        using var api = await app.ApiClientAsync();
        var id = await PlanApi.EditionIdAsync(api, "2010/11");

        var html = WebUtility.HtmlDecode(await Forms.PageAsync(support, $"/editions/{id}/comments"));

        Assert.Contains("the last day for comments is 14 January 2010", html, StringComparison.Ordinal);
        var at = CommentNumbers.Select(n => html.IndexOf($">{n}</dt>", StringComparison.Ordinal)).ToList();
        Assert.All(at, i => Assert.True(i > 0));
        Assert.Equal(at.Order(), at);
        Assert.Contains("Target hardening projects under the Serious Acquisitive Crime priority need to be clearly evidence based, using appropriate data sources.", html, StringComparison.Ordinal);
        Assert.Contains("from CDRP Executive Group meeting, 17 December 2009 (recorded by Neil Weston)", html, StringComparison.Ordinal);

        using var visitor = await app.ApiClientAsync();
        using var hidden = await visitor.GetAsync($"/api/editions/{id}/comments");
        Assert.NotEqual(HttpStatusCode.OK, hidden.StatusCode);
    }

    [Fact]
    public async Task DemoLoad_Again_ChangesNothing()
    {
        var before = await CountsAsync();

        var results = await app.WithScopeAsync(sp => new Core.Demo.DemoLoader(sp.GetRequiredService<SaferPlanDbContext>(), sp.GetRequiredService<Core.Demo.DemoCrime>()).LoadAllAsync());

        Assert.All(results, r => Assert.False(r.Loaded));
        Assert.Equal(before, await CountsAsync());
    }

    private Task<(int Editions, int Origins, int Comments, int Changes, int Timelines)> CountsAsync() => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SaferPlanDbContext>();
        return (await db.Editions.CountAsync(), await db.Set<PriorityOrigin>().CountAsync(), await db.Set<ConsultationComment>().CountAsync(),
            await db.Set<RefreshChange>().CountAsync(), await db.Set<RefreshTimeline>().CountAsync());
    });

    private static string Words(string text) =>
        string.Join(' ', text.Replace('“', '"').Replace('”', '"').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.').ToLowerInvariant();
}

public sealed class DemoRefreshTestsOnSqlite(SqliteFactory app) : DemoRefreshTests(app), IClassFixture<SqliteFactory>;

public sealed class DemoRefreshTestsOnPostgres(PostgresFactory app) : DemoRefreshTests(app), IClassFixture<PostgresFactory>;
