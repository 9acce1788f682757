namespace SaferPlan.Core.Indicators;

/// <summary>
/// An indicator's definition as a form or the API sends it. A recorded-crime indicator names one police.uk crime
/// type ("Burglary") or one of the partnership's crime groups by key ("serious-acquisitive-crime"); its unit says
/// whether it is a count or a rate per 1,000 residents or dwellings.
/// </summary>
public sealed record IndicatorInput
{
    public string? Code { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public IndicatorUnit? Unit { get; init; }

    public Polarity? Polarity { get; init; }

    public IndicatorFrequency? Frequency { get; init; }

    public IndicatorSource? Source { get; init; }

    public string? CrimeType { get; init; }

    public string? CrimeGroup { get; init; }
}

/// <summary>A manual value: its period as <see cref="MonthSpan.TryParse"/> reads it, the figure, where it came from and a comment.</summary>
public sealed record IndicatorValueInput
{
    public string? Period { get; init; }

    public decimal? Value { get; init; }

    public string? Source { get; init; }

    public string? Comment { get; init; }
}

/// <summary>A baseline: its period and value (left empty for a recorded-crime indicator, whose baseline is computed).</summary>
public sealed record IndicatorBaselineInput
{
    public string? Period { get; init; }

    public decimal? Value { get; init; }

    public string? Source { get; init; }
}

/// <summary>A year's target: the financial year ("2010/11"), kind, number, amber tolerance, baseline and the plan's wording.</summary>
public sealed record IndicatorTargetInput
{
    public string? Year { get; init; }

    public TargetKind? Kind { get; init; }

    public decimal? Number { get; init; }

    public decimal? AmberTolerance { get; init; }

    public int? BaselineId { get; init; }

    public string? Wording { get; init; }
}

/// <summary>A link from an indicator to a priority or to a milestone (one of them).</summary>
public sealed record IndicatorLinkInput
{
    public int? PriorityId { get; init; }

    public int? MilestoneId { get; init; }
}
