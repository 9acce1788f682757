using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Editing;
using SaferPlan.Core.Monitoring;
using SaferPlan.TestCommon;

using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Monitoring;

/// <summary>
/// An edit sent without its protective marking (a hand-made request or a broken client): the forms ask for it on the
/// field and the API answers 400 naming it; a Restricted item is never made Official by the marking being left out.
/// </summary>
public abstract class MarkingLeftOutTests(SaferPlanFactory app)
{
    /// <summary>The marking as a broken client sends it: not at all (null), or empty.</summary>
    public static TheoryData<string, string?> PlanItemsAndMarkings => new()
    {
        { "priority", null }, { "priority", "" }, { "action", null }, { "action", "" }, { "milestone", null }, { "milestone", "" },
    };

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> With(Dictionary<string, string> fields, string? marking)
    {
        var copy = new Dictionary<string, string>(fields);
        if (marking is not null)
        {
            copy["Input.Marking"] = marking;
        }

        return copy;
    }

    /// <summary>A partnership of the test's own with an approved 2010/11 plan edition (to which an addition is an amendment) and one milestone.</summary>
    private Task<TestPartnership> PartnershipAsync() => TestData.Partnership().WithEdition(2010).WithMilestone().SaveAsync(app);

    /// <summary>An API client of a new support officer of the partnership.</summary>
    private async Task<HttpClient> SupportApiAsync(TestPartnership partnership) =>
        await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug));

    private Task<ProtectiveMarking> StoredAsync<T>(int id, Func<T, ProtectiveMarking> marking)
        where T : VersionedEntity =>
        app.WithScopeAsync(async sp => marking(await sp.GetRequiredService<SaferPlanDbContext>().Set<T>().AsNoTracking().SingleAsync(e => e.Id == id)));

    /// <summary>Posts the edit without a usable marking: the form (showing the stored Restricted) is shown again with the error on the field and its summary link.</summary>
    private static async Task AssertAskedForMarkingAsync(HttpClient client, string path, Dictionary<string, string> fields, string message)
    {
        Assert.Contains("name=\"Input.Marking\" type=\"radio\" value=\"Restricted\" checked", await Forms.PageAsync(client, path), StringComparison.Ordinal);
        await Forms.AssertFieldErrorAsync(client, path, fields, "Input.Marking", message);
    }

    [Theory]
    [MemberData(nameof(PlanItemsAndMarkings))]
    public async Task PlanItemEdit_MarkingLeftOutOrEmpty_IsAskedForOnTheField_AndTheItemStaysRestricted(string kind, string? marking)
    {
        var partnership = await PartnershipAsync();
        using var api = await SupportApiAsync(partnership);
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        var restricted = new { marking = "Restricted", amendmentReason = AmendmentReason };
        var priority = await CreatedAsync<PriorityItemJson>(await api.PostAsJsonAsync($"/api/editions/{partnership.EditionId}/priorities",
            new { title = $"Marking left out {Guid.NewGuid():N}", restricted.marking, restricted.amendmentReason }));
        var action = await CreatedAsync<ActionItemJson>(await api.PostAsJsonAsync($"/api/priorities/{priority.Id}/actions", new { text = "A restricted action", restricted.marking, restricted.amendmentReason }));
        var milestone = await CreatedAsync<MilestoneItemJson>(await api.PostAsJsonAsync($"/api/actions/{action.Id}/milestones", new { text = "A restricted milestone", restricted.marking, restricted.amendmentReason }));
        var (item, path, message, fields, stored) = kind switch
        {
            "priority" => ($"/api/priorities/{priority.Id}", $"/priorities/{priority.Id}/edit", "Select the priority's protective marking", new Dictionary<string, string>
            {
                ["Input.Number"] = Text(priority.Number), ["Input.Title"] = "Retitled", ["Input.Kind"] = "Priority",
                ["Input.LeadOfficerId"] = "", ["Input.Version"] = "1", ["Input.AmendmentReason"] = AmendmentReason,
            }, (Func<Task<ProtectiveMarking>>)(() => StoredAsync<Core.Plans.Priority>(priority.Id, p => p.Marking))),
            "action" => ($"/api/actions/{action.Id}", $"/actions/{action.Id}/edit", "Select the action's protective marking", new Dictionary<string, string>
            {
                ["Input.Number"] = action.Number, ["Input.Text"] = "Reworded", ["Input.PriorityId"] = Text(priority.Id),
                ["Input.LeadOfficerId"] = "", ["Input.Version"] = "1", ["Input.AmendmentReason"] = AmendmentReason,
            }, () => StoredAsync<Core.Plans.PlanAction>(action.Id, a => a.Marking)),
            _ => ($"/api/milestones/{milestone.Id}", $"/milestones/{milestone.Id}/edit", "Select the milestone's protective marking", new Dictionary<string, string>
            {
                ["Input.Code"] = milestone.Code, ["Input.Text"] = "Reworded", ["Input.MeasurementKind"] = "Text", ["Input.ActionId"] = Text(action.Id),
                ["Input.LeadOfficerId"] = "", ["Input.Version"] = "1", ["Input.AmendmentReason"] = AmendmentReason,
            }, () => StoredAsync<Core.Plans.Milestone>(milestone.Id, m => m.Marking)),
        };

        await AssertAskedForMarkingAsync(support, path, With(fields, marking), message);

        Assert.Equal(ProtectiveMarking.Restricted, await stored());
        Assert.Equal(1, (await GetItemAsync<Plans.ItemVersionJson>(api, item)).Version);

        // The same edit with its marking is saved, still Restricted.
        await Forms.AssertSavedAsync(support, path, With(fields, "Restricted"));
        Assert.Equal(ProtectiveMarking.Restricted, await stored());
    }

    [Theory]
    [InlineData("priorities")]
    [InlineData("actions")]
    [InlineData("milestones")]
    public async Task Api_ChangeWithoutMarking_Is400NamingMarking_AndTheItemStaysRestricted(string items)
    {
        var partnership = await PartnershipAsync();
        using var api = await SupportApiAsync(partnership);
        var priority = await CreatedAsync<PriorityItemJson>(await api.PostAsJsonAsync($"/api/editions/{partnership.EditionId}/priorities",
            new { title = $"API marking left out {Guid.NewGuid():N}", marking = "Restricted", amendmentReason = AmendmentReason }));
        var action = await CreatedAsync<ActionItemJson>(await api.PostAsJsonAsync($"/api/priorities/{priority.Id}/actions", new { text = "A restricted action", marking = "Restricted", amendmentReason = AmendmentReason }));
        var milestone = await CreatedAsync<MilestoneItemJson>(await api.PostAsJsonAsync($"/api/actions/{action.Id}/milestones", new { text = "A restricted milestone", marking = "Restricted", amendmentReason = AmendmentReason }));
        var id = items switch { "priorities" => priority.Id, "actions" => action.Id, _ => milestone.Id };
        var body = PutBody(await GetItemAsync(api, $"/api/{items}/{id}"));
        body.Remove("marking");
        body["amendmentReason"] = AmendmentReason;

        var problem = await ReadValidationErrorAsync(await PutAsync(api, $"/api/{items}/{id}", body), "marking");

        Assert.Equal("Select the protective marking: Official or Restricted", problem);
        var kept = await GetItemAsync<MarkedItemJson>(api, $"/api/{items}/{id}");
        Assert.Equal("Restricted", kept.Marking);
        Assert.Equal(1, kept.Version);
    }

    [Fact]
    public async Task Api_ChangeWithoutKindOrMeasurementKind_KeepsTheStoredOnes()
    {
        var partnership = await PartnershipAsync();
        using var api = await SupportApiAsync(partnership);
        var priority = await CreatedAsync<PriorityItemJson>(await api.PostAsJsonAsync($"/api/editions/{partnership.EditionId}/priorities",
            new { title = $"API kind left out {Guid.NewGuid():N}", kind = "Mainstreamed", marking = "Official", amendmentReason = AmendmentReason }));
        var action = await CreatedAsync<ActionItemJson>(await api.PostAsJsonAsync($"/api/priorities/{priority.Id}/actions", new { text = "An action", marking = "Official", amendmentReason = AmendmentReason }));
        var milestone = await CreatedAsync<MilestoneItemJson>(await api.PostAsJsonAsync($"/api/actions/{action.Id}/milestones",
            new { text = "A counted milestone", measurementKind = "Count", marking = "Official", amendmentReason = AmendmentReason }));
        foreach (var (items, id, field, expected) in new[] { ("priorities", priority.Id, "kind", "Mainstreamed"), ("milestones", milestone.Id, "measurementKind", "Count") })
        {
            var body = PutBody(await GetItemAsync(api, $"/api/{items}/{id}"));
            Assert.Equal(expected, body[field]?.ToString());
            body.Remove(field);
            body[items == "priorities" ? "title" : "text"] = $"Reworded {Guid.NewGuid():N}";
            body["amendmentReason"] = AmendmentReason;

            using var response = await PutAsync(api, $"/api/{items}/{id}", body);
            Assert.True(response.IsSuccessStatusCode, $"PUT /api/{items}/{id} without {field}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var kept = await GetItemAsync(api, $"/api/{items}/{id}");
            Assert.Equal(expected, kept.Str(field));
            Assert.Equal(2, kept.Version());
        }
    }

    [Fact]
    public async Task BodyActionPlanAndItemEdits_MarkingLeftOutOrEmpty_AreAskedForOnTheField_AndStayRestricted()
    {
        // A task group of the test's own serving its partnership, in place of the demo's Southern Domestic Abuse Task Group.
        var partnership = await TestData.Partnership().WithEdition(2010).WithBody(out var group, "Southern Domestic Abuse Task Group").SaveAsync(app);
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        var newPlan = await Forms.PageAsync(support, $"/bodies/{group.Key}/action-plans/new");
        Assert.Contains("name=\"Input.Marking\" type=\"radio\" value=\"Official\" checked", newPlan, StringComparison.Ordinal);
        string planPath;
        using (var added = await Forms.PostAsync(support, $"/bodies/{group.Key}/action-plans/new", newPlan, new()
        {
            ["Input.Year"] = "2012-13", ["Input.Title"] = $"Restricted plan {Guid.NewGuid():N}", ["Input.Marking"] = "Restricted", ["Input.Version"] = "0",
        }))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            planPath = added.RequestMessage!.RequestUri!.AbsolutePath;
            Assert.Matches($"^/bodies/{group.Key}/action-plans/\\d+$", planPath);
        }

        var planId = int.Parse(planPath[(planPath.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
        var newItem = await Forms.PageAsync(support, $"{planPath}/items/new");
        Assert.Contains("name=\"Input.Marking\" type=\"radio\" value=\"Official\" checked", newItem, StringComparison.Ordinal);
        using (var added = await Forms.PostAsync(support, $"{planPath}/items/new", newItem, new()
        {
            ["Input.Number"] = "1.1", ["Input.Text"] = "Refuge address work", ["Input.Marking"] = "Restricted", ["Input.Version"] = "0",
        }))
        {
            Assert.Equal(planPath, added.RequestMessage!.RequestUri!.AbsolutePath);
        }

        var itemId = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<BodyActionPlanItem>().Where(i => i.PlanId == planId).Select(i => i.Id).SingleAsync());
        var planFields = new Dictionary<string, string> { ["Input.Title"] = "Retitled plan", ["Input.Version"] = "1" };
        var itemFields = new Dictionary<string, string> { ["Input.Number"] = "1.1", ["Input.Text"] = "Reworded", ["Input.Version"] = "1" };

        foreach (var marking in new[] { null, "" })
        {
            await AssertAskedForMarkingAsync(support, $"{planPath}/edit", With(planFields, marking), "Select the plan's protective marking");
            await AssertAskedForMarkingAsync(support, $"{planPath}/items/{itemId}/edit", With(itemFields, marking), "Select the item's protective marking");
        }

        var plan = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<BodyActionPlan>().AsNoTracking().SingleAsync(p => p.Id == planId));
        var item = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<BodyActionPlanItem>().AsNoTracking().SingleAsync(i => i.Id == itemId));
        Assert.Equal((ProtectiveMarking.Restricted, 1), (plan.Marking, plan.Version));
        Assert.Equal((ProtectiveMarking.Restricted, 1), (item.Marking, item.Version));
        await Forms.AssertSavedAsync(support, $"{planPath}/edit", With(planFields, "Restricted"));
        await Forms.AssertSavedAsync(support, $"{planPath}/items/{itemId}/edit", With(itemFields, "Restricted"));
    }

    [Fact]
    public async Task QuarterlyUpdateEdit_MarkingLeftOutOrEmpty_IsAskedForOnTheField_AndTheUpdateStaysRestricted()
    {
        var partnership = await PartnershipAsync();
        using var api = await SupportApiAsync(partnership);
        using (var round = await api.PostAsJsonAsync($"/api/partnerships/{partnership.Slug}/periods/2010-11-q3/round", new { deadline = "2099-04-08" }))
        {
            Assert.Equal(HttpStatusCode.OK, round.StatusCode);
        }

        var milestoneId = partnership.Milestones[0].Id;
        var path = $"/api/milestones/{milestoneId}/updates/2010-11-q3";
        var created = await OkJsonAsync<MilestoneUpdateJson>(await api.PutAsJsonAsync(path, new { progress = "PPO named case", status = "OnTrack", marking = "Restricted", version = 0 }));
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        var formPath = $"/milestones/{milestoneId}/updates/2010-11-q3";
        var fields = new Dictionary<string, string>
        {
            ["Input.Progress"] = "PPO named case, reworded", ["Input.Status"] = "OnTrack", ["Input.Version"] = Text(created.Version), ["submit"] = "false",
        };

        foreach (var marking in new[] { null, "" })
        {
            await AssertAskedForMarkingAsync(support, formPath, With(fields, marking), "Select the update's protective marking");
        }

        var kept = await OkJsonAsync<MilestoneUpdateJson>(await api.GetAsync(path));
        Assert.Equal(("Restricted", created.Version, "PPO named case"), (kept.Marking, kept.Version, kept.Progress));
        Assert.Equal(ProtectiveMarking.Restricted, await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<MilestoneUpdate>()
            .Where(u => u.Id == created.Id).Select(u => u.Marking).SingleAsync()));

        // The API asks for the marking of a change too.
        var problem = await ReadValidationErrorAsync(await api.PutAsJsonAsync(path, new { progress = "Changed through the API", status = "OnTrack", version = created.Version }), "marking");
        Assert.Contains("Official or Restricted", problem, StringComparison.Ordinal);
        Assert.Equal("Restricted", (await OkJsonAsync<MilestoneUpdateJson>(await api.GetAsync(path))).Marking);

        await Forms.AssertSavedAsync(support, formPath, With(fields, "Restricted"));
        var saved = await OkJsonAsync<MilestoneUpdateJson>(await api.GetAsync(path));
        Assert.Equal(("Restricted", "PPO named case, reworded"), (saved.Marking, saved.Progress));
    }
}

/// <summary>
/// Provider-neutral (a request refused before anything is stored; stored markings are read back on PostgreSQL by the editing
/// tests), so run on SQLite only; each test's plan, body, round and updates are in a partnership of its own
/// (<see cref="TestData"/>): on the shared app.
/// </summary>
public sealed class MarkingLeftOutTestsOnSqlite(SharedSqliteApp shared) : MarkingLeftOutTests(shared.App), IClassFixture<SharedSqliteApp>;
