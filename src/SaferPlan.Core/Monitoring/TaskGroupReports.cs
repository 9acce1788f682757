namespace SaferPlan.Core.Monitoring;

/// <summary>A figure table as entered: its columns and rows, each row a label and a value per column; shown as a chart too when asked.</summary>
public sealed record FigureTableInput(string? Title, IReadOnlyList<string>? Columns, IReadOnlyList<FigureRow>? Rows, bool YearToDate, string? Note, ProtectiveMarking Marking = ProtectiveMarking.Official, bool Chart = false);

public sealed record TaskGroupReportInput
{
    public string? Title { get; init; }

    public int? PriorityId { get; init; }

    /// <summary>The lead officer's name as printed; blank to print the name of <see cref="LeadOfficerId"/>'s person.</summary>
    public string? LeadOfficerName { get; init; }

    /// <summary>One of the partnership's people, who may then write the report; only support officers and administrators choose them.</summary>
    public int? LeadOfficerId { get; init; }

    public string? Achievements { get; init; }

    public ProtectiveMarking AchievementsMarking { get; init; }

    public string? Concerns { get; init; }

    public ProtectiveMarking ConcernsMarking { get; init; }

    public string? Recommendations { get; init; }

    public ProtectiveMarking RecommendationsMarking { get; init; }

    public string? PublicityItems { get; init; }

    /// <summary>Items for publicity are published: asking to mark them Restricted is refused.</summary>
    public ProtectiveMarking PublicityMarking { get; init; }

    public IReadOnlyList<FigureTableInput>? Figures { get; init; }
}

public sealed record BriefingInput
{
    public string? Title { get; init; }

    /// <summary>The briefing's "To:" line.</summary>
    public string? ToLine { get; init; }

    public string? FromName { get; init; }

    public DateOnly? IssuedOn { get; init; }

    public string? Purpose { get; init; }

    public string? Background { get; init; }

    public string? Sections { get; init; }

    public string? FiguresTitle { get; init; }

    public IReadOnlyList<FigureValue>? Figures { get; init; }

    public string? Risks { get; init; }

    public string? Recommendations { get; init; }

    public ProtectiveMarking Marking { get; init; }
}

/// <summary>A figure table as checked: its title, column headings and rows labelled, trimmed.</summary>
public sealed record FigureTableFields(string Title, IReadOnlyList<string> Columns, IReadOnlyList<FigureRow> Rows, bool YearToDate, string? Note, ProtectiveMarking Marking, bool Chart);

/// <summary>A task group report as checked: what an add or change writes (<paramref name="Figures"/> null leaves its tables as they are).</summary>
public sealed record TaskGroupReportFields(
    string Title, int? PriorityId, string? LeadOfficerName, int? LeadOfficerId, string? Achievements, ProtectiveMarking AchievementsMarking,
    string? Concerns, ProtectiveMarking ConcernsMarking, string? Recommendations, ProtectiveMarking RecommendationsMarking, string? PublicityItems, IReadOnlyList<FigureTableFields>? Figures);

/// <summary>A partner briefing as checked: what an add or change writes.</summary>
public sealed record BriefingFields(
    string Title, string? ToLine, string? FromName, DateOnly? IssuedOn, string? Purpose, string? Background, string? Sections, string? FiguresTitle,
    IReadOnlyList<FigureValue>? Figures, string? Risks, string? Recommendations, ProtectiveMarking Marking);

/// <summary>A figure table with its year-to-date column computed from the same table in the year's earlier quarters.</summary>
public sealed record FigureTableView(FigureTable Table, IReadOnlyList<string> Columns, IReadOnlyList<FigureRow> Rows, IReadOnlyList<IReadOnlyList<decimal?>>? YearToDate);

public sealed record TaskGroupReportView(TaskGroupReport Report, IReadOnlyList<FigureTableView> Figures);

/// <summary>Task group quarterly reports and partner briefings: reading them with year-to-date figures, and writing them.</summary>
public sealed class TaskGroupReportService(SaferPlanDbContext db)
{
    private const int TextLength = 20000;

