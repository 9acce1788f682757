using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Editing;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Periods;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Monitoring;

/// <summary>
/// Reviewing an update. The support officer's review card on "Who has reported" says what a reviewer needs before accepting:
/// whether the update is Restricted (kept out of the public report), last quarter's words to compare with, and a warning when
/// the lead officer sent last quarter's words back unchanged (the update form starts from them). A review or a rewrite that
/// comes too late names who changed the update and how. Provider-neutral: the page's reading and the messages, once.
/// </summary>
public sealed class ReviewTests(SharedSqliteApp shared) : IClassFixture<SharedSqliteApp>
{
    private static readonly ReportingPeriod Q1 = ReportingPeriod.Parse("2010/11 Q1");
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("2010/11 Q2");

    private SaferPlanFactory App => shared.App;

    [Fact]
    public async Task SubmittedUpdates_ShowTheirMarking_LastQuartersWords_AndAWarningWhenTheyAreUnchanged()
    {
        var partnership = await TestData.Partnership().WithPerson(out var dave, "Dave Sargent").WithEdition(2010).WithPriority(lead: dave).WithAction(lead: dave)
            .WithMilestone().WithMilestone().WithMilestone().SaveAsync(App);
        var lead = new UserContext("lead", "Dave Sargent", dave.Id, [new PartnershipMembership(partnership.Id, PartnershipRole.LeadOfficer)]);
        var support = new UserContext("support", "Sam Support", null, [new PartnershipMembership(partnership.Id, PartnershipRole.SupportOfficer)]);
        var ids = partnership.Milestones.ToDictionary(m => m.Code, m => m.Id);
        foreach (var quarter in new[] { Q1, Q2 })
        {
            var opened = await App.WithScopeAsync(sp => sp.GetRequiredService<UpdateService>().OpenRoundAsync(partnership.Id, quarter, new DateOnly(2099, 4, 8), null, support));
            Assert.True(opened.Succeeded, opened.Message);
        }

        async Task WriteAsync(string code, ReportingPeriod quarter, string progress, ProtectiveMarking marking = ProtectiveMarking.Official)
        {
            var input = new UpdateInput { Progress = progress, Status = UpdateStatus.OnTrack, Marking = marking, Submit = true };
            var saved = await App.WithScopeAsync(sp => sp.GetRequiredService<UpdateService>().SaveAsync(ids[code], quarter, input, 0, lead));
            Assert.True(saved.Succeeded, saved.Message);
        }

        await WriteAsync("1.1a", Q1, "Scheme launched in July with two partners.");
        await WriteAsync("1.1b", Q1, "Bid written.");
        await WriteAsync("1.1a", Q2, "Scheme launched in July\nwith two  partners.");
        await WriteAsync("1.1b", Q2, "Bid sent to the Home Office; the named officer is on leave.", ProtectiveMarking.Restricted);
        await WriteAsync("1.1c", Q2, "First meeting held.");

        using var session = await Forms.SignedInAsync(App, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        var page = TestHtml.Parse(await Forms.PageAsync(session, $"/partnerships/{partnership.Slug}/periods/{Q2.Slug}/completeness"));

        var unchanged = page.QuerySelector("#review-1\\.1a")!;
        Assert.Equal("Warning The same words as the 2010/11 Q1 update: check it says what happened this quarter.", TestHtml.SpacedText(unchanged.QuerySelector("[data-repeats='1.1a']")!));
        Assert.Null(unchanged.QuerySelector("details"));
        Assert.Equal("Official", TestHtml.SpacedText(unchanged.QuerySelector("[data-marking='1.1a']")!));

        var changed = page.QuerySelector("#review-1\\.1b")!;
        Assert.Null(changed.QuerySelector("[data-repeats]"));
        Assert.Equal("The 2010/11 Q1 update of 1.1b", TestHtml.SpacedText(changed.QuerySelector("details summary")!));
        Assert.Equal("Bid written.", TestHtml.SpacedText(changed.QuerySelector("details .govuk-details__text")!));
        Assert.Equal("Restricted members only; left out of the public report", TestHtml.SpacedText(changed.QuerySelector("[data-marking='1.1b']")!));

        var first = page.QuerySelector("#review-1\\.1c")!;
        Assert.Null(first.QuerySelector("[data-repeats]"));
        Assert.Null(first.QuerySelector("details"));
    }

    [Fact]
    public async Task ReviewOrRewriteComingTooLate_NamesWhoChangedTheUpdateAndHow()
    {
        var partnership = await TestData.Partnership().WithPerson(out var dave, "Dave Sargent").WithEdition(2010).WithPriority(lead: dave).WithAction(lead: dave)
            .WithMilestone().SaveAsync(App);
        var lead = new UserContext("lead", "Dave Sargent", dave.Id, [new PartnershipMembership(partnership.Id, PartnershipRole.LeadOfficer)]);
        var support = new UserContext("support", "Sam Support", null, [new PartnershipMembership(partnership.Id, PartnershipRole.SupportOfficer)]);
        var admin = new UserContext("admin", "Ada Admin", null, [new PartnershipMembership(partnership.Id, PartnershipRole.Administrator)]);
        var milestone = partnership.Milestones[0].Id;
        var opened = await App.WithScopeAsync(sp => sp.GetRequiredService<UpdateService>().OpenRoundAsync(partnership.Id, Q2, new DateOnly(2099, 4, 8), null, support));
        Assert.True(opened.Succeeded, opened.Message);
        var input = new UpdateInput { Progress = "Scheme launched.", Status = UpdateStatus.OnTrack, Marking = ProtectiveMarking.Official, Submit = true };
        var written = await App.WithScopeAsync(sp => sp.GetRequiredService<UpdateService>().SaveAsync(milestone, Q2, input, 0, lead));
        Assert.True(written.Succeeded, written.Message);
        var seen = written.Value!.Version;

        var returned = await App.WithScopeAsync(sp => sp.GetRequiredService<UpdateService>().ReviewAsync(written.Value.Id, accept: false, "Say how many homes.", seen, support));
        Assert.True(returned.Succeeded, returned.Message);
        var lateReview = await App.WithScopeAsync(sp => sp.GetRequiredService<UpdateService>().ReviewAsync(written.Value.Id, accept: true, null, seen, admin));
        var lateRewrite = await App.WithScopeAsync(sp => sp.GetRequiredService<UpdateService>().SaveAsync(milestone, Q2, input with { Progress = "Scheme launched in 40 homes." }, seen, lead));

        var when = Dates.Display(returned.Value!.ReviewedAt!.Value);
        Assert.Equal(EditStatus.Conflict, lateReview.Status);
        Assert.Equal($"This update was returned by Sam Support at {when} UTC after you opened it. Read it again before you accept or return it.", lateReview.Message);
        Assert.Equal(EditStatus.Conflict, lateRewrite.Status);
        Assert.Equal($"This update was returned by Sam Support at {when} UTC after you opened it. Your update has not been saved: reload to see theirs, then make your changes again.", lateRewrite.Message);
    }
}
