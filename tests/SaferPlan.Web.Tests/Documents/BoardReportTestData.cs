using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Data;
using SaferPlan.Core.Editing;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Partnerships;
using SaferPlan.Core.Periods;
using SaferPlan.Core.Plans;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Documents;

/// <summary>
/// A partnership of its own for one test, with a 2010/11 plan, Q3 and Q4 updates, task group reports with a
/// year-to-date figure table in every quarter, and partner briefings. Every Restricted item carries
/// <see cref="Marker"/>, so a public document must not contain it anywhere.
/// </summary>
public sealed class BoardReportTestData
{
    public static readonly ReportingPeriod Q4 = ReportingPeriod.Of(2010, 4);

    private BoardReportTestData(string id)
    {
        Id = id;
        Slug = $"report-test-{id}";
        Marker = Guid.NewGuid().ToString("N");
    }

    public string Id { get; }

    public string Slug { get; }

    /// <summary>In every Restricted item and in nothing else.</summary>
    public string Marker { get; }

    public string Name => $"Report Test Partnership {Id}";

    public List<string> PriorityTitles { get; } = [];

    public List<string> MilestoneCodes { get; } = [];

    /// <summary>The Q4 updates' progress as printed (the restricted one's first paragraph).</summary>
    public List<string> UpdateTexts { get; } = [];

    /// <summary>Text of Q3 updates, which a Q4 report must not show.</summary>
    public string Q3Text => $"Third quarter only {Id}";

    public const string DraftMilestone = "2.2a";

    /// <summary>The milestone whose Q4 update is submitted but not yet accepted: in the Board's version, marked awaiting review; never public.</summary>
    public const string SubmittedMilestone = "2.1a";

    public string SubmittedText => $"Update {SubmittedMilestone} {Id[..6]}";

    public string DraftText => $"Draft words {Id}";

    public string RestrictedPriorityTitle => $"Restricted priority {Marker}";

    public const string YtdTable = "ASB Task Group Stats";

    /// <summary>New cases: Q1 3, Q2 5 (plus 100 in a restricted copy of the table), Q3 7, Q4 11.</summary>
    public const decimal NewCasesYtdPublic = 3 + 5 + 7 + 11;

    public const decimal NewCasesYtdFull = NewCasesYtdPublic + 100;

    /// <summary>Individuals: 2 + 4 + 1 + 6.</summary>
    public const decimal IndividualsYtd = 13;