    private const int BriefingLength = 40000;

    /// <summary>The quarter's reports in order, with restricted sections and tables left out for those who may not see them.</summary>
    public async Task<IReadOnlyList<TaskGroupReportView>> ReportsAsync(int partnershipId, ReportingPeriod period, bool includeRestricted, CancellationToken ct = default)
    {
        var year = period.FinancialYear.StartYear;
        var reports = (await db.Set<TaskGroupReport>().AsNoTracking().Include(r => r.Figures).Include(r => r.Priority).Include(r => r.LeadOfficer)
                .Where(r => r.PartnershipId == partnershipId)
                .ToListAsync(ct))
            .Where(r => r.Period.StartYear == year && !r.Period.IsWholeYear && r.Period.Quarter <= period.Quarter)
            .ToList();
        return reports.Where(r => r.Period == period).OrderBy(r => r.SortOrder)
            .Select(r => new TaskGroupReportView(Redact(r, includeRestricted), r.Figures
                .Where(f => includeRestricted || f.Marking == ProtectiveMarking.Official)
                .OrderBy(f => f.SortOrder)
                .Select(f => View(f, r, reports, !includeRestricted))
                .ToList()))
            .ToList();
    }

    public async Task<TaskGroupReportView?> ReportAsync(int id, bool includeRestricted, CancellationToken ct = default)
    {
        var report = await db.Set<TaskGroupReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return report is null ? null : (await ReportsAsync(report.PartnershipId, report.Period, includeRestricted, ct)).FirstOrDefault(r => r.Report.Id == id);
    }

