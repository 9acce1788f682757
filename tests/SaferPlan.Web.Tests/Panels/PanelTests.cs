using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Data;
using SaferPlan.Core.Panels;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Plans;

namespace SaferPlan.Web.Tests.Panels;

/// <summary>
/// Neighbourhood panels (issue 13, item 4) through the real app on both databases: priorities routed to the police team, the
/// ASB task group or a partner agency contact, an unknown route refused by field, who may record actions, versions, the
/// report-back flow, the visitors' shape with no names or e-mail addresses, the task group's list and the assessment section.
/// Tests add priorities of their own to the demo's (illustrative) panels.
/// Keeps an app of its own: a priority routed to the ASB task group without naming a body goes to the partnership's body
/// keyed "asb-task-group", a key unique in the database that the demo's body holds, so that route is checked in the demo.
/// </summary>
public abstract class PanelTests(SaferPlanFactory app)
{
    private const string Slug = "south-cambridgeshire";
    private const string Histon = "Histon and Cottenham Neighbourhood Panel";

    private async Task<HttpClient> ClientAsync(PartnershipRole role, string? personKey = null) =>
        await app.ApiClientAsync(personKey is null ? await app.SharedUserAsync(role) : await app.AddUserAsync(role, personKey));

    private static async Task<PanelJson> PanelAsync(HttpClient client, string name = Histon)
    {
        var list = await PlanApi.OkJsonAsync<List<PanelSummaryJson>>(await client.GetAsync($"/api/partnerships/{Slug}/panels"));
        var id = list.Single(p => p.Name == name).Id;
        return await PlanApi.OkJsonAsync<PanelJson>(await client.GetAsync($"/api/panels/{id}"));
    }

    private static int MeetingId(PanelJson panel, int index) => panel.Meetings[index].Id;

    private static JsonObject Priority(PanelJson panel, string text, string? route, int meeting = 1, string? ward = null, int? contact = null, int? body = null, string? marking = null) => new()
    {
        ["raisedAtId"] = MeetingId(panel, meeting),
        ["text"] = text,
        ["ward"] = ward,
        ["route"] = route,
        ["routeContactId"] = contact,
        ["routeBodyId"] = body,
        ["marking"] = marking,
    };

    private static async Task<PanelPriorityJson> AddPriorityAsync(HttpClient client, PanelJson panel, JsonObject body) =>
        await PlanApi.CreatedAsync<PanelPriorityJson>(await client.PostAsJsonAsync($"/api/panels/{panel.Id}/priorities", body));

    private static Task<HttpResponseMessage> AddActionAsync(HttpClient client, int priorityId, string text) =>
        client.PostAsJsonAsync($"/api/panel-priorities/{priorityId}/actions", new { takenOn = "2010-10-06", text, takenBy = "Histon Neighbourhood Policing Team" });

    /// <summary>
    /// The priority form with a task group it cannot read: asked for on that box, with whatever else is wrong, and never
    /// replaced by the partnership's ASB task group (where a priority routed there without naming a body goes); nothing saved.
    /// </summary>
    [Fact]
    public async Task PriorityPage_TaskGroupItCannotRead_IsAskedForWithTheOtherErrors_AndNothingIsSaved()
    {
        using var api = await ClientAsync(PartnershipRole.SupportOfficer);
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer);
        var panel = await PanelAsync(api);
        var text = $"Cars racing at night {Guid.NewGuid():N}";
        var formPath = $"/panels/{panel.Id}/priority";
        var form = await Forms.PageAsync(support, formPath);

        foreach (var typed in new[] { text, "" })
        {
            using var refused = await Forms.PostAsync(support, formPath, form, new()
            {
                ["RaisedAtId"] = MeetingId(panel, 1).ToString(System.Globalization.CultureInfo.InvariantCulture), ["Text"] = typed,
                ["Route"] = "AsbTaskGroup", ["RouteBodyId"] = "the ASB group", ["Marking"] = "Official",
            });
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("<a href=\"#RouteBodyId\">Select the task group</a>", html, StringComparison.Ordinal);
            Assert.Equal(typed.Length == 0, html.Contains("<a href=\"#Text\">Enter the priority the residents set</a>", StringComparison.Ordinal));
        }

