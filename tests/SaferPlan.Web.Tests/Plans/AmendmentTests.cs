using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Editing;
using SaferPlan.Core.Plans;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Plans;

/// <summary>
/// Approved editions are not edited in place (issue 10, item 8): a change to one is an amendment with its reason, who
/// and when, saved with the change; nothing is deleted from one; drafts change freely.
/// </summary>
public abstract class AmendmentTests(SaferPlanFactory app)
{
    private const string Reason = "The Board agreed on 7 March 2011 to widen the target to every MARAC.";

    /// <summary>A partnership of the test's own whose plan has an approved 2010/11 edition holding one milestone, 1.1a.</summary>
    private Task<TestPartnership> ApprovedPlanAsync() => TestData.Partnership().WithEdition(2010, EditionStatus.Approved).WithMilestone().SaveAsync(app);

    private static UserContext SupportOfficer(TestPartnership partnership) =>
        new("support-user", "Sam Support", null, [new PartnershipMembership(partnership.Id, PartnershipRole.SupportOfficer)]);

    /// <summary>A milestone as stored now.</summary>
    private Task<Milestone> MilestoneAsync(int id) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<SaferPlanDbContext>().Milestones.AsNoTracking().SingleAsync(m => m.Id == id));

    private Task<List<Amendment>> AmendmentsOfAsync(int milestoneId) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<SaferPlanDbContext>().Amendments.AsNoTracking()
            .Where(a => a.ItemKind == AmendedItem.Milestone && a.ItemId == milestoneId).ToListAsync());

    private Task<EditResult<Milestone>> UpdateAsync(Milestone milestone, MilestoneInput input, UserContext user) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<PlanEditor>().UpdateMilestoneAsync(milestone.Id, input, milestone.Version, user));

    [Fact]
    public async Task UpdateApprovedMilestone_WithoutReason_IsRefusedNamingTheReasonAndNothingChanges()
    {
        var partnership = await ApprovedPlanAsync();
        var milestone = await MilestoneAsync(partnership.Milestones[0].Id);

        var result = await UpdateAsync(milestone, MilestoneInput.From(milestone) with { Target = "Not saved", AmendmentReason = "  " }, SupportOfficer(partnership));

        Assert.Equal(EditStatus.Invalid, result.Status);
        Assert.Equal("Enter the reason for this amendment", result.Errors[Amendments.ReasonField]);
        Assert.Equal(milestone.Target, (await MilestoneAsync(milestone.Id)).Target);
        Assert.Empty(await AmendmentsOfAsync(milestone.Id));
    }

    [Fact]
    public async Task UpdateApprovedMilestone_WithReason_SavesAndRecordsTheAmendmentWithWhoWhenAndWhy()
    {
        var partnership = await ApprovedPlanAsync();
        var milestone = await MilestoneAsync(partnership.Milestones[0].Id);

        var result = await UpdateAsync(milestone, MilestoneInput.From(milestone) with { Target = "Attend every MARAC", Source = "MARAC minutes", AmendmentReason = Reason }, SupportOfficer(partnership));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("Attend every MARAC", (await MilestoneAsync(milestone.Id)).Target);
        var amendment = Assert.Single(await AmendmentsOfAsync(milestone.Id));
        Assert.Equal("1.1a", amendment.ItemReference);
        Assert.Equal(AmendedRecord.PlanEdition, amendment.Record);
        Assert.Equal("source, target", amendment.Changes);
        Assert.Equal(Reason, amendment.Reason);
        Assert.Equal("Sam Support", amendment.AmendedBy);
        Assert.Equal("support-user", amendment.UserId);
        Assert.True(DateTimeOffset.UtcNow - amendment.AmendedAt < TimeSpan.FromMinutes(5));
        var audited = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().AuditEntries
            .AnyAsync(e => e.EntityType == nameof(Amendment) && e.EntityId == amendment.Id));
        Assert.True(audited, "The amendment itself is audited.");
    }

    [Fact]
    public async Task UpdateApprovedMilestone_UnchangedWithReason_RecordsNoAmendment()
    {
        var partnership = await ApprovedPlanAsync();
        var milestone = await MilestoneAsync(partnership.Milestones[0].Id);

        var result = await UpdateAsync(milestone, MilestoneInput.From(milestone) with { AmendmentReason = Reason }, SupportOfficer(partnership));

        Assert.True(result.Succeeded, result.Message);
        Assert.Empty(await AmendmentsOfAsync(milestone.Id));
    }

    [Fact]
    public async Task DeleteApprovedMilestone_IsRefusedSayingTheEditionIsApprovedAndTheMilestoneStays()
    {
        var partnership = await ApprovedPlanAsync();
        var milestone = await MilestoneAsync(partnership.Milestones[0].Id);
        var user = SupportOfficer(partnership);

        var result = await app.WithScopeAsync(sp => sp.GetRequiredService<PlanEditor>().DeleteMilestoneAsync(milestone.Id, milestone.Version, user));

        Assert.Equal(EditStatus.Forbidden, result.Status);
        Assert.Contains("approved by the Board", result.Message, StringComparison.Ordinal);
        Assert.Contains("milestone 1.1a", result.Message, StringComparison.Ordinal);
        Assert.Equal(milestone.Version, (await MilestoneAsync(milestone.Id)).Version);
    }

    [Fact]
    public async Task DraftEdition_ChangesWithoutReasonAndDeletes_RecordingNoAmendment()
    {
        var partnership = await TestData.Partnership().WithEdition(2011, EditionStatus.Draft).WithAction().SaveAsync(app);
        var draftId = partnership.EditionId;
        var user = SupportOfficer(partnership);
        var (created, updated, deleted) = await app.WithScopeAsync(async sp =>
        {
            var editor = sp.GetRequiredService<PlanEditor>();
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var action = await db.Actions.AsNoTracking().FirstAsync(a => a.Priority.EditionId == draftId);
            var made = await editor.CreateMilestoneAsync(action.Id, new MilestoneInput { Text = "Draft milestone" }, user);
            Assert.True(made.Succeeded, made.Message);
            var input = MilestoneInput.From(made.Value) with { Text = "Draft milestone, reworded" };
            var changed = await editor.UpdateMilestoneAsync(made.Value.Id, input, made.Value.Version, user);
            Assert.True(changed.Succeeded, changed.Message);
            var gone = await editor.DeleteMilestoneAsync(made.Value.Id, changed.Value.Version, user);
            return (made.Value.Id, changed, gone);
        });

        Assert.True(updated.Succeeded, updated.Message);
        Assert.True(deleted.Succeeded, deleted.Message);
        Assert.Empty(await AmendmentsOfAsync(created));
    }

    [Fact]
    public async Task SupersededEdition_RefusesEveryChange()
    {
        var partnership = await TestData.Partnership().WithEdition(2007, EditionStatus.Superseded).WithMilestone(text: "Old milestone").SaveAsync(app);
        var user = SupportOfficer(partnership);
        var milestone = await MilestoneAsync(partnership.Milestones[0].Id);

        var result = await UpdateAsync(milestone, MilestoneInput.From(milestone) with { Text = "Changed", AmendmentReason = Reason }, user);

        Assert.Equal(EditStatus.Forbidden, result.Status);
        Assert.Contains("superseded", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupersededEdition_EditForms_SayWhyInsteadOfOfferingAFormThatCannotSave()
    {
        var partnership = await TestData.Partnership().WithEdition(2007, EditionStatus.Superseded).WithMilestone(text: "Old milestone").SaveAsync(app);
        using var session = await PageSession.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        var (priority, action, milestone) = (partnership.PriorityIds[0], partnership.ActionIds[0], partnership.Milestones[0].Id);

        foreach (var form in new[]
        {
            $"/priorities/{priority}/edit", $"/priorities/{priority}/actions/new", $"/actions/{action}/edit", $"/actions/{action}/milestones/new", $"/milestones/{milestone}/edit",
        })
        {
            using var refused = await session.Client.GetAsync(form);
            Assert.True(refused.StatusCode == HttpStatusCode.Redirect, $"GET {form} answered {(int)refused.StatusCode}");
            Assert.Contains("access-denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
            var (status, html) = await session.PageAsync(refused.Headers.Location.OriginalString);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Contains("The 2007/08 edition has been superseded", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Api_PutApprovedMilestoneWithoutReason_Is400NamingAmendmentReason_AndWithReasonIsListedForMembersOnly()
    {
        var partnership = await ApprovedPlanAsync();
        using var support = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug));
        var milestone = await MilestoneAsync(partnership.Milestones[0].Id);
        var path = $"/api/milestones/{milestone.Id}";
        var body = PlanApi.PutBody(await PlanApi.GetItemAsync<MilestoneItemJson>(support, path));
        body["target"] = "Changed by amendment";
        body.Remove("amendmentReason");

        await PlanApi.ReadValidationErrorAsync(await PlanApi.PutAsync(support, path, body), "amendmentReason");
        body["amendmentReason"] = Reason;
        await PlanApi.PutOkAsync<MilestoneItemJson>(support, path, body);

        var editionId = partnership.EditionId;
        var amendments = await PlanApi.OkJsonAsync<List<AmendmentJson>>(await support.GetAsync($"/api/editions/{editionId}/amendments"));
        var listed = amendments.Single(a => a.ItemId == milestone.Id);
        Assert.Equal("1.1a", listed.ItemReference);
        Assert.Equal("target", listed.Changes);
        Assert.Equal(Reason, listed.Reason);
        using var visitor = await app.ApiClientAsync();
        await PlanApi.ReadProblemAsync(await visitor.GetAsync($"/api/editions/{editionId}/amendments"), HttpStatusCode.Unauthorized);
        var refused = await PlanApi.ReadProblemAsync(await PlanApi.DeleteAsync(support, path, version: milestone.Version + 1), HttpStatusCode.Forbidden);
        Assert.Contains("approved by the Board", refused.Detail, StringComparison.Ordinal);
        await PlanApi.GetItemAsync<MilestoneItemJson>(support, path);
    }

    [Fact]
    public async Task Pages_ApprovedMilestoneForm_AsksTheReasonAndOffersNoDelete_AndTheEditionListsTheAmendment()
    {
        var partnership = await ApprovedPlanAsync();
        var milestone = await MilestoneAsync(partnership.Milestones[0].Id);
        using var session = new PageSession(app.ServerAddress);
        await session.SignInOrFailAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug));
        var formPath = $"/milestones/{milestone.Id}/edit";
        var form = await session.Client.GetStringAsync(formPath);
        Assert.Contains("Reason for amendment", form, StringComparison.Ordinal);
        Assert.Contains("This is recorded with the change as an amendment to the approved plan", form, StringComparison.Ordinal);
        var page = await session.Client.GetStringAsync($"/milestones/{milestone.Id}");
        Assert.DoesNotContain("Delete milestone", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/delete\"", page, StringComparison.Ordinal);

        var fields = new Dictionary<string, string>
        {
            ["Input.Code"] = milestone.Code, ["Input.Text"] = milestone.Text + " (amended)", ["Input.MeasurementKind"] = milestone.MeasurementKind.ToString(),
            ["Input.Marking"] = milestone.Marking.ToString(), ["Input.ActionId"] = milestone.ActionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Version"] = milestone.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        using (var refused = await session.PostFormAsync(formPath, formPath, fields))
        {
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
            Assert.Contains("Enter the reason for this amendment", html, StringComparison.Ordinal);
        }

        fields["Input.AmendmentReason"] = "Reworded at the Board's request.";
        using (var saved = await session.PostFormAsync(formPath, formPath, fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var edition = await session.Client.GetStringAsync($"/editions/{partnership.EditionId}");
        Assert.Contains("Amendments since approval", edition, StringComparison.Ordinal);
        Assert.Contains("Reworded at the Board&#x27;s request.", edition, StringComparison.Ordinal);
        Assert.Contains("Milestone 1.1a", edition, StringComparison.Ordinal);
        Assert.DoesNotContain($"/actions/{milestone.ActionId}/delete", edition, StringComparison.Ordinal);

        using var visitor = new HttpClient { BaseAddress = app.ServerAddress };
        var publicPage = await visitor.GetStringAsync($"/editions/{partnership.EditionId}");
        Assert.Contains("This plan was amended after approval on", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Reworded at the Board", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Amendments since approval", publicPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestrictedItemAmendment_NeverReachesAVisitor()
    {
        var partnership = await ApprovedPlanAsync();
        var (partnershipId, editionId) = (partnership.Id, partnership.EditionId);
        var amendmentId = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var amendment = new Amendment
            {
                PartnershipId = partnershipId, Record = AmendedRecord.PlanEdition, RecordId = editionId, ItemKind = AmendedItem.Milestone, ItemId = 1,
                ItemReference = "9.9z", Changes = "text", Reason = "Restricted operation renamed", Marking = ProtectiveMarking.Restricted,
                AmendedBy = "Sam Support", AmendedAt = new DateTimeOffset(2011, 2, 3, 10, 0, 0, TimeSpan.Zero),
            };
            db.Amendments.Add(amendment);
            db.AuditPartnershipId = partnershipId;
            await db.SaveChangesAsync();
            return amendment.Id;
        });

        using var visitor = new HttpClient { BaseAddress = app.ServerAddress };
        var publicPage = await visitor.GetStringAsync($"/editions/{editionId}");

        Assert.True(amendmentId > 0);
        Assert.DoesNotContain("3 February 2011", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Restricted operation renamed", publicPage, StringComparison.Ordinal);
        using var member = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember, partnership: partnership.Slug));
        var listed = await PlanApi.OkJsonAsync<List<AmendmentJson>>(await member.GetAsync($"/api/editions/{editionId}/amendments"));
        Assert.Contains(listed, a => a.Reason == "Restricted operation renamed" && a.Marking == "Restricted");
    }
}

/// <summary>Each test amends a plan of a partnership of its own (<see cref="TestData"/>): on the shared app.</summary>
public sealed class AmendmentTestsOnSqlite(SharedSqliteApp shared) : AmendmentTests(shared.App), IClassFixture<SharedSqliteApp>;

/// <inheritdoc cref="AmendmentTestsOnSqlite"/>
public sealed class AmendmentTestsOnPostgres(SharedPostgresApp shared) : AmendmentTests(shared.App), IClassFixture<SharedPostgresApp>;
