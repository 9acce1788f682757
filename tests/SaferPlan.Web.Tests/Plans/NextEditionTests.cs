using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Indicators;
using SaferPlan.Core.Monitoring;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Security;

namespace SaferPlan.Web.Tests.Plans;

/// <summary>
/// The next year's edition (issue 12, item 1): started from an approved edition as a draft, each priority carried, dropped
/// or merged, finished milestones left behind unless asked, and every copy linked to what it came from.
/// </summary>
public abstract class NextEditionTests(SaferPlanFactory app)
{
    private const string Slug = "south-cambridgeshire";


    private async Task<HttpClient> ClientAsync(PartnershipRole role) => await app.ApiClientAsync(await app.AddUserAsync(role));

    private static async Task<JsonElement> NextAsync(HttpClient client, int editionId, object body, HttpStatusCode expected)
    {
        using var answer = await client.PostAsJsonAsync($"/api/editions/{editionId}/next", body);
        var text = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == expected, $"Expected {(int)expected}, got {(int)answer.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string Error(JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    private static IEnumerable<JsonElement> Items(JsonElement edition, string level) => level switch
    {
        "priorities" => edition.GetProperty("priorities").EnumerateArray(),
        "actions" => Items(edition, "priorities").SelectMany(p => p.GetProperty("actions").EnumerateArray()),
        _ => Items(edition, "actions").SelectMany(a => a.GetProperty("milestones").EnumerateArray()),
    };

    /// <summary>An approved plan of this test's own, with two priorities of one action each, the first action with two milestones.</summary>
    private static async Task<(int EditionId, int StartYear, int[] Priorities, int[] Milestones)> OwnApprovedPlanAsync(HttpClient support)
    {
        var year = PlanYears.Next();
        using var started = await support.PostAsJsonAsync($"/api/partnerships/{Slug}/plans", new { title = $"Plan {year}", startYear = year, endYear = year + 3 });
        var editionId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var first = await PlanApi.CreatePriorityAsync(support, editionId, "Reducing burglary");
        var second = await PlanApi.CreatePriorityAsync(support, editionId, "Reducing vehicle crime");
        var action = await PlanApi.CreateActionAsync(support, first.Id(), "Target hardening for repeat victims");
        var kept = await PlanApi.CreateMilestoneAsync(support, action.Id(), "Visit every repeat victim");
        var done = await PlanApi.CreateMilestoneAsync(support, action.Id(), "Buy the door chains");
        var other = await PlanApi.CreateActionAsync(support, second.Id(), "Lock it or lose it campaign");
        await PlanApi.CreateMilestoneAsync(support, other.Id(), "Leaflet the car parks");
        using var approved = await support.PostAsJsonAsync($"/api/editions/{editionId}/approval", new { decidedOn = DateOnly.FromDateTime(DateTime.UtcNow).ToString("O", CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        return (editionId, year, [first.Id(), second.Id()], [kept.Id(), done.Id()]);
    }

    /// <summary>
    /// A copy of the demo's 2009/10 edition as the approved edition of a plan of this test's own (the demo's own already has
    /// its 2010/11 refresh), with the latest accepted update of each milestone and the indicators linked to them. Its id and year.
    /// </summary>
    private Task<(int EditionId, int Year)> CopyOfDemo2009Async() => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SaferPlanDbContext>();
        var demo = await db.Editions.AsNoTracking().AsSplitQuery().Include(e => e.Plan)
            .Include(e => e.Priorities).ThenInclude(p => p.Actions).ThenInclude(a => a.Milestones)
            .SingleAsync(e => e.YearStart == 2009 && e.Plan.Partnership.Slug == Slug);
        var year = PlanYears.Next();
        var copies = new Dictionary<int, Core.Plans.Milestone>();
        var edition = new Core.Plans.PlanEdition
        {
            YearStart = year, Label = demo.Label, Title = demo.Title, Status = Core.Plans.EditionStatus.Approved, ApprovedOn = new DateOnly(year, 3, 1),
            Priorities = demo.Priorities.Select(p => new Core.Plans.Priority
            {
                Number = p.Number, SortOrder = p.SortOrder, Kind = p.Kind, Title = p.Title, Marking = p.Marking,
                Actions = p.Actions.Select(a => new Core.Plans.PlanAction
                {
                    Number = a.Number, SortOrder = a.SortOrder, Text = a.Text, Marking = a.Marking,
                    Milestones = a.Milestones.Select(m => copies[m.Id] = new Core.Plans.Milestone
                    {
                        Code = m.Code, SortOrder = m.SortOrder, Text = m.Text, MeasurementKind = m.MeasurementKind, Marking = m.Marking,
                    }).ToList(),
                }).ToList(),
            }).ToList(),
        };
        db.Plans.Add(new Core.Plans.Plan { PartnershipId = demo.Plan.PartnershipId, Title = $"Copy of the demo's 2009/10 edition {year}", StartYear = year, EndYear = year + 3, Editions = [edition] });
        db.AuditPartnershipId = demo.Plan.PartnershipId;
        await db.SaveChangesAsync();
        var ids = copies.Keys.ToList();
        var latest = (await db.Set<MilestoneUpdate>().AsNoTracking().Where(u => ids.Contains(u.MilestoneId) && u.State == UpdateState.Accepted).ToListAsync())
            .GroupBy(u => u.MilestoneId).Select(g => g.MaxBy(u => u.Period)!);
        foreach (var u in latest)
        {
            db.Add(new MilestoneUpdate
            {
                MilestoneId = copies[u.MilestoneId].Id, Period = Core.Periods.ReportingPeriod.Of(year, u.Period.Quarter), Progress = u.Progress, Status = u.Status,
                State = UpdateState.Accepted, AuthorName = u.AuthorName, UpdatedAt = u.UpdatedAt,
            });
        }

        foreach (var link in await db.Set<IndicatorLink>().AsNoTracking().Where(l => l.MilestoneId != null && ids.Contains(l.MilestoneId.Value)).ToListAsync())
        {
            db.Add(new IndicatorLink { IndicatorId = link.IndicatorId, MilestoneId = copies[link.MilestoneId!.Value].Id });
        }

        await db.SaveChangesAsync();
        return (edition.Id, year);
    });

    [Fact]
    public async Task NextEdition_FromTheDemo2009Edition_MergesVehicleCrimeIntoBurglary_AndLinksEveryCopyToItsOrigin()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var demo2009 = await PlanApi.EditionIdAsync(support, "2009/10");
        var refreshed = await NextAsync(support, demo2009, new { year = "2010-11" }, HttpStatusCode.BadRequest);
        Assert.Equal("This plan already has an edition for 2010/11", Error(refreshed, "year"));
        var (fromId, fromYear) = await CopyOfDemo2009Async();
        var refreshYear = Core.Periods.ReportingPeriod.Year(fromYear + 1);
        var from = await PlanApi.EditionAsync(support, fromId);
        var burglary = Items(from, "priorities").Single(p => p.GetProperty("title").GetString() == "Reducing dwelling burglary");
        var vehicle = Items(from, "priorities").Single(p => p.GetProperty("title").GetString() == "Reducing vehicle crime");
        var (finished, linkedBefore) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var milestoneIds = Items(from, "milestones").Select(m => m.Id()).ToList();
            var latest = (await db.Set<MilestoneUpdate>().AsNoTracking().Where(u => milestoneIds.Contains(u.MilestoneId) && u.State == UpdateState.Accepted).ToListAsync())
                .GroupBy(u => u.MilestoneId).Select(g => g.MaxBy(u => u.Period)!);
            var links = await db.Set<IndicatorLink>().Where(l => l.MilestoneId != null && milestoneIds.Contains(l.MilestoneId.Value)).Select(l => l.MilestoneId!.Value).ToListAsync();
            return (latest.Where(u => u.Status is UpdateStatus.Completed or UpdateStatus.Closed).Select(u => u.MilestoneId).ToHashSet(), links);
        });

