using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Monitoring;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Indicators;
using SaferPlan.Web.Tests.Security;

namespace SaferPlan.Web.Tests.Accounts;

/// <summary>
/// Each role sees only what it can use (issue 10, item 6): no edit links or forms a role cannot save, the form's URL
/// refused with the real reason, and "Your updates" for those who write updates, knowing which quarter is open.
/// </summary>
public abstract class RoleVisibilityTests(SaferPlanFactory app)
{
    private const string Slug = "south-cambridgeshire";

    /// <summary>The demo's 2010/11 plan: Dave Sargent leads priorities 1 and 3, not 2.</summary>
    private sealed record Plan(int EditionId, int LedPriority, int LedAction, int LedMilestone, int OtherPriority, int OtherAction, int OtherMilestone, int LedReport, int OtherReport);

    private async Task<Plan> DavesPlanAsync() => await app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SaferPlanDbContext>();
        var dave = await db.People.Where(p => p.Key == "dave-sargent").Select(p => p.Id).SingleAsync();
        var led = await db.Priorities.AsNoTracking().Include(p => p.Actions).ThenInclude(a => a.Milestones)
            .SingleAsync(p => p.LeadOfficerId == dave && p.Number == 1);
        var other = await db.Priorities.AsNoTracking().Include(p => p.Actions).ThenInclude(a => a.Milestones)
            .SingleAsync(p => p.EditionId == led.EditionId && p.Number == 2);
        Assert.NotEqual(dave, other.LeadOfficerId);
        var ledAction = led.Actions.First(a => a.Milestones.Count > 0);
        var otherAction = other.Actions.First(a => a.Milestones.Count > 0 && a.LeadOfficerId != dave);
        var davesPriorities = await db.Priorities.Where(p => p.LeadOfficerId == dave).Select(p => (int?)p.Id).ToListAsync();
        var reports = (await db.Set<TaskGroupReport>().AsNoTracking().ToListAsync()).Where(r => r.Period.Slug == "2010-11-q4").ToList();
        return new Plan(
            led.EditionId,
            led.Id,
            ledAction.Id,
            ledAction.Milestones.First().Id,
            other.Id,
            otherAction.Id,
            otherAction.Milestones.First(m => m.LeadOfficerId != dave).Id,
            reports.First(r => r.LeadOfficerId == dave).Id,
            reports.First(r => r.LeadOfficerId != dave && !davesPriorities.Contains(r.PriorityId)).Id);
    });

    private async Task<PageSession> SignedInAsync(PartnershipRole role, string? personKey = null)
    {
        var session = new PageSession(app.ServerAddress);
        await session.SignInOrFailAsync(await app.AddUserAsync(role, personKey));
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
        $"/partnerships/{Slug}/periods/2010-11-q4/reports/new",
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

        foreach (var path in new[] { $"/editions/{plan.EditionId}", $"/milestones/{plan.LedMilestone}", $"/partnerships/{Slug}/periods/2010-11-q4/reports", $"/partnerships/{Slug}/updates" })
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
        using var board = await SignedInAsync(PartnershipRole.BoardMember);

        var home = await PageAsync(board, "/");
        var updates = await PageAsync(board, $"/partnerships/{Slug}/updates");
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
        using var dave = await SignedInAsync(PartnershipRole.LeadOfficer, "dave-sargent");

        var edition = await PageAsync(dave, $"/editions/{plan.EditionId}");
        var ledMilestone = await PageAsync(dave, $"/milestones/{plan.LedMilestone}");
        var otherMilestone = await PageAsync(dave, $"/milestones/{plan.OtherMilestone}");
        var reports = await PageAsync(dave, $"/partnerships/{Slug}/periods/2010-11-q4/reports");

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
        // A milestone of an edition that may still change (the demo's 2009/10 edition is superseded) whose lead officer
        // leads neither its action nor its priority.
        var found = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Milestones
            .Where(m => m.LeadOfficerId != null && m.Action.Priority.Edition.Status != Core.Plans.EditionStatus.Superseded
                && (m.Action.LeadOfficerId == null || m.Action.LeadOfficerId != m.LeadOfficerId)
                && (m.Action.Priority.LeadOfficerId == null || m.Action.Priority.LeadOfficerId != m.LeadOfficerId))
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.LeadOfficer!.Key }).FirstAsync());
        var milestone = found.Id;
        using var myles = await SignedInAsync(PartnershipRole.LeadOfficer, found.Key);

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
        using var dave = await SignedInAsync(PartnershipRole.LeadOfficer, "dave-sargent");
        using var myles = await SignedInAsync(PartnershipRole.LeadOfficer, "myles-bebbington");
        const string reports = $"/partnerships/{Slug}/periods/2010-11-q4/reports";

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
        using var dave = await SignedInAsync(PartnershipRole.LeadOfficer, "dave-sargent");
        using var support = await SignedInAsync(PartnershipRole.SupportOfficer);

        var denied = await RefusedAsync(dave, $"/milestones/{plan.LedMilestone}/updates/2010-11-q4");
        await PageAsync(support, $"/milestones/{plan.LedMilestone}/updates/2010-11-q4");

        Assert.Contains("2010/11 Q4 was locked on 15 April 2011", denied, StringComparison.Ordinal);
        Assert.DoesNotContain("only update the milestones you lead", denied, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupportOfficer_YourUpdates_KnowsAQuarterIsOpen()
    {
        var email = await app.AddUserAsync(PartnershipRole.SupportOfficer);
        using var api = await app.ApiClientAsync(email);
        using (var opened = await api.PostAsJsonAsync($"/api/partnerships/{Slug}/periods/2010-11-q3/round", new { deadline = "2099-04-08" }))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }

        using var support = new PageSession(app.ServerAddress);
        await support.SignInOrFailAsync(email);

        var home = await PageAsync(support, "/");
        var mine = await PageAsync(support, "/my-updates");

        Assert.Contains("href=\"/my-updates\"", home, StringComparison.Ordinal);
        Assert.Contains("2010/11 Q3 is open for updates. Updates are due by <strong>8 April 2099</strong>", mine, StringComparison.Ordinal);
        Assert.Contains($"href=\"/partnerships/{Slug}/periods/2010-11-q3/completeness\"", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("No quarter is open", mine, StringComparison.Ordinal);
    }
}

/// <summary>Provider-neutral (which links and forms a role is offered, decided by Permissions; the pages' queries run on PostgreSQL in their own tests), so run on SQLite only.</summary>
public sealed class RoleVisibilityTestsOnSqlite(SqliteFactory app) : RoleVisibilityTests(app), IClassFixture<SqliteFactory>;
