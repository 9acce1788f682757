using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Plans;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Documents;

namespace SaferPlan.Web.Tests.Plans;

/// <summary>
/// The changes made per priority of a refreshed edition and the refresh report built from them (issue 12, items 3 and 7;
/// seed 002): numbered after each priority's comments, written by support officers only, versioned, read-only after
/// approval, and the report holding every numbered comment and change with the timeline's dates.
/// </summary>
public abstract class RefreshChangeTests(SaferPlanFactory app)
{
    /// <summary>A partnership of the test's own, with no plan yet.</summary>
    private async Task<string> PartnershipAsync() => (await TestData.Partnership().SaveAsync(app)).Slug;

    private async Task<HttpClient> ClientAsync(PartnershipRole role, string slug) => await app.ApiClientAsync(await app.AddUserAsync(role, partnership: slug));

    /// <summary>A request refused with a problem of the given status.</summary>
    private static async Task<Problem> RefusedAsync(HttpClient client, HttpMethod method, string url, object? body, HttpStatusCode expected) =>
        await PlanApi.ReadProblemAsync(await PlanApi.SendAsync(client, method, url, body), expected);

    /// <summary>A draft plan with two priorities, in the test's own partnership (which has one plan per start year).</summary>
    private static async Task<(int EditionId, int[] Priorities)> OwnDraftAsync(HttpClient support, string slug, int year = 2013)
    {
        using var started = await support.PostAsJsonAsync($"/api/partnerships/{slug}/plans", new { title = $"Rolling Plan {year}", startYear = year, endYear = year + 3 });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var editionId = (await PlanApi.ReadAsync<IdJson>(started)).Id;
        var first = await PlanApi.NewPriorityAsync(support, editionId, "Reducing Serious Acquisitive Crime");
        var second = await PlanApi.NewPriorityAsync(support, editionId, "Reducing Re-Offending");
        return (editionId, [first.Id, second.Id]);
    }

    private static string[] Numbers(IEnumerable<ChangeJson> list) => list.Select(c => c.Number).ToArray();

    [Fact]
    public async Task Changes_AfterAPrioritysComments_AreNumberedAfterThemAndRenumberedAtReadTime()
    {
        var slug = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        var (editionId, p) = await OwnDraftAsync(support, slug);
        var comments = $"/api/editions/{editionId}/comments";
        var changes = $"/api/editions/{editionId}/changes";
        await PlanApi.ExpectAsync(support, HttpMethod.Post, comments, new { priorityId = p[0], text = "Ensure the task group includes every partner" }, HttpStatusCode.Created);
        await PlanApi.ExpectAsync(support, HttpMethod.Post, comments, new { priorityId = p[0], text = "Tender property marking" }, HttpStatusCode.Created);
        await PlanApi.ExpectAsync(support, HttpMethod.Post, comments, new { text = "A clear plan overall" }, HttpStatusCode.Created);

        var c13 = await PlanApi.ReadAsync<ChangeJson>(support, HttpMethod.Post, changes, new { priorityId = p[0], text = "An amalgamation of Reducing Burglary and Reducing Vehicle Crime" }, HttpStatusCode.Created);
        var c14 = await PlanApi.ReadAsync<ChangeJson>(support, HttpMethod.Post, changes, new { priorityId = p[0], text = "Strengthen the SAC Task Group" }, HttpStatusCode.Created);
        var c21 = await PlanApi.ReadAsync<ChangeJson>(support, HttpMethod.Post, changes, new { priorityId = p[1], text = "Statutory from April 2010" }, HttpStatusCode.Created);
        var c02 = await PlanApi.ReadAsync<ChangeJson>(support, HttpMethod.Post, changes, new { priorityId = (int?)null, text = "The plan is shorter" }, HttpStatusCode.Created);
        Assert.Equal(["1.3", "1.4", "2.1", "0.2"], new[] { c13, c14, c21, c02 }.Select(c => c.Number));
        Assert.DoesNotContain("@", c13.WrittenBy, StringComparison.Ordinal);

        // A comment recorded later on priority 1 moves its changes on by one, as the report numbers them.
        await PlanApi.ExpectAsync(support, HttpMethod.Post, comments, new { priorityId = p[0], text = "Target hardening must be evidence based" }, HttpStatusCode.Created);
        Assert.Equal(["0.2", "1.4", "1.5", "2.1"], Numbers(await PlanApi.ReadAsync<List<ChangeJson>>(support, HttpMethod.Get, changes, null, HttpStatusCode.OK)));

        await PlanApi.ExpectAsync(support, HttpMethod.Delete, $"/api/changes/{c13.Id}?version={c13.Version}", null, HttpStatusCode.NoContent);
        var listed = await PlanApi.ReadAsync<List<ChangeJson>>(support, HttpMethod.Get, changes, null, HttpStatusCode.OK);
        Assert.Equal(["0.2", "1.4", "2.1"], Numbers(listed));
        Assert.Equal("Strengthen the SAC Task Group", listed[1].Text);

        var audited = await app.WithScopeAsync(async sp =>
            await sp.GetRequiredService<SaferPlanDbContext>().AuditEntries.CountAsync(a => a.EntityType == nameof(RefreshChange) && a.EntityId == c13.Id));
        Assert.Equal(2, audited);
    }

