using System.Net;
using System.Text.Json;
using SaferPlan.Core.Accounts;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests;

/// <summary>Every change through the API is in the item's history, which only the partnership's members read.</summary>
public abstract class AuditTests(SaferPlanFactory app)
{
    /// <summary>What the audit trail records for a user with no display name and no person: never the e-mail address.</summary>
    private static string NameOf(string email) => email[..email.IndexOf('@', StringComparison.Ordinal)];

    private static async Task<JsonElement> NewMilestoneAsync(HttpClient client, string text)
    {
        var priority1 = await PlanApi.DemoPriorityAsync(client, "2010/11", 1);
        var action = await PlanApi.CreateActionAsync(client, priority1.Id(), "Audited action");
        return await PlanApi.CreateMilestoneAsync(client, action.Id(), text);
    }

    private static async Task<List<JsonElement>> HistoryAsync(HttpClient client, string entity, int id)
    {
        using var response = await client.GetAsync($"/api/audit?entity={entity}&id={id}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static JsonElement Change(JsonElement entry, string field) =>
        entry.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == field);

    [Fact]
    public async Task MilestoneTextChange_IsListedAsUpdatedWithOldAndNewValuesAndTheActor()
    {
        var email = await app.AddUserAsync(PartnershipRole.SupportOfficer);
        using var editor = await app.ApiClientAsync(email);
        using var board = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember));
        var milestone = await NewMilestoneAsync(editor, "Before the change");
        var body = PlanApi.PutBody(milestone);
        body["text"] = "After the change";

        await PlanApi.PutOkAsync(editor, $"/api/milestones/{milestone.Id()}", body);

        var history = await HistoryAsync(board, "Milestone", milestone.Id());
        Assert.Equal(["Updated", "Created"], history.Select(e => e.GetProperty("action").GetString()));
        var updated = history[0];
        Assert.Equal(NameOf(email), updated.GetProperty("actor").GetString());
        Assert.Equal("Milestone", updated.GetProperty("entity").GetString());
        Assert.Equal(milestone.Id(), updated.GetProperty("entityId").GetInt32());
        var text = Change(updated, "Text");
        Assert.Equal("Before the change", text.GetProperty("old").GetString());
        Assert.Equal("After the change", text.GetProperty("new").GetString());
        Assert.DoesNotContain(updated.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "Version");
        Assert.True(updated.GetProperty("occurredAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-10));
        var created = history[1];
        Assert.Equal(NameOf(email), created.GetProperty("actor").GetString());
        Assert.Equal("Before the change", Change(created, "Text").GetProperty("new").GetString());
    }

    [Fact]
    public async Task Update_ThatChangesNothing_AddsNoHistory()
    {
        using var editor = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Administrator));
        var milestone = await NewMilestoneAsync(editor, "Unchanged");

        await PlanApi.PutOkAsync(editor, $"/api/milestones/{milestone.Id()}", PlanApi.PutBody(milestone));

        Assert.Equal(["Created"], (await HistoryAsync(editor, "Milestone", milestone.Id())).Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task DeletedMilestone_HistoryStillReadableByMembersWithDeletedEntry()
    {
        var email = await app.AddUserAsync(PartnershipRole.SupportOfficer);
        using var editor = await app.ApiClientAsync(email);
        var milestone = await NewMilestoneAsync(editor, "Soon gone");

        using (var deleted = await PlanApi.DeleteAsync(editor, $"/api/milestones/{milestone.Id()}", version: 1))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var history = await HistoryAsync(editor, "Milestone", milestone.Id());
        Assert.Equal(["Deleted", "Created"], history.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal("Soon gone", Change(history[0], "Text").GetProperty("old").GetString());
        Assert.Equal(NameOf(email), history[0].GetProperty("actor").GetString());
        using var anonymous = await app.ApiClientAsync();
        await PlanApi.ProblemAsync(await anonymous.GetAsync($"/api/audit?entity=Milestone&id={milestone.Id()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ActionAndPriorityChanges_AreInTheirOwnHistories()
    {
        var email = await app.AddUserAsync(PartnershipRole.LeadOfficer, "dave-sargent");
        using var lead = await app.ApiClientAsync(email);
        var priority1 = await PlanApi.DemoPriorityAsync(lead, "2010/11", 1);
        var action = await PlanApi.CreateActionAsync(lead, priority1.Id(), "Action a lead officer adds");
        var body = PlanApi.PutBody(action);
        body["note"] = "A note";

        await PlanApi.PutOkAsync(lead, $"/api/actions/{action.Id()}", body);

        var history = await HistoryAsync(lead, "PlanAction", action.Id());
        Assert.Equal(["Updated", "Created"], history.Select(e => e.GetProperty("action").GetString()));
        Assert.All(history, e => Assert.Equal("Dave Sargent", e.GetProperty("actor").GetString()));
        var note = Change(history[0], "Note");
        Assert.Equal(JsonValueKind.Null, note.GetProperty("old").ValueKind);
        Assert.Equal("A note", note.GetProperty("new").GetString());
        await PlanApi.ProblemAsync(await lead.GetAsync("/api/audit?entity=Priority&id=987654"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Anonymous_GetsNotFoundProblemForHistory()
    {
        using var editor = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer));
        using var anonymous = await app.ApiClientAsync();
        var milestone = await NewMilestoneAsync(editor, "Official, published, but history is for members");

        var problem = await PlanApi.ProblemAsync(await anonymous.GetAsync($"/api/audit?entity=Milestone&id={milestone.Id()}"), HttpStatusCode.NotFound);

        Assert.DoesNotContain("Official, published", problem.GetRawText(), StringComparison.Ordinal);
        using var badToken = await app.ApiClientAsync();
        badToken.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sp_not-a-real-token");
        await PlanApi.ProblemAsync(await badToken.GetAsync($"/api/audit?entity=Milestone&id={milestone.Id()}"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("entity=Wizard&id=1", "Milestone")]
    [InlineData("entity=milestone&id=1", "Milestone")]
    [InlineData("entity=AuditEntry&id=1", "Milestone")]
    [InlineData("id=1", "entity")]
    [InlineData("entity=Milestone", "id")]
    public async Task BadQuery_IsBadRequestProblem(string query, string mentioned)
    {
        using var member = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember));

        var problem = await PlanApi.ProblemAsync(await member.GetAsync($"/api/audit?{query}"), HttpStatusCode.BadRequest);

        Assert.Contains(mentioned, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Member_ReadsDemoItemHistory_AsLoadedBySystem()
    {
        using var member = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember));
        var priority1 = await PlanApi.DemoPriorityAsync(member, "2010/11", 1);
        var demoMilestone = priority1.GetProperty("actions")[0].GetProperty("milestones")[0];

        var history = await HistoryAsync(member, "Milestone", demoMilestone.Id());

        var created = Assert.Single(history, e => e.GetProperty("action").GetString() == "Created");
        Assert.Equal(demoMilestone.Str("text"), Change(created, "Text").GetProperty("new").GetString());
        Assert.Equal("1.1a", Change(created, "Code").GetProperty("new").GetString());
    }
}

public sealed class AuditTestsOnSqlite(SqliteFactory app) : AuditTests(app), IClassFixture<SqliteFactory>;

public sealed class AuditTestsOnPostgres(PostgresFactory app) : AuditTests(app), IClassFixture<PostgresFactory>;
