using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Editing;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Periods;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Plans;
using SaferPlan.Web.Tests.Documents;

namespace SaferPlan.Web.Tests.Monitoring;

/// <summary>
/// Updates at action level (issue 10): one progress text for the milestones of an action it covers, written, submitted,
/// reviewed and counted as one, and shown once in the Board report as seed 001 shows it.
/// </summary>
public abstract partial class ActionUpdateTests(SaferPlanFactory app)
{
    /// <summary>The demo partnership, whose seed 001 Board report one test reads (and changes nothing of).</summary>
    private const string DemoSlug = "south-cambridgeshire";

    private const string RogueTraders = "TS have a major investigation relating to rogue trading";

    private sealed record Setup(string Slug, string LeadKey, int PartnershipId, int ActionId, Dictionary<string, int> Milestones, UserContext Lead, UserContext Support);

    /// <summary>
    /// A partnership of the test's own whose 2010/11 action 1.1 (with the text given) has the given number of milestones
    /// (1.1a, 1.1b, …), led by Dave Sargent (the lead officer of its priority and action); Dave and a support officer; the quarter opened.
    /// </summary>
    private async Task<Setup> SetUpAsync(int milestones, ReportingPeriod period, string? text = null)
    {
        var builder = TestData.Partnership().WithPerson(out var dave, "Dave Sargent").WithEdition(2010).WithPriority(lead: dave).WithAction(text, dave);
        for (var i = 0; i < milestones; i++)
        {
            builder.WithMilestone();
        }

        var partnership = await builder.SaveAsync(app);
        var lead = new UserContext("lead", "Dave Sargent", dave.Id, [new PartnershipMembership(partnership.Id, PartnershipRole.LeadOfficer)]);
        var support = new UserContext("support", "Sam Support", null, [new PartnershipMembership(partnership.Id, PartnershipRole.SupportOfficer)]);
        var opened = await app.WithScopeAsync(sp => sp.GetRequiredService<UpdateService>().OpenRoundAsync(partnership.Id, period, new DateOnly(2099, 4, 8), null, support));
        Assert.True(opened.Succeeded, opened.Message);
        return new Setup(partnership.Slug, dave.Key, partnership.Id, partnership.ActionIds[0], partnership.Milestones.ToDictionary(m => m.Code, m => m.Id), lead, support);
    }

    private static UpdateInput Input(string progress, bool submit = true) =>
        new() { Progress = progress, Status = UpdateStatus.OnTrack, Marking = ProtectiveMarking.Official, Submit = submit };

    [Fact]
    public async Task SaveActionUpdate_SubmittedThenAccepted_EveryCoveredMilestoneReportedOnce_TheOthersMissing()
    {
        var q2 = ReportingPeriod.Parse("2010/11 Q2");
        var s = await SetUpAsync(4, q2);
        int[] covered = [s.Milestones["1.1a"], s.Milestones["1.1b"], s.Milestones["1.1c"]];

        var saved = await app.WithScopeAsync(sp => sp.GetRequiredService<UpdateService>().SaveActionAsync(s.ActionId, q2, covered, Input("Group met monthly."), 0, s.Lead));
        var stale = await app.WithScopeAsync(sp => sp.GetRequiredService<UpdateService>().SaveActionAsync(s.ActionId, q2, covered, Input("Written from an old copy."), 0, s.Lead));
        var (rows, completeness) = await app.WithScopeAsync(async sp => (
            await sp.GetRequiredService<SaferPlanDbContext>().Set<MilestoneUpdate>().AsNoTracking().Where(u => u.Period == q2 && u.Milestone.ActionId == s.ActionId).ToListAsync(),
            await sp.GetRequiredService<UpdateService>().CompletenessAsync(s.PartnershipId, q2, s.Support)));
        var accepted = await app.WithScopeAsync(sp => sp.GetRequiredService<UpdateService>().ReviewAsync(rows[0].Id, accept: true, null, rows[0].Version, s.Support));
        var afterReview = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<MilestoneUpdate>().AsNoTracking()
            .Where(u => u.Period == q2 && u.Milestone.ActionId == s.ActionId).ToListAsync());

