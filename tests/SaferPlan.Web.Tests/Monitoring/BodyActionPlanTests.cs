using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Documents;
using SaferPlan.Core.Editing;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Periods;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Documents;

namespace SaferPlan.Web.Tests.Monitoring;

/// <summary>
/// A task group's own action plan (seed 001's Southern Domestic Abuse Task Group): kept on its pages by those who write
/// the body's briefings, and shared into the Board report of the partnerships it serves, on both databases.
/// </summary>
public abstract class BodyActionPlanTests(SaferPlanFactory app)
{
    /// <summary>The demo partnership and its task group, whose seed 001 action plan the Demo… and lead officer tests read (and change nothing of).</summary>
    private const string DemoSlug = "south-cambridgeshire";
    private const string DemoBody = "southern-domestic-abuse-task-group";

    /// <summary>
    /// A partnership of the test's own served by a task group of its own, which already keeps a "2010-2011 Action Plan" (as
    /// the demo's task group does) with an item 1.10; a support officer of the partnership. The body's key, the plan's id
    /// and the partnership's slug.
    /// </summary>
    private async Task<(string Body, int PlanId, string Slug, UserContext Support)> TaskGroupAsync()
    {
        var partnership = await TestData.Partnership().WithBody(out var group, "Southern Domestic Abuse Task Group").SaveAsync(app);
        var support = await UserAsync(PartnershipRole.SupportOfficer, partnership.Slug);
        var plan = await Service(s => s.SavePlanAsync(group.Key, null, new() { Year = ReportingPeriod.Year(2010), Title = "2010-2011 Action Plan", PlanLead = "SCDATG Chair" }, 0, support));
        Assert.True(plan.Succeeded, plan.Message);
        var item = await Service(s => s.SaveItemAsync(group.Key, plan.Value!.Id, null, new() { Number = "1.10", Text = "Freedom programmes" }, 0, support));
        Assert.True(item.Succeeded, item.Message);
        return (group.Key, plan.Value.Id, partnership.Slug, support);
    }

