using SaferPlan.Core.Crime;

namespace SaferPlan.Core.Indicators;

public enum IndicatorUnit
{
    Count,
    Percentage,
    RatePer1000Residents,
    RatePer1000Dwellings,
    Money,

    /// <summary>A reduction in per cent on an earlier figure ("a 46% reduction in offending"); a negative value is an increase.</summary>
    PercentageReduction,
}

public enum Polarity
{
    LowerIsBetter,
    HigherIsBetter,
}

public enum IndicatorFrequency
{
    Monthly,
    Quarterly,
    Yearly,
}

/// <summary>Where an indicator's values come from.</summary>
public enum IndicatorSource
{
    /// <summary>Entered by hand each period, with a source and comment.</summary>
    Manual,

    /// <summary>Computed from recorded crime over the partnership's area: a crime type or group, optionally per 1,000 residents or dwellings.</summary>
    RecordedCrime,
}

/// <summary>A measure a partnership judges itself by: NI16, NI32, or a local one.</summary>
public sealed class Indicator : VersionedEntity
{
    public int PartnershipId { get; set; }

    /// <summary>"NI16", "NI32", "LOCAL-PPO".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public IndicatorUnit Unit { get; set; }

    public Polarity Polarity { get; set; }

    public IndicatorFrequency Frequency { get; set; }

    public IndicatorSource Source { get; set; }

    /// <summary>For a recorded-crime indicator: one crime type, or else <see cref="CrimeGroupId"/>.</summary>
    public short? CrimeTypeId { get; set; }

    public CrimeType? CrimeType { get; set; }

    public int? CrimeGroupId { get; set; }

    public CrimeGroup? CrimeGroup { get; set; }

    /// <summary>For a rate: what the count is divided by (per 1,000).</summary>
    public DenominatorKind? Denominator { get; set; }

    public int SortOrder { get; set; }

    public List<IndicatorValue> Values { get; set; } = [];

    public List<IndicatorBaseline> Baselines { get; set; } = [];

    public List<IndicatorTarget> Targets { get; set; } = [];

    /// <summary>The first month (yyyymm) of the period SPC process limits are computed from; null for every point.</summary>
    public int? SpcBaselineFromMonth { get; set; }

    /// <summary>The last month (yyyymm) of the period SPC process limits are computed from.</summary>
    public int? SpcBaselineToMonth { get; set; }
}

/// <summary>A value, baseline or target: a versioned part of one indicator, edited and deleted the same way.</summary>
public interface IIndicatorPart : IVersioned
{
    int IndicatorId { get; }
}

/// <summary>
/// A value of an indicator for a span of months: a month, a quarter, a financial year or any rolling 12
/// months. Months are written yyyymm (201004 = April 2010) and both ends are included.
/// Manual values carry their source and a comment; the audit trail keeps every earlier value.
/// </summary>
public sealed class IndicatorValue : VersionedEntity, IIndicatorPart
{
    public int IndicatorId { get; set; }

    public int FromMonth { get; set; }

    public int ToMonth { get; set; }

    public decimal Value { get; set; }

    public string? Source { get; set; }

    public string? Comment { get; set; }

    public string? EnteredBy { get; set; }

    public DateTimeOffset EnteredAt { get; set; }
}

/// <summary>The value a target is measured from, e.g. the 2008/09 burglary rate.</summary>
public sealed class IndicatorBaseline : VersionedEntity, IIndicatorPart
{
    public int IndicatorId { get; set; }

    public int FromMonth { get; set; }

    public int ToMonth { get; set; }

    /// <summary>Null for a recorded-crime indicator whose baseline is computed from the crime data.</summary>
    public decimal? Value { get; set; }

    public string? Source { get; set; }
}

public enum TargetKind
{
    /// <summary>Lower than the baseline value.</summary>
    BelowBaseline,

    /// <summary>Higher than the baseline value.</summary>
    AboveBaseline,

    /// <summary>No more than <see cref="IndicatorTarget.Number"/>.</summary>
    AtMost,

    /// <summary>No less than <see cref="IndicatorTarget.Number"/>.</summary>
    AtLeast,

    /// <summary>A change on the baseline of <see cref="IndicatorTarget.Number"/> per cent (negative for a reduction).</summary>
    PercentChangeOnBaseline,

    /// <summary>The plan says there will be a target for the year but not yet what it is: shown as "To be confirmed" (seed 003).</summary>
    ToBeConfirmed,
}

/// <summary>
/// What an indicator should reach in one financial year. A value that misses the target by no more than
/// <see cref="AmberTolerance"/> (in the indicator's own unit) is Amber; further is Red.
/// </summary>
public sealed class IndicatorTarget : VersionedEntity, IIndicatorPart
{
    public int IndicatorId { get; set; }

    /// <summary>The financial year the target is for: 2010 for 2010/11.</summary>
    public int Year { get; set; }

    public TargetKind Kind { get; set; }

    public decimal? Number { get; set; }

    public decimal AmberTolerance { get; set; }

    /// <summary>The baseline it is measured against, for the baseline kinds.</summary>
    public int? BaselineId { get; set; }

    public IndicatorBaseline? Baseline { get; set; }

    /// <summary>The target as the plan words it: "no more than 130 first time entrants".</summary>
    public string? Wording { get; set; }
}

/// <summary>An indicator shown against a priority or a milestone of a plan.</summary>
public sealed class IndicatorLink : IAudited
{
    public int Id { get; set; }

    public int IndicatorId { get; set; }

    public Indicator Indicator { get; set; } = null!;

    public int? PriorityId { get; set; }

    public int? MilestoneId { get; set; }
}
