using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Funding;
using SaferPlan.Web.Tests.Plans;

namespace SaferPlan.Web.Tests.Accounts;

public enum WriteEndpoint
{
    CreatePriority,
    UpdatePriority,
    DeletePriority,
    CreateAction,
    UpdateAction,
    DeleteAction,
    CreateMilestone,
    UpdateMilestone,
    DeleteMilestone,
    DeleteFundingStream,
    DeleteFundingAllocation,
    DeleteFundingSpending,
}

public enum Caller
{
    Administrator,
    SupportOfficer,
    LeadOfficerWhoLeads,
    LeadOfficerWhoDoesNotLead,
    BoardMember,
    Anonymous,
}

/// <summary>
/// Who may call each write endpoint. The targets sit under priorities Dave Sargent leads (priority 1 of 2010/11, or a
/// new priority naming him lead officer); Jenny Jolley is a lead officer too, but of priority 2. The funding targets are
/// a stream, an allocation and a payment of a draft year's plan added by a support officer: only those who edit funding
/// delete them (a lead officer only a payment they recorded, which these are not).
/// </summary>
public abstract class AuthorizationMatrixTests(SaferPlanFactory app)
{
    private const string LeadKey = "dave-sargent";
    private const string OtherLeadKey = "jenny-jolley";

    /// <summary>The exact status for each caller, in the order of <see cref="WriteEndpoint"/>.</summary>
    private static readonly Dictionary<Caller, int[]> Matrix = new()
    {
        //                                      Create  Update  Delete  Create  Update  Delete  Create  Update  Delete  Delete  Delete  Delete
        //                                      prio.   prio.   prio.   action  action  action  miles.  miles.  miles.  stream  alloc.  spend
        [Caller.Administrator] =               [201,    200,    204,    201,    200,    204,    201,    200,    204,    204,    204,    204],
        [Caller.SupportOfficer] =              [201,    200,    204,    201,    200,    204,    201,    200,    204,    204,    204,    204],
        [Caller.LeadOfficerWhoLeads] =         [403,    200,    403,    201,    200,    204,    201,    200,    204,    403,    403,    403],
        [Caller.LeadOfficerWhoDoesNotLead] =   [403,    403,    403,    403,    403,    403,    403,    403,    403,    403,    403,    403],
        [Caller.BoardMember] =                 [403,    403,    403,    403,    403,    403,    403,    403,    403,    403,    403,    403],
        [Caller.Anonymous] =                   [401,    401,    401,    401,    401,    401,    401,    401,    401,    401,    401,    401],
    };

    public static TheoryData<WriteEndpoint, Caller, int> Cases()
    {
        var data = new TheoryData<WriteEndpoint, Caller, int>();
        foreach (var (caller, statuses) in Matrix)
        {
            foreach (var endpoint in Enum.GetValues<WriteEndpoint>())
            {
                data.Add(endpoint, caller, statuses[(int)endpoint]);
            }
        }

        return data;
    }