    [Fact]
    public async Task DemoReport_HasTheTaskGroupsActionPlan_AsSeed001_InHtmlAndDocx()
    {
        using var visitor = await app.ApiClientAsync();

        var html = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/api/partnerships/{DemoSlug}/reports/performance/2010-11-q4.html"));
        var docx = await visitor.GetByteArrayAsync($"/api/partnerships/{DemoSlug}/reports/performance/2010-11-q4.docx");
        var xml = WebUtility.HtmlDecode(DocumentFiles.AllParts(docx));
        var pdf = await DocumentFiles.PdfTextAsync(docx);

        foreach (var text in new[] { html, xml })
        {
            Assert.Contains("Southern Domestic Abuse Task Group", text, StringComparison.Ordinal);
            Assert.Contains("Strategic Aim: To Measure Performance Against Key Indicators That Support The Community Safety Plan Priorities", text, StringComparison.Ordinal);
            Assert.Contains("Action Plan: 2010-2011", text, StringComparison.Ordinal);
            Assert.Contains("Action Plan Lead: SCDATG Chair", text, StringComparison.Ordinal);
            foreach (var heading in new[] { "Key Support Indicator", "Action Plan Item", "Milestones", "Quarterly Progress" })
            {
                Assert.Contains(heading, text, StringComparison.Ordinal);
            }

            Assert.Contains("Priority 1: Support DV Victims by Raising Awareness in Frontline Staff - Issues & How to report", text, StringComparison.Ordinal);
            Assert.Contains("Priority 2: To Reduce Repeat Victimisation", text, StringComparison.Ordinal);
            Assert.Contains("Priority 6: To Increase the Awareness of Domestic Abuse Services in Hard-to-Reach Groups", text, StringComparison.Ordinal);
            for (var n = 1; n <= 16; n++)
            {
                Assert.Contains($"1.{n}", text, StringComparison.Ordinal);
            }

            Assert.Contains("SK & LR", text, StringComparison.Ordinal);
            Assert.Contains("£5,300 allocated for Freedom programmes in South Cambs.", text, StringComparison.Ordinal);
            Assert.Contains("Q1. Identify funding to support a rolling 36 session programme in both City & East Cambs", text, StringComparison.Ordinal);
            Assert.Contains("Abandoned as County CYP group disbanded.", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Action Pla n", text, StringComparison.Ordinal);
        }

        Assert.Contains("Action Plan Lead: SCDATG Chair", pdf, StringComparison.Ordinal);
        Assert.Contains("1.10", pdf, StringComparison.Ordinal);

        // As in seed 001: after the priorities, the plan, then the partner briefings, then the other reports (ASB, road safety).
        var sections = TestHtml.Parse(html).QuerySelectorAll("section.other-report, section.partner-plan, section.briefing").Select(s => s.ClassName).ToList();
        var plan = sections.IndexOf("partner-plan");
        Assert.True(plan == 0 && plan < sections.IndexOf("briefing") && sections.IndexOf("briefing") < sections.IndexOf("other-report"), $"Sections in the order {string.Join(", ", sections)}");
    }

    [Fact]
    public async Task Pages_SupportOfficer_AddsAPlanItemsAndAQuartersProgress_SharedIntoTheReport_RestrictedLeftOutOfThePublicVersion()
    {
        var (body, _, slug, _) = await TaskGroupAsync();
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: slug);
        var briefings = await Forms.PageAsync(support, $"/bodies/{body}/briefings");
        Assert.Contains($"href=\"/bodies/{body}/action-plans\"", briefings, StringComparison.Ordinal);
        var list = await Forms.PageAsync(support, $"/bodies/{body}/action-plans");
        Assert.Contains("2010-2011 Action Plan", list, StringComparison.Ordinal);

        // Nothing typed, not even a marking the form can read: every error in the summary at once, nothing saved.
        var form = await Forms.PageAsync(support, $"/bodies/{body}/action-plans/new");
        using (var refused = await Forms.PostAsync(support, $"/bodies/{body}/action-plans/new", form, new() { ["Input.Year"] = "", ["Input.Title"] = "", ["Input.Marking"] = "", ["Input.Version"] = "0" }))
        {
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
            Assert.Contains("Enter the financial year the plan covers, like 2010-11", html, StringComparison.Ordinal);
            Assert.Contains("Enter the plan&#x27;s title, like 2010-2011 Action Plan", html, StringComparison.Ordinal);
            Assert.Contains("Select the plan&#x27;s protective marking", html, StringComparison.Ordinal);
        }

        var title = $"2011-2012 Action Plan {Guid.NewGuid():N}";
        string planPath;
        using (var added = await Forms.PostAsync(support, $"/bodies/{body}/action-plans/new", form, new()
        {
            ["Input.Year"] = "2011-12", ["Input.Title"] = title, ["Input.StrategicAim"] = "To reduce harm", ["Input.PlanLead"] = "SCDATG Chair",
            ["Input.Marking"] = "Official", ["Input.Version"] = "0",
        }))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            planPath = added.RequestMessage!.RequestUri!.AbsolutePath;
            Assert.Matches($"^/bodies/{body}/action-plans/\\d+$", planPath);
            Assert.Contains($"{title} saved", await added.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var itemForm = await Forms.PageAsync(support, $"{planPath}/items/new");
        using (var refused = await Forms.PostAsync(support, $"{planPath}/items/new", itemForm, new() { ["Input.Number"] = "", ["Input.Text"] = "", ["Input.Marking"] = "Secret", ["Input.Version"] = "0" }))
        {
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains("Enter the item&#x27;s number, like 1.10", html, StringComparison.Ordinal);
            Assert.Contains("Enter the action plan item, what the group will do", html, StringComparison.Ordinal);
            Assert.Contains("Select the item&#x27;s protective marking", html, StringComparison.Ordinal);
        }

        foreach (var (number, text, marking) in new[] { ("1.1", "Publicise the helpline", "Official"), ("1.2", "Secret refuge address work", "Restricted") })
        {
            using var saved = await Forms.PostAsync(support, $"{planPath}/items/new", itemForm, new()
            {
                ["Input.Heading"] = "Priority 1: Raising awareness", ["Input.Number"] = number, ["Input.Lead"] = "SK", ["Input.Text"] = text,
                ["Input.Milestones"] = "Q1. Plan\nQ2. Deliver", ["Input.Marking"] = marking, ["Input.Version"] = "0",
            });
            Assert.Equal(planPath, saved.RequestMessage!.RequestUri!.AbsolutePath);
        }

        var progressPath = $"{planPath}/progress/2011-12-q1";
        var progressForm = await Forms.PageAsync(support, progressPath);
        var ids = TestHtml.Parse(progressForm).QuerySelectorAll("input[name^=\"Items[\"][name$=\"].ItemId\"]").Select(i => i.GetAttribute("value") ?? "").ToList();
        Assert.Equal(2, ids.Count);
        Assert.All(ids, id => Assert.True(id.Length > 0 && id.All(char.IsAsciiDigit), $"Item id field holds {id}"));
        using (var saved = await Forms.PostAsync(support, progressPath, progressForm, new()
        {
            ["Items[0].ItemId"] = ids[0], ["Items[0].Progress"] = "Helpline publicised in every surgery.", ["Items[0].Marking"] = "Official", ["Items[0].Version"] = "0",
            ["Items[1].ItemId"] = ids[1], ["Items[1].Progress"] = "Refuge work progressing.", ["Items[1].Marking"] = "Official", ["Items[1].Version"] = "0",
        }))
        {
            var html = await saved.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Contains("Helpline publicised in every surgery.", html, StringComparison.Ordinal);
        }

        // The form read before that save is stale now: saving it again is refused, with the message in the summary.
        using (var stale = await Forms.PostAsync(support, progressPath, progressForm, new()
        {
            ["Items[0].ItemId"] = ids[0], ["Items[0].Progress"] = "My stale words", ["Items[0].Marking"] = "Official", ["Items[0].Version"] = "0",
        }))
        {
            var html = await stale.Content.ReadAsStringAsync();
            Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
            Assert.Contains("was changed by someone else after you opened this form", html, StringComparison.Ordinal);
        }

        var full = BoardReportHtml.Render((await BuildAsync(slug, "2011-12-q1", ReportAudience.Full))!);
        var publicVersion = await BuildAsync(slug, "2011-12-q1", ReportAudience.Public);
        var publicHtml = BoardReportHtml.Render(publicVersion!);
        var publicXml = DocumentFiles.AllParts(BoardReportDocx.ToBytes(publicVersion!));
        Assert.Contains("Helpline publicised in every surgery.", full, StringComparison.Ordinal);
        Assert.Contains("Secret refuge address work", full, StringComparison.Ordinal);
        foreach (var text in new[] { publicHtml, publicXml })
        {
            Assert.Contains("Helpline publicised in every surgery.", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Secret refuge address work", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Refuge work progressing.", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Pages_LeadOfficer_ReadsThePlanButMayNotKeepIt_AndAVisitorIsSentToSignIn()
    {
        // A lead officer of its own added to the demo partnership, reading the demo task group's plan.
        using var lead = await Forms.SignedInAsync(app, PartnershipRole.LeadOfficer);
        var planId = await DemoPlanIdAsync();

        var list = await Forms.PageAsync(lead, $"/bodies/{DemoBody}/action-plans");
        var plan = WebUtility.HtmlDecode(await Forms.PageAsync(lead, $"/bodies/{DemoBody}/action-plans/{planId}?quarter=2010-11-q4"));
        using var newPlan = await lead.GetAsync($"/bodies/{DemoBody}/action-plans/new");
        using var progress = await lead.GetAsync($"/bodies/{DemoBody}/action-plans/{planId}/progress/2010-11-q4");
        using var visitor = await app.ApiClientAsync();
        using var anonymous = await visitor.GetAsync($"/bodies/{DemoBody}/action-plans/{planId}");

        Assert.DoesNotContain("Add an action plan", list, StringComparison.Ordinal);
        Assert.Contains("£5,300 allocated for Freedom programmes in South Cambs.", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("/items/new", plan, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, newPlan.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, progress.StatusCode);
        Assert.Contains("/account/sign-in", anonymous.Headers.Location?.OriginalString ?? anonymous.RequestMessage?.RequestUri?.AbsolutePath, StringComparison.Ordinal);
        Assert.DoesNotContain("Freedom programmes", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_RefusesByRightAndField_AndKeepsVersions()
    {
        var (body, planId, slug, support) = await TaskGroupAsync();
        var lead = await UserAsync(PartnershipRole.LeadOfficer, slug);

        var forbidden = await Service(s => s.SavePlanAsync(body, null, new() { Year = ReportingPeriod.Year(2012), Title = "Lead's plan" }, 0, lead));
        var missing = await Service(s => s.SavePlanAsync("no-such-body", null, new() { Year = ReportingPeriod.Year(2012), Title = "x" }, 0, support));
        var invalid = await Service(s => s.SavePlanAsync(body, null, new() { Year = ReportingPeriod.Of(2012, 1), Title = " ", PlanLead = new string('x', 201) }, 0, support));
        var duplicate = await Service(s => s.SaveItemAsync(body, planId, null, new() { Number = "1.10", Text = "Another 1.10" }, 0, support));
        var wrongYear = await Service(s => s.SaveProgressAsync(body, planId, ReportingPeriod.Of(2011, 1), [], support));
        var stalePlan = await Service(s => s.SavePlanAsync(body, planId, new() { Title = "2010-2011 Action Plan" }, 99, support));

        Assert.Equal(EditStatus.Forbidden, forbidden.Status);
        Assert.Equal(EditStatus.NotFound, missing.Status);
        Assert.Equal(EditStatus.Invalid, invalid.Status);
        Assert.Equal(["PlanLead", "Title", "Year"], invalid.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("The plan already has an item 1.10: give this item another number", duplicate.Errors["Number"]);
        Assert.True(wrongYear.Errors.ContainsKey("Period"));
        Assert.Equal(EditStatus.Conflict, stalePlan.Status);

        // Each save of an item bumps its version and is audited under a partnership the body serves.
        var item = await Service(s => s.SaveItemAsync(body, planId, null, new() { Number = $"9.{Random.Shared.Next(1000, 9999)}", Text = "Versioned item" }, 0, support));
        var (itemId, number) = (item.Value!.Id, item.Value.Number);
        var edited = await Service(s => s.SaveItemAsync(body, planId, itemId, new() { Number = number, Text = "Versioned item, edited" }, 1, support));
        var audited = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().AuditEntries.CountAsync(a => a.EntityType == nameof(BodyActionPlanItem) && a.EntityId == itemId));
        Assert.Equal(2, edited.Value!.Version);
        Assert.Equal(2, audited);
    }

    private async Task<int> DemoPlanIdAsync() =>
        await app.WithScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            return db.Set<BodyActionPlan>().Where(p => p.Title == "2010-2011 Action Plan" && db.Bodies.Any(b => b.Id == p.BodyId && b.Key == DemoBody)).Select(p => p.Id).SingleAsync();
        });

    private async Task<UserContext> UserAsync(PartnershipRole role, string slug)
    {
        var token = await app.CreateTokenAsync(await app.AddUserAsync(role, partnership: slug));
        return (await app.WithScopeAsync(sp => sp.GetRequiredService<AccountService>().ContextForTokenAsync(token)))!;
    }

    private Task<T> Service<T>(Func<BodyActionPlanService, Task<T>> work) => app.WithScopeAsync(sp => work(sp.GetRequiredService<BodyActionPlanService>()));

    private Task<BoardReport?> BuildAsync(string slug, string period, ReportAudience audience) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<BoardReportBuilder>().BuildAsync(new BoardReportOptions(slug, ReportingPeriod.Parse(period), audience)));
}

/// <summary>
/// The Demo… and lead officer tests read the demo task group's plan, with users of their own added to the demo partnership;
/// every plan, item and progress written is a task group's of the test's own (<see cref="TestData"/>): on the shared app.
/// </summary>
public sealed class BodyActionPlanTestsOnSqlite(SharedSqliteApp shared) : BodyActionPlanTests(shared.App), IClassFixture<SharedSqliteApp>;

/// <inheritdoc cref="BodyActionPlanTestsOnSqlite"/>
public sealed class BodyActionPlanTestsOnPostgres(SharedPostgresApp shared) : BodyActionPlanTests(shared.App), IClassFixture<SharedPostgresApp>;
