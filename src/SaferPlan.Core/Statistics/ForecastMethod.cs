namespace SaferPlan.Core.Statistics;

/// <summary>A year-end forecast with its 80% interval, and the share of a year the periods so far have made up in the past.</summary>
public sealed record YearEndForecast(double Forecast, double Low, double High, double YearToDate, int PeriodsElapsed, int PeriodsPerYear, double ExpectedShare, int YearsOfHistory)
{
    public bool Complete => PeriodsElapsed >= PeriodsPerYear;
}

/// <summary>
/// Year-end forecasts and target trajectories from the shape (seasonal share) of previous years. Every year is a list
/// of its periods' values (12 months or 4 quarters) in the order of the financial year, and its total is their sum.
/// </summary>
public static class ForecastMethod
{
    public const string Rule =
        "The forecast is the year to date divided by the share of the year that the same months (or quarters) made up, on average, in the "
        + "previous years with complete figures (up to five). Its 80% interval comes from how much that share varied between those years: "
        + "a prediction interval for a new year's share, mean ± t(0.90, n − 1) × standard deviation × √(1 + 1/n), divided into the year to date. "
        + "With fewer than two previous years the shape is taken as even (or as the one year's) and the interval is the Poisson interval of "
        + "the count still to come, ± 1.2816 × √(remaining). The target trajectory spreads the annual target across the year by the "
        + "average shape of the previous years, or evenly when there are none.";

    /// <summary>The 80% two-sided point (upper 10%) of the standard normal distribution.</summary>
    public const double Z90 = 1.2815515655446004;

    public const int MaxYearsOfHistory = 5;

    /// <summary>Upper 10% points of Student's t for 1 to 30 degrees of freedom (beyond 30, the normal's).</summary>
    private static readonly double[] T90 =
    [
        3.0777, 1.8856, 1.6377, 1.5332, 1.4759, 1.4398, 1.4149, 1.3968, 1.3830, 1.3722,
        1.3634, 1.3562, 1.3502, 1.3450, 1.3406, 1.3368, 1.3334, 1.3304, 1.3277, 1.3253,
        1.3232, 1.3212, 1.3195, 1.3178, 1.3163, 1.3150, 1.3137, 1.3125, 1.3114, 1.3104,
    ];

    public static double TQuantile90(int degreesOfFreedom) =>
        degreesOfFreedom < 1 ? double.NaN : degreesOfFreedom <= T90.Length ? T90[degreesOfFreedom - 1] : Z90;

    /// <summary>The years that can give a shape: complete (every period known) with a positive total; the latest <see cref="MaxYearsOfHistory"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<double>> UsableYears(IEnumerable<IReadOnlyList<double>> previousYears, int periodsPerYear) =>
        previousYears.Where(y => y.Count == periodsPerYear && y.Sum() > 0).TakeLast(MaxYearsOfHistory).ToList();

    /// <summary>Each period's average share of its year over the usable previous years; even when there are none. Sums to 1.</summary>
    public static IReadOnlyList<double> Profile(IEnumerable<IReadOnlyList<double>> previousYears, int periodsPerYear)
    {
        var years = UsableYears(previousYears, periodsPerYear);
        if (years.Count == 0)
        {
            return Enumerable.Repeat(1.0 / periodsPerYear, periodsPerYear).ToList();
        }

        return Enumerable.Range(0, periodsPerYear).Select(i => years.Average(y => y[i] / y.Sum())).ToList();
    }

    /// <summary>The annual target spread across the year's periods by <see cref="Profile"/>.</summary>
    public static IReadOnlyList<double> Trajectory(double annualTarget, IReadOnlyList<double> profile) =>
        profile.Select(share => annualTarget * share).ToList();

    /// <summary>The naive forecast the method is checked against: the year to date scaled by the periods elapsed.</summary>
    public static double Naive(IReadOnlyList<double> yearToDate, int periodsPerYear) =>
        yearToDate.Count == 0 ? double.NaN : yearToDate.Sum() * periodsPerYear / yearToDate.Count;

    /// <summary>
    /// The year-end forecast from the periods so far (<paramref name="yearToDate"/>, at least one) and the previous
    /// years; null before the first period. A complete year's forecast is its total, with no interval.
    /// </summary>
    public static YearEndForecast? Forecast(IEnumerable<IReadOnlyList<double>> previousYears, IReadOnlyList<double> yearToDate, int periodsPerYear)
    {
        var elapsed = yearToDate.Count;
        if (elapsed == 0 || elapsed > periodsPerYear)
        {
            return null;
        }

        var total = yearToDate.Sum();
        var years = UsableYears(previousYears, periodsPerYear);
        if (elapsed == periodsPerYear)
        {
            return new YearEndForecast(total, total, total, total, elapsed, periodsPerYear, 1, years.Count);
        }

        var shares = years.Select(y => y.Take(elapsed).Sum() / y.Sum()).ToList();
        if (shares.Count < 2)
        {
            var share = shares.Count == 1 && shares[0] > 0 ? shares[0] : (double)elapsed / periodsPerYear;
            var forecast = total / share;
            var remaining = Math.Max(forecast - total, 0);
            var spread = Z90 * Math.Sqrt(remaining);
            return new YearEndForecast(forecast, total + Math.Max(remaining - spread, 0), total + remaining + spread, total, elapsed, periodsPerYear, share, years.Count);
        }

        var n = shares.Count;
        var mean = shares.Average();
        var sd = Math.Sqrt(shares.Sum(s => (s - mean) * (s - mean)) / (n - 1));
        var half = TQuantile90(n - 1) * sd * Math.Sqrt(1 + (1.0 / n));

        // A share is kept within (0, 1]: the year cannot end below the year to date, nor be forecast from a share of nothing.
        var upper = Math.Min(mean + half, 1);
        var lower = Math.Max(mean - half, mean / 4);
        return new YearEndForecast(total / mean, total / upper, total / lower, total, elapsed, periodsPerYear, mean, n);
    }
}
