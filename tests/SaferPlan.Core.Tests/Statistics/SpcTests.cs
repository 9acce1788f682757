using SaferPlan.Core.Statistics;

namespace SaferPlan.Core.Tests.Statistics;

/// <summary>The XmR chart and its special-cause rules, as NHSRplotthedots computes them, on constructed series.</summary>
public sealed class SpcTests
{
    private const double Tolerance = 1e-9;

    private static List<SpcInput> Series(params double[] values) =>
        values.Select((v, i) => new SpcInput($"P{i + 1:00}", v)).ToList();

    /// <summary>4, 8, 4, 8 … : mean 6, every moving range 4, far from any rule.</summary>
    private static double[] Alternating(int count) => Enumerable.Range(0, count).Select(i => i % 2 == 0 ? 4.0 : 8.0).ToArray();

    private static int[] Flagged(SpcResult result) =>
        result.Points.Select((p, i) => (p, i)).Where(x => x.p.Signal is not null).Select(x => x.i).ToArray();

    [Fact]
    public void HandComputedSeries_MeanLimitsAndTheOneSignal()
    {
        // 14 points; the last is far off.
        double[] y = [10, 12, 11, 13, 12, 11, 10, 12, 11, 13, 12, 11, 10, 30];

        // Sum 10+12+11+13+12+11+10+12+11+13+12+11+10 = 148, +30 = 178; mean = 178 / 14 = 12.714285714…
        var mean = 178.0 / 14;

        // Moving ranges 2,1,2,1,1,1,2,1,2,1,1,1,20: sum 36 over 13, mean 2.7692…; 3.267 × 2.7692 = 9.047, so 20 is screened out.
        // The 12 left sum 16: mean moving range 16 / 12 = 1.3333…
        var meanRange = 16.0 / 12;

        // Limits 12.7143 ± 2.66 × 1.3333 = 12.7143 ± 3.5467: 9.1676 and 16.2610.
        var upper = mean + (2.66 * meanRange);
        var lower = mean - (2.66 * meanRange);

        var result = Spc.Calculate(Series(y), new SpcOptions(SpcDirection.Decrease));

        Assert.Equal(mean, result.Mean!.Value, Tolerance);
        Assert.Equal(meanRange, result.MeanMovingRange!.Value, Tolerance);
        Assert.Equal(upper, result.UpperLimit!.Value, Tolerance);
        Assert.Equal(lower, result.LowerLimit!.Value, Tolerance);
        Assert.Equal(16.2609524, result.UpperLimit.Value, 6);
        Assert.Equal(9.1676190, result.LowerLimit.Value, 6);

        // Near limits 12.7143 ± 1.7733 × 1.3333 = 10.3498 and 15.0787: the three 10s are near the lower limit, but never two in three
        // consecutive points; the longest run below the mean is 5 (12, 11, 10, 12, 11 at points 5–9). Only 30 is special: above the
        // upper limit, and lower is better, so a concern — the last point, so the variation is concerning.
        Assert.Equal([13], Flagged(result));
        Assert.Equal(SpcSignal.Concern, result.Points[13].Signal);
        Assert.Equal([SpcRule.PointBeyondLimit], result.Points[13].Rules);
        Assert.Equal("Above UCL", result.Points[13].SpecialCauseType);
        Assert.Equal(SpcVariation.SpecialCauseConcerning, result.Variation);
        Assert.Null(result.Message);
    }

    [Fact]
    public void Screening_BigMovingRangeLeftOutOfTheMeanMovingRange_UnlessScreeningIsOff()
    {
        double[] y = [10, 12, 11, 13, 12, 11, 10, 12, 11, 13, 12, 11, 10, 30];

        var screened = Spc.Calculate(Series(y), new SpcOptions(SpcDirection.Increase));
        var unscreened = Spc.Calculate(Series(y), new SpcOptions(SpcDirection.Increase, ScreenOutliers: false));

        Assert.Equal(16.0 / 12, screened.MeanMovingRange!.Value, Tolerance);
        Assert.Equal(36.0 / 13, unscreened.MeanMovingRange!.Value, Tolerance);
        Assert.Equal((178.0 / 14) + (2.66 * 36 / 13), unscreened.UpperLimit!.Value, Tolerance);
    }

