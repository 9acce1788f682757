using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SaferPlan.Core.Accounts;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Plans;

/// <summary>
/// What of the plan API rests on the database itself (text columns of 4,000 characters, the due quarters' column, unique
/// action numbers, a priority's delete taking its actions and milestones): run on both databases.
/// </summary>
public abstract class PlanApiStorageTests(SaferPlanFactory app)
{
    protected SaferPlanFactory App => app;

    protected async Task<HttpClient> SupportOfficerAsync() => await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer));

    /// <summary>
    /// A new priority in 2010/11 (or in the edition given: a draft, for a test that deletes, which the approved 2010/11
    /// edition refuses) with one action and one milestone under it, all this test's own.
    /// </summary>
    protected static async Task<(int EditionId, JsonElement Priority, JsonElement Action, JsonElement Milestone)> OwnItemsAsync(HttpClient client, int? inEdition = null)
    {
        var editionId = inEdition ?? await PlanApi.EditionIdAsync(client, "2010/11");
        var priority = await PlanApi.CreatePriorityAsync(client, editionId, $"Test priority {Guid.NewGuid():N}");
        var action = await PlanApi.CreateActionAsync(client, priority.Id(), "Test action");
        var milestone = await PlanApi.CreateMilestoneAsync(client, action.Id(), "Test milestone");
        return (editionId, priority, action, milestone);
    }

    [Fact]
    public async Task Action_DuplicateNumberInSameEdition_IsRefusedNamingNumberAndNothingChanges()
    {
        using var client = await SupportOfficerAsync();
        var (_, priority, action, _) = await OwnItemsAsync(client);

        await PlanApi.ValidationProblemAsync(
            await client.PostAsJsonAsync($"/api/priorities/{priority.Id()}/actions", new { number = "1.1", text = "A second 1.1" }), "number");
        var body = PlanApi.PutBody(action);
        body["number"] = "2.3";
        body["text"] = "Renumbered";
        await PlanApi.ValidationProblemAsync(await PlanApi.PutAsync(client, $"/api/actions/{action.Id()}", body), "number");

        var after = await PlanApi.GetItemAsync(client, $"/api/priorities/{priority.Id()}");
        var actions = after.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal([action.Str("number")], actions.Select(a => a.Str("number")));
        Assert.Equal("Test action", actions[0].Str("text"));
        Assert.Equal(1, actions[0].Version());
    }

    [Fact]
    public async Task Text_Of4000Characters_IsSavedWhole()
    {
        using var client = await SupportOfficerAsync();
        var (_, _, action, milestone) = await OwnItemsAsync(client);
        var longest = string.Concat(Enumerable.Repeat("0123456789", 400));
        var actionBody = PlanApi.PutBody(action);
        actionBody["text"] = longest;
        var milestoneBody = PlanApi.PutBody(milestone);
        milestoneBody["text"] = longest;
        milestoneBody["measurement"] = longest;

        await PlanApi.PutOkAsync(client, $"/api/actions/{action.Id()}", actionBody);
        await PlanApi.PutOkAsync(client, $"/api/milestones/{milestone.Id()}", milestoneBody);

        Assert.Equal(longest, (await PlanApi.GetItemAsync(client, $"/api/actions/{action.Id()}")).Str("text"));
        var saved = await PlanApi.GetItemAsync(client, $"/api/milestones/{milestone.Id()}");
        Assert.Equal(longest, saved.Str("text"));
        Assert.Equal(longest, saved.Str("measurement"));
    }

    /// <summary>Five years of quarters is 219 characters once stored; the column holds 200.</summary>
    [Fact]
    public async Task Milestone_DueQuartersLongerThanTheColumn_IsRefusedNamingDueQuarters()
    {
        using var client = await SupportOfficerAsync();
        var (_, _, action, milestone) = await OwnItemsAsync(client);
        var quarters = Enumerable.Range(2010, 5).SelectMany(y => Enumerable.Range(1, 4).Select(q => $"{y}/{(y + 1) % 100:00} Q{q}")).ToArray();
        var body = PlanApi.PutBody(milestone);
        body["dueQuarters"] = new System.Text.Json.Nodes.JsonArray(quarters.Select(q => (System.Text.Json.Nodes.JsonNode?)q).ToArray());

        await PlanApi.ValidationProblemAsync(await PlanApi.PutAsync(client, $"/api/milestones/{milestone.Id()}", body), "dueQuarters");

        var after = await PlanApi.GetItemAsync(client, $"/api/milestones/{milestone.Id()}");
        Assert.Empty(after.GetProperty("dueQuarters").EnumerateArray());
        Assert.Equal(1, after.Version());
        Assert.Single((await PlanApi.GetItemAsync(client, $"/api/actions/{action.Id()}")).GetProperty("milestones").EnumerateArray());
    }

    [Fact]
    public async Task Delete_Priority_TakesItsActionsAndMilestonesWithIt()
    {
        using var client = await SupportOfficerAsync();
        var (_, priority, action, milestone) = await OwnItemsAsync(client, await app.DraftEditionIdAsync());

        using (var deleted = await PlanApi.DeleteAsync(client, $"/api/priorities/{priority.Id()}", version: 1))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await PlanApi.AssertNotFoundAsync(client, $"/api/priorities/{priority.Id()}");
        await PlanApi.AssertNotFoundAsync(client, $"/api/actions/{action.Id()}");
        await PlanApi.AssertNotFoundAsync(client, $"/api/milestones/{milestone.Id()}");
    }
}

