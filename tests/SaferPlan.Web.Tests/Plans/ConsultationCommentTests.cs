using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Periods;
using SaferPlan.Core.Plans;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Plans;

/// <summary>
/// Comments on a draft edition and the responses to them (issue 12, item 3): numbered by priority as seed 002's Appendix A,
/// closed to members after the deadline, recorded late by a support officer with their source, never shown to visitors. Each
/// test drafts its plan in a partnership of its own (<see cref="TestData"/>).
/// </summary>
public abstract class ConsultationCommentTests(SaferPlanFactory app)
{
    /// <summary>A partnership of the test's own, with no plan yet.</summary>
    private async Task<string> PartnershipAsync() => (await TestData.Partnership().SaveAsync(app)).Slug;

    private async Task<HttpClient> ClientAsync(PartnershipRole role, string slug) => await app.ApiClientAsync(await app.AddUserAsync(role, partnership: slug));

    private static string Today(int days = 0) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A request refused as invalid: the first message for the field.</summary>
    private static async Task<string> InvalidAsync(HttpClient client, HttpMethod method, string url, object? body, string field) =>
        await PlanApi.ReadValidationErrorAsync(await PlanApi.SendAsync(client, method, url, body), field);

    /// <summary>A request refused with a problem of the given status: its detail.</summary>
    private static async Task<string?> RefusedAsync(HttpClient client, HttpMethod method, string url, object? body, HttpStatusCode expected) =>
        (await PlanApi.ReadProblemAsync(await PlanApi.SendAsync(client, method, url, body), expected)).Detail;

    /// <summary>A draft plan of this test's own with two priorities, an action under the second and a milestone under it.</summary>
    private static async Task<(int EditionId, int[] Priorities, int ActionId, int MilestoneId)> OwnDraftAsync(HttpClient support, string slug)
    {
        const int year = 2013;
        using var started = await support.PostAsJsonAsync($"/api/partnerships/{slug}/plans", new { title = $"Plan {year}", startYear = year, endYear = year + 3 });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var editionId = (await PlanApi.ReadAsync<IdJson>(started)).Id;
        var first = await PlanApi.NewPriorityAsync(support, editionId, "Reducing serious acquisitive crime");
        var second = await PlanApi.NewPriorityAsync(support, editionId, "Reducing re-offending");
        var action = await PlanApi.NewActionAsync(support, second.Id, "Prolific offenders scheme");
        var milestone = await PlanApi.NewMilestoneAsync(support, action.Id, "Review the scheme");
        return (editionId, [first.Id, second.Id], action.Id, milestone.Id);
    }

    [Fact]
    public async Task Comments_OnPrioritiesActionsMilestonesAndThePlan_AreNumberedByPriority()
    {
        // An approved 2010/11 edition beside the draft: its priority is one of another edition.
        var partnership = await TestData.Partnership().WithEdition(2010).WithPriority().SaveAsync(app);
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, partnership.Slug);
        using var board = await ClientAsync(PartnershipRole.BoardMember, partnership.Slug);
        var (editionId, priorities, actionId, milestoneId) = await OwnDraftAsync(support, partnership.Slug);
        var url = $"/api/editions/{editionId}/comments";

        var c11 = await PlanApi.ReadAsync<CommentJson>(board, HttpMethod.Post, url, new { priorityId = priorities[0], text = "Ensure the task group includes every partner" }, HttpStatusCode.Created);
        var c21 = await PlanApi.ReadAsync<CommentJson>(board, HttpMethod.Post, url, new { actionId, text = "Prepare for Integrated Offender Management" }, HttpStatusCode.Created);
        var c12 = await PlanApi.ReadAsync<CommentJson>(board, HttpMethod.Post, url, new { priorityId = priorities[0], text = "Tender property marking" }, HttpStatusCode.Created);
        var c22 = await PlanApi.ReadAsync<CommentJson>(board, HttpMethod.Post, url, new { milestoneId, text = "Name the review's lead" }, HttpStatusCode.Created);
        var c01 = await PlanApi.ReadAsync<CommentJson>(board, HttpMethod.Post, url, new { text = "A clear plan overall" }, HttpStatusCode.Created);