        Assert.DoesNotContain((await PanelAsync(api)).Priorities, p => p.Text == text);
    }

    [Fact]
    public async Task Priority_RoutedEachWay_IsSavedWithItsRoute_AndAnUnknownRouteIsRefusedNamingTheField()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var panel = await PanelAsync(support);
        var bridget = await app.PersonIdAsync("bridget-fairley");

        var police = await AddPriorityAsync(support, panel, Priority(panel, "Speeding on the Cottenham road", "NeighbourhoodPolicing", ward: "Cottenham"));
        Assert.Equal("Histon Neighbourhood Policing Team", police.RoutedTo);
        Assert.Equal("Open", police.Status);
        var asb = await AddPriorityAsync(support, panel, Priority(panel, "ASB in the bus shelter", "AsbTaskGroup"));
        Assert.Equal("Anti-Social Behaviour Task Group", asb.RoutedTo);
        var agency = await AddPriorityAsync(support, panel, Priority(panel, "Street light out on the green", "PartnerAgency", contact: bridget));
        Assert.Equal("South Cambridgeshire District Council", agency.RoutedTo);
        Assert.StartsWith("Bridget Fairley", agency.Contact, StringComparison.Ordinal);

        var unknown = await PlanApi.ReadValidationErrorAsync(await support.PostAsJsonAsync($"/api/panels/{panel.Id}/priorities", Priority(panel, "Dog fouling", "FireBrigade")), "route");
        Assert.Contains("\"FireBrigade\" is not a route", unknown, StringComparison.Ordinal);
        await PlanApi.ReadValidationErrorAsync(await support.PostAsJsonAsync($"/api/panels/{panel.Id}/priorities", Priority(panel, "Dog fouling", "7")), "route");
        await PlanApi.ReadValidationErrorAsync(await support.PostAsJsonAsync($"/api/panels/{panel.Id}/priorities", Priority(panel, "Dog fouling", null)), "route");
        await PlanApi.ReadValidationErrorAsync(await support.PostAsJsonAsync($"/api/panels/{panel.Id}/priorities", Priority(panel, "Dog fouling", "PartnerAgency")), "routeContactId");
        await PlanApi.ReadValidationErrorAsync(await support.PostAsJsonAsync($"/api/panels/{panel.Id}/priorities", Priority(panel, "Dog fouling", "AsbTaskGroup", body: 999999)), "routeBodyId");
        await PlanApi.ReadValidationErrorAsync(await support.PostAsJsonAsync($"/api/panels/{panel.Id}/priorities", Priority(panel, "Dog fouling", "NeighbourhoodPolicing", ward: "Linton")), "ward");
        var other = await PanelAsync(support, "Sawston and Linton Neighbourhood Panel");
        var wrongMeeting = Priority(panel, "Dog fouling", "NeighbourhoodPolicing");
        wrongMeeting["raisedAtId"] = MeetingId(other, 0);
        await PlanApi.ReadValidationErrorAsync(await support.PostAsJsonAsync($"/api/panels/{panel.Id}/priorities", wrongMeeting), "raisedAtId");

        var audited = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<AuditEntry>()
            .CountAsync(a => a.EntityType == nameof(PanelPriority) && (a.EntityId == police.Id || a.EntityId == asb.Id || a.EntityId == agency.Id)));
        Assert.Equal(3, audited);
    }

    [Fact]
    public async Task Actions_AreRecordedByTheLeadOfficersHoldingTheRoute_AndRefusedToOthers()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var panel = await PanelAsync(support);
        var bridget = await app.PersonIdAsync("bridget-fairley");
        var police = await AddPriorityAsync(support, panel, Priority(panel, "Cars racing at night", "NeighbourhoodPolicing"));
        var agency = await AddPriorityAsync(support, panel, Priority(panel, "Overflowing bins by the shops", "PartnerAgency", contact: bridget));

        using var policeLead = await ClientAsync(PartnershipRole.LeadOfficer, "chris-savage");
        using (var ok = await AddActionAsync(policeLead, police.Id, "Patrols at night"))
        {
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        var refused = await PlanApi.ReadProblemAsync(await AddActionAsync(policeLead, agency.Id, "Bins emptied"), HttpStatusCode.Forbidden);
        Assert.Contains("South Cambridgeshire District Council", refused.Detail, StringComparison.Ordinal);
        using var contact = await ClientAsync(PartnershipRole.LeadOfficer, "bridget-fairley");
        using (var ok = await AddActionAsync(contact, agency.Id, "Bins emptied and collection day changed"))
        {
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        using var board = await ClientAsync(PartnershipRole.BoardMember);
        await PlanApi.ReadProblemAsync(await AddActionAsync(board, police.Id, "Board member's note"), HttpStatusCode.Forbidden);
        await PlanApi.ReadProblemAsync(await board.PostAsJsonAsync($"/api/panels/{panel.Id}/priorities", Priority(panel, "Board's own", "NeighbourhoodPolicing")), HttpStatusCode.Forbidden);
        await PlanApi.ReadProblemAsync(await policeLead.PostAsJsonAsync($"/api/panels/{panel.Id}/priorities", Priority(panel, "Lead's own", "NeighbourhoodPolicing")), HttpStatusCode.Forbidden);
        using var visitor = app.CreateClient();
        using (var anonymous = await AddActionAsync(visitor, police.Id, "Visitor's note"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        var read = await PanelAsync(board);
        var after = read.Priorities.Single(p => p.Id == police.Id);
        Assert.Equal("Actioned", after.Status);
        Assert.Equal("Patrols at night", after.Actions[0].Text);
        Assert.False(read.Public);
    }

    [Fact]
    public async Task Priority_EditedFromAnOldVersion_IsRefused409Or412_AndWithoutAVersion428()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var panel = await PanelAsync(support);
        var created = await AddPriorityAsync(support, panel, Priority(panel, "Parking on the pavement", "NeighbourhoodPolicing"));
        var path = $"/api/panel-priorities/{created.Id}";
        var body = Priority(panel, "Parking on the pavement by the school", "NeighbourhoodPolicing");

        using (var unversioned = await PlanApi.PutAsync(support, path, body))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, unversioned.StatusCode);
        }

        body["version"] = 1;
        var saved = await PlanApi.PutOkAsync<PanelPriorityJson>(support, path, body);
        Assert.Equal(2, saved.Version);
        Assert.Equal("Parking on the pavement by the school", saved.Text);
        using (var stale = await PlanApi.PutAsync(support, path, body))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        body["version"] = null;
        using (var staleTag = await PlanApi.PutAsync(support, path, body, ifMatch: 1))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, staleTag.StatusCode);
        }

        body["route"] = "Council";
        body["version"] = 2;
        await PlanApi.ReadValidationErrorAsync(await PlanApi.PutAsync(support, path, body), "route");
    }

    [Fact]
    public async Task ReportBack_AtAnEarlierMeeting_IsRefused_AndAtALaterOne_MarksThePriorityReportedBack()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var panel = await PanelAsync(support);
        var created = await AddPriorityAsync(support, panel, Priority(panel, "Litter after football matches", "AsbTaskGroup", meeting: 1));
        using (var action = await AddActionAsync(support, created.Id, "Clubs asked to clear up"))
        {
            Assert.Equal(HttpStatusCode.Created, action.StatusCode);
        }

        var path = $"/api/panel-priorities/{created.Id}/report-back";
        var actioned = (await PanelAsync(support)).Priorities.Single(p => p.Id == created.Id);
        Assert.Equal("Actioned", actioned.Status);
        var earlier = new JsonObject { ["meetingId"] = MeetingId(panel, 1), ["text"] = "Clubs now clear up", ["version"] = actioned.Version };
        var refused = await PlanApi.ReadValidationErrorAsync(await PlanApi.PutAsync(support, path, earlier), "meetingId");
        Assert.Contains("a later panel", refused, StringComparison.Ordinal);
        await PlanApi.ReadValidationErrorAsync(await PlanApi.PutAsync(support, path, new JsonObject { ["meetingId"] = MeetingId(panel, 2), ["text"] = " ", ["version"] = actioned.Version }), "text");

        var later = new JsonObject { ["meetingId"] = MeetingId(panel, 2), ["text"] = "Clubs now clear up after every match", ["version"] = actioned.Version };
        var reported = await PlanApi.PutOkAsync<PanelPriorityJson>(support, path, later);
        Assert.Equal("ReportedBack", reported.Status);
        Assert.Equal(MeetingId(panel, 2), reported.ReportedBackAt?.Id);

        using var visitor = app.CreateClient();
        var html = await (await visitor.GetAsync($"/panels/{panel.Id}/public")).Content.ReadAsStringAsync();
        Assert.Contains("Clubs now clear up after every match", html, StringComparison.Ordinal);
        Assert.Contains("Reported back", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Panel_ForVisitors_ShowsWhatWasRaisedAndDone_WithoutNamesEmailAddressesOrRestrictedPriorities()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var panel = await PanelAsync(support);
        var bridget = await app.PersonIdAsync("bridget-fairley");
        await AddPriorityAsync(support, panel, Priority(panel, "Graffiti on the underpass", "PartnerAgency", contact: bridget));
        await AddPriorityAsync(support, panel, Priority(panel, "A named family's behaviour", "AsbTaskGroup", marking: "Restricted"));

        using var visitor = app.CreateClient();
        using var api = await visitor.GetAsync($"/api/panels/{panel.Id}");
        var json = await api.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var shape = JsonSerializer.Deserialize<PanelJson>(json, PlanApi.Contract)!;
        Assert.True(shape.Public);
        Assert.Contains("Graffiti on the underpass", json, StringComparison.Ordinal);
        Assert.Contains("ASB at the recreation ground", json, StringComparison.Ordinal);
        Assert.DoesNotContain("A named family", json, StringComparison.Ordinal);
        Assert.DoesNotContain("@", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Bridget", json, StringComparison.Ordinal);
        Assert.All(shape.Priorities, p =>
        {
            Assert.Null(p.Contact);
            Assert.All(p.Actions, a => Assert.Null(a.TakenBy));
        });

        foreach (var page in new[] { $"/panels/{panel.Id}", $"/panels/{panel.Id}/public", $"/partnerships/{Slug}/panels" })
        {
            var html = await Forms.PageAsync(visitor, page);
            Assert.DoesNotContain("@example.org", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Bridget Fairley", html, StringComparison.Ordinal);
            Assert.DoesNotContain("A named family", html, StringComparison.Ordinal);
            Assert.DoesNotContain("ASB Caseworker", html, StringComparison.Ordinal);
        }

        var publicPage = await Forms.PageAsync(visitor, $"/panels/{panel.Id}/public");
        Assert.Contains("South Cambridgeshire District Council", publicPage, StringComparison.Ordinal);
        Assert.Contains("Anti-Social Behaviour Task Group", publicPage, StringComparison.Ordinal);

        using var board = await ClientAsync(PartnershipRole.BoardMember);
        var full = await PanelAsync(board);
        Assert.False(full.Public);
        Assert.Contains(full.Priorities, p => p.Text == "A named family's behaviour");
        Assert.DoesNotContain("@", await board.GetStringAsync($"/api/panels/{full.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskGroupPage_ListsThePanelItemsRoutedToIt_ForMembersOnly()
    {
        using var member = await Forms.SignedInAsync(app, PartnershipRole.BoardMember);
        var html = await Forms.PageAsync(member, "/bodies/asb-task-group/panel-items");
        Assert.Contains("ASB at the recreation ground", html, StringComparison.Ordinal);
        Assert.Contains("Young people gathering", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Speeding through the village", html, StringComparison.Ordinal);

        using var visitor = await app.ApiClientAsync();
        using var refused = await visitor.GetAsync("/bodies/asb-task-group/panel-items");
        Assert.Contains("/account/sign-in", refused.Headers.Location?.OriginalString ?? refused.RequestMessage?.RequestUri?.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assessment_ListsTheYearsPanelPrioritiesByWard_OnItsPageAndInItsDocument()
    {
        using var visitor = app.CreateClient();
        var html = await Forms.PageAsync(visitor, $"/partnerships/{Slug}/assessment?From=2010-04&To=2011-03");
        Assert.Contains(PanelAssessment.Heading, html, StringComparison.Ordinal);
        Assert.Contains("Histon and Impington", html, StringComparison.Ordinal);
        Assert.Contains("ASB at the recreation ground", html, StringComparison.Ordinal);
        Assert.Contains("routed to Anti-Social Behaviour Task Group", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bridget Fairley", html, StringComparison.Ordinal);

        var before = await Forms.PageAsync(visitor, $"/partnerships/{Slug}/assessment?From=2008-09&To=2009-08");
        Assert.Contains("No neighbourhood panel set a priority", before, StringComparison.Ordinal);

        using var docx = await visitor.GetAsync($"/api/partnerships/{Slug}/assessment.docx?from=2010-04&to=2011-03");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var zip = new ZipArchive(await docx.Content.ReadAsStreamAsync());
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.Contains(PanelAssessment.Heading, xml, StringComparison.Ordinal);
        Assert.Contains("Speeding through the village", xml, StringComparison.Ordinal);
    }
}

public sealed class PanelTestsOnSqlite(SqliteFactory app) : PanelTests(app), IClassFixture<SqliteFactory>;

public sealed class PanelTestsOnPostgres(PostgresFactory app) : PanelTests(app), IClassFixture<PostgresFactory>;
