using SaferPlan.Core.Indicators;

namespace SaferPlan.Core.Tests.Indicators;

/// <summary>The one evaluation rule: every target kind with both polarities, at and around the amber band's edges.</summary>
public sealed class IndicatorEvaluationTests
{
    private static IndicatorStatus Status(TargetKind kind, Polarity polarity, decimal value, decimal? number, decimal tolerance, decimal? baseline = null) =>
        IndicatorEvaluation.Judge(IndicatorUnit.Count, polarity, value, new TargetTerms(kind, number, tolerance, baseline, "2008/09"), "2010/11").Status;

    // At most 130 with tolerance 5: on target green, inside the band amber, on the edge amber, beyond red. The kind says the direction, so polarity does not change it.
    [Theory]
    [InlineData(Polarity.LowerIsBetter)]
    [InlineData(Polarity.HigherIsBetter)]
    public void AtMost_EdgesOfTheAmberBand(Polarity polarity)
    {
        Assert.Equal(IndicatorStatus.Green, Status(TargetKind.AtMost, polarity, 129, 130, 5));
        Assert.Equal(IndicatorStatus.Green, Status(TargetKind.AtMost, polarity, 130, 130, 5));
        Assert.Equal(IndicatorStatus.Amber, Status(TargetKind.AtMost, polarity, 130.01m, 130, 5));
        Assert.Equal(IndicatorStatus.Amber, Status(TargetKind.AtMost, polarity, 135, 130, 5));
        Assert.Equal(IndicatorStatus.Red, Status(TargetKind.AtMost, polarity, 135.01m, 130, 5));
    }

    [Theory]
    [InlineData(Polarity.LowerIsBetter)]
    [InlineData(Polarity.HigherIsBetter)]
    public void AtLeast_EdgesOfTheAmberBand(Polarity polarity)
    {
        Assert.Equal(IndicatorStatus.Green, Status(TargetKind.AtLeast, polarity, 71, 70, 3));
        Assert.Equal(IndicatorStatus.Green, Status(TargetKind.AtLeast, polarity, 70, 70, 3));
        Assert.Equal(IndicatorStatus.Amber, Status(TargetKind.AtLeast, polarity, 69.99m, 70, 3));
        Assert.Equal(IndicatorStatus.Amber, Status(TargetKind.AtLeast, polarity, 67, 70, 3));
        Assert.Equal(IndicatorStatus.Red, Status(TargetKind.AtLeast, polarity, 66.99m, 70, 3));
    }

    // Below the baseline is strict: level with it misses by nothing, so it is amber when there is a tolerance and red when there is none.
    [Theory]
    [InlineData(Polarity.LowerIsBetter)]
    [InlineData(Polarity.HigherIsBetter)]
    public void BelowBaseline_LevelIsNotBelow(Polarity polarity)
    {
        Assert.Equal(IndicatorStatus.Green, Status(TargetKind.BelowBaseline, polarity, 12.99m, null, 0.5m, 13));
        Assert.Equal(IndicatorStatus.Amber, Status(TargetKind.BelowBaseline, polarity, 13, null, 0.5m, 13));
        Assert.Equal(IndicatorStatus.Amber, Status(TargetKind.BelowBaseline, polarity, 13.5m, null, 0.5m, 13));
        Assert.Equal(IndicatorStatus.Red, Status(TargetKind.BelowBaseline, polarity, 13.51m, null, 0.5m, 13));
        Assert.Equal(IndicatorStatus.Red, Status(TargetKind.BelowBaseline, polarity, 13, null, 0, 13));
    }

    [Theory]
    [InlineData(Polarity.LowerIsBetter)]
    [InlineData(Polarity.HigherIsBetter)]
    public void AboveBaseline_LevelIsNotAbove(Polarity polarity)
    {
        Assert.Equal(IndicatorStatus.Green, Status(TargetKind.AboveBaseline, polarity, 30.01m, null, 2, 30));
        Assert.Equal(IndicatorStatus.Amber, Status(TargetKind.AboveBaseline, polarity, 30, null, 2, 30));
        Assert.Equal(IndicatorStatus.Amber, Status(TargetKind.AboveBaseline, polarity, 28, null, 2, 30));
        Assert.Equal(IndicatorStatus.Red, Status(TargetKind.AboveBaseline, polarity, 27.99m, null, 2, 30));
    }

