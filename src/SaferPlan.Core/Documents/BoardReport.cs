namespace SaferPlan.Core.Documents;

/// <summary>Who a Board report is for: the Board itself (everything), or publication (nothing Restricted).</summary>
public enum ReportAudience
{
    Full,
    Public,
}

/// <summary>What to build: a partnership's report for one quarter, for an audience, with the Board meeting's date if known.</summary>
public sealed record BoardReportOptions(string PartnershipSlug, ReportingPeriod Period, ReportAudience Audience = ReportAudience.Full, DateOnly? MeetingDate = null);

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
    bool IncludesRestricted)
{
    /// <summary>The action plans of the task groups serving the partnership, shown before the briefings.</summary>
    public IReadOnlyList<ReportPartnerPlan> PartnerPlans { get; init; } = [];

    public const string DocumentTitle = "Performance Report";

    internal static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"Quarter 4 January 2011–March 2011".</summary>
    public string QuarterHeading => QuarterHeadingOf(Period);

    /// <summary>The protective marking of the whole document: Restricted when anything in it is.</summary>
    public string Marking => IncludesRestricted ? "Restricted" : "Official";

    /// <summary>The heading of the action plan tables' last column: "Q4 update".</summary>
    public string UpdateHeading => $"Q{Period.Quarter} update";

    public string? MeetingDateText => MeetingDate is { } date ? Dates.Display(date) : null;

    /// <summary>Said near the top when a linked indicator's value rests on synthetic crime data, as the crime pages say it.</summary>
    public string? SyntheticCrimeNotice => Priorities.Any(p => p.Indicators.Any(i => i.Synthetic))
        ? Crime.CrimeStatistics.SyntheticIndicatorNotice
        : null;

    /// <summary>"south-cambridgeshire-performance-2010-11-q4.docx".</summary>
    public string FileName(string extension) => FileNameOf(PartnershipSlug, Period, extension);

    public static string FileNameOf(string partnershipSlug, ReportingPeriod period, string extension) =>
        $"{partnershipSlug}-performance-{period.Slug}.{extension}";

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
    public IEnumerable<string> AllColumns => Columns.Concat(YearToDateColumns);
}

public sealed record ReportFigureRow(string Label, IReadOnlyList<decimal?> Values, IReadOnlyList<decimal?> YearToDate)
{
    public IEnumerable<decimal?> AllValues => Values.Concat(YearToDate);

    public static string Format(decimal? value) => value?.ToString("#,##0.##", BoardReport.EnGb) ?? "–";
}

/// <summary>An action of the plan as a block of rows in the action plan table, one row per milestone.</summary>
public sealed record ReportAction(
    string Number,
    string Text,
    string? LeadAgency,
    string? OtherPartners,
    string? CrossReference,
    string? Note,
    bool Restricted,
    IReadOnlyList<ReportMilestone> Milestones);

public sealed record ReportMilestone(string Code, string Text, string? Lead, bool Restricted, ReportUpdate? Update);

/// <summary>
/// A milestone's update for the quarter: the lead officer's words, the measured value and the status. In the Board's own
/// version an update submitted but not yet accepted is there, marked as awaiting review; the public version has none.
/// </summary>
public sealed record ReportUpdate(string? Progress, string? Value, string Status, bool Restricted, bool AwaitingReview = false)
{
    public const string AwaitingReviewText = "Awaiting review";
}

/// <summary>
/// What a reader's request for a Board report gives: the report; or, when the partnership is there but the quarter is not
/// published and the reader is not a member, no report and the latest published quarter (if any) to offer instead.
/// </summary>
public sealed record BoardReportOutcome(BoardReport? Report, bool PartnershipFound, ReportingPeriod? LatestPublished)
{
    public bool NotPublished => PartnershipFound && Report is null;
}

/// <summary>A county-wide partner's briefing shared into the report ("State of the Partnership Briefing").</summary>
public sealed record ReportBriefing(
    string Title,
    string? From,
    DateOnly? IssuedOn,
    IReadOnlyList<ReportPart> Sections,
    string? FiguresTitle,
    IReadOnlyList<ReportBriefingFigure> Figures,
    IReadOnlyList<ReportPart> Closing,
    bool Restricted)
{
    public string? IssuedOnText => IssuedOn is { } date ? Dates.Display(date) : null;
}

/// <summary>One district's figure in a briefing ("South: 40").</summary>
public sealed record ReportBriefingFigure(string Label, decimal? Value);
