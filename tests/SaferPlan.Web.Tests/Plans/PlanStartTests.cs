using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Data;
using SaferPlan.Core.Plans;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Plans;

/// <summary>
/// A plan started without a terminal (issue 10): a support officer starts a plan with its first edition as a draft, and records
/// the Board's approval, which publishes it and supersedes the edition approved before it. Through the API; the pages are driven
/// in the browser test of the first quarter.
/// </summary>
public abstract class PlanStartTests(SaferPlanFactory app)
{
    /// <summary>The short name of each test's partnership: an approval that names no body is its Board's.</summary>
    private const string ShortName = "Testshire CDRP";

    /// <summary>The year each test's plan starts: the partnership is the test's own, so no other test has a plan in it.</summary>
    private const int Year = 2013;

    /// <summary>A partnership of the test's own, with no plan yet.</summary>
    private async Task<string> PartnershipAsync() => (await TestData.Partnership().WithShortName(ShortName).SaveAsync(app)).Slug;

    private async Task<HttpClient> ClientAsync(PartnershipRole role, string slug) => await app.ApiClientAsync(await app.AddUserAsync(role, partnership: slug));

    private static async Task<PlanEditionJson> StartAsync(HttpClient client, string slug, int year)
    {
        using var answer = await client.PostAsJsonAsync($"/api/partnerships/{slug}/plans", new { title = $"Community Safety Plan {year}–{year + 3}", startYear = year, endYear = year + 3 });
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        return await PlanApi.ReadAsync<PlanEditionJson>(answer);
    }

    private static Task<HttpResponseMessage> ApproveAsync(HttpClient client, int editionId, string? decidedOn, int? version, string? body = null, string? minute = null) =>
        client.PostAsJsonAsync($"/api/editions/{editionId}/approval", new { decidedOn, body, minute, version });

    /// <summary>A 400 validation problem: the first message for the field.</summary>
    private static Task<string> ErrorAsync(HttpResponseMessage answer, string field) => PlanApi.ReadValidationErrorAsync(answer, field);

