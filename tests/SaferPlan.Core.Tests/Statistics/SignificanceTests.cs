using System.Numerics;
using SaferPlan.Core.Statistics;

namespace SaferPlan.Core.Tests.Statistics;

/// <summary>The exact test on two Poisson counts, against p-values summed here from exact binomial probabilities.</summary>
public sealed class SignificanceTests
{
    /// <summary>
    /// The two-sided p-value by small p-values, in exact integers: with exposures a : b the probability of x of n is
    /// C(n, x) aˣ bⁿ⁻ˣ ÷ (a + b)ⁿ, and every x no more likely than k is summed. Each weight is worked out once, its
    /// binomial coefficient from the one before (C(n, x + 1) = C(n, x) (n − x) ÷ (x + 1), exact in integers).
    /// </summary>
    private static double ExactPValue(int k, int n, int a, int b)
    {
        var weights = new BigInteger[n + 1];
        var choose = BigInteger.One;
        for (var x = 0; x <= n; x++)
        {
            weights[x] = choose * BigInteger.Pow(a, x) * BigInteger.Pow(b, n - x);
            choose = choose * (n - x) / (x + 1);
        }

        var seen = weights[k];
        var sum = BigInteger.Zero;
        foreach (var weight in weights)
        {
            if (weight <= seen)
            {
                sum += weight;
            }
        }

        return Math.Exp(BigInteger.Log(sum) - BigInteger.Log(BigInteger.Pow(a + b, n)));
    }

    [Theory]
    [InlineData(108, 100, 1, 1)]
    [InlineData(150, 100, 1, 1)]
    [InlineData(88, 100, 1, 1)]
    [InlineData(1079, 1000, 1, 1)]
    [InlineData(30, 10, 2, 1)]
    [InlineData(3, 12, 1, 3)]
    [InlineData(0, 7, 1, 1)]
    public void Compare_AgreesWithExactBinomialSums(int current, int previous, int currentExposure, int previousExposure)
    {
        var c = Significance.Compare(current, previous, currentExposure, previousExposure);

        var expected = ExactPValue(current, current + previous, currentExposure, previousExposure);
        Assert.Equal(Math.Min(1, expected), c.PValue, 1e-9);
    }

    [Fact]
    public void Compare_100Against108_NotSignificant()
    {
        var c = Significance.Compare(108, 100);

        Assert.False(c.Significant);
        Assert.InRange(c.PValue, 0.6, 0.7);
        Assert.Equal("rose 8.0%, not a significant change", Significance.Describe(c));
    }

    [Fact]
    public void Compare_100Against150_SignificantRise()
    {
        var c = Significance.Compare(150, 100);

        Assert.True(c.Significant);
        Assert.Equal($"rose 50.0%, a significant rise (p = {ExactPValue(150, 250, 1, 1):0.000})", Significance.Describe(c));
    }

    [Fact]
    public void Describe_SeedsFigure_RoseNotSignificant()
    {
        // Seed 000's assessment: "increased by 7.9%" — 1,079 against 1,000 is within chance.
        Assert.Equal("rose 7.9%, not a significant change", Significance.Describe(1079, 1000));
    }

    [Fact]
    public void Describe_LargeFall_SignificantFall()
    {
        var p = ExactPValue(880, 1880, 1, 1);

        Assert.Equal($"fell 12.0%, a significant fall (p = {p:0.000})", Significance.Describe(880, 1000));
        Assert.True(p < 0.01);
    }

    [Fact]
    public void Describe_Unequal_Exposures_ComparesRates()
    {
        // 30 in two years against 10 in one is a rate of 15 a year against 10: a 50% rise, within chance.
        var c = Significance.Compare(30, 10, 2, 1);

        Assert.Equal(50.0, c.PercentChange!.Value, 9);
        Assert.Equal("rose 50.0%, not a significant change", Significance.Describe(c));
    }

    [Fact]
    public void Describe_NoneBefore_AndNoneAtAll()
    {
        Assert.Equal("none in either period", Significance.Describe(0, 0));
        Assert.Equal("unchanged, not a significant change", Significance.Describe(40, 40));
        Assert.Equal("rose from none to 9, a significant rise (p = 0.004)", Significance.Describe(9, 0));
    }
}
