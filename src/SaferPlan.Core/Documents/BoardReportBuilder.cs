using SaferPlan.Core.Funding;
using System.Text.Json;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Indicators;
using SaferPlan.Core.Monitoring;

namespace SaferPlan.Core.Documents;

/// <summary>
/// Assembles the quarterly Board Performance Report (seed 001) from the plan edition the quarter reports against,
/// the milestones' updates, the task groups' reports and the partner briefings shared into the partnership.
/// For the public audience every Restricted item is left out here, once, so no renderer can show it.
/// </summary>
public sealed class BoardReportBuilder(SaferPlanDbContext db, UpdateService updateService, PublicationService publications, IndicatorReader indicators, BoardMeetingService meetings, FundingService fundingService)
{
    internal const string AchievementsHeading = "Key Achievements during this Quarter";
    internal const string ConcernsHeading = "Areas of Concern for Partnership to Note";
    internal const string RecommendationsHeading = "Recommendations to Partnership to Address Concerns";
    internal const string PublicityHeading = "Any Items for Publicity";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The report as this reader may see it: the public version unless they may see Restricted items in the partnership.
    /// A reader outside the partnership gets a quarter's report only once the quarter is published; before that the
    /// outcome names the latest published quarter instead.
    /// </summary>
    public async Task<BoardReportOutcome> BuildAsync(BoardReportOptions options, UserContext reader, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var access = await QuarterDocumentAccess.ForAsync(db, publications, options, reader, ct);
        return access.Audience is { } audience
            ? new BoardReportOutcome(await BuildAsync(options with { Audience = audience }, ct), true, null)
            : new BoardReportOutcome(null, access.PartnershipFound, access.LatestPublished);
    }

