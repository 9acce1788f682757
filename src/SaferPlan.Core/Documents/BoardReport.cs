namespace SaferPlan.Core.Documents;

/// <summary>Who a Board report is for: the Board itself (everything), or publication (nothing Restricted).</summary>
public enum ReportAudience
{
    Full,
    Public,
}

/// <summary>What to build: a partnership's report for one quarter, for an audience, with the Board meeting's date if known.</summary>
public sealed record BoardReportOptions(string PartnershipSlug, ReportingPeriod Period, ReportAudience Audience = ReportAudience.Full, DateOnly? MeetingDate = null) : IQuarterDocumentOptions;

/// <summary>
/// The quarterly Board Performance Report (seed 001), assembled for one audience: in the public version every
/// Restricted item is already left out, so the renderers show everything they are given.
/// </summary>
public sealed record BoardReport(
    string PartnershipSlug,
    string PartnershipName,
    ReportingPeriod Period,
    ReportAudience Audience,
    DateOnly? MeetingDate,
    string? EditionTitle,
    IReadOnlyList<ReportPriority> Priorities,
    IReadOnlyList<ReportSection> OtherReports,
    IReadOnlyList<ReportBriefing> Briefings,
    bool IncludesRestricted) : IPartnershipDocument
{
    /// <summary>The action plans of the task groups serving the partnership, shown before the briefings.</summary>
    public IReadOnlyList<ReportPartnerPlan> PartnerPlans { get; init; } = [];

    /// <summary>The year's funding, after the briefings; null when the year has none (or, in public, none agreed).</summary>
    public DocumentFunding? Funding { get; init; }

    public const string DocumentTitle = "Performance Report";

    internal static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"Quarter 4 January 2011–March 2011".</summary>
    public string QuarterHeading => QuarterHeadingOf(Period);

    /// <summary>The protective marking of the whole document: Restricted when anything in it is.</summary>
    public string Marking => PartnershipDocument.MarkingOf(IncludesRestricted);

    string IPartnershipDocument.Title => $"{DocumentTitle} {Period.Display}";

    string IPartnershipDocument.TitleNote => PartnershipDocument.PublicVersion(Audience);

    string IPartnershipDocument.Subject => QuarterHeading;

    /// <summary>The heading of the action plan tables' last column: "Q4 update".</summary>
    public string UpdateHeading => $"Q{Period.Quarter} update";

    public string? MeetingDateText => MeetingDate is { } date ? Dates.Display(date) : null;

    /// <summary>Said near the top when a linked indicator's value rests on synthetic crime data, as the crime pages say it.</summary>
    public string? SyntheticCrimeNotice => Priorities.Any(p => p.Indicators.Any(i => i.Synthetic))
        ? Crime.CrimeStatistics.SyntheticIndicatorNotice
        : null;

    /// <summary>"south-cambridgeshire-performance-2010-11-q4.docx" (the public version "…-q4-public.docx").</summary>
    public string FileName(string extension) => PartnershipDocument.FileName(PartnershipSlug, "performance", Period.Slug, Audience, extension);

    public static string QuarterHeadingOf(ReportingPeriod period) =>
        string.Create(EnGb, $"Quarter {period.Quarter} {period.Start:MMMM yyyy}–{period.End:MMMM yyyy}");

    /// <summary>Months of a quarter in words, "January 2011 to March 2011", for screen readers and lists.</summary>
    public static string MonthsOf(ReportingPeriod period) =>
        string.Create(EnGb, $"{period.Start:MMMM yyyy} to {period.End:MMMM yyyy}");
}

/// <summary>A priority of the plan: its task group's report(s) and its action plan with this quarter's updates.</summary>
public sealed record ReportPriority(
    int Number,
    string Heading,
    string? LeadOfficer,
    bool Restricted,
    IReadOnlyList<ReportSection> Reports,
    IReadOnlyList<ReportAction> Actions)
{
    /// <summary>Indicators linked to the priority or its milestones, each with its value at the quarter's end, target, status and why.</summary>
    public IReadOnlyList<global::SaferPlan.Core.Indicators.LinkedIndicator> Indicators { get; init; } = [];
}

/// <summary>A task group's quarterly report: lead officer, the four narrative parts and its figure tables.</summary>
public sealed record ReportSection(
    string Title,
    string? LeadOfficer,
    IReadOnlyList<ReportPart> Parts,
    IReadOnlyList<ReportFigureTable> Figures);

/// <summary>One narrative part of a task group report under its heading ("Areas of Concern for Partnership to Note").</summary>
public sealed record ReportPart(string Heading, string? Text, bool Restricted);

/// <summary>
/// A figure table with its quarter's values and, for a year-to-date table, each figure summed over the financial
/// year's quarters so far.
/// </summary>
public sealed record ReportFigureTable(
    string Title,
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> YearToDateColumns,
    IReadOnlyList<ReportFigureRow> Rows,
    string? Note,
    bool Restricted)
{
    public const string BroughtForwardText = "brought forward";

    public const string BroughtForwardNote = "Brought forward: the year to date as the group reported it, because the year's earlier quarters were not entered.";

    public IEnumerable<string> AllColumns => Columns.Concat(YearToDateColumns);

    /// <summary>Drawn as a bar chart too (rows as groups, columns as series), with the table as its numbers.</summary>
    public bool Chart { get; init; }

    /// <summary>Whether any year-to-date figure is the group's own cumulative figure brought forward.</summary>
    public bool AnyBroughtForward => Rows.Any(r => r.BroughtForward.Any(b => b));
}

public sealed record ReportFigureRow(string Label, IReadOnlyList<decimal?> Values, IReadOnlyList<decimal?> YearToDate)
{
    public IEnumerable<decimal?> AllValues => Values.Concat(YearToDate);