        var next = await NextAsync(support, fromId, new { year = refreshYear.Slug, priorities = new[] { new { id = vehicle.Id(), fate = "Merge", into = (int?)burglary.Id() } } }, HttpStatusCode.Created);

        Assert.Equal("Draft", next.GetProperty("status").GetString());
        Assert.Equal(refreshYear.Display, next.GetProperty("year").GetString());
        Assert.Equal(fromId, next.GetProperty("previousEditionId").GetInt32());
        Assert.Equal(Items(from, "priorities").Count() - 1, Items(next, "priorities").Count());
        var merged = Items(next, "priorities").Single(p => p.GetProperty("title").GetString() == "Reducing dwelling burglary");
        Assert.Equal(new[] { burglary.Id(), vehicle.Id() }.Order(), merged.GetProperty("originIds").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(burglary.GetProperty("actions").GetArrayLength() + vehicle.GetProperty("actions").GetArrayLength(), merged.GetProperty("actions").GetArrayLength());
        var number = merged.GetProperty("number").GetInt32();
        Assert.Equal(Enumerable.Range(1, merged.GetProperty("actions").GetArrayLength()).Select(i => $"{number}.{i}"),
            merged.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("number").GetString()));
        Assert.All(Items(next, "actions"), a => Assert.All(a.GetProperty("milestones").EnumerateArray(),
            m => Assert.StartsWith(a.GetProperty("number").GetString()!, m.GetProperty("code").GetString(), StringComparison.Ordinal)));