/// <summary>Creating, reading, updating and deleting priorities, actions and milestones through the API, and what it refuses.</summary>
public abstract class PlanApiTests(SaferPlanFactory app) : PlanApiStorageTests(app)
{
    [Fact]
    public async Task Priority_CreateReadUpdateDelete_TracksVersionsAndIsGoneAfterDelete()
    {
        using var client = await SupportOfficerAsync();
        var editionId = await App.DraftEditionIdAsync();
        var highest = (await PlanApi.EditionAsync(client, editionId)).GetProperty("priorities").EnumerateArray().Max(p => p.GetProperty("number").GetInt32());

        var created = await PlanApi.CreatePriorityAsync(client, editionId, "Reducing rural theft");

        Assert.Equal(highest + 1, created.GetProperty("number").GetInt32());
        Assert.Equal(editionId, created.GetProperty("editionId").GetInt32());
        Assert.Equal("Priority", created.Str("kind"));
        Assert.Equal("Official", created.Str("marking"));
        var path = $"/api/priorities/{created.Id()}";
        var read = await PlanApi.GetItemAsync(client, path);
        Assert.Equal("Reducing rural theft", read.Str("title"));
        Assert.Equal(1, read.Version());

        var byIfMatch = PlanApi.PutBody(read);
        byIfMatch.Remove("version");
        byIfMatch["title"] = "Reducing rural and farm theft";
        byIfMatch["why"] = "Farm machinery thefts doubled.";
        var updated = await PlanApi.PutOkAsync(client, path, byIfMatch, ifMatch: 1);
        Assert.Equal(2, updated.Version());
        Assert.Equal("Reducing rural and farm theft", updated.Str("title"));
        Assert.Equal("Farm machinery thefts doubled.", updated.Str("why"));

        var byBody = PlanApi.PutBody(updated);
        byBody["title"] = "Reducing theft from farms";
        var again = await PlanApi.PutOkAsync(client, path, byBody);
        Assert.Equal(3, again.Version());

        var reread = await PlanApi.GetItemAsync(client, path);
        Assert.Equal("Reducing theft from farms", reread.Str("title"));
        Assert.Equal("Farm machinery thefts doubled.", reread.Str("why"));
        Assert.Equal(3, reread.Version());

        using (var deleted = await PlanApi.DeleteAsync(client, path, version: 3))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await PlanApi.AssertNotFoundAsync(client, path);
        Assert.DoesNotContain((await PlanApi.EditionAsync(client, editionId)).GetProperty("priorities").EnumerateArray(), p => p.Id() == created.Id());
    }

