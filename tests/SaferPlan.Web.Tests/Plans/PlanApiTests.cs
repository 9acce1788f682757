using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
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
    private protected static async Task<(int EditionId, PriorityItemJson Priority, ActionItemJson Action, MilestoneItemJson Milestone)> OwnItemsAsync(HttpClient client, int? inEdition = null)
    {
        var editionId = inEdition ?? await PlanApi.EditionIdAsync(client, "2010/11");
        var priority = await PlanApi.NewPriorityAsync(client, editionId, $"Test priority {Guid.NewGuid():N}");
        var action = await PlanApi.NewActionAsync(client, priority.Id, "Test action");
        var milestone = await PlanApi.NewMilestoneAsync(client, action.Id, "Test milestone");
        return (editionId, priority, action, milestone);
    }

    [Fact]
    public async Task Action_DuplicateNumberInSameEdition_IsRefusedNamingNumberAndNothingChanges()
    {
        using var client = await SupportOfficerAsync();
        var (_, priority, action, _) = await OwnItemsAsync(client);

        await PlanApi.ReadValidationErrorAsync(
            await client.PostAsJsonAsync($"/api/priorities/{priority.Id}/actions", new { number = "1.1", text = "A second 1.1" }), "number");
        var body = PlanApi.PutBody(action);
        body["number"] = "2.3";
        body["text"] = "Renumbered";
        await PlanApi.ReadValidationErrorAsync(await PlanApi.PutAsync(client, $"/api/actions/{action.Id}", body), "number");

        var after = await PlanApi.GetItemAsync<PriorityItemJson>(client, $"/api/priorities/{priority.Id}");
        var actions = after.Actions.ToList();
        Assert.Equal([action.Number], actions.Select(a => a.Number));
        Assert.Equal("Test action", actions[0].Text);
        Assert.Equal(1, actions[0].Version);
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

        await PlanApi.PutOkAsync<ActionItemJson>(client, $"/api/actions/{action.Id}", actionBody);
        await PlanApi.PutOkAsync<MilestoneItemJson>(client, $"/api/milestones/{milestone.Id}", milestoneBody);

        Assert.Equal(longest, (await PlanApi.GetItemAsync<ActionItemJson>(client, $"/api/actions/{action.Id}")).Text);
        var saved = await PlanApi.GetItemAsync<MilestoneItemJson>(client, $"/api/milestones/{milestone.Id}");
        Assert.Equal(longest, saved.Text);
        Assert.Equal(longest, saved.Measurement);
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

        await PlanApi.ReadValidationErrorAsync(await PlanApi.PutAsync(client, $"/api/milestones/{milestone.Id}", body), "dueQuarters");

        var after = await PlanApi.GetItemAsync<MilestoneItemJson>(client, $"/api/milestones/{milestone.Id}");
        Assert.Empty(after.DueQuarters);
        Assert.Equal(1, after.Version);
        Assert.Single((await PlanApi.GetItemAsync<ActionItemJson>(client, $"/api/actions/{action.Id}")).Milestones);
    }

    [Fact]
    public async Task Delete_Priority_TakesItsActionsAndMilestonesWithIt()
    {
        using var client = await SupportOfficerAsync();
        var (_, priority, action, milestone) = await OwnItemsAsync(client, await app.DraftEditionIdAsync());

        using (var deleted = await PlanApi.DeleteAsync(client, $"/api/priorities/{priority.Id}", version: 1))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await PlanApi.AssertNotFoundAsync(client, $"/api/priorities/{priority.Id}");
        await PlanApi.AssertNotFoundAsync(client, $"/api/actions/{action.Id}");
        await PlanApi.AssertNotFoundAsync(client, $"/api/milestones/{milestone.Id}");
    }
}

/// <summary>Creating, reading, updating and deleting priorities, actions and milestones through the API, and what it refuses.</summary>
public abstract class PlanApiTests(SaferPlanFactory app) : PlanApiStorageTests(app)
{
    private static readonly string[] BeforeThePlan = ["2009-10-q4"];

