using System.Globalization;
using System.Net;
using System.Net.Http.Json;
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
/// Panels, their meetings and priorities created, changed and deleted through the API and the pages, on both databases:
/// versions (428, 409, 412), refusals naming the field, meetings still in use kept, deletes audited, and actions deleted
/// only by those who may record them. Each test works on a panel of its own, in a partnership of its own (<see cref="TestData"/>),
/// which the police serve beside an agency of its own: with no ward lookup loaded, any ward names are taken.
/// </summary>
public abstract class PanelEditingTests(SaferPlanFactory app)
{
    /// <summary>
    /// The test's partnership (made on first use: xunit makes the class anew for each test), served by the police, with a lead
    /// officer of the police and one of a council of its own.
    /// </summary>
    private readonly Lazy<Task<Own>> own = new(async () =>
    {
        var partnership = await TestData.Partnership()
            .WithAgency(out var police, "Cambridgeshire Constabulary", key: "police").WithPerson(out var policeLead, police, "Chris Savage")
            .WithAgency(out var council, "Testshire District Council").WithPerson(out var councilLead, council, "Bridget Fairley")
            .SaveAsync(app);
        return new Own(partnership, policeLead, councilLead);
    });

    private static readonly string[] TwoWards = ["Histon and Impington", "Cottenham"];

    private static readonly string[] OneWard = ["Cottenham"];

    private static readonly string[] NoWards = [];

    private sealed record Own(TestPartnership Partnership, TestPerson PoliceLead, TestPerson CouncilLead);

    private async Task<string> SlugAsync() => (await own.Value).Partnership.Slug;

    private async Task<HttpClient> ClientAsync(PartnershipRole role, TestPerson? person = null) =>
        await app.ApiClientAsync(await app.AddUserAsync(role, person?.Key, await SlugAsync()));

    /// <summary>A new panel covering Histon and Impington and Cottenham, with meetings on the given dates (all in 2010).</summary>
    private async Task<(PanelJson Panel, List<PanelMeetingJson> Meetings)> NewPanelAsync(HttpClient support, params int[] months)
    {
        var panel = await PlanApi.CreatedAsync<PanelJson>(await support.PostAsJsonAsync($"/api/partnerships/{await SlugAsync()}/panels",
            new { name = $"Test panel {Guid.NewGuid():N}", wards = TwoWards, policingTeam = "Histon Neighbourhood Policing Team" }));
        var meetings = new List<PanelMeetingJson>();
        foreach (var month in months)
        {
            meetings.Add(await PlanApi.CreatedAsync<PanelMeetingJson>(await support.PostAsJsonAsync($"/api/panels/{panel.Id}/meetings", new { heldOn = new DateOnly(2010, month, 14), place = "Histon Village Hall" })));
        }

        return (panel, meetings);
    }

    private static async Task<PanelPriorityJson> AddPriorityAsync(HttpClient support, PanelJson panel, PanelMeetingJson meeting, string text) =>
        await PlanApi.CreatedAsync<PanelPriorityJson>(await support.PostAsJsonAsync($"/api/panels/{panel.Id}/priorities",
            new { raisedAtId = meeting.Id, text, route = "NeighbourhoodPolicing" }));

    /// <summary>A browser signed in as a new user with the role in the test's partnership.</summary>
    private async Task<HttpClient> SignedInAsync(PartnershipRole role) => await Forms.SignedInAsync(app, role, partnership: await SlugAsync());