    [Fact]
    public async Task Action_CreateReadUpdateDelete_NumbersFromItsPriorityAndTracksVersions()
    {
        using var client = await SupportOfficerAsync();
        var editionId = await App.DraftEditionIdAsync();
        var priority = await PlanApi.CreatePriorityAsync(client, editionId, "Action numbering");
        var n = priority.GetProperty("number").GetInt32();

        var first = await PlanApi.CreateActionAsync(client, priority.Id(), "Run a property marking day");
        var second = await PlanApi.CreateActionAsync(client, priority.Id(), "  Visit every farm in the district  ");

        Assert.Equal($"{n}.1", first.Str("number"));
        Assert.Equal($"{n}.2", second.Str("number"));
        Assert.Equal("Visit every farm in the district", second.Str("text"));
        Assert.Equal(priority.Id(), first.GetProperty("priorityId").GetInt32());
        var path = $"/api/actions/{first.Id()}";
        var read = await PlanApi.GetItemAsync(client, path);
        Assert.Equal("Run a property marking day", read.Str("text"));

        var byIfMatch = PlanApi.PutBody(read);
        byIfMatch.Remove("version");
        byIfMatch["text"] = "Run two property marking days";
        byIfMatch["leadAgency"] = "Police";
        var updated = await PlanApi.PutOkAsync(client, path, byIfMatch, ifMatch: 1);
        Assert.Equal(2, updated.Version());

        var byBody = PlanApi.PutBody(updated);
        byBody["note"] = "Dates to be agreed with the parish councils";
        var again = await PlanApi.PutOkAsync(client, path, byBody);
        Assert.Equal(3, again.Version());

        var reread = await PlanApi.GetItemAsync(client, path);
        Assert.Equal("Run two property marking days", reread.Str("text"));
        Assert.Equal("Police", reread.Str("leadAgency"));
        Assert.Equal("Dates to be agreed with the parish councils", reread.Str("note"));

        using (var deleted = await PlanApi.DeleteAsync(client, path, version: 3))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await PlanApi.AssertNotFoundAsync(client, path);
        var remaining = await PlanApi.GetItemAsync(client, $"/api/priorities/{priority.Id()}");
        Assert.Equal([second.Id()], remaining.GetProperty("actions").EnumerateArray().Select(a => a.Id()));
    }

    [Fact]
    public async Task Milestone_CreateReadUpdateDelete_LettersFromItsActionAndTracksVersions()
    {
        using var client = await SupportOfficerAsync();
        var (_, _, action, milestone) = await OwnItemsAsync(client, await App.DraftEditionIdAsync());
        var number = action.Str("number");

        var second = await PlanApi.CreateMilestoneAsync(client, action.Id(), "Second milestone");

        Assert.Equal($"{number}a", milestone.Str("code"));
        Assert.Equal($"{number}b", second.Str("code"));
        Assert.Equal(action.Id(), milestone.GetProperty("actionId").GetInt32());
        var path = $"/api/milestones/{milestone.Id()}";
        var read = await PlanApi.GetItemAsync(client, path);
        Assert.Equal("Test milestone", read.Str("text"));
        Assert.Equal("Text", read.Str("measurementKind"));

        var byIfMatch = PlanApi.PutBody(read);
        byIfMatch.Remove("version");
        byIfMatch["text"] = "Marking day held";
        byIfMatch["measurementKind"] = "YesNo";
        byIfMatch["dueQuarters"] = new System.Text.Json.Nodes.JsonArray("2010/11 Q2", "2010-11-q4");
        var updated = await PlanApi.PutOkAsync(client, path, byIfMatch, ifMatch: 1);
        Assert.Equal(2, updated.Version());
        Assert.Equal(["2010-11-q2", "2010-11-q4"], updated.GetProperty("dueQuarters").EnumerateArray().Select(q => q.GetString()));

        var byBody = PlanApi.PutBody(updated);
        byBody["target"] = "Yes";
        var again = await PlanApi.PutOkAsync(client, path, byBody);
        Assert.Equal(3, again.Version());

        var reread = await PlanApi.GetItemAsync(client, path);
        Assert.Equal("Marking day held", reread.Str("text"));
        Assert.Equal("YesNo", reread.Str("measurementKind"));
        Assert.Equal("Yes", reread.Str("target"));
        Assert.Equal(["2010-11-q2", "2010-11-q4"], reread.GetProperty("dueQuarters").EnumerateArray().Select(q => q.GetString()));

        using (var deleted = await PlanApi.DeleteAsync(client, path, version: 3))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await PlanApi.AssertNotFoundAsync(client, path);
        var remaining = await PlanApi.GetItemAsync(client, $"/api/actions/{action.Id()}");
        Assert.Equal([second.Id()], remaining.GetProperty("milestones").EnumerateArray().Select(m => m.Id()));
    }

