using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Plans;

namespace SaferPlan.Web.Tests.Auditing;

/// <summary>
/// A partnership's whole audit trail, in the browser and the API: every change recorded against it, newest first, fifty to
/// a page, of one kind if asked, for its administrators and support officers only. Each test has a partnership of its own.
/// </summary>
public abstract class AuditTrailTests(SaferPlanFactory app)
{
    private static async Task<AuditTrailJson> TrailAsync(HttpClient client, string slug, string query = "") =>
        await PlanApi.OkJsonAsync<AuditTrailJson>(await client.GetAsync($"/api/partnerships/{slug}/audit{query}"));

    [Fact]
    public async Task Trail_ListsEveryChangeNewestFirst_ByKind_APageAtATime()
    {
        var partnership = await TestData.Partnership().SaveAsync(app);
        var slug = partnership.Slug;
        var supportEmail = await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: slug);
        using var support = await app.ApiClientAsync(supportEmail);
        using var started = await support.PostAsJsonAsync($"/api/partnerships/{slug}/plans", new { title = "Plan 2013", startYear = 2013, endYear = 2016 });
        var edition = await PlanApi.ReadAsync<PlanEditionJson>(started);
        for (var i = 1; i <= 50; i++)
        {
            await PlanApi.NewPriorityAsync(support, edition.Id, $"Priority number {i}");
        }

        using (var renamed = await support.PutAsJsonAsync($"/api/editions/{edition.Id}/name", new { title = "Rolling Plan 2013–2016", label = "DRAFT.V2", version = 1 }))
        {
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        }

        var first = await TrailAsync(support, slug);
        Assert.True(first.Total >= 53, $"{first.Total} changes"); // the role, the plan, its edition, 50 priorities, the rename
        Assert.Equal((first.Total + 49) / 50, first.Pages);
        Assert.Equal(50, first.Entries.Count);
        Assert.Equal(first.Entries.OrderByDescending(e => e.Id).Select(e => e.Id), first.Entries.Select(e => e.Id));
        var newest = first.Entries[0];
        Assert.Equal(("PlanEdition", edition.Id, "Updated"), (newest.Entity, newest.EntityId, newest.Action));
        Assert.Contains(newest.Changes, c => c is { Field: "Title", Old: "Plan 2013", New: "Rolling Plan 2013–2016" });
        Assert.Contains("Priority", first.Kinds);
        Assert.Contains("Membership", first.Kinds);

        var second = await TrailAsync(support, slug, "?page=2");
        Assert.Equal(first.Total - 50, second.Entries.Count);
        Assert.True(second.Entries[0].Id < first.Entries[^1].Id);
        var editions = await TrailAsync(support, slug, "?kind=planedition");
        Assert.Equal(2, editions.Total);
        Assert.All(editions.Entries, e => Assert.Equal("PlanEdition", e.Entity));
        using (var nonsense = await support.GetAsync($"/api/partnerships/{slug}/audit?kind=Nonsense"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, nonsense.StatusCode);
        }

