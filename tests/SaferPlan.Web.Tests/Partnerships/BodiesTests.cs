using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Data;
using SaferPlan.Core.Meetings;
using SaferPlan.Core.Partnerships;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Partnerships;

/// <summary>
/// A partnership's bodies kept in the browser by its support officers and administrators: a new partnership's Board added
/// through the page is then offered for its meetings and its people's seats; names are checked on the field; edits carry a
/// version; a body that has met stays; a county body is read-only; others are refused. Each test has a partnership of its own.
/// </summary>
public abstract class BodiesTests(SaferPlanFactory app)
{
    private Task<T> DbAsync<T>(Func<SaferPlanDbContext, Task<T>> read) =>
        app.WithScopeAsync(sp => read(sp.GetRequiredService<SaferPlanDbContext>()));

    private Task<Body> BodyAsync(int partnershipId, string name) =>
        DbAsync(db => db.Bodies.AsNoTracking().Include(b => b.Partnerships).Include(b => b.MemberAgencies)
            .SingleAsync(b => b.Name == name && b.Partnerships.Any(p => p.Id == partnershipId)));

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Fields(string name, string kind = "Board", string cadence = "Quarterly", string chairId = "", string version = "0") => new()
    {
        ["Input.Name"] = name, ["Input.Kind"] = kind, ["Input.Cadence"] = cadence, ["Input.ChairId"] = chairId, ["Input.Description"] = "", ["Input.Version"] = version,
    };

    [Fact]
    public async Task Board_AddedThroughThePage_IsScheduledAndOfferedForMeetings_AndSeats_AndAMeetingIsAdded()
    {
        var partnership = await TestData.Partnership().WithPerson(out var chair, "Chris Chair").WithAgency(out var police, "Police").SaveAsync(app);
        var slug = partnership.Slug;
        using var support = await PageSession.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: slug);
        Assert.Contains($"/partnerships/{slug}/bodies", TestHtml.Hrefs(TestHtml.Parse((await support.PageAsync($"/partnerships/{slug}")).Html)));
        var meetingForm = $"/partnerships/{slug}/calendar/2011-12/meeting";
        var before = TestHtml.Parse((await support.PageAsync(meetingForm)).Html);
        Assert.Contains($"/partnerships/{slug}/bodies/new", TestHtml.Hrefs(before.QuerySelector("[data-no-bodies]")!));
        Assert.NotNull(TestHtml.Parse((await support.PageAsync($"/partnerships/{slug}/calendar/2011-12")).Html).QuerySelector("[data-no-bodies]"));
        Assert.NotNull(TestHtml.Parse((await support.PageAsync($"/partnerships/{slug}/bodies")).Html).QuerySelector("[data-no-bodies]"));