    [Fact]
    public async Task Changes_ByLeadOfficersBoardMembersAndVisitors_AreRefused()
    {
        var slug = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        using var lead = await ClientAsync(PartnershipRole.LeadOfficer, slug);
        using var board = await ClientAsync(PartnershipRole.BoardMember, slug);
        using var visitor = app.CreateClient();
        var (editionId, p) = await OwnDraftAsync(support, slug);
        var changes = $"/api/editions/{editionId}/changes";
        var change = await PlanApi.ReadAsync<ChangeJson>(support, HttpMethod.Post, changes, new { priorityId = p[0], text = "Merged priority" }, HttpStatusCode.Created);

        await PlanApi.ExpectAsync(lead, HttpMethod.Post, changes, new { priorityId = p[0], text = "Mine" }, HttpStatusCode.Forbidden);
        var refused = await RefusedAsync(board, HttpMethod.Post, changes, new { priorityId = p[0], text = "Mine" }, HttpStatusCode.Forbidden);
        Assert.Contains("support officers and administrators", refused.Detail, StringComparison.Ordinal);
        await PlanApi.ExpectAsync(board, HttpMethod.Put, $"/api/changes/{change.Id}", new { text = "Reworded", version = change.Version }, HttpStatusCode.Forbidden);
        await PlanApi.ExpectAsync(lead, HttpMethod.Delete, $"/api/changes/{change.Id}?version={change.Version}", null, HttpStatusCode.Forbidden);
        Assert.Single(await PlanApi.ReadAsync<List<ChangeJson>>(board, HttpMethod.Get, changes, null, HttpStatusCode.OK));

        await PlanApi.ExpectAsync(visitor, HttpMethod.Get, changes, null, HttpStatusCode.NotFound);
        await PlanApi.ExpectAsync(visitor, HttpMethod.Post, changes, new { text = "Hello" }, HttpStatusCode.Unauthorized);
        await PlanApi.ExpectAsync(visitor, HttpMethod.Get, $"/api/editions/{editionId}/refresh-report.html", null, HttpStatusCode.NotFound);
        await PlanApi.ExpectAsync(visitor, HttpMethod.Get, $"/api/editions/{editionId}/refresh-report.docx", null, HttpStatusCode.NotFound);
        await PlanApi.ExpectAsync(visitor, HttpMethod.Get, $"/editions/{editionId}/refresh-report.html", null, HttpStatusCode.NotFound);

        var empty = await RefusedAsync(support, HttpMethod.Post, changes, new { priorityId = p[0], text = " " }, HttpStatusCode.BadRequest);
        Assert.NotNull(empty.Errors);
        Assert.Contains(empty.Errors.Values.SelectMany(m => m), m => m.Contains("Enter the change made", StringComparison.Ordinal));
        var (otherEdition, otherPriorities) = await OwnDraftAsync(support, slug, 2014);
        Assert.NotEqual(editionId, otherEdition);
        await PlanApi.ExpectAsync(support, HttpMethod.Post, changes, new { priorityId = otherPriorities[0], text = "Elsewhere" }, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Changes_EditedFromAnOldVersion_Conflict409Or412AndNeedAVersion()
    {
        var slug = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        var (editionId, p) = await OwnDraftAsync(support, slug);
        var change = await PlanApi.ReadAsync<ChangeJson>(support, HttpMethod.Post, $"/api/editions/{editionId}/changes", new { priorityId = p[1], text = "First wording" }, HttpStatusCode.Created);
        var path = $"/api/changes/{change.Id}";

        await PlanApi.ExpectAsync(support, HttpMethod.Put, path, new { text = "No version" }, (HttpStatusCode)428);
        var saved = await PlanApi.ReadAsync<ChangeJson>(support, HttpMethod.Put, path, new { text = "Second wording", version = change.Version }, HttpStatusCode.OK);
        Assert.Equal(change.Version + 1, saved.Version);
        Assert.Equal("2.1", saved.Number);

        await PlanApi.ExpectAsync(support, HttpMethod.Put, path, new { text = "Stale", version = change.Version }, HttpStatusCode.Conflict);
        await PlanApi.ExpectAsync(support, HttpMethod.Put, path, new { text = "Stale" }, HttpStatusCode.PreconditionFailed, ifMatch: change.Version);
        await PlanApi.ExpectAsync(support, HttpMethod.Delete, path, null, (HttpStatusCode)428);
        await PlanApi.ExpectAsync(support, HttpMethod.Delete, $"{path}?version={change.Version}", null, HttpStatusCode.Conflict);
        var kept = await PlanApi.ReadAsync<List<ChangeJson>>(support, HttpMethod.Get, $"/api/editions/{editionId}/changes", null, HttpStatusCode.OK);
        Assert.Equal("Second wording", kept[0].Text);
    }

    [Fact]
    public async Task Changes_AfterApproval_AreReadOnly_AndTheReportIsPublicWithoutEmailAddresses()
    {
        var slug = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        using var visitor = app.CreateClient();
        var (editionId, p) = await OwnDraftAsync(support, slug);
        var change = await PlanApi.ReadAsync<ChangeJson>(support, HttpMethod.Post, $"/api/editions/{editionId}/changes", new { priorityId = p[0], text = "Questions to jo.bloggs@example.org" }, HttpStatusCode.Created);
        await PlanApi.ExpectAsync(support, HttpMethod.Post, $"/api/editions/{editionId}/approval", new { decidedOn = DateOnly.FromDateTime(DateTime.UtcNow).ToString("O", System.Globalization.CultureInfo.InvariantCulture) }, HttpStatusCode.OK);

        var refused = await RefusedAsync(support, HttpMethod.Put, $"/api/changes/{change.Id}", new { text = "Later", version = change.Version }, HttpStatusCode.Forbidden);
        Assert.Contains("approved", refused.Detail, StringComparison.Ordinal);
        await PlanApi.ExpectAsync(support, HttpMethod.Post, $"/api/editions/{editionId}/changes", new { text = "Later" }, HttpStatusCode.Forbidden);
        await PlanApi.ExpectAsync(support, HttpMethod.Delete, $"/api/changes/{change.Id}?version={change.Version}", null, HttpStatusCode.Forbidden);

        using var report = await visitor.GetAsync($"/api/editions/{editionId}/refresh-report.html");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var html = WebUtility.HtmlDecode(await report.Content.ReadAsStringAsync());
        Assert.Contains("1.1", html, StringComparison.Ordinal);
        Assert.Contains("Questions to jo.bloggs", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.org", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Draft</p>", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// The refresh report is dated by the meeting that approves the edition: the refresh timeline's planned approval meeting
    /// while it is a draft, and the day it was actually approved once it is (as seed 002 is dated to its Board meeting), not a
    /// planned day after its own approval.
    /// </summary>
    [Fact]
    public async Task RefreshReport_IsDatedByThePlannedMeetingUntilApproved_ThenByTheApproval()
    {
        var slug = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        var (editionId, _) = await OwnDraftAsync(support, slug);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var planned = today.AddDays(61);
        var timeline = await PlanApi.GetItemAsync<TimelineJson>(support, $"/api/editions/{editionId}/timeline");
        await PlanApi.PutOkAsync<TimelineJson>(support, $"/api/editions/{editionId}/timeline", new JsonObject
        {
            ["approvalMeetingOn"] = Iso(planned), ["version"] = timeline.Version,
        });
        Assert.Equal((Iso(planned), Display(planned)), await DatedAsync(support, editionId));

        await PlanApi.ExpectAsync(support, HttpMethod.Post, $"/api/editions/{editionId}/approval", new { decidedOn = Iso(today) }, HttpStatusCode.OK);
        Assert.Equal((Iso(today), Display(today)), await DatedAsync(support, editionId));
        using var visitor = app.CreateClient();
        Assert.Equal((Iso(today), Display(today)), await DatedAsync(visitor, editionId));
        var pdf = await DocumentFiles.PdfTextAsync(await support.GetByteArrayAsync($"/api/editions/{editionId}/refresh-report.docx"));
        Assert.Contains(Display(today), pdf, StringComparison.Ordinal);
        Assert.DoesNotContain(Display(planned), pdf, StringComparison.Ordinal);
    }

    private static string Iso(DateOnly date) => date.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static string Display(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>The refresh report's DATE as the web page gives it: the machine-readable date and the words.</summary>
    private static async Task<(string? DateTime, string Words)> DatedAsync(HttpClient client, int editionId)
    {
        using var page = await client.GetAsync($"/api/editions/{editionId}/refresh-report.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = TestHtml.Parse(await page.Content.ReadAsStringAsync());
        var date = html.QuerySelectorAll("dl.meta dt").Single(dt => dt.TextContent == "DATE:").NextElementSibling!.QuerySelector("time")!;
        return (date.GetAttribute("datetime"), date.TextContent);
    }

    [Fact]
    public async Task RefreshReport_OfADraft_HoldsEveryNumberedCommentAndChangeAndTheTimelineDates_InHtmlAndDocx()
    {
        var slug = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        var (editionId, p) = await OwnDraftAsync(support, slug);
        var timeline = await PlanApi.GetItemAsync<TimelineJson>(support, $"/api/editions/{editionId}/timeline");
        await PlanApi.PutOkAsync<TimelineJson>(support, $"/api/editions/{editionId}/timeline", new JsonObject
        {
            ["prioritiesDecidedOn"] = "2009-10-26", ["inputOpensOn"] = "2009-11-01", ["inputClosesOn"] = "2010-01-31", ["executiveDiscussionOn"] = "2009-12-17",
            ["circulatedOn"] = "2010-01-08", ["commentDeadline"] = "2010-01-14", ["approvalMeetingOn"] = "2010-02-01", ["version"] = timeline.Version,
        });
        var comments = $"/api/editions/{editionId}/comments";
        var c11 = await PlanApi.ReadAsync<CommentJson>(support, HttpMethod.Post, comments, new { priorityId = p[0], text = "Ensure membership of the SAC Task Group encompasses all partners" }, HttpStatusCode.Created);
        await PlanApi.ExpectAsync(support, HttpMethod.Post, comments, new { priorityId = p[0], text = "Property marking to be tendered" }, HttpStatusCode.Created);
        await PlanApi.ExpectAsync(support, HttpMethod.Post, comments, new { priorityId = p[1], text = "Prepare for the IOM model" }, HttpStatusCode.Created);
        await PlanApi.ExpectAsync(support, HttpMethod.Put, $"/api/comments/{c11.Id}", new { kind = "NoChange", text = "Membership is already agreed", version = c11.Version }, HttpStatusCode.OK);
        var changes = $"/api/editions/{editionId}/changes";
        await PlanApi.ExpectAsync(support, HttpMethod.Post, changes, new { priorityId = p[0], text = "An amalgamation of the Reducing Burglary and Reducing Vehicle Crime priorities" }, HttpStatusCode.Created);
        await PlanApi.ExpectAsync(support, HttpMethod.Post, changes, new { priorityId = p[1], text = "Statutory responsibility as of April 2010" }, HttpStatusCode.Created);
        await PlanApi.ExpectAsync(support, HttpMethod.Post, changes, new { text = "Anti-social behaviour mainstreamed" }, HttpStatusCode.Created);

        using var page = await support.GetAsync($"/api/editions/{editionId}/refresh-report.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        string[] expected =
        [
            "REPORT TO:", "AUTHOR/S:", "Draft", "REFRESH", "Purpose", "Background", "Responses to the consultation", "Overview of changes", "Recommendation",
            "26 October 2009", "1 November 2009", "31 January 2010", "17 December 2009", "8 January 2010", "14 January 2010", "1 February 2010",
            "1. Reducing Serious Acquisitive Crime", "2. Reducing Re-Offending", "The whole plan", "Comments received", "Changes made",
            "Ensure membership of the SAC Task Group encompasses all partners", "No change: Membership is already agreed",
            "Property marking to be tendered", "Prepare for the IOM model", "An amalgamation of the Reducing Burglary", "Statutory responsibility as of April 2010",
            "Anti-social behaviour mainstreamed", "It is recommended that the",
        ];
        foreach (var text in expected)
        {
            Assert.Contains(text, html, StringComparison.Ordinal);
        }

        foreach (var number in new[] { ">1.1<", ">1.2<", ">1.3<", ">2.1<", ">2.2<", ">0.1<" })
        {
            Assert.Contains(number, html, StringComparison.Ordinal);
        }

        Assert.True(html.IndexOf("The whole plan", StringComparison.Ordinal) < html.IndexOf("1. Reducing Serious Acquisitive Crime", StringComparison.Ordinal));

        using var word = await support.GetAsync($"/api/editions/{editionId}/refresh-report.docx");
        Assert.Equal(HttpStatusCode.OK, word.StatusCode);
        var docx = await word.Content.ReadAsByteArrayAsync();
        BoardReportTests.AssertValid(docx);
        var pdf = await DocumentFiles.PdfTextAsync(docx);
        foreach (var text in new[] { "1.1 Ensure membership", "1.2 Property marking", "1.3 An amalgamation", "2.1 Prepare for the IOM", "2.2 Statutory", "0.1 Anti-social", "No change: Membership", "26 October 2009", "17 December 2009", "14 January 2010", "1 February 2010" })
        {
            Assert.Contains(text, pdf, StringComparison.Ordinal);
        }
    }
}

/// <summary>Each test has a partnership of its own (<see cref="TestData"/>) for its draft plans: on the shared app.</summary>
public sealed class RefreshChangeTestsOnSqlite(SharedSqliteApp shared) : RefreshChangeTests(shared.App), IClassFixture<SharedSqliteApp>;

/// <inheritdoc cref="RefreshChangeTestsOnSqlite"/>
public sealed class RefreshChangeTestsOnPostgres(SharedPostgresApp shared) : RefreshChangeTests(shared.App), IClassFixture<SharedPostgresApp>;