        Assert.Equal(["1.1", "2.1", "1.2", "2.2", "0.1"], new[] { c11, c21, c12, c22, c01 }.Select(c => c.Number));
        Assert.Equal("Priority 1", c11.Subject);
        Assert.Equal("Action 2.1", c21.Subject);
        Assert.Equal(priorities[1], c22.PriorityId);
        Assert.Equal("The whole plan", c01.Subject);
        Assert.DoesNotContain("@", c11.MadeBy, StringComparison.Ordinal);

        var listed = await PlanApi.ReadAsync<List<CommentJson>>(support, HttpMethod.Get, url, null, HttpStatusCode.OK);
        Assert.Equal(["0.1", "1.1", "1.2", "2.1", "2.2"], listed.Select(c => c.Number));

        Assert.Equal("Choose one item of the plan to comment on, or the whole plan", await InvalidAsync(board, HttpMethod.Post, url, new { priorityId = priorities[0], actionId, text = "Both" }, "item"));
        Assert.Equal("Enter the comment", await InvalidAsync(board, HttpMethod.Post, url, new { priorityId = priorities[0], text = " " }, "text"));
        var otherEditionsPriority = partnership.PriorityIds[0];
        await PlanApi.ExpectAsync(board, HttpMethod.Post, url, new { priorityId = otherEditionsPriority, text = "Elsewhere" }, HttpStatusCode.BadRequest);
        var onBehalf = await InvalidAsync(board, HttpMethod.Post, url, new { text = "From the meeting", source = "Executive Group meeting" }, "source");
        Assert.Equal("Only a support officer can record a comment on someone else's behalf", onBehalf);
    }

    [Fact]
    public async Task Comment_AfterTheDeadline_IsRefusedNamingIt_AndRecordedByASupportOfficerWithItsSource()
    {
        var slug = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        using var board = await ClientAsync(PartnershipRole.BoardMember, slug);
        var (editionId, priorities, _, _) = await OwnDraftAsync(support, slug);
        var url = $"/api/editions/{editionId}/comments";

        // The test's partnership has no Board members to send the draft to: it goes to an address given.
        var started = await PlanApi.ReadAsync<ConsultationJson>(support, HttpMethod.Post, $"/api/editions/{editionId}/consultation",
            new { deadline = Today(7), consultees = new[] { $"member-{Guid.NewGuid():N}@example.org" } }, HttpStatusCode.Created);
        Assert.Equal(Today(7), started.Deadline);
        Assert.Equal("Consultation", (await PlanApi.EditionItemsAsync(support, editionId)).Status);
        await PlanApi.ExpectAsync(support, HttpMethod.Post, $"/api/editions/{editionId}/consultation", new { deadline = Today(7) }, HttpStatusCode.BadRequest);
        await PlanApi.ExpectAsync(board, HttpMethod.Post, url, new { priorityId = priorities[0], text = "In time" }, HttpStatusCode.Created);

        var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        await app.WithScopeAsync(async sp =>
            await sp.GetRequiredService<SaferPlanDbContext>().Set<EditionConsultation>().Where(c => c.EditionId == editionId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Deadline, deadline)));

        var late = await RefusedAsync(board, HttpMethod.Post, url, new { priorityId = priorities[0], text = "Too late" }, HttpStatusCode.Forbidden);
        Assert.Contains($"closed on {deadline.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}", late, StringComparison.Ordinal);
        var noSource = await InvalidAsync(support, HttpMethod.Post, url, new { priorityId = priorities[0], text = "From the meeting" }, "source");
        Assert.Contains("enter where this comment came from", noSource, StringComparison.Ordinal);

        var recorded = await PlanApi.ReadAsync<CommentJson>(support, HttpMethod.Post, url,
            new { priorityId = priorities[0], text = "Target hardening must be evidence based", source = "Executive Group meeting, 17 December 2009", madeBy = "CDRP Executive Group" }, HttpStatusCode.Created);
        Assert.Equal("1.2", recorded.Number);
        Assert.Equal("Executive Group meeting, 17 December 2009", recorded.Source);
        Assert.Equal("CDRP Executive Group", recorded.MadeBy);
        Assert.False(string.IsNullOrEmpty(recorded.RecordedBy));
        var byEmail = await InvalidAsync(support, HttpMethod.Post, url, new { text = "x", source = "Letter", madeBy = "someone@example.org" }, "madeBy");
        Assert.Equal("Enter the name of who made the comment, not their e-mail address", byEmail);
    }

    [Fact]
    public async Task Response_IsRecordedBySupportOfficers_Versioned_AndRefusedToOthers()
    {
        var slug = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        using var board = await ClientAsync(PartnershipRole.BoardMember, slug);
        using var lead = await ClientAsync(PartnershipRole.LeadOfficer, slug);
        var (editionId, priorities, _, _) = await OwnDraftAsync(support, slug);
        var comment = await PlanApi.ReadAsync<CommentJson>(board, HttpMethod.Post, $"/api/editions/{editionId}/comments", new { priorityId = priorities[1], text = "Prepare for IOM" }, HttpStatusCode.Created);
        var url = $"/api/comments/{comment.Id}";

        await PlanApi.ExpectAsync(support, HttpMethod.Put, url, new { kind = "Changed", text = "Action 2.3 added" }, HttpStatusCode.PreconditionRequired);
        var missing = await InvalidAsync(support, HttpMethod.Put, url, new { kind = "NoChange", text = "", version = 1 }, "text");
        Assert.Equal("Enter why no change was made", missing);
        await PlanApi.ExpectAsync(board, HttpMethod.Put, url, new { kind = "Changed", text = "Mine", version = 1 }, HttpStatusCode.Forbidden);
        await PlanApi.ExpectAsync(lead, HttpMethod.Put, url, new { kind = "Changed", text = "Mine", version = 1 }, HttpStatusCode.Forbidden);

        var answered = await PlanApi.ReadAsync<CommentJson>(support, HttpMethod.Put, url, new { kind = "Changed", text = "Action 2.3 added on offender management", version = 1 }, HttpStatusCode.OK);
        Assert.Equal(2, answered.Version);
        Assert.Equal("Changed", answered.ResponseKind);
        Assert.Equal("Action 2.3 added on offender management", answered.Response);

        var stale = await RefusedAsync(support, HttpMethod.Put, url, new { kind = "NoChange", text = "Covered already", version = 1 }, HttpStatusCode.Conflict);
        Assert.Contains("you had version 1", stale, StringComparison.Ordinal);
        using var ifMatch = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { kind = "NoChange", text = "Covered already" }) };
        ifMatch.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        using var precondition = await support.SendAsync(ifMatch);
        Assert.Equal(HttpStatusCode.PreconditionFailed, precondition.StatusCode);

        var listed = await PlanApi.ReadAsync<List<CommentJson>>(board, HttpMethod.Get, $"/api/editions/{editionId}/comments", null, HttpStatusCode.OK);
        Assert.Equal("Action 2.3 added on offender management", Assert.Single(listed).Response);
    }

    /// <summary>
    /// Once the edition is approved its responses are kept as the Board saw them, as the changes made are: the API refuses a
    /// new response (403 saying why), the comments page offers no response link, the response page and its form are refused
    /// with the reason, and the refresh report keeps the response the Board approved.
    /// </summary>
    [Fact]
    public async Task Response_AfterApproval_IsRefusedSayingWhy_OnTheApiAndThePages_AndTheReportKeepsIt()
    {
        var slug = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        var (editionId, _, _, _) = await OwnDraftAsync(support, slug);
        var comment = await PlanApi.ReadAsync<CommentJson>(support, HttpMethod.Post, $"/api/editions/{editionId}/comments", new { text = "A clear plan overall" }, HttpStatusCode.Created);
        var url = $"/api/comments/{comment.Id}";
        var answered = await PlanApi.ReadAsync<CommentJson>(support, HttpMethod.Put, url, new { kind = "NoChange", text = "Kept as drafted", version = comment.Version }, HttpStatusCode.OK);
        await PlanApi.ExpectAsync(support, HttpMethod.Post, $"/api/editions/{editionId}/approval", new { decidedOn = Today() }, HttpStatusCode.OK);

        var refused = await RefusedAsync(support, HttpMethod.Put, url, new { kind = "Changed", text = "Rewritten after approval", version = answered.Version }, HttpStatusCode.Forbidden);
        Assert.Contains("approved: the responses to its comments are kept as the Board saw them", refused, StringComparison.Ordinal);

        using var session = await PageSession.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: slug);
        var comments = $"/editions/{editionId}/comments";
        var (status, html) = await session.PageAsync(comments);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Kept as drafted", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/comments/{comment.Id}/response", TestHtml.Hrefs(TestHtml.Parse(html)));
        var form = $"/comments/{comment.Id}/response";
        using (var page = await session.Client.GetAsync(form))
        {
            Assert.Contains("approved: the responses to its comments are kept", await session.AccessDeniedAsync(page, $"GET {form}"), StringComparison.Ordinal);
        }

        using (var posted = await session.PostFormAsync(comments, form, new() { ["Kind"] = "Changed", ["Text"] = "Rewritten after approval", ["Version"] = $"{answered.Version}" }))
        {
            Assert.Contains("approved: the responses to its comments are kept", await session.AccessDeniedAsync(posted, $"POST {form}"), StringComparison.Ordinal);
        }

        var kept = Assert.Single(await PlanApi.ReadAsync<List<CommentJson>>(support, HttpMethod.Get, $"/api/editions/{editionId}/comments", null, HttpStatusCode.OK));
        Assert.Equal(("NoChange", "Kept as drafted", answered.Version), (kept.ResponseKind, kept.Response, kept.Version));
        using var visitor = app.CreateClient();
        using var report = await visitor.GetAsync($"/api/editions/{editionId}/refresh-report.html");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var text = WebUtility.HtmlDecode(await report.Content.ReadAsStringAsync());
        Assert.Contains("No change: Kept as drafted", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Rewritten after approval", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Visitors_NeverSeeComments_AndCannotComment()
    {
        var ownSlug = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, ownSlug);
        var (editionId, priorities, _, _) = await OwnDraftAsync(support, ownSlug);
        var comment = await PlanApi.ReadAsync<CommentJson>(support, HttpMethod.Post, $"/api/editions/{editionId}/comments", new { priorityId = priorities[0], text = "Secret draft comment" }, HttpStatusCode.Created);

        using var visitor = app.CreateClient();
        await PlanApi.ExpectAsync(visitor, HttpMethod.Get, $"/api/editions/{editionId}/comments", null, HttpStatusCode.NotFound);
        await PlanApi.ExpectAsync(visitor, HttpMethod.Post, $"/api/editions/{editionId}/comments", new { text = "Hello" }, HttpStatusCode.Unauthorized);
        await PlanApi.ExpectAsync(visitor, HttpMethod.Put, $"/api/comments/{comment.Id}", new { kind = "Changed", text = "x", version = 1 }, HttpStatusCode.Unauthorized);
        await PlanApi.ExpectAsync(visitor, HttpMethod.Post, $"/api/editions/{editionId}/consultation", new { deadline = Today(7) }, HttpStatusCode.Unauthorized);

        await PlanApi.ExpectAsync(support, HttpMethod.Post, $"/api/editions/{editionId}/approval", new { decidedOn = Today() }, HttpStatusCode.OK);
        await PlanApi.ExpectAsync(visitor, HttpMethod.Get, $"/api/editions/{editionId}/comments", null, HttpStatusCode.Unauthorized);
        var slug = await PartnershipAsync();
        using var other = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember, partnership: slug));
        await PlanApi.ExpectAsync(other, HttpMethod.Get, $"/api/editions/{editionId}/comments", null, HttpStatusCode.Forbidden);
        var closed = await RefusedAsync(support, HttpMethod.Post, $"/api/editions/{editionId}/comments", new { text = "After approval" }, HttpStatusCode.Forbidden);
        Assert.Contains("no longer a draft", closed, StringComparison.Ordinal);

        var audited = await app.WithScopeAsync(async sp =>
            await sp.GetRequiredService<SaferPlanDbContext>().AuditEntries.CountAsync(a => a.EntityType == nameof(ConsultationComment) && a.EntityId == comment.Id));
        Assert.Equal(1, audited);
    }
}