    [Fact]
    public void Matrix_CoversEveryEndpointAndCaller()
    {
        Assert.Equal(Enum.GetValues<Caller>().Order(), Matrix.Keys.Order());
        Assert.All(Matrix.Values, statuses => Assert.Equal(Enum.GetValues<WriteEndpoint>().Length, statuses.Length));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task WriteEndpoint_CalledByRole_HasExactStatusAndOnlyChangesWhenAllowed(WriteEndpoint endpoint, Caller caller, int expected)
    {
        using var setup = await app.ApiClientAsync(await app.SharedUserAsync(PartnershipRole.SupportOfficer));
        using var client = await ClientForAsync(caller);
        var marker = $"matrix-{Guid.NewGuid():N}";
        var editionId = await PlanApi.EditionIdAsync(setup, "2010/11");
        var priority1 = (await EditionAsync(setup, editionId)).Priority(1);
        Assert.Equal(await app.PersonIdAsync(LeadKey), priority1.LeadOfficer?.Id);

        var (method, path, body, check) = endpoint switch
        {
            WriteEndpoint.CreatePriority => Create($"/api/editions/{editionId}/priorities", new JsonObject { ["title"] = marker, ["amendmentReason"] = PlanApi.AmendmentReason },
                async created => Assert.Equal(created ? 1 : 0, (await EditionAsync(setup, editionId)).Priorities.Count(p => p.Title == marker))),
            WriteEndpoint.UpdatePriority => Update(setup, Item.Of(await LedPriorityAsync(setup, editionId)), "title", marker),
            WriteEndpoint.DeletePriority => Delete(setup, Item.Of(await LedPriorityAsync(setup, await app.DraftEditionIdAsync()))),
            WriteEndpoint.CreateAction => Create($"/api/priorities/{priority1.Id}/actions", new JsonObject { ["text"] = marker, ["amendmentReason"] = PlanApi.AmendmentReason },
                async created => Assert.Equal(created ? 1 : 0, (await PlanApi.GetItemAsync<LedPriorityJson>(setup, $"/api/priorities/{priority1.Id}")).Actions.Count(a => a.Text == marker))),
            WriteEndpoint.UpdateAction => Update(setup, Item.Of(await PlanApi.NewActionAsync(setup, priority1.Id, "Action before")), "text", marker),
            WriteEndpoint.DeleteAction => Delete(setup, Item.Of(await PlanApi.NewActionAsync(setup, (await DraftPriority1Async(setup)).Id, "Action to delete"))),
            WriteEndpoint.CreateMilestone => await CreateMilestoneCaseAsync(setup, priority1.Id, marker),
            WriteEndpoint.UpdateMilestone => Update(setup, Item.Of(await MilestoneUnderPriority1Async(setup, priority1.Id)), "text", marker),
            WriteEndpoint.DeleteMilestone => Delete(setup, Item.Of(await MilestoneUnderPriority1Async(setup, (await DraftPriority1Async(setup)).Id))),
            WriteEndpoint.DeleteFundingStream => DeleteFunding<Core.Funding.FundingStream>(await FundingStreamAsync(setup, marker), "streams"),
            WriteEndpoint.DeleteFundingAllocation => DeleteFunding<Core.Funding.FundingAllocation>(await FundingAllocationAsync(setup, marker), "allocations"),
            WriteEndpoint.DeleteFundingSpending => DeleteFunding<Core.Funding.FundingSpend>(await FundingSpendAsync(setup, marker), "spending"),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
        };
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create<JsonNode>(body) };

        using var response = await client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expected, $"{caller} {endpoint}: expected {expected}, got {(int)response.StatusCode}: {text}");
        if (expected >= 400)
        {
            Assert.Equal(PlanApi.ProblemJson, response.Content.Headers.ContentType?.MediaType);
        }

