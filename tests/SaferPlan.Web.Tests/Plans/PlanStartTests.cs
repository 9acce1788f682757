using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Data;
using SaferPlan.Core.Plans;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Plans;

/// <summary>
/// A plan started without a terminal (issue 10): a support officer starts a plan with its first edition as a draft, and records
/// the Board's approval, which publishes it and supersedes the edition approved before it. Through the API; the pages are driven
/// in the browser test of the first quarter.
/// </summary>
public abstract class PlanStartTests(SaferPlanFactory app)
{
    private const string Slug = "south-cambridgeshire";


    /// <summary>A start year no other test in this database has used: a partnership has one plan per start year.</summary>
    private static int FreshYear() => PlanYears.Next();

    private async Task<HttpClient> ClientAsync(PartnershipRole role) => await app.ApiClientAsync(await app.AddUserAsync(role));

    private static async Task<JsonElement> StartAsync(HttpClient client, int year)
    {
        using var answer = await client.PostAsJsonAsync($"/api/partnerships/{Slug}/plans", new { title = $"Community Safety Plan {year}–{year + 3}", startYear = year, endYear = year + 3 });
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        return await answer.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> ApproveAsync(HttpClient client, int editionId, string? decidedOn, int? version, string? body = null, string? minute = null) =>
        client.PostAsJsonAsync($"/api/editions/{editionId}/approval", new { decidedOn, body, minute, version });

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage answer, HttpStatusCode status)
    {
        Assert.Equal(status, answer.StatusCode);
        return await answer.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task StartPlan_MakesADraftOnlyMembersSee_AndRefusesBadInputByField()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        using var bad = await support.PostAsJsonAsync($"/api/partnerships/{Slug}/plans", new { title = "", startYear = 2041, endYear = 2040 });
        var errors = (await ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("Enter the plan's title", errors.GetProperty("title")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("must be after the year it starts", errors.GetProperty("endYear")[0].GetString(), StringComparison.Ordinal);

        var year = FreshYear();
        var edition = await StartAsync(support, year);
        Assert.Equal("Draft", edition.GetProperty("status").GetString());
        Assert.Equal($"{year}/{(year + 1) % 100:00}", edition.GetProperty("year").GetString());
        var id = edition.GetProperty("id").GetInt32();

        using var again = await support.PostAsJsonAsync($"/api/partnerships/{Slug}/plans", new { title = "Another", startYear = year, endYear = year + 3 });
        Assert.Contains($"already has a plan starting in {year}", (await ProblemAsync(again, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("startYear")[0].GetString(), StringComparison.Ordinal);

        using var visitor = app.CreateClient();
        using var hidden = await visitor.GetAsync($"/api/editions/{id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var board = await ClientAsync(PartnershipRole.BoardMember);
        using var seen = await board.GetAsync($"/api/editions/{id}");
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        using var refused = await board.PostAsJsonAsync($"/api/partnerships/{Slug}/plans", new { title = "Board's own", startYear = FreshYear(), endYear = 2099 });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Approval_NeedsADatePrioritiesAndTheCurrentVersion_ThenPublishes_AndIsAudited()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var id = (await StartAsync(support, FreshYear())).GetProperty("id").GetInt32();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        using var noDate = await ApproveAsync(support, id, null, null);
        Assert.Contains("Enter the date of the decision", (await ProblemAsync(noDate, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("decidedOn")[0].GetString(), StringComparison.Ordinal);
        using var empty = await ApproveAsync(support, id, today.ToString("O", CultureInfo.InvariantCulture), 1);
        Assert.Contains("Add the plan's priorities", (await ProblemAsync(empty, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("decidedOn")[0].GetString(), StringComparison.Ordinal);

        await PlanApi.CreatePriorityAsync(support, id, "Reducing anti-social behaviour");
        using var future = await ApproveAsync(support, id, today.AddDays(2).ToString("O", CultureInfo.InvariantCulture), 1);
        Assert.Contains("today or in the past", (await ProblemAsync(future, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("decidedOn")[0].GetString(), StringComparison.Ordinal);
        using var stale = await ApproveAsync(support, id, today.ToString("O", CultureInfo.InvariantCulture), 0);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var lead = await ClientAsync(PartnershipRole.LeadOfficer);
        using var notTheirs = await ApproveAsync(lead, id, today.ToString("O", CultureInfo.InvariantCulture), 1);
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);

        using var approved = await ApproveAsync(support, id, today.ToString("O", CultureInfo.InvariantCulture), 1, minute: "12/10");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var body = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Approved", body.GetProperty("status").GetString());
        Assert.Equal("South Cambridgeshire CDRP Board", body.GetProperty("approvedBy").GetString());
        Assert.Equal("12/10", body.GetProperty("approvalMinute").GetString());
        Assert.Equal(today.ToString("O", CultureInfo.InvariantCulture), body.GetProperty("approvedOn").GetString());

        using var visitor = app.CreateClient();
        using var published = await visitor.GetAsync($"/api/editions/{id}");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        using var twice = await ApproveAsync(support, id, today.ToString("O", CultureInfo.InvariantCulture), 2);
        Assert.Contains("already approved", (await ProblemAsync(twice, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("decidedOn")[0].GetString(), StringComparison.Ordinal);

        var audited = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(a => a.EntityType == nameof(PlanEdition) && a.EntityId == id).Select(a => a.Changes).ToListAsync());
        Assert.Contains(audited, c => c.Contains("Approved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approval_OfANewerEdition_SupersedesTheOneApprovedBefore()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var year = FreshYear();
        var first = (await StartAsync(support, year)).GetProperty("id").GetInt32();
        await PlanApi.CreatePriorityAsync(support, first, "Reducing burglary");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using (var approved = await ApproveAsync(support, first, today.ToString("O", CultureInfo.InvariantCulture), 1))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        // The next year's edition, as the plan refresh will start it.
        var second = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var plan = await db.Editions.Where(e => e.Id == first).Select(e => e.Plan).SingleAsync();
            var next = new PlanEdition { PlanId = plan.Id, YearStart = year + 1, Label = "Refresh", Title = plan.Title, Status = EditionStatus.Draft };
            next.Priorities.Add(new Priority { Number = 1, Title = "Reducing serious acquisitive crime" });
            db.Editions.Add(next);
            await db.SaveChangesAsync();
            return next.Id;
        });
        // As a script following the issue would send it: the decision, no version.
        using (var approved = await ApproveAsync(support, second, today.ToString("O", CultureInfo.InvariantCulture), null, body: "South Cambridgeshire CDRP Board", minute: "5"))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        var earlier = await PlanApi.EditionAsync(support, first);
        Assert.Equal("Superseded", earlier.GetProperty("status").GetString());
    }
}

public sealed class PlanStartTestsOnSqlite(SqliteFactory app) : PlanStartTests(app), IClassFixture<SqliteFactory>;

public sealed class PlanStartTestsOnPostgres(PostgresFactory app) : PlanStartTests(app), IClassFixture<PostgresFactory>;