    [Fact]
    public async Task Action_BlankNumberUnderDemoPriority1_GetsNextNumberAndMilestonesNextLetter()
    {
        using var client = await SupportOfficerAsync();
        var priority1 = await PlanApi.DemoPriorityAsync(client, "2010/11", 1);
        Assert.Equal("1.7", priority1.GetProperty("actions").EnumerateArray().Last().Str("number"));

        var action = await PlanApi.CreateActionAsync(client, priority1.Id(), "Target hardening in rural villages", number: "  ");
        var a = await PlanApi.CreateMilestoneAsync(client, action.Id(), "Villages chosen");
        var b = await PlanApi.CreateMilestoneAsync(client, action.Id(), "Kits handed out", code: "");

        Assert.Equal("1.8", action.Str("number"));
        Assert.Equal("1.8a", a.Str("code"));
        Assert.Equal("1.8b", b.Str("code"));
        var priority = await PlanApi.GetItemAsync(client, $"/api/priorities/{priority1.Id()}");
        Assert.Equal("1.8", priority.GetProperty("actions").EnumerateArray().Last().Str("number"));
    }

    [Fact]
    public async Task Milestone_BlankCodeUnderDemoAction_GetsLetterAfterTheLast()
    {
        using var client = await SupportOfficerAsync();
        var priority3 = await PlanApi.DemoPriorityAsync(client, "2010/11", 3);
        var action31 = priority3.GetProperty("actions").EnumerateArray().Single(a => a.Str("number") == "3.1");
        Assert.Equal("3.1e", action31.GetProperty("milestones").EnumerateArray().Last().Str("code"));

        var created = await PlanApi.CreateMilestoneAsync(client, action31.Id(), "Refuge places reviewed");

        Assert.Equal("3.1f", created.Str("code"));
    }

    [Fact]
    public async Task Milestone_MovedToActionOfAnotherEdition_IsRefusedNamingActionIdAndNotMoved()
    {
        using var client = await SupportOfficerAsync();
        var (_, _, action, milestone) = await OwnItemsAsync(client);
        var otherEdition = await PlanApi.EditionAsync(client, await PlanApi.EditionIdAsync(client, "2009/10"));
        var elsewhere = otherEdition.GetProperty("priorities")[0].GetProperty("actions")[0].Id();
        var path = $"/api/milestones/{milestone.Id()}";
        var body = PlanApi.PutBody(milestone);
        body["actionId"] = elsewhere;
        body["text"] = "Moved";

        await PlanApi.ValidationProblemAsync(await PlanApi.PutAsync(client, path, body), "actionId");

        var after = await PlanApi.GetItemAsync(client, path);
        Assert.Equal(action.Id(), after.GetProperty("actionId").GetInt32());
        Assert.Equal("Test milestone", after.Str("text"));
        Assert.Equal(1, after.Version());
        var target = await PlanApi.GetItemAsync(client, $"/api/actions/{elsewhere}");
        Assert.DoesNotContain(target.GetProperty("milestones").EnumerateArray(), m => m.Id() == milestone.Id());
    }

