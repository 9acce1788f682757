namespace SaferPlan.Core.Statistics;

/// <summary>Which way a measure improves: NHSRplotthedots' <c>improvement_direction</c>.</summary>
public enum SpcDirection
{
    /// <summary>Neither way is better: special causes are shown, but not judged.</summary>
    Neutral,
    Increase,
    Decrease,
}

/// <summary>The special-cause rules of "Making Data Count".</summary>
public enum SpcRule
{
    /// <summary>A point above the upper or below the lower process limit.</summary>
    PointBeyondLimit,

    /// <summary>A point in a run of 7 or more consecutive points on the same side of the mean.</summary>
    RunOfSeven,

    /// <summary>A point in 7 or more consecutive points each strictly higher (or each strictly lower) than the one before.</summary>
    TrendOfSeven,

    /// <summary>A point beyond two-thirds of the way to a limit, with at least one other of 3 consecutive points on the same side doing so too.</summary>
    TwoOfThreeNearLimit,
}

/// <summary>How a special-cause point is judged by the measure's direction of improvement.</summary>
public enum SpcSignal
{
    Improvement,
    Concern,

    /// <summary>Special cause high, for a measure where neither direction is better.</summary>
    NeutralHigh,

    /// <summary>Special cause low, for a measure where neither direction is better.</summary>
    NeutralLow,
}

/// <summary>The variation icon, read from the last point as NHSRplotthedots does.</summary>
public enum SpcVariation
{
    CommonCause,
    SpecialCauseImproving,
    SpecialCauseConcerning,
    SpecialCauseNeutralHigh,
    SpecialCauseNeutralLow,
}

/// <summary>The assurance icon: where the target lies against the process limits.</summary>
public enum SpcAssurance
{
    ConsistentlyPassing,
    ConsistentlyFailing,
    HitAndMiss,
}

/// <summary>One point of a series: its period's label and its value.</summary>
public sealed record SpcInput(string Period, double Value);

/// <summary>
/// How to compute: the direction of improvement, the points the limits are computed from (first and last index,
/// both included; null for all points), the target (null for none) and whether to screen moving ranges (default on,
/// as NHSRplotthedots' <c>screen_outliers = TRUE</c>).
/// </summary>
public sealed record SpcOptions(SpcDirection Direction, int? BaselineFirst = null, int? BaselineLast = null, double? Target = null, bool ScreenOutliers = true);

/// <summary>A point with its moving range, the rules it meets and its signal (null for common cause).</summary>
public sealed record SpcPoint(string Period, double Value, double? MovingRange, IReadOnlyList<SpcRule> Rules, SpcSignal? Signal)
{
    /// <summary>NHSRplotthedots' <c>special_cause_type</c>: the one rule that names the point ("Above UCL", "7 Point Trend (Increasing)").</summary>
    public string SpecialCauseType { get; init; } = "Common Cause";
}

/// <summary>
/// An XmR chart. Limits are null when they could not be computed (fewer than 2 points to compute them from);
/// <see cref="Message"/> then says why, and also warns when the limits are trial limits on too few points.
/// </summary>
public sealed record SpcResult(
    double? Mean,
    double? LowerLimit,
    double? UpperLimit,
    double? MeanMovingRange,
    IReadOnlyList<SpcPoint> Points,
    SpcVariation? Variation,
    SpcAssurance? Assurance,
    int BaselineFirst,
    int BaselineLast,
    string? Message)
{
    public double? LowerNearLimit => Mean - (Spc.NearLimitFactor * MeanMovingRange);

    public double? UpperNearLimit => Mean + (Spc.NearLimitFactor * MeanMovingRange);
}