    public async Task<IReadOnlyList<PartnerBriefing>> BriefingsAsync(int partnershipId, ReportingPeriod period, bool includeRestricted, CancellationToken ct = default)
    {
        var bodies = await db.Bodies.Where(b => b.Partnerships.Any(p => p.Id == partnershipId)).Select(b => b.Id).ToListAsync(ct);
        return (await db.Set<PartnerBriefing>().AsNoTracking().Where(b => bodies.Contains(b.BodyId) && b.Period == period).ToListAsync(ct))
            .Where(b => includeRestricted || b.Marking == ProtectiveMarking.Official)
            .OrderBy(b => b.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>A body with the partnerships it serves, by its key.</summary>
    public Task<Body?> BodyAsync(string key, CancellationToken ct = default) =>
        db.Bodies.AsNoTracking().Include(b => b.Partnerships).FirstOrDefaultAsync(b => b.Key == key, ct);

    /// <summary>
    /// The partners whose briefings reach a partnership: the bodies serving it that serve others too or have written a
    /// briefing, with every partnership each serves.
    /// </summary>
    public async Task<IReadOnlyList<Body>> BriefingBodiesAsync(int partnershipId, CancellationToken ct = default) =>
        await db.Bodies.AsNoTracking().Include(b => b.Partnerships)
            .Where(b => b.Partnerships.Any(p => p.Id == partnershipId)
                && (b.Partnerships.Count > 1 || db.Set<PartnerBriefing>().Any(x => x.BodyId == b.Id)))
            .OrderBy(b => b.Name).ToListAsync(ct);

    /// <summary>Every briefing a body has written, newest quarter first.</summary>
    public async Task<IReadOnlyList<PartnerBriefing>> BriefingsOfBodyAsync(int bodyId, CancellationToken ct = default) =>
        (await db.Set<PartnerBriefing>().AsNoTracking().Where(b => b.BodyId == bodyId).ToListAsync(ct))
            .OrderByDescending(b => b.Period).ThenBy(b => b.Title, StringComparer.Ordinal).ToList();

    public Task<PartnerBriefing?> BriefingAsync(int bodyId, int id, CancellationToken ct = default) =>
        db.Set<PartnerBriefing>().AsNoTracking().FirstOrDefaultAsync(b => b.BodyId == bodyId && b.Id == id, ct);

    /// <summary>Adds a report to a quarter (<paramref name="reportId"/> null) or rewrites one.</summary>
    public async Task<EditResult<TaskGroupReport>> SaveAsync(int partnershipId, ReportingPeriod period, int? reportId, TaskGroupReportInput input, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        TaskGroupReport? report = null;
        if (reportId is { } id)
        {
            report = await db.Set<TaskGroupReport>().Include(r => r.Figures).FirstOrDefaultAsync(r => r.Id == id, ct);
            if (report is null || !Permissions.CanReadTaskGroupReports(user, report.PartnershipId))
            {
                return EditResult<TaskGroupReport>.NotFound($"There is no task group report {id}.");
            }

            partnershipId = report.PartnershipId;
            period = report.Period;
        }

        if (!await CanWriteAsync(user, partnershipId, report, input.PriorityId, ct))
        {
            return EditResult<TaskGroupReport>.Forbidden("Only support officers, administrators and the report's lead officer can write a task group report.");
        }

        if (await RefusedChangesAsync(user, partnershipId, report, input, ct) is { Count: > 0 } refused)
        {
            return EditResult<TaskGroupReport>.Invalid(refused);
        }

        if ((await CheckAsync(partnershipId, period, input, ct)).Refused(out var fields, out EditResult<TaskGroupReport>? invalid))
        {
            return invalid;
        }

        var isNew = report is null;
        if (report is null)
        {
            var last = await db.Set<TaskGroupReport>().Where(r => r.PartnershipId == partnershipId && r.Period == period).MaxAsync(r => (int?)r.SortOrder, ct);
            report = new TaskGroupReport { PartnershipId = partnershipId, Period = period, Title = "", SortOrder = (last ?? 0) + 1 };
            db.Add(report);
        }

        return await db.SaveEditAsync(report, isNew ? null : expectedVersion, new EditSave(partnershipId, "report")
        {
            Change = () => Apply(report, fields),
            Stale = $"This report was changed by someone else after you opened it (you had version {expectedVersion}; it is now version {report.Version}). Your change has not been saved: reload it to see theirs, then make yours again.",
            Concurrent = "Someone else saved this report while you were editing it. Your change has not been saved: reload it to see theirs, then make yours again.",
        }, ct);
    }

    private void Apply(TaskGroupReport report, TaskGroupReportFields fields)
    {
        db.Write(report, fields, nameof(fields.Figures));
        if (fields.Figures is { } figures)
        {
            db.RemoveRange(report.Figures.Skip(figures.Count));
            for (var i = 0; i < figures.Count; i++)
            {
                var table = i < report.Figures.Count ? report.Figures[i] : null;
                if (table is null)
                {
                    table = new FigureTable { Title = "", Columns = "[]", Rows = "[]" };
                    report.Figures.Add(table);
                }

                var f = figures[i];
                db.Write(table, f, nameof(f.Columns), nameof(f.Rows));
                table.Columns = FigureJson.Write(f.Columns);
                table.Rows = FigureJson.Write(f.Rows);
                table.SortOrder = i + 1;
            }
        }
    }

    public async Task<EditResult<TaskGroupReport>> DeleteAsync(int id, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        var report = await db.Set<TaskGroupReport>().Include(r => r.Figures).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !Permissions.CanReadTaskGroupReports(user, report.PartnershipId))
        {
            return EditResult<TaskGroupReport>.NotFound($"There is no task group report {id}.");
        }

        if (!Permissions.CanManageRounds(user, report.PartnershipId))
        {
            return EditResult<TaskGroupReport>.Forbidden("Only support officers and administrators can delete a task group report.");
        }

        return await db.SaveEditAsync(report, expectedVersion, new EditSave(report.PartnershipId, "report")
        {
            Change = () =>
            {
                db.RemoveRange(report.Figures);
                db.Remove(report);
            },
            Stale = "This report was changed after you opened it. Read it again before you delete it.",
        }, ct);
    }

    /// <summary>
    /// Writes a county-wide partner's briefing for a quarter (<paramref name="briefingId"/> null for a new one). Support
    /// officers and administrators of any partnership the body serves may write it; it is shared into all of them.
    /// </summary>
    public async Task<EditResult<PartnerBriefing>> SaveBriefingAsync(string bodyKey, ReportingPeriod period, int? briefingId, BriefingInput input, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        var body = await db.Bodies.Include(b => b.Partnerships).FirstOrDefaultAsync(b => b.Key == bodyKey, ct);
        if (body is null)
        {
            return EditResult<PartnerBriefing>.NotFound($"There is no body '{bodyKey}'.");
        }

        if (!Permissions.CanWriteBriefing(user, body.Partnerships.Select(p => p.Id)))
        {
            return EditResult<PartnerBriefing>.Forbidden($"Only support officers and administrators of a partnership that {body.Name} serves can write its briefing.");
        }

        PartnerBriefing? briefing = null;
        if (briefingId is { } id)
        {
            briefing = await db.Set<PartnerBriefing>().FirstOrDefaultAsync(b => b.Id == id && b.BodyId == body.Id, ct);
            if (briefing is null)
            {
                return EditResult<PartnerBriefing>.NotFound($"There is no briefing {id} from {body.Name}.");
            }

            period = briefing.Period;
        }

        if (CheckBriefing(period, input).Refused(out var fields, out EditResult<PartnerBriefing>? invalid))
        {
            return invalid;
        }

        var isNew = briefing is null;
        if (briefing is null)
        {
            briefing = new PartnerBriefing { BodyId = body.Id, Period = period, Title = "" };
            db.Add(briefing);
        }

        return await db.SaveEditAsync(briefing, isNew ? null : expectedVersion, new EditSave(body.Partnerships.First(p => Permissions.CanManageRounds(user, p.Id)).Id, "briefing")
        {
            Change = () => Apply(briefing, fields),
            Stale = $"This briefing was changed after you opened it (you had version {expectedVersion}; it is now version {briefing.Version}). Your change has not been saved: reload it, then make yours again.",
            Concurrent = "Someone else saved this briefing while you were editing it. Your change has not been saved: reload it, then make yours again.",
        }, ct);
    }

    /// <summary>
    /// What is wrong with a briefing as written, every error at once, saving nothing; a quarter the form could not read (null)
    /// is that box's own error.
    /// </summary>
    public static EditResult<BriefingFields> CheckBriefing(ReportingPeriod? period, BriefingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = new FieldCheck();
        if (period is { IsWholeYear: true })
        {
            check.Add("Period", "Briefings are for a quarter, like 2010/11 Q4");
        }

        var title = check.Required("Title", input.Title, 200, "Enter the briefing's title, like State of the Partnership Briefing: 4th Quarter 2010/11", "The title");
        var toLine = check.OptionalText("ToLine", input.ToLine, 400, "Whom it is addressed to");
        var purpose = check.OptionalText("Purpose", input.Purpose, BriefingLength, "This");
        var background = check.OptionalText("Background", input.Background, BriefingLength, "This");
        var sections = check.OptionalText("Sections", input.Sections, BriefingLength, "This");
        var risks = check.OptionalText("Risks", input.Risks, BriefingLength, "This");
        var recommendations = check.OptionalText("Recommendations", input.Recommendations, BriefingLength, "This");
        if (input.Figures?.FirstOrDefault(f => string.IsNullOrWhiteSpace(f.Label)) is not null)
        {
            check.Add("Figures", "Give every figure a label, like South");
        }

        return check.Result(() => new BriefingFields(
            title, toLine, Clean(input.FromName), input.IssuedOn, purpose, background, sections, Clean(input.FiguresTitle),
            input.Figures?.Select(f => new FigureValue(f.Label.Trim(), f.Value)).ToList(), risks, recommendations, input.Marking));
    }

    private void Apply(PartnerBriefing briefing, BriefingFields fields)
    {
        db.Write(briefing, fields, nameof(fields.Figures));
        briefing.Figures = fields.Figures is null ? null : FigureJson.Write(fields.Figures);
    }

    /// <summary>Whether the user may edit this report, to offer its Edit link and form (see <see cref="Permissions.CanWriteTaskGroupReport"/>).</summary>
    public Task<bool> CanWriteAsync(UserContext user, TaskGroupReport report, CancellationToken ct = default) =>
        CanWriteAsync(user, report.PartnershipId, report, null, ct);

    private async Task<bool> CanWriteAsync(UserContext user, int partnershipId, TaskGroupReport? report, int? priorityId, CancellationToken ct)
    {
        // An existing report is judged by the priority it is under now; a new one by the priority it goes under.
        var priority = report is null ? priorityId : report.PriorityId;
        var priorityLead = Permissions.CanManageRounds(user, partnershipId) || priority is null
            ? null
            : await db.Priorities.Where(p => p.Id == priority).Select(p => p.LeadOfficerId).FirstOrDefaultAsync(ct);
        return Permissions.CanWriteTaskGroupReport(user, partnershipId, report?.LeadOfficerId, priorityLead);
    }

    private async Task<bool> LeadsPriorityAsync(UserContext user, int? priorityId, CancellationToken ct) =>
        user.PersonIds.Count > 0 && priorityId is { } p && await db.Priorities.AnyAsync(x => x.Id == p && x.LeadOfficerId != null && user.PersonIds.Contains(x.LeadOfficerId.Value), ct);

    /// <summary>
    /// What a lead officer may not do in a report they may otherwise write (<paramref name="report"/> null for a new one):
    /// choose who leads it, move it under another lead's priority (taking it off every priority puts it under nobody
    /// else's), or lower a marking, the report's or a figure table's, from Restricted to Official.
    /// </summary>
    private async Task<Dictionary<string, string>> RefusedChangesAsync(UserContext user, int partnershipId, TaskGroupReport? report, TaskGroupReportInput input, CancellationToken ct)
    {
        var refused = new Dictionary<string, string>();
        if (Permissions.CanManageRounds(user, partnershipId))
        {
            return refused;
        }

        if (input.LeadOfficerId != report?.LeadOfficerId)
        {
            refused[nameof(input.LeadOfficerId)] = "Only support officers and administrators can choose a report's lead officer";
        }

        if (report is null)
        {
            return refused;
        }

        if (input.PriorityId is { } target && target != report.PriorityId && !await LeadsPriorityAsync(user, target, ct))
        {
            refused[nameof(input.PriorityId)] = "Choose a priority you lead: only support officers and administrators can put a report under another lead's priority";
        }

        void Check(string field, ProtectiveMarking from, ProtectiveMarking to)
        {
            if (!Permissions.MayChangeMarking(user, report.PartnershipId, from, to))
            {
                refused[field] = Permissions.LowerMarkingRefused;
            }
        }

        Check(nameof(input.AchievementsMarking), report.AchievementsMarking, input.AchievementsMarking);
        Check(nameof(input.ConcernsMarking), report.ConcernsMarking, input.ConcernsMarking);
        Check(nameof(input.RecommendationsMarking), report.RecommendationsMarking, input.RecommendationsMarking);
        var figures = input.Figures ?? [];
        for (var i = 0; i < Math.Min(figures.Count, report.Figures.Count); i++)
        {
            Check($"Figures[{i}].Marking", report.Figures[i].Marking, figures[i].Marking);
        }

        return refused;
    }

    /// <summary>What is wrong with a report as written, every error at once, or the report as checked; nothing is saved.</summary>
    public async Task<EditResult<TaskGroupReportFields>> CheckAsync(int partnershipId, ReportingPeriod period, TaskGroupReportInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = new FieldCheck();
        if (period.IsWholeYear)
        {
            check.Add("Period", "Task group reports are for a quarter, like 2010/11 Q4");
        }

        var title = check.Required("Title", input.Title, 200, "Enter the report's title, like Priority 2: Reducing Re-offending", "The title");
        var lead = check.OptionalText("LeadOfficerName", input.LeadOfficerName, 200, "This");
        var achievements = check.OptionalText("Achievements", input.Achievements, TextLength, "This");
        var concerns = check.OptionalText("Concerns", input.Concerns, TextLength, "This");
        var recommendations = check.OptionalText("Recommendations", input.Recommendations, TextLength, "This");
        var publicity = check.OptionalText("PublicityItems", input.PublicityItems, TextLength, "This");
        if (input.PublicityMarking == ProtectiveMarking.Restricted)
        {
            check.Add("PublicityItems", "Items for publicity are published, so they cannot be Restricted: leave restricted matters out of this box, or put them under key achievements marked Restricted");
        }

        if (input.PriorityId is { } priorityId && !await db.Priorities.AnyAsync(p => p.Id == priorityId && p.Edition.Plan.PartnershipId == partnershipId, ct))
        {
            check.Add("PriorityId", "Choose one of the partnership's priorities");
        }

        var leadOfficer = await check.LeadOfficerAsync(db, input.LeadOfficerId, partnershipId, ct);
        var figures = input.Figures?.Select((f, i) => CheckFigureTable(check, f, i)).ToList();
        return check.Result(() => new TaskGroupReportFields(
            title, input.PriorityId, lead, leadOfficer, achievements, input.AchievementsMarking, concerns, input.ConcernsMarking, recommendations,
            input.RecommendationsMarking, publicity, figures?.OfType<FigureTableFields>().ToList()));
    }

    /// <summary>Figure table <paramref name="i"/> as checked, or null with what is wrong with it noted (under <c>Figures[i]</c>).</summary>
    private static FigureTableFields? CheckFigureTable(FieldCheck check, FigureTableInput f, int i)
    {
        var at = $"Figures[{i}]";
        if (string.IsNullOrWhiteSpace(f.Title))
        {
            check.Add($"{at}.Title", $"Enter a title for figure table {i + 1}");
        }

        if (f.Columns is not { Count: > 0 } columns || columns.Any(string.IsNullOrWhiteSpace))
        {
            check.Add($"{at}.Columns", $"Enter the column headings of figure table {i + 1}, like This quarter");
            return null;
        }

        if (f.Rows is not { Count: > 0 } rows)
        {
            check.Add($"{at}.Rows", $"Enter at least one row of figure table {i + 1}");
            return null;
        }

        var bad = rows.Select((r, n) => (r, n)).FirstOrDefault(x => string.IsNullOrWhiteSpace(x.r.Label) || x.r.Values.Count != columns.Count);
        if (bad.r is not null)
        {
            check.Add($"{at}.Rows", string.IsNullOrWhiteSpace(bad.r.Label)
                ? $"Row {bad.n + 1} of figure table {i + 1} has no label"
                : $"Row {bad.n + 1} of figure table {i + 1} ({bad.r.Label}) has {bad.r.Values.Count} values but the table has {columns.Count} columns");
            return null;
        }

        return string.IsNullOrWhiteSpace(f.Title) ? null : new FigureTableFields(
            f.Title.Trim(), columns.Select(c => c.Trim()).ToList(), rows.Select(r => new FigureRow(r.Label.Trim(), r.Values, r.YearToDate)).ToList(),
            f.YearToDate, Clean(f.Note), f.Marking, f.Chart);
    }

    private static FigureTableView View(FigureTable table, TaskGroupReport report, List<TaskGroupReport> yearReports, bool officialOnly)
    {
        var columns = FigureJson.Columns(table);
        var rows = FigureJson.Rows(table);
        if (!table.YearToDate)
        {
            return new FigureTableView(table, columns, rows, null);
        }

        var yearSoFar = yearReports.SelectMany(r => r.Figures.Select(f => new QuarterTable(f, r.Period, r.PriorityId, r.Title)));
        var ytd = YearToDate.Sums(table, report, yearSoFar, officialOnly);
        return new FigureTableView(table, columns, rows, ytd);
    }

    private static TaskGroupReport Redact(TaskGroupReport r, bool includeRestricted)
    {
        if (includeRestricted)
        {
            return r;
        }

        if (r.AchievementsMarking == ProtectiveMarking.Restricted)
        {
            r.Achievements = null;
        }

        if (r.ConcernsMarking == ProtectiveMarking.Restricted)
        {
            r.Concerns = null;
        }

        if (r.RecommendationsMarking == ProtectiveMarking.Restricted)
        {
            r.Recommendations = null;
        }

        return r;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");
}
