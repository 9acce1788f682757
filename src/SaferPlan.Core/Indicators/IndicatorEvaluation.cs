namespace SaferPlan.Core.Indicators;

/// <summary>How a value stands against its year's target. Ordered worst to best after No data.</summary>
public enum IndicatorStatus
{
    NoData,

    /// <summary>A value with no target for its year to judge it by: the report shows the value and "No target".</summary>
    NoTarget,
    Red,
    Amber,
    Green,
}

/// <summary>A status and the sentence saying why: "34% against a target of at most 30%: red, missing it by 4%."</summary>
public sealed record IndicatorJudgement(IndicatorStatus Status, string Sentence)
{
    public string StatusText => IndicatorEvaluation.Text(Status);

    public string TagClass => IndicatorEvaluation.TagClass(Status);
}

/// <summary>
/// A target as it is judged: its kind and number, its amber tolerance, and the value and label of its baseline
/// (for the baseline kinds and a percentage change) once that value is known.
/// </summary>
public sealed record TargetTerms(TargetKind Kind, decimal? Number, decimal AmberTolerance, decimal? BaselineValue = null, string? BaselineLabel = null);

/// <summary>The one place that judges an indicator's value against its target.</summary>
public static class IndicatorEvaluation
{
    public const string Rule =
        "A value is judged against the target for the financial year its period ends in. It is Green when it meets the target: "
        + "at most or at least the number (a value exactly on it meets it), strictly below or above the baseline, or for a percentage "
        + "change on the baseline, at or better than the baseline changed by that percentage in the indicator's direction of good. "
        + "It is Amber when it misses the target by no more than the amber tolerance (in the indicator's own unit; a value exactly "
        + "at the target plus the tolerance is Amber, and a value level with a baseline it should be below or above misses by nothing, "
        + "so is Amber whenever there is a tolerance). It is Red when it misses by more, or misses at all when the tolerance is 0. "
        + "It is No target when there is a value but no target for the year, and No data when there is no value or no value for the target's baseline.";

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// Judges <paramref name="value"/> against <paramref name="target"/> (null: none set for <paramref name="yearLabel"/>).
    /// Polarity decides the direction only for a percentage change on the baseline: the other kinds say it themselves.
    /// </summary>
    public static IndicatorJudgement Judge(IndicatorUnit unit, Polarity polarity, decimal? value, TargetTerms? target, string yearLabel)
    {
        if (value is not { } v)
        {
            return new(IndicatorStatus.NoData, $"No value for {yearLabel} yet: no data.");
        }

        var shown = Format(v, unit);
        if (target is null)
        {
            return new(IndicatorStatus.NoTarget, $"{shown} with no target set for {yearLabel}.");
        }

        var usesBaseline = target.Kind is TargetKind.BelowBaseline or TargetKind.AboveBaseline or TargetKind.PercentChangeOnBaseline;
        var baselineName = target.BaselineLabel is null ? "baseline" : $"{target.BaselineLabel} baseline";
        if (usesBaseline && target.BaselineValue is null)
        {
            return new(IndicatorStatus.NoData, $"{shown} against a target measured from the {baselineName}, which has no value: no data.");
        }

        if (!usesBaseline && target.Number is null)
        {
            return new(IndicatorStatus.NoData, $"{shown} against a target with no number set: no data.");
        }

        var (line, down, strict, text) = Line(unit, polarity, target, baselineName);
        var shortfall = down ? v - line : line - v;
        var met = strict ? shortfall < 0 : shortfall <= 0;
        var opening = $"{shown} against a target {text}";
        if (met)
        {
            return new(IndicatorStatus.Green, $"{opening}: green.");
        }

        var tolerance = target.AmberTolerance;
        var miss = shortfall == 0 ? "level with the baseline" : $"missing it by {Format(shortfall, unit, forDifference: true)}";
        if (tolerance > 0 && shortfall <= tolerance)
        {
            return new(IndicatorStatus.Amber, $"{opening}: amber, {miss} (within the tolerance of {Format(tolerance, unit, forDifference: true)}).");
        }

        return tolerance > 0
            ? new(IndicatorStatus.Red, $"{opening}: red, {miss} (beyond the tolerance of {Format(tolerance, unit, forDifference: true)}).")
            : new(IndicatorStatus.Red, $"{opening}: red, {miss}.");
    }

    /// <summary>The value a target asks for (its line), or null while its number or baseline value is missing.</summary>
    public static decimal? TargetLine(IndicatorUnit unit, Polarity polarity, TargetTerms target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var usesBaseline = target.Kind is TargetKind.BelowBaseline or TargetKind.AboveBaseline or TargetKind.PercentChangeOnBaseline;
        return (usesBaseline && target.BaselineValue is null) || (!usesBaseline && target.Number is null)
            ? null
            : Line(unit, polarity, target, "baseline").Line;
    }

