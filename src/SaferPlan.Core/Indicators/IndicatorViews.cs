namespace SaferPlan.Core.Indicators;

/// <summary>A value that was replaced: what it was, and who replaced it when (from the audit trail).</summary>
public sealed record EarlierValue(string? Value, string? Source, string? Comment, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>A baseline with its value: entered, or for a recorded-crime indicator computed from the crime data.</summary>
public sealed record IndicatorBaselineView(IndicatorBaseline Baseline, MonthSpan Span, decimal? Value, bool Computed, string ValueText, string? Note)
{
    /// <summary>Computed from recorded crime of which some month was loaded from a synthetic file.</summary>
    public bool Synthetic { get; init; }
}

/// <summary>A year's target with the baseline it is measured from.</summary>
public sealed record IndicatorTargetView(IndicatorTarget Target, IndicatorBaselineView? Baseline, string Description)
{
    public string YearLabel => ReportingPeriod.Year(Target.Year).Display;

    public TargetTerms Terms => new(Target.Kind, Target.Number, Target.AmberTolerance, Baseline?.Value, Baseline?.Span.Display);
}

/// <summary>One value of an indicator for a span of months, judged against its year's target.</summary>
public sealed record IndicatorValueView(
    int? Id,
    MonthSpan Span,
    decimal? Value,
    string ValueText,
    bool Computed,
    string? Source,
    string? Comment,
    string? EnteredBy,
    DateTimeOffset? EnteredAt,
    int Version,
    IndicatorTargetView? Target,
    IndicatorJudgement Judgement,
    IReadOnlyList<EarlierValue> Earlier)
{
    /// <summary>Computed from recorded crime of which some month was loaded from a synthetic file.</summary>
    public bool Synthetic { get; init; }
}

/// <summary>A priority or milestone an indicator is shown against.</summary>
public sealed record IndicatorLinkView(int Id, int? PriorityId, int? MilestoneId, string Text, int EditionId, string EditionYear);

/// <summary>A row of a partnership's indicators table: the latest value and how it stands.</summary>
public sealed record IndicatorSummary(Indicator Indicator, IndicatorValueView? Latest, IndicatorTargetView? Target)
{
    public IndicatorJudgement Judgement => Latest?.Judgement ?? new IndicatorJudgement(IndicatorStatus.NoData, "No value yet: no data.");

    public bool Synthetic => Latest?.Synthetic == true;
}

/// <summary>Everything about one indicator: definition, baselines, targets per year, values with their statuses, and links.</summary>
public sealed record IndicatorDetail(
    Indicator Indicator,
    int PartnershipId,
    string PartnershipSlug,
    string PartnershipName,
    string Definition,
    IReadOnlyList<IndicatorBaselineView> Baselines,
    IReadOnlyList<IndicatorTargetView> Targets,
    IReadOnlyList<IndicatorValueView> Values,
    IReadOnlyList<IndicatorLinkView> Links)
{
    public bool Synthetic => Values.Any(v => v.Synthetic) || Baselines.Any(b => b.Synthetic);

    /// <summary>The year-end forecast against the current year's target; null when there is none to make.</summary>
    public Statistics.IndicatorForecast? Forecast { get; init; }
}

/// <summary>An indicator linked to a priority (directly or through one of its milestones), as the dashboard and the Board report show it.</summary>
public sealed record LinkedIndicator(
    int IndicatorId,
    string Code,
    string Name,
    int PriorityId,
    string? MilestoneCode,
    string? Period,
    string ValueText,
    string? TargetText,
    IndicatorStatus Status,
    string Sentence)
{
    public string StatusText => IndicatorEvaluation.Text(Status);

    public string TagClass => IndicatorEvaluation.TagClass(Status);

    /// <summary>Its value was computed from recorded crime of which some month was loaded from a synthetic file.</summary>
    public bool Synthetic { get; init; }

    /// <summary>For a recorded-crime indicator, its 12 months against the 12 before, tested: "The 12 months to March 2011 against the 12 before: rose 7.9%, not a significant change."</summary>
    public string? Change { get; init; }

    /// <summary>The year-end forecast against the year's target as at the same month; null when there is none to make.</summary>
    public Statistics.IndicatorForecast? Forecast { get; init; }

    /// <summary>SPC over its points up to the report's month: the variation icon (null with too few points).</summary>
    public Statistics.SpcVariation? SpcVariation { get; init; }

    /// <summary>SPC: the assurance icon, where there is a target.</summary>
    public Statistics.SpcAssurance? SpcAssurance { get; init; }

    /// <summary>SPC in words: "Common cause variation: no significant change. Hit and miss: …".</summary>
    public string SpcText { get; init; } = "";
}
