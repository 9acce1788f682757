using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Funding;
using SaferPlan.Core.Meetings;
using SaferPlan.Core.Partnerships;
using SaferPlan.Core.Periods;
using SaferPlan.Core.Editing;

// The funding plan page and the calendar feeds under load (issue 13): the real app over the dashboard benchmark's database
// (300 partnerships x 150 milestones x 12 quarters of updates, DashboardBench's Seeder), to which every partnership adds a
// 2010/11 funding plan (2 streams, 30 allocations, 3 spending lines each, some Restricted, agreed by the Board) and 3 years
// of meetings generated from its five bodies' cadences, with agenda items, decisions and the statutory duties. 32 clients,
// each one request at a time, call for a bounded time (after 2 s of warm-up) each of:
//   GET /partnerships/{slug}/funding/2010-11          as a signed-in Board member (the page's cookie)
//   GET /partnerships/{slug}/what-we-spent/2010-11    as a visitor
//   GET /api/partnerships/{slug}/calendar.ics         public feed
//   GET /api/calendar/{token}.ics                     the Board member's private feed
// Usage: dotnet run -c Release --project bench/FundingCalendarBench -- [seconds per phase, default 20] [sqlite|postgres|both]
return await PageBench.OnProvidersAsync(args, FundingCalendarBench.RunAsync);

internal static class FundingCalendarBench
{
    public static async Task<bool> RunAsync(string provider, int seconds, string? postgresAdmin)
    {
        await using var server = await BenchServer.StartAsync(postgresAdmin, "--SaferPlan:RateLimits:SignInPerMinute=1000");
        var seedWatch = Stopwatch.StartNew();
        var seeded = await Seeder.SeedAsync(server.Services);
        var more = await FundingCalendarSeeder.SeedAsync(server.Services);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}: seeded {seeded.Partnerships} partnerships, {seeded.Milestones:N0} milestones, {seeded.Updates:N0} updates; {more.Allocations:N0} allocations, {more.Spending:N0} spending lines, {more.Meetings:N0} meetings, {more.Duties:N0} duties in {seedWatch.Elapsed.TotalSeconds:0.0} s"));

        var slug = Seeder.Slug(Seeder.Partnerships / 2);
        await Seeder.TokenAsync(server.Services, slug);
        var cookie = await PageBench.SignInAsync(server.BaseAddress, "board.member@bench.example.org");
        var feedToken = await FeedTokenAsync(server.Services, "board.member@bench.example.org");
        var phases = new (string Name, string Path, string? Cookie)[]
        {
            ("funding plan page, Board member", $"/partnerships/{slug}/funding/2010-11", cookie),
            ("what we spent page, visitor", $"/partnerships/{slug}/what-we-spent/2010-11", null),
            ("public calendar feed", $"/api/partnerships/{slug}/calendar.ics", null),
            ("private calendar feed", $"/api/calendar/{feedToken}.ics", null),
        };

        return await PageBench.RunPhasesAsync(server.BaseAddress, provider, phases, seconds);
    }

    private static async Task<string> FeedTokenAsync(IServiceProvider services, string email)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaferPlanDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var user = await scope.ServiceProvider.GetRequiredService<AccountService>().ContextForAsync(userId);
        var issued = await scope.ServiceProvider.GetRequiredService<CalendarFeedService>().IssueAsync(user);
        return issued.Value ?? throw new InvalidOperationException("No calendar feed was issued.");
    }
}

/// <summary>
/// Adds to each of the dashboard benchmark's partnerships, in bulk through the app's model as <see cref="Seeder"/> does: five
/// bodies (the Board meeting quarterly, an executive group as required, a monthly and an every-other-month task group, a
/// yearly scrutiny committee), 2008/09 to 2010/11 of meetings from their cadences (<see cref="MeetingSchedule"/>; the Board's
/// with the quarter's report on the agenda and a decision, the task groups' with two items) and each year's statutory duties
/// (<see cref="StatutoryYearService.Templates"/>; all but the last year's done), and an agreed 2010/11 funding plan: two
/// streams, 30 allocations across the six priorities (one in six Restricted, one in six for a Restricted milestone, a few
/// provisional), three spending lines each.
/// </summary>
internal static class FundingCalendarSeeder
{
    public const int FundingYear = 2010;
    public const int AllocationsPer = 30;
    public const int SpendsPerAllocation = 3;