    /// <summary>The value a target asks for and in which direction: the line, whether lower is the good side, whether the line itself misses, and the words.</summary>
    private static (decimal Line, bool Down, bool Strict, string Text) Line(IndicatorUnit unit, Polarity polarity, TargetTerms target, string baselineName)
    {
        switch (target.Kind)
        {
            case TargetKind.AtMost:
                return (target.Number!.Value, true, false, $"of at most {Format(target.Number.Value, unit, forDifference: true)}");
            case TargetKind.AtLeast:
                return (target.Number!.Value, false, false, $"of at least {Format(target.Number.Value, unit, forDifference: true)}");
            case TargetKind.BelowBaseline:
                return (target.BaselineValue!.Value, true, true, $"below the {baselineName} of {Format(target.BaselineValue.Value, unit, forDifference: true)}");
            case TargetKind.AboveBaseline:
                return (target.BaselineValue!.Value, false, true, $"above the {baselineName} of {Format(target.BaselineValue.Value, unit, forDifference: true)}");
            default:
                var baseline = target.BaselineValue!.Value;
                var percent = target.Number ?? 0;
                var line = baseline * (1 + (percent / 100m));
                var down = polarity == Polarity.LowerIsBetter;
                var change = percent switch
                {
                    < 0 => $"a {Number(-percent)}% reduction on",
                    > 0 => $"a {Number(percent)}% increase on",
                    _ => "no change on",
                };
                return (line, down, false, $"of {change} the {baselineName} of {Format(baseline, unit, forDifference: true)} ({(down ? "at most" : "at least")} {Format(line, unit, forDifference: true)})");
        }
    }

    /// <summary>A value in its unit: "34%", "130", "12.1 per 1,000 dwellings", "£4,207"; a difference or target line leaves out "per 1,000 …".</summary>
    public static string Format(decimal value, IndicatorUnit unit, bool forDifference = false) => unit switch
    {
        IndicatorUnit.Percentage => $"{Number(value)}%",
        IndicatorUnit.PercentageReduction when forDifference => $"{Number(value)}%",
        IndicatorUnit.PercentageReduction => value >= 0 ? $"{Number(value)}% reduction" : $"{Number(-value)}% increase",
        IndicatorUnit.RatePer1000Residents => forDifference ? Rate(value) : $"{Rate(value)} per 1,000 residents",
        IndicatorUnit.RatePer1000Dwellings => forDifference ? Rate(value) : $"{Rate(value)} per 1,000 dwellings",
        IndicatorUnit.Money => decimal.Round(value, 0) == value ? value.ToString("£#,##0", EnGb) : value.ToString("£#,##0.00", EnGb),
        _ => Number(value),
    };

    private static string Number(decimal value) => value.ToString("#,##0.##", EnGb);

    private static string Rate(decimal value) => value.ToString("#,##0.0#", EnGb);

    /// <summary>The target in words, as the page's targets table shows it, e.g. "At most 130" or "Below the 2008/09 baseline".</summary>
    public static string Describe(TargetKind kind, decimal? number, IndicatorUnit unit, string? baselineLabel)
    {
        var baseline = baselineLabel is null ? "the baseline" : $"the {baselineLabel} baseline";
        return kind switch
        {
            TargetKind.AtMost => $"At most {(number is { } n ? Format(n, unit) : "?")}",
            TargetKind.AtLeast => $"At least {(number is { } n ? Format(n, unit) : "?")}",
            TargetKind.BelowBaseline => $"Below {baseline}",
            TargetKind.AboveBaseline => $"Above {baseline}",
            _ => number switch
            {
                < 0 => $"A {Number(-number.Value)}% reduction on {baseline}",
                > 0 => $"A {Number(number.Value)}% increase on {baseline}",
                _ => $"No change on {baseline}",
            },
        };
    }

    public static string Text(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Green => "Green",
        IndicatorStatus.Amber => "Amber",
        IndicatorStatus.NoTarget => "No target",
        IndicatorStatus.Red => "Red",
        _ => "No data",
    };

    /// <summary>The GOV.UK tag for a status; the tag always carries the status's text too.</summary>
    public static string TagClass(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Green => "govuk-tag govuk-tag--green",
        IndicatorStatus.Amber => "govuk-tag govuk-tag--orange",
        IndicatorStatus.Red => "govuk-tag govuk-tag--red",
        _ => "govuk-tag govuk-tag--grey",
    };

    public static string UnitText(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percentage => "Percentage",
        IndicatorUnit.PercentageReduction => "Percentage reduction (for example, a 46% reduction in re-offending)",
        IndicatorUnit.RatePer1000Residents => "Rate per 1,000 residents",
        IndicatorUnit.RatePer1000Dwellings => "Rate per 1,000 dwellings",
        IndicatorUnit.Money => "Money (£)",
        _ => "Count",
    };

    public static string PolarityText(Polarity polarity) =>
        polarity == Polarity.LowerIsBetter ? "Lower is better" : "Higher is better";
}