/// <summary>
/// A consultee comments on a draft through the link e-mailed to them, without signing in, until it is revoked or expires: on a
/// plan drafted in a partnership of the test's own (<see cref="TestData"/>).
/// </summary>
public abstract class ConsultationLinkTests(SaferPlanFactory app)
{
    private static readonly string[] NotAnAddress = ["not an address"];

    private static readonly string[] Blank = [" "];

    private static readonly string[] DateBoxes = ["Day", "Month", "Year"];

    [Fact]
    public async Task SendingOutForComments_StartsFromTheDeadlineInTheRefreshDates()
    {
        var partnership = await TestData.Partnership().WithEdition(2011, EditionStatus.Draft).WithPriority().SaveAsync(app);
        var support = new UserContext("support", "Sam Support", null, [new PartnershipMembership(partnership.Id, PartnershipRole.SupportOfficer)]);
        using var officer = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        var path = $"/editions/{partnership.EditionId}/consultation";
        var before = TestHtml.Parse(await Forms.PageAsync(officer, path));
        var saved = await app.WithScopeAsync(sp => sp.GetRequiredService<RefreshTimelineService>().SaveAsync(partnership.EditionId,
            new RefreshTimelineInput(null, null, null, null, new DateOnly(2011, 1, 8), new DateOnly(2011, 1, 14), new DateOnly(2011, 2, 1)), 0, support));
        Assert.True(saved.Succeeded, saved.Message);

        var after = TestHtml.Parse(await Forms.PageAsync(officer, path));

        Assert.Equal(["", "", ""], DateBoxes.Select(p => TestHtml.Value(before, $"Deadline.{p}") ?? ""));
        Assert.Equal(["14", "1", "2011"], DateBoxes.Select(p => TestHtml.Value(after, $"Deadline.{p}")));
    }