        Assert.True(saved.Succeeded, saved.Message);
        Assert.Equal(EditStatus.Conflict, stale.Status);
        Assert.Equal(covered.Order(), rows.Select(u => u.MilestoneId).Order());
        Assert.All(rows, u =>
        {
            Assert.Equal(saved.Value!.Id, u.ActionUpdateId);
            Assert.Equal(UpdateState.Submitted, u.State);
            Assert.Equal("Group met monthly.", u.Progress);
        });
        Assert.Equal(3, completeness.Total.Submitted);
        Assert.Contains(completeness.NotReported, n => n.Milestone.Code == "1.1d");
        Assert.DoesNotContain(completeness.NotReported, n => n.Milestone.Code is "1.1a" or "1.1b" or "1.1c");
        Assert.True(accepted.Succeeded, accepted.Message);
        Assert.Equal(3, afterReview.Count);
        Assert.All(afterReview, u => Assert.Equal(UpdateState.Accepted, u.State));
    }

    [Fact]
    public async Task SaveActionUpdate_MilestoneLeftOut_LosesTheActionsWords_AndAMilestoneAloneLeavesTheGroup()
    {
        var q1 = ReportingPeriod.Parse("2010/11 Q1");
        var s = await SetUpAsync(3, q1);
        int a = s.Milestones["1.1a"], b = s.Milestones["1.1b"], c = s.Milestones["1.1c"];
        var first = await app.WithScopeAsync(sp => sp.GetRequiredService<UpdateService>().SaveActionAsync(s.ActionId, q1, [a, b, c], Input("Three covered.", submit: false), 0, s.Lead));
        Assert.True(first.Succeeded, first.Message);

        var second = await app.WithScopeAsync(sp => sp.GetRequiredService<UpdateService>().SaveActionAsync(s.ActionId, q1, [a, b], Input("Two covered."), first.Value!.Version, s.Lead));
        var alone = await app.WithScopeAsync(sp => sp.GetRequiredService<UpdateService>().SaveAsync(b, q1, Input("1.1b on its own."), 2, s.Lead));
        var noneTicked = await app.WithScopeAsync(sp => sp.GetRequiredService<UpdateService>().SaveActionAsync(s.ActionId, q1, [], Input("Nothing."), second.Value!.Version + 1, s.Lead));
        var rows = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<MilestoneUpdate>().AsNoTracking()
            .Where(u => u.Period == q1 && u.Milestone.ActionId == s.ActionId).ToDictionaryAsync(u => u.MilestoneId));

        Assert.True(second.Succeeded, second.Message);
        Assert.True(alone.Succeeded, alone.Message);
        Assert.False(rows.ContainsKey(c));
        Assert.Equal(second.Value!.Id, rows[a].ActionUpdateId);
        Assert.Equal("Two covered.", rows[a].Progress);
        Assert.Null(rows[b].ActionUpdateId);
        Assert.Equal("1.1b on its own.", rows[b].Progress);
        Assert.Equal(EditStatus.Invalid, noneTicked.Status);
        Assert.Equal("Select the milestones this update covers", noneTicked.Errors["Milestones"]);
    }

    [Fact]
    public async Task LeadOfficerForm_ActionUpdateCoveringTwoOfThreeMilestones_TheThirdStillMissing_ReviewedOnce()
    {
        var q3 = ReportingPeriod.Parse("2010/11 Q3");
        var s = await SetUpAsync(3, q3);
        using var dave = await Forms.SignedInAsync(app, PartnershipRole.LeadOfficer, s.LeadKey, s.Slug);
        var path = $"/actions/{s.ActionId}/updates/2010-11-q3";

        var form = await Forms.PageAsync(dave, path);
        using var posted = await Forms.PostAsync(dave, path, form,
        [
            new("Input.Milestones", s.Milestones["1.1a"].ToString(CultureInfo.InvariantCulture)),
            new("Input.Milestones", s.Milestones["1.1b"].ToString(CultureInfo.InvariantCulture)),
            new("Input.Progress", "23 Homeshield referrals this quarter"),
            new("Input.Status", "OnTrack"),
            new("Input.Marking", "Official"),
            new("Input.Version", "0"),
            new("submit", "true"),
        ]);
        var completeness = await app.WithScopeAsync(sp => sp.GetRequiredService<UpdateService>().CompletenessAsync(s.PartnershipId, q3, s.Support));
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: s.Slug);
        var queue = await Forms.PageAsync(support, $"/partnerships/{s.Slug}/periods/2010-11-q3/completeness");
        var mine = await Forms.PageAsync(dave, "/my-updates");

        Assert.Contains("Milestones this update covers", form, StringComparison.Ordinal);
        Assert.Contains("Updates are due by 8 April 2099", form, StringComparison.Ordinal);
        Assert.Contains("Last quarter: no update", form, StringComparison.Ordinal);
        // The client follows the redirect after a save, to the officer's list.
        Assert.Equal("/my-updates", posted.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.Contains("Update for 1.1a, b submitted", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, completeness.Total.Submitted);
        Assert.Contains(completeness.NotReported, n => n.Milestone.Code == "1.1c");
        Assert.DoesNotContain(completeness.NotReported, n => n.Milestone.Code is "1.1a" or "1.1b");
        Assert.Equal(1, Occurrences(TestHtml.SpacedText(TestHtml.Parse(queue)), "23 Homeshield referrals this quarter"));
        Assert.Contains("1.1a, b: action 1.1", queue, StringComparison.Ordinal);
        Assert.Contains("1.1a, b: action 1.1 as a whole", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeadOfficerForm_NoMilestoneTicked_SaysSoAgainstTheCheckboxes()
    {
        var q4 = ReportingPeriod.Parse("2010/11 Q4");
        var s = await SetUpAsync(2, q4);
        using var dave = await Forms.SignedInAsync(app, PartnershipRole.LeadOfficer, s.LeadKey, s.Slug);
        var path = $"/actions/{s.ActionId}/updates/2010-11-q4";

        var form = await Forms.PageAsync(dave, path);
        using var posted = await Forms.PostAsync(dave, path, form, [new("Input.Progress", "Discussions ongoing."), new("Input.Status", "OnTrack"), new("Input.Marking", "Official"), new("Input.Version", "0"), new("submit", "true")]);
        var html = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("<a href=\"#Input-Milestones\">Select the milestones this update covers</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input-Milestones\" name=\"Input.Milestones\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MilestoneForm_ShowsItsContext_ActionMeasurementSourceLastQuarterAndDeadline()
    {
        var q4 = ReportingPeriod.Parse("2010/11 Q4");
        // As in the demo's 2010/11 Q4: one update of the action covers four of its five milestones, c left out.
        var s = await SetUpAsync(5, q4, "Combat Distraction Burglars and Rogue Traders");
        int[] covered = [s.Milestones["1.1a"], s.Milestones["1.1b"], s.Milestones["1.1d"], s.Milestones["1.1e"]];
        var written = await app.WithScopeAsync(sp => sp.GetRequiredService<UpdateService>().SaveActionAsync(s.ActionId, q4, covered, Input(RogueTraders), 0, s.Lead));
        Assert.True(written.Succeeded, written.Message);
        using var dave = await Forms.SignedInAsync(app, PartnershipRole.LeadOfficer, s.LeadKey, s.Slug);

        var page = TestHtml.Parse(await Forms.PageAsync(dave, $"/milestones/{s.Milestones["1.1b"]}/updates/2010-11-q4"));
        var html = TestHtml.SpacedText(page);
        var terms = page.QuerySelectorAll("dt").Select(t => t.TextContent.Trim()).ToList();

        Assert.Contains("1.1 Combat Distraction Burglars and Rogue Traders", html, StringComparison.Ordinal);
        Assert.Contains("Measurement", terms);
        Assert.Contains("Source", terms);
        Assert.Contains("Last quarter", terms);
        Assert.Contains("Updates are due by 8 April 2099", html, StringComparison.Ordinal);
        Assert.Contains("covers 1.1a, b, d, e", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_PutActionUpdate_CoversTheMilestonesSent_StaleVersionIsAConflict()
    {
        var q1 = ReportingPeriod.Parse("2010/11 Q1");
        var s = await SetUpAsync(2, q1);
        using var dave = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.LeadOfficer, s.LeadKey, s.Slug));
        var path = $"/api/actions/{s.ActionId}/updates/2010-11-q1";
        int a = s.Milestones["1.1a"], b = s.Milestones["1.1b"];

        using var saved = await dave.PutAsJsonAsync(path, new { milestones = new[] { b, a }, progress = "Discussions ongoing.", status = "OnTrack", version = 0 });
        using var stale = await dave.PutAsJsonAsync(path, new { milestones = new[] { a }, progress = "Old copy.", status = "OnTrack", version = 0 });
        var history = await PlanApi.OkJsonAsync<MilestoneUpdateJson>(await dave.GetAsync($"/api/milestones/{b}/updates/2010-11-q1"));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var body = await PlanApi.OkJsonAsync<ActionUpdateJson>(saved);
        Assert.Equal(new[] { a, b }.Order(), body.Milestones);
        Assert.Equal(body.Id, history.ActionUpdateId);
        Assert.Equal("Discussions ongoing.", history.Progress);
    }

    [Fact]
    public async Task DemoQ4Report_HtmlAndDocx_ShowTheRogueTradersUpdateOnce_For16abde()
    {
        using var client = await app.ApiClientAsync();

        var html = TestHtml.SpacedText(TestHtml.Parse(await client.GetStringAsync($"/api/partnerships/{DemoSlug}/reports/performance/2010-11-q4.html")));
        var docx = await client.GetByteArrayAsync($"/api/partnerships/{DemoSlug}/reports/performance/2010-11-q4.docx");
        var pdf = await DocumentFiles.PdfTextAsync(docx);

        BoardReportTests.AssertValid(docx);
        foreach (var text in new[] { html, WebUtility.HtmlDecode(pdf) })
        {
            Assert.Equal(1, Occurrences(text, RogueTraders));
            Assert.Contains("1.6a, b, d, e", text, StringComparison.Ordinal);
            Assert.Equal(1, Occurrences(text, "Revised ISA agreed in May 2010"));
            Assert.Contains("1.1a, b, c", text, StringComparison.Ordinal);
            Assert.Equal(1, Occurrences(text, "23 Homeshield referrals"));
            Assert.Equal(1, Occurrences(text, "Processes and referral route initiated"));
            Assert.Contains("2.5a, b, c", text, StringComparison.Ordinal);
            Assert.Contains("1.6c Work with SAC Task Group to consider establishing No Cold Calling Zones", text.ReplaceLineEndings(" "), StringComparison.Ordinal);
        }
    }

    /// <summary>How many times <paramref name="what"/> appears in <paramref name="text"/>, not overlapping.</summary>
    private static int Occurrences(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

/// <summary>
/// The Demo… test reads the demo's seed 001 Board report; every round opened and update written is in a partnership of the
/// test's own (<see cref="TestData"/>): on the shared app.
/// </summary>
public sealed class ActionUpdateTestsOnSqlite(SharedSqliteApp shared) : ActionUpdateTests(shared.App), IClassFixture<SharedSqliteApp>;

/// <inheritdoc cref="ActionUpdateTestsOnSqlite"/>
public sealed class ActionUpdateTestsOnPostgres(SharedPostgresApp shared) : ActionUpdateTests(shared.App), IClassFixture<SharedPostgresApp>;
