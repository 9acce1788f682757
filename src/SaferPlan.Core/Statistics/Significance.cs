namespace SaferPlan.Core.Statistics;

/// <summary>The outcome of comparing two Poisson counts: the change in their rates and the exact test's two-sided p-value.</summary>
public sealed record CountComparison(int Current, int Previous, double CurrentExposure, double PreviousExposure, double? PercentChange, double PValue)
{
    public bool Significant => PValue < Significance.Level;
}

/// <summary>
/// Whether a count differs from an earlier one by more than chance: the exact conditional test on two Poisson counts.
/// Given their total n = n1 + n2, n1 ~ Binomial(n, t1 / (t1 + t2)) when both have the same rate (t1, t2 the exposures:
/// months, or residents). The two-sided p-value is by the method of small p-values (as R's binom.test): the sum of the
/// probabilities of every split of n no more likely than the one seen.
/// </summary>
public static class Significance
{
    public const double Level = 0.05;

    public const string Rule =
        "A change is significant when the exact test on the two Poisson counts gives p < 0.05: given their total, the current count "
        + "follows a binomial distribution with probability current exposure ÷ (current + previous exposure) if the rate is unchanged, "
        + "and the two-sided p-value sums the probabilities of every count no more likely than the one seen (the method of small p-values).";

    /// <summary>Compares <paramref name="current"/> with <paramref name="previous"/>, over exposures (12 months against 12 months by default).</summary>
    public static CountComparison Compare(int current, int previous, double currentExposure = 1, double previousExposure = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(current);
        ArgumentOutOfRangeException.ThrowIfNegative(previous);
        if (currentExposure <= 0 || previousExposure <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(currentExposure), "Exposures must be positive.");
        }

        double? change = previous == 0
            ? null
            : ((current / currentExposure) - (previous / previousExposure)) * 100 / (previous / previousExposure);
        return new CountComparison(current, previous, currentExposure, previousExposure, change,
            BinomialTwoSided(current, current + previous, currentExposure / (currentExposure + previousExposure)));
    }

    /// <summary>The two-sided p-value of <paramref name="k"/> successes in <paramref name="n"/> trials with probability <paramref name="p"/>, by small p-values.</summary>
    public static double BinomialTwoSided(int k, int n, double p)
    {
        if (n == 0)
        {
            return 1;
        }

        var logFactorial = new double[n + 1];
        for (var i = 1; i <= n; i++)
        {
            logFactorial[i] = logFactorial[i - 1] + Math.Log(i);
        }

        double LogPmf(int x) => logFactorial[n] - logFactorial[x] - logFactorial[n - x]
            + (x == 0 ? 0 : x * Math.Log(p)) + (x == n ? 0 : (n - x) * Math.Log(1 - p));

        // The relative tolerance R's binom.test allows, so a split exactly as likely as the one seen is counted despite rounding.
        var seen = LogPmf(k) + Math.Log(1 + 1e-7);
        var sum = 0.0;
        for (var x = 0; x <= n; x++)
        {
            var lp = LogPmf(x);
            if (lp <= seen)
            {
                sum += Math.Exp(lp);
            }
        }

        return Math.Min(1, sum);
    }

    /// <summary>"rose 7.9%, not a significant change", "fell 12.0%, a significant fall (p = 0.01)".</summary>
    public static string Describe(CountComparison c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var p = PText(c.PValue);
        if (c.PercentChange is not { } change)
        {
            return c.Current == 0
                ? "none in either period"
                : c.Significant
                    ? $"rose from none to {c.Current.ToString("N0", CultureInfo.InvariantCulture)}, a significant rise ({p})"
                    : $"rose from none to {c.Current.ToString("N0", CultureInfo.InvariantCulture)}, not a significant change";
        }

        var rounded = Math.Round(change, 1, MidpointRounding.AwayFromZero);
        var size = Math.Abs(rounded).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        if (rounded == 0)
        {
            return c.Significant ? $"unchanged at 0.0%, yet a significant change ({p})" : "unchanged, not a significant change";
        }

        var rose = rounded > 0;
        var verb = rose ? "rose" : "fell";
        return c.Significant
            ? $"{verb} {size}, a significant {(rose ? "rise" : "fall")} ({p})"
            : $"{verb} {size}, not a significant change";
    }

    /// <summary>Compares and describes in one call: "rose 7.9%, not a significant change".</summary>
    public static string Describe(int current, int previous, double currentExposure = 1, double previousExposure = 1) =>
        Describe(Compare(current, previous, currentExposure, previousExposure));

    /// <summary>"p &lt; 0.001", "p = 0.002", "p = 0.01".</summary>
    public static string PText(double p) =>
        p < 0.001 ? "p < 0.001"
        : p < 0.01 ? "p = " + p.ToString("0.000", CultureInfo.InvariantCulture)
        : "p = " + p.ToString("0.00", CultureInfo.InvariantCulture);
}