    [Fact]
    public void Screening_KeepsOnlyRangesStrictlyBelowTheCut()
    {
        // 10, 11, 10 … 10 (13 points) then 10 + x: 12 ranges of 1 and one of x, whose mean is (12 + x) / 13.
        // x = 4: cut = 3.267 × 16 / 13 = 4.0209 > 4, kept; x = 5: cut = 3.267 × 17 / 13 = 4.2722 ≤ 5, screened.
        double[] Build(double x) => [.. Enumerable.Range(0, 13).Select(i => i % 2 == 0 ? 10.0 : 11.0), 10 + x];

        Assert.Equal(16.0 / 13, Spc.Calculate(Series(Build(4)), new SpcOptions(SpcDirection.Increase)).MeanMovingRange!.Value, Tolerance);
        Assert.Equal(1.0, Spc.Calculate(Series(Build(5)), new SpcOptions(SpcDirection.Increase)).MeanMovingRange!.Value, Tolerance);
    }

    [Theory]
    [InlineData(SpcDirection.Increase, SpcSignal.Improvement)]
    [InlineData(SpcDirection.Decrease, SpcSignal.Concern)]
    [InlineData(SpcDirection.Neutral, SpcSignal.NeutralHigh)]
    public void RunOfSevenAboveTheMean_Alone(SpcDirection direction, SpcSignal expected)
    {
        // 21 points alternating 4 and 8 (ending on 4, below the mean), then 7 points of 6.5 and 6.7: all above the mean (6.08),
        // not near a limit, not rising.
        double[] y = [.. Alternating(21), 6.5, 6.7, 6.5, 6.7, 6.5, 6.7, 6.5];

        var result = Spc.Calculate(Series(y), new SpcOptions(direction));

        Assert.Equal(Enumerable.Range(21, 7).ToArray(), Flagged(result));
        Assert.All(result.Points.Skip(21), p => Assert.Equal([SpcRule.RunOfSeven], p.Rules));
        Assert.All(result.Points.Skip(21), p => Assert.Equal(expected, p.Signal));
        Assert.Equal("7 Points Above CL", result.Points[^1].SpecialCauseType);
    }

    [Fact]
    public void RunOfSix_IsNotARun_AndAPointOnTheMeanBreaksOne()
    {
        // Baseline points 2 to 21 (8, 4, … 4): mean exactly 6. Then six above, one on the mean, six above.
        double[] y = [.. Alternating(21), 6.5, 6.7, 6.5, 6.7, 6.5, 6.7, 6, 6.5, 6.7, 6.5, 6.7, 6.5, 6.7];

        var result = Spc.Calculate(Series(y), new SpcOptions(SpcDirection.Increase, 1, 20));

        Assert.Equal(6, result.Mean!.Value, Tolerance);
        Assert.Empty(Flagged(result));
        Assert.Equal(SpcVariation.CommonCause, result.Variation);
    }

    [Theory]
    [InlineData(SpcDirection.Increase, SpcSignal.Improvement)]
    [InlineData(SpcDirection.Decrease, SpcSignal.Concern)]
    public void TrendOfSevenRising_Alone(SpcDirection direction, SpcSignal expected)
    {
        // After 20 alternating points, 5.0 to 6.2 in steps of 0.2: 7 points each higher than the one before, straddling the mean (5.9).
        double[] y = [.. Alternating(20), 5.0, 5.2, 5.4, 5.6, 5.8, 6.0, 6.2];

        var result = Spc.Calculate(Series(y), new SpcOptions(direction));

        Assert.Equal(Enumerable.Range(20, 7).ToArray(), Flagged(result));
        Assert.All(result.Points.Skip(20), p => Assert.Equal([SpcRule.TrendOfSeven], p.Rules));
        Assert.All(result.Points.Skip(20), p => Assert.Equal(expected, p.Signal));
        Assert.Equal("7 Point Trend (Increasing)", result.Points[20].SpecialCauseType);
    }