        await check(expected < 400);
    }

    private async Task<HttpClient> ClientForAsync(Caller caller) => caller switch
    {
        Caller.Administrator => await app.ApiClientAsync(await app.SharedUserAsync(PartnershipRole.Administrator)),
        Caller.SupportOfficer => await app.ApiClientAsync(await app.SharedUserAsync(PartnershipRole.SupportOfficer)),
        Caller.LeadOfficerWhoLeads => await app.ApiClientAsync(await LeadOfficerAsync(LeadKey)),
        Caller.LeadOfficerWhoDoesNotLead => await app.ApiClientAsync(await LeadOfficerAsync(OtherLeadKey)),
        Caller.BoardMember => await app.ApiClientAsync(await app.SharedUserAsync(PartnershipRole.BoardMember)),
        Caller.Anonymous => await app.ApiClientAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    /// <summary>
    /// The person's user, a lead officer, added on first use only: adding an existing user again resets their password,
    /// which is not what these tests are about.
    /// </summary>
    private async Task<string> LeadOfficerAsync(string personKey)
    {
        var existing = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var email = await db.People.Where(p => p.Key == personKey).Select(p => p.Email).SingleAsync();
            return await db.Users.AnyAsync(u => u.Email == email) ? email : null;
        });
        return existing ?? await app.AddUserAsync(PartnershipRole.LeadOfficer, personKey);
    }

    /// <summary>
    /// Priority 1 of the test host's draft edition, which Dave Sargent leads as he does 2010/11's: deleting is tried there,
    /// since nothing is deleted from an approved edition.
    /// </summary>
    private async Task<LedPriorityJson> DraftPriority1Async(HttpClient setup)
    {
        var draft = await EditionAsync(setup, await app.DraftEditionIdAsync());
        var priority1 = draft.Priorities.Single(p => p.Number == 1);
        Assert.Equal(await app.PersonIdAsync(LeadKey), priority1.LeadOfficer?.Id);
        return priority1;
    }

    /// <summary>An edition's tree as the tests' record of it, with each priority's lead officer.</summary>
    private static async Task<LedEditionJson> EditionAsync(HttpClient client, int editionId) =>
        await PlanApi.OkJsonAsync<LedEditionJson>(await client.GetAsync($"/api/editions/{editionId}"));

    /// <summary>A new priority of the edition that Dave Sargent leads.</summary>
    private async Task<PriorityItemJson> LedPriorityAsync(HttpClient setup, int editionId) =>
        await PlanApi.NewPriorityAsync(setup, editionId, $"Led by {LeadKey}", await app.PersonIdAsync(LeadKey));

    private static async Task<MilestoneItemJson> MilestoneUnderPriority1Async(HttpClient setup, int priority1Id)
    {
        var action = await PlanApi.NewActionAsync(setup, priority1Id, "Action with a milestone");
        return await PlanApi.NewMilestoneAsync(setup, action.Id, "Milestone before");
    }

    private static async Task<Case> CreateMilestoneCaseAsync(HttpClient setup, int priority1Id, string marker)
    {
        var action = await PlanApi.NewActionAsync(setup, priority1Id, "Action for a new milestone");
        return Create($"/api/actions/{action.Id}/milestones", new JsonObject { ["text"] = marker, ["amendmentReason"] = PlanApi.AmendmentReason },
            async created => Assert.Equal(created ? 1 : 0, (await PlanApi.GetItemAsync<LedActionJson>(setup, $"/api/actions/{action.Id}")).Milestones.Count(m => m.Text == marker)));
    }

    private static Case Create(string path, JsonObject body, Func<bool, Task> check) => new(HttpMethod.Post, path, body, check);

    /// <summary>A plan item as the matrix changes it: where it lives, its version, and its PUT body built from its record.</summary>
    private sealed record Item(string Kind, int Id, int Version, JsonObject Body)
    {
        public string Path => $"/api/{Kind}/{Id}";

        public static Item Of(PriorityItemJson p) => new("priorities", p.Id, p.Version, PlanApi.PutBody(p));

        public static Item Of(ActionItemJson a) => new("actions", a.Id, a.Version, PlanApi.PutBody(a));

        public static Item Of(MilestoneItemJson m) => new("milestones", m.Id, m.Version, PlanApi.PutBody(m));
    }

    /// <summary>Changes one field, keeping the rest (number and lead officer included) as read.</summary>
    private static Case Update(HttpClient setup, Item item, string field, string value)
    {
        var before = (string?)item.Body[field];
        var body = item.Body.DeepClone().AsObject();
        body[field] = value;
        return new(HttpMethod.Put, item.Path, body, async saved =>
        {
            // The field is named by the case, so it is read by name from the item as the API gives it.
            var now = await PlanApi.OkJsonAsync<JsonObject>(await setup.GetAsync(item.Path));
            Assert.Equal(saved ? value : before, (string?)now[field]);
            Assert.Equal(saved ? 2 : 1, (int?)now["version"]);
        });
    }

    private static Case Delete(HttpClient setup, Item item)
    {
        var path = item.Path;
        return new(HttpMethod.Delete, $"{path}?version={item.Version}", null, async deleted =>
        {
            if (deleted)
            {
                await PlanApi.AssertNotFoundAsync(setup, path);
            }
            else
            {
                Assert.Equal(item.Version, (await PlanApi.GetItemAsync<ItemVersionJson>(setup, path)).Version);
            }
        });
    }

    private sealed record Case(HttpMethod Method, string Path, JsonObject? Body, Func<bool, Task> Check);

    /// <summary>A draft year of the demo partnership's funding no other test uses, so nothing there is agreed.</summary>
    private const string FundingYear = "2024-25";

    private static async Task<FundingStreamJson> FundingStreamAsync(HttpClient setup, string marker) =>
        await PlanApi.CreatedAsync<FundingStreamJson>(await setup.PostAsJsonAsync($"/api/partnerships/south-cambridgeshire/funding/streams?year={FundingYear}", new { name = marker, amount = 1000, received = true }));

    private static async Task<FundingAllocationJson> FundingAllocationAsync(HttpClient setup, string marker) =>
        await PlanApi.CreatedAsync<FundingAllocationJson>(await setup.PostAsJsonAsync($"/api/partnerships/south-cambridgeshire/funding/allocations?year={FundingYear}",
            new { streamId = (await FundingStreamAsync(setup, marker)).Id, name = marker, amount = 500, status = "Confirmed" }));

    private static async Task<FundingSpendJson> FundingSpendAsync(HttpClient setup, string marker) =>
        await PlanApi.CreatedAsync<FundingSpendJson>(await setup.PostAsJsonAsync($"/api/partnerships/south-cambridgeshire/funding/spending?year={FundingYear}",
            new { allocationId = (await FundingAllocationAsync(setup, marker)).Id, spentOn = $"{FundingYear[..4]}-05-01", amount = 25, payee = "Secure Guarding Ltd", payeeIsPublic = true, purchase = "Security staff", transactionId = marker[..20] }));

    /// <summary>Deletes a funding item by its version; afterwards it is gone, or still there at the same version.</summary>
    private Case DeleteFunding<T>(IItemJson item, string kind)
        where T : class, IVersioned
    {
        var id = item.Id;
        return new(HttpMethod.Delete, $"/api/funding/{kind}/{id}?version={item.Version}", null, async deleted =>
        {
            var version = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<T>()
                .Where(e => e.Id == id).Select(e => (int?)e.Version).SingleOrDefaultAsync());
            Assert.Equal(deleted ? null : item.Version, version);
        });
    }

    [Fact]
    public async Task LeadOfficer_ChangingNumbersLeadsOrPlaces_IsForbiddenAndNothingChanges()
    {
        using var setup = await app.ApiClientAsync(await app.SharedUserAsync(PartnershipRole.SupportOfficer));
        using var lead = await app.ApiClientAsync(await LeadOfficerAsync(LeadKey));
        var editionId = await PlanApi.EditionIdAsync(setup, "2010/11");
        var otherLeadId = await app.PersonIdAsync(OtherLeadKey);
        var priority = await LedPriorityAsync(setup, editionId);
        var created = await PlanApi.GetItemAsync<LedPriorityJson>(setup, $"/api/priorities/{priority.Id}");
        var action = await PlanApi.NewActionAsync(lead, priority.Id, "Lead's action");
        var milestone = await PlanApi.NewMilestoneAsync(lead, action.Id, "Lead's milestone");
        var otherAction = await PlanApi.NewActionAsync(lead, priority.Id, "Lead's other action");
        var priority3 = (await EditionAsync(setup, editionId)).Priority(3);
        Assert.Equal(await app.PersonIdAsync(LeadKey), priority3.LeadOfficer?.Id);

        var renumbered = PlanApi.PutBody(priority);
        renumbered["number"] = 98;
        var handedOver = PlanApi.PutBody(priority);
        handedOver["leadOfficerId"] = otherLeadId;
        var movedAction = PlanApi.PutBody(action);
        movedAction["priorityId"] = priority3.Id;
        var ledAction = PlanApi.PutBody(action);
        ledAction["leadOfficerId"] = otherLeadId;
        var movedMilestone = PlanApi.PutBody(milestone);
        movedMilestone["actionId"] = otherAction.Id;

        await PlanApi.ReadProblemAsync(await PlanApi.PutAsync(lead, $"/api/priorities/{priority.Id}", renumbered), HttpStatusCode.Forbidden);
        await PlanApi.ReadProblemAsync(await PlanApi.PutAsync(lead, $"/api/priorities/{priority.Id}", handedOver), HttpStatusCode.Forbidden);
        await PlanApi.ReadProblemAsync(await PlanApi.PutAsync(lead, $"/api/actions/{action.Id}", movedAction), HttpStatusCode.Forbidden);
        await PlanApi.ReadProblemAsync(await PlanApi.PutAsync(lead, $"/api/actions/{action.Id}", ledAction), HttpStatusCode.Forbidden);
        await PlanApi.ReadProblemAsync(await PlanApi.PutAsync(lead, $"/api/milestones/{milestone.Id}", movedMilestone), HttpStatusCode.Forbidden);
        await PlanApi.ReadProblemAsync(
            await lead.PostAsJsonAsync($"/api/priorities/{priority.Id}/actions", new { text = "Named lead", leadOfficerId = otherLeadId }), HttpStatusCode.Forbidden);
        await PlanApi.ReadProblemAsync(
            await lead.PostAsJsonAsync($"/api/actions/{action.Id}/milestones", new { text = "Named lead", leadOfficerId = otherLeadId }), HttpStatusCode.Forbidden);

        var priorityNow = await PlanApi.GetItemAsync<LedPriorityJson>(setup, $"/api/priorities/{priority.Id}");
        Assert.Equal(created.Number, priorityNow.Number);
        Assert.Equal(await app.PersonIdAsync(LeadKey), priorityNow.LeadOfficer?.Id);
        Assert.Equal(1, priorityNow.Version);
        var actions = priorityNow.Actions;
        Assert.Equal([action.Id, otherAction.Id], actions.Select(a => a.Id));
        Assert.All(actions, a => Assert.Null(a.LeadOfficer));
        Assert.Equal([milestone.Id], actions[0].Milestones.Select(m => m.Id));
        Assert.Empty(actions[1].Milestones);
    }

    [Theory]
    [InlineData("priorities")]
    [InlineData("actions")]
    [InlineData("milestones")]
    public async Task RestrictedItem_IsHiddenFromVisitorsEverywhereButShownToBoardMembers(string kind)
    {
        using var support = await app.ApiClientAsync(await app.SharedUserAsync(PartnershipRole.SupportOfficer));
        using var anonymous = await app.ApiClientAsync();
        using var board = await app.ApiClientAsync(await app.SharedUserAsync(PartnershipRole.BoardMember));
        var marker = Guid.NewGuid().ToString("N");
        var editionId = await PlanApi.EditionIdAsync(support, "2010/11");
        var priority = await PlanApi.NewPriorityAsync(support, editionId, "Official priority");
        var action = await PlanApi.NewActionAsync(support, priority.Id, "Official action");
        var milestone = await PlanApi.NewMilestoneAsync(support, action.Id, "Official milestone");
        var (item, field, entity) = kind switch
        {
            "priorities" => (Item.Of(priority), "title", "Priority"),
            "actions" => (Item.Of(action), "text", "PlanAction"),
            _ => (Item.Of(milestone), "text", "Milestone"),
        };
        var body = item.Body;
        body[field] = $"Restricted {marker}";
        body["marking"] = "Restricted";
        var restricted = await PlanApi.PutOkAsync<Monitoring.MarkedItemJson>(support, item.Path, body);
        Assert.Equal("Restricted", restricted.Marking);

        // The item and everything under it are not there for visitors.
        var hidden = new List<string> { item.Path, $"/api/milestones/{milestone.Id}" };
        if (kind == "priorities")
        {
            hidden.Add($"/api/actions/{action.Id}");
        }

        foreach (var path in hidden)
        {
            var problem = await PlanApi.ProblemAsync(await anonymous.GetAsync(path), HttpStatusCode.NotFound);
            Assert.DoesNotContain(marker, problem.GetRawText(), StringComparison.Ordinal);
        }

        using (var page = await anonymous.GetAsync($"/milestones/{milestone.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.DoesNotContain(marker, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Nor anywhere they can look.
        var visitorViews = new List<string> { $"/api/editions/{editionId}", $"/editions/{editionId}", $"/api/audit?entity={entity}&id={item.Id}" };
        if (kind != "priorities")
        {
            visitorViews.Add($"/api/priorities/{priority.Id}");
        }

        if (kind == "milestones")
        {
            visitorViews.Add($"/api/actions/{action.Id}");
        }

        foreach (var path in visitorViews)
        {
            using var response = await anonymous.GetAsync(path);
            var content = await response.Content.ReadAsStringAsync();
            Assert.True(path.StartsWith("/api/audit", StringComparison.Ordinal) ? response.StatusCode == HttpStatusCode.NotFound : response.IsSuccessStatusCode,
                $"Anonymous GET {path}: {(int)response.StatusCode}");
            Assert.DoesNotContain(marker, content, StringComparison.Ordinal);
        }

        // What is not restricted is still published.
        var published = (await EditionAsync(anonymous, editionId)).Priorities;
        Assert.Contains(published, p => p.Title == "Reducing Serious Acquisitive Crime");
        var publishedPriority = published.Where(p => p.Id == priority.Id).ToList();
        if (kind == "priorities")
        {
            Assert.Empty(publishedPriority);
        }
        else
        {
            var publishedActions = Assert.Single(publishedPriority).Actions;
            if (kind == "actions")
            {
                Assert.Empty(publishedActions);
            }
            else
            {
                Assert.Empty(Assert.Single(publishedActions, a => a.Id == action.Id).Milestones);
            }
        }

        // A board member of the partnership sees it, and its history.
        Assert.Contains(marker, await board.GetStringAsync($"/api/editions/{editionId}"), StringComparison.Ordinal);
        Assert.Equal($"Restricted {marker}", (string?)(await PlanApi.OkJsonAsync<JsonObject>(await board.GetAsync(item.Path)))[field]);
        Assert.Contains(marker, await board.GetStringAsync($"/api/audit?entity={entity}&id={item.Id}"), StringComparison.Ordinal);
        Assert.Contains(marker, await board.GetStringAsync($"/api/priorities/{priority.Id}"), StringComparison.Ordinal);
    }
}

/// <summary>Provider-neutral (no query of its own to check), so run on SQLite only.</summary>
public sealed class AuthorizationMatrixTestsOnSqlite(SqliteFactory app) : AuthorizationMatrixTests(app), IClassFixture<SqliteFactory>;
