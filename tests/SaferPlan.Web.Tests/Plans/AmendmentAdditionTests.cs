using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Editing;
using SaferPlan.Core.Plans;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Security;

namespace SaferPlan.Web.Tests.Plans;

/// <summary>
/// Adding a priority, action or milestone to an approved edition is a change to it, and so an amendment (issue 10, item 8):
/// refused without a reason, and with one saved together with an amendment that names the new item; a draft takes
/// additions with no reason; a superseded edition takes none.
/// </summary>
public abstract class AmendmentAdditionTests(SaferPlanFactory app)
{
    private const string Reason = "The Board agreed on 7 March 2011 to add this to the approved plan.";

    private async Task<int> PartnershipIdAsync() =>
        await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Partnerships.Where(p => p.Slug == "south-cambridgeshire").Select(p => p.Id).SingleAsync());

    private async Task<UserContext> SupportOfficerAsync() =>
        new("support-user", "Sam Support", null, [new PartnershipMembership(await PartnershipIdAsync(), PartnershipRole.SupportOfficer)]);

    private Task<PlanEdition> ApprovedEditionAsync() => app.WithScopeAsync(sp =>
        sp.GetRequiredService<SaferPlanDbContext>().Editions.AsNoTracking().SingleAsync(e => e.YearStart == 2010 && e.Status == EditionStatus.Approved));

    private Task<PlanAction> ApprovedActionAsync(string number) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<SaferPlanDbContext>().Actions.AsNoTracking().Include(a => a.Priority)
            .SingleAsync(a => a.Number == number && a.Priority.Edition.YearStart == 2010 && a.Priority.Edition.Status == EditionStatus.Approved));

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
        var edition = await ApprovedEditionAsync();
        var action = await ApprovedActionAsync("2.1");
        var user = await SupportOfficerAsync();
        var before = await CountsAsync(edition.Id);

        var (priority, newAction, milestone, checkedErrors) = await app.WithScopeAsync(async sp =>
        {
            var editor = sp.GetRequiredService<PlanEditor>();
            return (await editor.CreatePriorityAsync(edition.Id, new PriorityInput { Title = "Not added" }, user),
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
        Assert.Equal(before, await CountsAsync(edition.Id));
    }

    [Fact]
    public async Task AddToApprovedEdition_WithReason_AddsEachItemAndRecordsOneAmendmentNamingIt()
    {
        var edition = await ApprovedEditionAsync();
        var user = await SupportOfficerAsync();
        var before = await CountsAsync(edition.Id);

        var (priority, action, milestone) = await app.WithScopeAsync(async sp =>
        {
            var editor = sp.GetRequiredService<PlanEditor>();
            var p = await editor.CreatePriorityAsync(edition.Id, new PriorityInput { Title = "Reducing rural theft", AmendmentReason = Reason }, user);
            Assert.True(p.Succeeded, p.Message);
            var a = await editor.CreateActionAsync(p.Value.Id, new ActionInput { Text = "Mark farm machinery", AmendmentReason = Reason }, user);
            Assert.True(a.Succeeded, a.Message);
            var m = await editor.CreateMilestoneAsync(a.Value.Id, new MilestoneInput { Text = "Hold a marking day", Marking = ProtectiveMarking.Restricted, AmendmentReason = Reason }, user);
            Assert.True(m.Succeeded, m.Message);
            return (p.Value, a.Value, m.Value);
        });

        var after = await CountsAsync(edition.Id);
        Assert.Equal((before.Priorities + 1, before.Actions + 1, before.Milestones + 1, before.Amendments + 3), after);
        var forPriority = Assert.Single(await AmendmentsOfAsync(AmendedItem.Priority, priority.Id));
        var forAction = Assert.Single(await AmendmentsOfAsync(AmendedItem.Action, action.Id));
        var forMilestone = Assert.Single(await AmendmentsOfAsync(AmendedItem.Milestone, milestone.Id));
        Assert.Equal($"Priority {priority.Number}", forPriority.ItemReference);
        Assert.Equal(action.Number, forAction.ItemReference);
        Assert.Equal($"{action.Number}a", forMilestone.ItemReference);
        Assert.All(new[] { forPriority, forAction, forMilestone }, a =>
        {
            Assert.Equal((AmendedRecord.PlanEdition, edition.Id, PlanEditor.AddedChange, Reason), (a.Record, a.RecordId, a.Changes, a.Reason));
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
        var draftId = await app.DraftEditionIdAsync();
        var user = await SupportOfficerAsync();
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
        var user = await SupportOfficerAsync();
        var partnershipId = await PartnershipIdAsync();
        var action = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var approved = await db.Editions.AsNoTracking().SingleAsync(e => e.YearStart == 2010 && e.Status == EditionStatus.Approved);
            var superseded = new PlanEdition
            {
                PlanId = approved.PlanId, YearStart = 2006, Label = "Older", Title = "Superseded plan", Status = EditionStatus.Superseded,
                Priorities = [new Priority { Number = 1, Title = "Old priority", Actions = [new PlanAction { Number = "1.1", Text = "Old action" }] }],
            };
            db.Editions.Add(superseded);
            db.AuditPartnershipId = partnershipId;
            await db.SaveChangesAsync();
            return superseded.Priorities[0].Actions[0];
        });

        var result = await app.WithScopeAsync(sp => sp.GetRequiredService<PlanEditor>()
            .CreateMilestoneAsync(action.Id, new MilestoneInput { Text = "Too late", AmendmentReason = Reason }, user));

        Assert.Equal(EditStatus.Forbidden, result.Status);
        Assert.Contains("superseded", result.Message, StringComparison.Ordinal);
        Assert.Empty(await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Milestones.Where(m => m.ActionId == action.Id).ToListAsync()));
    }

    [Fact]
    public async Task Api_PostToApprovedEditionWithoutReason_Is400NamingAmendmentReason_AndWithReasonIs201()
    {
        using var support = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer));
        var action = await ApprovedActionAsync("3.2");
        var editionId = await PlanApi.EditionIdAsync(support, "2010/11");
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
        var action = await ApprovedActionAsync("3.3");
        var edition = await ApprovedEditionAsync();
        using var session = new PageSession(app.ServerAddress);
        await session.SignInOrFailAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer));
        var formPath = $"/actions/{action.Id}/milestones/new";
        var form = await session.Client.GetStringAsync(formPath);
        Assert.Contains("Reason for amendment", form, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.AmendmentReason\"", form, StringComparison.Ordinal);
        var before = await CountsAsync(edition.Id);

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

        Assert.Equal(before, await CountsAsync(edition.Id));
        fields["Input.AmendmentReason"] = "Added at the Board's request.";
        using (var saved = await session.PostFormAsync(formPath, formPath, fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var added = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Milestones.AsNoTracking().SingleAsync(m => m.Text == text));
        Assert.Equal(action.Id, added.ActionId);
        Assert.Single(await AmendmentsOfAsync(AmendedItem.Milestone, added.Id));
        var page = await session.Client.GetStringAsync($"/editions/{edition.Id}");
        Assert.Contains("Added at the Board&#x27;s request.", page, StringComparison.Ordinal);
        Assert.Contains($"Milestone {added.Code}", page, StringComparison.Ordinal);

        var draftForm = await session.Client.GetStringAsync($"/editions/{await app.DraftEditionIdAsync()}/priorities/new");
        Assert.DoesNotContain("Reason for amendment", draftForm, StringComparison.Ordinal);
        Assert.Contains("Reason for amendment", await session.Client.GetStringAsync($"/editions/{edition.Id}/priorities/new"), StringComparison.Ordinal);
        Assert.Contains("Reason for amendment", await session.Client.GetStringAsync($"/priorities/{action.PriorityId}/actions/new"), StringComparison.Ordinal);
    }
}

public sealed class AmendmentAdditionTestsOnSqlite(SqliteFactory app) : AmendmentAdditionTests(app), IClassFixture<SqliteFactory>;

public sealed class AmendmentAdditionTestsOnPostgres(PostgresFactory app) : AmendmentAdditionTests(app), IClassFixture<PostgresFactory>;