/// <summary>
/// Statistical process control the NHS "Making Data Count" way, agreeing with the NHS-R community's NHSRplotthedots
/// (ptd_spc, default options) point for point: the mean and the mean moving range from the baseline points (all
/// points unless a baseline is fixed, as its <c>fix_after_n_points</c>); moving ranges of 3.267 × their mean or more
/// screened out and the mean moving range recomputed; process limits at mean ± 2.66 × the mean moving range; a
/// point beyond a limit (strictly); 7 points in a row on one side of the mean (a point on the mean breaks a run);
/// 7 points each strictly above (below) the one before; 2 of 3 consecutive points on the same side of the mean
/// beyond two-thirds of the way to a limit but not beyond it (only those points are marked). A point meeting
/// several rules is named by the first of: beyond a limit, trend, 2 of 3, run — as NHSRplotthedots does — and its
/// signal follows that rule. Arithmetic is in double, as R's is, so that comparisons with the limits agree with it.
/// </summary>
public static class Spc
{
    public const double LimitFactor = 2.66;
    public const double NearLimitFactor = 2 * (LimitFactor / 3);
    public const double ScreeningFactor = 3.267;

    /// <summary>NHSRplotthedots warns of trial limits below this many points (its code's default threshold is 13: it warns for 12 or fewer).</summary>
    public const int TrialLimitsBelow = 13;

    /// <summary>The fewest baseline points NHSRplotthedots accepts for <c>fix_after_n_points</c>.</summary>
    public const int FewestBaselinePoints = 12;

    private const int RunLength = 7;

    public const string Method =
        "Statistical process control as NHS England's \"Making Data Count\" and the NHS-R community's NHSRplotthedots (default options) "
        + "compute it: an XmR chart whose mean and mean moving range come from every point unless a baseline period is fixed; moving "
        + "ranges of 3.267 times their mean or more are screened out before the mean moving range is recomputed; the process limits "
        + "are the mean plus and minus 2.66 times the mean moving range. A point is special cause when it lies beyond a limit, is one "
        + "of 7 or more points in a row on one side of the mean, one of 7 or more points each higher (or each lower) than the one "
        + "before, or one of 2 of 3 points in a row on the same side beyond two-thirds of the way to a limit. Each is improvement or "
        + "concern by the indicator's direction of good. The variation icon is read from the latest point; the assurance icon says "
        + "whether the target lies outside the process limits (consistently passing or failing) or between them (hit and miss).";

    public static SpcResult Calculate(IReadOnlyList<SpcInput> series, SpcOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        var n = series.Count;
        var first = Math.Clamp(options.BaselineFirst ?? 0, 0, Math.Max(0, n - 1));
        var last = Math.Clamp(options.BaselineLast ?? (n - 1), first, Math.Max(0, n - 1));
        var baselineCount = n == 0 ? 0 : last - first + 1;
        if (baselineCount < 2)
        {
            var message = n < 2
                ? $"There {(n == 1 ? "is 1 point" : "are no points")}: an SPC chart needs at least 2 to compute its limits, and 12 or more to be reliable."
                : "The baseline has fewer than 2 points: fix a longer baseline for the process limits to be computed.";
            var bare = series.Select(p => new SpcPoint(p.Period, p.Value, null, [], null)).ToList();
            return new SpcResult(null, null, null, null, bare, null, null, first, last, message);
        }

        var y = series.Select(p => p.Value).ToArray();
        var mean = Average(y.Skip(first).Take(baselineCount));
        var ranges = MovingRanges(y);
        var meanRange = MeanRange(ranges, first, baselineCount, options.ScreenOutliers);
        var limits = new Limits(mean, meanRange);
        var points = Points(series, y, ranges, limits, options.Direction);
        var variation = Variation(points[^1].Signal);
        var assurance = Assurance(options, limits);
        var notes = Notes(n, baselineCount, meanRange, options);
        return new SpcResult(mean, Finite(limits.Lower), Finite(limits.Upper), Finite(meanRange), points, variation, assurance, first, last,
            notes.Count == 0 ? null : string.Join(" ", notes));
    }

