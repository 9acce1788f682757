using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Editing;
using SaferPlan.Core.Plans;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Plans;

/// <summary>
/// Adding a priority, action or milestone to an approved edition is a change to it, and so an amendment (issue 10, item 8):
/// refused without a reason, and with one saved together with an amendment that names the new item; a draft takes
/// additions with no reason; a superseded edition takes none.
/// </summary>
public abstract class AmendmentAdditionTests(SaferPlanFactory app)
{
    private const string Reason = "The Board agreed on 7 March 2011 to add this to the approved plan.";

    /// <summary>
    /// A partnership of the test's own whose plan has an approved 2010/11 edition of one priority with one action, 1.1 (and,
    /// asked, a draft 2011/12 edition after it).
    /// </summary>
    private Task<TestPartnership> ApprovedPlanAsync(bool withDraft = false)
    {
        var builder = TestData.Partnership().WithEdition(2010, EditionStatus.Approved).WithAction();
        return (withDraft ? builder.WithEdition(2011, EditionStatus.Draft) : builder).SaveAsync(app);
    }

    private static UserContext SupportOfficer(TestPartnership partnership) =>
        new("support-user", "Sam Support", null, [new PartnershipMembership(partnership.Id, PartnershipRole.SupportOfficer)]);

    private Task<PlanAction> ActionAsync(int id) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<SaferPlanDbContext>().Actions.AsNoTracking().SingleAsync(a => a.Id == id));

    private Task<List<Amendment>> AmendmentsOfAsync(AmendedItem kind, int itemId) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<SaferPlanDbContext>().Amendments.AsNoTracking().Where(a => a.ItemKind == kind && a.ItemId == itemId).ToListAsync());

    private Task<(int Priorities, int Actions, int Milestones, int Amendments)> CountsAsync(int editionId) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SaferPlanDbContext>();
        return (await db.Priorities.CountAsync(p => p.EditionId == editionId), await db.Actions.CountAsync(a => a.Priority.EditionId == editionId),
            await db.Milestones.CountAsync(m => m.Action.Priority.EditionId == editionId), await db.Amendments.CountAsync(a => a.RecordId == editionId));
    });

    [Fact]
    public async Task AddToApprovedEdition_WithoutReason_IsRefusedNamingTheReasonAndNothingIsAdded()
    {
        var partnership = await ApprovedPlanAsync();
        var editionId = partnership.EditionId;
        var action = await ActionAsync(partnership.ActionIds[0]);
        var user = SupportOfficer(partnership);
        var before = await CountsAsync(editionId);

        var (priority, newAction, milestone, checkedErrors) = await app.WithScopeAsync(async sp =>
        {
            var editor = sp.GetRequiredService<PlanEditor>();
            return (await editor.CreatePriorityAsync(editionId, new PriorityInput { Title = "Not added" }, user),
                await editor.CreateActionAsync(action.PriorityId, new ActionInput { Text = "Not added", AmendmentReason = "   " }, user),
                await editor.CreateMilestoneAsync(action.Id, new MilestoneInput { Text = "Not added" }, user),
                await editor.CheckNewMilestoneAsync(action.Id, new MilestoneInput { Text = "Not added" }, user));
        });

        foreach (var errors in new[] { priority.Errors, newAction.Errors, milestone.Errors, checkedErrors })
        {
            Assert.Equal("Enter the reason for this amendment", Assert.Single(errors).Value);
            Assert.Equal(Amendments.ReasonField, errors.Keys.Single());
        }

        Assert.All(new[] { priority.Status, newAction.Status, milestone.Status }, s => Assert.Equal(EditStatus.Invalid, s));
        Assert.Equal(before, await CountsAsync(editionId));
    }

    [Fact]
    public async Task AddToApprovedEdition_WithReason_AddsEachItemAndRecordsOneAmendmentNamingIt()
    {
        var partnership = await ApprovedPlanAsync();
        var editionId = partnership.EditionId;
        var user = SupportOfficer(partnership);
        var before = await CountsAsync(editionId);

        var (priority, action, milestone) = await app.WithScopeAsync(async sp =>
        {
            var editor = sp.GetRequiredService<PlanEditor>();
            var p = await editor.CreatePriorityAsync(editionId, new PriorityInput { Title = "Reducing rural theft", AmendmentReason = Reason }, user);
            Assert.True(p.Succeeded, p.Message);
            var a = await editor.CreateActionAsync(p.Value.Id, new ActionInput { Text = "Mark farm machinery", AmendmentReason = Reason }, user);
            Assert.True(a.Succeeded, a.Message);
            var m = await editor.CreateMilestoneAsync(a.Value.Id, new MilestoneInput { Text = "Hold a marking day", Marking = ProtectiveMarking.Restricted, AmendmentReason = Reason }, user);
            Assert.True(m.Succeeded, m.Message);
            return (p.Value, a.Value, m.Value);
        });

        var after = await CountsAsync(editionId);
        Assert.Equal((before.Priorities + 1, before.Actions + 1, before.Milestones + 1, before.Amendments + 3), after);
        var forPriority = Assert.Single(await AmendmentsOfAsync(AmendedItem.Priority, priority.Id));
        var forAction = Assert.Single(await AmendmentsOfAsync(AmendedItem.Action, action.Id));
        var forMilestone = Assert.Single(await AmendmentsOfAsync(AmendedItem.Milestone, milestone.Id));
        Assert.Equal($"Priority {priority.Number}", forPriority.ItemReference);
        Assert.Equal(action.Number, forAction.ItemReference);
        Assert.Equal($"{action.Number}a", forMilestone.ItemReference);
        Assert.All(new[] { forPriority, forAction, forMilestone }, a =>
        {
            Assert.Equal((AmendedRecord.PlanEdition, editionId, PlanEditor.AddedChange, Reason), (a.Record, a.RecordId, a.Changes, a.Reason));
            Assert.Equal(("Sam Support", "support-user"), (a.AmendedBy, a.UserId));
            Assert.True(DateTimeOffset.UtcNow - a.AmendedAt < TimeSpan.FromMinutes(5));
        });
        Assert.Equal(ProtectiveMarking.Official, forAction.Marking);
        Assert.Equal(ProtectiveMarking.Restricted, forMilestone.Marking);
        var audited = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().AuditEntries
            .AnyAsync(e => e.EntityType == nameof(Amendment) && e.EntityId == forMilestone.Id));
        Assert.True(audited, "The amendment itself is audited.");
    }

    [Fact]
    public async Task AddToDraftEdition_NeedsNoReasonAndRecordsNoAmendment()
    {
        var partnership = await TestData.Partnership().WithEdition(2011, EditionStatus.Draft).WithAction().SaveAsync(app);
        var draftId = partnership.EditionId;
        var user = SupportOfficer(partnership);
        var before = await CountsAsync(draftId);

        await app.WithScopeAsync(async sp =>
        {
            var editor = sp.GetRequiredService<PlanEditor>();
            var p = await editor.CreatePriorityAsync(draftId, new PriorityInput { Title = "Draft priority" }, user);
            Assert.True(p.Succeeded, p.Message);
            var a = await editor.CreateActionAsync(p.Value.Id, new ActionInput { Text = "Draft action" }, user);
            Assert.True(a.Succeeded, a.Message);
            var m = await editor.CreateMilestoneAsync(a.Value.Id, new MilestoneInput { Text = "Draft milestone" }, user);
            Assert.True(m.Succeeded, m.Message);
            Assert.Empty(await editor.CheckNewMilestoneAsync(a.Value.Id, new MilestoneInput { Text = "Another draft milestone" }, user));
            return 0;
        });

        Assert.Equal((before.Priorities + 1, before.Actions + 1, before.Milestones + 1, before.Amendments), await CountsAsync(draftId));
    }

    [Fact]
    public async Task AddToSupersededEdition_IsRefused()
    {
        var partnership = await TestData.Partnership().WithEdition(2006, EditionStatus.Superseded).WithAction("Old action").SaveAsync(app);
        var user = SupportOfficer(partnership);
        var action = await ActionAsync(partnership.ActionIds[0]);

        var result = await app.WithScopeAsync(sp => sp.GetRequiredService<PlanEditor>()
            .CreateMilestoneAsync(action.Id, new MilestoneInput { Text = "Too late", AmendmentReason = Reason }, user));

        Assert.Equal(EditStatus.Forbidden, result.Status);
        Assert.Contains("superseded", result.Message, StringComparison.Ordinal);
        Assert.Empty(await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Milestones.Where(m => m.ActionId == action.Id).ToListAsync()));
    }

    [Fact]
    public async Task Api_PostToApprovedEditionWithoutReason_Is400NamingAmendmentReason_AndWithReasonIs201()
    {
        var partnership = await ApprovedPlanAsync();
        using var support = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug));
        var action = await ActionAsync(partnership.ActionIds[0]);
        var editionId = partnership.EditionId;
        var path = $"/api/actions/{action.Id}/milestones";

        await PlanApi.ReadValidationErrorAsync(await support.PostAsJsonAsync(path, new { text = "Posted without a reason" }), "amendmentReason");
        await PlanApi.ReadValidationErrorAsync(await support.PostAsJsonAsync($"/api/priorities/{action.PriorityId}/actions", new { text = "Posted without a reason" }), "amendmentReason");
        await PlanApi.ReadValidationErrorAsync(await support.PostAsJsonAsync($"/api/editions/{editionId}/priorities", new { title = "Posted without a reason" }), "amendmentReason");
        var created = await PlanApi.CreatedAsync<MilestoneItemJson>(await support.PostAsJsonAsync(path, new { text = "Posted with a reason", amendmentReason = Reason }));

        var amendments = await PlanApi.OkJsonAsync<List<AmendmentJson>>(await support.GetAsync($"/api/editions/{editionId}/amendments"));
        var listed = amendments.Single(a => a.ItemKind == "Milestone" && a.ItemId == created.Id);
        Assert.Equal(created.Code, listed.ItemReference);
        Assert.Equal("added", listed.Changes);
        Assert.Equal(Reason, listed.Reason);
        Assert.DoesNotContain(amendments, a => a.Reason == "Posted without a reason");
    }

    [Fact]
    public async Task Pages_AddMilestoneFormOfApprovedEdition_AsksTheReasonRefusesWithoutItAndListsTheAddition()
    {
        var partnership = await ApprovedPlanAsync(withDraft: true);
        var action = await ActionAsync(partnership.ActionIds[0]);
        var editionId = partnership.EditionIds[0];
        using var session = new PageSession(app.ServerAddress);
        await session.SignInOrFailAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug));
        var formPath = $"/actions/{action.Id}/milestones/new";
        var form = await session.Client.GetStringAsync(formPath);
        Assert.Contains("Reason for amendment", form, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.AmendmentReason\"", form, StringComparison.Ordinal);
        var before = await CountsAsync(editionId);

        var text = $"Milestone added by amendment {Guid.NewGuid():N}";
        var fields = new Dictionary<string, string>
        {
            ["Input.Text"] = text, ["Input.MeasurementKind"] = "Text", ["Input.Marking"] = "Official",
            ["Input.Version"] = "0",
        };
        using (var refused = await session.PostFormAsync(formPath, formPath, fields))
        {
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
            Assert.Contains("href=\"#Input-AmendmentReason\"", html, StringComparison.Ordinal);
            Assert.Contains("Enter the reason for this amendment", html, StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountsAsync(editionId));
        fields["Input.AmendmentReason"] = "Added at the Board's request.";
        using (var saved = await session.PostFormAsync(formPath, formPath, fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var added = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Milestones.AsNoTracking().SingleAsync(m => m.Text == text));
        Assert.Equal(action.Id, added.ActionId);
        Assert.Single(await AmendmentsOfAsync(AmendedItem.Milestone, added.Id));
        var page = await session.Client.GetStringAsync($"/editions/{editionId}");
        Assert.Contains("Added at the Board&#x27;s request.", page, StringComparison.Ordinal);
        Assert.Contains($"Milestone {added.Code}", page, StringComparison.Ordinal);

        var draftForm = await session.Client.GetStringAsync($"/editions/{partnership.EditionIds[1]}/priorities/new");
        Assert.DoesNotContain("Reason for amendment", draftForm, StringComparison.Ordinal);
        Assert.Contains("Reason for amendment", await session.Client.GetStringAsync($"/editions/{editionId}/priorities/new"), StringComparison.Ordinal);
        Assert.Contains("Reason for amendment", await session.Client.GetStringAsync($"/priorities/{action.PriorityId}/actions/new"), StringComparison.Ordinal);
    }
}

/// <summary>Each test adds to a plan of a partnership of its own (<see cref="TestData"/>): on the shared app.</summary>
public sealed class AmendmentAdditionTestsOnSqlite(SharedSqliteApp shared) : AmendmentAdditionTests(shared.App), IClassFixture<SharedSqliteApp>;

/// <inheritdoc cref="AmendmentAdditionTestsOnSqlite"/>
public sealed class AmendmentAdditionTestsOnPostgres(SharedPostgresApp shared) : AmendmentAdditionTests(shared.App), IClassFixture<SharedPostgresApp>;
