using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Data;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Periods;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Plans;

namespace SaferPlan.Web.Tests.Auditing;

/// <summary>Every change through the API is in the item's history, which only the partnership's members read.</summary>
public abstract class AuditTests(SaferPlanFactory app)
{
    private const string Slug = "south-cambridgeshire";

    private static readonly int[] FirstMembers = [3, 10];

    /// <summary>What the audit trail records for a user with no display name and no person: never the e-mail address.</summary>
    private static string NameOf(string email) => email[..email.IndexOf('@', StringComparison.Ordinal)];

    /// <summary>
    /// A new milestone under a new action of priority 1 of 2010/11, or of the edition given, as its record (every field of
    /// the contract, so the tests can PUT it back through PlanApi.PutBody).
    /// </summary>
    private static async Task<MilestoneItemJson> NewMilestoneAsync(HttpClient client, string text, int? editionId = null)
    {
        var priority1 = editionId is { } id
            ? (await PlanApi.OkJsonAsync<EditionJson>(await client.GetAsync($"/api/editions/{id}"))).Priorities.Single(p => p.Number == 1).Id
            : (await PlanApi.PriorityOfYearAsync(client, "2010/11", 1)).Id;
        var action = await PlanApi.NewActionAsync(client, priority1, "Audited action");
        return await PlanApi.NewMilestoneAsync(client, action.Id, text);
    }

    private static async Task<List<AuditEntryJson>> HistoryAsync(HttpClient client, string entity, int id) =>
        await PlanApi.OkJsonAsync<List<AuditEntryJson>>(await client.GetAsync($"/api/audit?entity={entity}&id={id}"));

    private static FieldChangeJson Change(AuditEntryJson entry, string field) => entry.Changes.Single(c => c.Field == field);