    // A 10% reduction on a baseline of 200 asks for at most 180 when lower is better; a 10% increase asks for at least 220 when higher is better.
    [Fact]
    public void PercentChange_LowerIsBetter_JudgesAgainstTheChangedBaseline()
    {
        Assert.Equal(IndicatorStatus.Green, Status(TargetKind.PercentChangeOnBaseline, Polarity.LowerIsBetter, 180, -10, 4, 200));
        Assert.Equal(IndicatorStatus.Amber, Status(TargetKind.PercentChangeOnBaseline, Polarity.LowerIsBetter, 180.5m, -10, 4, 200));
        Assert.Equal(IndicatorStatus.Amber, Status(TargetKind.PercentChangeOnBaseline, Polarity.LowerIsBetter, 184, -10, 4, 200));
        Assert.Equal(IndicatorStatus.Red, Status(TargetKind.PercentChangeOnBaseline, Polarity.LowerIsBetter, 184.01m, -10, 4, 200));
    }

    [Fact]
    public void PercentChange_HigherIsBetter_JudgesAgainstTheChangedBaseline()
    {
        Assert.Equal(IndicatorStatus.Green, Status(TargetKind.PercentChangeOnBaseline, Polarity.HigherIsBetter, 220, 10, 4, 200));
        Assert.Equal(IndicatorStatus.Amber, Status(TargetKind.PercentChangeOnBaseline, Polarity.HigherIsBetter, 219.5m, 10, 4, 200));
        Assert.Equal(IndicatorStatus.Amber, Status(TargetKind.PercentChangeOnBaseline, Polarity.HigherIsBetter, 216, 10, 4, 200));
        Assert.Equal(IndicatorStatus.Red, Status(TargetKind.PercentChangeOnBaseline, Polarity.HigherIsBetter, 215.99m, 10, 4, 200));
    }

    [Fact]
    public void Sentences_SayWhy()
    {
        Assert.Equal("34% against a target of at most 30%: red, missing it by 4%.",
            IndicatorEvaluation.Judge(IndicatorUnit.Percentage, Polarity.LowerIsBetter, 34, new TargetTerms(TargetKind.AtMost, 30, 0), "2010/11").Sentence);
        Assert.Equal("12.1 per 1,000 dwellings against a target below the 2008/09 baseline of 13.0: green.",
            IndicatorEvaluation.Judge(IndicatorUnit.RatePer1000Dwellings, Polarity.LowerIsBetter, 12.1m, new TargetTerms(TargetKind.BelowBaseline, null, 0.5m, 13, "2008/09"), "2010/11").Sentence);
        Assert.Equal("32% against a target of at most 30%: amber, missing it by 2% (within the tolerance of 3%).",
            IndicatorEvaluation.Judge(IndicatorUnit.Percentage, Polarity.LowerIsBetter, 32, new TargetTerms(TargetKind.AtMost, 30, 3), "2010/11").Sentence);
        Assert.Equal("190 against a target of a 10% reduction on the 2009/10 baseline of 200 (at most 180): red, missing it by 10 (beyond the tolerance of 4).",
            IndicatorEvaluation.Judge(IndicatorUnit.Count, Polarity.LowerIsBetter, 190, new TargetTerms(TargetKind.PercentChangeOnBaseline, -10, 4, 200, "2009/10"), "2010/11").Sentence);
    }

    [Fact]
    public void NoValueOrNoBaseline_IsNoData_AValueWithoutTarget_IsNoTarget()
    {
        var none = IndicatorEvaluation.Judge(IndicatorUnit.Count, Polarity.LowerIsBetter, null, new TargetTerms(TargetKind.AtMost, 130, 0), "2012/13");
        var noTarget = IndicatorEvaluation.Judge(IndicatorUnit.Percentage, Polarity.LowerIsBetter, 34, null, "2010/11");
        var noBaseline = IndicatorEvaluation.Judge(IndicatorUnit.Count, Polarity.LowerIsBetter, 5, new TargetTerms(TargetKind.BelowBaseline, null, 0, null, "2008/09"), "2010/11");

        Assert.Equal((IndicatorStatus.NoData, "No value for 2012/13 yet: no data."), (none.Status, none.Sentence));
        Assert.Equal((IndicatorStatus.NoTarget, "34% with no target set for 2010/11."), (noTarget.Status, noTarget.Sentence));
        Assert.Equal("No target", IndicatorEvaluation.Text(noTarget.Status));
        Assert.Equal(IndicatorStatus.NoData, noBaseline.Status);
        Assert.Contains("2008/09 baseline, which has no value", noBaseline.Sentence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(46, "46% reduction")]
    [InlineData(0, "0% reduction")]
    [InlineData(-12.5, "12.5% increase")]
    public void PercentageReduction_ReadsAsAReductionNotARate(decimal value, string expected)
    {
        Assert.Equal(expected, IndicatorEvaluation.Format(value, IndicatorUnit.PercentageReduction));
        Assert.Equal($"{expected} with no target set for 2010/11.", IndicatorEvaluation.Judge(IndicatorUnit.PercentageReduction, Polarity.HigherIsBetter, value, null, "2010/11").Sentence);
    }
}