    [Fact]
    public void TrendOfSevenFalling_LowerIsBetter_Improvement_AndATieBreaksATrend()
    {
        // 21 alternating points end on 4, so the fall starts at 6.2 (from 8 it would start a point earlier).
        double[] falling = [.. Alternating(21), 6.2, 6.0, 5.8, 5.6, 5.4, 5.2, 5.0];
        double[] tied = [.. Alternating(21), 6.2, 6.0, 5.8, 5.8, 5.4, 5.2, 5.0];

        var result = Spc.Calculate(Series(falling), new SpcOptions(SpcDirection.Decrease));
        var withTie = Spc.Calculate(Series(tied), new SpcOptions(SpcDirection.Decrease));

        Assert.Equal(Enumerable.Range(21, 7).ToArray(), Flagged(result));
        Assert.All(result.Points.Skip(21), p => Assert.Equal(SpcSignal.Improvement, p.Signal));
        Assert.Equal("7 Point Trend (Decreasing)", result.Points[^1].SpecialCauseType);
        Assert.Equal(SpcVariation.SpecialCauseImproving, result.Variation);
        Assert.Empty(Flagged(withTie));
    }

    [Theory]
    [InlineData(SpcDirection.Increase, SpcSignal.Improvement)]
    [InlineData(SpcDirection.Decrease, SpcSignal.Concern)]
    public void TwoOfThreeNearTheUpperLimit_Alone_OnlyTheNearPointsMarked(SpcDirection direction, SpcSignal expected)
    {
        // Baseline the 20 alternating points: mean 6, mean moving range 4, near limit 6 + 1.7733 × 4 = 13.09, limit 6 + 10.64 = 16.64.
        // 14, 7, 14: three on the same side, two of them between the near limit and the limit.
        double[] y = [.. Alternating(20), 14, 7, 14];

        var result = Spc.Calculate(Series(y), new SpcOptions(direction, 0, 19));

        Assert.Equal(13.0933333, result.UpperNearLimit!.Value, 6);
        Assert.Equal([20, 22], Flagged(result));
        Assert.Equal([SpcRule.TwoOfThreeNearLimit], result.Points[20].Rules);
        Assert.Empty(result.Points[21].Rules);
        Assert.Equal(expected, result.Points[22].Signal);
        Assert.Equal("2 in 3 Above CL", result.Points[22].SpecialCauseType);
    }

    [Fact]
    public void TwoNearTheLimitOnEitherSideOfTheMean_IsNotTwoOfThree()
    {
        // 14, 5, 14: the middle point is below the mean, so the three are not on one side.
        double[] y = [.. Alternating(20), 14, 5, 14];

        var result = Spc.Calculate(Series(y), new SpcOptions(SpcDirection.Increase, 0, 19));

        Assert.Empty(Flagged(result));
    }

    [Theory]
    [InlineData(SpcDirection.Increase, SpcSignal.Concern)]
    [InlineData(SpcDirection.Decrease, SpcSignal.Improvement)]
    [InlineData(SpcDirection.Neutral, SpcSignal.NeutralLow)]
    public void PointBelowTheLowerLimit_Alone(SpcDirection direction, SpcSignal expected)
    {
        // Baseline mean 6, limits −4.64 and 16.64: −5 is beyond the lower.
        double[] y = [.. Alternating(20), -5];

        var result = Spc.Calculate(Series(y), new SpcOptions(direction, 0, 19));

        Assert.Equal(-4.64, result.LowerLimit!.Value, 9);
        Assert.Equal([20], Flagged(result));
        Assert.Equal([SpcRule.PointBeyondLimit], result.Points[20].Rules);
        Assert.Equal(expected, result.Points[20].Signal);
        Assert.Equal("Below LCL", result.Points[20].SpecialCauseType);
    }

    [Fact]
    public void PointBeyondALimitInARun_NamedByTheLimit_RulesNameBoth()
    {
        // Baseline mean 6 (limit 16.64): after a 4, six points of 6.5 and 6.6 then 20, seven above the mean.
        double[] y = [.. Alternating(21), 6.5, 6.6, 6.5, 6.6, 6.5, 6.6, 20];

        var result = Spc.Calculate(Series(y), new SpcOptions(SpcDirection.Increase, 1, 20));

        Assert.Equal([SpcRule.PointBeyondLimit, SpcRule.RunOfSeven], result.Points[^1].Rules);
        Assert.Equal("Above UCL", result.Points[^1].SpecialCauseType);
        Assert.Equal("7 Points Above CL", result.Points[21].SpecialCauseType);
        Assert.Null(result.Points[20].Signal);
    }