    /// <summary>The report for the audience asked for; null when there is no such partnership. The caller decides who may have the full version.</summary>
    public async Task<BoardReport?> BuildAsync(BoardReportOptions options, CancellationToken ct = default)
    {
        var partnership = await QuarterDocumentAccess.PartnershipAsync(db, options, "A Board report", "2010-11-q4", ct);
        if (partnership is null)
        {
            return null;
        }

        var period = options.Period;
        var filter = new AudienceFilter(options.Audience == ReportAudience.Public);
        var edition = await EditionAsync(partnership.Id, period, filter.IsPublic, ct);
        var taskGroups = await TaskGroupsAsync(partnership.Id, period, ct);
        var (priorities, shownPriorities) = await PrioritiesAsync(partnership.Id, edition, period, taskGroups, filter, ct);

        // The reports not tied to a priority (anti-social behaviour, drugs and alcohol, road safety) follow the
        // priorities. One tied to a priority the public version leaves out (restricted, or of an unpublished plan)
        // is left out with it.
        var others = taskGroups.Reports
            .Where(r => r.PriorityId is null || (!shownPriorities.Contains(r.PriorityId.Value) && !filter.IsPublic))
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Id)
            .Select(r => Section(r, taskGroups, filter))
            .ToList();
        var partnerPlans = await PartnerPlans.ForAsync(db, partnership.Id, period, filter.Shown, ct);
        var briefings = await BriefingsAsync(partnership.Id, period, filter, ct);
        var funding = await DocumentFunding.ForAsync(fundingService, partnership.Id, period.FinancialYear, filter, ct);
        var meetsOn = options.MeetingDate ?? (await meetings.MeetingAsync(partnership.Id, period, ct))?.MeetsOn;
        return new BoardReport(
            partnership.Slug,
            partnership.Name,
            period,
            options.Audience,
            meetsOn,
            edition?.Title,
            priorities,
            others,
            briefings,
            filter.RestrictedShown)
        {
            PartnerPlans = partnerPlans,
            Funding = funding,
        };
    }

    /// <summary>The quarter's task group reports (with their lead officers) and the figure tables their year-to-date sums need.</summary>
    private sealed record TaskGroupQuarter(List<TaskGroupReport> Reports, List<QuarterTable> YearSoFar);

    private async Task<PlanEdition?> EditionAsync(int partnershipId, ReportingPeriod period, bool isPublic, CancellationToken ct)
    {
        var edition = await updateService.EditionForAsync(partnershipId, period, ct);
        // Visitors read approved editions only, so a draft plan's actions stay out of the public report.
        return edition is not null && isPublic && !edition.IsPublished ? null : edition;
    }

    private async Task<TaskGroupQuarter> TaskGroupsAsync(int partnershipId, ReportingPeriod period, CancellationToken ct)
    {
        var reports = await db.Set<TaskGroupReport>().AsNoTracking().AsSplitQuery()
            .Include(r => r.Figures)
            .Include(r => r.LeadOfficer)
            .Where(r => r.PartnershipId == partnershipId && r.Period == period)
            .ToListAsync(ct);
        var yearSoFar = await YearSoFarAsync(partnershipId, period, reports, ct);
        return new TaskGroupQuarter(reports, yearSoFar);
    }

    /// <summary>The edition's priorities the audience may see, with their reports, actions and indicators; and their ids.</summary>
    private async Task<(List<ReportPriority> Priorities, HashSet<int> Shown)> PrioritiesAsync(
        int partnershipId, PlanEdition? edition, ReportingPeriod period, TaskGroupQuarter taskGroups, AudienceFilter filter, CancellationToken ct)
    {
        if (edition is null)
        {
            return ([], []);
        }

        var priorities = await db.Priorities.AsNoTracking().AsSplitQuery()
            .Include(p => p.LeadOfficer)
            .Include(p => p.Actions).ThenInclude(a => a.LeadOfficer)
            .Include(p => p.Actions).ThenInclude(a => a.Milestones).ThenInclude(m => m.LeadOfficer)
            .Where(p => p.EditionId == edition.Id)
            .ToListAsync(ct);
        // A draft is still being written and a returned update is being corrected: neither goes before the Board. A
        // submitted update goes in the Board's version marked as awaiting review; only accepted updates are published.
        var updateFor = await db.Set<MilestoneUpdate>().AsNoTracking()
            .Where(u => u.Period == period && u.Milestone.Action.Priority.EditionId == edition.Id)
            .Where(u => u.State == UpdateState.Accepted || (!filter.IsPublic && u.State == UpdateState.Submitted))
            .ToDictionaryAsync(u => u.MilestoneId, ct);

        var shown = priorities.Where(p => filter.Shown(p.Marking)).OrderBy(p => p.SortOrder).ThenBy(p => p.Number).ToList();
        var result = shown.Select(priority => new ReportPriority(
                priority.Number,
                UpdateService.PriorityName(priority),
                priority.LeadOfficer?.PrintedName,
                priority.Marking == ProtectiveMarking.Restricted,
                taskGroups.Reports.Where(r => r.PriorityId == priority.Id).OrderBy(r => r.SortOrder).ThenBy(r => r.Id).Select(r => Section(r, taskGroups, filter)).ToList(),
                Actions(priority, updateFor, filter)))
            .ToList();
        if (result.Count > 0)
        {
            // Indicators are never restricted, but a link through a restricted milestone stays out of the public report.
            var linked = await indicators.LinkedToPrioritiesAsync(
                partnershipId, shown.Select(p => p.Id).ToHashSet(), CalendarMonth.Containing(period.End), includeRestricted: !filter.IsPublic, ct);
            for (var i = 0; i < result.Count; i++)
            {
                result[i] = result[i] with { Indicators = linked.GetValueOrDefault(shown[i].Id, []) };
            }
        }

        return (result, shown.Select(p => p.Id).ToHashSet());
    }

    private static List<ReportAction> Actions(Priority priority, Dictionary<int, MilestoneUpdate> updateFor, AudienceFilter filter)
    {
        var actions = new List<ReportAction>();
        foreach (var action in priority.Actions.OrderBy(a => a.SortOrder).ThenBy(a => a.Id).Where(a => filter.Shown(a.Marking)))
        {
            var shownMilestones = action.Milestones
                .OrderBy(m => m.SortOrder).ThenBy(m => m.Id)
                .Where(m => filter.Shown(m.Marking))
                .ToList();
            var agency = ReportText.Clean(action.LeadAgency);
            var lead = ReportLead.Of(agency, action.LeadOfficer?.PrintedName);

            // An action's lead text that only joins its milestones' own leads ("Police, SAC Task Group; Police; SCDC")
            // is not a lead of its own for a milestone without one.
            var ownAgencies = shownMilestones.Select(MilestoneLead.OwnAgency).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
            var joinsMilestones = ownAgencies.Count > 0 && (agency is null
                || agency.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).All(ownAgencies.Contains));
            var inherited = joinsMilestones ? null : agency;
            var milestones = shownMilestones.Select(m => Milestone(m, inherited, updateFor, filter)).ToList();
            var leads = milestones.Select(m => m.Lead ?? (joinsMilestones ? null : lead)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            actions.Add(new ReportAction(DocumentAction.Of(action, ReportText.Clean, lead, milestones))
            {
                // The lead column: each lead once, in the milestones' order.
                Leads = leads.Count > 0 ? leads : lead is null ? [] : [lead],
            });
        }

        return actions;
    }

    /// <summary>The milestone with its update; its lead is its own agency (or the action's) with its own lead officer, if it has either.</summary>
    private static ReportMilestone Milestone(Milestone milestone, string? actionAgency, Dictionary<int, MilestoneUpdate> updateFor, AudienceFilter filter)
    {
        ReportUpdate? update = null;
        if (updateFor.TryGetValue(milestone.Id, out var u) && filter.Shown(u.Marking))
        {
            update = new ReportUpdate(ReportText.Clean(u.Progress), ValueText(milestone.MeasurementKind, u), UpdateStatuses.Text(u.Status), u.Marking == ProtectiveMarking.Restricted, u.State != UpdateState.Accepted)
            {
                ActionUpdateId = u.ActionUpdateId,
            };
        }

        var agency = MilestoneLead.OwnAgency(milestone);
        var officer = milestone.LeadOfficer?.PrintedName;
        var lead = agency is null && officer is null ? null : ReportLead.Of(agency ?? actionAgency, officer);
        return new ReportMilestone(milestone.Code, ReportText.Clean(milestone.Text) ?? "", lead, milestone.Marking == ProtectiveMarking.Restricted, update);
    }

    private static ReportSection Section(TaskGroupReport r, TaskGroupQuarter taskGroups, AudienceFilter filter)
    {
        var parts = new List<ReportPart>();
        void Part(string heading, string? text, ProtectiveMarking marking)
        {
            if (filter.Shown(marking))
            {
                parts.Add(new ReportPart(heading, ReportText.Clean(text), marking == ProtectiveMarking.Restricted));
            }
        }

        Part(AchievementsHeading, r.Achievements, r.AchievementsMarking);
        Part(ConcernsHeading, r.Concerns, r.ConcernsMarking);
        Part(RecommendationsHeading, r.Recommendations, r.RecommendationsMarking);
        Part(PublicityHeading, r.PublicityItems, ProtectiveMarking.Official);
        var figures = r.Figures
            .Where(f => filter.Shown(f.Marking))
            .OrderBy(f => f.SortOrder).ThenBy(f => f.Id)
            .Select(f => Figures(f, r, filter.IsPublic, taskGroups.YearSoFar))
            .ToList();
        return new ReportSection(ReportText.Clean(r.Title) ?? "Task group report", ReportText.Clean(r.LeadOfficerShown), parts, figures);
    }

    private async Task<List<ReportBriefing>> BriefingsAsync(int partnershipId, ReportingPeriod period, AudienceFilter filter, CancellationToken ct) =>
        (await db.Set<PartnerBriefing>().AsNoTracking()
                .Where(b => b.Period == period && db.Bodies.Any(body => body.Id == b.BodyId && body.Partnerships.Any(p => p.Id == partnershipId)))
                .ToListAsync(ct))
            .Where(b => filter.Shown(b.Marking))
            .OrderBy(b => b.IssuedOn is null).ThenBy(b => b.IssuedOn).ThenBy(b => b.Id)
            .Select(ReportBriefings.Of)
            .ToList();

    /// <summary>
    /// The quarters this reader may have a report of, newest first: for members every quarter with something to report,
    /// for anyone else the published quarters.
    /// </summary>
    public async Task<IReadOnlyList<ReportingPeriod>> QuartersAsync(int partnershipId, UserContext reader, CancellationToken ct = default) =>
        Permissions.CanSeeUnpublished(reader, partnershipId)
            ? await QuartersAsync(partnershipId, ct)
            : await publications.PublishedAsync(partnershipId, ct);

    /// <summary>Quarters that have something to report: milestone updates, a collection round or task group reports, newest first.</summary>
    public async Task<IReadOnlyList<ReportingPeriod>> QuartersAsync(int partnershipId, CancellationToken ct = default)
    {
        var fromUpdates = await db.Set<MilestoneUpdate>().AsNoTracking()
            .Where(u => u.Milestone.Action.Priority.Edition.Plan.PartnershipId == partnershipId)
            .Select(u => u.Period).Distinct().ToListAsync(ct);
        var fromRounds = await db.Set<CollectionRound>().AsNoTracking()
            .Where(r => r.PartnershipId == partnershipId).Select(r => r.Period).Distinct().ToListAsync(ct);
        var fromReports = await db.Set<TaskGroupReport>().AsNoTracking()
            .Where(r => r.PartnershipId == partnershipId).Select(r => r.Period).Distinct().ToListAsync(ct);
        return fromUpdates.Concat(fromRounds).Concat(fromReports)
            .Where(p => !p.IsWholeYear)
            .Distinct()
            .OrderDescending()
            .ToList();
    }

    /// <summary>Every figure table of the partnership's reports for the financial year's quarters up to this one, for the year-to-date sums.</summary>
    private async Task<List<QuarterTable>> YearSoFarAsync(int partnershipId, ReportingPeriod period, List<TaskGroupReport> current, CancellationToken ct)
    {
        var titles = current.SelectMany(r => r.Figures).Where(f => f.YearToDate).Select(f => Key(f.Title)).ToHashSet();
        var tables = current.SelectMany(r => r.Figures.Select(f => new QuarterTable(f, r.Period, r.PriorityId, r.Title))).ToList();
        if (titles.Count == 0 || period.Quarter == 1)
        {
            return tables;
        }

        var earlier = Enumerable.Range(1, period.Quarter - 1).Select(q => ReportingPeriod.Of(period.StartYear, q)).ToList();
        var rows = await (
                from f in db.Set<FigureTable>().AsNoTracking()
                join r in db.Set<TaskGroupReport>() on f.ReportId equals r.Id
                where r.PartnershipId == partnershipId && earlier.Contains(r.Period)
                select new { Table = f, r.Period, r.PriorityId, r.Title })
            .ToListAsync(ct);
        tables.AddRange(rows.Where(x => titles.Contains(Key(x.Table.Title))).Select(x => new QuarterTable(x.Table, x.Period, x.PriorityId, x.Title)));
        return tables;
    }

    private static ReportFigureTable Figures(FigureTable table, TaskGroupReport report, bool isPublic, List<QuarterTable> yearSoFar)
    {
        var period = report.Period;
        var (columns, rows) = Read(table);
        var note = ReportText.Clean(table.Note);
        if (!table.YearToDate)
        {
            return new ReportFigureTable(ReportText.Clean(table.Title) ?? "Figures", columns, [], rows.Select(r => new ReportFigureRow(r.Label, r.Values, [])).ToList(), note, table.Marking == ProtectiveMarking.Restricted)
            {
                Chart = table.Chart,
            };
        }

        var figures = YearToDate.Figures(table, report, yearSoFar, isPublic);
        var ytdColumns = columns.Count == 1
            ? [YearToDateHeading(period)]
            : columns.Select(c => $"{c}: {YearToDateHeading(period)}").ToList();
        var ytdRows = rows.Select((row, i) => i < figures.Count
                ? new ReportFigureRow(row.Label, row.Values, figures[i].Select(f => f.Value).ToList()) { BroughtForward = figures[i].Select(f => f.BroughtForward).ToList() }
                : new ReportFigureRow(row.Label, row.Values, new decimal?[columns.Count]))
            .ToList();
        if (ytdRows.Any(r => r.BroughtForward.Any(b => b)))
        {
            note = note is null ? ReportFigureTable.BroughtForwardNote : $"{ReportFigureTable.BroughtForwardNote} {note}";
        }

        return new ReportFigureTable(ReportText.Clean(table.Title) ?? "Figures", columns, ytdColumns, ytdRows, note, table.Marking == ProtectiveMarking.Restricted)
        {
            Chart = table.Chart,
        };
    }

    private static string YearToDateHeading(ReportingPeriod period) =>
        period.Quarter == 1 ? "Year to date (Q1)" : $"Year to date (Q1–Q{period.Quarter})";

    private static int IndexOf(List<string> columns, string column) =>
        columns.FindIndex(c => Key(c) == Key(column));

    private static string Key(string text) => text.Trim().ToUpperInvariant();

    private sealed record FigureRowJson(string? Label, List<decimal?>? Values);

    private static (List<string> Columns, List<(string Label, IReadOnlyList<decimal?> Values)> Rows) Read(FigureTable table)
    {
        try
        {
            var columns = (JsonSerializer.Deserialize<List<string?>>(table.Columns, Json) ?? []).Select(c => ReportText.Clean(c) ?? "").ToList();
            var rows = (JsonSerializer.Deserialize<List<FigureRowJson?>>(table.Rows, Json) ?? [])
                .Where(r => r is not null)
                .Select(r => (ReportText.Clean(r!.Label) ?? "", (IReadOnlyList<decimal?>)Enumerable.Range(0, columns.Count).Select(i => r.Values is { } v && i < v.Count ? v[i] : null).ToList()))
                .ToList();
            return (columns, rows);
        }
        catch (JsonException)
        {
            // A table whose figures cannot be read shows its title and no rows rather than stopping the whole report.
            return ([], []);
        }
    }

    /// <summary>A measured value formatted by the milestone's measurement kind: Yes, 3,177, 46%, £625.00.</summary>
    internal static string? ValueText(MeasurementKind kind, MilestoneUpdate update) => kind switch
    {
        MeasurementKind.YesNo => update.YesNoValue switch { true => "Yes", false => "No", _ => null },
        MeasurementKind.Count => update.NumberValue?.ToString("#,##0", CultureInfo.InvariantCulture),
        MeasurementKind.Percentage => update.NumberValue is { } p ? p.ToString("0.##", CultureInfo.InvariantCulture) + "%" : null,
        MeasurementKind.Money => update.NumberValue?.ToString("£#,##0.00", CultureInfo.InvariantCulture),
        _ => ReportText.Clean(update.TextValue),
    };
}
