using SaferPlan.Core.Indicators;
using SaferPlan.Core.Statistics;

namespace SaferPlan.Core.Tests.Statistics;

/// <summary>Year-end forecasts on constructed seasonal series, checked against values worked out here and against the naive forecast.</summary>
public sealed class ForecastTests
{
    // A year shaped like burglary: more in the dark months (October to January), April first.
    private static readonly double[] Shape = [8, 9, 10, 11, 12, 12, 10, 9, 7, 6, 8, 8];

    private static IReadOnlyList<double> Year(double scale, params double[] nudges) =>
        Shape.Select((w, i) => (w * scale) + (i < nudges.Length ? nudges[i] : 0)).ToList();

    [Fact]
    public void Forecast_IdenticalShapes_IsYearToDateOverTheShareWithNoSpread()
    {
        IReadOnlyList<double>[] previous = [Year(1), Year(2), Year(3)];

        var f = ForecastMethod.Forecast(previous, Year(2).Take(3).ToList(), 12)!;

        // April to June are 27 of the shape's 110, so 54 so far forecasts 54 ÷ (27/110) = 220; every year agrees, so no spread.
        Assert.Equal(27.0 / 110, f.ExpectedShare, 12);
        Assert.Equal(220, f.Forecast, 9);
        Assert.Equal(220, f.Low, 9);
        Assert.Equal(220, f.High, 9);
        Assert.Equal(3, f.YearsOfHistory);
    }

    [Fact]
    public void Forecast_SharesThatVary_IntervalIsTheSharesPredictionInterval()
    {
        IReadOnlyList<double>[] previous = [Year(10, 6, 0, 0), Year(10, -4, 2, 0), Year(10, 0, 0, -5)];
        var soFar = new double[] { 85, 90, 95 };

        var f = ForecastMethod.Forecast(previous, soFar, 12)!;

        // Worked out here: each year's share of its total made by April to June, their mean and standard deviation,
        // t(0.90, 2 degrees of freedom) = 1.8856, and the forecast 270 ÷ mean share.
        var shares = new[] { (86.0 + 90 + 100) / 1106, (76.0 + 92 + 100) / 1098, (80.0 + 90 + 95) / 1095 };
        var mean = shares.Average();
        var sd = Math.Sqrt(shares.Sum(s => (s - mean) * (s - mean)) / 2);
        var half = 1.8856 * sd * Math.Sqrt(1 + (1.0 / 3));
        Assert.Equal(270 / mean, f.Forecast, 9);
        Assert.Equal(270 / (mean + half), f.Low, 9);
        Assert.Equal(270 / (mean - half), f.High, 9);
        Assert.True(f.Low < f.Forecast && f.Forecast < f.High);
    }

    [Fact]
    public void Forecast_NoHistory_IsTheNaiveForecastWithAPoissonInterval()
    {
        var f = ForecastMethod.Forecast([], [10, 12, 14, 16], 12)!;

        // 52 in 4 months: 156 for the year, 104 still to come, ± 1.2816 × √104.
        Assert.Equal(156, f.Forecast, 9);
        Assert.Equal(ForecastMethod.Naive([10, 12, 14, 16], 12), f.Forecast, 9);
        Assert.Equal(156 - (1.2815515655446004 * Math.Sqrt(104)), f.Low, 9);
        Assert.Equal(156 + (1.2815515655446004 * Math.Sqrt(104)), f.High, 9);
    }

    [Fact]
    public void Profile_NoHistory_IsEven_WithHistory_IsTheAverageShape()
    {
        Assert.All(ForecastMethod.Profile([], 4), s => Assert.Equal(0.25, s, 12));

        var trajectory = ForecastMethod.Trajectory(220, ForecastMethod.Profile([Year(1), Year(5)], 12));

        // The shape's 110 spread over 220: twice each month's weight.
        Assert.Equal(Shape.Select(w => w * 2).ToList(), trajectory.Select(t => Math.Round(t, 9)).ToList());
    }

    [Fact]
    public void Forecast_PastYearsOfASeasonalSeries_ErrsLessThanTheNaiveForecast()
    {
        // Ten years of monthly Poisson counts around a seasonal mean (±35%, peaking in winter), drawn from a fixed seed.
        var random = new Random(20101);
        var years = Enumerable.Range(0, 10)
            .Select(_ => (IReadOnlyList<double>)Enumerable.Range(0, 12)
                .Select(m => (double)Poisson(random, 60 * (1 + (0.35 * Math.Cos(2 * Math.PI * (m - 8) / 12)))))
                .ToList())
            .ToList();

        double methodError = 0, naiveError = 0;
        var forecasts = 0;
        for (var y = 3; y < years.Count; y++)
        {
            var actual = years[y].Sum();
            for (var k = 1; k < 12; k++)
            {
                var soFar = years[y].Take(k).ToList();
                methodError += Math.Abs(ForecastMethod.Forecast(years.Take(y), soFar, 12)!.Forecast - actual);
                naiveError += Math.Abs(ForecastMethod.Naive(soFar, 12) - actual);
                forecasts++;
            }
        }

        Assert.Equal(77, forecasts);
        Assert.True(methodError < naiveError * 0.6, $"Mean absolute error: method {methodError / forecasts:0.0}, naive {naiveError / forecasts:0.0}.");
    }