    [Fact]
    public async Task Milestone_MovedToAnotherActionOfTheSameEdition_IsMoved()
    {
        using var client = await SupportOfficerAsync();
        var (_, priority, _, milestone) = await OwnItemsAsync(client);
        var other = await PlanApi.CreateActionAsync(client, priority.Id(), "Second action");
        var body = PlanApi.PutBody(milestone);
        body["actionId"] = other.Id();

        var moved = await PlanApi.PutOkAsync(client, $"/api/milestones/{milestone.Id()}", body);

        Assert.Equal(other.Id(), moved.GetProperty("actionId").GetInt32());
        var target = await PlanApi.GetItemAsync(client, $"/api/actions/{other.Id()}");
        Assert.Contains(target.GetProperty("milestones").EnumerateArray(), m => m.Id() == milestone.Id());
    }

    [Fact]
    public async Task Action_MovedToPriorityOfAnotherEdition_IsRefusedNamingPriorityIdAndNotMoved()
    {
        using var client = await SupportOfficerAsync();
        var (_, priority, action, _) = await OwnItemsAsync(client);
        var elsewhere = (await PlanApi.DemoPriorityAsync(client, "2009/10", 1)).Id();
        var path = $"/api/actions/{action.Id()}";
        var body = PlanApi.PutBody(action);
        body["priorityId"] = elsewhere;

        await PlanApi.ValidationProblemAsync(await PlanApi.PutAsync(client, path, body), "priorityId");

        var after = await PlanApi.GetItemAsync(client, path);
        Assert.Equal(priority.Id(), after.GetProperty("priorityId").GetInt32());
        Assert.Equal(1, after.Version());
    }

    [Fact]
    public async Task Priority_BlankTitle_IsRefusedNamingTitleAndNothingChanges()
    {
        using var client = await SupportOfficerAsync();
        var (editionId, priority, _, _) = await OwnItemsAsync(client);
        var count = (await PlanApi.EditionAsync(client, editionId)).GetProperty("priorities").GetArrayLength();

        await PlanApi.ValidationProblemAsync(
            await client.PostAsJsonAsync($"/api/editions/{editionId}/priorities", new { title = "   " }), "title");
        var body = PlanApi.PutBody(priority);
        body["title"] = "";
        await PlanApi.ValidationProblemAsync(await PlanApi.PutAsync(client, $"/api/priorities/{priority.Id()}", body), "title");

        Assert.Equal(count, (await PlanApi.EditionAsync(client, editionId)).GetProperty("priorities").GetArrayLength());
        var after = await PlanApi.GetItemAsync(client, $"/api/priorities/{priority.Id()}");
        Assert.Equal(priority.Str("title"), after.Str("title"));
        Assert.Equal(1, after.Version());
    }

    [Fact]
    public async Task Milestone_TextOf4001Characters_IsRefusedNamingTextAndNothingChanges()
    {
        using var client = await SupportOfficerAsync();
        var (_, _, action, milestone) = await OwnItemsAsync(client);
        var tooLong = new string('x', 4001);

        await PlanApi.ValidationProblemAsync(
            await client.PostAsJsonAsync($"/api/actions/{action.Id()}/milestones", new { text = tooLong }), "text");
        var body = PlanApi.PutBody(milestone);
        body["text"] = tooLong;
        await PlanApi.ValidationProblemAsync(await PlanApi.PutAsync(client, $"/api/milestones/{milestone.Id()}", body), "text");

        var after = await PlanApi.GetItemAsync(client, $"/api/actions/{action.Id()}");
        var milestones = after.GetProperty("milestones").EnumerateArray().ToList();
        Assert.Single(milestones);
        Assert.Equal("Test milestone", milestones[0].Str("text"));
        Assert.Equal(1, milestones[0].Version());
    }

