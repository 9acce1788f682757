using MathNet.Numerics;

namespace SaferPlan.Core.Statistics;

/// <summary>An interval for a Poisson mean (a count), with its confidence.</summary>
public readonly record struct CountInterval(double Lower, double Upper)
{
    /// <summary>The interval as a rate per 1,000 of <paramref name="population"/>.</summary>
    public CountInterval PerThousand(double population) => new(Lower * 1000 / population, Upper * 1000 / population);
}

/// <summary>
/// Exact (Garwood) confidence intervals for a Poisson count, and the funnel plot's control limits around an expected count.
/// For an observed count k and confidence 1 − α, the interval is [χ²(α/2; 2k) / 2, χ²(1 − α/2; 2k + 2) / 2], the lower
/// limit 0 when k = 0. Half a chi-square quantile with 2a degrees of freedom is the gamma(a, 1) quantile, taken here from
/// Math.NET's inverse of the regularised lower incomplete gamma function.
/// </summary>
public static class PoissonInterval
{
    public const string Rule =
        "The 95% confidence interval of a count k is exact (Garwood): from half the 2.5th percentile of the chi-square distribution with 2k degrees of freedom "
        + "(0 when k is 0) to half its 97.5th percentile with 2k + 2; a rate's interval is the count's divided by the residents, per 1,000.";

    /// <summary>The exact interval of the Poisson mean given <paramref name="count"/> events, at 1 − <paramref name="alpha"/> confidence.</summary>
    public static CountInterval Exact(int count, double alpha = 0.05)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (alpha is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), "Alpha must be between 0 and 1.");
        }

        var lower = count == 0 ? 0 : GammaQuantile(count, alpha / 2);
        return new CountInterval(lower, GammaQuantile(count + 1, 1 - (alpha / 2)));
    }

    /// <summary>
    /// The funnel plot's limits for a count whose expected value is <paramref name="expected"/>: the counts an area of
    /// that size would fall between by chance alone with probability 1 − <paramref name="alpha"/> (0.05 for 95%, 0.002
    /// for 99.8%), by the same chi-square form with the expected count in place of the observed.
    /// </summary>
    public static CountInterval Limits(double expected, double alpha)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expected);
        var lower = expected <= 0 ? 0 : GammaQuantile(expected, alpha / 2);
        return new CountInterval(lower, GammaQuantile(expected + 1, 1 - (alpha / 2)));
    }

    /// <summary>The <paramref name="p"/> quantile of the gamma distribution with shape <paramref name="shape"/> and scale 1 (χ²(p; 2·shape) / 2).</summary>
    public static double GammaQuantile(double shape, double p) => SpecialFunctions.GammaLowerRegularizedInv(shape, p);
}
