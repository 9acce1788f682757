using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Documents;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Auditing;
using SaferPlan.Web.Tests.Documents;

using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Monitoring;

/// <summary>
/// Visitors see only accepted updates of published quarters: the milestone page, the updates API and the public Board
/// report; support officers publish and withdraw a quarter, recorded and audited; members' reports mark updates awaiting review.
/// </summary>
public abstract partial class PublicationTests(SaferPlanFactory app)
{
    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    internal static partial Regex EmailAddress();

    private static async Task<MilestoneUpdateJson> PutAsync(HttpClient client, int milestoneId, string period, string progress, bool submit) =>
        await OkJsonAsync<MilestoneUpdateJson>(await client.PutAsJsonAsync($"/api/milestones/{milestoneId}/updates/{period}", new { progress, status = "OnTrack", submit, version = 0 }));

    private static async Task ReviewAsync(HttpClient support, MilestoneUpdateJson update, bool accept, string? comment = null) =>
        await OkJsonAsync<ReviewedUpdateJson>(await support.PostAsJsonAsync($"/api/updates/{update.Id}/review", new { accept, comment, version = update.Version }));

    [Fact]
    public async Task Visitor_MilestonePageAndUpdatesApi_ShowOnlyAcceptedUpdatesOfPublishedQuarters_NoCommentsNoEmail()
    {
        var marker = Guid.NewGuid().ToString("N")[..12];
        var partnership = await TestData.Partnership().WithPerson(out var lead, "Dave Sargent").WithEdition()
            .WithMilestone(lead).WithMilestone(lead).WithMilestone(lead).WithMilestone(lead).SaveAsync(app);
        var slug = partnership.Slug;
        using var support = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: slug));
        using var dave = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.LeadOfficer, lead.Key, slug));
        using var board = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember, partnership: slug));
        using var visitor = await app.ApiClientAsync();
        await OkJsonAsync<RoundJson>(await support.PostAsJsonAsync($"/api/partnerships/{slug}/periods/2010-11-q2/round", new { deadline = "2099-04-08" }));
        var (draft, submitted, returned, accepted) = (partnership.Milestones[0].Id, partnership.Milestones[1].Id, partnership.Milestones[2].Id, partnership.Milestones[3].Id);
        await PutAsync(dave, draft, "2010-11-q2", $"Draft {marker}", submit: false);
        await PutAsync(dave, submitted, "2010-11-q2", $"Submitted {marker}", submit: true);
        await ReviewAsync(support, await PutAsync(dave, returned, "2010-11-q2", $"Returned {marker}", submit: true), accept: false, $"Comment {marker}");
        await ReviewAsync(support, await PutAsync(dave, accepted, "2010-11-q2", $"Accepted {Id(marker)}", submit: true), accept: true);

        var beforePublishing = await visitor.GetStringAsync($"/milestones/{accepted}");
        var beforePublishingApi = await visitor.GetStringAsync($"/api/milestones/{accepted}/updates");
        await OkJsonAsync<PublicationJson>(await support.PostAsync($"/api/partnerships/{slug}/periods/2010-11-q2/publication", null));
        var seen = new List<string>();
        foreach (var id in new[] { draft, submitted, returned, accepted })
        {
            seen.Add(await visitor.GetStringAsync($"/milestones/{id}"));
            seen.Add(await visitor.GetStringAsync($"/api/milestones/{id}/updates"));
            using var one = await visitor.GetAsync($"/api/milestones/{id}/updates/2010-11-q2");
            seen.Add(await one.Content.ReadAsStringAsync());
            Assert.Equal(id == accepted ? HttpStatusCode.OK : HttpStatusCode.NotFound, one.StatusCode);
        }

        var memberPage = await board.GetStringAsync($"/api/milestones/{returned}/updates");

        Assert.DoesNotContain(Id(marker), beforePublishing, StringComparison.Ordinal);
        Assert.DoesNotContain(Id(marker), beforePublishingApi, StringComparison.Ordinal);
        Assert.All(seen, body => Assert.DoesNotContain(marker, body.Replace(Id(marker), "", StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.All(seen, body => Assert.False(EmailAddress().IsMatch(body), $"An e-mail address reached a visitor: {EmailAddress().Match(body).Value}"));
        Assert.Contains(seen, body => body.Contains(Id(marker), StringComparison.Ordinal));
        Assert.Contains(seen, body => body.Contains("Dave Sargent", StringComparison.Ordinal));
        Assert.Contains($"Comment {marker}", memberPage, StringComparison.Ordinal);
        Assert.Contains($"Submitted {marker}", await board.GetStringAsync($"/api/milestones/{submitted}/updates"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateRecordedUnderAnEmailAddressBeforeDisplayNames_ShowsTheNamePartOnly()
    {
        var data = await BoardReportTestData.CreateAsync(app);
        var milestoneId = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var update = await db.Set<Core.Monitoring.MilestoneUpdate>().FirstAsync(u => u.Period == BoardReportTestData.Q4 && u.Milestone.Code == "1.1a" && u.Milestone.Action.Priority!.Edition.Plan!.Partnership.Slug == data.Slug);
            update.AuthorName = "old.author@example.org";
            update.ReviewerName = "old.reviewer@example.org";
            await db.SaveChangesAsync();
            return update.MilestoneId;
        });
        using var visitor = await app.ApiClientAsync();

        var history = await visitor.GetStringAsync($"/api/milestones/{milestoneId}/updates");
        var page = await visitor.GetStringAsync($"/milestones/{milestoneId}");

        Assert.Contains("\"author\":\"old.author\"", history, StringComparison.Ordinal);
        Assert.Contains("old.author", page, StringComparison.Ordinal);
        Assert.DoesNotMatch(EmailAddress(), history + page);
    }

    /// <summary>The accepted update's words, made from the marker so that the other updates' markers can be told from it.</summary>
    private static string Id(string marker) => $"published-{marker}";

    [Fact]
    public async Task SupportOfficer_PublishesAndWithdraws_RecordsWhoAndWhen_AuditedAndVisitorsFollow()
    {
        var data = await BoardReportTestData.CreateAsync(app, publishQ4: false);
        var email = await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: data.Slug);
        await app.WithScopeAsync(sp => sp.GetRequiredService<AccountService>().SetDisplayNameAsync(
            sp.GetRequiredService<SaferPlanDbContext>().Users.Single(u => u.Email == email).Id, "Pat Publisher"));
        using var support = await app.ApiClientAsync(email);
        using var visitor = await app.ApiClientAsync();
        var path = $"/api/partnerships/{data.Slug}/periods/2010-11-q4/publication";
        var report = $"/api/partnerships/{data.Slug}/reports/performance/2010-11-q4.html";

        var before = await OkJsonAsync<PublicationJson>(await visitor.GetAsync(path));
        var refused = await ReadProblemAsync(await visitor.GetAsync(report), HttpStatusCode.NotFound);
        var published = await OkJsonAsync<PublicationJson>(await support.PostAsync(path, null));
        using var afterPublishing = await visitor.GetAsync(report);
        var withdrawn = await OkJsonAsync<PublicationJson>(await support.DeleteAsync(path));
        using var afterWithdrawing = await visitor.GetAsync(report);

        Assert.False(before.Published);
        Assert.Equal("Not published yet", refused.Title);
        Assert.Contains("2010/11 Q3", refused.Detail, StringComparison.Ordinal);
        Assert.True(published.Published);
        Assert.Equal("Pat Publisher", published.PublishedBy);
        Assert.NotNull(published.PublishedAt);
        Assert.Equal(HttpStatusCode.OK, afterPublishing.StatusCode);
        Assert.Contains(data.UpdateTexts[0], await afterPublishing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(withdrawn.Published);
        Assert.Equal("Pat Publisher", withdrawn.WithdrawnBy);
        Assert.Equal(HttpStatusCode.NotFound, afterWithdrawing.StatusCode);
        var audit = await OkJsonAsync<List<AuditEntryJson>>(await support.GetAsync($"/api/audit?entity=QuarterPublication&id={published.Id}"));
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal("Pat Publisher", a.Actor));
        Assert.Contains(audit[0].Changes, c => c.Field == "WithdrawnBy" && c.New == "Pat Publisher");
    }

    [Theory]
    [InlineData(PartnershipRole.LeadOfficer)]
    [InlineData(PartnershipRole.BoardMember)]
    [InlineData(PartnershipRole.Analyst)]
    public async Task Publish_ByAnyoneButSupportOfficersAndAdministrators_IsForbiddenAndNothingChanges(PartnershipRole role)
    {
        var data = await BoardReportTestData.CreateAsync(app, publishQ4: false);
        using var member = await app.ApiClientAsync(await app.AddUserAsync(role, partnership: data.Slug));
        using var administrator = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Administrator, partnership: data.Slug));
        using var visitor = await app.ApiClientAsync();
        var path = $"/api/partnerships/{data.Slug}/periods/2010-11-q4/publication";

        await ReadProblemAsync(await member.PostAsync(path, null), HttpStatusCode.Forbidden);
        await ReadProblemAsync(await visitor.PostAsync(path, null), HttpStatusCode.Unauthorized);
        var state = await OkJsonAsync<PublicationJson>(await visitor.GetAsync(path));
        await OkJsonAsync<PublicationJson>(await administrator.PostAsync(path, null));
        await ReadProblemAsync(await member.DeleteAsync(path), HttpStatusCode.Forbidden);

        Assert.False(state.Published);
        Assert.True((await OkJsonAsync<PublicationJson>(await visitor.GetAsync(path))).Published);
    }

    [Fact]
    public async Task VisitorReport_OfUnpublishedQuarter_IsRefusedAndTheReportsPageSaysSoAndListsOnlyPublishedQuarters()
    {
        var data = await BoardReportTestData.CreateAsync(app, publishQ4: false);
        using var visitor = await app.ApiClientAsync();
        using var member = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember, partnership: data.Slug));

        var docx = await ReadProblemAsync(await visitor.GetAsync($"/api/partnerships/{data.Slug}/reports/performance/2010-11-q4.docx"), HttpStatusCode.NotFound);
        using var page = await visitor.GetAsync($"/partnerships/{data.Slug}/reports/performance/2010-11-q4.html");
        var list = await visitor.GetStringAsync($"/partnerships/{data.Slug}/reports");
        var q3 = await visitor.GetStringAsync($"/api/partnerships/{data.Slug}/reports/performance/2010-11-q3.html");
        var full = await member.GetStringAsync($"/api/partnerships/{data.Slug}/reports/performance/2010-11-q4.html");

        Assert.Contains("has not been published yet", docx.Detail, StringComparison.Ordinal);
        var landed = page.Headers.Location?.OriginalString ?? page.RequestMessage?.RequestUri?.PathAndQuery;
        Assert.Equal($"/partnerships/{data.Slug}/reports?unpublished=2010-11-q4", landed);
        Assert.Equal(
            "The 2010/11 Q4 report has not been published yet: the partnership publishes a quarter's report when its updates have been reviewed. The reports published so far are listed below.",
            TestHtml.Parse(await visitor.GetStringAsync(landed)).QuerySelector("[data-unpublished]")?.TextContent.Trim());
        // Only a real quarter the reader cannot see is named; anything else sent is not echoed.
        Assert.Null(TestHtml.Parse(await visitor.GetStringAsync($"/partnerships/{data.Slug}/reports?unpublished=2010-11-q3")).QuerySelector("[data-unpublished]"));
        Assert.Null(TestHtml.Parse(await visitor.GetStringAsync($"/partnerships/{data.Slug}/reports?unpublished=%3Cb%3Eforged%3C%2Fb%3E")).QuerySelector("[data-unpublished]"));
        Assert.DoesNotContain("2010-11-q4", list, StringComparison.Ordinal);
        Assert.Contains($"/partnerships/{data.Slug}/reports/performance/2010-11-q3.html", list, StringComparison.Ordinal);
        Assert.Contains(data.Q3Text, q3, StringComparison.Ordinal);
        Assert.Contains(data.SubmittedText, full, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicReport_OfPublishedQuarter_HasAcceptedUpdatesOnly_AndTheMembersReportMarksTheRestAwaitingReview()
    {
        var data = await BoardReportTestData.CreateAsync(app);
        using var visitor = await app.ApiClientAsync();
        using var member = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember, partnership: data.Slug));

        var publicHtml = await visitor.GetStringAsync($"/api/partnerships/{data.Slug}/reports/performance/2010-11-q4.html");
        var publicDocx = DocumentFiles.AllParts(await visitor.GetByteArrayAsync($"/api/partnerships/{data.Slug}/reports/performance/2010-11-q4.docx"));
        var previewHtml = await member.GetStringAsync($"/api/partnerships/{data.Slug}/reports/performance/2010-11-q4.html?audience=public");
        var fullHtml = await member.GetStringAsync($"/api/partnerships/{data.Slug}/reports/performance/2010-11-q4.html");
        var fullDocx = DocumentFiles.AllParts(await member.GetByteArrayAsync($"/api/partnerships/{data.Slug}/reports/performance/2010-11-q4.docx"));
        var model = await app.WithScopeAsync(sp => sp.GetRequiredService<BoardReportBuilder>().BuildAsync(new BoardReportOptions(data.Slug, BoardReportTestData.Q4)));

        foreach (var shown in new[] { publicHtml, publicDocx, previewHtml })
        {
            Assert.DoesNotContain(data.SubmittedText, shown, StringComparison.Ordinal);
            Assert.DoesNotContain(ReportUpdate.AwaitingReviewText, shown, StringComparison.Ordinal);
            Assert.Contains(data.UpdateTexts[0], shown, StringComparison.Ordinal);
        }

        Assert.Contains(data.SubmittedText, fullHtml, StringComparison.Ordinal);
        Assert.Contains($"<strong>{ReportUpdate.AwaitingReviewText}</strong>", fullHtml, StringComparison.Ordinal);
        Assert.Contains(ReportUpdate.AwaitingReviewText, fullDocx, StringComparison.Ordinal);
        var updates = model!.Priorities.SelectMany(p => p.Actions).SelectMany(a => a.Milestones).Where(m => m.Update is not null).ToList();
        Assert.True(updates.Single(m => m.Code == BoardReportTestData.SubmittedMilestone).Update!.AwaitingReview);
        Assert.All(updates.Where(m => m.Code != BoardReportTestData.SubmittedMilestone), m => Assert.False(m.Update!.AwaitingReview));
    }

    [Fact]
    public async Task ReportsPage_SupportOfficerPublishesWithTheButton_MembersSeeTheState()
    {
        var data = await BoardReportTestData.CreateAsync(app, publishQ4: false);
        using var support = await SignedInAsync(PartnershipRole.SupportOfficer, data.Slug);
        using var board = await SignedInAsync(PartnershipRole.BoardMember, data.Slug);
        var path = $"/partnerships/{data.Slug}/reports";

        var before = await Forms.PageAsync(support, path);
        var boardPage = await Forms.PageAsync(board, path);
        // A quarter with an update awaiting review: the first press asks first, and publishes nothing.
        using var asked = await Forms.PostAsync(support, $"{path}?handler=Publish&period=2010-11-q4", before, []);
        var question = TestHtml.Parse(await asked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var banner = question.QuerySelector("[data-confirm-publish='2010-11-q4']");
        Assert.NotNull(banner);
        Assert.Contains("0 updates are returned for changes and 1 is awaiting review: they will not be in the public report", banner.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", banner.QuerySelector("input[name='confirmed']")?.GetAttribute("value"));
        Assert.Contains("Not published", await Forms.PageAsync(support, path), StringComparison.Ordinal);
        using var posted = await Forms.PostAsync(support, $"{path}?handler=Publish&period=2010-11-q4", before, new() { ["confirmed"] = "true" });
        var after = await Forms.PageAsync(support, path);
        using var visitor = await app.ApiClientAsync();
        var visitorList = await visitor.GetStringAsync(path);

        Assert.Contains("Publish the 2010/11 Q4 report", before, StringComparison.Ordinal);
        Assert.Contains("Not published", boardPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Publish the 2010/11 Q4 report", boardPage, StringComparison.Ordinal);
        Assert.True(posted.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"Publishing answered {(int)posted.StatusCode}");
        Assert.Contains("Withdraw publication", after, StringComparison.Ordinal);
        Assert.Contains("The 2010/11 Q4 report is published", await posted.Content.ReadAsStringAsync() + after, StringComparison.Ordinal);
        Assert.Contains("2010-11-q4.html", visitorList, StringComparison.Ordinal);
        var record = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var partnershipId = await db.Partnerships.Where(p => p.Slug == data.Slug).Select(p => p.Id).SingleAsync();
            return await db.Set<Core.Monitoring.QuarterPublication>().SingleAsync(p => p.Period == BoardReportTestData.Q4 && p.PartnershipId == partnershipId);
        });
        Assert.True(record.IsPublished);
    }

    private Task<HttpClient> SignedInAsync(PartnershipRole role, string partnership) => Forms.SignedInAsync(app, role, partnership: partnership);
}

/// <summary>Each test has a partnership of its own (<see cref="TestData"/>, <see cref="BoardReportTestData"/>): on the shared app.</summary>
public sealed class PublicationTestsOnSqlite(SharedSqliteApp shared) : PublicationTests(shared.App), IClassFixture<SharedSqliteApp>;

/// <inheritdoc cref="PublicationTestsOnSqlite"/>
public sealed class PublicationTestsOnPostgres(SharedPostgresApp shared) : PublicationTests(shared.App), IClassFixture<SharedPostgresApp>;
