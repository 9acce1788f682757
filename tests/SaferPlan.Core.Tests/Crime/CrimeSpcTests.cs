using SaferPlan.Core.Crime;
using SaferPlan.Core.Statistics;

namespace SaferPlan.Core.Tests.Crime;

/// <summary>SPC on crime series (more crime is concern) and the assessment's sentence, on constructed monthly counts.</summary>
public sealed class CrimeSpcTests
{
    private static readonly CalendarMonth First = CalendarMonth.Of(2015, 1);

    /// <summary>10, 12, 10, 12 … for 17 months (mean near 11, nothing special), then the given tail.</summary>
    private static List<(CalendarMonth, int)> Series(params int[] tail) =>
        Enumerable.Range(0, 17).Select(i => i % 2 == 0 ? 10 : 12).Concat(tail).Select((v, i) => (First.AddMonths(i), v)).ToList();

    [Fact]
    public void SevenMonthsAboveTheMean_IsSpecialCauseConcerning_SaidInWords()
    {
        var spc = CrimeSpc.Compute("burglary", "Burglary", isGroup: true, Series(13, 13, 13, 13, 13, 13, 13));

        Assert.Equal(SpcVariation.SpecialCauseConcerning, spc.Result.Variation);
        Assert.Equal([SpcRule.RunOfSeven], spc.Result.Points[^1].Rules);
        Assert.All(spc.Result.Points.TakeLast(7), p => Assert.Equal(SpcSignal.Concern, p.Signal));
        Assert.Equal("Burglary: special cause — concerning: 7 months above the mean", spc.Sentence);
        Assert.Equal("2016-12", spc.Result.Points[^1].Period);
    }

    [Fact]
    public void SevenMonthsBelowTheMean_IsSpecialCauseImproving()
    {
        var spc = CrimeSpc.Compute("burglary", "Burglary", isGroup: true, Series(9, 9, 9, 9, 9, 9, 9, 9));

        Assert.Equal(SpcVariation.SpecialCauseImproving, spc.Result.Variation);
        // The mean is 10.32, so the ordinary 10 before the eight 9s is below it too: a run of 9.
        Assert.Equal("Burglary: special cause — improving: 9 months below the mean", spc.Sentence);
    }

    [Fact]
    public void LatestMonthFarAbove_IsBeyondTheUpperLimit_AndConcerning()
    {
        var spc = CrimeSpc.Compute("3", "Burglary", isGroup: false, Series(40));

        Assert.Equal(SpcVariation.SpecialCauseConcerning, spc.Result.Variation);
        Assert.Contains(SpcRule.PointBeyondLimit, spc.Result.Points[^1].Rules);
        Assert.True(spc.Result.Points[^1].Value > spc.Result.UpperLimit);
        Assert.Equal("Burglary: special cause — concerning: the latest month above the upper process limit", spc.Sentence);
    }

    [Fact]
    public void OrdinaryMonths_AreCommonCause_AndOneMonthIsTooFew()
    {
        Assert.Equal("Vehicle crime: common cause — no significant change", CrimeSpc.Compute("v", "Vehicle crime", true, Series()).Sentence);
        var one = CrimeSpc.Compute("v", "Vehicle crime", true, [(First, 5)]);
        Assert.Null(one.Result.Variation);
        Assert.Equal("Vehicle crime: no SPC, too few months for process limits", one.Sentence);
    }
}