    /// <summary>The partnership with its quarters published (2009/10 Q4 and 2010/11 Q1 to Q4), or with Q4 still under review.</summary>
    public static async Task<BoardReportTestData> CreateAsync(SaferPlanFactory app, bool publishQ4 = true)
    {
        var data = new BoardReportTestData(Guid.NewGuid().ToString("N")[..8]);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            await data.SaveAsync(db);
            var partnershipId = db.Partnerships.Single(p => p.Slug == data.Slug).Id;
            foreach (var quarter in new[] { ReportingPeriod.Of(2009, 4), ReportingPeriod.Of(2010, 1), ReportingPeriod.Of(2010, 2), ReportingPeriod.Of(2010, 3), Q4 })
            {
                if (quarter != Q4 || publishQ4)
                {
                    db.Add(new QuarterPublication { PartnershipId = partnershipId, Period = quarter, PublishedAt = DateTimeOffset.UnixEpoch, PublishedBy = "Test support officer" });
                }
            }

            await db.SaveChangesAsync();
            return 0;
        });
        return data;
    }

    private async Task SaveAsync(SaferPlanDbContext db)
    {
        var partnership = new Partnership { Slug = Slug, Name = Name, ShortName = $"Test CSP {Id}", Area = "Testshire" };
        var lead = new Person { Key = $"dana-{Id}", Name = "Ch Insp. Dana Test" };
        partnership.People.Add(lead);
        var county = new Body { Key = $"county-da-{Id}", Name = "County Domestic Abuse Partnership", Kind = BodyKind.TaskGroup, Partnerships = [partnership] };
        var elsewhere = new Body { Key = $"elsewhere-{Id}", Name = "A partnership elsewhere", Kind = BodyKind.TaskGroup };
        db.AddRange(partnership, county, elsewhere);

        var sac = Priority(1, $"Reducing Serious Acquisitive Crime {Id}", ProtectiveMarking.Official, lead,
            Action("1.1", "Operate a multi agency task group", ProtectiveMarking.Official,
                Milestone("1.1a", "Group to meet monthly", ProtectiveMarking.Official),
                Milestone("1.1b", "Share police analysis", ProtectiveMarking.Official)),
            CrossReference("1.2", "Address known offenders through the PPO scheme", "See Priority 2 Action Plan for more information"),
            Action("1.3", $"Covert operation {Marker}", ProtectiveMarking.Restricted,
                Milestone("1.3a", $"Operation milestone {Marker}", ProtectiveMarking.Restricted)));
        var reoffending = Priority(2, $"Reducing Re-offending {Id}", ProtectiveMarking.Official, null,
            Action("2.1", "Manage prolific offenders", ProtectiveMarking.Official,
                Milestone("2.1a", "Maintain the PPO matrix", ProtectiveMarking.Official),
                Milestone("2.1b", $"Named offender work {Marker}", ProtectiveMarking.Restricted)),
            Action("2.2", "Support offenders into work", ProtectiveMarking.Official,
                Milestone("2.2a", "Pathway to Work scheme", ProtectiveMarking.Official)));
        var restricted = Priority(3, RestrictedPriorityTitle, ProtectiveMarking.Restricted, null,
            Action("3.1", $"Restricted action {Marker}", ProtectiveMarking.Official,
                Milestone("3.1a", "Restricted priority milestone", ProtectiveMarking.Official)));
        var edition = new PlanEdition
        {
            YearStart = 2010,
            Label = "FINAL",
            Title = $"Community Safety Plan 2010/11 refresh {Id}",
            Status = EditionStatus.Approved,
            ApprovedOn = new DateOnly(2010, 3, 1),
            Priorities = [sac, reoffending, restricted],
        };
        db.Add(new Plan { Partnership = partnership, Title = "Community Safety Plan 2010–2013", StartYear = 2010, EndYear = 2013, Editions = [edition] });
        await db.SaveChangesAsync();

        var q3 = ReportingPeriod.Of(2010, 3);
        foreach (var milestone in new[] { sac, reoffending, restricted }.SelectMany(p => p.Actions).SelectMany(a => a.Milestones))
        {
            if (milestone.Code == DraftMilestone)
            {
                // Still being written: it is not reported.
                MilestoneCodes.Add(milestone.Code);
                var draft = Update(milestone, Q4, DraftText, ProtectiveMarking.Official);
                draft.State = UpdateState.Draft;
                db.Add(draft);
                continue;
            }

            MilestoneCodes.Add(milestone.Code);
            var text = $"Update {milestone.Code} {Id[..6]}";
            UpdateTexts.Add(text);

            // One restricted update on an official milestone: its words are left out of the public version.
            var restrictedUpdate = milestone.Code == "1.1b";
            var update = Update(milestone, Q4, restrictedUpdate ? $"{text}\n\nInformant says {Marker}" : text, restrictedUpdate ? ProtectiveMarking.Restricted : ProtectiveMarking.Official);
            if (milestone.Code == SubmittedMilestone)
            {
                update.State = UpdateState.Submitted;
            }

            db.Add(update);
            db.Add(Update(milestone, q3, Q3Text, ProtectiveMarking.Official));
        }

        db.Add(new TaskGroupReport
        {
            PartnershipId = partnership.Id,
            Title = sac.Title,
            Period = Q4,
            Priority = sac,
            LeadOfficerName = "Ch Insp. Dana Test",
            Achievements = $"- Achievement one {Id}\n- Achievement two {Id}",
            AchievementsMarking = ProtectiveMarking.Official,
            Concerns = $"Concern about a named offender {Marker}",
            ConcernsMarking = ProtectiveMarking.Restricted,
            Recommendations = $"Recommendation {Id}",
            RecommendationsMarking = ProtectiveMarking.Official,
            PublicityItems = "None",
            Figures = [Table($"Intelligence figures {Marker}", ["This quarter"], [("Referrals", 4)], false, ProtectiveMarking.Restricted)],
        });

        (int NewCases, int Individuals)[] asb = [(3, 2), (5, 4), (7, 1), (11, 6)];
        for (var q = 1; q <= 4; q++)
        {
            var report = new TaskGroupReport
            {
                PartnershipId = partnership.Id,
                Title = "Update on Anti Social Behaviour",
                Period = ReportingPeriod.Of(2010, q),
                LeadOfficerName = "Insp Chris Test",
                Achievements = $"ASB achievements in Q{q} {Id}",
                SortOrder = 10,
                Figures = [Table(YtdTable, ["This quarter"], [("New cases", asb[q - 1].NewCases), ("Individuals", asb[q - 1].Individuals)], true, ProtectiveMarking.Official)],
            };
            if (q == 2)
            {
                report.Figures.Add(Table(YtdTable, ["This quarter"], [("New cases", 100)], true, ProtectiveMarking.Restricted));
            }

            db.Add(report);
        }

        // Another group's table of the same title is its own: it does not count towards this one's total.
        db.Add(new TaskGroupReport
        {
            PartnershipId = partnership.Id,
            Title = "Update from Drug and Alcohol Action Team",
            Period = ReportingPeriod.Of(2010, 3),
            Figures = [Table(YtdTable, ["This quarter"], [("New cases", 500)], true, ProtectiveMarking.Official)],
        });

        // Last year's Q4 must not count towards this year's total.
        db.Add(new TaskGroupReport
        {
            PartnershipId = partnership.Id,
            Title = "Update on Anti Social Behaviour",
            Period = ReportingPeriod.Of(2009, 4),
            Figures = [Table(YtdTable, ["This quarter"], [("New cases", 1000)], true, ProtectiveMarking.Official)],
        });
        db.Add(new TaskGroupReport { PartnershipId = partnership.Id, Title = $"Update from Road Safety Partnership {Id}", Period = Q4, SortOrder = 20, Achievements = "Casualty targets met" });

        db.Add(new PartnerBriefing
        {
            BodyId = county.Id,
            Period = Q4,
            Title = $"State of the Partnership Briefing {Id}",
            FromName = "Simon Test, Domestic Abuse Partnership Manager",
            IssuedOn = new DateOnly(2011, 4, 6),
            Purpose = "To update the partnerships.",
            Sections = "## Support\n\nReferrals to the advocacy service by district.",
            FiguresTitle = "Referrals per district, Q4 2010/11",
            Figures = JsonSerializer.Serialize(new[] { new { label = "South", value = 40 }, new { label = "City", value = 64 } }),
            Risks = "Resources are stretched.",
            Recommendations = "Note the relocation of services.",
            Marking = ProtectiveMarking.Official,
        });
        db.Add(new PartnerBriefing { BodyId = county.Id, Period = Q4, Title = $"Restricted briefing {Marker}", Marking = ProtectiveMarking.Restricted });
        db.Add(new PartnerBriefing { BodyId = elsewhere.Id, Period = Q4, Title = $"Briefing for another partnership {Id}", Marking = ProtectiveMarking.Official });

        PriorityTitles.AddRange([sac.Title, reoffending.Title, restricted.Title]);
        await db.SaveChangesAsync();
    }

    private static Priority Priority(int number, string title, ProtectiveMarking marking, Person? lead, params PlanAction[] actions) =>
        new() { Number = number, SortOrder = number, Title = title, Marking = marking, LeadOfficer = lead, Actions = [.. actions] };

    private static PlanAction Action(string number, string text, ProtectiveMarking marking, params Milestone[] milestones) =>
        new() { Number = number, SortOrder = int.Parse(number[(number.IndexOf('.', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture), Text = text, LeadAgency = "Police", OtherPartners = "Fire & Rescue Service", Marking = marking, Milestones = [.. milestones] };

    private static PlanAction CrossReference(string number, string text, string reference)
    {
        var action = Action(number, text, ProtectiveMarking.Official);
        action.CrossReferenceText = reference;
        return action;
    }

    private static Milestone Milestone(string code, string text, ProtectiveMarking marking) =>
        new() { Code = code, SortOrder = code[^1] - 'a', Text = text, Marking = marking };

    private static MilestoneUpdate Update(Milestone milestone, ReportingPeriod period, string progress, ProtectiveMarking marking) => new()
    {
        Milestone = milestone,
        Period = period,
        Progress = progress,
        Status = UpdateStatus.OnTrack,
        State = UpdateState.Accepted,
        AuthorName = "Test lead officer",
        UpdatedAt = new DateTimeOffset(2011, 4, 8, 12, 0, 0, TimeSpan.Zero),
        Marking = marking,
    };

    private static FigureTable Table(string title, string[] columns, (string Label, int Value)[] rows, bool yearToDate, ProtectiveMarking marking) => new()
    {
        Title = title,
        Columns = JsonSerializer.Serialize(columns),
        Rows = JsonSerializer.Serialize(rows.Select(r => new { label = r.Label, values = new[] { r.Value } })),
        YearToDate = yearToDate,
        Marking = marking,
    };
}
