using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Monitoring;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Accounts;

/// <summary>
/// Each role sees only what it can use (issue 10, item 6): no edit links or forms a role cannot save, the form's URL
/// refused with the real reason, and "Your updates" for those who write updates, knowing which quarter is open.
/// </summary>
public abstract class RoleVisibilityTests(SaferPlanFactory app)
{
    /// <summary>
    /// The test's partnership (made on first use: xunit makes the class anew for each test) and its 2010/11 plan, approved:
    /// Dave Sargent leads priority 1, not 2; Jenny Jolley leads priority 2 and its action; Myles Bebbington leads the milestone
    /// of that action, neither its action nor its priority. Each priority has a 2010/11 Q4 task group report (Dave's names him
    /// its lead officer), and that quarter was locked on 15 April 2011.
    /// </summary>
    private sealed record Plan(
        string Slug, int EditionId, int LedPriority, int LedAction, int LedMilestone, int OtherPriority, int OtherAction, int OtherMilestone, int LedReport, int OtherReport,
        string DaveKey, string MylesKey);

    private Plan? plan;

    private async Task<Plan> DavesPlanAsync()
    {
        if (plan is not null)
        {
            return plan;
        }

        var saved = await TestData.Partnership()
            .WithPerson(out var dave, "Dave Sargent").WithPerson(out var jenny, "Jenny Jolley").WithPerson(out var myles, "Myles Bebbington")
            .WithEdition(2010)
            .WithPriority(lead: dave).WithAction().WithMilestone(dave)
            .WithPriority(lead: jenny).WithAction(lead: jenny).WithMilestone(myles)
            .SaveAsync(app);
        using var support = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: saved.Slug));
        async Task<int> ReportAsync(int priorityId)
        {
            using var created = await support.PostAsJsonAsync($"/api/partnerships/{saved.Slug}/periods/2010-11-q4/task-group-reports",
                new { title = $"Report on priority {priorityId}", priorityId });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            return (await Plans.PlanApi.ReadAsync<Plans.IdJson>(created)).Id;
        }

        var ledReport = await ReportAsync(saved.PriorityIds[0]);
        var otherReport = await ReportAsync(saved.PriorityIds[1]);

        // Dave is also the lead officer named on his report, as the demo's loader names one (the API names none).
        await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<TaskGroupReport>()
            .Where(r => r.Id == ledReport).ExecuteUpdateAsync(set => set.SetProperty(r => r.LeadOfficerId, dave.Id)));
        using (var locked = await support.PostAsJsonAsync($"/api/partnerships/{saved.Slug}/periods/2010-11-q4/round", new { deadline = "2011-04-08", lockOn = "2011-04-15" }))
        {
            Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        }

        return plan = new Plan(
            saved.Slug, saved.EditionId, saved.PriorityIds[0], saved.ActionIds[0], saved.Milestones[0].Id, saved.PriorityIds[1], saved.ActionIds[1], saved.Milestones[1].Id,
            ledReport, otherReport, dave.Key, myles.Key);
    }

    /// <summary>A browser session signed in as a new user with the role in the test's partnership; with a person key, the user is that person.</summary>
    private async Task<PageSession> SignedInAsync(PartnershipRole role, string? personKey = null)
    {
        var session = new PageSession(app.ServerAddress);
        await session.SignInOrFailAsync(await app.AddUserAsync(role, personKey, (await DavesPlanAsync()).Slug));
        return session;
    }

    private static async Task<string> PageAsync(PageSession session, string path)
    {
        using var page = await session.Client.GetAsync(path);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)page.StatusCode} {page.Headers.Location}");
        return await page.Content.ReadAsStringAsync();
    }

    /// <summary>Asserts the page is refused, and returns the access-denied page's text the refusal leads to.</summary>
    private static async Task<string> RefusedAsync(PageSession session, string path)
    {
        using var answer = await session.Client.GetAsync(path);
        if (answer.StatusCode == HttpStatusCode.Forbidden)
        {
            return await answer.Content.ReadAsStringAsync();
        }

        Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"GET {path} answered {(int)answer.StatusCode}, not a refusal");
        var location = answer.Headers.Location!.PathAndQuery();
        Assert.StartsWith("/account/access-denied", location, StringComparison.Ordinal);
        using var denied = await session.Client.GetAsync(location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var text = await denied.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<form method=\"post\" novalidate", text, StringComparison.Ordinal);
        return text;
    }

    private static string[] EditPages(Plan plan) =>
    [
        $"/priorities/{plan.LedPriority}/edit",
        $"/priorities/{plan.LedPriority}/delete",
        $"/actions/{plan.LedAction}/edit",
        $"/actions/{plan.LedAction}/delete",
        $"/milestones/{plan.LedMilestone}/edit",
        $"/milestones/{plan.LedMilestone}/delete",
        $"/editions/{plan.EditionId}/priorities/new",
        $"/priorities/{plan.LedPriority}/actions/new",
        $"/actions/{plan.LedAction}/milestones/new",
        $"/task-group-reports/{plan.LedReport}/edit",
        $"/partnerships/{plan.Slug}/periods/2010-11-q4/reports/new",
        $"/milestones/{plan.LedMilestone}/updates/2010-11-q4",
    ];

    [Fact]
    public async Task BoardMember_EditFormUrls_RefusedWithoutALeadOfficersMessage()
    {
        var plan = await DavesPlanAsync();
        using var board = await SignedInAsync(PartnershipRole.BoardMember);

        foreach (var path in EditPages(plan))
        {
            var denied = await RefusedAsync(board, path);
            Assert.DoesNotContain("Lead officers can edit only", denied, StringComparison.Ordinal);
            Assert.DoesNotContain("you lead", denied, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task BoardMember_PlanMilestoneAndReportPages_OfferNoEditLinks()
    {
        var plan = await DavesPlanAsync();
        using var board = await SignedInAsync(PartnershipRole.BoardMember);

        foreach (var path in new[] { $"/editions/{plan.EditionId}", $"/milestones/{plan.LedMilestone}", $"/partnerships/{plan.Slug}/periods/2010-11-q4/reports", $"/partnerships/{plan.Slug}/updates" })
        {
            var html = await PageAsync(board, path);
            Assert.DoesNotContain("/edit\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("/delete\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("/new\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("/updates/2010-11-q", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BoardMember_NotOfferedYourUpdatesOrOpeningAQuarter_YourUpdatesRefusedWithTheReason()
    {
        var plan = await DavesPlanAsync();
        using var board = await SignedInAsync(PartnershipRole.BoardMember);

        var home = await PageAsync(board, "/");
        var updates = await PageAsync(board, $"/partnerships/{plan.Slug}/updates");
        var denied = await RefusedAsync(board, "/my-updates");

        Assert.DoesNotContain("href=\"/my-updates\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/my-updates\"", updates, StringComparison.Ordinal);
        Assert.DoesNotContain("Open a quarter", updates, StringComparison.Ordinal);
        Assert.Contains("Quarterly updates are written by lead officers and support officers", denied, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeadOfficer_SeesEditOnlyOnWhatTheyLead_OtherEditFormsRefused()
    {
        var plan = await DavesPlanAsync();
        using var dave = await SignedInAsync(PartnershipRole.LeadOfficer, plan.DaveKey);

        var edition = await PageAsync(dave, $"/editions/{plan.EditionId}");
        var ledMilestone = await PageAsync(dave, $"/milestones/{plan.LedMilestone}");
        var otherMilestone = await PageAsync(dave, $"/milestones/{plan.OtherMilestone}");
        var reports = await PageAsync(dave, $"/partnerships/{plan.Slug}/periods/2010-11-q4/reports");

        Assert.Contains($"href=\"/priorities/{plan.LedPriority}/edit\"", edition, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/priorities/{plan.OtherPriority}/edit\"", edition, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/actions/{plan.OtherAction}/edit\"", edition, StringComparison.Ordinal);
        Assert.Contains($"href=\"/milestones/{plan.LedMilestone}/edit\"", ledMilestone, StringComparison.Ordinal);
        Assert.DoesNotContain("/edit\"", otherMilestone, StringComparison.Ordinal);
        Assert.DoesNotContain("/delete\"", otherMilestone, StringComparison.Ordinal);
        Assert.Contains($"href=\"/task-group-reports/{plan.LedReport}/edit\"", reports, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/task-group-reports/{plan.OtherReport}/edit\"", reports, StringComparison.Ordinal);
        await RefusedAsync(dave, $"/milestones/{plan.OtherMilestone}/edit");
        await RefusedAsync(dave, $"/priorities/{plan.OtherPriority}/actions/new");
        await RefusedAsync(dave, $"/task-group-reports/{plan.OtherReport}/edit");
        await RefusedAsync(dave, $"/priorities/{plan.LedPriority}/delete");
    }

    [Fact]
    public async Task MilestoneLeadOfficer_EditsTheirMilestone_NotOfferedItsDeletion()
    {
        // A milestone of an approved edition (which may still change, as a superseded one may not) whose lead officer leads
        // neither its action nor its priority.
        var plan = await DavesPlanAsync();
        var milestone = plan.OtherMilestone;
        using var myles = await SignedInAsync(PartnershipRole.LeadOfficer, plan.MylesKey);

        var page = await PageAsync(myles, $"/milestones/{milestone}");
        await PageAsync(myles, $"/milestones/{milestone}/edit");

        Assert.Contains($"href=\"/milestones/{milestone}/edit\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/milestones/{milestone}/delete\"", page, StringComparison.Ordinal);
        await RefusedAsync(myles, $"/milestones/{milestone}/delete");
    }

    [Fact]
    public async Task LeadOfficer_NewTaskGroupReport_OfferedOnlyUnderThePrioritiesTheyLead()
    {
        var plan = await DavesPlanAsync();
        using var dave = await SignedInAsync(PartnershipRole.LeadOfficer, plan.DaveKey);
        using var myles = await SignedInAsync(PartnershipRole.LeadOfficer, plan.MylesKey);
        var reports = $"/partnerships/{plan.Slug}/periods/2010-11-q4/reports";

        var form = await PageAsync(dave, $"{reports}/new");
        var mylesReports = await PageAsync(myles, reports);

        Assert.Contains($"value=\"{plan.LedPriority}\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{plan.OtherPriority}\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("None: a report on other work", form, StringComparison.Ordinal);
        Assert.Contains($"href=\"{reports}/new\"", await PageAsync(dave, reports), StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"{reports}/new\"", mylesReports, StringComparison.Ordinal);
        await RefusedAsync(myles, $"{reports}/new");
    }

    [Fact]
    public async Task LockedQuarter_LeadOfficersUpdateForm_RefusedSayingItIsLocked()
    {
        var plan = await DavesPlanAsync();
        using var dave = await SignedInAsync(PartnershipRole.LeadOfficer, plan.DaveKey);
        using var support = await SignedInAsync(PartnershipRole.SupportOfficer);

        var denied = await RefusedAsync(dave, $"/milestones/{plan.LedMilestone}/updates/2010-11-q4");
        await PageAsync(support, $"/milestones/{plan.LedMilestone}/updates/2010-11-q4");

        Assert.Contains("2010/11 Q4 was locked on 15 April 2011", denied, StringComparison.Ordinal);
        Assert.DoesNotContain("only update the milestones you lead", denied, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupportOfficer_YourUpdates_KnowsAQuarterIsOpen()
    {
        var slug = (await TestData.Partnership().WithEdition(2010).WithMilestone().SaveAsync(app)).Slug;
        var email = await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: slug);
        using var api = await app.ApiClientAsync(email);
        using (var opened = await api.PostAsJsonAsync($"/api/partnerships/{slug}/periods/2010-11-q3/round", new { deadline = "2099-04-08" }))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }

        using var support = new PageSession(app.ServerAddress);
        await support.SignInOrFailAsync(email);

        var home = await PageAsync(support, "/");
        var mine = await PageAsync(support, "/my-updates");

        Assert.Contains("href=\"/my-updates\"", home, StringComparison.Ordinal);
        Assert.Contains("2010/11 Q3 is open for updates. Updates are due by <strong>8 April 2099</strong>", mine, StringComparison.Ordinal);
        Assert.Contains($"href=\"/partnerships/{slug}/periods/2010-11-q3/completeness\"", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("No quarter is open", mine, StringComparison.Ordinal);
    }
}

/// <summary>
/// Provider-neutral (which links and forms a role is offered, decided by Permissions; the pages' queries run on PostgreSQL in
/// their own tests), so run on SQLite only; each test's plan is in a partnership of its own (<see cref="TestData"/>): on the
/// shared app.
/// </summary>
public sealed class RoleVisibilityTestsOnSqlite(SharedSqliteApp shared) : RoleVisibilityTests(shared.App), IClassFixture<SharedSqliteApp>;
