using System.Net;
using System.Net.Http.Json;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Plans;
using SaferPlan.TestCommon;

using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Monitoring;

/// <summary>
/// The small wording of the forms a support officer and a lead officer live in (issue 10, item 7): a count is a whole
/// number, a deadline still ahead "are due by", a month field's hint names the month.
/// </summary>
public abstract class FormWordingTests(SaferPlanFactory app)
{
    private static async Task<string> PageAsync(PageSession session, string path)
    {
        using var page = await session.Client.GetAsync(path);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)page.StatusCode}");
        return await page.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task CountSavedWithADecimalPoint_ShownAsAWholeNumber_AndAFutureDeadlineAreDueBy()
    {
        // A counted milestone of the partnership's 2010/11 plan; its Q4 round, like the demo's, closed on 8 April 2011.
        var partnership = await TestData.Partnership().WithEdition(2010).WithMilestone().WithMeasurementKind(MeasurementKind.Count).SaveAsync(app);
        var slug = partnership.Slug;
        var email = await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: slug);
        using var api = await app.ApiClientAsync(email);
        using (var opened = await api.PostAsJsonAsync($"/api/partnerships/{slug}/periods/2010-11-q1/round", new { deadline = "2099-04-08" }))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }

        using (var closed = await api.PostAsJsonAsync($"/api/partnerships/{slug}/periods/2010-11-q4/round", new { deadline = "2011-04-08" }))
        {
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        }

        var milestone = partnership.Milestones[0].Id;
        var saved = await OkJsonAsync<MilestoneUpdateJson>(await api.PutAsJsonAsync($"/api/milestones/{milestone}/updates/2010-11-q1", new { progress = "Calls answered", status = "OnTrack", value = "3177.0", version = 0 }));
        using var support = new PageSession(app.ServerAddress);
        await support.SignInOrFailAsync(email);

        var page = await PageAsync(support, $"/milestones/{milestone}");
        var form = await PageAsync(support, $"/milestones/{milestone}/updates/2010-11-q1");
        var dashboard = await PageAsync(support, $"/partnerships/{slug}/periods/2010-11-q1/dashboard");
        var lockedDashboard = await PageAsync(support, $"/partnerships/{slug}/periods/2010-11-q4/dashboard");
        var whoHasReported = await PageAsync(support, $"/partnerships/{slug}/periods/2010-11-q1/completeness");
        var lockedWhoHasReported = await PageAsync(support, $"/partnerships/{slug}/periods/2010-11-q4/completeness");

        Assert.Equal("3177", saved.Value);
        Assert.Contains(">3177<", page, StringComparison.Ordinal);
        Assert.DoesNotContain("3177.0", page, StringComparison.Ordinal);
        Assert.Contains("value=\"3177\"", form, StringComparison.Ordinal);
        Assert.Contains("Updates are due by <strong>8 April 2099</strong>", dashboard, StringComparison.Ordinal);
        Assert.Contains("Updates were due by <strong>8 April 2011</strong>", lockedDashboard, StringComparison.Ordinal);
        Assert.Contains("Updates are due by <strong>8 April 2099</strong>", whoHasReported, StringComparison.Ordinal);
        Assert.Contains("Updates were due by <strong>8 April 2011</strong>", lockedWhoHasReported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoHasReported_ReviewQueueComesFirst_AndItsCountLinksToIt()
    {
        var partnership = await TestData.Partnership().WithEdition(2010).WithMilestone().WithMilestone().SaveAsync(app);
        var slug = partnership.Slug;
        var email = await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: slug);
        using var api = await app.ApiClientAsync(email);
        using (var opened = await api.PostAsJsonAsync($"/api/partnerships/{slug}/periods/2010-11-q2/round", new { deadline = "2099-07-08" }))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }

        var milestone = partnership.Milestones[0].Id;
        await OkJsonAsync(await api.PutAsJsonAsync($"/api/milestones/{milestone}/updates/2010-11-q2", new { progress = "Submitted for review", status = "OnTrack", version = 0 }));
        using var support = new PageSession(app.ServerAddress);
        await support.SignInOrFailAsync(email);

        var page = await PageAsync(support, $"/partnerships/{slug}/periods/2010-11-q2/completeness");

        var queue = page.IndexOf("id=\"review\"", StringComparison.Ordinal);
        Assert.True(queue > 0, "The page has no review queue");
        Assert.True(queue < page.IndexOf("Milestones due an update", StringComparison.Ordinal), "The review queue is not first");
        Assert.True(queue < page.IndexOf("id=\"not-reported\"", StringComparison.Ordinal), "The review queue comes after the missing updates");
        Assert.Contains("<a class=\"govuk-link\" href=\"#review\">1<span class=\"govuk-visually-hidden\"> submitted updates to review</span></a>", page, StringComparison.Ordinal);
        Assert.Contains("Submitted for review", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoHasReported_ByLeadAgency_GroupsByTheAgencyNotTheLeadText()
    {
        // As in the demo's plan: actions led by "Police" alone, by the police with others, and by the Police Shrievalty Trust with others.
        var partnership = await TestData.Partnership().WithAgency(out _, "Police", "Cambridgeshire Constabulary").WithAgency(out _, "Shrievalty Trust", "Police Shrievalty Trust")
            .WithEdition(2010).WithPriority()
            .WithAction().WithLeadAgency("Police").WithMilestone()
            .WithAction().WithLeadAgency("Police, Probation Service and Youth Offending Service").WithMilestone()
            .WithAction().WithLeadAgency("Police Shrievalty Trust; All CDRP Partner Agencies; NI16 Delivery Group and SAC Task Group").WithMilestone()
            .SaveAsync(app);
        using var support = new PageSession(app.ServerAddress);
        await support.SignInOrFailAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug));

        var page = await PageAsync(support, $"/partnerships/{partnership.Slug}/periods/2010-11-q4/completeness");

        var table = TestHtml.Parse(page).QuerySelectorAll("table").SingleOrDefault(t => t.QuerySelector("caption")?.TextContent == "By lead agency");
        Assert.True(table is not null, "The page has no By lead agency table");
        var rows = table.QuerySelectorAll("tbody th[scope=row].govuk-table__header").Select(th => th.TextContent).ToList();
        Assert.Contains("Police", rows);
        Assert.Contains("Shrievalty Trust", rows);
        Assert.DoesNotContain("Police, Probation Service and Youth Offending Service", rows);
        Assert.DoesNotContain("Police Shrievalty Trust; All CDRP Partner Agencies; NI16 Delivery Group and SAC Task Group", rows);
        Assert.Single(rows, r => r == "Police");
    }

    [Fact]
    public async Task WhoHasReported_ByLeadAgency_LeadTextOnlyNamingTheOfficer_CountsUnderTheAgencyNotThePerson()
    {
        // As the demo's 2009/10 plan writes it: a milestone's lead column names only its lead officer.
        var partnership = await TestData.Partnership().WithAgency(out _, "SCDC", "South Cambridgeshire District Council")
            .WithPerson(out var myles, "Myles Test").WithPerson(out var jane, "Jane Test")
            .WithEdition(2010).WithPriority()
            .WithAction().WithLeadAgency("SCDC Licensing").WithMilestone(myles).WithMilestoneLead("Myles Test")
            .WithAction(lead: jane).WithLeadAgency("Jane Test").WithMilestone(jane).WithMilestoneLead("Jane Test")
            .SaveAsync(app);
        using var support = new PageSession(app.ServerAddress);
        await support.SignInOrFailAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug));

        var page = await PageAsync(support, $"/partnerships/{partnership.Slug}/periods/2010-11-q4/completeness");

        var table = TestHtml.Parse(page).QuerySelectorAll("table").SingleOrDefault(t => t.QuerySelector("caption")?.TextContent == "By lead agency");
        Assert.True(table is not null, "The page has no By lead agency table");
        var rows = table.QuerySelectorAll("tbody th[scope=row].govuk-table__header").Select(th => th.TextContent).ToList();
        Assert.Equal(["No lead agency named", "SCDC"], rows);
    }

    [Fact]
    public async Task CrimeFiguresMonthFields_HintsNameTheMonth()
    {
        var partnership = await TestData.Partnership().SaveAsync(app);
        using var visitor = new PageSession(app.ServerAddress);

        var page = await PageAsync(visitor, $"/partnerships/{partnership.Slug}/crime");

        Assert.Contains("For example, 2008-09 for September 2008", page, StringComparison.Ordinal);
        Assert.Contains("For example, 2009-08 for August 2009", page, StringComparison.Ordinal);
    }
}

/// <summary>
/// Provider-neutral (the wording of forms; the items they show are read on PostgreSQL by MonitoringPagesTests), so run on
/// SQLite only; each test's plan, rounds and updates are in a partnership of its own (<see cref="TestData"/>): on the shared app.
/// </summary>
public sealed class FormWordingTestsOnSqlite(SharedSqliteApp shared) : FormWordingTests(shared.App), IClassFixture<SharedSqliteApp>;
