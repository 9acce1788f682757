using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Meetings;
using SaferPlan.Core.Partnerships;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Periods;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Plans;

namespace SaferPlan.Web.Tests.Meetings;

/// <summary>
/// Meetings and the governance calendar (issue 13, item 3) over HTTP: the year generated from the bodies' cadences
/// idempotently, moves bumping SEQUENCE, the financial-year rule, who may edit and see what, the iCalendar feeds parsed back
/// with Ical.Net, decisions approving editions, and overdue duties reminded once a day. Each test works in a year of its own.
/// Keeps an app of its own: the overdue-duty reminder sweeps every partnership's duties, and counts the e-mails by subject.
/// </summary>
public abstract class MeetingTests(SaferPlanFactory app)
{
    private const string Slug = "south-cambridgeshire";

    private static int nextYear = 2030 + Random.Shared.Next(30);

    private static int FreshYear() => Interlocked.Increment(ref nextYear);

    private static string YearSlug(int year) => ReportingPeriod.Year(year).Slug;

    private async Task<HttpClient> ClientAsync(PartnershipRole role, string? personKey = null) =>
        await app.ApiClientAsync(personKey is null ? await app.SharedUserAsync(role) : await app.AddUserAsync(role, personKey));

    private async Task<int> BodyIdAsync(string key) =>
        await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Bodies.Where(b => b.Key == key).Select(b => b.Id).SingleAsync());

    private static async Task<MeetingJson> AddMeetingAsync(HttpClient support, int bodyId, int year, DateOnly on, string place = "Cambourne", bool? isPublic = null)
    {
        using var answer = await support.PostAsJsonAsync($"/api/partnerships/{Slug}/meetings",
            new { bodyId, year = YearSlug(year), meetsOn = on, startsAt = "14:00", place, isPublic });
        Assert.True(answer.StatusCode == HttpStatusCode.Created, await answer.Content.ReadAsStringAsync());
        return await PlanApi.ReadAsync<MeetingJson>(answer);
    }

    private static async Task<MeetingYearJson> YearAsync(HttpClient client, int year) =>
        await PlanApi.OkJsonAsync<MeetingYearJson>(await client.GetAsync($"/api/partnerships/{Slug}/meetings?year={YearSlug(year)}"));

    private static async Task<Calendar> FeedAsync(HttpClient client, string path)
    {
        using var answer = await client.GetAsync(path);
        var text = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("text/calendar", answer.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR", text, StringComparison.Ordinal);
        return Calendar.Load(text)!;
    }

    [Fact]
    public async Task Schedule_GeneratedTwice_AddsEachCadencesMeetingsOnce()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var year = FreshYear();

        var first = await PlanApi.OkJsonAsync<ScheduleJson>(await support.PostAsync($"/api/partnerships/{Slug}/meetings/schedule?year={YearSlug(year)}", null));
        var again = await PlanApi.OkJsonAsync<ScheduleJson>(await support.PostAsync($"/api/partnerships/{Slug}/meetings/schedule?year={YearSlug(year)}", null));

        // The CDRP Board 4, the ASB task group and PPO group 12 each, the SAC and DV task groups 6 each, the Scrutiny Committee
        // 1, and the county's quarterly domestic abuse partnership 4, from the bodies the partnership has.
        var expected = await app.WithScopeAsync(async sp => (await sp.GetRequiredService<SaferPlanDbContext>().Bodies
            .Where(b => b.Partnerships.Any(p => p.Slug == Slug)).Select(b => b.Cadence).ToListAsync())
            .Sum(c => MeetingSchedule.For(c, ReportingPeriod.Year(year)).Count));
        Assert.InRange(expected, 41, 60);
        Assert.Equal(expected, first.MeetingsAdded);
        Assert.Equal(12, first.DutiesAdded);
        Assert.Equal(0, again.MeetingsAdded);
        Assert.Equal(0, again.DutiesAdded);
        var listed = await YearAsync(support, year);
        var meetings = listed.Meetings;
        Assert.Equal(expected, meetings.Count);
        var board = meetings.Where(m => m.Body == "CDRP Board").ToList();
        Assert.Equal(4, board.Count);
        Assert.All(board, m => Assert.True(m.IsPublic));
        Assert.Equal($"{YearSlug(year - 1)}-q4", board[0].Agenda[0].PaperKey);
        Assert.Equal($"/partnerships/{Slug}/reports/performance/{YearSlug(year - 1)}-q4.html", board[0].Agenda[0].Url);
        Assert.Equal(12, meetings.Count(m => m.Body == "Anti-Social Behaviour Task Group" && !m.IsPublic));
        Assert.Equal(12, listed.Duties.Count);
    }

    /// <summary>
    /// A partnership set up today that generates the year under way gets none of the meetings and duties already past (they
    /// would be overdue at once, and chased daily), and is told how many were left out and why, by the API and the calendar
    /// page; a year before it was set up gets nothing, the next year everything.
    /// </summary>
    [Fact]
    public async Task Schedule_ForAPartnershipSetUpToday_LeavesOutWhatFellDueBefore_AndSaysHowMany()
    {
        var partnership = await TestData.Partnership().WithBody(out _, "Test Task Group").SaveAsync(app);
        using var support = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var year = ReportingPeriod.QuarterContaining(today).FinancialYear;
        var duties = StatutoryYearService.Templates(year);
        var meetings = MeetingSchedule.For(MeetingCadence.Monthly, year);
        async Task<ScheduleJson> GenerateAsync(ReportingPeriod y) =>
            await PlanApi.OkJsonAsync<ScheduleJson>(await support.PostAsync($"/api/partnerships/{partnership.Slug}/meetings/schedule?year={y.Slug}", null));

        var current = await GenerateAsync(year);

        Assert.Equal((meetings.Count(m => m.MeetsOn >= today), duties.Count(d => d.DueOn >= today)), (current.MeetingsAdded, current.DutiesAdded));
        Assert.Equal((meetings.Count(m => m.MeetsOn < today), duties.Count(d => d.DueOn < today)), (current.MeetingsLeftOut, current.DutiesLeftOut));
        if (current.MeetingsLeftOut + current.DutiesLeftOut > 0)
        {
            Assert.Equal(today, current.LeftOutBefore);
            Assert.EndsWith($"dated before {Dates.Display(today)} were left out: the partnership was set up in SaferPlan on {Dates.Display(today)}", current.LeftOut, StringComparison.Ordinal);
        }

        var listed = await PlanApi.OkJsonAsync<MeetingYearJson>(await support.GetAsync($"/api/partnerships/{partnership.Slug}/meetings?year={year.Slug}"));
        Assert.Equal(current.DutiesAdded, listed.Duties.Count);
        Assert.DoesNotContain(listed.Duties, d => d.Status == "Overdue");

        var before = await GenerateAsync(ReportingPeriod.Year(year.StartYear - 1));
        Assert.Equal((0, 0, meetings.Count, duties.Count), (before.MeetingsAdded, before.DutiesAdded, before.MeetingsLeftOut, before.DutiesLeftOut));
        Assert.Equal($"12 meetings and 12 statutory duties dated before {Dates.Display(today)} were left out: the partnership was set up in SaferPlan on {Dates.Display(today)}", before.LeftOut);
        var next = await GenerateAsync(ReportingPeriod.Year(year.StartYear + 1));
        Assert.Equal((12, 12, 0, 0), (next.MeetingsAdded, next.DutiesAdded, next.MeetingsLeftOut, next.DutiesLeftOut));
        Assert.Null(next.LeftOut);

        using var browser = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        var path = $"/partnerships/{partnership.Slug}/calendar/{ReportingPeriod.Year(year.StartYear - 2).Slug}";
        using var generated = await Forms.PostAsync(browser, $"{path}?handler=Schedule", await Forms.PageAsync(browser, path), new());
        var banner = TestHtml.Parse(await generated.Content.ReadAsStringAsync()).QuerySelector(".govuk-notification-banner--success")?.TextContent ?? "";
        Assert.Contains($"Nothing was added for {ReportingPeriod.Year(year.StartYear - 2).Display}. 12 meetings and 12 statutory duties dated before {Dates.Display(today)} were left out", banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_CountyBoardMeetingQuarterly_GetsNoBoardReportItem_TheCdrpBoardDoes()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var year = FreshYear();

        await PlanApi.OkJsonAsync<ScheduleJson>(await support.PostAsync($"/api/partnerships/{Slug}/meetings/schedule?year={YearSlug(year)}", null));

        var meetings = (await YearAsync(support, year)).Meetings;
        static bool HasBoardReport(MeetingJson m) => m.Agenda.Any(a => a.Paper == nameof(PaperKind.BoardReport));
        var county = meetings.Where(m => m.Body == "Cambridgeshire Domestic Abuse Partnership").ToList();
        Assert.Equal(4, county.Count);
        Assert.DoesNotContain(county, HasBoardReport);
        var board = meetings.Where(m => m.Body == "CDRP Board").ToList();
        Assert.Equal(4, board.Count);
        Assert.All(board, m => Assert.True(HasBoardReport(m)));
        Assert.Equal(4, meetings.Count(HasBoardReport));
    }

    [Fact]
    public async Task Meeting_Moved_BumpsSequence_AndTheFeedUpdatesTheSameUid_CancelledIsCancelled()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        using var visitor = await app.ApiClientAsync();
        var year = FreshYear();
        var board = await BodyIdAsync("cdrp-board");
        var added = await AddMeetingAsync(support, board, year, new DateOnly(year, 6, 15));
        var id = added.Id;
        Assert.True(added.IsPublic);
        Assert.Equal(0, added.Sequence);
        var uid = $"meeting-{id}.saferplan.local";

        var before = (await FeedAsync(visitor, $"/api/partnerships/{Slug}/calendar.ics")).Events.Single(e => e.Uid == uid);
        var sameAgain = (await FeedAsync(visitor, $"/api/partnerships/{Slug}/calendar.ics")).Events.Single(e => e.Uid == uid);
        Assert.Equal(0, before.Sequence);
        Assert.Equal(before.DtStart!.AsUtc, sameAgain.DtStart!.AsUtc);

        var body = new JsonObject { ["meetsOn"] = $"{year}-06-22", ["startsAt"] = "10:30", ["place"] = "Cambourne", ["version"] = added.Version };
        var moved = await PlanApi.PutOkAsync<MeetingJson>(support, $"/api/meetings/{id}", body);
        Assert.Equal(1, moved.Sequence);
        Assert.Equal("10:30", moved.StartsAt);
        using (var stale = await PlanApi.PutAsync(support, $"/api/meetings/{id}", body))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        body["version"] = null;
        using (var staleTag = await PlanApi.PutAsync(support, $"/api/meetings/{id}", body, ifMatch: added.Version))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, staleTag.StatusCode);
        }

        using (var unversioned = await PlanApi.PutAsync(support, $"/api/meetings/{id}", body))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, unversioned.StatusCode);
        }

        var after = (await FeedAsync(visitor, $"/api/partnerships/{Slug}/calendar.ics")).Events.Where(e => e.Uid == uid).ToList();
        Assert.Single(after);
        Assert.Equal(1, after[0].Sequence);
        Assert.Equal(new DateTime(year, 6, 22, 9, 30, 0, DateTimeKind.Utc), after[0].DtStart!.AsUtc);

        var cancelled = await PlanApi.OkJsonAsync<MeetingJson>(await support.PostAsync($"/api/meetings/{id}/cancellation?version={moved.Version}", null));
        Assert.True(cancelled.IsCancelled);
        var gone = (await FeedAsync(visitor, $"/api/partnerships/{Slug}/calendar.ics")).Events.Single(e => e.Uid == uid);
        Assert.Equal(EventStatus.Cancelled, gone.Status);
        Assert.Equal(2, gone.Sequence);
    }

    [Fact]
    public async Task Meeting_OutsideItsYear_IsRefusedNamingTheField()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var year = FreshYear();
        var board = await BodyIdAsync("cdrp-board");

        using var outside = await support.PostAsJsonAsync($"/api/partnerships/{Slug}/meetings",
            new { bodyId = board, year = YearSlug(year), meetsOn = new DateOnly(year + 1, 4, 2), startsAt = "14:00" });
        var problem = await PlanApi.ReadValidationErrorAsync(outside, "meetsOn");
        Assert.Contains($"must be in {ReportingPeriod.Year(year).Display}", problem, StringComparison.Ordinal);

        var added = await AddMeetingAsync(support, board, year, new DateOnly(year, 4, 20));
        var move = new JsonObject { ["meetsOn"] = $"{year - 1}-12-01", ["startsAt"] = "14:00", ["version"] = added.Version };
        await PlanApi.ReadValidationErrorAsync(await PlanApi.PutAsync(support, $"/api/meetings/{added.Id}", move), "meetsOn");
        using var badTime = await support.PostAsJsonAsync($"/api/partnerships/{Slug}/meetings",
            new { bodyId = board, year = YearSlug(year), meetsOn = new DateOnly(year, 5, 2), startsAt = "teatime" });
        await PlanApi.ReadValidationErrorAsync(badTime, "startsAt");
    }

    /// <summary>
    /// The agenda item form with a paper it cannot read: the form again, naming that box and whatever else is wrong, and no
    /// agenda item added (not one with no paper in its place).
    /// </summary>
    [Fact]
    public async Task AgendaItemForm_PaperItCannotRead_IsShownAgainWithEveryError_AndAddsNothing()
    {
        using var api = await ClientAsync(PartnershipRole.SupportOfficer);
        var year = FreshYear();
        var meeting = await AddMeetingAsync(api, await BodyIdAsync("cdrp-board"), year, new DateOnly(year, 6, 10));
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer);
        var path = $"/meetings/{meeting.Id}/agenda";
        var form = await Forms.PageAsync(support, path);

        foreach (var title in new[] { "Minutes of the last meeting", "" })
        {
            using var refused = await Forms.PostAsync(support, path, form, new() { ["Title"] = title, ["Paper"] = "MinutesOfTheMoon", ["PaperKey"] = "" });
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Choose the paper, or no paper", html, StringComparison.Ordinal);
            Assert.Equal(title.Length == 0, html.Contains("Enter the agenda item&#x27;s title", StringComparison.Ordinal));
        }

        var added = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<AgendaItem>().CountAsync(a => a.MeetingId == meeting.Id));
        Assert.Equal(0, added);
    }

    [Fact]
    public async Task Agenda_BoardReportOfAnUnpublishedQuarter_IsNamedNotLinkedForAVisitor_AndLinkedForAMember()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        using var visitor = await app.ApiClientAsync();
        using var member = await Forms.SignedInAsync(app, PartnershipRole.BoardMember);
        var year = FreshYear();
        var meeting = await AddMeetingAsync(support, await BodyIdAsync("cdrp-board"), year, new DateOnly(year, 10, 20));
        var unpublished = ReportingPeriod.Of(year, 2);
        var published = ReportingPeriod.Of(2010, 4);
        foreach (var quarter in new[] { unpublished, published })
        {
            using var added = await support.PostAsJsonAsync($"/api/meetings/{meeting.Id}/agenda", new { title = $"Performance report, {quarter.Display}", paper = "BoardReport", paperKey = quarter.Slug });
            Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        }

        var forVisitor = await AgendaAsync(visitor, meeting.Id);
        var forMember = await AgendaAsync(member, meeting.Id);

        Assert.Equal($"Performance report, {unpublished.Display} – Board report (not published yet)", forVisitor[0].Text);
        Assert.Null(forVisitor[0].Link);
        Assert.Equal($"/partnerships/{Slug}/reports/performance/{published.Slug}.html", forVisitor[1].Link);
        Assert.Equal($"Performance report, {unpublished.Display} – Board report", forMember[0].Text);
        Assert.Equal($"/partnerships/{Slug}/reports/performance/{unpublished.Slug}.html", forMember[0].Link);
        using var opened = await member.GetAsync(forMember[0].Link);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("text/html", opened.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Agenda_PapersAVisitorCannotOpenYet_AreNamedNotLinked_OnThePageAndInTheApi_AndOpenForAMember()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        using var visitor = await app.ApiClientAsync();
        using var member = await Forms.SignedInAsync(app, PartnershipRole.BoardMember);
        var planYear = PlanYears.Next();
        using var started = await support.PostAsJsonAsync($"/api/partnerships/{Slug}/plans", new { title = $"Plan {planYear}", startYear = planYear, endYear = planYear + 2 });
        var draft = (await PlanApi.ReadAsync<IdJson>(started)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var fundingYear = YearSlug(2150 + Random.Shared.Next(800));
        await PlanApi.CreatedAsync<ItemVersionJson>(await support.PostAsJsonAsync($"/api/partnerships/{Slug}/funding/streams?year={fundingYear}", new { name = "Pooled Fund", amount = "5847.00", received = true, funder = "Home Office" }));
        var year = FreshYear();
        var meeting = await AddMeetingAsync(support, await BodyIdAsync("cdrp-board"), year, new DateOnly(year, 11, 3));
        foreach (var (title, paper, key) in new[] { ("Plan refresh", "RefreshReport", draft), ("Funding", "FundingPlan", fundingYear), ("Assessment", "StrategicAssessment", YearSlug(year)) })
        {
            using var added = await support.PostAsJsonAsync($"/api/meetings/{meeting.Id}/agenda", new { title, paper, paperKey = key });
            Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        }

        using (var decided = await support.PostAsJsonAsync($"/api/meetings/{meeting.Id}/decisions", new { text = "The Board set the plan's priorities.", kind = "SetPriorities", subjectKey = draft }))
        {
            Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        }

        var forVisitor = await AgendaAsync(visitor, meeting.Id);
        Assert.Equal(
            ["Plan refresh – Refresh report (not published yet)", "Funding – Funding plan (not agreed yet)", "Assessment – Strategic assessment"],
            forVisitor.Select(a => a.Text));
        Assert.Equal([null, null, $"/partnerships/{Slug}/assessment"], forVisitor.Select(a => a.Link));
        var visitorJson = await PlanApi.GetItemAsync<MeetingJson>(visitor, $"/api/meetings/{meeting.Id}");
        Assert.Equal([null, null, $"/partnerships/{Slug}/assessment"], visitorJson.Agenda.Select(a => a.Url));
        Assert.Null(Assert.Single(visitorJson.Decisions).Url);
        var visitorPage = TestHtml.Parse(await Forms.PageAsync(visitor, $"/meetings/{meeting.Id}"));
        Assert.DoesNotContain(visitorPage.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/editions/{draft}");
        using (var refused = await visitor.GetAsync($"/editions/{draft}/refresh-report.html"))
        {
            // The rule the agenda follows is the paper's own: the visitor would have been turned away.
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        var forMember = await AgendaAsync(member, meeting.Id);
        Assert.Equal(["Plan refresh – Refresh report", "Funding – Funding plan", "Assessment – Strategic assessment"], forMember.Select(a => a.Text));
        Assert.Equal([$"/editions/{draft}/refresh-report.html", $"/partnerships/{Slug}/funding/{fundingYear}", $"/partnerships/{Slug}/assessment"], forMember.Select(a => a.Link));
        foreach (var (_, link) in forMember)
        {
            using var opened = await member.GetAsync(link);
            Assert.True(opened.StatusCode == HttpStatusCode.OK, $"{link}: {opened.StatusCode}");
        }

        var memberJson = await PlanApi.GetItemAsync<MeetingJson>(support, $"/api/meetings/{meeting.Id}");
        Assert.Equal(forMember.Select(a => a.Link), memberJson.Agenda.Select(a => a.Url));
        Assert.Equal($"/editions/{draft}", Assert.Single(memberJson.Decisions).Url);
    }

    [Fact]
    public async Task Calendar_PreviousAndNextYears_RunFromThePlansFirstYearToTheYearAfterThisOne()
    {
        var partnership = await TestData.Partnership().WithEdition(2010).SaveAsync(app);
        using var visitor = await app.ApiClientAsync();

        async Task<List<string>> WalkAsync(string from, string rel)
        {
            var years = new List<string> { from };
            while (years.Count < 100)
            {
                var page = TestHtml.Parse(await Forms.PageAsync(visitor, $"/partnerships/{partnership.Slug}/calendar/{years[^1]}"));
                if (page.QuerySelector($".govuk-pagination a[rel='{rel}']")?.GetAttribute("href") is not { } href)
                {
                    break;
                }

                years.Add(href[$"/partnerships/{partnership.Slug}/calendar/".Length..]);
            }

            return years;
        }

        var thisYear = ReportingPeriod.QuarterContaining(DateOnly.FromDateTime(DateTime.UtcNow)).FinancialYear;
        Assert.Equal(["2011-12", "2010-11"], await WalkAsync("2011-12", "prev"));
        Assert.Equal([thisYear.Slug, thisYear.Next.FinancialYear.Slug], await WalkAsync(thisYear.Slug, "next"));
        var first = TestHtml.Parse(await Forms.PageAsync(visitor, $"/partnerships/{partnership.Slug}/calendar/2010-11"));
        Assert.Equal("Next year : 2011/12", TestHtml.SpacedText(Assert.Single(first.QuerySelectorAll(".govuk-pagination a"))));
    }

    /// <summary>Each agenda item of the meeting's page as its reader sees it: its text, whitespace collapsed, and its paper's link if it has one.</summary>
    private static async Task<List<(string Text, string? Link)>> AgendaAsync(HttpClient client, int meetingId) =>
        TestHtml.Parse(await Forms.PageAsync(client, $"/meetings/{meetingId}"))
            .QuerySelectorAll("#agenda + ol > li")
            .Select(li => (string.Join(' ', li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), li.QuerySelector("a")?.GetAttribute("href")))
            .ToList();

    [Fact]
    public async Task Meetings_LeadOfficerAndBoardMemberCannotEdit_VisitorSeesPublicOnly()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        using var lead = await ClientAsync(PartnershipRole.LeadOfficer);
        using var boardMember = await ClientAsync(PartnershipRole.BoardMember);
        using var visitor = await app.ApiClientAsync();
        var year = FreshYear();
        var taskGroup = await BodyIdAsync("asb-task-group");
        var board = await BodyIdAsync("cdrp-board");
        var closed = await AddMeetingAsync(support, taskGroup, year, new DateOnly(year, 5, 12));
        var open = await AddMeetingAsync(support, board, year, new DateOnly(year, 5, 19));
        Assert.False(closed.IsPublic);

        foreach (var client in new[] { lead, boardMember })
        {
            using (var add = await client.PostAsJsonAsync($"/api/partnerships/{Slug}/meetings", new { bodyId = board, year = YearSlug(year), meetsOn = new DateOnly(year, 6, 1), startsAt = "14:00" }))
            {
                Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
            }

            var move = new JsonObject { ["meetsOn"] = $"{year}-05-20", ["startsAt"] = "14:00", ["version"] = open.Version };
            await PlanApi.ReadProblemAsync(await PlanApi.PutAsync(client, $"/api/meetings/{open.Id}", move), HttpStatusCode.Forbidden);
            using (var decision = await client.PostAsJsonAsync($"/api/meetings/{open.Id}/decisions", new { text = "Agreed", kind = "Other" }))
            {
                Assert.Equal(HttpStatusCode.Forbidden, decision.StatusCode);
            }
        }

        var seenByBoard = await YearAsync(boardMember, year);
        Assert.Equal(2, seenByBoard.Meetings.Count);
        var seenByVisitor = await YearAsync(visitor, year);
        Assert.Equal([open.Id], seenByVisitor.Meetings.Select(m => m.Id));
        await PlanApi.AssertNotFoundAsync(visitor, $"/api/meetings/{closed.Id}");
        Assert.DoesNotContain(
            (await FeedAsync(visitor, $"/api/partnerships/{Slug}/calendar.ics")).Events,
            e => e.Uid == $"meeting-{closed.Id}.saferplan.local");
        await PlanApi.ReadValidationErrorAsync(await visitor.GetAsync($"/api/partnerships/{Slug}/meetings?year=2010"), "year");
    }

    [Fact]
    public async Task Feeds_PublicHasNoEmailAddresses_PrivateShowsPrivateMeetings_RevokedIs404()
    {
        var email = await app.AddUserAsync(PartnershipRole.BoardMember);
        using var member = await app.ApiClientAsync(email);
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        using var visitor = await app.ApiClientAsync();
        var year = FreshYear();
        var closed = await AddMeetingAsync(support, await BodyIdAsync("ppo-group"), year, new DateOnly(year, 7, 14), place: "Police station, ask for ppo.lead@example.org");
        var open = await AddMeetingAsync(support, await BodyIdAsync("cdrp-board"), year, new DateOnly(year, 7, 27), place: "Council chamber; contact clerk@example.org");

        using (var publicText = await visitor.GetAsync($"/api/partnerships/{Slug}/calendar.ics"))
        {
            var text = await publicText.Content.ReadAsStringAsync();
            Assert.DoesNotContain("clerk@example.org", text, StringComparison.Ordinal);
            Assert.DoesNotContain("@", text, StringComparison.Ordinal);
            Assert.DoesNotContain("ATTENDEE", text, StringComparison.Ordinal);
            Assert.DoesNotContain("ORGANIZER", text, StringComparison.Ordinal);
            Assert.Contains($"meeting-{open.Id}.saferplan.local", text, StringComparison.Ordinal);
            Assert.DoesNotContain($"meeting-{closed.Id}.", text, StringComparison.Ordinal);
        }

        var url = (await PlanApi.OkJsonAsync<CalendarFeedJson>(await member.PostAsync("/api/account/calendar-feed", null))).Url;
        var path = new Uri(url).PathAndQuery;
        var first = await FeedAsync(visitor, path);
        var second = await FeedAsync(visitor, path);
        Assert.Contains(first.Events, e => e.Uid == $"meeting-{closed.Id}.saferplan.local" && e.Class == "PRIVATE");
        Assert.Equal(first.Events.Select(e => e.Uid).Order(StringComparer.Ordinal), second.Events.Select(e => e.Uid).Order(StringComparer.Ordinal));
        Assert.Equal(first.Events.Count, first.Events.Select(e => e.Uid).Distinct().Count());
        Assert.Contains(first.Events, e => e.Uid!.StartsWith("duty-", StringComparison.Ordinal) && !e.DtStart!.HasTime);

        using (var revoke = await member.DeleteAsync("/api/account/calendar-feed"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        await PlanApi.AssertNotFoundAsync(visitor, path);
        await PlanApi.AssertNotFoundAsync(visitor, "/api/calendar/cal_not-a-real-token.ics");
        using var anonymous = await visitor.PostAsync("/api/account/calendar-feed", null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Decision_ApprovingAnEdition_ApprovesItInOneStep_AndASecondIsRefused()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var planYear = PlanYears.Next();
        using var started = await support.PostAsJsonAsync($"/api/partnerships/{Slug}/plans", new { title = $"Plan {planYear}", startYear = planYear, endYear = planYear + 2 });
        var edition = (await PlanApi.ReadAsync<IdJson>(started)).Id;
        await PlanApi.NewPriorityAsync(support, edition, "Reducing burglary");
        // In the plan's first year: an edition is approved no more than a year before its year starts, and not in the future.
        var meeting = await AddMeetingAsync(support, await BodyIdAsync("cdrp-board"), planYear, new DateOnly(planYear, 10, 2 + Random.Shared.Next(25)));

        await PlanApi.ReadValidationErrorAsync(
            await support.PostAsJsonAsync($"/api/meetings/{meeting.Id}/decisions", new { text = "Approved", kind = "ApproveEdition", subjectKey = "999999" }), "subjectKey");
        using (var decided = await support.PostAsJsonAsync($"/api/meetings/{meeting.Id}/decisions", new { text = "The Board approved the plan.", minute = "Minute 7", kind = "ApproveEdition", subjectKey = edition.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        }

        var approved = await PlanApi.OkJsonAsync<EditionJson>(await support.GetAsync($"/api/editions/{edition}"));
        Assert.Equal("Approved", approved.Status);
        var again = await PlanApi.ReadValidationErrorAsync(
            await support.PostAsJsonAsync($"/api/meetings/{meeting.Id}/decisions", new { text = "Approved again", kind = "ApproveEdition", subjectKey = edition.ToString(System.Globalization.CultureInfo.InvariantCulture) }), "subjectKey");
        Assert.Contains("already approved", again, StringComparison.Ordinal);
        var read = await PlanApi.GetItemAsync<MeetingJson>(support, $"/api/meetings/{meeting.Id}");
        var decision = Assert.Single(read.Decisions);
        Assert.Equal($"/editions/{edition}", decision.Url);
    }

    [Fact]
    public async Task Decision_AgreeingTheFundingPlan_AgreesTheYearsPlanInOneStep_NoStreamsIsRefused()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var year = 2000 + Random.Shared.Next(8);
        var meeting = await AddMeetingAsync(support, await BodyIdAsync("cdrp-board"), year, new DateOnly(year, 4, 2 + Random.Shared.Next(25)));
        var fundingYear = 2150 + Random.Shared.Next(800);
        var slug = YearSlug(fundingYear);
        var refused = await PlanApi.ReadValidationErrorAsync(
            await support.PostAsJsonAsync($"/api/meetings/{meeting.Id}/decisions", new { text = "Agreed the funding plan", minute = "Minute 5", kind = "AgreeFundingPlan", subjectKey = slug }), "subjectKey");
        Assert.Contains("Add the year's funding streams", refused, StringComparison.Ordinal);
        Assert.Empty((await PlanApi.GetItemAsync<MeetingJson>(support, $"/api/meetings/{meeting.Id}")).Decisions);

        await PlanApi.CreatedAsync<ItemVersionJson>(await support.PostAsJsonAsync($"/api/partnerships/{Slug}/funding/streams?year={slug}", new { name = "Pooled Fund", amount = "5847.00", received = true, funder = "Home Office" }));
        using (var decided = await support.PostAsJsonAsync($"/api/meetings/{meeting.Id}/decisions", new { text = "Agreed the funding plan", minute = "Minute 5", kind = "AgreeFundingPlan", subjectKey = slug }))
        {
            Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        }

        var plan = await PlanApi.OkJsonAsync<Funding.FundingPlanJson>(await support.GetAsync($"/api/partnerships/{Slug}/funding?year={slug}"));
        Assert.Equal("Minute 5", plan.AgreementMinute);
        Assert.Equal(meeting.MeetsOn, plan.AgreedOn);
        var decision = Assert.Single((await PlanApi.GetItemAsync<MeetingJson>(support, $"/api/meetings/{meeting.Id}")).Decisions);
        Assert.Equal($"/partnerships/{Slug}/funding/{slug}", decision.Url);
    }

    [Fact]
    public async Task OverdueDuty_IsRemindedToItsOwnersOnceADay()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var year = FreshYear();
        await PlanApi.OkJsonAsync<ScheduleJson>(await support.PostAsync($"/api/partnerships/{Slug}/meetings/schedule?year={YearSlug(year)}", null));
        var title = $"Agree and publish the {ReportingPeriod.Year(year).Display} funding plan";
        var dayAfter = new DateOnly(year, 5, 1);

        async Task<int> CountAsync() => await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<OutboxMessage>().CountAsync(m => m.Subject.StartsWith("Overdue: " + title)));
        async Task RemindAsync(DateOnly today) => await app.WithScopeAsync(sp => sp.GetRequiredService<StatutoryYearService>().RemindOverdueAsync(today, "https://saferplan.example"));

        await RemindAsync(dayAfter);
        var once = await CountAsync();
        await RemindAsync(dayAfter);
        Assert.True(once >= 1, "The support officers should have been reminded.");
        Assert.Equal(once, await CountAsync());
        await RemindAsync(dayAfter.AddDays(1));
        Assert.Equal(2 * once, await CountAsync());

        var listed = await YearAsync(support, year);
        var duty = listed.Duties.Single(d => d.Key == "funding-plan");
        var done = await PlanApi.PutOkAsync<DutyJson>(support, $"/api/duties/{duty.Id}", new JsonObject { ["doneOn"] = DateOnly.FromDateTime(DateTime.UtcNow).ToString("O", System.Globalization.CultureInfo.InvariantCulture), ["version"] = duty.Version });
        Assert.Equal("Done", done.Status);
        await RemindAsync(dayAfter.AddDays(2));
        Assert.Equal(2 * once, await CountAsync());
    }
}

public sealed class MeetingTestsOnSqlite(SqliteFactory app) : MeetingTests(app), IClassFixture<SqliteFactory>;

public sealed class MeetingTestsOnPostgres(PostgresFactory app) : MeetingTests(app), IClassFixture<PostgresFactory>;