    [Fact]
    public void Forecast_PastYears_EightyPercentIntervalCoversAboutFourInFive()
    {
        var random = new Random(7);
        var years = Enumerable.Range(0, 30)
            .Select(_ => (IReadOnlyList<double>)Enumerable.Range(0, 12)
                .Select(m => (double)Poisson(random, 40 * (1 + (0.3 * Math.Sin(2 * Math.PI * m / 12)))))
                .ToList())
            .ToList();

        int covered = 0, total = 0;
        for (var y = 5; y < years.Count; y++)
        {
            for (var k = 1; k < 12; k++)
            {
                var f = ForecastMethod.Forecast(years.Skip(y - 5).Take(5), years[y].Take(k).ToList(), 12)!;
                covered += f.Low <= years[y].Sum() && years[y].Sum() <= f.High ? 1 : 0;
                total++;
            }
        }

        var coverage = (double)covered / total;
        Assert.InRange(coverage, 0.7, 0.95);
    }

    private static Dictionary<int, double?[]> Series(params (int Year, double[] Values)[] years) =>
        years.ToDictionary(y => y.Year, y => Enumerable.Range(0, 12).Select(i => i < y.Values.Length ? (double?)y.Values[i] : null).ToArray());

    private static IndicatorForecast Build(TargetKind kind, decimal number, double[] soFar, Polarity polarity = Polarity.LowerIsBetter) =>
        IndicatorForecasts.Build(IndicatorUnit.Count, polarity, new TargetTerms(kind, number, 0),
            2010, Series((2008, [.. Shape]), (2009, [.. Shape]), (2010, soFar)), quarterly: false)!;

    [Fact]
    public void Sentence_ForecastAboveAnAtMostTarget_LikelyToMiss()
    {
        // April to June of the shape are 27 of 110; 54 so far forecasts 220 with no spread between identical years.
        var f = Build(TargetKind.AtMost, 200, [16, 18, 20]);

        Assert.Equal(ForecastOutlook.LikelyToMiss, f.Outlook);
        Assert.Equal("Forecast 220 (220–220) against a target of at most 200: likely to miss.", f.Sentence);
        Assert.Equal(220m, f.Forecast);
        Assert.Equal(54m, f.YearToDate);
    }

    [Fact]
    public void Sentence_ForecastBelowAnAtMostTarget_LikelyToMeet_AndTheTrajectoryFollowsTheShape()
    {
        var f = Build(TargetKind.AtMost, 220, [8, 9, 10]);

        Assert.Equal("Forecast 110 (110–110) against a target of at most 220: likely to meet.", f.Sentence);
        Assert.Equal(12, f.Trajectory.Count);
        Assert.Equal("2010-04", f.Trajectory[0].Period);
        Assert.Equal(16m, f.Trajectory[0].Target);
        Assert.Equal(220m, f.Trajectory[^1].CumulativeTarget);
        Assert.Equal(27m, f.Trajectory[2].CumulativeActual);
        Assert.Null(f.Trajectory[3].Actual);
    }

    [Fact]
    public void Sentence_IntervalStraddlesTheTarget_TooCloseToCall()
    {
        // No earlier years: 50 in 3 months forecasts 200 with the Poisson interval 200 ± 1.2816 × √150 (184–216).
        var f = IndicatorForecasts.Build(IndicatorUnit.Count, Polarity.LowerIsBetter, new TargetTerms(TargetKind.AtMost, 200, 0),
            2010, Series((2010, [15, 17, 18])), quarterly: false)!;

        var spread = 1.2815515655446004 * Math.Sqrt(150);
        Assert.Equal(ForecastOutlook.TooCloseToCall, f.Outlook);
        Assert.Equal($"Forecast 200 ({Math.Round(200 - spread):0}–{Math.Round(200 + spread):0}) against a target of at most 200: too close to call.", f.Sentence);
    }

    [Fact]
    public void Sentence_AtLeastTarget_ReadsTheOtherWay()
    {
        var f = Build(TargetKind.AtLeast, 200, [16, 18, 20], Polarity.HigherIsBetter);

        Assert.Equal("Forecast 220 (220–220) against a target of at least 200: likely to meet.", f.Sentence);
    }

    [Fact]
    public void Sentence_QuarterlyYearComplete_SaysMetOrMissed()
    {
        var f = IndicatorForecasts.Build(IndicatorUnit.Count, Polarity.LowerIsBetter, new TargetTerms(TargetKind.AtMost, 100, 0),
            2010, new Dictionary<int, double?[]> { [2010] = [30, 30, 30, 30] }, quarterly: true)!;

        Assert.Equal(ForecastOutlook.Missed, f.Outlook);
        Assert.Equal("2010/11 ended at 120 against a target of at most 100: missed.", f.Sentence);
        Assert.Equal("2010-11-q1", f.Trajectory[0].Period);
    }

    [Fact]
    public void Build_RateScaledByDwellings_ShowsTheRate()
    {
        // 54 burglaries so far forecast 220; among 20,000 dwellings that is 11.00 per 1,000 against at most 10.5.
        var f = IndicatorForecasts.Build(IndicatorUnit.RatePer1000Dwellings, Polarity.LowerIsBetter, new TargetTerms(TargetKind.AtMost, 10.5m, 0),
            2010, Series((2008, [.. Shape]), (2009, [.. Shape]), (2010, [16, 18, 20])), quarterly: false, scale: 1000.0 / 20000)!;

        Assert.Equal(11.00m, f.Forecast);
        Assert.Equal("Forecast 11.0 (11.0–11.0) against a target of at most 10.5: likely to miss.", f.Sentence);
    }

    /// <summary>Knuth's Poisson draw: enough for means below a few hundred.</summary>
    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble())
        {
            k++;
        }

        return k;
    }
}