    public static async Task<(int Allocations, int Spending, int Meetings, int Duties)> SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaferPlanDbContext>();
        await db.Database.OpenConnectionAsync();
        var bodies = new List<Body>();
        var joins = new List<(int BodyId, int PartnershipId)>();
        var meetings = new List<Meeting>();
        var agenda = new List<AgendaItem>();
        var decisions = new List<MeetingDecision>();
        var duties = new List<StatutoryDuty>();
        var plans = new List<FundingPlan>();
        var streams = new List<FundingStream>();
        var allocations = new List<FundingAllocation>();
        var spending = new List<FundingSpend>();
        (string Key, string Name, BodyKind Kind, MeetingCadence Cadence)[] shapes =
        [
            ("board", "CDRP Board", BodyKind.Board, MeetingCadence.Quarterly),
            ("executive", "Executive Group", BodyKind.ExecutiveGroup, MeetingCadence.AsRequired),
            ("asb", "ASB Task Group", BodyKind.TaskGroup, MeetingCadence.Monthly),
            ("sac", "Serious Acquisitive Crime Task Group", BodyKind.TaskGroup, MeetingCadence.EveryTwoMonths),
            ("scrutiny", "Crime and Disorder Scrutiny Committee", BodyKind.Scrutiny, MeetingCadence.Yearly),
        ];

        for (var i = 0; i < Seeder.Partnerships; i++)
        {
            var partnershipId = i + 1;
            foreach (var shape in shapes)
            {
                var body = new Body { Id = bodies.Count + 1, Key = $"{Seeder.Slug(i)}-{shape.Key}", Name = shape.Name, Kind = shape.Kind, Cadence = shape.Cadence };
                bodies.Add(body);
                joins.Add((body.Id, partnershipId));
                for (var y = Seeder.FirstYear; y < Seeder.FirstYear + Seeder.Years; y++)
                {
                    var year = ReportingPeriod.Year(y);
                    foreach (var slot in MeetingSchedule.For(body.Cadence, year))
                    {
                        var meeting = new Meeting
                        {
                            Id = meetings.Count + 1, PartnershipId = partnershipId, BodyId = body.Id, YearStart = y, MeetsOn = slot.MeetsOn, StartsAt = slot.StartsAt,
                            Place = "Council Chamber, South Cambourne", IsPublic = MeetingEditor.IsPublicByDefault(body), ScheduleSlot = slot.Slot, Version = 1,
                        };
                        meetings.Add(meeting);
                        if (body.Kind == BodyKind.Board)
                        {
                            var quarter = MeetingSchedule.QuarterReceived(slot.MeetsOn);
                            agenda.Add(new AgendaItem { Id = agenda.Count + 1, MeetingId = meeting.Id, SortOrder = 1, Title = $"Performance report, {quarter.Display}", Paper = PaperKind.BoardReport, PaperKey = quarter.Slug });
                            agenda.Add(new AgendaItem { Id = agenda.Count + 1, MeetingId = meeting.Id, SortOrder = 2, Title = "Funding plan: spending to date", Paper = PaperKind.FundingPlan, PaperKey = year.Slug });
                            decisions.Add(new MeetingDecision { Id = decisions.Count + 1, MeetingId = meeting.Id, Kind = DecisionKind.Other, Minute = $"Minute {agenda.Count}/{y % 100:00}", Text = "The Board noted the performance report and asked the task groups to report back on the priorities not on track." });
                        }
                        else
                        {
                            agenda.Add(new AgendaItem { Id = agenda.Count + 1, MeetingId = meeting.Id, SortOrder = 1, Title = "Actions from the last meeting" });
                            agenda.Add(new AgendaItem { Id = agenda.Count + 1, MeetingId = meeting.Id, SortOrder = 2, Title = "Hot spots and cases for the month" });
                        }
                    }
                }
            }

            for (var y = Seeder.FirstYear; y < Seeder.FirstYear + Seeder.Years; y++)
            {
                foreach (var t in StatutoryYearService.Templates(ReportingPeriod.Year(y)))
                {
                    duties.Add(new StatutoryDuty
                    {
                        Id = duties.Count + 1, PartnershipId = partnershipId, YearStart = y, Key = t.Key, Title = t.Title, StartsOn = t.StartsOn, DueOn = t.DueOn,
                        DoneOn = y < FundingYear ? t.DueOn : null, Version = 1,
                    });
                }
            }

            plans.Add(new FundingPlan { Id = plans.Count + 1, PartnershipId = partnershipId, YearStart = FundingYear, AgreedOn = new DateOnly(FundingYear, 4, 27), AgreedBy = "CDRP Board", AgreementMinute = "Minute 4/10", Version = 1 });
            var pair = new[]
            {
                new FundingStream { Id = streams.Count + 1, PartnershipId = partnershipId, YearStart = FundingYear, Name = "Safer Stronger Communities Fund", Funder = "Home Office", Amount = 120_000m, Received = true, Conditions = "Spent by 31 March on the partnership's priorities.", Version = 1 },
                new FundingStream { Id = streams.Count + 2, PartnershipId = partnershipId, YearStart = FundingYear, Name = "Pooled Fund", Funder = "Partner agencies", Amount = 45_000m, Received = false, Version = 1 },
            };
            streams.AddRange(pair);
            var firstPriority = (i * Seeder.PrioritiesPer) + 1;
            var firstAction = (i * Seeder.PrioritiesPer * Seeder.ActionsPerPriority) + 1;
            for (var a = 0; a < AllocationsPer; a++)
            {
                var priorityId = firstPriority + (a % Seeder.PrioritiesPer);
                var actionId = firstAction + (a % (Seeder.PrioritiesPer * Seeder.ActionsPerPriority));
                var allocation = new FundingAllocation
                {
                    Id = allocations.Count + 1,
                    StreamId = pair[a % 2].Id,
                    Name = $"Project {a + 1:00}: taxi marshals at the weekend rank",
                    Amount = 3_000m + (a * 137.45m),
                    Status = a % 5 == 4 ? AllocationStatus.Provisional : AllocationStatus.Confirmed,
                    Note = a % 5 == 4 ? "figure may alter" : null,
                    // Linked to a priority, an action or (one in six) a Restricted milestone, as the page must resolve all three.
                    PriorityId = a % 3 == 0 ? priorityId : null,
                    ActionId = a % 3 == 1 ? actionId : null,
                    MilestoneId = a % 3 == 2 ? Seeder.FirstMilestoneOf(i) + (a * Seeder.MilestonesPerAction) + (a % 6 == 5 ? 4 : 0) : null,
                    Outcome = "so that people using taxis at night would feel safer",
                    Results = "So far, two small payments totalling £70 have been provided.",
                    Marking = a % 6 == 0 ? ProtectiveMarking.Restricted : ProtectiveMarking.Official,
                    Version = 1,
                };
                allocations.Add(allocation);
                for (var k = 0; k < SpendsPerAllocation; k++)
                {
                    spending.Add(new FundingSpend
                    {
                        Id = spending.Count + 1, PartnershipId = partnershipId, AllocationId = allocation.Id, SpentOn = new DateOnly(FundingYear, 5 + (k * 3), 10 + a % 15),
                        Amount = 412.37m + (k * 100m), Payee = k == 1 ? "A. Person" : "Cambridge Security Services Ltd", PayeeIsPublic = k != 1,
                        Purchase = "three private security staff at the taxi rank on twelve key dates", TransactionId = $"BENCH-{FundingYear}-{allocation.Id:00000}-{k}", Version = 1,
                    });
                }
            }
        }

