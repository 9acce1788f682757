namespace SaferPlan.Core.Monitoring;

/// <summary>
/// A task group's quarterly report to the Board (seed 001's pages per priority): its lead officer, key achievements,
/// areas of concern, recommendations, items for publicity, and its figure tables.
/// </summary>
public sealed class TaskGroupReport : VersionedEntity
{
    public int PartnershipId { get; set; }

    public ReportingPeriod Period { get; set; }

    /// <summary>The priority the report is about, when it is one of the plan's priorities.</summary>
    public int? PriorityId { get; set; }

    public Priority? Priority { get; set; }

    /// <summary>The task group that writes it.</summary>
    public int? BodyId { get; set; }

    /// <summary>"Priority 2: Reducing Re-offending", "Update on Anti Social Behaviour".</summary>
    public required string Title { get; set; }

    /// <summary>The lead officer's name as the Board report prints it, when it is not (only) the name of <see cref="LeadOfficer"/>.</summary>
    public string? LeadOfficerName { get; set; }

    /// <summary>The person who leads the report: they may write it, as support officers and administrators may.</summary>
    public int? LeadOfficerId { get; set; }

    public Person? LeadOfficer { get; set; }

    /// <summary>The name shown as the report's lead officer: the name written for it, else its lead officer's as documents print it.</summary>
    public string? LeadOfficerShown => string.IsNullOrWhiteSpace(LeadOfficerName) ? LeadOfficer?.PrintedName : LeadOfficerName.Trim();

    public string? Achievements { get; set; }

    public ProtectiveMarking AchievementsMarking { get; set; }

    public string? Concerns { get; set; }

    public ProtectiveMarking ConcernsMarking { get; set; }

    public string? Recommendations { get; set; }

    public ProtectiveMarking RecommendationsMarking { get; set; }

    /// <summary>Items for publicity are published, so they are never protectively marked.</summary>
    public string? PublicityItems { get; set; }

    public int SortOrder { get; set; }

    public List<FigureTable> Figures { get; set; } = [];
}

/// <summary>
/// A table of figures in a task group report, its rows and columns defined by the group: "ASB Task Group Stats" with
/// new cases, individuals, areas and families. With <see cref="YearToDate"/> the report also shows each figure summed
/// over the quarters of the year so far, from the same table in earlier reports.
/// </summary>
public sealed class FigureTable : VersionedEntity
{
    public int ReportId { get; set; }

    public required string Title { get; set; }

    /// <summary>JSON array of column headings, e.g. ["PPO", "DIP"] or ["This quarter"].</summary>
    public required string Columns { get; set; }

    /// <summary>JSON array of rows: { "label": "New cases", "values": [5] }, a value per column (null when not given).</summary>
    public required string Rows { get; set; }

    public bool YearToDate { get; set; }

    /// <summary>Shown as a bar chart as well as a table, as a partner's update draws its figures (the DAAT's treatment numbers).</summary>
    public bool Chart { get; set; }

    /// <summary>A line under the table, e.g. figures the group reported in another shape.</summary>
    public string? Note { get; set; }

    public int SortOrder { get; set; }

    public ProtectiveMarking Marking { get; set; }
}

/// <summary>
/// A county-wide partner's quarterly briefing (the domestic abuse partnership in seed 001), written once and shared
/// into the Board reports of every partnership its body serves.
/// </summary>
public sealed class PartnerBriefing : VersionedEntity
{
    public int BodyId { get; set; }

    public ReportingPeriod Period { get; set; }

    public required string Title { get; set; }

    /// <summary>Whom the briefing is addressed to, its "To:" line: "Cambridgeshire Community Safety / Crime and Disorder Reduction Partnerships".</summary>
    public string? ToLine { get; set; }

    public string? FromName { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public string? Purpose { get; set; }

    public string? Background { get; set; }

    /// <summary>
    /// Further sections: a line starting "## " is a heading, the text below it the section. A line "[figures]" places
    /// the figures within a section, where the briefing's own text introduces them.
    /// </summary>
    public string? Sections { get; set; }

    public string? FiguresTitle { get; set; }

    /// <summary>JSON array of { "label": "South", "value": 40 }: figures per district.</summary>
    public string? Figures { get; set; }

    public string? Risks { get; set; }

    public string? Recommendations { get; set; }

    public ProtectiveMarking Marking { get; set; }
}
