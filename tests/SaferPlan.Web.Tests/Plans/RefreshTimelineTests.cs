using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Data;
using SaferPlan.Core.Plans;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Plans;

/// <summary>
/// The refresh timeline (issue 12, item 2): a support officer sets a draft edition's refresh dates, checked by field and
/// versioned; once lead officers' input window is set, a lead officer edits what they lead in the draft only inside it. Each
/// test starts its plan in a partnership of its own (<see cref="TestData"/>), and puts the window around today's date rather
/// than faking time.
/// </summary>
public abstract class RefreshTimelineTests(SaferPlanFactory app)
{
    /// <summary>The year each test's plan starts: the partnership is the test's own, so no other test has a plan in it.</summary>
    private const int Year = 2013;

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<HttpClient> ClientAsync(PartnershipRole role, string slug, string? personKey = null) =>
        await app.ApiClientAsync(await app.AddUserAsync(role, personKey, slug));

    private static async Task<int> StartPlanAsync(HttpClient support, string slug)
    {
        using var answer = await support.PostAsJsonAsync($"/api/partnerships/{slug}/plans", new { title = $"Community Safety Plan {Year}–{Year + 3}", startYear = Year, endYear = Year + 3 });
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        return (await PlanApi.ReadAsync<IdJson>(answer)).Id;
    }

    private static string Iso(DateOnly? date) => date?.ToString("O", CultureInfo.InvariantCulture)!;

    private static JsonObject Dates(DateOnly? decided = null, DateOnly? opens = null, DateOnly? closes = null, DateOnly? executive = null,
        DateOnly? circulated = null, DateOnly? deadline = null, DateOnly? meeting = null, int? version = null) => new()
    {
        ["prioritiesDecidedOn"] = Iso(decided),
        ["inputOpensOn"] = Iso(opens),
        ["inputClosesOn"] = Iso(closes),
        ["executiveDiscussionOn"] = Iso(executive),
        ["circulatedOn"] = Iso(circulated),
        ["commentDeadline"] = Iso(deadline),
        ["approvalMeetingOn"] = Iso(meeting),
        ["version"] = version,
    };

    /// <summary>Sets lead officers' input window from <paramref name="opens"/> to <paramref name="closes"/>, from the timeline's current version.</summary>
    private static async Task SetWindowAsync(HttpClient support, int editionId, DateOnly opens, DateOnly closes)
    {
        var current = await PlanApi.GetItemAsync<TimelineJson>(support, $"/api/editions/{editionId}/timeline");
        await PlanApi.PutOkAsync<TimelineJson>(support, $"/api/editions/{editionId}/timeline", Dates(opens: opens, closes: closes, version: current.Version));
    }

    private static async Task<HttpResponseMessage> RenamePriorityAsync(HttpClient client, int priorityId, string title)
    {
        var body = PlanApi.PutBody(await PlanApi.GetItemAsync<PriorityItemJson>(client, $"/api/priorities/{priorityId}"));
        body["title"] = title;
        return await PlanApi.PutAsync(client, $"/api/priorities/{priorityId}", body);
    }