    /// <summary>The process's mean and mean moving range, and the limits drawn from them.</summary>
    private sealed record Limits(double Mean, double MeanRange)
    {
        public double Upper { get; } = Mean + (LimitFactor * MeanRange);
        public double Lower { get; } = Mean - (LimitFactor * MeanRange);
        public double NearUpper { get; } = Mean + (NearLimitFactor * MeanRange);
        public double NearLower { get; } = Mean - (NearLimitFactor * MeanRange);
    }

    /// <summary>Each point's moving range: its distance from the point before (none for the first).</summary>
    private static double?[] MovingRanges(double[] y)
    {
        var ranges = new double?[y.Length];
        for (var i = 1; i < y.Length; i++)
        {
            ranges[i] = Math.Abs(y[i] - y[i - 1]);
        }

        return ranges;
    }

    /// <summary>The mean of the baseline's moving ranges, screened of outliers if asked.</summary>
    private static double MeanRange(double?[] ranges, int first, int baselineCount, bool screenOutliers)
    {
        var baselineRanges = Enumerable.Range(first + 1, baselineCount - 1).Select(i => ranges[i]!.Value).ToList();
        var meanRange = Average(baselineRanges);
        if (screenOutliers)
        {
            // NHSRplotthedots keeps a moving range only when strictly below 3.267 × their mean: a constant baseline keeps none, and its limits are NaN.
            var cut = ScreeningFactor * meanRange;
            meanRange = Average(baselineRanges.Where(r => r < cut));
        }

        return meanRange;
    }

    /// <summary>Each point with the rules it meets and the signal they give.</summary>
    private static List<SpcPoint> Points(IReadOnlyList<SpcInput> series, double[] y, double?[] ranges, Limits limits, SpcDirection direction)
    {
        var n = y.Length;
        var outside = new bool[n];
        var side = new int[n];
        var close = new bool[n];
        for (var i = 0; i < n; i++)
        {
            outside[i] = y[i] > limits.Upper || y[i] < limits.Lower;
            side[i] = Math.Sign(y[i] - limits.Mean);
            close[i] = !outside[i] && (y[i] < limits.NearLower || y[i] > limits.NearUpper);
        }

        var inTrend = PartOfRun(TrendEnds(y));
        var inRun = PartOfRun(RunEnds(side));
        var inTwoOfThree = TwoOfThree(close, side);

        var points = new List<SpcPoint>(n);
        for (var i = 0; i < n; i++)
        {
            var rules = Rules(outside[i], inRun[i], inTrend[i], inTwoOfThree[i]);
            var (type, high) = SpecialCauseType(i, y, side, outside, inTrend, inTwoOfThree, inRun);
            SpcSignal? signal = high is { } h ? Judge(h, direction) : null;
            var range = ranges[i];
            points.Add(new SpcPoint(series[i].Period, y[i], range, rules, signal) { SpecialCauseType = type });
        }

        return points;
    }

    private static List<SpcRule> Rules(bool outside, bool inRun, bool inTrend, bool inTwoOfThree)
    {
        var rules = new List<SpcRule>();
        if (outside)
        {
            rules.Add(SpcRule.PointBeyondLimit);
        }

        if (inRun)
        {
            rules.Add(SpcRule.RunOfSeven);
        }

        if (inTrend)
        {
            rules.Add(SpcRule.TrendOfSeven);
        }

        if (inTwoOfThree)
        {
            rules.Add(SpcRule.TwoOfThreeNearLimit);
        }

        return rules;
    }

    /// <summary>The variation icon, read from the latest point's signal.</summary>
    private static SpcVariation Variation(SpcSignal? latest) => latest switch
    {
        SpcSignal.Improvement => SpcVariation.SpecialCauseImproving,
        SpcSignal.Concern => SpcVariation.SpecialCauseConcerning,
        SpcSignal.NeutralHigh => SpcVariation.SpecialCauseNeutralHigh,
        SpcSignal.NeutralLow => SpcVariation.SpecialCauseNeutralLow,
        _ => SpcVariation.CommonCause,
    };

