using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Editing;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Periods;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Monitoring;

/// <summary>
/// A published quarter stays as the Board and the public read it: its lead officers can no longer change its updates
/// (an accepted update rewritten would drop out of the published report until reviewed again), support officers still
/// can, and withdrawing the publication opens it again. And an action's update does not start by replacing updates its
/// milestones already have of their own.
/// </summary>
public abstract class PublishedQuarterTests(SaferPlanFactory app)
{
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("2010/11 Q2");

    private sealed record Setup(string Slug, string LeadKey, int PartnershipId, int ActionId, Dictionary<string, int> Milestones, UserContext Lead, UserContext Support);

    /// <summary>A partnership of the test's own: action 1.1 with three milestones led by Dave Sargent; 2010/11 Q2 opened.</summary>
    private async Task<Setup> SetUpAsync()
    {
        var partnership = await TestData.Partnership().WithPerson(out var dave, "Dave Sargent").WithEdition(2010).WithPriority(lead: dave).WithAction(lead: dave)
            .WithMilestone().WithMilestone().WithMilestone().SaveAsync(app);
        var lead = new UserContext("lead", "Dave Sargent", dave.Id, [new PartnershipMembership(partnership.Id, PartnershipRole.LeadOfficer)]);
        var support = new UserContext("support", "Sam Support", null, [new PartnershipMembership(partnership.Id, PartnershipRole.SupportOfficer)]);
        var opened = await app.WithScopeAsync(sp => sp.GetRequiredService<UpdateService>().OpenRoundAsync(partnership.Id, Q2, new DateOnly(2099, 4, 8), null, support));
        Assert.True(opened.Succeeded, opened.Message);
        return new Setup(partnership.Slug, dave.Key, partnership.Id, partnership.ActionIds[0], partnership.Milestones.ToDictionary(m => m.Code, m => m.Id), lead, support);
    }

    private static UpdateInput Input(string progress, ProtectiveMarking marking = ProtectiveMarking.Official, bool submit = true) =>
        new() { Progress = progress, Status = UpdateStatus.OnTrack, Marking = marking, Submit = submit };