    [Fact]
    public async Task Priority_CreateReadUpdateDelete_TracksVersionsAndIsGoneAfterDelete()
    {
        using var client = await SupportOfficerAsync();
        var editionId = await App.DraftEditionIdAsync();
        var highest = (await PlanApi.EditionItemsAsync(client, editionId)).Priorities.Max(p => p.Number);

        var created = await PlanApi.NewPriorityAsync(client, editionId, "Reducing rural theft");

        Assert.Equal(highest + 1, created.Number);
        Assert.Equal(editionId, created.EditionId);
        Assert.Equal("Priority", created.Kind);
        Assert.Equal("Official", created.Marking);
        var path = $"/api/priorities/{created.Id}";
        var read = await PlanApi.GetItemAsync<PriorityItemJson>(client, path);
        Assert.Equal("Reducing rural theft", read.Title);
        Assert.Equal(1, read.Version);

        var byIfMatch = PlanApi.PutBody(read);
        byIfMatch.Remove("version");
        byIfMatch["title"] = "Reducing rural and farm theft";
        byIfMatch["why"] = "Farm machinery thefts doubled.";
        var updated = await PlanApi.PutOkAsync<PriorityItemJson>(client, path, byIfMatch, ifMatch: 1);
        Assert.Equal(2, updated.Version);
        Assert.Equal("Reducing rural and farm theft", updated.Title);
        Assert.Equal("Farm machinery thefts doubled.", updated.Why);

        var byBody = PlanApi.PutBody(updated);
        byBody["title"] = "Reducing theft from farms";
        var again = await PlanApi.PutOkAsync<PriorityItemJson>(client, path, byBody);
        Assert.Equal(3, again.Version);

        var reread = await PlanApi.GetItemAsync<PriorityItemJson>(client, path);
        Assert.Equal("Reducing theft from farms", reread.Title);
        Assert.Equal("Farm machinery thefts doubled.", reread.Why);
        Assert.Equal(3, reread.Version);

        using (var deleted = await PlanApi.DeleteAsync(client, path, version: 3))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await PlanApi.AssertNotFoundAsync(client, path);
        Assert.DoesNotContain((await PlanApi.EditionItemsAsync(client, editionId)).Priorities, p => p.Id == created.Id);
    }

    /// <summary>
    /// A new or renumbered action's number starts with its priority's, and a new milestone's code with its action's: by the
    /// API and the form, naming the rule with an example. A number left blank takes the next one free in the edition, past
    /// one an action of another priority holds from before the rule (which keeps it, and can still be edited).
    /// </summary>
    [Fact]
    public async Task NumbersAndCodes_FollowTheirParent_AndABlankNumberTakesTheNextFree()
    {
        var partnership = await TestData.Partnership().WithEdition(2010, Core.Plans.EditionStatus.Draft).WithPriority().WithAction().WithMilestone().WithPriority().SaveAsync(App);
        using var client = await App.ApiClientAsync(await App.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug));
        var (first, second) = (partnership.PriorityIds[0], partnership.PriorityIds[1]);
        var action = partnership.ActionIds[0];

        Assert.Equal("Action numbers in Priority 1 start with 1., like 1.2", await PlanApi.ReadValidationErrorAsync(
            await client.PostAsJsonAsync($"/api/priorities/{first}/actions", new { number = "2.1", text = "Another priority's number" }), "number"));
        Assert.Equal("Milestone codes under action 1.1 start with 1.1, like 1.1b", await PlanApi.ReadValidationErrorAsync(
            await client.PostAsJsonAsync($"/api/actions/{action}/milestones", new { code = "2.1a", text = "Another action's code" }), "code"));
        var existing = await PlanApi.GetItemAsync<ActionItemJson>(client, $"/api/actions/{action}");
        var renumbered = PlanApi.PutBody(existing);
        renumbered["number"] = "2.5";
        Assert.Equal("Action numbers in Priority 1 start with 1., like 1.2", await PlanApi.ReadValidationErrorAsync(await PlanApi.PutAsync(client, $"/api/actions/{action}", renumbered), "number"));
        using (var session = await PageSession.SignedInAsync(App, PartnershipRole.SupportOfficer, partnership: partnership.Slug))
        {
            var path = $"/priorities/{first}/actions/new";
            await Forms.AssertFieldErrorAsync(session.Client, path, new() { ["Input.Number"] = "2.1", ["Input.Text"] = "Another priority's number", ["Input.Marking"] = "Official" },
                "Input.Number", "Action numbers in Priority 1 start with 1., like 1.2");
        }

