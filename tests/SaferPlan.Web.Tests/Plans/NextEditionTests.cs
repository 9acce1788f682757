using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Indicators;
using SaferPlan.Core.Monitoring;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Plans;

/// <summary>
/// The next year's edition (issue 12, item 1): started from an approved edition as a draft, each priority carried, dropped
/// or merged, finished milestones left behind unless asked, and every copy linked to what it came from.
/// </summary>
public abstract class NextEditionTests(SaferPlanFactory app)
{
    /// <summary>The demo partnership, whose 2009/10 edition one test copies (reading it only).</summary>
    private const string DemoSlug = "south-cambridgeshire";

    /// <summary>A partnership of the test's own, with no plan yet.</summary>
    private async Task<TestPartnership> PartnershipAsync() => await TestData.Partnership().SaveAsync(app);

    private async Task<HttpClient> ClientAsync(PartnershipRole role, string slug) => await app.ApiClientAsync(await app.AddUserAsync(role, partnership: slug));

    private static async Task<HttpResponseMessage> PostNextAsync(HttpClient client, int editionId, object body) =>
        await client.PostAsJsonAsync($"/api/editions/{editionId}/next", body);

    /// <summary>The next edition, made: 201 with the new edition, every item whole.</summary>
    private static async Task<EditionItemsJson> NextAsync(HttpClient client, int editionId, object body)
    {
        using var answer = await PostNextAsync(client, editionId, body);
        Assert.True(answer.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        return await PlanApi.ReadAsync<EditionItemsJson>(answer);
    }

    /// <summary>The next edition, refused as invalid: the first message for the field.</summary>
    private static async Task<string> RefusedAsync(HttpClient client, int editionId, object body, string field) =>
        await PlanApi.ReadValidationErrorAsync(await PostNextAsync(client, editionId, body), field);

    /// <summary>The next edition, refused to this caller with the given status.</summary>
    private static async Task NotAllowedAsync(HttpClient client, int editionId, HttpStatusCode expected)
    {
        using var answer = await PostNextAsync(client, editionId, new { });
        Assert.True(answer.StatusCode == expected, $"Expected {(int)expected}, got {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// An approved plan starting in 2013 in the test's own partnership, with two priorities of one action each, the first
    /// action with two milestones.
    /// </summary>
    private static async Task<(int EditionId, int StartYear, int[] Priorities, int[] Milestones)> OwnApprovedPlanAsync(HttpClient support, string slug)
    {
        const int year = 2013;
        using var started = await support.PostAsJsonAsync($"/api/partnerships/{slug}/plans", new { title = $"Plan {year}", startYear = year, endYear = year + 3 });
        var editionId = (await PlanApi.ReadAsync<IdJson>(started)).Id;
        var first = await PlanApi.NewPriorityAsync(support, editionId, "Reducing burglary");
        var second = await PlanApi.NewPriorityAsync(support, editionId, "Reducing vehicle crime");
        var action = await PlanApi.NewActionAsync(support, first.Id, "Target hardening for repeat victims");
        var kept = await PlanApi.NewMilestoneAsync(support, action.Id, "Visit every repeat victim");
        var done = await PlanApi.NewMilestoneAsync(support, action.Id, "Buy the door chains");
        var other = await PlanApi.NewActionAsync(support, second.Id, "Lock it or lose it campaign");
        await PlanApi.NewMilestoneAsync(support, other.Id, "Leaflet the car parks");
        using var approved = await support.PostAsJsonAsync($"/api/editions/{editionId}/approval", new { decidedOn = DateOnly.FromDateTime(DateTime.UtcNow).ToString("O", CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        return (editionId, year, [first.Id, second.Id], [kept.Id, done.Id]);
    }

    /// <summary>
    /// A copy of the demo's 2009/10 edition (read, never changed) as the approved edition of a plan starting in
    /// <paramref name="year"/> of the test's own partnership (the demo's own already has its 2010/11 refresh), with the latest
    /// accepted update of each milestone, and copies in the partnership of the indicators linked to them, linked the same way.
    /// Its id and year.
    /// </summary>
    private Task<(int EditionId, int Year)> CopyOfDemo2009Async(int partnershipId, int year) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SaferPlanDbContext>();
        var demo = await db.Editions.AsNoTracking().AsSplitQuery().Include(e => e.Plan)
            .Include(e => e.Priorities).ThenInclude(p => p.Actions).ThenInclude(a => a.Milestones)
            .SingleAsync(e => e.YearStart == 2009 && e.Plan.Partnership.Slug == DemoSlug);
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
        db.Plans.Add(new Core.Plans.Plan { PartnershipId = partnershipId, Title = $"Copy of the demo's 2009/10 edition {year}", StartYear = year, EndYear = year + 3, Editions = [edition] });
        db.AuditPartnershipId = partnershipId;
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

        var links = await db.Set<IndicatorLink>().AsNoTracking().Include(l => l.Indicator).Where(l => l.MilestoneId != null && ids.Contains(l.MilestoneId.Value)).ToListAsync();
        var indicators = links.Select(l => l.Indicator).DistinctBy(i => i.Id).ToDictionary(i => i.Id, i => new Indicator
        {
            PartnershipId = partnershipId, Code = i.Code, Name = i.Name, Unit = i.Unit, Polarity = i.Polarity, Frequency = i.Frequency, SortOrder = i.SortOrder,
        });
        foreach (var link in links)
        {
            db.Add(new IndicatorLink { Indicator = indicators[link.IndicatorId], MilestoneId = copies[link.MilestoneId!.Value].Id });
        }

        await db.SaveChangesAsync();
        return (edition.Id, year);
    });

    [Fact]
    public async Task NextEdition_FromTheDemo2009Edition_MergesVehicleCrimeIntoBurglary_AndLinksEveryCopyToItsOrigin()
    {
        // A plan of the partnership's own like the demo's: its 2009/10 edition already has its 2010/11 refresh.
        var partnership = await TestData.Partnership().WithEdition(2009, Core.Plans.EditionStatus.Superseded).WithEdition(2010).SaveAsync(app);
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, partnership.Slug);
        Assert.Equal("This plan already has an edition for 2010/11", await RefusedAsync(support, partnership.EditionIds[0], new { year = "2010-11" }, "year"));
        var (fromId, fromYear) = await CopyOfDemo2009Async(partnership.Id, 2013);
        var refreshYear = Core.Periods.ReportingPeriod.Year(fromYear + 1);
        var from = await PlanApi.EditionItemsAsync(support, fromId);
        var burglary = from.Priorities.Single(p => p.Title == "Reducing dwelling burglary");
        var vehicle = from.Priorities.Single(p => p.Title == "Reducing vehicle crime");
        var (finished, linkedBefore) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var milestoneIds = from.Milestones.Select(m => m.Id).ToList();
            var latest = (await db.Set<MilestoneUpdate>().AsNoTracking().Where(u => milestoneIds.Contains(u.MilestoneId) && u.State == UpdateState.Accepted).ToListAsync())
                .GroupBy(u => u.MilestoneId).Select(g => g.MaxBy(u => u.Period)!);
            var links = await db.Set<IndicatorLink>().Where(l => l.MilestoneId != null && milestoneIds.Contains(l.MilestoneId.Value)).Select(l => l.MilestoneId!.Value).ToListAsync();
            return (latest.Where(u => u.Status is UpdateStatus.Completed or UpdateStatus.Closed).Select(u => u.MilestoneId).ToHashSet(), links);
        });

        var next = await NextAsync(support, fromId, new { year = refreshYear.Slug, priorities = new[] { new { id = vehicle.Id, fate = "Merge", into = (int?)burglary.Id } } });

        Assert.Equal("Draft", next.Status);
        Assert.Equal(refreshYear.Display, next.Year);
        Assert.Equal(fromId, next.PreviousEditionId);
        Assert.Equal(from.Priorities.Count - 1, next.Priorities.Count);
        var merged = next.Priorities.Single(p => p.Title == "Reducing dwelling burglary");
        Assert.Equal(new[] { burglary.Id, vehicle.Id }.Order(), merged.OriginIds);
        Assert.Equal(burglary.Actions.Count + vehicle.Actions.Count, merged.Actions.Count);
        var number = merged.Number;
        Assert.Equal(Enumerable.Range(1, merged.Actions.Count).Select(i => $"{number}.{i}"), merged.Actions.Select(a => a.Number));
        Assert.All(next.Actions, a => Assert.All(a.Milestones, m => Assert.StartsWith(a.Number, m.Code, StringComparison.Ordinal)));

        var origins = next.Milestones.Select(m => m.OriginId!.Value).ToList();
        Assert.Equal(from.Milestones.Select(m => m.Id).Where(id => !finished.Contains(id)).Order(), origins.Order());
        Assert.All(next.Actions, a => Assert.Contains(a.OriginId!.Value, from.Actions.Select(o => o.Id)));
        var copied = next.Milestones.Select(m => m.Id).ToList();
        var linkedAfter = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<IndicatorLink>()
            .CountAsync(l => l.MilestoneId != null && copied.Contains(l.MilestoneId.Value)));
        Assert.Equal(linkedBefore.Count(id => !finished.Contains(id)), linkedAfter);

        Assert.Equal($"This plan already has an edition for {refreshYear.Display}", await RefusedAsync(support, fromId, new { year = refreshYear.Slug }, "year"));
        using var visitor = app.CreateClient();
        using var hidden = await visitor.GetAsync($"/api/editions/{next.Id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task NextEdition_LeavesFinishedMilestonesAndDroppedPrioritiesBehind_UnlessAsked()
    {
        var partnership = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, partnership.Slug);
        var (editionId, year, priorities, milestones) = await OwnApprovedPlanAsync(support, partnership.Slug);
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

        var next = await NextAsync(support, editionId, new { priorities = new[] { new { id = priorities[1], fate = "Drop", into = (int?)null } } });
        Assert.Equal($"{year + 1}/{(year + 2) % 100:00}", next.Year);
        Assert.Equal(["Reducing burglary"], next.Priorities.Select(p => p.Title));
        Assert.Equal([milestones[0]], next.Milestones.Select(m => m.OriginId!.Value));

        var withFinished = await NextAsync(support, editionId, new { year = $"{year + 2}-{(year + 3) % 100:00}", carryFinished = true });
        Assert.Equal(3, withFinished.Milestones.Count());
        Assert.Equal(["1.1a", "1.1b", "2.1a"], withFinished.Milestones.Select(m => m.Code));
    }

    [Fact]
    public async Task Compare_TheRefreshedEdition_ShowsTheMergeRenameRewordingAndLeadAgency_WordByWord()
    {
        var partnership = await PartnershipAsync();
        var email = await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        using var support = await app.ApiClientAsync(email);
        var (editionId, _, priorities, _) = await OwnApprovedPlanAsync(support, partnership.Slug);
        var next = await NextAsync(support, editionId, new { priorities = new[] { new { id = priorities[1], fate = "Merge", into = (int?)priorities[0] } } });
        var priority = next.Priorities.Single();
        var renamed = PlanApi.PutBody(priority);
        renamed["title"] = "Reducing serious acquisitive crime";
        await PlanApi.PutOkAsync<PriorityItemJson>(support, $"/api/priorities/{priority.Id}", renamed);
        var visit = next.Milestones.Single(m => m.Code == "1.1a");
        var reworded = PlanApi.PutBody(visit);
        reworded["text"] = "Visit every repeat victim within 48 hours";
        await PlanApi.PutOkAsync<MilestoneItemJson>(support, $"/api/milestones/{visit.Id}", reworded);
        var campaign = next.Actions.Single(a => a.Number == "1.2");
        var led = PlanApi.PutBody(campaign);
        led["leadAgency"] = "Police";
        await PlanApi.PutOkAsync<ActionItemJson>(support, $"/api/actions/{campaign.Id}", led);
        await PlanApi.NewMilestoneAsync(support, campaign.Id, "Mark car parks with SmartWater signs");

        var compared = await PlanApi.OkJsonAsync<ComparisonJson>(await support.GetAsync($"/api/editions/{editionId}/compare/{next.Id}"));
        var changedPriority = Assert.Single(compared.Priorities);
        Assert.Equal(["Merged", "Renamed"], changedPriority.Kinds);
        Assert.Equal(["Priority 1: Reducing burglary", "Priority 2: Reducing vehicle crime"], changedPriority.MergedFrom);
        Assert.Contains(new WordChangeJson("Inserted", "serious acquisitive crime"), changedPriority.Title);

        var action = Assert.Single(compared.Actions);
        Assert.Equal(["Changed"], action.Kinds);
        Assert.Equal("2.1", action.OldReference);
        Assert.Equal("1.2", action.NewReference);
        Assert.Equal("Police", action.Fields[0].New);

        var milestones = compared.Milestones;
        var kinds = milestones.ToDictionary(m => m.NewReference ?? m.OldReference!, m => m.Kinds[0]);
        Assert.Equal("Reworded", kinds["1.1a"]);
        Assert.Equal("Added", kinds["1.2b"]);
        Assert.Equal(2, milestones.Count);
        var words = milestones.Single(m => m.NewReference == "1.1a").Text;
        Assert.Equal([new WordChangeJson("Same", "Visit every repeat victim"), new WordChangeJson("Inserted", "within 48 hours")], words);

        using var session = new PageSession(app.ServerAddress);
        await session.SignInOrFailAsync(email);
        using var page = await session.Client.GetAsync($"/editions/{next.Id}/compare");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<ins class=\"app-ins\"><span class=\"govuk-visually-hidden\">added: </span>within 48 hours</ins>", html, StringComparison.Ordinal);
        using var visitor = app.CreateClient();
        using var hidden = await visitor.GetAsync($"/api/editions/{editionId}/compare/{next.Id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task NextEdition_RefusesBadChoices_ByPriority_AndWhoMayNot()
    {
        var partnership = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, partnership.Slug);
        var (editionId, year, priorities, _) = await OwnApprovedPlanAsync(support, partnership.Slug);
        // A draft plan of the same partnership, starting the year after: a priority of it is of another plan's edition.
        var draftYear = year + 1;
        using var started = await support.PostAsJsonAsync($"/api/partnerships/{partnership.Slug}/plans", new { title = "Draft only", startYear = draftYear, endYear = draftYear + 3 });
        var draftId = (await PlanApi.ReadAsync<IdJson>(started)).Id;
        var otherPriority = (await PlanApi.NewPriorityAsync(support, draftId, "Reducing arson")).Id;

        var self = await RefusedAsync(support, editionId, new { priorities = new[] { new { id = priorities[0], fate = "Merge", into = (int?)priorities[0] } } }, $"priority{priorities[0]}");
        Assert.Equal("\"Reducing burglary\" cannot be merged into itself", self);
        var choices = new[] { new { id = priorities[0], fate = "Merge", into = (int?)priorities[1] }, new { id = priorities[1], fate = "Drop", into = (int?)null } };
        var intoDropped = await RefusedAsync(support, editionId, new { priorities = choices }, $"priority{priorities[0]}");
        Assert.Equal("Merge \"Reducing burglary\" into a priority that is carried forward", intoDropped);
        var otherPlan = await RefusedAsync(support, editionId, new { priorities = new[] { new { id = priorities[0], fate = "Merge", into = (int?)otherPriority } } }, $"priority{priorities[0]}");
        Assert.Equal("Merge \"Reducing burglary\" into a priority of the same plan edition", otherPlan);
        var beyond = await RefusedAsync(support, editionId, new { year = $"{year + 3}-{(year + 4) % 100:00}" }, "year");
        Assert.Contains($"The plan runs to March {year + 3}", beyond, StringComparison.Ordinal);
        Assert.Equal("Give the year like 2011-12", await RefusedAsync(support, editionId, new { year = "next year" }, "year"));

        Assert.Contains("from an approved edition", await RefusedAsync(support, draftId, new { }, "year"), StringComparison.Ordinal);

        using var board = await ClientAsync(PartnershipRole.BoardMember, partnership.Slug);
        await NotAllowedAsync(board, editionId, HttpStatusCode.Forbidden);
        using var lead = await ClientAsync(PartnershipRole.LeadOfficer, partnership.Slug);
        await NotAllowedAsync(lead, editionId, HttpStatusCode.Forbidden);
        using var visitor = app.CreateClient();
        await NotAllowedAsync(visitor, editionId, HttpStatusCode.Unauthorized);
    }

    /// <summary>
    /// An approved edition of its plan's last year: its page does not offer the next edition (an edition of an earlier year
    /// does), and the next edition page, reached by its address, says why before any form, pre-filling no year the plan
    /// refuses; posting to it starts nothing.
    /// </summary>
    [Fact]
    public async Task NextEdition_OfAPlansLastYear_IsNotOffered_AndItsPageSaysWhyUpFront()
    {
        var partnership = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, partnership.Slug);
        var (runsOn, _, _, _) = await OwnApprovedPlanAsync(support, partnership.Slug);
        const int last = 2020;
        using var started = await support.PostAsJsonAsync($"/api/partnerships/{partnership.Slug}/plans", new { title = "One-year plan", startYear = last, endYear = last + 1 });
        var lastYear = (await PlanApi.ReadAsync<IdJson>(started)).Id;
        await PlanApi.NewPriorityAsync(support, lastYear, "Reducing arson");
        using (var approved = await support.PostAsJsonAsync($"/api/editions/{lastYear}/approval", new { decidedOn = DateOnly.FromDateTime(DateTime.UtcNow).ToString("O", CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        using var session = await PageSession.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        Assert.Contains($"/editions/{runsOn}/next", TestHtml.Hrefs(TestHtml.Parse((await session.PageAsync($"/editions/{runsOn}")).Html)));
        var (status, html) = await session.PageAsync($"/editions/{lastYear}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain($"/editions/{lastYear}/next", TestHtml.Hrefs(TestHtml.Parse(html)));

        var path = $"/editions/{lastYear}/next";
        (status, html) = await session.PageAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        var page = TestHtml.Parse(html);
        var said = WebUtility.HtmlDecode(page.QuerySelector("main")!.TextContent);
        Assert.Contains("2020/21 is the last year of One-year plan, so no next edition can follow it. The plan runs to March 2021; start a new plan for 2021/22.", said, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("input[name='Year']"));
        Assert.Null(page.QuerySelector("main form"));
        Assert.Contains($"/partnerships/{partnership.Slug}/plans/new", TestHtml.Hrefs(page));

        using var posted = await session.PostFormAsync(path, path, new() { ["Year"] = "2021/22" });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("start a new plan for 2021/22", WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var plans = await PlanApi.OkJsonAsync<List<PlanJson>>(await support.GetAsync($"/api/partnerships/{partnership.Slug}/plans"));
        Assert.Equal(2, plans.SelectMany(p => p.Editions).Count());
    }

    /// <summary>
    /// Once the next year's edition is started (a draft while the refresh is under way), the approved edition offers that draft
    /// in place of starting another, and the next edition page says the year is taken up front: no form pre-filled with it.
    /// </summary>
    [Fact]
    public async Task NextEdition_OnceStarted_IsOfferedInPlaceOfAnother_AndThePageDoesNotPrefillTheTakenYear()
    {
        var partnership = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, partnership.Slug);
        var (editionId, year, _, _) = await OwnApprovedPlanAsync(support, partnership.Slug);
        using var session = await PageSession.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        var path = $"/editions/{editionId}/next";
        var (_, before) = await session.PageAsync(path);
        Assert.Equal($"{year + 1}/{(year + 2) % 100:00}", TestHtml.Parse(before).QuerySelector("input[name='Year']")?.GetAttribute("value"));

        var next = await NextAsync(support, editionId, new { });
        var (status, html) = await session.PageAsync($"/editions/{editionId}");
        Assert.Equal(HttpStatusCode.OK, status);
        var edition = TestHtml.Parse(html);
        Assert.DoesNotContain(path, TestHtml.Hrefs(edition));
        var offered = edition.QuerySelector("[data-following] a");
        Assert.NotNull(offered);
        Assert.Equal($"/editions/{next.Id}", offered.GetAttribute("href"));
        Assert.Equal($"Go to the next edition, {year + 1}/{(year + 2) % 100:00} (Draft)", offered.TextContent.Trim());

        (status, html) = await session.PageAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        var page = TestHtml.Parse(html);
        Assert.Null(page.QuerySelector("main form"));
        Assert.Contains($"The {year + 1}/{(year + 2) % 100:00} edition of Plan {year} has been started from this one already (a draft).",
            WebUtility.HtmlDecode(page.QuerySelector("[data-following]")!.TextContent), StringComparison.Ordinal);
        Assert.Contains($"/editions/{next.Id}", TestHtml.Hrefs(page));

        // A visitor's view of the approved edition offers neither.
        using var visitor = new PageSession(app.ServerAddress);
        var (_, publicHtml) = await visitor.PageAsync($"/editions/{editionId}");
        Assert.Null(TestHtml.Parse(publicHtml).QuerySelector("[data-following]"));
    }

    /// <summary>
    /// The next edition page with a fate it cannot read for a priority: asked for on that priority, with a year it cannot read
    /// asked for at the same time, and no edition started (not one carrying the priority forward in its place).
    /// </summary>
    [Fact]
    public async Task NextEditionPage_FateItCannotRead_IsAskedForWithTheOtherErrors_AndNothingStarts()
    {
        var partnership = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, partnership.Slug);
        var (editionId, year, priorities, _) = await OwnApprovedPlanAsync(support, partnership.Slug);
        using var session = new PageSession(app.ServerAddress);
        await session.SignInOrFailAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug));
        var path = $"/editions/{editionId}/next";

        foreach (var nextYear in new[] { $"{year + 1}-{(year + 2) % 100:00}", "next year" })
        {
            using var refused = await session.PostFormAsync(path, path, new() { ["Year"] = nextYear, [$"Fate[{priorities[0]}]"] = "Postpone" });
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Choose what becomes of", html, StringComparison.Ordinal);
            Assert.Equal(nextYear == "next year", html.Contains("Enter the financial year of the next edition", StringComparison.Ordinal));
        }

        var plans = await PlanApi.OkJsonAsync<List<PlanJson>>(await support.GetAsync($"/api/partnerships/{partnership.Slug}/plans"));
        Assert.Single(plans.SelectMany(p => p.Editions));
    }
}

/// <summary>Each test has a partnership of its own (<see cref="TestData"/>) for its plans, and only reads the demo's: on the shared app.</summary>
public sealed class NextEditionTestsOnSqlite(SharedSqliteApp shared) : NextEditionTests(shared.App), IClassFixture<SharedSqliteApp>;

/// <inheritdoc cref="NextEditionTestsOnSqlite"/>
public sealed class NextEditionTestsOnPostgres(SharedPostgresApp shared) : NextEditionTests(shared.App), IClassFixture<SharedPostgresApp>;
