using System.Net;
using System.Net.Http.Json;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Partnerships;
using SaferPlan.Core.Periods;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Caching;

/// <summary>
/// Answers cached by a partnership's change stamp (its calendar feed) stay current when something it shows but does not own
/// changes: a body seated in two partnerships, renamed through the other one, moves both partnerships' stamps.
/// </summary>
public abstract class SharedBodyStampTests(SaferPlanFactory app)
{
    [Fact]
    public async Task SharedBody_RenamedThroughTheOtherPartnership_ShowsItsNewNameInThisPartnershipsCachedFeed()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (bodyId, cambridgeId) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var both = await db.Partnerships.Where(p => p.Slug == "south-cambridgeshire" || p.Slug == "cambridge").ToListAsync();
            var body = new Body { Key = $"county-forum-{suffix}", Name = $"County Safety Forum {suffix}", Kind = BodyKind.TaskGroup, Cadence = MeetingCadence.Quarterly, Partnerships = both };
            db.Add(body);
            await db.SaveChangesAsync();
            return (body.Id, both.Single(p => p.Slug == "cambridge").Id);
        });
        using var support = await app.ApiClientAsync(await app.SharedUserAsync(PartnershipRole.SupportOfficer));
        var year = 2400 + Random.Shared.Next(500);
        using (var added = await support.PostAsJsonAsync("/api/partnerships/south-cambridgeshire/meetings",
            new { bodyId, year = ReportingPeriod.Year(year).Slug, meetsOn = new DateOnly(year, 6, 10), startsAt = "10:00", place = "Shire Hall", isPublic = true }))
        {
            Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        }

        using var visitor = app.CreateClient();
        Assert.Contains(await SummariesAsync(visitor), s => s.StartsWith($"County Safety Forum {suffix}", StringComparison.Ordinal));

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var body = await db.Bodies.SingleAsync(b => b.Id == bodyId);
            body.Name = $"County Community Safety Forum {suffix}";
            db.AuditPartnershipId = cambridgeId;
            return await db.SaveChangesAsync();
        });

        var after = await SummariesAsync(visitor);
        Assert.Contains(after, s => s.StartsWith($"County Community Safety Forum {suffix}", StringComparison.Ordinal));
        Assert.DoesNotContain(after, s => s.StartsWith($"County Safety Forum {suffix}", StringComparison.Ordinal));
    }

    private static async Task<List<string>> SummariesAsync(HttpClient client)
    {
        using var answer = await client.GetAsync("/api/partnerships/south-cambridgeshire/calendar.ics");
        var text = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, text);
        return Calendar.Load(text)!.Events.Select(e => e.Summary ?? "").ToList();
    }
}

public sealed class SharedBodyStampTestsOnSqlite(SqliteFactory app) : SharedBodyStampTests(app), IClassFixture<SqliteFactory>;

public sealed class SharedBodyStampTestsOnPostgres(PostgresFactory app) : SharedBodyStampTests(app), IClassFixture<PostgresFactory>;