        using var session = new PageSession(app.ServerAddress);
        await session.SignInOrFailAsync(supportEmail);
        Assert.Contains($"/partnerships/{slug}/audit", TestHtml.Hrefs(TestHtml.Parse((await session.PageAsync($"/partnerships/{slug}")).Html)));
        var (status, html) = await session.PageAsync($"/partnerships/{slug}/audit");
        Assert.Equal(HttpStatusCode.OK, status);
        var page = TestHtml.Parse(html);
        var rows = page.QuerySelectorAll("[data-trail] tbody tr").ToList();
        Assert.Equal(50, rows.Count);
        var cells = rows[0].QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal($"Plan edition {edition.Id}", cells[2]);
        Assert.Contains("Title: Plan 2013 → Rolling Plan 2013–2016", cells[3], StringComparison.Ordinal);
        Assert.Contains($"/partnerships/{slug}/audit?page=2", TestHtml.Hrefs(page));
        var pageTwo = TestHtml.Parse((await session.PageAsync($"/partnerships/{slug}/audit?page=2")).Html);
        Assert.Equal(first.Total - 50, pageTwo.QuerySelectorAll("[data-trail] tbody tr").Length);
        Assert.Contains($"page 2 of {first.Pages}", pageTwo.QuerySelector("[data-trail-count]")!.TextContent, StringComparison.Ordinal);
        var filtered = TestHtml.Parse((await session.PageAsync($"/partnerships/{slug}/audit?kind=PlanEdition")).Html);
        Assert.Equal(["Plan edition", "Plan edition"], filtered.QuerySelectorAll("[data-trail] tbody tr").Select(r => r.QuerySelectorAll("td")[2].TextContent.Trim()[..12]));
        Assert.Equal("PlanEdition", filtered.QuerySelector("#kind option[selected]")?.GetAttribute("value"));
        Assert.Contains("Created: Plan 2013", filtered.QuerySelector("[data-trail]")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>
    /// Only the partnership's administrators and support officers read its whole trail: its lead officers and Board members,
    /// another partnership's support officer and visitors are refused, in the browser and the API, and not offered the link.
    /// </summary>
    [Fact]
    public async Task Trail_IsForItsAdministratorsAndSupportOfficers_Only()
    {
        var slug = (await TestData.Partnership().SaveAsync(app)).Slug;
        var other = (await TestData.Partnership().SaveAsync(app)).Slug;
        var path = $"/partnerships/{slug}/audit";
        foreach (var (role, partnership) in new[] { (PartnershipRole.LeadOfficer, slug), (PartnershipRole.BoardMember, slug), (PartnershipRole.Analyst, slug), (PartnershipRole.SupportOfficer, other) })
        {
            using var session = await PageSession.SignedInAsync(app, role, partnership: partnership);
            Assert.Contains("Only the partnership's administrators and support officers can read its whole audit trail", await session.AccessDeniedAsync(path), StringComparison.Ordinal);
            Assert.DoesNotContain(path, TestHtml.Hrefs(TestHtml.Parse((await session.PageAsync($"/partnerships/{slug}")).Html)));
            using var client = await app.ApiClientAsync(await app.AddUserAsync(role, partnership: partnership));
            using var refused = await client.GetAsync($"/api/{path.TrimStart('/')}");
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{role} of {partnership}: {(int)refused.StatusCode}");
        }

        using var administrator = await PageSession.SignedInAsync(app, PartnershipRole.Administrator, partnership: slug);
        Assert.Equal(HttpStatusCode.OK, (await administrator.PageAsync(path)).Status);

        using var visitor = new PageSession(app.ServerAddress);
        using var page = await visitor.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/sign-in", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var api = await visitor.Client.GetAsync($"/api{path}");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    /// <summary>
    /// An account role's entries name the account (the e-mail address its readers may see), not the account's internal id,
    /// both when the role is given and when it is taken away.
    /// </summary>
    [Fact]
    public async Task Trail_NamesTheAccountOfARole_NotItsId()
    {
        var slug = (await TestData.Partnership().SaveAsync(app)).Slug;
        var support = await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: slug);
        var lead = await app.AddUserAsync(PartnershipRole.LeadOfficer, partnership: slug);
        await app.WithScopeAsync(async sp =>
        {
            var removed = await sp.GetRequiredService<AccountService>().RemoveRoleAsync(lead, PartnershipRole.LeadOfficer, slug);
            Assert.True(removed.Succeeded, removed.Message);
            return 0;
        });

        using var client = await app.ApiClientAsync(support);
        var roles = await TrailAsync(client, slug, "?kind=Membership");
        Assert.Equal(["Deleted", "Created", "Created"], roles.Entries.Select(e => e.Action));
        Assert.Equal([lead, lead, support], roles.Entries.Select(e => e.Subject));
        var given = roles.Entries[1].Changes.Single(c => c.Field == "Account");
        Assert.Equal(lead, given.New);

        using var session = new PageSession(app.ServerAddress);
        await session.SignInOrFailAsync(support);
        var html = (await session.PageAsync($"/partnerships/{slug}/audit?kind=Membership")).Html;
        var items = TestHtml.Parse(html).QuerySelectorAll("[data-trail] tbody tr").Select(r => r.QuerySelectorAll("td")[2].TextContent.Trim()).ToList();
        Assert.All(items, item => Assert.Matches(@"^Account role \d+: ", item));
        Assert.EndsWith(lead, items[0], StringComparison.Ordinal);
    }
}

/// <summary>On the shared app: each test has a partnership of its own (<see cref="TestData"/>).</summary>
public sealed class AuditTrailTestsOnSqlite(SharedSqliteApp shared) : AuditTrailTests(shared.App), IClassFixture<SharedSqliteApp>;

/// <summary>The trail's page and count queries on PostgreSQL.</summary>
public sealed class AuditTrailTestsOnPostgres(SharedPostgresApp shared) : AuditTrailTests(shared.App), IClassFixture<SharedPostgresApp>;