        await Bulk.InsertAsync(db, bodies);
        await InsertJoinsAsync(db, joins);
        await Bulk.InsertAsync(db, meetings);
        await Bulk.InsertAsync(db, agenda);
        await Bulk.InsertAsync(db, decisions);
        await Bulk.InsertAsync(db, duties);
        await Bulk.InsertAsync(db, plans);
        await Bulk.InsertAsync(db, streams);
        await Bulk.InsertAsync(db, allocations);
        await Bulk.InsertAsync(db, spending);
        await Bulk.AfterAsync(db, "Bodies", "Meetings", "AgendaItems", "MeetingDecisions", "StatutoryDuties", "FundingPlans", "FundingStreams", "FundingAllocations", "FundingSpending");
        return (allocations.Count, spending.Count, meetings.Count, duties.Count);
    }

    /// <summary>PartnershipBodies is EF Core's join table of a many-to-many (no class of its own), so it is written here by its columns.</summary>
    private static async Task InsertJoinsAsync(SaferPlanDbContext db, List<(int BodyId, int PartnershipId)> joins)
    {
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        foreach (var chunk in joins.Chunk(500))
        {
            command.CommandText = "INSERT INTO \"PartnershipBodies\" (\"BodiesId\", \"PartnershipsId\") VALUES "
                + string.Join(", ", chunk.Select(j => string.Create(CultureInfo.InvariantCulture, $"({j.BodyId}, {j.PartnershipId})")));
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
