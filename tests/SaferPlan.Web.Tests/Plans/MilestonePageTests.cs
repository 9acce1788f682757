using System.Net;
using AngleSharp.Dom;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Editing;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Plans;

/// <summary>
/// A milestone's own page (<c>/milestones/{id}</c>): the breadcrumb back through its partnership, edition, priority and action,
/// the edition's year in its caption, and its lead as "Name (Agency)" only when an agency is known. Each test's plan is in a
/// partnership of its own (<see cref="TestData"/>), on the shared apps.
/// </summary>
public abstract class MilestonePageTests(SaferPlanFactory app)
{
    private static async Task<IDocument> PageAsync(PageSession session, string path)
    {
        var (status, html) = await session.PageAsync(path);
        Assert.True(status == HttpStatusCode.OK, $"GET {path} answered {(int)status}");
        return TestHtml.Parse(html);
    }

    private static List<(string Text, string Href)> Breadcrumb(IDocument page) =>
        [.. page.QuerySelectorAll("nav.govuk-breadcrumbs a.govuk-breadcrumbs__link").Select(a => (TestHtml.SpacedText(a), a.GetAttribute("href") ?? ""))];

    private static string Lead(IDocument page) =>
        TestHtml.SpacedText(page.QuerySelectorAll(".govuk-summary-list__row").Single(r => r.QuerySelector("dt")?.TextContent == "Lead").QuerySelector("dd")!);

    [Fact]
    public async Task MilestonePage_Visitor_HasABreadcrumbThroughPartnershipEditionPriorityAndAction_AndTheYearInItsCaption()
    {
        var partnership = await TestData.Partnership().WithEdition(2011).WithPriority("Safer streets").WithAction().WithMilestone().SaveAsync(app);
        var milestone = partnership.Milestones[0];
        var edition = partnership.EditionId;
        using var visitor = new PageSession(app.ServerAddress);

        var page = await PageAsync(visitor, $"/milestones/{milestone.Id}");

        Assert.Equal(
            [
                ("Partnerships", "/"),
                ($"Test CSP {partnership.Slug[5..]}", $"/partnerships/{partnership.Slug}"),
                ("Community Safety Plan 2011/12 (2011/12)", $"/editions/{edition}"),
                ("Priority 1: Safer streets", $"/editions/{edition}#priority-1"),
                ("Action 1.1", $"/editions/{edition}#action-1.1"),
            ],
            Breadcrumb(page));
        Assert.Equal("Community Safety Plan 2011/12, 2011/12", page.QuerySelector(".govuk-caption-l")?.TextContent);
        Assert.Contains("2011/12", page.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MilestonePage_VisitorUnderARestrictedAction_IsNotFound_WhileAMemberSeesTheBreadcrumb()
    {
        var partnership = await TestData.Partnership().WithEdition(2010).WithPriority("Restricted work", marking: ProtectiveMarking.Restricted)
            .WithAction().WithMilestone().SaveAsync(app);
        var path = $"/milestones/{partnership.Milestones[0].Id}";
        using var visitor = new PageSession(app.ServerAddress);
        using var support = await PageSession.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);

        var (status, html) = await visitor.PageAsync(path);
        var member = await PageAsync(support, path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("Restricted work", html, StringComparison.Ordinal);
        Assert.Contains(("Priority 1: Restricted work", $"/editions/{partnership.EditionId}#priority-1"), Breadcrumb(member));
    }

    [Fact]
    public async Task MilestonePage_LeadTextOnlyNamesTheLeadOfficer_ShowsTheNameWithTheActionsAgency()
    {
        var partnership = await TestData.Partnership().WithPerson(out var lead, "Myles Test").WithEdition(2010).WithPriority()
            .WithAction().WithLeadAgency("SCDC Licensing").WithMilestone(lead).WithMilestoneLead("Myles Test").SaveAsync(app);
        using var visitor = new PageSession(app.ServerAddress);

        var page = await PageAsync(visitor, $"/milestones/{partnership.Milestones[0].Id}");

        Assert.Equal("Myles Test (SCDC Licensing)", Lead(page));
    }

    [Fact]
    public async Task MilestonePage_NoAgencyKnown_ShowsTheLeadOfficersNameAlone()
    {
        // The action's lead text, like the milestone's, only names the lead officer, who works for no agency on record.
        var partnership = await TestData.Partnership().WithPerson(out var lead, "Jane Test").WithEdition(2010).WithPriority()
            .WithAction(lead: lead).WithLeadAgency("Jane Test").WithMilestone(lead).WithMilestoneLead("Jane Test").SaveAsync(app);
        using var visitor = new PageSession(app.ServerAddress);

        var page = await PageAsync(visitor, $"/milestones/{partnership.Milestones[0].Id}");

        Assert.Equal("Jane Test", Lead(page));
    }

    [Fact]
    public async Task MilestonePage_OwnLeadAgencyAndOfficer_ShowsNameThenAgency()
    {
        var partnership = await TestData.Partnership().WithPerson(out var lead, "Dana Test").WithEdition(2010).WithPriority()
            .WithAction().WithLeadAgency("Police").WithMilestone(lead).WithMilestoneLead("SCDC Housing").SaveAsync(app);
        using var visitor = new PageSession(app.ServerAddress);

        var page = await PageAsync(visitor, $"/milestones/{partnership.Milestones[0].Id}");

        Assert.Equal("Dana Test (SCDC Housing)", Lead(page));
    }
}

/// <summary>The breadcrumb and lead rest on what the milestone's query loads with it, so these run on both databases.</summary>
public sealed class MilestonePageTestsOnSqlite(SharedSqliteApp shared) : MilestonePageTests(shared.App), IClassFixture<SharedSqliteApp>;

public sealed class MilestonePageTestsOnPostgres(SharedPostgresApp shared) : MilestonePageTests(shared.App), IClassFixture<SharedPostgresApp>;