    private static SpcAssurance? Assurance(SpcOptions options, Limits limits)
    {
        if (options.Target is not { } target || options.Direction == SpcDirection.Neutral)
        {
            return null;
        }

        // As NHSRplotthedots: a target strictly above the upper limit, or strictly below the lower, is always met or always missed; otherwise (NaN limits included) hit and miss.
        var increasing = options.Direction == SpcDirection.Increase;
        return target > limits.Upper ? (increasing ? SpcAssurance.ConsistentlyFailing : SpcAssurance.ConsistentlyPassing)
            : target < limits.Lower ? (increasing ? SpcAssurance.ConsistentlyPassing : SpcAssurance.ConsistentlyFailing)
            : SpcAssurance.HitAndMiss;
    }

    /// <summary>Warnings about how far the limits can be trusted.</summary>
    private static List<string> Notes(int n, int baselineCount, double meanRange, SpcOptions options)
    {
        var notes = new List<string>();
        if (n < TrialLimitsBelow)
        {
            notes.Add($"There are only {n} points: fewer than 12 give trial limits, which will change with each new point (NHSRplotthedots warns of this too).");
        }

        if (options.BaselineFirst is not null || options.BaselineLast is not null)
        {
            if (baselineCount < FewestBaselinePoints)
            {
                notes.Add($"The baseline has only {baselineCount} points: at least 12 are needed for reliable limits.");
            }
        }

        if (double.IsNaN(meanRange))
        {
            notes.Add("The baseline's values do not vary, so there are no process limits.");
        }

        return notes;
    }

    public static string Text(SpcVariation variation) => variation switch
    {
        SpcVariation.SpecialCauseImproving => "Special cause variation: improving",
        SpcVariation.SpecialCauseConcerning => "Special cause variation: concerning",
        SpcVariation.SpecialCauseNeutralHigh => "Special cause variation: higher, neither better nor worse",
        SpcVariation.SpecialCauseNeutralLow => "Special cause variation: lower, neither better nor worse",
        _ => "Common cause variation: no significant change",
    };

    /// <summary>A symbol for the variation, shown beside its words (never instead of them): ▲ improving, ▼ concerning, ◆ neither, ● common cause.</summary>
    public static string Mark(SpcVariation? variation) => variation switch
    {
        SpcVariation.SpecialCauseImproving => "▲",
        SpcVariation.SpecialCauseConcerning => "▼",
        SpcVariation.SpecialCauseNeutralHigh or SpcVariation.SpecialCauseNeutralLow => "◆",
        SpcVariation.CommonCause => "●",
        _ => "–",
    };

    public static string Text(SpcAssurance assurance) => assurance switch
    {
        SpcAssurance.ConsistentlyPassing => "Consistently passing the target",
        SpcAssurance.ConsistentlyFailing => "Consistently failing the target",
        _ => "Hit and miss: the target lies between the process limits",
    };

    public static string Text(SpcRule rule) => rule switch
    {
        SpcRule.PointBeyondLimit => "beyond a process limit",
        SpcRule.RunOfSeven => "7 or more in a row on one side of the mean",
        SpcRule.TrendOfSeven => "7 or more in a row rising or falling",
        _ => "2 of 3 beyond two-thirds of the way to a limit",
    };