    [Fact]
    public async Task Action_TextOf4001Characters_IsRefusedNamingText()
    {
        using var client = await SupportOfficerAsync();
        var (_, priority, action, _) = await OwnItemsAsync(client);
        var body = PlanApi.PutBody(action);
        body["text"] = new string('y', 4001);

        await PlanApi.ValidationProblemAsync(await PlanApi.PutAsync(client, $"/api/actions/{action.Id()}", body), "text");
        await PlanApi.ValidationProblemAsync(
            await client.PostAsJsonAsync($"/api/priorities/{priority.Id()}/actions", new { text = new string('y', 4001) }), "text");

        var after = await PlanApi.GetItemAsync(client, $"/api/priorities/{priority.Id()}");
        Assert.Equal(["Test action"], after.GetProperty("actions").EnumerateArray().Select(a => a.Str("text")));
    }

    [Theory]
    [InlineData("2010/13 Q5")]
    [InlineData("2010/11 Q5")]
    [InlineData("2010/12 Q1")]
    [InlineData("2010/11")]
    [InlineData("next spring")]
    public async Task Milestone_MalformedDueQuarters_IsRefusedNamingDueQuartersAndNothingChanges(string quarter)
    {
        using var client = await SupportOfficerAsync();
        var (_, _, action, milestone) = await OwnItemsAsync(client);
        var body = PlanApi.PutBody(milestone);
        body["dueQuarters"] = new System.Text.Json.Nodes.JsonArray("2010/11 Q1", quarter);

        var problem = await PlanApi.ValidationProblemAsync(await PlanApi.PutAsync(client, $"/api/milestones/{milestone.Id()}", body), "dueQuarters");
        await PlanApi.ValidationProblemAsync(
            await client.PostAsJsonAsync($"/api/actions/{action.Id()}/milestones", new { text = "Due sometime", dueQuarters = new[] { quarter } }), "dueQuarters");

        Assert.Contains(quarter, problem.GetProperty("errors").GetProperty("dueQuarters")[0].GetString(), StringComparison.Ordinal);
        var after = await PlanApi.GetItemAsync(client, $"/api/actions/{action.Id()}");
        var milestones = after.GetProperty("milestones").EnumerateArray().ToList();
        Assert.Single(milestones);
        Assert.Empty(milestones[0].GetProperty("dueQuarters").EnumerateArray());
        Assert.Equal(1, milestones[0].Version());
    }