    [Fact]
    public void FixedBaseline_LimitsFromItsPointsOnly()
    {
        // First 12 points alternate 5 and 7: mean 6, moving ranges all 2, limits 6 ± 5.32. The later points (9, 9, 9) do not move them.
        double[] y = [.. Enumerable.Range(0, 12).Select(i => i % 2 == 0 ? 5.0 : 7.0), 9, 9, 9, 12];

        var fixedBaseline = Spc.Calculate(Series(y), new SpcOptions(SpcDirection.Increase, 0, 11));
        var allPoints = Spc.Calculate(Series(y), new SpcOptions(SpcDirection.Increase));

        Assert.Equal(6, fixedBaseline.Mean!.Value, Tolerance);
        Assert.Equal(2, fixedBaseline.MeanMovingRange!.Value, Tolerance);
        Assert.Equal(11.32, fixedBaseline.UpperLimit!.Value, Tolerance);
        Assert.Equal(0.68, fixedBaseline.LowerLimit!.Value, Tolerance);
        Assert.Equal(SpcSignal.Improvement, fixedBaseline.Points[^1].Signal);
        Assert.Contains(SpcRule.PointBeyondLimit, fixedBaseline.Points[^1].Rules);
        Assert.NotEqual(fixedBaseline.Mean, allPoints.Mean);
    }

    [Fact]
    public void ShortBaseline_SaysSo()
    {
        double[] y = [.. Alternating(20)];

        var result = Spc.Calculate(Series(y), new SpcOptions(SpcDirection.Increase, 0, 5));

        Assert.Contains("baseline has only 6 points", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FewerThan12Points_TrialLimitsWithAClearMessage()
    {
        var result = Spc.Calculate(Series(10, 12, 11, 13, 12, 11, 10, 12), new SpcOptions(SpcDirection.Increase));

        Assert.NotNull(result.UpperLimit);
        Assert.Contains("only 8 points", result.Message, StringComparison.Ordinal);
        Assert.Contains("fewer than 12", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnePointOrNone_NoLimitsNoIcons()
    {
        var one = Spc.Calculate(Series(10), new SpcOptions(SpcDirection.Increase, Target: 5));
        var none = Spc.Calculate([], new SpcOptions(SpcDirection.Increase));

        Assert.Null(one.UpperLimit);
        Assert.Null(one.Variation);
        Assert.Null(one.Assurance);
        Assert.Contains("at least 2", one.Message, StringComparison.Ordinal);
        Assert.Empty(none.Points);
        Assert.NotNull(none.Message);
    }

    [Theory]
    [InlineData(SpcDirection.Decrease, 20.0, SpcAssurance.ConsistentlyPassing)]
    [InlineData(SpcDirection.Increase, 20.0, SpcAssurance.ConsistentlyFailing)]
    [InlineData(SpcDirection.Decrease, -6.0, SpcAssurance.ConsistentlyFailing)]
    [InlineData(SpcDirection.Increase, -6.0, SpcAssurance.ConsistentlyPassing)]
    [InlineData(SpcDirection.Increase, 10.0, SpcAssurance.HitAndMiss)]
    [InlineData(SpcDirection.Decrease, 16.0, SpcAssurance.HitAndMiss)]
    public void Assurance_WhereTheTargetLiesAgainstTheLimits(SpcDirection direction, double target, SpcAssurance expected)
    {
        // Mean 6, limits −4.64 and 16.64.
        var result = Spc.Calculate(Series(Alternating(20)), new SpcOptions(direction, Target: target));

        Assert.Equal(expected, result.Assurance);
    }

    [Fact]
    public void Assurance_NoneWithoutATargetOrForANeutralMeasure()
    {
        Assert.Null(Spc.Calculate(Series(Alternating(20)), new SpcOptions(SpcDirection.Increase)).Assurance);
        Assert.Null(Spc.Calculate(Series(Alternating(20)), new SpcOptions(SpcDirection.Neutral, Target: 50)).Assurance);
    }
}