    [Fact]
    public async Task MilestoneTextChange_IsListedAsUpdatedWithOldAndNewValuesAndTheActor()
    {
        var email = await app.AddUserAsync(PartnershipRole.SupportOfficer);
        using var editor = await app.ApiClientAsync(email);
        using var board = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember));
        var milestone = await NewMilestoneAsync(editor, "Before the change");
        var body = PlanApi.PutBody(milestone);
        body["text"] = "After the change";

        await PlanApi.PutOkAsync<MilestoneItemJson>(editor, $"/api/milestones/{milestone.Id}", body);

        var history = await HistoryAsync(board, "Milestone", milestone.Id);
        Assert.Equal(["Updated", "Created"], history.Select(e => e.Action));
        var updated = history[0];
        Assert.Equal(NameOf(email), updated.Actor);
        Assert.Equal("Milestone", updated.Entity);
        Assert.Equal(milestone.Id, updated.EntityId);
        var text = Change(updated, "Text");
        Assert.Equal("Before the change", text.Old);
        Assert.Equal("After the change", text.New);
        Assert.DoesNotContain(updated.Changes, c => c.Field == "Version");
        Assert.True(updated.OccurredAt > DateTimeOffset.UtcNow.AddMinutes(-10));
        var created = history[1];
        Assert.Equal(NameOf(email), created.Actor);
        Assert.Equal("Before the change", Change(created, "Text").New);
    }

    [Fact]
    public async Task DatesAndTimes_AreRecordedInIso8601_WhichNoReaderTakesForAnotherDay()
    {
        using var support = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer));
        var bodyId = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Bodies.Where(b => b.Key == "cdrp-board").Select(b => b.Id).SingleAsync());
        var year = 2040 + Random.Shared.Next(500);
        using var added = await support.PostAsJsonAsync($"/api/partnerships/{Slug}/meetings",
            new { bodyId, year = ReportingPeriod.Year(year).Slug, meetsOn = new DateOnly(year, 10, 12), startsAt = "14:00", place = "Cambourne" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var meeting = await PlanApi.ReadAsync<IdJson>(added);

        var created = Assert.Single(await HistoryAsync(support, "Meeting", meeting.Id));

        Assert.Equal($"{year}-10-12", Change(created, "MeetsOn").New);
        Assert.Equal("14:00:00", Change(created, "StartsAt").New);
    }

    [Fact]
    public async Task Update_ThatChangesNothing_AddsNoHistory()
    {
        using var editor = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Administrator));
        var milestone = await NewMilestoneAsync(editor, "Unchanged");

        await PlanApi.PutOkAsync<MilestoneItemJson>(editor, $"/api/milestones/{milestone.Id}", PlanApi.PutBody(milestone));

        Assert.Equal(["Created"], (await HistoryAsync(editor, "Milestone", milestone.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task DeletedMilestone_HistoryStillReadableByMembersWithDeletedEntry()
    {
        var email = await app.AddUserAsync(PartnershipRole.SupportOfficer);
        using var editor = await app.ApiClientAsync(email);
        // Nothing is deleted from an approved edition, so this milestone is a draft's.
        var milestone = await NewMilestoneAsync(editor, "Soon gone", await app.DraftEditionIdAsync());

        using (var deleted = await PlanApi.DeleteAsync(editor, $"/api/milestones/{milestone.Id}", version: 1))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var history = await HistoryAsync(editor, "Milestone", milestone.Id);
        Assert.Equal(["Deleted", "Created"], history.Select(e => e.Action));
        Assert.Equal("Soon gone", Change(history[0], "Text").Old);
        Assert.Equal(NameOf(email), history[0].Actor);
        using var anonymous = await app.ApiClientAsync();
        await PlanApi.ReadProblemAsync(await anonymous.GetAsync($"/api/audit?entity=Milestone&id={milestone.Id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ActionAndPriorityChanges_AreInTheirOwnHistories()
    {
        var email = await app.AddUserAsync(PartnershipRole.LeadOfficer, "dave-sargent");
        using var lead = await app.ApiClientAsync(email);
        var priority1 = await PlanApi.PriorityOfYearAsync(lead, "2010/11", 1);
        var action = await PlanApi.NewActionAsync(lead, priority1.Id, "Action a lead officer adds");
        var body = PlanApi.PutBody(action);
        body["note"] = "A note";

        await PlanApi.PutOkAsync<ActionItemJson>(lead, $"/api/actions/{action.Id}", body);

        var history = await HistoryAsync(lead, "PlanAction", action.Id);
        Assert.Equal(["Updated", "Created"], history.Select(e => e.Action));
        Assert.All(history, e => Assert.Equal("Dave Sargent", e.Actor));
        var note = Change(history[0], "Note");
        Assert.Null(note.Old);
        Assert.Equal("A note", note.New);
        await PlanApi.ReadProblemAsync(await lead.GetAsync("/api/audit?entity=Priority&id=987654"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Anonymous_GetsNotFoundProblemForHistory()
    {
        using var editor = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer));
        using var anonymous = await app.ApiClientAsync();
        var milestone = await NewMilestoneAsync(editor, "Official, published, but history is for members");

        using var refused = await anonymous.GetAsync($"/api/audit?entity=Milestone&id={milestone.Id}");
        var raw = await refused.Content.ReadAsStringAsync();
        await PlanApi.ReadProblemAsync(refused, HttpStatusCode.NotFound);

        // What is left out is checked on the raw JSON: a record cannot show an absence.
        Assert.DoesNotContain("Official, published", raw, StringComparison.Ordinal);
        using var badToken = await app.ApiClientAsync();
        badToken.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sp_not-a-real-token");
        await PlanApi.ReadProblemAsync(await badToken.GetAsync($"/api/audit?entity=Milestone&id={milestone.Id}"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("entity=Wizard&id=1", "Milestone")]
    [InlineData("entity=AuditEntry&id=1", "Milestone")]
    [InlineData("id=1", "entity")]
    [InlineData("entity=Milestone", "id")]
    public async Task BadQuery_IsBadRequestProblem(string query, string mentioned)
    {
        using var member = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember));

        var problem = await PlanApi.ReadProblemAsync(await member.GetAsync($"/api/audit?{query}"), HttpStatusCode.BadRequest);

        Assert.Contains(mentioned, problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntityName_InAnyCase_ReadsTheSameHistory()
    {
        using var member = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember));
        var milestone = (await PlanApi.PriorityOfYearAsync(member, "2010/11", 1)).Actions[0].Milestones[0];

        var exact = await HistoryAsync(member, "Milestone", milestone.Id);
        var lower = await HistoryAsync(member, "milestone", milestone.Id);
        var upper = await HistoryAsync(member, "MILESTONE", milestone.Id);

        Assert.NotEmpty(exact);
        Assert.Equal(exact.Select(e => e.Id), lower.Select(e => e.Id));
        Assert.Equal(exact.Select(e => e.Id), upper.Select(e => e.Id));
        Assert.All(lower, e => Assert.Equal("Milestone", e.Entity));
    }

    [Fact]
    public async Task EveryAuditedEntity_HistoryIsReadByItsPartnershipsMembers_AndNobodyElse()
    {
        var analystEmail = await app.AddUserAsync(PartnershipRole.Analyst);
        using var analyst = await app.ApiClientAsync(analystEmail);
        using var support = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer));
        using var board = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember));
        var other = (await Documents.BoardReportTestData.CreateAsync(app)).Slug;
        using var outsider = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Administrator, partnership: other));
        var code = $"AUD-{Guid.NewGuid().ToString("N")[..8]}";

        var indicator = await PlanApi.CreatedAsync<ItemVersionJson>(await analyst.PostAsJsonAsync($"/api/partnerships/{Slug}/indicators",
            new { code, name = "Audited indicator", unit = "Count", polarity = "LowerIsBetter", frequency = "Quarterly", source = "Manual" }));
        var value = await PlanApi.CreatedAsync<ItemVersionJson>(await analyst.PostAsJsonAsync($"/api/indicators/{indicator.Id}/values", new { period = "2010-11-q4", value = 12 }));
        var baseline = await PlanApi.CreatedAsync<ItemVersionJson>(await analyst.PostAsJsonAsync($"/api/indicators/{indicator.Id}/baselines", new { period = "2008-09", value = 20 }));
        var target = await PlanApi.CreatedAsync<ItemVersionJson>(await analyst.PostAsJsonAsync($"/api/indicators/{indicator.Id}/targets", new { year = "2010-11", kind = "AtMost", number = 15 }));
        var priority1 = await PlanApi.PriorityOfYearAsync(analyst, "2010/11", 1);
        using var linked = await analyst.PostAsJsonAsync($"/api/indicators/{indicator.Id}/links", new { priorityId = priority1.Id });
        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
        var link = await PlanApi.ReadAsync<IdJson>(linked);
        var group = await PlanApi.CreatedAsync<ItemVersionJson>(await analyst.PostAsJsonAsync($"/api/partnerships/{Slug}/crime-groups", new { name = $"Audited group {code}", crimeTypeIds = FirstMembers }));
        await PlanApi.PutOkAsync<ItemVersionJson>(analyst, $"/api/crime-groups/{group.Id}", new JsonObject { ["name"] = $"Audited group {code}", ["crimeTypeIds"] = new JsonArray(3, 10, 13) }, ifMatch: 1);
        (await analyst.PutAsJsonAsync($"/api/partnerships/{Slug}/denominators/residents/1999", new { value = 51234, source = code, version = 0 })).EnsureSuccessStatusCode();
        (await analyst.PutAsJsonAsync($"/api/partnerships/{Slug}/area", new { localAuthorityName = $"Audited {code}" })).EnsureSuccessStatusCode();
        using var briefed = await support.PostAsJsonAsync("/api/bodies/cambridgeshire-domestic-abuse-partnership/briefings", new { period = "2010-11-q2", title = $"Audited briefing {code}" });
        Assert.Equal(HttpStatusCode.Created, briefed.StatusCode);
        var briefing = await PlanApi.ReadAsync<IdJson>(briefed);

        var ids = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var partnership = await db.Partnerships.SingleAsync(p => p.Slug == Slug);
            return new Dictionary<string, int>
            {
                ["Partnership"] = partnership.Id,
                ["AreaDenominator"] = await db.Set<AreaDenominator>().Where(d => d.Source == code).Select(d => d.Id).SingleAsync(),
                ["Membership"] = await db.Memberships.Where(m => m.User.Email == analystEmail).Select(m => m.Id).SingleAsync(),
                ["Person"] = await db.People.Where(p => p.Key == "dave-sargent").Select(p => p.Id).SingleAsync(),
                ["Body"] = await db.Bodies.Where(b => b.Key == "cambridgeshire-domestic-abuse-partnership").Select(b => b.Id).SingleAsync(),
                ["Agency"] = await db.Agencies.Where(a => a.Key == "police").Select(a => a.Id).SingleAsync(),
            };
        });
        var items = new List<(string Entity, int Id, string Field)>
        {
            ("Indicator", indicator.Id, "Code"),
            ("IndicatorValue", value.Id, "Value"),
            ("IndicatorBaseline", baseline.Id, "Value"),
            ("IndicatorTarget", target.Id, "Kind"),
            ("IndicatorLink", link.Id, "PriorityId"),
            ("CrimeGroup", group.Id, "CrimeTypeIds"),
            ("AreaDenominator", ids["AreaDenominator"], "Value"),
            ("Partnership", ids["Partnership"], "AreaDefinition"),
            ("PartnerBriefing", briefing.Id, "Title"),
            ("Membership", ids["Membership"], "Role"),
            ("Person", ids["Person"], "Name"),
            ("Body", ids["Body"], "Name"),
            ("Agency", ids["Agency"], "Name"),
        };

        foreach (var (entity, id, field) in items)
        {
            var history = await HistoryAsync(board, entity.ToLowerInvariant(), id);
            Assert.True(history.Count > 0, $"{entity} {id} has no history");
            Assert.All(history, e => Assert.Equal(entity, e.Entity));
            Assert.True(history.Any(e => e.Changes.Any(c => c.Field == field)), $"{entity} {id}: no change of {field}");
            using var refused = await outsider.GetAsync($"/api/audit?entity={entity}&id={id}");
            Assert.True(refused.StatusCode == HttpStatusCode.NotFound, $"{entity} {id} read by another partnership's administrator: {(int)refused.StatusCode}");
        }

        // A change of a crime group's members alone is in its history, with the types before and after.
        var groupHistory = await HistoryAsync(board, "CrimeGroup", group.Id);
        var members = Change(groupHistory[0], "CrimeTypeIds");
        Assert.Equal("Updated", groupHistory[0].Action);
        Assert.Equal("3,10", members.Old);
        Assert.Equal("3,10,13", members.New);
    }

    [Fact]
    public async Task UpdateLinkHistory_ShowsNoTokenHash()
    {
        using var board = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember));
        var personId = await app.PersonIdAsync("dave-sargent");
        var linkId = await app.WithScopeAsync(async sp =>
        {
            var partnershipId = await sp.GetRequiredService<SaferPlanDbContext>().Partnerships.Where(p => p.Slug == Slug).Select(p => p.Id).SingleAsync();
            await sp.GetRequiredService<UpdateLinkService>().CreateAsync(partnershipId, personId, ReportingPeriod.Parse("2010-11-q4"), "audit test", TimeSpan.FromDays(1));
            return await sp.GetRequiredService<SaferPlanDbContext>().Set<UpdateLink>().Where(l => l.PersonId == personId).MaxAsync(l => l.Id);
        });

        using var response = await board.GetAsync($"/api/audit?entity=UpdateLink&id={linkId}");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"PersonId\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("TokenHash", text, StringComparison.OrdinalIgnoreCase);
        var hash = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<UpdateLink>().Where(l => l.Id == linkId).Select(l => l.TokenHash).SingleAsync());
        Assert.DoesNotContain(hash, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonHistory_ShowsEmailAddresses_OnlyToAdministratorsAndSupportOfficers()
    {
        using var board = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember));
        using var support = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer));
        var personId = await app.PersonIdAsync("dave-sargent");
        var email = $"dave.sargent.{Guid.NewGuid():N}@example.org";
        var actor = $"old.style.{Guid.NewGuid():N}@example.org";
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var person = await db.People.SingleAsync(p => p.Id == personId);
            person.Email = email;
            await db.SaveChangesAsync();

            // Written as entries were before display names: the actor's e-mail address as their name.
            db.AuditEntries.Add(new Core.Auditing.AuditEntry
            {
                EntityType = "Person", EntityId = personId, PartnershipId = person.PartnershipId, Action = Core.Auditing.AuditAction.Updated,
                Actor = actor, OccurredAt = DateTimeOffset.UtcNow, Changes = "[]",
            });
            return await db.SaveChangesAsync();
        });

        using var asBoard = await board.GetAsync($"/api/audit?entity=Person&id={personId}");
        var boardText = await asBoard.Content.ReadAsStringAsync();
        using var asSupport = await support.GetAsync($"/api/audit?entity=Person&id={personId}");
        var supportText = await asSupport.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, asBoard.StatusCode);
        Assert.DoesNotContain("@", boardText, StringComparison.Ordinal);
        Assert.Contains(actor[..actor.IndexOf('@', StringComparison.Ordinal)], boardText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, asSupport.StatusCode);
        Assert.Contains(email, supportText, StringComparison.Ordinal);
        Assert.Contains(actor, supportText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Member_ReadsDemoItemHistory_AsLoadedBySystem()
    {
        using var member = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember));
        var priority1 = await PlanApi.PriorityOfYearAsync(member, "2010/11", 1);
        var demoMilestone = priority1.Actions[0].Milestones[0];

        var history = await HistoryAsync(member, "Milestone", demoMilestone.Id);

        var created = Assert.Single(history, e => e.Action == "Created");
        Assert.Equal(demoMilestone.Text, Change(created, "Text").New);
        Assert.Equal("1.1a", Change(created, "Code").New);
    }
}

public sealed class AuditTestsOnSqlite(SqliteFactory app) : AuditTests(app), IClassFixture<SqliteFactory>;

public sealed class AuditTestsOnPostgres(PostgresFactory app) : AuditTests(app), IClassFixture<PostgresFactory>;