    /// <summary>Per year-to-date column, whether the figure was brought forward rather than summed.</summary>
    public IReadOnlyList<bool> BroughtForward { get; init; } = [];

    /// <summary>The row's cells as shown: "5", "–", and a brought-forward year to date as "72 (brought forward)".</summary>
    public IEnumerable<string> CellTexts =>
        Values.Select(Format).Concat(YearToDate.Select((v, i) =>
            i < BroughtForward.Count && BroughtForward[i] ? $"{Format(v)} ({ReportFigureTable.BroughtForwardText})" : Format(v)));

    public static string Format(decimal? value) => value?.ToString("#,##0.##", BoardReport.EnGb) ?? "–";
}

/// <summary>An action of the plan as a block of rows in the Board report's action plan table, one row per milestone and its update.</summary>
public sealed record ReportAction : DocumentAction<ReportMilestone>
{
    public ReportAction(DocumentAction<ReportMilestone> action)
        : base(action)
    {
        Leads = LeadAgency is null ? [] : [LeadAgency];
    }

    /// <summary>
    /// The lead column, a line per lead: the action's lead agency and officer; or, where its milestones have leads of
    /// their own, each of those once, in the milestones' order ("Police, SAC Task Group – Rachel Carr", "SCDC – Bridget Fairley").
    /// </summary>
    public IReadOnlyList<string> Leads { get; init; }

    /// <summary>
    /// The action's rows under its milestones: one per milestone, except that an action-level update is one row, where
    /// the first milestone it covers stands, for all the milestones it covers; its words are there once.
    /// </summary>
    public IReadOnlyList<ReportRow> Rows
    {
        get
        {
            var rows = new List<ReportRow>();
            var seen = new HashSet<int>();
            foreach (var milestone in Milestones)
            {
                if (milestone.Update?.ActionUpdateId is not { } group)
                {
                    rows.Add(new ReportRow([milestone], milestone.Update, null));
                }
                else if (seen.Add(group))
                {
                    var covered = Milestones.Where(m => m.Update?.ActionUpdateId == group).ToList();
                    rows.Add(new ReportRow(covered, milestone.Update, Monitoring.CoveredMilestones.Label(Number, covered.Select(m => m.Code))));
                }
            }

            return rows;
        }
    }
}

/// <summary>A row of an action's table: a milestone and its update, or the milestones an action-level update covers ("1.6a, b, d, e") and that update.</summary>
public sealed record ReportRow(IReadOnlyList<ReportMilestone> Milestones, ReportUpdate? Update, string? Covers);

public sealed record ReportMilestone(string Code, string Text, string? Lead, bool Restricted, ReportUpdate? Update) : IDocumentMilestone;

/// <summary>
/// How the lead column names a lead: the agency as the plan words it and, where a person is linked as lead officer,
/// their name after a dash, as seed 001 prints "Police – CI Dave Sargent".
/// </summary>
public static class ReportLead
{
    public static string? Of(string? agency, string? officer) =>
        (agency, officer) switch
        {
            (null, null) => null,
            (null, { } o) => o,
            ({ } a, null) => a,
            ({ } a, { } o) when a.Contains(o, StringComparison.OrdinalIgnoreCase) => a,
            ({ } a, { } o) => $"{a} – {o}",
        };
}

/// <summary>
/// A milestone's update for the quarter: the lead officer's words, the measured value and the status. In the Board's own
/// version an update submitted but not yet accepted is there, marked as awaiting review; the public version has none.
/// </summary>
public sealed record ReportUpdate(string? Progress, string? Value, string Status, bool Restricted, bool AwaitingReview = false)
{
    public const string AwaitingReviewText = "Awaiting review";

    /// <summary>The action-level update this is part of, the same for every milestone it covers; null for a milestone's own update.</summary>
    public int? ActionUpdateId { get; init; }
}

/// <summary>
/// What a reader's request for a Board report gives: the report; or, when the partnership is there but the quarter is not
/// published and the reader is not a member, no report and the latest published quarter (if any) to offer instead.
/// </summary>
public sealed record BoardReportOutcome(BoardReport? Report, bool PartnershipFound, ReportingPeriod? LatestPublished)
{
    public bool NotPublished => PartnershipFound && Report is null;
}

/// <summary>
/// A county-wide partner's briefing shared into the report ("State of the Partnership Briefing"), with its own "To:"
/// line and its own numbered sections (1. Purpose … 7. Recommendations), separate from the report's numbering.
/// </summary>
public sealed record ReportBriefing(
    string Title,
    string? To,
    string? From,
    DateOnly? IssuedOn,
    IReadOnlyList<ReportBriefingSection> Sections,
    string? FiguresTitle,
    IReadOnlyList<ReportBriefingFigure> Figures,
    bool Restricted)
{
    public string? IssuedOnText => IssuedOn is { } date ? Dates.Display(date) : null;

    /// <summary>Whether a section places the figures; if none does, they follow the sections before Risks.</summary>
    public bool FiguresPlaced => Sections.Any(s => s.Figures);
}

/// <summary>
/// A numbered section of a briefing: "3. Prevention and Early Intervention" and its text; the section that introduces the
/// figures has them after <see cref="Text"/>, followed by <see cref="TextAfterFigures"/>.
/// </summary>
public sealed record ReportBriefingSection(int Number, string Heading, string? Text, bool Figures = false, string? TextAfterFigures = null)
{
    public string NumberedHeading => $"{Number}. {Heading}";
}

/// <summary>One district's figure in a briefing ("South: 40").</summary>
public sealed record ReportBriefingFigure(string Label, decimal? Value);