    /// <summary>
    /// The new plan page with a year it cannot read: that box asked for, and what the rest of the form lacks named at the same
    /// time (the title); no plan started.
    /// </summary>
    [Fact]
    public async Task NewPlanPage_YearItCannotRead_IsAskedForWithTheOtherErrors_AndNothingStarts()
    {
        var slug = await PartnershipAsync();
        using var session = new PageSession(app.ServerAddress);
        await session.SignInOrFailAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: slug));
        var path = $"/partnerships/{slug}/plans/new";

        using var refused = await session.PostFormAsync(path, path, new() { ["Title"] = "", ["StartYear"] = "twenty thirteen", ["EndYear"] = "2016" });

        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The year the plan starts must be a year, like 2011", html, StringComparison.Ordinal);
        Assert.Contains("Enter the plan&#x27;s title", html, StringComparison.Ordinal);
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        Assert.Empty(await PlanApi.OkJsonAsync<List<PlanJson>>(await support.GetAsync($"/api/partnerships/{slug}/plans")));
    }

    [Fact]
    public async Task StartPlan_MakesADraftOnlyMembersSee_AndRefusesBadInputByField()
    {
        var slug = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        using var bad = await support.PostAsJsonAsync($"/api/partnerships/{slug}/plans", new { title = "", startYear = 2041, endYear = 2040 });
        var errors = (await PlanApi.ReadProblemAsync(bad, HttpStatusCode.BadRequest)).Errors;
        Assert.NotNull(errors);
        Assert.Contains("Enter the plan's title", errors["title"][0], StringComparison.Ordinal);
        Assert.Contains("must be after the year it starts", errors["endYear"][0], StringComparison.Ordinal);

        var year = Year;
        var edition = await StartAsync(support, slug, year);
        Assert.Equal("Draft", edition.Status);
        Assert.Equal($"{year}/{(year + 1) % 100:00}", edition.Year);
        var id = edition.Id;

        using var again = await support.PostAsJsonAsync($"/api/partnerships/{slug}/plans", new { title = "Another", startYear = year, endYear = year + 3 });
        Assert.Contains($"already has a plan starting in {year}", await ErrorAsync(again, "startYear"), StringComparison.Ordinal);

        using var visitor = app.CreateClient();
        using var hidden = await visitor.GetAsync($"/api/editions/{id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var board = await ClientAsync(PartnershipRole.BoardMember, slug);
        using var seen = await board.GetAsync($"/api/editions/{id}");
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        using var refused = await board.PostAsJsonAsync($"/api/partnerships/{slug}/plans", new { title = "Board's own", startYear = Year + 1, endYear = 2099 });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Approval_NeedsADatePrioritiesAndTheCurrentVersion_ThenPublishes_AndIsAudited()
    {
        var slug = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        var id = (await StartAsync(support, slug, Year)).Id;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        using var noDate = await ApproveAsync(support, id, null, null);
        Assert.Contains("Enter the date of the decision", await ErrorAsync(noDate, "decidedOn"), StringComparison.Ordinal);
        using var empty = await ApproveAsync(support, id, today.ToString("O", CultureInfo.InvariantCulture), 1);
        Assert.Contains("Add the plan's priorities", await ErrorAsync(empty, "decidedOn"), StringComparison.Ordinal);

        await PlanApi.NewPriorityAsync(support, id, "Reducing anti-social behaviour");
        using var future = await ApproveAsync(support, id, today.AddDays(2).ToString("O", CultureInfo.InvariantCulture), 1);
        Assert.Contains("today or in the past", await ErrorAsync(future, "decidedOn"), StringComparison.Ordinal);
        using var stale = await ApproveAsync(support, id, today.ToString("O", CultureInfo.InvariantCulture), 0);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var lead = await ClientAsync(PartnershipRole.LeadOfficer, slug);
        using var notTheirs = await ApproveAsync(lead, id, today.ToString("O", CultureInfo.InvariantCulture), 1);
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);

        using var approved = await ApproveAsync(support, id, today.ToString("O", CultureInfo.InvariantCulture), 1, minute: "12/10");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var body = await PlanApi.ReadAsync<EditionDecisionJson>(approved);
        Assert.Equal("Approved", body.Status);
        Assert.Equal($"{ShortName} Board", body.ApprovedBy);
        Assert.Equal("12/10", body.ApprovalMinute);
        Assert.Equal(today.ToString("O", CultureInfo.InvariantCulture), body.ApprovedOn);

        using var visitor = app.CreateClient();
        using var published = await visitor.GetAsync($"/api/editions/{id}");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        using var twice = await ApproveAsync(support, id, today.ToString("O", CultureInfo.InvariantCulture), 2);
        Assert.Contains("already approved", await ErrorAsync(twice, "decidedOn"), StringComparison.Ordinal);

        var audited = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(a => a.EntityType == nameof(PlanEdition) && a.EntityId == id).Select(a => a.Changes).ToListAsync());
        Assert.Contains(audited, c => c.Contains("Approved", StringComparison.Ordinal));
    }

    /// <summary>
    /// A decision dated more than a year before the edition's year starts (a mistyped year: 1 January 2012 for the 2013/14
    /// edition) is refused by the form, on the date's boxes, and by the API, naming the earliest date; nothing is approved.
    /// 1 April of the year before is the earliest a refresh can be approved.
    /// </summary>
    [Fact]
    public async Task Approval_DatedMoreThanAYearBeforeTheEditionsYear_IsRefused_NamingTheEarliestDate()
    {
        var slug = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        var id = (await StartAsync(support, slug, Year)).Id;
        await PlanApi.NewPriorityAsync(support, id, "Reducing anti-social behaviour");
        var message = $"The date of the decision must be on or after 1 April {Year - 1}, for the {Year}/{(Year + 1) % 100:00} edition";

        using var tooEarly = await ApproveAsync(support, id, new DateOnly(Year - 1, 3, 31).ToString("O", CultureInfo.InvariantCulture), 1);
        Assert.Equal(message, await ErrorAsync(tooEarly, "decidedOn"));
        using var session = await PageSession.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: slug);
        var path = $"/editions/{id}/approval";
        using (var refused = await session.PostFormAsync(path, path, new() { ["DecidedOn.Day"] = "1", ["DecidedOn.Month"] = "1", ["DecidedOn.Year"] = $"{Year - 1}", ["Body"] = "", ["Minute"] = "", ["Version"] = "1" }))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = TestHtml.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Equal([("DecidedOn-day", message)], TestHtml.ErrorSummaryLinks(page));
            Assert.Contains(message, page.QuerySelector("#DecidedOn-error")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal("Draft", (await PlanApi.OkJsonAsync<EditionDecisionJson>(await support.GetAsync($"/api/editions/{id}"))).Status);
        using var earliest = await ApproveAsync(support, id, new DateOnly(Year - 1, 4, 1).ToString("O", CultureInfo.InvariantCulture), 1);
        Assert.Equal(HttpStatusCode.OK, earliest.StatusCode);
    }

    /// <summary>
    /// An edition started without a version label (a new plan or the next edition) has none, so nothing calls an approved
    /// edition "Draft": its page shows the year alone beside its status, the compare page the status alone, and a draft's plan
    /// document "Draft: not yet approved"; a label given is kept as given.
    /// </summary>
    [Fact]
    public async Task Edition_StartedWithoutALabel_HasNone_SoNothingCallsItDraftOnceApproved()
    {
        var slug = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        var first = await StartAsync(support, slug, Year);
        Assert.Null(first.Label);
        using (var labelled = await support.PostAsJsonAsync($"/api/partnerships/{slug}/plans", new { title = "Labelled plan", startYear = Year + 5, endYear = Year + 6, editionLabel = "DRAFT.V1" }))
        {
            Assert.Equal("DRAFT.V1", (await PlanApi.ReadAsync<PlanEditionJson>(labelled)).Label);
        }

        await PlanApi.NewPriorityAsync(support, first.Id, "Reducing anti-social behaviour");
        using (var approved = await ApproveAsync(support, first.Id, DateOnly.FromDateTime(DateTime.UtcNow).ToString("O", CultureInfo.InvariantCulture), 1))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        using var nextAnswer = await support.PostAsJsonAsync($"/api/editions/{first.Id}/next", new { });
        Assert.Equal(HttpStatusCode.Created, nextAnswer.StatusCode);
        var next = await PlanApi.ReadAsync<PlanEditionJson>(nextAnswer);
        Assert.Null(next.Label);
        var listed = (await PlanApi.OkJsonAsync<List<PlanJson>>(await support.GetAsync($"/api/partnerships/{slug}/plans"))).SelectMany(p => p.Editions).ToList();
        Assert.Equal([null, "DRAFT.V1", null], listed.OrderBy(e => e.Id).Select(e => e.Label));

        using var session = await PageSession.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: slug);
        var page = TestHtml.Parse((await session.PageAsync($"/editions/{first.Id}")).Html);
        var rows = page.QuerySelectorAll(".govuk-summary-list__row").ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => r.QuerySelector("dd")!.TextContent.Trim());
        Assert.Equal($"{Year}/{(Year + 1) % 100:00}", rows["Edition"]);
        Assert.StartsWith("Approved, approved by", rows["Status"], StringComparison.Ordinal);
        var compare = TestHtml.Parse((await session.PageAsync($"/editions/{next.Id}/compare?with={first.Id}")).Html);
        var years = $"From {Year}/{(Year + 1) % 100:00} (Approved) to {Year + 1}/{(Year + 2) % 100:00} (Draft).";
        Assert.Contains(years, compare.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"{Year}/{(Year + 1) % 100:00} – Community Safety Plan {Year}–{Year + 3} (Approved)", compare.QuerySelector($"#With option[value='{first.Id}']")!.TextContent.Trim());
        using var document = await support.GetAsync($"/api/editions/{next.Id}/document.html");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Contains(">Draft: not yet approved<", await document.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A draft edition's title and label change by the form and the API, with the version read, by its support officers
    /// only; a blank label leaves none. Once approved, the edition keeps the name it was approved under: no link, and the
    /// form and the API refuse with the reason.
    /// </summary>
    [Fact]
    public async Task EditionName_ChangesWhileDraft_ByFormAndApi_AndIsKeptOnceApproved()
    {
        var slug = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        var edition = await StartAsync(support, slug, Year);
        var path = $"/editions/{edition.Id}/name";
        using var session = await PageSession.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: slug);
        Assert.Contains(path, TestHtml.Hrefs(TestHtml.Parse((await session.PageAsync($"/editions/{edition.Id}")).Html)));
        using (var lead = await PageSession.SignedInAsync(app, PartnershipRole.LeadOfficer, partnership: slug))
        {
            Assert.DoesNotContain(path, TestHtml.Hrefs(TestHtml.Parse((await lead.PageAsync($"/editions/{edition.Id}")).Html)));
            Assert.Contains("Only the partnership's support officers and administrators", await lead.AccessDeniedAsync(path), StringComparison.Ordinal);
        }

        using (var blank = await session.PostFormAsync(path, path, new() { ["Title"] = " ", ["Label"] = "DRAFT.V2", ["Version"] = "1" }))
        {
            Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
            var refused = TestHtml.Parse(await blank.Content.ReadAsStringAsync());
            Assert.Equal("#Title", refused.QuerySelector(".govuk-error-summary a")?.GetAttribute("href"));
            Assert.Contains("Enter the edition's title", refused.QuerySelector("#Title-error")!.TextContent, StringComparison.Ordinal);
        }

        using (var renamed = await session.PostFormAsync(path, path, new() { ["Title"] = "Rolling Plan 2013–2016", ["Label"] = "DRAFT.V2", ["Version"] = "1" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        }

        var page = TestHtml.Parse((await session.PageAsync($"/editions/{edition.Id}")).Html);
        Assert.Equal("Rolling Plan 2013–2016", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.StartsWith($"{Year}/{(Year + 1) % 100:00}, DRAFT.V2", page.QuerySelectorAll(".govuk-summary-list__row").First(r => r.QuerySelector("dt")!.TextContent.Trim() == "Edition").QuerySelector("dd")!.TextContent.Trim(), StringComparison.Ordinal);

        using (var stale = await support.PutAsJsonAsync($"/api/editions/{edition.Id}/name", new { title = "Another title", label = "", version = 1 }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        using (var cleared = await support.PutAsJsonAsync($"/api/editions/{edition.Id}/name", new { title = "Rolling Plan 2013–2016", label = "", version = 2 }))
        {
            Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
            var json = await PlanApi.ReadAsync<PlanEditionJson>(cleared);
            Assert.Null(json.Label);
        }

        await PlanApi.NewPriorityAsync(support, edition.Id, "Reducing anti-social behaviour");
        using (var approved = await ApproveAsync(support, edition.Id, DateOnly.FromDateTime(DateTime.UtcNow).ToString("O", CultureInfo.InvariantCulture), null))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        Assert.DoesNotContain(path, TestHtml.Hrefs(TestHtml.Parse((await session.PageAsync($"/editions/{edition.Id}")).Html)));
        Assert.Contains("was approved by the Board as Rolling Plan 2013–2016, so it keeps its title and label", await session.AccessDeniedAsync(path), StringComparison.Ordinal);
        using var late = await support.PutAsJsonAsync($"/api/editions/{edition.Id}/name", new { title = "Renamed after approval", label = "", version = 4 });
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Contains("keeps its title and label", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The approval form starts from the edition's version label and publishes the edition with what it holds: cleared, a
    /// working label such as DRAFT.V1 does not stay on the public plan. The API keeps the label when it gives none.
    /// </summary>
    [Fact]
    public async Task Approval_ClearsAWorkingLabel_OnTheForm_AndTheApiKeepsItWhenGivenNone()
    {
        var slug = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        var byForm = await StartAsync(support, slug, Year);
        var byApi = await StartAsync(support, slug, Year + 5);
        foreach (var edition in new[] { byForm, byApi })
        {
            using var named = await support.PutAsJsonAsync($"/api/editions/{edition.Id}/name", new { title = $"Plan {edition.Id}", label = "DRAFT.V1", version = 1 });
            Assert.Equal(HttpStatusCode.OK, named.StatusCode);
            await PlanApi.NewPriorityAsync(support, edition.Id, "Reducing anti-social behaviour");
        }

        using var session = await PageSession.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: slug);
        var path = $"/editions/{byForm.Id}/approval";
        var (_, form) = await session.PageAsync(path);
        Assert.Equal("DRAFT.V1", TestHtml.Parse(form).QuerySelector("input[name='Label']")?.GetAttribute("value"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using (var approved = await session.PostFormAsync(path, path, new()
        {
            ["DecidedOn.Day"] = today.Day.ToString(CultureInfo.InvariantCulture), ["DecidedOn.Month"] = today.Month.ToString(CultureInfo.InvariantCulture),
            ["DecidedOn.Year"] = today.Year.ToString(CultureInfo.InvariantCulture), ["Label"] = "", ["Version"] = "2",
        }))
        {
            Assert.True(approved.StatusCode == HttpStatusCode.Redirect, $"{(int)approved.StatusCode}: {await approved.Content.ReadAsStringAsync()}");
        }

        using (var kept = await ApproveAsync(support, byApi.Id, today.ToString("O", CultureInfo.InvariantCulture), null))
        {
            Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        }

        using var visitor = new HttpClient { BaseAddress = app.ServerAddress };
        var listed = (await PlanApi.OkJsonAsync<List<PlanJson>>(await visitor.GetAsync($"/api/partnerships/{slug}/plans"))).SelectMany(p => p.Editions).ToDictionary(e => e.Id, e => e.Label);
        Assert.Null(listed[byForm.Id]);
        Assert.Equal("DRAFT.V1", listed[byApi.Id]);
    }

    /// <summary>
    /// The Board's approval recorded by a meeting's decision and by the approval form name the Board the same way, by the
    /// body's name; a minute typed with or without the word "Minute" reads once on the edition's page and the plan's cover.
    /// </summary>
    [Fact]
    public async Task Approval_AtAMeetingOrByTheForm_NamesTheBoardTheSameWay_AndItsMinuteOnce()
    {
        var partnership = await TestData.Partnership().WithShortName(ShortName).WithBody(out var board, "Testshire Partnership Board", Core.Partnerships.BodyKind.Board).SaveAsync(app);
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, partnership.Slug);
        var atMeeting = (await StartAsync(support, partnership.Slug, Year)).Id;
        var byForm = (await StartAsync(support, partnership.Slug, Year + 5)).Id;
        await PlanApi.NewPriorityAsync(support, atMeeting, "Reducing burglary");
        await PlanApi.NewPriorityAsync(support, byForm, "Reducing burglary");

        var meetsOn = new DateOnly(2021, 11, 30);
        using (var meeting = await support.PostAsJsonAsync($"/api/partnerships/{partnership.Slug}/meetings", new { bodyId = board.Id, year = "2021-22", meetsOn, startsAt = "14:00", place = "Cambourne" }))
        {
            Assert.True(meeting.StatusCode == HttpStatusCode.Created, await meeting.Content.ReadAsStringAsync());
            var meetingId = (await PlanApi.ReadAsync<IdJson>(meeting)).Id;
            using var decided = await support.PostAsJsonAsync($"/api/meetings/{meetingId}/decisions",
                new { text = "The Board approved the plan.", minute = "Minute 5/26", kind = "ApproveEdition", subjectKey = atMeeting.ToString(CultureInfo.InvariantCulture) });
            Assert.True(decided.StatusCode == HttpStatusCode.Created, await decided.Content.ReadAsStringAsync());
        }

        using (var approved = await ApproveAsync(support, byForm, meetsOn.ToString("O", CultureInfo.InvariantCulture), null, minute: "5/26"))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        using var session = await PageSession.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        foreach (var (id, minute) in new[] { (atMeeting, "(Minute 5/26)"), (byForm, "(minute 5/26)") })
        {
            var edition = await PlanApi.OkJsonAsync<EditionDecisionJson>(await support.GetAsync($"/api/editions/{id}"));
            Assert.Equal("Testshire Partnership Board", edition.ApprovedBy);
            var page = TestHtml.Parse((await session.PageAsync($"/editions/{id}")).Html).QuerySelector("main")!.TextContent;
            Assert.Contains($"approved by Testshire Partnership Board on 30 November 2021 {minute}", page, StringComparison.Ordinal);
            using var cover = await support.GetAsync($"/api/editions/{id}/document.html");
            var html = WebUtility.HtmlDecode(await cover.Content.ReadAsStringAsync());
            Assert.Contains($"Approved on 30 November 2021 by Testshire Partnership Board {minute}", html, StringComparison.Ordinal);
            Assert.DoesNotContain("minute Minute", html, StringComparison.OrdinalIgnoreCase);
        }

        var form = TestHtml.Parse((await session.PageAsync($"/editions/{(await StartAsync(support, partnership.Slug, Year + 10)).Id}/approval")).Html);
        Assert.Contains("Leave empty for the Testshire Partnership Board", form.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approval_OfANewerEdition_SupersedesTheOneApprovedBefore()
    {
        var slug = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        var year = Year;
        var first = (await StartAsync(support, slug, year)).Id;
        await PlanApi.NewPriorityAsync(support, first, "Reducing burglary");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using (var approved = await ApproveAsync(support, first, today.ToString("O", CultureInfo.InvariantCulture), 1))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        // The next year's edition, as the plan refresh will start it.
        var second = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var plan = await db.Editions.Where(e => e.Id == first).Select(e => e.Plan).SingleAsync();
            var next = new PlanEdition { PlanId = plan.Id, YearStart = year + 1, Label = "Refresh", Title = plan.Title, Status = EditionStatus.Draft };
            next.Priorities.Add(new Priority { Number = 1, Title = "Reducing serious acquisitive crime" });
            db.Editions.Add(next);
            await db.SaveChangesAsync();
            return next.Id;
        });
        // As a script following the issue would send it: the decision, no version.
        using (var approved = await ApproveAsync(support, second, today.ToString("O", CultureInfo.InvariantCulture), null, body: $"{ShortName} Board", minute: "5"))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        var earlier = await PlanApi.EditionItemsAsync(support, first);
        Assert.Equal("Superseded", earlier.Status);
    }
}

/// <summary>Each test starts its plan in a partnership of its own (<see cref="TestData"/>): on the shared app.</summary>
public sealed class PlanStartTestsOnSqlite(SharedSqliteApp shared) : PlanStartTests(shared.App), IClassFixture<SharedSqliteApp>;

/// <inheritdoc cref="PlanStartTestsOnSqlite"/>
public sealed class PlanStartTestsOnPostgres(SharedPostgresApp shared) : PlanStartTests(shared.App), IClassFixture<SharedPostgresApp>;