    private async Task<int> AuditedAsync(string type, int id, AuditAction action) =>
        await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<AuditEntry>().CountAsync(a => a.EntityType == type && a.EntityId == id && a.Action == action));

    [Fact]
    public async Task Panel_CreatedAndChangedThroughTheApi_NeedsAVersion_AndIsRefusedByField()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var (panel, _) = await NewPanelAsync(support);
        Assert.Equal(TwoWards, panel.Wards);
        var path = $"/api/panels/{panel.Id}";

        var body = new JsonObject { ["name"] = panel.Name + " (north)", ["wards"] = new JsonArray("Histon and Impington"), ["policingTeam"] = null };
        using (var unversioned = await PlanApi.PutAsync(support, path, body))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, unversioned.StatusCode);
        }

        body["version"] = 1;
        var saved = await PlanApi.PutOkAsync<PanelJson>(support, path, body);
        Assert.Equal(2, saved.Version);
        Assert.EndsWith("(north)", saved.Name, StringComparison.Ordinal);
        using (var stale = await PlanApi.PutAsync(support, path, body))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        body["version"] = null;
        using (var staleTag = await PlanApi.PutAsync(support, path, body, ifMatch: 1))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, staleTag.StatusCode);
        }

        var slug = await SlugAsync();
        await PlanApi.ReadValidationErrorAsync(await support.PostAsJsonAsync($"/api/partnerships/{slug}/panels", new { name = " ", wards = OneWard }), "name");
        await PlanApi.ReadValidationErrorAsync(await support.PostAsJsonAsync($"/api/partnerships/{slug}/panels", new { name = $"No wards {Guid.NewGuid():N}", wards = NoWards }), "wards");
        await PlanApi.ReadProblemAsync(await support.PostAsJsonAsync("/api/partnerships/nowhere/panels", new { name = "Lost", wards = OneWard }), HttpStatusCode.NotFound);
        using var lead = await ClientAsync(PartnershipRole.LeadOfficer, (await own.Value).PoliceLead);
        await PlanApi.ReadProblemAsync(await lead.PostAsJsonAsync($"/api/partnerships/{slug}/panels", new { name = $"Lead's panel {Guid.NewGuid():N}", wards = OneWard }), HttpStatusCode.Forbidden);
        Assert.Equal(1, await AuditedAsync(nameof(NeighbourhoodPanel), panel.Id, AuditAction.Created));
    }

    [Fact]
    public async Task ReportBackForm_OffersOnlyTheMeetingsAfterThePriorityWasRaised_AndSaysWhenThereIsNone()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        using var page = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: await SlugAsync());
        var (panel, meetings) = await NewPanelAsync(support, 6, 9, 12);
        var (september, december) = (meetings[1], meetings[2]);
        var raisedInSeptember = await AddPriorityAsync(support, panel, september, "Speeding on Histon Road");
        var raisedInDecember = await AddPriorityAsync(support, panel, december, "Parking at the school gates");

        var form = TestHtml.Parse(await Forms.PageAsync(page, $"/panel-priorities/{raisedInSeptember.Id}/report-back"));
        var last = TestHtml.Parse(await Forms.PageAsync(page, $"/panel-priorities/{raisedInDecember.Id}/report-back"));

        Assert.Equal(["", december.Id.ToString(CultureInfo.InvariantCulture)], form.QuerySelectorAll("#MeetingId option").Select(o => o.GetAttribute("value")));
        Assert.Equal(december.Id.ToString(CultureInfo.InvariantCulture), form.QuerySelector("#MeetingId option[selected]")?.GetAttribute("value"));
        Assert.Null(form.QuerySelector("[data-no-later-meeting]"));
        Assert.Equal([""], last.QuerySelectorAll("#MeetingId option").Select(o => o.GetAttribute("value")));
        Assert.StartsWith("The panel has no meeting after 14 December 2010 yet.", TestHtml.SpacedText(last.QuerySelector("[data-no-later-meeting]")!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meeting_ChangedAndDeleted_WithAVersion_IsKeptWhilePrioritiesWereSetOrReportedBackThere()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var (panel, meetings) = await NewPanelAsync(support, 6, 9, 12);
        var (june, september, december) = (meetings[0], meetings[1], meetings[2]);
        var meetingPath = $"/api/panel-meetings/{september.Id}";

        var moved = await PlanApi.PutOkAsync<PanelMeetingJson>(support, meetingPath, new JsonObject { ["heldOn"] = "2010-09-21", ["place"] = "Cottenham Village College", ["version"] = 1 });
        Assert.Equal("2010-09-21", moved.HeldOn);
        Assert.Equal(2, moved.Version);
        await PlanApi.ReadValidationErrorAsync(await PlanApi.PutAsync(support, meetingPath, new JsonObject { ["heldOn"] = "2010-09-21", ["place"] = "", ["version"] = 2 }), "place");
        using (var unversioned = await PlanApi.DeleteAsync(support, $"/api/panel-meetings/{december.Id}"))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, unversioned.StatusCode);
        }

        var priority = await AddPriorityAsync(support, panel, june, "Speeding on Histon Road");
        var reported = await PlanApi.PutOkAsync<PanelPriorityJson>(support, $"/api/panel-priorities/{priority.Id}/report-back",
            new JsonObject { ["meetingId"] = september.Id, ["text"] = "Speed checks found fewer speeders", ["version"] = priority.Version });
        var early = await PlanApi.ReadValidationErrorAsync(await PlanApi.PutAsync(support, meetingPath, new JsonObject { ["heldOn"] = "2010-06-01", ["place"] = "Histon", ["version"] = 2 }), "heldOn");
        Assert.Contains("after 14 June 2010", early, StringComparison.Ordinal);

        var kept = await PlanApi.ReadProblemAsync(await PlanApi.DeleteAsync(support, $"/api/panel-meetings/{june.Id}", version: 1), HttpStatusCode.Conflict);
        Assert.Contains("1 priority was set at this meeting", kept.Detail, StringComparison.Ordinal);
        await PlanApi.ReadProblemAsync(await PlanApi.DeleteAsync(support, $"/api/panel-meetings/{september.Id}", version: 2), HttpStatusCode.Conflict);
        using (var stale = await PlanApi.DeleteAsync(support, $"/api/panel-meetings/{december.Id}", ifMatch: 7))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        }

        using (var gone = await PlanApi.DeleteAsync(support, $"/api/panel-meetings/{december.Id}", version: 1))
        {
            Assert.Equal(HttpStatusCode.NoContent, gone.StatusCode);
        }

        using (var board = await ClientAsync(PartnershipRole.BoardMember))
        {
            await PlanApi.ReadProblemAsync(await PlanApi.DeleteAsync(board, $"/api/panel-priorities/{priority.Id}", version: reported.Version), HttpStatusCode.Forbidden);
        }

        using (var deleted = await PlanApi.DeleteAsync(support, $"/api/panel-priorities/{priority.Id}", version: reported.Version))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using (var nowFree = await PlanApi.DeleteAsync(support, $"/api/panel-meetings/{june.Id}", version: 1))
        {
            Assert.Equal(HttpStatusCode.NoContent, nowFree.StatusCode);
        }

        var left = await PlanApi.OkJsonAsync<PanelJson>(await support.GetAsync($"/api/panels/{panel.Id}"));
        Assert.Equal(september.Id, Assert.Single(left.Meetings).Id);
        Assert.Empty(left.Priorities);
        Assert.Equal(1, await AuditedAsync(nameof(PanelMeeting), december.Id, AuditAction.Deleted));
        Assert.Equal(1, await AuditedAsync(nameof(PanelPriority), priority.Id, AuditAction.Deleted));
        Assert.Equal(1, await AuditedAsync(nameof(PanelMeeting), september.Id, AuditAction.Updated));
    }

    [Fact]
    public async Task Action_DeletedByTheLeadOfficerHoldingTheRoute_ReopensThePriority_AndIsRefusedToOtherLeads()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var (panel, meetings) = await NewPanelAsync(support, 5);
        var priority = await AddPriorityAsync(support, panel, meetings[0], "Cars racing at night");
        var action = await PlanApi.CreatedAsync<PanelActionJson>(await support.PostAsJsonAsync($"/api/panel-priorities/{priority.Id}/actions", new { takenOn = "2010-05-20", text = "Patrols at night" }));
        var path = $"/api/panel-actions/{action.Id}";

        using var otherLead = await ClientAsync(PartnershipRole.LeadOfficer, (await own.Value).CouncilLead);
        await PlanApi.ReadProblemAsync(await PlanApi.DeleteAsync(otherLead, path, version: 1), HttpStatusCode.Forbidden);
        using var policeLead = await ClientAsync(PartnershipRole.LeadOfficer, (await own.Value).PoliceLead);
        using (var deleted = await PlanApi.DeleteAsync(policeLead, path, version: 1))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await PlanApi.ReadProblemAsync(await PlanApi.DeleteAsync(policeLead, path, version: 1), HttpStatusCode.NotFound);
        var read = await PlanApi.OkJsonAsync<PanelJson>(await support.GetAsync($"/api/panels/{panel.Id}"));
        var after = Assert.Single(read.Priorities);
        Assert.Equal("Open", after.Status);
        Assert.Empty(after.Actions);
        Assert.Equal(1, await AuditedAsync(nameof(PanelAction), action.Id, AuditAction.Deleted));
    }

    [Fact]
    public async Task Pages_ChangeAMeeting_AndDeleteAPriorityAfterConfirming()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var (panel, meetings) = await NewPanelAsync(support, 7);
        var priority = await AddPriorityAsync(support, panel, meetings[0], "Litter by the shops");
        using var browser = await SignedInAsync(PartnershipRole.SupportOfficer);

        var panelPage = await Forms.PageAsync(browser, $"/panels/{panel.Id}");
        Assert.Contains($"/panel-meetings/{meetings[0].Id}/delete", panelPage, StringComparison.Ordinal);
        Assert.Contains($"/panel-priorities/{priority.Id}/delete", panelPage, StringComparison.Ordinal);

        var form = await Forms.PageAsync(browser, $"/panels/{panel.Id}/meeting/{meetings[0].Id}");
        Assert.Contains("Change the meeting", form, StringComparison.Ordinal);
        using (var blank = await Forms.PostAsync(browser, $"/panels/{panel.Id}/meeting/{meetings[0].Id}", form,
            new() { ["HeldOn.Day"] = "14", ["HeldOn.Month"] = "7", ["HeldOn.Year"] = "2010", ["Place"] = "", ["Version"] = "1" }))
        {
            var html = await blank.Content.ReadAsStringAsync();
            Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
            Assert.Contains("Enter where the meeting was held", html, StringComparison.Ordinal);
        }

        using (var saved = await Forms.PostAsync(browser, $"/panels/{panel.Id}/meeting/{meetings[0].Id}", form,
            new() { ["HeldOn.Day"] = "15", ["HeldOn.Month"] = "7", ["HeldOn.Year"] = "2010", ["Place"] = "Impington Village College", ["Version"] = "1" }))
        {
            Assert.DoesNotContain("govuk-error-summary", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var blocked = await Forms.PageAsync(browser, $"/panel-meetings/{meetings[0].Id}/delete");
        Assert.Contains("You cannot delete the meeting of 15 July 2010 yet", blocked, StringComparison.Ordinal);

        var confirm = await Forms.PageAsync(browser, $"/panel-priorities/{priority.Id}/delete");
        Assert.Contains("Are you sure you want to delete the priority?", confirm, StringComparison.Ordinal);
        using (var deleted = await Forms.PostAsync(browser, $"/panel-priorities/{priority.Id}/delete", confirm, new() { ["version"] = "1" }))
        {
            Assert.Contains("Deleted the priority", await deleted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var read = await PlanApi.OkJsonAsync<PanelJson>(await support.GetAsync($"/api/panels/{panel.Id}"));
        Assert.Empty(read.Priorities);
        Assert.Equal("Impington Village College", read.Meetings[0].Place);

        using var board = await SignedInAsync(PartnershipRole.BoardMember);
        using var refused = await board.GetAsync($"/panel-meetings/{meetings[0].Id}/delete");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Secret")]
    public async Task PriorityPage_MarkingEmptyOrUnknown_IsAskedForOnTheField_AndNothingIsSaved(string marking)
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var (panel, meetings) = await NewPanelAsync(support, 3);
        using var session = new PageSession(app.ServerAddress);
        await session.SignInOrFailAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: await SlugAsync()));
        var formPath = $"/panels/{panel.Id}/priority";
        var fields = new Dictionary<string, string>
        {
            ["RaisedAtId"] = meetings[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Text"] = "Parking outside the school",
            ["Route"] = "NeighbourhoodPolicing", ["Marking"] = marking,
        };

        using var refused = await session.PostFormAsync(formPath, formPath, fields);

        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("<a href=\"#Marking\">Select the priority&#x27;s protective marking</a>", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"Marking-error\" class=\"govuk-error-message\">", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<PanelPriority>().CountAsync(p => p.PanelId == panel.Id)));
    }
}

/// <summary>Each test's panel is in a partnership of its own (<see cref="TestData"/>): on the shared app.</summary>
public sealed class PanelEditingTestsOnSqlite(SharedSqliteApp shared) : PanelEditingTests(shared.App), IClassFixture<SharedSqliteApp>;

/// <inheritdoc cref="PanelEditingTestsOnSqlite"/>
public sealed class PanelEditingTestsOnPostgres(SharedPostgresApp shared) : PanelEditingTests(shared.App), IClassFixture<SharedPostgresApp>;