    /// <summary>
    /// A draft sent out for comments to nobody (a partnership whose Board and Executive Group have no members with an
    /// e-mail address yet, and no address given) is refused on the addresses' box, by the API and the form: the edition stays
    /// a draft and no link is made.
    /// </summary>
    [Fact]
    public async Task SendingOutForComments_ToNobody_IsRefusedAskingForAddresses()
    {
        var partnership = await TestData.Partnership().WithEdition(2011, EditionStatus.Draft).WithPriority().SaveAsync(app);
        using var support = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug));
        const string Message = "Add the e-mail addresses to send the draft to: the partnership's Board and Executive Group have no members with an e-mail address yet";
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);

        using (var refused = await support.PostAsJsonAsync($"/api/editions/{partnership.EditionId}/consultation", new { deadline = deadline.ToString("O", CultureInfo.InvariantCulture), consultees = Blank }))
        {
            Assert.Equal(Message, await PlanApi.ReadValidationErrorAsync(refused, "consultees"));
        }

        using (var officer = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug))
        {
            var path = $"/editions/{partnership.EditionId}/consultation";
            var fields = new Dictionary<string, string>
            {
                ["Deadline.Day"] = $"{deadline.Day}", ["Deadline.Month"] = $"{deadline.Month}", ["Deadline.Year"] = $"{deadline.Year}", ["Consultees"] = "",
            };
            await Forms.AssertFieldErrorAsync(officer, path, fields, "Consultees", Message);
        }

        Assert.Equal("Draft", (await PlanApi.EditionItemsAsync(support, partnership.EditionId)).Status);
        Assert.False(await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<ConsultationLink>().AnyAsync(l => l.EditionId == partnership.EditionId)));
    }

    [Fact]
    public async Task Consultee_CommentsThroughTheEmailedLink_WithoutSigningIn_UntilRevokedOrExpired()
    {
        var slug = (await TestData.Partnership().SaveAsync(app)).Slug;
        using var support = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: slug));
        const int year = 2013;
        using var plan = await support.PostAsJsonAsync($"/api/partnerships/{slug}/plans", new { title = $"Linked plan {year}", startYear = year, endYear = year + 3 });
        Assert.Equal(HttpStatusCode.Created, plan.StatusCode);
        var editionId = (await PlanApi.ReadAsync<IdJson>(plan)).Id;
        var priority = await PlanApi.NewPriorityAsync(support, editionId, "Reducing domestic violence");
        var address = $"consultee-{Guid.NewGuid():N}@example.org";
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);

        using var bad = await support.PostAsJsonAsync($"/api/editions/{editionId}/consultation", new { deadline = deadline.ToString("O", CultureInfo.InvariantCulture), consultees = NotAnAddress });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var started = await support.PostAsJsonAsync($"/api/editions/{editionId}/consultation", new { deadline = deadline.ToString("O", CultureInfo.InvariantCulture), consultees = new[] { address } });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);

        var (body, stored) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var mail = await db.Set<Core.Monitoring.OutboxMessage>().SingleAsync(m => m.To == address);
            var link = await db.Set<ConsultationLink>().SingleAsync(l => l.Email == address);
            return (mail.TextBody, link);
        });
        var token = System.Text.RegularExpressions.Regex.Match(body, @"/c/(cl_[A-Za-z0-9_-]+)").Groups[1].Value;
        Assert.Equal(SecretTokens.Hash(token), stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(deadline.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), stored.ExpiresAt);

        using var visitor = new PageSession(app.ServerAddress);
        using var page = await visitor.Client.GetAsync($"/c/{token}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Reducing domestic violence", html, StringComparison.Ordinal);
        // The page and the e-mail give the link's last day alike.
        var lastDay = $"until the end of {Dates.Display(deadline)}";
        Assert.Contains(lastDay, body, StringComparison.Ordinal);
        Assert.Contains(lastDay, TestHtml.SpacedText(TestHtml.Parse(html).Body!), StringComparison.Ordinal);
        using var sent = await visitor.PostFormAsync($"/c/{token}", $"/c/{token}", new() { ["Item"] = $"p{priority.Id}", ["Text"] = "Keep the focus on repeat incidents" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        using var thanked = await visitor.Client.GetAsync($"/c/{token}");
        Assert.Contains("your comment on Priority 1 has been sent", await thanked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var comment = Assert.Single(await PlanApi.OkJsonAsync<List<CommentJson>>(await support.GetAsync($"/api/editions/{editionId}/comments")));
        Assert.Equal("1.1", comment.Number);
        Assert.Equal(address[..address.IndexOf('@', StringComparison.Ordinal)], comment.MadeBy);
        Assert.DoesNotContain("@", comment.MadeBy, StringComparison.Ordinal);

        using var unknown = await visitor.Client.GetAsync("/c/cl_nothing");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var revoked = await support.PostAsync($"/api/consultation-links/{stored.Id}/revoke", null);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        using var afterRevoke = await visitor.Client.GetAsync($"/c/{token}");
        Assert.Equal(HttpStatusCode.Gone, afterRevoke.StatusCode);
        Assert.Contains("This link has been revoked", await afterRevoke.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await app.WithScopeAsync(async sp => await sp.GetRequiredService<SaferPlanDbContext>().Set<ConsultationLink>().Where(l => l.Id == stored.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, (DateTimeOffset?)null).SetProperty(l => l.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        using var expired = await visitor.Client.GetAsync($"/c/{token}");
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("This link expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var audited = await app.WithScopeAsync(async sp => await sp.GetRequiredService<SaferPlanDbContext>().AuditEntries
            .Where(a => a.EntityType == nameof(ConsultationLink) && a.EntityId == stored.Id).Select(a => a.Actor).ToListAsync());
        Assert.Contains(audited, a => a.EndsWith("(e-mailed link)", StringComparison.Ordinal));
    }
}

/// <summary>The consultee's plan is drafted in a partnership of the test's own (<see cref="TestData"/>): on the shared app.</summary>
public sealed class ConsultationLinkTestsOnSqlite(SharedSqliteApp shared) : ConsultationLinkTests(shared.App), IClassFixture<SharedSqliteApp>;

/// <inheritdoc cref="ConsultationLinkTestsOnSqlite"/>
public sealed class ConsultationLinkTestsOnPostgres(SharedPostgresApp shared) : ConsultationLinkTests(shared.App), IClassFixture<SharedPostgresApp>;

/// <summary>Each test drafts its plan in a partnership of its own (<see cref="TestData"/>): on the shared app.</summary>
public sealed class ConsultationCommentTestsOnSqlite(SharedSqliteApp shared) : ConsultationCommentTests(shared.App), IClassFixture<SharedSqliteApp>;

/// <inheritdoc cref="ConsultationCommentTestsOnSqlite"/>
public sealed class ConsultationCommentTestsOnPostgres(SharedPostgresApp shared) : ConsultationCommentTests(shared.App), IClassFixture<SharedPostgresApp>;

/// <summary>A consultation comment as the API gives it (GET/POST /api/editions/{id}/comments, PUT /api/comments/{id}).</summary>
internal sealed record CommentJson(
    int Id, string Number, string Subject, int? PriorityId, string Text, string MadeBy, string? Source, string? RecordedBy, string? ResponseKind, string? Response,
    int Version) : IItemJson;

/// <summary>POST /api/editions/{id}/consultation: the consultation started, its deadline as an ISO date.</summary>
internal sealed record ConsultationJson(string Status, string Deadline, int Version);