    private Task<EditResult<MilestoneUpdate>> SaveAsync(Setup s, string code, UpdateInput input, int version, UserContext user) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<UpdateService>().SaveAsync(s.Milestones[code], Q2, input, version, user));

    /// <summary>The milestone's update is written by the lead and accepted by the support officer.</summary>
    private async Task<MilestoneUpdate> AcceptedAsync(Setup s, string code, string progress)
    {
        var written = await SaveAsync(s, code, Input(progress), 0, s.Lead);
        Assert.True(written.Succeeded, written.Message);
        var accepted = await app.WithScopeAsync(sp => sp.GetRequiredService<UpdateService>().ReviewAsync(written.Value!.Id, accept: true, null, written.Value.Version, s.Support));
        Assert.True(accepted.Succeeded, accepted.Message);
        return accepted.Value!;
    }

    [Fact]
    public async Task LeadOfficer_QuarterPublished_IsRefusedAloneAndForTheAction_SupportOfficerStillChanges_WithdrawnOpensAgain()
    {
        var s = await SetUpAsync();
        var accepted = await AcceptedAsync(s, "1.1a", "Scheme launched in July.");
        var published = await app.WithScopeAsync(sp => sp.GetRequiredService<PublicationService>().PublishAsync(s.PartnershipId, Q2, s.Support));
        Assert.True(published.Succeeded, published.Message);
        var when = Dates.Display(published.Value!.PublishedAt);

        var alone = await SaveAsync(s, "1.1a", Input("Rewritten after publication."), accepted.Version, s.Lead);
        var forAction = await app.WithScopeAsync(sp => sp.GetRequiredService<UpdateService>().SaveActionAsync(s.ActionId, Q2, [s.Milestones["1.1a"], s.Milestones["1.1b"]], Input("The action as a whole."), 0, s.Lead));
        var slots = await app.WithScopeAsync(sp => sp.GetRequiredService<UpdateService>().SlotsAsync(s.PartnershipId, Q2, s.Lead));
        var reminders = await app.WithScopeAsync(sp => sp.GetRequiredService<ReminderService>().PlanAsync(s.PartnershipId, Q2, s.Support));
        var bySupport = await SaveAsync(s, "1.1b", Input("Added by the support officer."), 0, s.Support);
        var stillAccepted = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<MilestoneUpdate>().AsNoTracking().SingleAsync(u => u.Id == accepted.Id));
        var withdrawn = await app.WithScopeAsync(sp => sp.GetRequiredService<PublicationService>().WithdrawAsync(s.PartnershipId, Q2, s.Support));
        var afterWithdrawal = await SaveAsync(s, "1.1c", Input("Written once the quarter was open again."), 0, s.Lead);

        var refusal = $"2010/11 Q2 was published on {when}: only a support officer can change its updates now.";
        Assert.Equal(EditStatus.Forbidden, alone.Status);
        Assert.Equal(refusal, alone.Message);
        Assert.Equal(EditStatus.Forbidden, forAction.Status);
        Assert.Equal(refusal, forAction.Message);
        Assert.All(slots, slot => Assert.Equal(refusal, slot.Refusal));
        Assert.Equal(EditStatus.Invalid, reminders.Status);
        Assert.Equal($"2010/11 Q2 was published on {when}, so lead officers can no longer update it: withdraw its publication before sending reminders", reminders.Errors["Period"]);
        Assert.True(bySupport.Succeeded, bySupport.Message);
        Assert.Equal(UpdateState.Accepted, stillAccepted.State);
        Assert.Equal("Scheme launched in July.", stillAccepted.Progress);
        Assert.True(withdrawn.Succeeded, withdrawn.Message);
        Assert.True(afterWithdrawal.Succeeded, afterWithdrawal.Message);
    }

    [Fact]
    public async Task ReportsPage_QuarterNotYetPublished_TellsWhoPublishesHowFarReviewHasGot()
    {
        var s = await SetUpAsync();
        await AcceptedAsync(s, "1.1a", "Scheme launched in July.");
        var submitted = await SaveAsync(s, "1.1b", Input("Waiting for the figures."), 0, s.Lead);
        Assert.True(submitted.Succeeded, submitted.Message);
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: s.Slug);
        using var board = await Forms.SignedInAsync(app, PartnershipRole.BoardMember, partnership: s.Slug);

        var review = TestHtml.Parse(await Forms.PageAsync(support, $"/partnerships/{s.Slug}/reports")).QuerySelector("[data-review='2010-11-q2']");
        var boardPage = TestHtml.Parse(await Forms.PageAsync(board, $"/partnerships/{s.Slug}/reports"));

        Assert.Equal("1 of 3 milestones accepted, 1 awaiting review, 0 returned, 1 not reported. Visitors will see the accepted updates only.", review?.TextContent.Trim());
        Assert.Null(boardPage.QuerySelector("[data-review]"));
    }

    [Fact]
    public async Task LeadOfficerPages_QuarterPublished_OfferNoForm_AndTheApiAnswers403WithTheReason()
    {
        var s = await SetUpAsync();
        await AcceptedAsync(s, "1.1a", "Scheme launched in July.");
        var published = await app.WithScopeAsync(sp => sp.GetRequiredService<PublicationService>().PublishAsync(s.PartnershipId, Q2, s.Support));
        Assert.True(published.Succeeded, published.Message);
        // One account per person: the API's is made first, then the person signs in to the site (which makes theirs anew).
        using var api = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.LeadOfficer, s.LeadKey, s.Slug));
        using var dave = await Forms.SignedInAsync(app, PartnershipRole.LeadOfficer, s.LeadKey, s.Slug);

        using var form = await dave.GetAsync($"/milestones/{s.Milestones["1.1a"]}/updates/2010-11-q2");
        var mine = TestHtml.SpacedText(TestHtml.Parse(await Forms.PageAsync(dave, "/my-updates")));
        var milestone = TestHtml.Parse(await Forms.PageAsync(dave, $"/milestones/{s.Milestones["1.1a"]}"));
        using var put = await api.PutAsync($"/api/milestones/{s.Milestones["1.1a"]}/updates/2010-11-q2",
            JsonContent.Create(new { progress = "Rewritten.", status = "OnTrack", marking = "Official", submit = true, version = 2 }));

        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        Assert.Contains("was published on", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("2010/11 Q2", mine, StringComparison.Ordinal);
        Assert.DoesNotContain(TestHtml.Hrefs(milestone), h => h.EndsWith("/updates/2010-11-q2", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Contains("was published on", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionForm_MilestoneAcceptedAlone_StartsUnticked_ARestrictedDraftKeepsTheMarkingRestricted_AndLoweringItNamesTheMilestone()
    {
        var s = await SetUpAsync();
        await AcceptedAsync(s, "1.1a", "Scheme launched in July.");
        var draft = await SaveAsync(s, "1.1b", Input("Names of the families referred.", ProtectiveMarking.Restricted, submit: false), 0, s.Lead);
        Assert.True(draft.Succeeded, draft.Message);
        using var dave = await Forms.SignedInAsync(app, PartnershipRole.LeadOfficer, s.LeadKey, s.Slug);
        var path = $"/actions/{s.ActionId}/updates/2010-11-q2";

        var html = await Forms.PageAsync(dave, path);
        var page = TestHtml.Parse(html);
        string Id(string code) => s.Milestones[code].ToString(CultureInfo.InvariantCulture);
        using var posted = await Forms.PostAsync(dave, path, html,
        [
            new("Input.Milestones", Id("1.1a")),
            new("Input.Milestones", Id("1.1b")),
            new("Input.Progress", "The action as a whole."),
            new("Input.Status", "OnTrack"),
            new("Input.Marking", "Official"),
            new("Input.Version", "0"),
            new("submit", "true"),
        ]);
        var errors = TestHtml.ErrorSummaryLinks(TestHtml.Parse(await posted.Content.ReadAsStringAsync()));

        Assert.False(TestHtml.IsChecked(page, "Input.Milestones", Id("1.1a")));
        Assert.True(TestHtml.IsChecked(page, "Input.Milestones", Id("1.1b")));
        Assert.True(TestHtml.IsChecked(page, "Input.Milestones", Id("1.1c")));
        Assert.Contains("This quarter: reported on alone, accepted; ticking it replaces that update with this one, to be reviewed again", TestHtml.SpacedText(page), StringComparison.Ordinal);
        Assert.True(TestHtml.IsChecked(page, "Input.Marking", "Restricted"));
        Assert.Contains(("Input-Marking", $"{Permissions.LowerMarkingRefused} (the update of 1.1b is Restricted)"), errors);
    }
}

/// <summary>Every quarter opened, update written and publication made is in a partnership of the test's own: on the shared app.</summary>
public sealed class PublishedQuarterTestsOnSqlite(SharedSqliteApp shared) : PublishedQuarterTests(shared.App), IClassFixture<SharedSqliteApp>;

/// <inheritdoc cref="PublishedQuarterTestsOnSqlite"/>
public sealed class PublishedQuarterTestsOnPostgres(SharedPostgresApp shared) : PublishedQuarterTests(shared.App), IClassFixture<SharedPostgresApp>;