        Assert.Equal(["1.1"], (await PlanApi.EditionItemsAsync(client, partnership.EditionId)).Priorities.SelectMany(p => p.Actions).Select(a => a.Number));

        // An action of priority 1 numbered 2.1, as an edition made before the rule may have one.
        var old = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Core.Data.SaferPlanDbContext>();
            var item = new Core.Plans.PlanAction { PriorityId = first, Number = "2.1", Text = "Numbered for another priority", SortOrder = 2 };
            db.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });
        var next = await PlanApi.NewActionAsync(client, second, "Left blank");
        Assert.Equal("2.2", next.Number);
        var kept = PlanApi.PutBody(await PlanApi.GetItemAsync<ActionItemJson>(client, $"/api/actions/{old}"));
        kept["text"] = "Reworded, number kept";
        Assert.Equal("2.1", (await PlanApi.PutOkAsync<ActionItemJson>(client, $"/api/actions/{old}", kept)).Number);
        Assert.Equal("2.1a", (await PlanApi.NewMilestoneAsync(client, old, "Under the old number")).Code);
    }

    /// <summary>
    /// A milestone's due quarters lie in its plan's years (2010–2013: 2010/11 Q1 to 2012/13 Q4): one outside is refused by
    /// the API and the form, naming the span; the first and last quarters are taken.
    /// </summary>
    [Fact]
    public async Task Milestone_DueQuarterOutsideThePlansYears_IsRefusedNamingTheSpan()
    {
        var partnership = await TestData.Partnership().WithEdition(2010, Core.Plans.EditionStatus.Draft).WithMilestone().SaveAsync(App);
        using var client = await App.ApiClientAsync(await App.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug));
        var milestone = await PlanApi.GetItemAsync<MilestoneItemJson>(client, $"/api/milestones/{partnership.Milestones[0].Id}");
        static string Outside(string quarter) => $"{quarter} is outside the plan's years, 2010–2013: enter quarters from 2010/11 Q1 to 2012/13 Q4";

        var body = PlanApi.PutBody(milestone);
        body["dueQuarters"] = new System.Text.Json.Nodes.JsonArray("2010/11 Q2", "2013/14 Q1");
        Assert.Equal(Outside("2013/14 Q1"), await PlanApi.ReadValidationErrorAsync(await PlanApi.PutAsync(client, $"/api/milestones/{milestone.Id}", body), "dueQuarters"));
        Assert.Equal(Outside("2009/10 Q4"), await PlanApi.ReadValidationErrorAsync(
            await client.PostAsJsonAsync($"/api/actions/{milestone.ActionId}/milestones", new { text = "Due before the plan", dueQuarters = BeforeThePlan }), "dueQuarters"));
        using (var session = await PageSession.SignedInAsync(App, PartnershipRole.SupportOfficer, partnership: partnership.Slug))
        {
            var path = $"/actions/{milestone.ActionId}/milestones/new";
            using var refused = await Forms.PostAsync(session.Client, path, await Forms.PageAsync(session.Client, path),
                new() { ["Input.Text"] = "Due before the plan", ["Input.MeasurementKind"] = "Text", ["Input.Marking"] = "Official", ["Input.DueQuarters"] = "2009/10 Q4" });
            Assert.Equal([("Input-DueQuarters", Outside("2009/10 Q4"))], TestHtml.ErrorSummaryLinks(TestHtml.Parse(await refused.Content.ReadAsStringAsync())));
        }

        body["dueQuarters"] = new System.Text.Json.Nodes.JsonArray("2010/11 Q1", "2012/13 Q4");
        var saved = await PlanApi.PutOkAsync<MilestoneItemJson>(client, $"/api/milestones/{milestone.Id}", body);
        Assert.Equal(["2010-11-q1", "2012-13-q4"], saved.DueQuarters);
        Assert.Single((await PlanApi.GetItemAsync<ActionItemJson>(client, $"/api/actions/{milestone.ActionId}")).Milestones);
    }

    [Fact]
    public async Task Action_CreateReadUpdateDelete_NumbersFromItsPriorityAndTracksVersions()
    {
        using var client = await SupportOfficerAsync();
        var editionId = await App.DraftEditionIdAsync();
        var priority = await PlanApi.NewPriorityAsync(client, editionId, "Action numbering");
        var n = priority.Number;

        var first = await PlanApi.NewActionAsync(client, priority.Id, "Run a property marking day");
        var second = await PlanApi.NewActionAsync(client, priority.Id, "  Visit every farm in the district  ");

        Assert.Equal($"{n}.1", first.Number);
        Assert.Equal($"{n}.2", second.Number);
        Assert.Equal("Visit every farm in the district", second.Text);
        Assert.Equal(priority.Id, first.PriorityId);
        var path = $"/api/actions/{first.Id}";
        var read = await PlanApi.GetItemAsync<ActionItemJson>(client, path);
        Assert.Equal("Run a property marking day", read.Text);

        var byIfMatch = PlanApi.PutBody(read);
        byIfMatch.Remove("version");
        byIfMatch["text"] = "Run two property marking days";
        byIfMatch["leadAgency"] = "Police";
        var updated = await PlanApi.PutOkAsync<ActionItemJson>(client, path, byIfMatch, ifMatch: 1);
        Assert.Equal(2, updated.Version);

        var byBody = PlanApi.PutBody(updated);
        byBody["note"] = "Dates to be agreed with the parish councils";
        var again = await PlanApi.PutOkAsync<ActionItemJson>(client, path, byBody);
        Assert.Equal(3, again.Version);

        var reread = await PlanApi.GetItemAsync<ActionItemJson>(client, path);
        Assert.Equal("Run two property marking days", reread.Text);
        Assert.Equal("Police", reread.LeadAgency);
        Assert.Equal("Dates to be agreed with the parish councils", reread.Note);

        using (var deleted = await PlanApi.DeleteAsync(client, path, version: 3))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await PlanApi.AssertNotFoundAsync(client, path);
        var remaining = await PlanApi.GetItemAsync<PriorityItemJson>(client, $"/api/priorities/{priority.Id}");
        Assert.Equal([second.Id], remaining.Actions.Select(a => a.Id));
    }

    [Fact]
    public async Task Milestone_CreateReadUpdateDelete_LettersFromItsActionAndTracksVersions()
    {
        using var client = await SupportOfficerAsync();
        var (_, _, action, milestone) = await OwnItemsAsync(client, await App.DraftEditionIdAsync());
        var number = action.Number;

        var second = await PlanApi.NewMilestoneAsync(client, action.Id, "Second milestone");

        Assert.Equal($"{number}a", milestone.Code);
        Assert.Equal($"{number}b", second.Code);
        Assert.Equal(action.Id, milestone.ActionId);
        var path = $"/api/milestones/{milestone.Id}";
        var read = await PlanApi.GetItemAsync<MilestoneItemJson>(client, path);
        Assert.Equal("Test milestone", read.Text);
        Assert.Equal("Text", read.MeasurementKind);

        var byIfMatch = PlanApi.PutBody(read);
        byIfMatch.Remove("version");
        byIfMatch["text"] = "Marking day held";
        byIfMatch["measurementKind"] = "YesNo";
        byIfMatch["dueQuarters"] = new System.Text.Json.Nodes.JsonArray("2010/11 Q2", "2010-11-q4");
        var updated = await PlanApi.PutOkAsync<MilestoneItemJson>(client, path, byIfMatch, ifMatch: 1);
        Assert.Equal(2, updated.Version);
        Assert.Equal(["2010-11-q2", "2010-11-q4"], updated.DueQuarters);

        var byBody = PlanApi.PutBody(updated);
        byBody["target"] = "Yes";
        var again = await PlanApi.PutOkAsync<MilestoneItemJson>(client, path, byBody);
        Assert.Equal(3, again.Version);

        var reread = await PlanApi.GetItemAsync<MilestoneItemJson>(client, path);
        Assert.Equal("Marking day held", reread.Text);
        Assert.Equal("YesNo", reread.MeasurementKind);
        Assert.Equal("Yes", reread.Target);
        Assert.Equal(["2010-11-q2", "2010-11-q4"], reread.DueQuarters);

        using (var deleted = await PlanApi.DeleteAsync(client, path, version: 3))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await PlanApi.AssertNotFoundAsync(client, path);
        var remaining = await PlanApi.GetItemAsync<ActionItemJson>(client, $"/api/actions/{action.Id}");
        Assert.Equal([second.Id], remaining.Milestones.Select(m => m.Id));
    }

    [Fact]
    public async Task Action_BlankNumberUnderDemoPriority1_GetsNextNumberAndMilestonesNextLetter()
    {
        using var client = await SupportOfficerAsync();
        var priority1 = await PlanApi.DemoPriorityItemAsync(client, "2010/11", 1);
        Assert.Equal("1.7", priority1.Actions[^1].Number);

        var action = await PlanApi.NewActionAsync(client, priority1.Id, "Target hardening in rural villages", number: "  ");
        var a = await PlanApi.NewMilestoneAsync(client, action.Id, "Villages chosen");
        var b = await PlanApi.NewMilestoneAsync(client, action.Id, "Kits handed out", code: "");

        Assert.Equal("1.8", action.Number);
        Assert.Equal("1.8a", a.Code);
        Assert.Equal("1.8b", b.Code);
        var priority = await PlanApi.GetItemAsync<PriorityItemJson>(client, $"/api/priorities/{priority1.Id}");
        Assert.Equal("1.8", priority.Actions[^1].Number);
    }

    [Fact]
    public async Task Milestone_BlankCodeUnderDemoAction_GetsLetterAfterTheLast()
    {
        using var client = await SupportOfficerAsync();
        var priority3 = await PlanApi.DemoPriorityItemAsync(client, "2010/11", 3);
        var action31 = priority3.Actions.Single(a => a.Number == "3.1");
        Assert.Equal("3.1e", action31.Milestones[^1].Code);

        var created = await PlanApi.NewMilestoneAsync(client, action31.Id, "Refuge places reviewed");

        Assert.Equal("3.1f", created.Code);
    }

    [Fact]
    public async Task Milestone_MovedToActionOfAnotherEdition_IsRefusedNamingActionIdAndNotMoved()
    {
        using var client = await SupportOfficerAsync();
        var (_, _, action, milestone) = await OwnItemsAsync(client);
        var otherEdition = await PlanApi.EditionItemsAsync(client, await PlanApi.EditionIdAsync(client, "2009/10"));
        var elsewhere = otherEdition.Priorities[0].Actions[0].Id;
        var path = $"/api/milestones/{milestone.Id}";
        var body = PlanApi.PutBody(milestone);
        body["actionId"] = elsewhere;
        body["text"] = "Moved";

        await PlanApi.ReadValidationErrorAsync(await PlanApi.PutAsync(client, path, body), "actionId");

        var after = await PlanApi.GetItemAsync<MilestoneItemJson>(client, path);
        Assert.Equal(action.Id, after.ActionId);
        Assert.Equal("Test milestone", after.Text);
        Assert.Equal(1, after.Version);
        var target = await PlanApi.GetItemAsync<ActionItemJson>(client, $"/api/actions/{elsewhere}");
        Assert.DoesNotContain(target.Milestones, m => m.Id == milestone.Id);
    }

    [Fact]
    public async Task Milestone_MovedToAnotherActionOfTheSameEdition_IsMoved()
    {
        using var client = await SupportOfficerAsync();
        var (_, priority, _, milestone) = await OwnItemsAsync(client);
        var other = await PlanApi.NewActionAsync(client, priority.Id, "Second action");
        var body = PlanApi.PutBody(milestone);
        body["actionId"] = other.Id;

        var moved = await PlanApi.PutOkAsync<MilestoneItemJson>(client, $"/api/milestones/{milestone.Id}", body);

        Assert.Equal(other.Id, moved.ActionId);
        var target = await PlanApi.GetItemAsync<ActionItemJson>(client, $"/api/actions/{other.Id}");
        Assert.Contains(target.Milestones, m => m.Id == milestone.Id);
    }

    [Fact]
    public async Task Action_MovedToPriorityOfAnotherEdition_IsRefusedNamingPriorityIdAndNotMoved()
    {
        using var client = await SupportOfficerAsync();
        var (_, priority, action, _) = await OwnItemsAsync(client);
        var elsewhere = (await PlanApi.DemoPriorityItemAsync(client, "2009/10", 1)).Id;
        var path = $"/api/actions/{action.Id}";
        var body = PlanApi.PutBody(action);
        body["priorityId"] = elsewhere;

        await PlanApi.ReadValidationErrorAsync(await PlanApi.PutAsync(client, path, body), "priorityId");

        var after = await PlanApi.GetItemAsync<ActionItemJson>(client, path);
        Assert.Equal(priority.Id, after.PriorityId);
        Assert.Equal(1, after.Version);
    }

    [Fact]
    public async Task Priority_BlankTitle_IsRefusedNamingTitleAndNothingChanges()
    {
        using var client = await SupportOfficerAsync();
        var (editionId, priority, _, _) = await OwnItemsAsync(client);
        var count = (await PlanApi.EditionItemsAsync(client, editionId)).Priorities.Count;

        await PlanApi.ReadValidationErrorAsync(
            await client.PostAsJsonAsync($"/api/editions/{editionId}/priorities", new { title = "   " }), "title");
        var body = PlanApi.PutBody(priority);
        body["title"] = "";
        await PlanApi.ReadValidationErrorAsync(await PlanApi.PutAsync(client, $"/api/priorities/{priority.Id}", body), "title");

        Assert.Equal(count, (await PlanApi.EditionItemsAsync(client, editionId)).Priorities.Count);
        var after = await PlanApi.GetItemAsync<PriorityItemJson>(client, $"/api/priorities/{priority.Id}");
        Assert.Equal(priority.Title, after.Title);
        Assert.Equal(1, after.Version);
    }

    [Fact]
    public async Task Milestone_TextOf4001Characters_IsRefusedNamingTextAndNothingChanges()
    {
        using var client = await SupportOfficerAsync();
        var (_, _, action, milestone) = await OwnItemsAsync(client);
        var tooLong = new string('x', 4001);

        await PlanApi.ReadValidationErrorAsync(
            await client.PostAsJsonAsync($"/api/actions/{action.Id}/milestones", new { text = tooLong }), "text");
        var body = PlanApi.PutBody(milestone);
        body["text"] = tooLong;
        await PlanApi.ReadValidationErrorAsync(await PlanApi.PutAsync(client, $"/api/milestones/{milestone.Id}", body), "text");

        var after = await PlanApi.GetItemAsync<ActionItemJson>(client, $"/api/actions/{action.Id}");
        var milestones = after.Milestones.ToList();
        Assert.Single(milestones);
        Assert.Equal("Test milestone", milestones[0].Text);
        Assert.Equal(1, milestones[0].Version);
    }

    [Fact]
    public async Task Action_TextOf4001Characters_IsRefusedNamingText()
    {
        using var client = await SupportOfficerAsync();
        var (_, priority, action, _) = await OwnItemsAsync(client);
        var body = PlanApi.PutBody(action);
        body["text"] = new string('y', 4001);

        await PlanApi.ReadValidationErrorAsync(await PlanApi.PutAsync(client, $"/api/actions/{action.Id}", body), "text");
        await PlanApi.ReadValidationErrorAsync(
            await client.PostAsJsonAsync($"/api/priorities/{priority.Id}/actions", new { text = new string('y', 4001) }), "text");

        var after = await PlanApi.GetItemAsync<PriorityItemJson>(client, $"/api/priorities/{priority.Id}");
        Assert.Equal(["Test action"], after.Actions.Select(a => a.Text));
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

        var message = await PlanApi.ReadValidationErrorAsync(await PlanApi.PutAsync(client, $"/api/milestones/{milestone.Id}", body), "dueQuarters");
        await PlanApi.ReadValidationErrorAsync(
            await client.PostAsJsonAsync($"/api/actions/{action.Id}/milestones", new { text = "Due sometime", dueQuarters = new[] { quarter } }), "dueQuarters");

        Assert.Contains(quarter, message, StringComparison.Ordinal);
        var after = await PlanApi.GetItemAsync<ActionItemJson>(client, $"/api/actions/{action.Id}");
        var milestones = after.Milestones.ToList();
        Assert.Single(milestones);
        Assert.Empty(milestones[0].DueQuarters);
        Assert.Equal(1, milestones[0].Version);
    }

    [Fact]
    public async Task Write_WithoutVersion_Is428AndNothingChanges()
    {
        using var client = await SupportOfficerAsync();
        var (_, priority, action, milestone) = await OwnItemsAsync(client);
        var items = new (string Path, System.Text.Json.Nodes.JsonObject Body, string Field, string Was, Func<string, Task<(string Now, int Version)>> Reread)[]
        {
            ($"/api/priorities/{priority.Id}", PlanApi.PutBody(priority), "title", priority.Title, path => RereadAsync<PriorityItemJson>(client, path, p => p.Title)),
            ($"/api/actions/{action.Id}", PlanApi.PutBody(action), "text", action.Text, path => RereadAsync<ActionItemJson>(client, path, a => a.Text)),
            ($"/api/milestones/{milestone.Id}", PlanApi.PutBody(milestone), "text", milestone.Text, path => RereadAsync<MilestoneItemJson>(client, path, m => m.Text)),
        };

        foreach (var (path, body, field, was, reread) in items)
        {
            body.Remove("version");
            body[field] = "Changed without a version";
            var problem = await PlanApi.ReadProblemAsync(await PlanApi.PutAsync(client, path, body), HttpStatusCode.PreconditionRequired);
            Assert.Contains("If-Match", problem.Detail, StringComparison.Ordinal);
            await PlanApi.ReadProblemAsync(await PlanApi.DeleteAsync(client, path), HttpStatusCode.PreconditionRequired);

            var after = await reread(path);
            Assert.Equal(was, after.Now);
            Assert.Equal(1, after.Version);
        }
    }

    /// <summary>An item's field (the one a test changed) and its version, as read again.</summary>
    private static async Task<(string Now, int Version)> RereadAsync<T>(HttpClient client, string path, Func<T, string> field)
        where T : IItemJson
    {
        var item = await PlanApi.GetItemAsync<T>(client, path);
        return (field(item), item.Version);
    }

    [Fact]
    public async Task Delete_WithIfMatch_DeletesAndWithStaleVersion_IsRefused()
    {
        using var client = await SupportOfficerAsync();
        var (_, _, action, milestone) = await OwnItemsAsync(client, await App.DraftEditionIdAsync());
        var path = $"/api/milestones/{milestone.Id}";
        var body = PlanApi.PutBody(milestone);
        body["text"] = "Now version 2";
        await PlanApi.PutOkAsync<MilestoneItemJson>(client, path, body);

        await PlanApi.ReadProblemAsync(await PlanApi.DeleteAsync(client, path, version: 1), HttpStatusCode.Conflict);
        await PlanApi.ReadProblemAsync(await PlanApi.DeleteAsync(client, path, ifMatch: 1), HttpStatusCode.PreconditionFailed);
        Assert.Equal("Now version 2", (await PlanApi.GetItemAsync<MilestoneItemJson>(client, path)).Text);
        using (var deleted = await PlanApi.DeleteAsync(client, path, ifMatch: 2))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await PlanApi.AssertNotFoundAsync(client, path);
        Assert.Empty((await PlanApi.GetItemAsync<ActionItemJson>(client, $"/api/actions/{action.Id}")).Milestones);
    }

    [Fact]
    public async Task Priority_DuplicateNumberInSameEdition_IsRefusedNamingNumber()
    {
        using var client = await SupportOfficerAsync();
        var (editionId, priority, _, _) = await OwnItemsAsync(client);

        await PlanApi.ReadValidationErrorAsync(
            await client.PostAsJsonAsync($"/api/editions/{editionId}/priorities", new { number = 2, title = "A second priority 2" }), "number");
        var body = PlanApi.PutBody(priority);
        body["number"] = 1;
        await PlanApi.ReadValidationErrorAsync(await PlanApi.PutAsync(client, $"/api/priorities/{priority.Id}", body), "number");

        var priorities = (await PlanApi.EditionItemsAsync(client, editionId)).Priorities.ToList();
        Assert.Single(priorities, p => p.Number == 2);
        Assert.Single(priorities, p => p.Number == 1);
        Assert.Equal(priority.Number, (await PlanApi.GetItemAsync<PriorityItemJson>(client, $"/api/priorities/{priority.Id}")).Number);
    }

    /// <summary>What the API gives out is what it takes back: every demo item PUT back as read is accepted and stays as it was.</summary>
    [Theory]
    [InlineData("2010/11")]
    public async Task DemoItems_PutBackAsRead_AreAcceptedAndUnchanged(string year)
    {
        using var client = await SupportOfficerAsync();
        var edition = await PlanApi.EditionItemsAsync(client, await PlanApi.EditionIdAsync(client, year));
        var failures = new List<string>();

        foreach (var priority in edition.Priorities)
        {
            await PutBackAsync(client, $"/api/priorities/{priority.Id}", failures);
            foreach (var action in priority.Actions)
            {
                await PutBackAsync(client, $"/api/actions/{action.Id}", failures);
                foreach (var milestone in action.Milestones)
                {
                    await PutBackAsync(client, $"/api/milestones/{milestone.Id}", failures);
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
        var edition = await PlanApi.EditionItemsAsync(client, await PlanApi.EditionIdAsync(client, "2009/10"));
        Assert.Equal("Superseded", edition.Status);
        var priority = edition.Priorities[0];
        var milestone = priority.Actions[0].Milestones[0];

        foreach (var path in new[] { $"/api/priorities/{priority.Id}", $"/api/milestones/{milestone.Id}" })
        {
            // Raw on purpose: the JSON as read goes back as it is (see PlanApi.PutBody).
            var read = await PlanApi.GetItemAsync(client, path);
            var problem = await PlanApi.ReadProblemAsync(await PlanApi.PutAsync(client, path, PlanApi.PutBody(read)), HttpStatusCode.Forbidden);
            Assert.Contains("superseded", problem.Detail, StringComparison.Ordinal);
            Assert.Equal(read.Version(), (await PlanApi.GetItemAsync<ItemVersionJson>(client, path)).Version);
        }
    }

    /// <summary>PUTs an item back as its raw JSON was read, on purpose with no record in between (see <see cref="PlanApi.PutBody(System.Text.Json.JsonElement)"/>).</summary>
    private static async Task PutBackAsync(HttpClient client, string path, List<string> failures)
    {
        var read = await PlanApi.GetItemAsync(client, path);
        using var response = await PlanApi.PutAsync(client, path, PlanApi.PutBody(read));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            failures.Add($"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return;
        }

        var saved = await PlanApi.ReadAsync<ItemVersionJson>(response);
        if (saved.Version != read.Version())
        {
            failures.Add($"PUT {path} unchanged made version {saved.Version} from {read.Version()}");
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
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{milestone}", $"{milestone.Id}", StringComparison.Ordinal).Replace("{action}", $"{action.Id}", StringComparison.Ordinal))
        {
            Content = json is null ? null : new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };

        await PlanApi.ReadProblemAsync(await client.SendAsync(request), HttpStatusCode.BadRequest);

        var after = await PlanApi.GetItemAsync<ActionItemJson>(client, $"/api/actions/{action.Id}");
        var milestones = after.Milestones.ToList();
        Assert.Single(milestones);
        Assert.Equal("Test milestone", milestones[0].Text);
        Assert.Equal(1, milestones[0].Version);
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

        var problem = await PlanApi.ReadProblemAsync(await client.GetAsync(path), HttpStatusCode.NotFound);

        Assert.Contains(named, problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_ToUnknownItem_IsNotFoundProblem()
    {
        using var client = await SupportOfficerAsync();

        await PlanApi.ReadProblemAsync(await client.PostAsJsonAsync("/api/editions/987654/priorities", new { title = "Nowhere" }), HttpStatusCode.NotFound);
        await PlanApi.ReadProblemAsync(await client.PostAsJsonAsync("/api/priorities/987654/actions", new { text = "Nowhere" }), HttpStatusCode.NotFound);
        await PlanApi.ReadProblemAsync(await client.PostAsJsonAsync("/api/actions/987654/milestones", new { text = "Nowhere" }), HttpStatusCode.NotFound);
        await PlanApi.ReadProblemAsync(await client.PutAsJsonAsync("/api/milestones/987654", new { text = "Nowhere", version = 1 }), HttpStatusCode.NotFound);
        await PlanApi.ReadProblemAsync(await PlanApi.DeleteAsync(client, "/api/actions/987654", version: 1), HttpStatusCode.NotFound);
    }
}

/// <summary>Every check of the plan API, the storage ones included, on SQLite.</summary>
public sealed class PlanApiTestsOnSqlite(SqliteFactory app) : PlanApiTests(app), IClassFixture<SqliteFactory>;

/// <summary>On PostgreSQL only the checks that rest on the database itself: the rest of the API is provider-neutral.</summary>
public sealed class PlanApiStorageTestsOnPostgres(PostgresFactory app) : PlanApiStorageTests(app), IClassFixture<PostgresFactory>;
