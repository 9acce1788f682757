using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Data;
using SaferPlan.Core.Editing;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Plans;
using SaferPlan.Core.Tests.Data;

namespace SaferPlan.Core.Tests.Plans;

/// <summary>The editing rules, against a real SQLite file holding the demo partnership.</summary>
public sealed class PlanEditorTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("saferplan-core-").FullName;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2011, 1, 14, 9, 30, 0, TimeSpan.Zero));
    private const string Reason = "Agreed by the Board as an amendment to the approved plan.";
    private int partnershipId;
    private int editionId;

    public async Task InitializeAsync()
    {
        await DemoDatabaseFiles.CopyAsync(Path.Combine(folder, "plan.db"), time.GetUtcNow());
        await using var db = Open(AuditActor.System);
        partnershipId = await db.Partnerships.Where(p => p.Slug == "south-cambridgeshire").Select(p => p.Id).SingleAsync();
        editionId = await db.Editions.Where(e => e.YearStart == 2010).Select(e => e.Id).SingleAsync();
    }

    private string ConnectionString => $"Data Source={Path.Combine(folder, "plan.db")}";

    public Task DisposeAsync()
    {
        DemoDatabaseFiles.Release(ConnectionString);
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    private SaferPlanDbContext Open(AuditActor actor)
    {
        var builder = new DbContextOptionsBuilder<SaferPlanDbContext>();
        new DatabaseSettings(DatabaseProvider.Sqlite, ConnectionString).Configure(builder);
        return new SaferPlanDbContext(builder.Options, new FixedActorAccessor(actor), time);
    }

    private PlanEditor Editor(SaferPlanDbContext db) => new(db, new UpdateService(db, time, new PublicationService(db, time)), new PlanReader(db, time), time);

    private UserContext Officer(PartnershipRole role, int? personId = null) =>
        new("user-1", "officer@example.org", personId, [new PartnershipMembership(partnershipId, role)]);

    [Fact]
    public async Task DemoLoad_SecondTime_ChangesNothing()
    {
        await using var db = Open(AuditActor.System);
        var before = await db.Milestones.CountAsync();

        var results = await Data.DemoLoaders.For(db).LoadAllAsync();

        Assert.All(results, r => Assert.False(r.Loaded));
        Assert.Equal(before, await db.Milestones.CountAsync());
        Assert.Equal(138, before);
    }

    [Fact]
    public async Task CheckNewPriority_BlankTitle_NamesTheErrorAndSavesNothing()
    {
        await using var db = Open(AuditActor.System);
        var before = await db.Priorities.CountAsync();

        var errors = await Editor(db).CheckNewPriorityAsync(editionId, new PriorityInput { Title = " " }, Officer(PartnershipRole.SupportOfficer));

        Assert.Equal("Enter the priority's title", errors["Title"]);
        Assert.False(db.ChangeTracker.HasChanges());
        Assert.Equal(before, await db.Priorities.CountAsync());
    }

    [Fact]
    public async Task CheckMilestone_ValidChange_HasNoErrorsAndLeavesTheMilestoneUnchanged()
    {
        await using var db = Open(AuditActor.System);
        var milestone = await db.Milestones.AsNoTracking().SingleAsync(m => m.Code == "1.6a" && m.Action.Priority!.EditionId == editionId);

        var errors = await Editor(db).CheckMilestoneAsync(milestone.Id, MilestoneInput.From(milestone) with { Text = "Checked, not saved", AmendmentReason = Reason }, Officer(PartnershipRole.SupportOfficer));

        Assert.Empty(errors);
        Assert.False(db.ChangeTracker.HasChanges());
        Assert.Equal(milestone.Text, (await db.Milestones.AsNoTracking().SingleAsync(m => m.Id == milestone.Id)).Text);
    }

    [Fact]
    public async Task CreateAction_BlankNumber_TakesNextNumberUnderPriority()
    {
        await using var db = Open(AuditActor.System);
        var priority = await db.Priorities.SingleAsync(p => p.EditionId == editionId && p.Number == 1);

        var result = await Editor(db).CreateActionAsync(priority.Id, new ActionInput { Text = "Run a vehicle crime roadshow", AmendmentReason = Reason }, Officer(PartnershipRole.SupportOfficer));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("1.8", result.Value!.Number);
    }

    [Fact]
    public async Task CreateMilestone_BlankCode_TakesNextLetter()
    {
        await using var db = Open(AuditActor.System);
        var action = await db.Actions.SingleAsync(a => a.Number == "1.6" && a.Priority.EditionId == editionId);

        var result = await Editor(db).CreateMilestoneAsync(action.Id, new MilestoneInput { Text = "Hold a rogue trader awareness day", AmendmentReason = Reason }, Officer(PartnershipRole.SupportOfficer));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("1.6f", result.Value!.Code);
    }

    [Fact]
    public async Task UpdateAction_DuplicateNumberInEdition_IsRefusedAndNothingChanges()
    {
        await using var db = Open(AuditActor.System);
        var action = await db.Actions.AsNoTracking().SingleAsync(a => a.Number == "1.3" && a.Priority.EditionId == editionId);

        var result = await Editor(db).UpdateActionAsync(action.Id, ActionInput.From(action) with { Number = "2.1" }, action.Version, Officer(PartnershipRole.SupportOfficer));

        Assert.Equal(EditStatus.Invalid, result.Status);
        Assert.Equal("Action 2.1 already exists in this edition: enter a different number", result.Errors["Number"]);
        await using var check = Open(AuditActor.System);
        Assert.Equal("1.3", (await check.Actions.SingleAsync(a => a.Id == action.Id)).Number);
    }

    [Fact]
    public async Task UpdateMilestone_StaleVersion_IsConflictNamingWhoChangedIt()
    {
        var editor = Open(new AuditActor("u2", "first.officer@example.org"));
        var milestone = await editor.Milestones.AsNoTracking().SingleAsync(m => m.Code == "1.1a" && m.Action.Priority!.EditionId == editionId);
        var first = await Editor(editor).UpdateMilestoneAsync(milestone.Id, MilestoneInput.From(milestone) with { Text = "First officer's text", AmendmentReason = Reason }, milestone.Version, Officer(PartnershipRole.SupportOfficer));
        await editor.DisposeAsync();
        Assert.True(first.Succeeded, first.Message);

        await using var second = Open(new AuditActor("u3", "second.officer@example.org"));
        var result = await Editor(second).UpdateMilestoneAsync(milestone.Id, MilestoneInput.From(milestone) with { Text = "Second officer's text", AmendmentReason = Reason }, milestone.Version, Officer(PartnershipRole.SupportOfficer));

        Assert.Equal(EditStatus.Conflict, result.Status);
        Assert.Contains("changed by first.officer at", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("@", result.Message, StringComparison.Ordinal);
        await using var check = Open(AuditActor.System);
        Assert.Equal("First officer's text", (await check.Milestones.SingleAsync(m => m.Id == milestone.Id)).Text);
    }

    [Fact]
    public async Task UpdateMilestone_RecordsEachChangedFieldInAuditTrail()
    {
        await using var db = Open(new AuditActor("u4", "support@example.org"));
        var milestone = await db.Milestones.AsNoTracking().SingleAsync(m => m.Code == "3.1d" && m.Action.Priority!.EditionId == editionId);

        var result = await Editor(db).UpdateMilestoneAsync(milestone.Id, MilestoneInput.From(milestone) with { Target = "Attend every MARAC", DueQuarters = "2010/11 Q2, 2010-11-q4", AmendmentReason = Reason }, milestone.Version, Officer(PartnershipRole.SupportOfficer));

        Assert.True(result.Succeeded, result.Message);
        var history = await new AuditReader(db).HistoryAsync(nameof(Milestone), milestone.Id, withEmailAddresses: true);
        var entry = history[0];
        Assert.Equal(AuditAction.Updated, entry.Action);
        Assert.Equal("support@example.org", entry.Actor);
        Assert.Equal(time.GetUtcNow(), entry.OccurredAt);
        Assert.Contains(entry.Changes, c => c is { Field: "Target", Old: null, New: "Attend every MARAC" });
        Assert.Contains(entry.Changes, c => c is { Field: "DueQuarters", New: "2010-11-q2,2010-11-q4" });
        Assert.DoesNotContain(entry.Changes, c => c.Field == "Version");
    }

    [Fact]
    public async Task LeadOfficer_EditsWhatTheyLeadOnly()
    {
        await using var db = Open(AuditActor.System);
        var daveSargent = await db.People.Where(p => p.Key == "dave-sargent").Select(p => p.Id).SingleAsync();
        var own = await db.Milestones.AsNoTracking().SingleAsync(m => m.Code == "1.6a" && m.Action.Priority!.EditionId == editionId);
        var other = await db.Milestones.AsNoTracking().SingleAsync(m => m.Code == "2.2a" && m.Action.Priority!.EditionId == editionId);
        var lead = Officer(PartnershipRole.LeadOfficer, daveSargent);
        var editor = Editor(db);

        var allowed = await editor.UpdateMilestoneAsync(own.Id, MilestoneInput.From(own) with { Source = "Trading Standards", AmendmentReason = Reason }, own.Version, lead);
        var refused = await editor.UpdateMilestoneAsync(other.Id, MilestoneInput.From(other) with { Source = "Police", AmendmentReason = Reason }, other.Version, lead);
        var priority = await editor.CreatePriorityAsync(editionId, new PriorityInput { Title = "Reducing arson" }, lead);

        Assert.True(allowed.Succeeded, allowed.Message);
        Assert.Equal(EditStatus.Forbidden, refused.Status);
        Assert.Equal(EditStatus.Forbidden, priority.Status);
    }

    [Fact]
    public async Task BoardMember_CannotEditAnything()
    {
        await using var db = Open(AuditActor.System);
        var milestone = await db.Milestones.AsNoTracking().FirstAsync(m => m.Action.Priority!.EditionId == editionId);

        var result = await Editor(db).UpdateMilestoneAsync(milestone.Id, MilestoneInput.From(milestone) with { Text = "Changed" }, milestone.Version, Officer(PartnershipRole.BoardMember));

        Assert.Equal(EditStatus.Forbidden, result.Status);
    }

    [Fact]
    public async Task MovePriority_InApprovedEdition_IsRefusedAndOrderKept()
    {
        await using var db = Open(AuditActor.System);
        var before = await db.Priorities.Where(p => p.EditionId == editionId).OrderBy(p => p.SortOrder).Select(p => p.Id).ToListAsync();

        var result = await Editor(db).MovePriorityAsync(before[0], MoveDirection.Down, Officer(PartnershipRole.Administrator));

        Assert.Equal(EditStatus.Forbidden, result.Status);
        Assert.Contains("approved by the Board", result.Message, StringComparison.Ordinal);
        await using var check = Open(AuditActor.System);
        Assert.Equal(before, await check.Priorities.Where(p => p.EditionId == editionId).OrderBy(p => p.SortOrder).Select(p => p.Id).ToListAsync());
    }

    [Fact]
    public async Task UpdateMilestone_InApprovedEditionWithReason_SavesAndRecordsTheAuditedAmendment()
    {
        await using var db = Open(new AuditActor("u5", "support@example.org"));
        var milestone = await db.Milestones.AsNoTracking().SingleAsync(m => m.Code == "1.6b" && m.Action.Priority!.EditionId == editionId);

        var result = await Editor(db).UpdateMilestoneAsync(milestone.Id, MilestoneInput.From(milestone) with { Text = "Reworded", AmendmentReason = Reason }, milestone.Version, Officer(PartnershipRole.SupportOfficer));

        Assert.True(result.Succeeded, result.Message);
        await using var check = Open(AuditActor.System);
        var amendment = await check.Amendments.SingleAsync();
        Assert.Equal(("1.6b", "text", Reason, time.GetUtcNow()), (amendment.ItemReference, amendment.Changes, amendment.Reason, amendment.AmendedAt));
        Assert.Equal("Reworded", (await check.Milestones.SingleAsync(m => m.Id == milestone.Id)).Text);
        Assert.True(await check.AuditEntries.AnyAsync(e => e.EntityType == nameof(Amendment) && e.EntityId == amendment.Id));
    }

    [Fact]
    public async Task MovePriority_Down_SwapsOrderWithNext()
    {
        await using var db = Open(AuditActor.System);
        (await db.Editions.SingleAsync(e => e.Id == editionId)).Status = EditionStatus.Draft;
        await db.SaveChangesAsync();
        var ordered = await db.Priorities.Where(p => p.EditionId == editionId).OrderBy(p => p.SortOrder).Select(p => p.Number).ToListAsync();

        var first = await db.Priorities.SingleAsync(p => p.EditionId == editionId && p.Number == ordered[0] && p.Kind == PriorityKind.Priority);
        var result = await Editor(db).MovePriorityAsync(first.Id, MoveDirection.Down, Officer(PartnershipRole.Administrator));

        Assert.True(result.Succeeded, result.Message);
        await using var check = Open(AuditActor.System);
        var after = await check.Priorities.Where(p => p.EditionId == editionId).OrderBy(p => p.SortOrder).Select(p => p.Number).ToListAsync();
        Assert.Equal([ordered[1], ordered[0], .. ordered.Skip(2)], after);
    }
}