        var origins = Items(next, "milestones").Select(m => m.GetProperty("originId").GetInt32()).ToList();
        Assert.Equal(Items(from, "milestones").Select(m => m.Id()).Where(id => !finished.Contains(id)).Order(), origins.Order());
        Assert.All(Items(next, "actions"), a => Assert.Contains(a.GetProperty("originId").GetInt32(), Items(from, "actions").Select(o => o.Id())));
        var copied = Items(next, "milestones").Select(m => m.Id()).ToList();
        var linkedAfter = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<IndicatorLink>()
            .CountAsync(l => l.MilestoneId != null && copied.Contains(l.MilestoneId.Value)));
        Assert.Equal(linkedBefore.Count(id => !finished.Contains(id)), linkedAfter);

        var again = await NextAsync(support, fromId, new { year = refreshYear.Slug }, HttpStatusCode.BadRequest);
        Assert.Equal($"This plan already has an edition for {refreshYear.Display}", Error(again, "year"));
        using var visitor = app.CreateClient();
        using var hidden = await visitor.GetAsync($"/api/editions/{next.Id()}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task NextEdition_LeavesFinishedMilestonesAndDroppedPrioritiesBehind_UnlessAsked()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var (editionId, year, priorities, milestones) = await OwnApprovedPlanAsync(support);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            db.Set<MilestoneUpdate>().Add(new MilestoneUpdate
            {
                MilestoneId = milestones[1], Period = Core.Periods.ReportingPeriod.Of(year, 4), Progress = "Bought", Status = UpdateStatus.Completed,
                State = UpdateState.Accepted, AuthorName = "test", UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            return 0;
        });

        var next = await NextAsync(support, editionId, new { priorities = new[] { new { id = priorities[1], fate = "Drop", into = (int?)null } } }, HttpStatusCode.Created);
        Assert.Equal($"{year + 1}/{(year + 2) % 100:00}", next.GetProperty("year").GetString());
        Assert.Equal(["Reducing burglary"], Items(next, "priorities").Select(p => p.GetProperty("title").GetString()));
        Assert.Equal([milestones[0]], Items(next, "milestones").Select(m => m.GetProperty("originId").GetInt32()));

        var withFinished = await NextAsync(support, editionId, new { year = $"{year + 2}-{(year + 3) % 100:00}", carryFinished = true }, HttpStatusCode.Created);
        Assert.Equal(3, Items(withFinished, "milestones").Count());
        Assert.Equal(["1.1a", "1.1b", "2.1a"], Items(withFinished, "milestones").Select(m => m.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Compare_TheRefreshedEdition_ShowsTheMergeRenameRewordingAndLeadAgency_WordByWord()
    {
        var email = await app.AddUserAsync(PartnershipRole.SupportOfficer);
        using var support = await app.ApiClientAsync(email);
        var (editionId, _, priorities, _) = await OwnApprovedPlanAsync(support);
        var next = await NextAsync(support, editionId, new { priorities = new[] { new { id = priorities[1], fate = "Merge", into = (int?)priorities[0] } } }, HttpStatusCode.Created);
        var priority = Items(next, "priorities").Single();
        var renamed = PlanApi.PutBody(priority);
        renamed["title"] = "Reducing serious acquisitive crime";
        await PlanApi.PutOkAsync(support, $"/api/priorities/{priority.Id()}", renamed);
        var visit = Items(next, "milestones").Single(m => m.GetProperty("code").GetString() == "1.1a");
        var reworded = PlanApi.PutBody(visit);
        reworded["text"] = "Visit every repeat victim within 48 hours";
        await PlanApi.PutOkAsync(support, $"/api/milestones/{visit.Id()}", reworded);
        var campaign = Items(next, "actions").Single(a => a.GetProperty("number").GetString() == "1.2");
        var led = PlanApi.PutBody(campaign);
        led["leadAgency"] = "Police";
        await PlanApi.PutOkAsync(support, $"/api/actions/{campaign.Id()}", led);
        await PlanApi.CreateMilestoneAsync(support, campaign.Id(), "Mark car parks with SmartWater signs");

        var compared = await support.GetFromJsonAsync<JsonElement>($"/api/editions/{editionId}/compare/{next.Id()}");
        var changedPriority = compared.GetProperty("priorities").EnumerateArray().Single();
        Assert.Equal(["Merged", "Renamed"], changedPriority.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(["Priority 1: Reducing burglary", "Priority 2: Reducing vehicle crime"], changedPriority.GetProperty("mergedFrom").EnumerateArray().Select(k => k.GetString()));
        Assert.Contains(changedPriority.GetProperty("title").EnumerateArray(), w => w.GetProperty("kind").GetString() == "Inserted" && w.GetProperty("text").GetString() == "serious acquisitive crime");

        var action = compared.GetProperty("actions").EnumerateArray().Single();
        Assert.Equal(["Changed"], action.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("2.1", action.GetProperty("oldReference").GetString());
        Assert.Equal("1.2", action.GetProperty("newReference").GetString());
        Assert.Equal("Police", action.GetProperty("fields")[0].GetProperty("new").GetString());

        var milestones = compared.GetProperty("milestones").EnumerateArray().ToList();
        var kinds = milestones.ToDictionary(m => m.GetProperty("newReference").GetString() ?? m.GetProperty("oldReference").GetString()!, m => m.GetProperty("kinds")[0].GetString());
        Assert.Equal("Reworded", kinds["1.1a"]);
        Assert.Equal("Added", kinds["1.2b"]);
        Assert.Equal(2, milestones.Count);
        var words = milestones.Single(m => m.GetProperty("newReference").GetString() == "1.1a").GetProperty("text").EnumerateArray()
            .Select(w => (w.GetProperty("kind").GetString(), w.GetProperty("text").GetString())).ToList();
        Assert.Equal([("Same", "Visit every repeat victim"), ("Inserted", "within 48 hours")], words);

        using var session = new PageSession(app.ServerAddress);
        await session.SignInOrFailAsync(email);
        using var page = await session.Client.GetAsync($"/editions/{next.Id()}/compare");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<ins class=\"app-ins\"><span class=\"govuk-visually-hidden\">added: </span>within 48 hours</ins>", html, StringComparison.Ordinal);
        using var visitor = app.CreateClient();
        using var hidden = await visitor.GetAsync($"/api/editions/{editionId}/compare/{next.Id()}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task NextEdition_RefusesBadChoices_ByPriority_AndWhoMayNot()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var (editionId, year, priorities, _) = await OwnApprovedPlanAsync(support);

        var self = await NextAsync(support, editionId, new { priorities = new[] { new { id = priorities[0], fate = "Merge", into = (int?)priorities[0] } } }, HttpStatusCode.BadRequest);
        Assert.Equal("\"Reducing burglary\" cannot be merged into itself", Error(self, $"priority{priorities[0]}"));
        var choices = new[] { new { id = priorities[0], fate = "Merge", into = (int?)priorities[1] }, new { id = priorities[1], fate = "Drop", into = (int?)null } };
        var intoDropped = await NextAsync(support, editionId, new { priorities = choices }, HttpStatusCode.BadRequest);
        Assert.Equal("Merge \"Reducing burglary\" into a priority that is carried forward", Error(intoDropped, $"priority{priorities[0]}"));
        var demoPriority = (await PlanApi.DemoPriorityAsync(support, "2009/10", 1)).Id();
        var otherPlan = await NextAsync(support, editionId, new { priorities = new[] { new { id = priorities[0], fate = "Merge", into = (int?)demoPriority } } }, HttpStatusCode.BadRequest);
        Assert.Equal("Merge \"Reducing burglary\" into a priority of the same plan edition", Error(otherPlan, $"priority{priorities[0]}"));
        var beyond = await NextAsync(support, editionId, new { year = $"{year + 3}-{(year + 4) % 100:00}" }, HttpStatusCode.BadRequest);
        Assert.Contains($"The plan runs to March {year + 3}", Error(beyond, "year"), StringComparison.Ordinal);
        var badYear = await NextAsync(support, editionId, new { year = "next year" }, HttpStatusCode.BadRequest);
        Assert.Equal("Give the year like 2011-12", Error(badYear, "year"));

        var draftYear = PlanYears.Next();
        using var started = await support.PostAsJsonAsync($"/api/partnerships/{Slug}/plans", new { title = "Draft only", startYear = draftYear, endYear = draftYear + 3 });
        var draftId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var fromDraft = await NextAsync(support, draftId, new { }, HttpStatusCode.BadRequest);
        Assert.Contains("from an approved edition", Error(fromDraft, "year"), StringComparison.Ordinal);

        using var board = await ClientAsync(PartnershipRole.BoardMember);
        await NextAsync(board, editionId, new { }, HttpStatusCode.Forbidden);
        using var lead = await ClientAsync(PartnershipRole.LeadOfficer);
        await NextAsync(lead, editionId, new { }, HttpStatusCode.Forbidden);
        using var visitor = app.CreateClient();
        await NextAsync(visitor, editionId, new { }, HttpStatusCode.Unauthorized);
    }
}

public sealed class NextEditionTestsOnSqlite(SqliteFactory app) : NextEditionTests(app), IClassFixture<SqliteFactory>;

public sealed class NextEditionTestsOnPostgres(PostgresFactory app) : NextEditionTests(app), IClassFixture<PostgresFactory>;