    /// <summary>The rule's name in the API: "pointBeyondLimit", "runOfSeven", "trendOfSeven", "twoOfThreeNearLimit".</summary>
    public static string Key(SpcRule rule)
    {
        var name = rule.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static double Average(IEnumerable<double> values)
    {
        var list = values as IReadOnlyCollection<double> ?? values.ToList();
        return list.Count == 0 ? double.NaN : list.Sum() / list.Count;
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>+1 (−1) at a point that ends 7 points each strictly higher (lower) than the one before; 0 elsewhere.</summary>
    private static int[] TrendEnds(double[] y)
    {
        var ends = new int[y.Length];
        for (var i = RunLength - 1; i < y.Length; i++)
        {
            var up = true;
            var down = true;
            for (var k = 0; k < RunLength - 1; k++)
            {
                up &= y[i - k] > y[i - k - 1];
                down &= y[i - k] < y[i - k - 1];
            }

            ends[i] = up ? 1 : down ? -1 : 0;
        }

        return ends;
    }

    /// <summary>1 at a point that ends 7 points on the same side of the mean (none on it); 0 elsewhere.</summary>
    private static int[] RunEnds(int[] side)
    {
        var ends = new int[side.Length];
        for (var i = RunLength - 1; i < side.Length; i++)
        {
            var same = side[i] != 0;
            for (var k = 1; k < RunLength && same; k++)
            {
                same = side[i - k] == side[i];
            }

            ends[i] = same ? 1 : 0;
        }

        return ends;
    }

    /// <summary>A point is part of a run when a run ends at it or at one of the 6 points after it.</summary>
    private static bool[] PartOfRun(int[] ends)
    {
        var part = new bool[ends.Length];
        for (var i = 0; i < ends.Length; i++)
        {
            for (var k = 0; k < RunLength && i + k < ends.Length; k++)
            {
                part[i] |= ends[i + k] != 0;
            }
        }

        return part;
    }

    /// <summary>A point near a limit that is in some 3 consecutive points, all on one side of the mean, at least 2 of them near a limit.</summary>
    private static bool[] TwoOfThree(bool[] close, int[] side)
    {
        var n = close.Length;
        var part = new bool[n];
        for (var i = 0; i < n; i++)
        {
            if (!close[i])
            {
                continue;
            }

            for (var start = i - 2; start <= i && !part[i]; start++)
            {
                if (start < 0 || start + 2 >= n)
                {
                    continue;
                }

                var near = 0;
                var sides = 0;
                for (var k = start; k < start + 3; k++)
                {
                    near += close[k] ? 1 : 0;
                    sides += side[k];
                }

                part[i] = near >= 2 && Math.Abs(sides) == 3;
            }
        }

        return part;
    }

    /// <summary>NHSRplotthedots' name for the point and whether it is high (true), low (false) or common cause (null).</summary>
    private static (string Type, bool? High) SpecialCauseType(int i, double[] y, int[] side, bool[] outside, bool[] inTrend, bool[] inTwoOfThree, bool[] inRun)
    {
        var above = side[i] > 0;
        if (outside[i])
        {
            return side[i] == 1 ? ("Above UCL", true) : ("Below LCL", false);
        }

        if (inTrend[i])
        {
            // Where the next point is in a trend too, the direction is the step to it; otherwise the step from the point before.
            var step = i + 1 < y.Length && inTrend[i + 1] ? Math.Sign(y[i + 1] - y[i]) : i > 0 ? Math.Sign(y[i] - y[i - 1]) : 0;
            return step == 1 ? ("7 Point Trend (Increasing)", true) : ("7 Point Trend (Decreasing)", false);
        }

        if (inTwoOfThree[i])
        {
            return above ? ("2 in 3 Above CL", true) : ("2 in 3 Below CL", false);
        }

        if (inRun[i])
        {
            return above ? ("7 Points Above CL", true) : ("7 Points Below CL", false);
        }

        return ("Common Cause", null);
    }

    private static SpcSignal Judge(bool high, SpcDirection direction) => direction switch
    {
        SpcDirection.Increase => high ? SpcSignal.Improvement : SpcSignal.Concern,
        SpcDirection.Decrease => high ? SpcSignal.Concern : SpcSignal.Improvement,
        _ => high ? SpcSignal.NeutralHigh : SpcSignal.NeutralLow,
    };
}