    [Fact]
    public async Task Write_WithoutVersion_Is428AndNothingChanges()
    {
        using var client = await SupportOfficerAsync();
        var (_, priority, action, milestone) = await OwnItemsAsync(client);
        var items = new[] { ($"/api/priorities/{priority.Id()}", priority, "title"), ($"/api/actions/{action.Id()}", action, "text"), ($"/api/milestones/{milestone.Id()}", milestone, "text") };

        foreach (var (path, item, field) in items)
        {
            var body = PlanApi.PutBody(item);
            body.Remove("version");
            body[field] = "Changed without a version";
            var problem = await PlanApi.ProblemAsync(await PlanApi.PutAsync(client, path, body), HttpStatusCode.PreconditionRequired);
            Assert.Contains("If-Match", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            await PlanApi.ProblemAsync(await PlanApi.DeleteAsync(client, path), HttpStatusCode.PreconditionRequired);

            var after = await PlanApi.GetItemAsync(client, path);
            Assert.Equal(item.Str(field), after.Str(field));
            Assert.Equal(1, after.Version());
        }
    }

    [Fact]
    public async Task Delete_WithIfMatch_DeletesAndWithStaleVersion_IsRefused()
    {
        using var client = await SupportOfficerAsync();
        var (_, _, action, milestone) = await OwnItemsAsync(client, await App.DraftEditionIdAsync());
        var path = $"/api/milestones/{milestone.Id()}";
        var body = PlanApi.PutBody(milestone);
        body["text"] = "Now version 2";
        await PlanApi.PutOkAsync(client, path, body);

        await PlanApi.ProblemAsync(await PlanApi.DeleteAsync(client, path, version: 1), HttpStatusCode.Conflict);
        await PlanApi.ProblemAsync(await PlanApi.DeleteAsync(client, path, ifMatch: 1), HttpStatusCode.PreconditionFailed);
        Assert.Equal("Now version 2", (await PlanApi.GetItemAsync(client, path)).Str("text"));
        using (var deleted = await PlanApi.DeleteAsync(client, path, ifMatch: 2))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await PlanApi.AssertNotFoundAsync(client, path);
        Assert.Empty((await PlanApi.GetItemAsync(client, $"/api/actions/{action.Id()}")).GetProperty("milestones").EnumerateArray());
    }

    [Fact]
    public async Task Priority_DuplicateNumberInSameEdition_IsRefusedNamingNumber()
    {
        using var client = await SupportOfficerAsync();
        var (editionId, priority, _, _) = await OwnItemsAsync(client);

        await PlanApi.ValidationProblemAsync(
            await client.PostAsJsonAsync($"/api/editions/{editionId}/priorities", new { number = 2, title = "A second priority 2" }), "number");
        var body = PlanApi.PutBody(priority);
        body["number"] = 1;
        await PlanApi.ValidationProblemAsync(await PlanApi.PutAsync(client, $"/api/priorities/{priority.Id()}", body), "number");

        var priorities = (await PlanApi.EditionAsync(client, editionId)).GetProperty("priorities").EnumerateArray().ToList();
        Assert.Single(priorities, p => p.GetProperty("number").GetInt32() == 2);
        Assert.Single(priorities, p => p.GetProperty("number").GetInt32() == 1);
        Assert.Equal(priority.GetProperty("number").GetInt32(), (await PlanApi.GetItemAsync(client, $"/api/priorities/{priority.Id()}")).GetProperty("number").GetInt32());
    }

    /// <summary>What the API gives out is what it takes back: every demo item PUT back as read is accepted and stays as it was.</summary>
    [Theory]
    [InlineData("2010/11")]
    public async Task DemoItems_PutBackAsRead_AreAcceptedAndUnchanged(string year)
    {
        using var client = await SupportOfficerAsync();
        var edition = await PlanApi.EditionAsync(client, await PlanApi.EditionIdAsync(client, year));
        var failures = new List<string>();

        foreach (var priority in edition.GetProperty("priorities").EnumerateArray())
        {
            await PutBackAsync(client, $"/api/priorities/{priority.Id()}", failures);
            foreach (var action in priority.GetProperty("actions").EnumerateArray())
            {
                await PutBackAsync(client, $"/api/actions/{action.Id()}", failures);
                foreach (var milestone in action.GetProperty("milestones").EnumerateArray())
                {
                    await PutBackAsync(client, $"/api/milestones/{milestone.Id()}", failures);
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The demo's 2009/10 edition was superseded by its 2010/11 refresh: it is kept as approved, even a PUT back as read is refused.</summary>
    [Fact]
    public async Task DemoItems_OfTheSuperseded2009Edition_AreRefused()
    {
        using var client = await SupportOfficerAsync();
        var edition = await PlanApi.EditionAsync(client, await PlanApi.EditionIdAsync(client, "2009/10"));
        Assert.Equal("Superseded", edition.Str("status"));
        var priority = edition.GetProperty("priorities")[0];
        var milestone = priority.GetProperty("actions")[0].GetProperty("milestones")[0];

        foreach (var path in new[] { $"/api/priorities/{priority.Id()}", $"/api/milestones/{milestone.Id()}" })
        {
            var read = await PlanApi.GetItemAsync(client, path);
            var problem = await PlanApi.ProblemAsync(await PlanApi.PutAsync(client, path, PlanApi.PutBody(read)), HttpStatusCode.Forbidden);
            Assert.Contains("superseded", problem.Str("detail"), StringComparison.Ordinal);
            Assert.Equal(read.Version(), (await PlanApi.GetItemAsync(client, path)).Version());
        }
    }

    private static async Task PutBackAsync(HttpClient client, string path, List<string> failures)
    {
        var read = await PlanApi.GetItemAsync(client, path);
        using var response = await PlanApi.PutAsync(client, path, PlanApi.PutBody(read));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            failures.Add($"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return;
        }

        var saved = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        if (saved.Version() != read.Version())
        {
            failures.Add($"PUT {path} unchanged made version {saved.Version()} from {read.Version()}");
        }
    }

    [Theory]
    [InlineData("PUT", "/api/milestones/{milestone}", "{\"text\": ")]
    [InlineData("PUT", "/api/milestones/{milestone}", "{\"text\": \"x\", \"version\": 1, \"dueQuarters\": \"2010/11 Q1\"}")]
    [InlineData("PUT", "/api/milestones/{milestone}", "{\"text\": \"x\", \"version\": 1, \"marking\": \"Secret\"}")]
    [InlineData("PUT", "/api/milestones/{milestone}", "{\"text\": \"x\", \"version\": \"one\"}")]
    [InlineData("POST", "/api/actions/{action}/milestones", "not json at all")]
    [InlineData("GET", "/api/audit?entity=Milestone&id=abc", null)]
    [InlineData("DELETE", "/api/milestones/{milestone}?version=abc", null)]
    public async Task MalformedRequest_IsBadRequestProblemAndChangesNothing(string method, string path, string? json)
    {
        using var client = await SupportOfficerAsync();
        var (_, _, action, milestone) = await OwnItemsAsync(client);
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{milestone}", $"{milestone.Id()}", StringComparison.Ordinal).Replace("{action}", $"{action.Id()}", StringComparison.Ordinal))
        {
            Content = json is null ? null : new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };

        await PlanApi.ProblemAsync(await client.SendAsync(request), HttpStatusCode.BadRequest);

        var after = await PlanApi.GetItemAsync(client, $"/api/actions/{action.Id()}");
        var milestones = after.GetProperty("milestones").EnumerateArray().ToList();
        Assert.Single(milestones);
        Assert.Equal("Test milestone", milestones[0].Str("text"));
        Assert.Equal(1, milestones[0].Version());
    }

    [Theory]
    [InlineData("/api/partnerships/nowhere/plans", "nowhere")]
    [InlineData("/api/editions/987654", "987654")]
    [InlineData("/api/priorities/987654", "987654")]
    [InlineData("/api/actions/987654", "987654")]
    [InlineData("/api/milestones/987654", "987654")]
    [InlineData("/api/no-such-endpoint", "no-such-endpoint")]
    public async Task Get_Unknown_IsNotFoundProblemNamingIt(string path, string named)
    {
        using var client = await SupportOfficerAsync();

        var problem = await PlanApi.ProblemAsync(await client.GetAsync(path), HttpStatusCode.NotFound);

        Assert.Contains(named, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_ToUnknownItem_IsNotFoundProblem()
    {
        using var client = await SupportOfficerAsync();

        await PlanApi.ProblemAsync(await client.PostAsJsonAsync("/api/editions/987654/priorities", new { title = "Nowhere" }), HttpStatusCode.NotFound);
        await PlanApi.ProblemAsync(await client.PostAsJsonAsync("/api/priorities/987654/actions", new { text = "Nowhere" }), HttpStatusCode.NotFound);
        await PlanApi.ProblemAsync(await client.PostAsJsonAsync("/api/actions/987654/milestones", new { text = "Nowhere" }), HttpStatusCode.NotFound);
        await PlanApi.ProblemAsync(await client.PutAsJsonAsync("/api/milestones/987654", new { text = "Nowhere", version = 1 }), HttpStatusCode.NotFound);
        await PlanApi.ProblemAsync(await PlanApi.DeleteAsync(client, "/api/actions/987654", version: 1), HttpStatusCode.NotFound);
    }
}

/// <summary>Every check of the plan API, the storage ones included, on SQLite.</summary>
public sealed class PlanApiTestsOnSqlite(SqliteFactory app) : PlanApiTests(app), IClassFixture<SqliteFactory>;

/// <summary>On PostgreSQL only the checks that rest on the database itself: the rest of the API is provider-neutral.</summary>
public sealed class PlanApiStorageTestsOnPostgres(PostgresFactory app) : PlanApiStorageTests(app), IClassFixture<PostgresFactory>;