        var fields = Fields("Test CDRP Board", chairId: Id(chair.Id));
        fields["Input.MemberAgencyIds"] = Id(police.Id);
        fields["Input.Description"] = "Agrees the plan and receives the quarterly performance report.";
        var added = await support.SubmitAsync($"/partnerships/{slug}/bodies/new", fields);

        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        Assert.Equal($"/partnerships/{slug}/bodies", added.Location);
        var board = await BodyAsync(partnership.Id, "Test CDRP Board");
        Assert.Equal((BodyKind.Board, MeetingCadence.Quarterly, chair.Id, 1), (board.Kind, board.Cadence, board.ChairId, board.Version));
        Assert.Equal($"{slug}-test-cdrp-board", board.Key);
        Assert.Equal([partnership.Id], board.Partnerships.Select(p => p.Id));
        Assert.Equal([police.Id], board.MemberAgencies.Select(a => a.Id));
        Assert.True(await DbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Body) && a.EntityId == board.Id && a.Action == AuditAction.Created && a.PartnershipId == partnership.Id)));
        var list = TestHtml.Parse((await support.PageAsync($"/partnerships/{slug}/bodies")).Html);
        var row = TestHtml.SpacedText(list.QuerySelector("[data-bodies] tbody tr")!);
        Assert.Contains("Test CDRP Board", row, StringComparison.Ordinal);
        Assert.Contains("Quarterly", row, StringComparison.Ordinal);
        Assert.Contains("Chris Chair", row, StringComparison.Ordinal);

        // Next financial year: a year generated for a partnership set up today leaves out what would fall before today.
        var today = DateTime.UtcNow;
        var next = (today.Month >= 4 ? today.Year : today.Year - 1) + 1;
        var calendar = $"/partnerships/{slug}/calendar/{next}-{(next + 1) % 100:00}";
        using (var scheduled = await support.PostFormAsync(calendar, $"{calendar}?handler=Schedule", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        }

        Assert.Equal(4, await DbAsync(db => db.Set<Meeting>().CountAsync(m => m.PartnershipId == partnership.Id && m.BodyId == board.Id && m.ScheduleSlot != null)));
        Assert.Null(TestHtml.Parse((await support.PageAsync(calendar)).Html).QuerySelector("[data-no-bodies]"));

        var form = TestHtml.Parse((await support.PageAsync(meetingForm)).Html);
        Assert.Null(form.QuerySelector("[data-no-bodies]"));
        Assert.Contains(form.QuerySelectorAll("#BodyId option"), o => o.GetAttribute("value") == Id(board.Id) && o.TextContent == "Test CDRP Board");
        var meeting = await support.SubmitAsync(meetingForm, new()
        {
            ["BodyId"] = Id(board.Id), ["MeetsOn.Day"] = "26", ["MeetsOn.Month"] = "4", ["MeetsOn.Year"] = "2011",
            ["StartsAt"] = "14:00", ["Place"] = "Cambourne", ["IsPublic"] = "true", ["Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, meeting.Status);
        Assert.Equal(5, await DbAsync(db => db.Set<Meeting>().CountAsync(m => m.PartnershipId == partnership.Id && m.BodyId == board.Id)));

        var person = TestHtml.Parse((await support.PageAsync($"/partnerships/{slug}/people/{chair.Id}")).Html);
        Assert.Null(person.QuerySelector("[data-no-bodies]"));
        Assert.Contains(person.QuerySelectorAll("input[name='Input.BodyIds']"), i => i.GetAttribute("value") == Id(board.Id));
    }

    [Fact]
    public async Task Body_EmptyOrTakenName_IsRefusedOnTheField_WithTheSummaryLink()
    {
        var partnership = await TestData.Partnership().WithBody(out _, "Anti-social Behaviour Task Group").SaveAsync(app);
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        var path = $"/partnerships/{partnership.Slug}/bodies/new";

        await Forms.AssertFieldErrorAsync(support, path, Fields(" "), "Input.Name", "Enter the body's name");
        await Forms.AssertFieldErrorAsync(support, path, Fields("anti-social behaviour task group", kind: "TaskGroup"), "Input.Name",
            "There is already a body called anti-social behaviour task group: enter another name");
        await Forms.AssertFieldErrorAsync(support, path, Fields("Executive Group", kind: ""), "Input.Kind", "Select what kind of body it is");
        await Forms.AssertFieldErrorAsync(support, path, Fields(new string('x', BodyService.NameLength + 1)), "Input.Name", "The name must be 200 characters or fewer");

        Assert.Equal(1, await DbAsync(db => db.Bodies.CountAsync(b => b.Partnerships.Any(p => p.Id == partnership.Id))));
    }

    [Fact]
    public async Task Body_EditedFromAStaleVersion_IsRefused_AndKeepsTheNewerChange()
    {
        var partnership = await TestData.Partnership().SaveAsync(app);
        using var support = await PageSession.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        Assert.Equal(HttpStatusCode.Redirect, (await support.SubmitAsync($"/partnerships/{partnership.Slug}/bodies/new", Fields("Executive Group", kind: "ExecutiveGroup"))).Status);
        var body = await BodyAsync(partnership.Id, "Executive Group");
        var edit = $"/partnerships/{partnership.Slug}/bodies/{body.Id}";

        var saved = await support.SubmitAsync(edit, Fields("Executive Group", kind: "ExecutiveGroup", cadence: "Monthly", version: "1"));
        var stale = await support.SubmitAsync(edit, Fields("Old Executive", kind: "ExecutiveGroup", cadence: "Yearly", version: "1"));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("you had version 1; it is now version 2", WebUtility.HtmlDecode(TestHtml.ErrorSummary(TestHtml.Parse(stale.Html)).TextContent), StringComparison.Ordinal);
        var now = await BodyAsync(partnership.Id, "Executive Group");
        Assert.Equal((MeetingCadence.Monthly, 2), (now.Cadence, now.Version));
        Assert.True(await DbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Body) && a.EntityId == body.Id && a.Action == AuditAction.Updated)));
    }

    [Fact]
    public async Task Body_WithAMeeting_IsKept_SayingWhy_WithoutOne_IsRemovedWithItsSeats()
    {
        var partnership = await TestData.Partnership().WithPerson(out var member).SaveAsync(app);
        var slug = partnership.Slug;
        using var support = await PageSession.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: slug);
        foreach (var name in new[] { "Test Board", "Test Task Group" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await support.SubmitAsync($"/partnerships/{slug}/bodies/new", Fields(name))).Status);
        }

        var board = await BodyAsync(partnership.Id, "Test Board");
        var group = await BodyAsync(partnership.Id, "Test Task Group");
        await DbAsync(async db =>
        {
            db.Add(new Meeting { PartnershipId = partnership.Id, BodyId = board.Id, YearStart = 2011, MeetsOn = new DateOnly(2011, 4, 26), StartsAt = new TimeOnly(14, 0) });
            db.Add(new BodyMember { BodyId = group.Id, PersonId = member.Id });
            db.AuditPartnershipId = partnership.Id;
            return await db.SaveChangesAsync();
        });

        var refused = await support.SubmitAsync($"/partnerships/{slug}/bodies/{board.Id}/remove", new() { ["Version"] = "1" });
        var confirm = await support.PageAsync($"/partnerships/{slug}/bodies/{group.Id}/remove");
        var removed = await support.SubmitAsync($"/partnerships/{slug}/bodies/{group.Id}/remove", new() { ["Version"] = "1" });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Test Board cannot be removed: it has 1 meeting", WebUtility.HtmlDecode(TestHtml.ErrorSummary(TestHtml.Parse(refused.Html)).TextContent), StringComparison.Ordinal);
        Assert.True(await DbAsync(db => db.Bodies.AnyAsync(b => b.Id == board.Id)));
        Assert.Contains("The 1 person who sits on it loses their seat", confirm.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.False(await DbAsync(db => db.Bodies.AnyAsync(b => b.Id == group.Id)));
        Assert.False(await DbAsync(db => db.Set<BodyMember>().AnyAsync(m => m.BodyId == group.Id)));
        var audited = await DbAsync(db => db.AuditEntries.Where(a => a.PartnershipId == partnership.Id && a.Action == AuditAction.Deleted).Select(a => a.EntityType).ToListAsync());
        Assert.Contains(nameof(Body), audited);
        Assert.Contains(nameof(BodyMember), audited);
    }

    [Fact]
    public async Task CountyBody_ServingOtherPartnerships_IsListed_ButNotChangedHere()
    {
        var partnership = await TestData.Partnership().WithCountyBody(out var county, "Test County DV Partnership").SaveAsync(app);
        using var support = await PageSession.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        var body = await BodyAsync(partnership.Id, county.Name);

        var list = (await support.PageAsync($"/partnerships/{partnership.Slug}/bodies")).Html;
        var edit = await support.AccessDeniedAsync($"/partnerships/{partnership.Slug}/bodies/{body.Id}");
        var remove = await support.AccessDeniedAsync($"/partnerships/{partnership.Slug}/bodies/{body.Id}/remove");

        Assert.Contains("Test County DV Partnership", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"/bodies/{body.Id}\"", list, StringComparison.Ordinal);
        Assert.Contains("also serves Neighbouring Partnership", edit, StringComparison.Ordinal);
        Assert.Contains("also serves Neighbouring Partnership", remove, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bodies_LeadOfficersBoardMembersAndOtherPartnerships_AreRefused_VisitorsSentToSignIn()
    {
        var partnership = await TestData.Partnership().WithBody(out var group).SaveAsync(app);
        var elsewhere = await TestData.Partnership().SaveAsync(app);
        var body = await BodyAsync(partnership.Id, group.Name);
        var pages = new[] { "", "/new", $"/{body.Id}", $"/{body.Id}/remove" }.Select(p => $"/partnerships/{partnership.Slug}/bodies{p}").ToList();

        using var visitor = new PageSession(app.ServerAddress);
        foreach (var page in pages)
        {
            using var answer = await visitor.Client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.StartsWith("/account/sign-in", answer.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        }

        foreach (var (role, slug) in new[] { (PartnershipRole.LeadOfficer, partnership.Slug), (PartnershipRole.BoardMember, partnership.Slug), (PartnershipRole.SupportOfficer, elsewhere.Slug) })
        {
            using var session = await PageSession.SignedInAsync(app, role, partnership: slug);
            foreach (var page in pages)
            {
                Assert.Contains("support officers and administrators", await session.AccessDeniedAsync(page), StringComparison.Ordinal);
            }

            var home = (await session.PageAsync($"/partnerships/{partnership.Slug}")).Html;
            Assert.DoesNotContain("/bodies\"", home, StringComparison.Ordinal);
            using var posted = await session.PostFormAsync("/account", $"/partnerships/{partnership.Slug}/bodies/new", Fields("Intruders' Board"));
            Assert.Contains("access-denied", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.False(await DbAsync(db => db.Bodies.AnyAsync(b => b.Name == "Intruders' Board")));
    }
}

/// <summary>On the shared app: each test has a partnership of its own (<see cref="TestData"/>).</summary>
public sealed class BodiesTestsOnSqlite(SharedSqliteApp shared) : BodiesTests(shared.App), IClassFixture<SharedSqliteApp>;

/// <summary>The bodies' queries, keys and removal on PostgreSQL.</summary>
public sealed class BodiesTestsOnPostgres(SharedPostgresApp shared) : BodiesTests(shared.App), IClassFixture<SharedPostgresApp>;