    [Fact]
    public async Task Timeline_SetByASupportOfficer_IsReadCheckedByFieldVersionedAndAudited()
    {
        var slug = (await TestData.Partnership().SaveAsync(app)).Slug;
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        var id = await StartPlanAsync(support, slug);
        var path = $"/api/editions/{id}/timeline";

        var empty = await PlanApi.GetItemAsync<TimelineJson>(support, path);
        Assert.Equal(0, empty.Version);
        Assert.Null(empty.PrioritiesDecidedOn);
        Assert.All(empty.Steps, s => Assert.Equal("NotDated", s.State));

        var seed = Dates(new(2009, 10, 26), new(2009, 11, 1), new(2010, 1, 31), new(2009, 12, 17), new(2010, 1, 8), new(2010, 1, 14), new(2010, 2, 1));
        using (var unversioned = await PlanApi.PutAsync(support, path, seed))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, unversioned.StatusCode);
        }

        var bad = Dates(new(2009, 10, 26), new(2009, 11, 1), new(2009, 10, 31), new(2009, 10, 26), new(2010, 1, 8), new(2010, 1, 7), new(2010, 1, 7), version: 0);
        var errors = (await PlanApi.ReadProblemAsync(await PlanApi.PutAsync(support, path, bad), HttpStatusCode.BadRequest)).Errors;
        Assert.NotNull(errors);
        Assert.Contains("close on or after the day it opens", errors["inputClosesOn"][0], StringComparison.Ordinal);
        Assert.Contains("on or after the day the draft is circulated", errors["commentDeadline"][0], StringComparison.Ordinal);
        Assert.Contains("after the deadline for comments", errors["approvalMeetingOn"][0], StringComparison.Ordinal);
        Assert.Contains("after the Board decides the priorities", errors["executiveDiscussionOn"][0], StringComparison.Ordinal);
        var halfWindow = Dates(opens: new(2009, 11, 1), version: 0);
        Assert.Contains("Enter the date lead officers' input closes", await PlanApi.ReadValidationErrorAsync(await PlanApi.PutAsync(support, path, halfWindow), "inputClosesOn"), StringComparison.Ordinal);

        seed["version"] = 0;
        var saved = await PlanApi.PutOkAsync<TimelineJson>(support, path, seed);
        Assert.Equal(1, saved.Version);
        var read = await PlanApi.GetItemAsync<TimelineJson>(support, path);
        Assert.Equal("2009-10-26", read.PrioritiesDecidedOn);
        Assert.Equal("2010-01-14", read.CommentDeadline);
        Assert.Equal("2010-02-01", read.ApprovalMeetingOn);
        var steps = read.Steps;
        Assert.Equal(6, steps.Count);
        Assert.Equal("26 October 2009", steps[0].When);
        Assert.Equal("1 November 2009 to 31 January 2010", steps[1].When);
        Assert.All(steps, s => Assert.Equal("Done", s.State));
        Assert.False(read.InputOpen);

        using (var stale = await PlanApi.PutAsync(support, path, seed))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        seed["version"] = null;
        using (var staleTag = await PlanApi.PutAsync(support, path, seed, ifMatch: 0))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, staleTag.StatusCode);
        }

        seed["approvalMeetingOn"] = "2010-02-08";
        Assert.Equal("2010-02-08", (await PlanApi.PutOkAsync<TimelineJson>(support, path, seed, ifMatch: 1)).ApprovalMeetingOn);

        seed["version"] = 2;
        using var lead = await ClientAsync(PartnershipRole.LeadOfficer, slug);
        Assert.Contains("support officers and administrators can set the refresh dates",
            (await PlanApi.ReadProblemAsync(await PlanApi.PutAsync(lead, path, seed), HttpStatusCode.Forbidden)).Detail, StringComparison.Ordinal);
        using var visitor = app.CreateClient();
        await PlanApi.AssertNotFoundAsync(visitor, path);
        await PlanApi.AssertNotFoundAsync(support, "/api/editions/999999/timeline");

        var audited = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var timelineId = await db.Set<RefreshTimeline>().Where(t => t.EditionId == id).Select(t => t.Id).SingleAsync();
            return await db.Set<AuditEntry>().CountAsync(a => a.EntityType == nameof(RefreshTimeline) && a.EntityId == timelineId);
        });
        Assert.True(audited >= 2, $"Expected the timeline's two saves to be audited, found {audited}.");
    }

    [Fact]
    public async Task LeadOfficer_EditsWhatTheyLeadInADraft_OnlyInsideTheInputWindow_AndIsToldWhyOutsideIt()
    {
        var slug = (await TestData.Partnership().WithPerson(out var leadPerson, "Dave Sargent").SaveAsync(app)).Slug;
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        using var lead = await ClientAsync(PartnershipRole.LeadOfficer, slug, leadPerson.Key);
        var dave = leadPerson.Id;
        var id = await StartPlanAsync(support, slug);
        var theirs = (await PlanApi.NewPriorityAsync(support, id, "Reducing anti-social behaviour", dave)).Id;
        var others = (await PlanApi.NewPriorityAsync(support, id, "Reducing re-offending")).Id;

        // No input window set: a lead officer edits what they lead, as before the refresh timeline.
        using (var free = await RenamePriorityAsync(lead, theirs, "Reducing anti-social behaviour and criminal damage"))
        {
            Assert.Equal(HttpStatusCode.OK, free.StatusCode);
        }

        await SetWindowAsync(support, id, Today.AddDays(-3), Today.AddDays(3));
        Assert.True((await PlanApi.GetItemAsync<TimelineJson>(lead, $"/api/editions/{id}/timeline")).InputOpen);
        using (var inside = await RenamePriorityAsync(lead, theirs, "Tackling anti-social behaviour"))
        {
            Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        }

        var action = (await PlanApi.NewActionAsync(lead, theirs, "Run diversionary activities in the school holidays")).Id;
        Assert.Contains("only edit the priorities you lead",
            (await PlanApi.ReadProblemAsync(await RenamePriorityAsync(lead, others, "Not theirs"), HttpStatusCode.Forbidden)).Detail, StringComparison.Ordinal);

        var closed = Today.AddDays(-2);
        await SetWindowAsync(support, id, Today.AddDays(-20), closed);
        var closedOn = closed.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        var refusal = (await PlanApi.ReadProblemAsync(await RenamePriorityAsync(lead, theirs, "After the window"), HttpStatusCode.Forbidden)).Detail;
        Assert.Contains($"Lead officers' input closed on {closedOn}", refusal, StringComparison.Ordinal);
        using (var addAfter = await lead.PostAsJsonAsync($"/api/priorities/{theirs}/actions", new { text = "Too late" }))
        {
            Assert.Contains($"input closed on {closedOn}", (await PlanApi.ReadProblemAsync(addAfter, HttpStatusCode.Forbidden)).Detail, StringComparison.Ordinal);
        }

        var actionBody = PlanApi.PutBody(await PlanApi.GetItemAsync<ActionItemJson>(lead, $"/api/actions/{action}"));
        actionBody["text"] = "Changed after the window";
        Assert.Equal(HttpStatusCode.Forbidden, (await PlanApi.PutAsync(lead, $"/api/actions/{action}", actionBody)).StatusCode);

        using (var supportAfter = await RenamePriorityAsync(support, theirs, "Tackling anti-social behaviour together"))
        {
            Assert.Equal(HttpStatusCode.OK, supportAfter.StatusCode);
        }

        var opens = Today.AddDays(5);
        await SetWindowAsync(support, id, opens, Today.AddDays(30));
        Assert.Contains($"Lead officers' input opens on {opens.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}",
            (await PlanApi.ReadProblemAsync(await RenamePriorityAsync(lead, theirs, "Before the window"), HttpStatusCode.Forbidden)).Detail, StringComparison.Ordinal);
        using (var supportBefore = await RenamePriorityAsync(support, theirs, "Tackling anti-social behaviour"))
        {
            Assert.Equal(HttpStatusCode.OK, supportBefore.StatusCode);
        }
    }

    [Fact]
    public async Task Pages_OutsideTheInputWindow_OfferALeadOfficerNoEditLinks_AndTheFormsSayWhy()
    {
        var slug = (await TestData.Partnership().WithPerson(out var leadPerson, "Dave Sargent").SaveAsync(app)).Slug;
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        var leadEmail = await app.AddUserAsync(PartnershipRole.LeadOfficer, leadPerson.Key, slug);
        var dave = leadPerson.Id;
        var id = await StartPlanAsync(support, slug);
        var priority = (await PlanApi.NewPriorityAsync(support, id, "Reducing anti-social behaviour", dave)).Id;
        var action = (await PlanApi.NewActionAsync(support, priority, "Run diversionary activities in the school holidays")).Id;
        var milestone = (await PlanApi.NewMilestoneAsync(support, action, "Activities run in the summer holidays")).Id;
        using var session = new PageSession(app.ServerAddress);
        await session.SignInOrFailAsync(leadEmail);

        // Inside the window the lead officer's milestone page offers the edit; the form opens.
        await SetWindowAsync(support, id, Today.AddDays(-3), Today.AddDays(3));
        Assert.Contains($"/milestones/{milestone}/edit", await session.Client.GetStringAsync($"/milestones/{milestone}"), StringComparison.Ordinal);
        using (var open = await session.Client.GetAsync($"/actions/{action}/edit"))
        {
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        }

        var closed = Today.AddDays(-2);
        await SetWindowAsync(support, id, Today.AddDays(-20), closed);
        var closedOn = $"Lead officers' input closed on {closed.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}";
        var page = await session.Client.GetStringAsync($"/milestones/{milestone}");
        Assert.DoesNotContain($"/milestones/{milestone}/edit", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/milestones/{milestone}/delete", page, StringComparison.Ordinal);
        var edition = await session.Client.GetStringAsync($"/editions/{id}");
        Assert.DoesNotContain($"/actions/{action}/edit", edition, StringComparison.Ordinal);
        foreach (var form in new[] { $"/priorities/{priority}/edit", $"/actions/{action}/edit", $"/milestones/{milestone}/edit", $"/priorities/{priority}/actions/new", $"/actions/{action}/delete" })
        {
            using var refused = await session.Client.GetAsync(form);
            Assert.True(refused.StatusCode == HttpStatusCode.Redirect, $"GET {form} answered {(int)refused.StatusCode}");
            Assert.Contains("access-denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
            using var denied = await session.Client.GetAsync(refused.Headers.Location);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
            Assert.Contains(closedOn, WebUtility.HtmlDecode(await denied.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Timeline_OfAnApprovedEdition_IsNotChanged_AndItsLeadOfficersKeepTodaysRules()
    {
        var slug = (await TestData.Partnership().SaveAsync(app)).Slug;
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        var id = await StartPlanAsync(support, slug);
        await SetWindowAsync(support, id, Today.AddDays(-20), Today.AddDays(-10));
        await PlanApi.NewPriorityAsync(support, id, "Reducing burglary");
        using (var approved = await support.PostAsJsonAsync($"/api/editions/{id}/approval", new { decidedOn = Iso(Today), version = 1 }))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        var refused = await PlanApi.ReadProblemAsync(await PlanApi.PutAsync(support, $"/api/editions/{id}/timeline", Dates(opens: Today, closes: Today, version: 1)), HttpStatusCode.Forbidden);
        Assert.Contains("is approved: its refresh dates are kept", refused.Detail, StringComparison.Ordinal);
    }
}

/// <summary>Each test starts its plan in a partnership of its own (<see cref="TestData"/>): on the shared app.</summary>
public sealed class RefreshTimelineTestsOnSqlite(SharedSqliteApp shared) : RefreshTimelineTests(shared.App), IClassFixture<SharedSqliteApp>;

/// <inheritdoc cref="RefreshTimelineTestsOnSqlite"/>
public sealed class RefreshTimelineTestsOnPostgres(SharedPostgresApp shared) : RefreshTimelineTests(shared.App), IClassFixture<SharedPostgresApp>;

/// <summary>GET/PUT /api/editions/{id}/timeline: the refresh dates (ISO dates, null when not set), the steps and the version (0 before any is set).</summary>
internal sealed record TimelineJson(
    int EditionId, string? PrioritiesDecidedOn, string? InputOpensOn, string? InputClosesOn, string? ExecutiveDiscussionOn, string? CirculatedOn,
    string? CommentDeadline, string? ApprovalMeetingOn, bool InputOpen, IReadOnlyList<RefreshStepJson> Steps, int Version) : IItemJson
{
    int IItemJson.Id => EditionId;
}

internal sealed record RefreshStepJson(string Name, string? When, string State);
