using SaferPlan.Core.Crime.Peers;
using SaferPlan.Core.Statistics;

namespace SaferPlan.Core.Tests.Statistics;

/// <summary>
/// The exact (Garwood) Poisson interval against published values and against its definition, checked here by summing
/// Poisson probabilities directly; and the peer comparison's pooled mean, rank and significance on hand-worked figures.
/// </summary>
public sealed class PoissonIntervalTests
{
    /// <summary>P(X ≤ k) for X ~ Poisson(λ), summed term by term in logs (no gamma function involved).</summary>
    private static double PoissonCdf(int k, double lambda)
    {
        var sum = 0.0;
        var logTerm = -lambda;
        for (var i = 0; i <= k; i++)
        {
            if (i > 0)
            {
                logTerm += Math.Log(lambda) - Math.Log(i);
            }

            sum += Math.Exp(logTerm);
        }

        return sum;
    }

    /// <summary>The exact interval by its definition, found by bisection: P(X ≥ k | lower) = 2.5% and P(X ≤ k | upper) = 2.5%.</summary>
    internal static (double Lower, double Upper) ByDefinition(int k)
    {
        static double Solve(Func<double, double> f)
        {
            double lo = 0, hi = 1000;
            for (var i = 0; i < 200; i++)
            {
                var mid = (lo + hi) / 2;
                if (f(mid) > 0)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid;
                }
            }

            return (lo + hi) / 2;
        }

        var lower = k == 0 ? 0 : Solve(l => (1 - PoissonCdf(k - 1, l)) - 0.025);
        var upper = Solve(u => 0.025 - PoissonCdf(k, u));
        return (lower, upper);
    }

    [Theory]
    [InlineData(0, 0.0, 3.6889, 0.0005)]
    [InlineData(1, 0.0253, 5.5716, 0.0005)]
    [InlineData(5, 1.6235, 11.6683, 0.0005)]
    [InlineData(100, 81.364, 121.627, 0.002)]
    public void Exact_SmallAndLargeCounts_MatchPublishedValues(int count, double lower, double upper, double tolerance)
    {
        var ci = PoissonInterval.Exact(count);

        Assert.Equal(lower, ci.Lower, tolerance);
        Assert.Equal(upper, ci.Upper, tolerance);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(17)]
    [InlineData(100)]
    [InlineData(400)]
    public void Exact_AnyCount_MeetsItsDefinition(int count)
    {
        var (lower, upper) = ByDefinition(count);

        var ci = PoissonInterval.Exact(count);

        Assert.Equal(lower, ci.Lower, 1e-6);
        Assert.Equal(upper, ci.Upper, 1e-6);
    }

    [Fact]
    public void Limits_FractionalExpectedCount_BracketTheExpectedCountAndWidenAt998()
    {
        var l95 = PoissonInterval.Limits(37.5, 0.05);
        var l998 = PoissonInterval.Limits(37.5, 0.002);

        Assert.True(l95.Lower < 37.5 && 37.5 < l95.Upper);
        Assert.True(l998.Lower < l95.Lower && l998.Upper > l95.Upper);
        Assert.Equal(0, PoissonInterval.Limits(0, 0.05).Lower);
        Assert.Equal(PoissonInterval.Exact(40).Upper, PoissonInterval.Limits(40, 0.05).Upper, 1e-9);
        Assert.Equal(PoissonInterval.Exact(40, 0.002).Lower, PoissonInterval.Limits(40, 0.002).Lower, 1e-9);
    }

    [Fact]
    public void Compare_HandWorkedPeers_GivesPooledMeanRankAndSignificance()
    {
        // 400 crimes among 100,000 residents: 4.00 per 1,000, exact 95% interval 3.6190 to 4.4126 (from its definition).
        var peers = new List<(PeerArea, int)>
        {
            (new PeerArea(1, "A", null, 50_000, null), 100),  // 2.00
            (new PeerArea(2, "B", null, 150_000, null), 450), // 3.00
            (new PeerArea(3, "C", null, 100_000, null), 500), // 5.00
            (new PeerArea(4, "D", null, null, null), 80),     // no residents: no rate, not pooled
        };

        var row = PeerMethod.Compare("burglary", "Burglary", 400, 100_000, peers);

        var (lower, upper) = ByDefinition(400);
        Assert.Equal(4.0, row.Rate!.Value, 1e-12);
        Assert.Equal(lower / 100, row.LowerCi!.Value, 1e-6);
        Assert.Equal(upper / 100, row.UpperCi!.Value, 1e-6);
        Assert.Equal((100 + 450 + 500) * 1000.0 / 300_000, row.PeerMean!.Value, 1e-12); // 3.50, pooled
        Assert.Equal(2, row.Rank);
        Assert.Equal(4, row.Of);
        Assert.Equal(PeerSignificance.Above, row.Significance);
        Assert.Null(row.Peers.Single(p => p.Area.Name == "D").Rate);
    }

    [Fact]
    public void Compare_PeerMeanInsideInterval_IsNotSignificant_AndBelowWhenAbove()
    {
        var near = PeerMethod.Compare("x", "X", 10, 1000, [(new PeerArea(1, "A", null, 1000, null), 12)]);
        var low = PeerMethod.Compare("x", "X", 10, 1000, [(new PeerArea(1, "A", null, 1000, null), 40)]);
        var none = PeerMethod.Compare("x", "X", 10, null, [(new PeerArea(1, "A", null, 1000, null), 40)]);

        Assert.Equal(PeerSignificance.NotSignificant, near.Significance);
        Assert.Equal("not significant", PeerMethod.Code(near.Significance));
        Assert.Equal(PeerSignificance.Below, low.Significance);
        Assert.Equal(2, low.Rank);
        Assert.Equal(PeerSignificance.NotKnown, none.Significance);
        Assert.Null(none.Rate);
    }

    [Fact]
    public void Nearest_StandardisedMeasures_PicksTheClosestByEuclideanDistanceOfZScores()
    {
        // Two measures on very different scales: standardising stops the large one deciding alone.
        var all = new List<(string Area, double[] Measures, string Name)>
        {
            ("own", [10, 1000], "own"),
            ("a", [10, 5000], "a"),   // z: (0, +1.83...)
            ("b", [12, 1000], "b"),   // z: (+0.73..., 0)
            ("c", [30, 1100], "c"),
            ("d", [0, 900], "d"),
        };
        double Mean(int i) => all.Average(a => a.Measures[i]);
        double Sd(int i) => Math.Sqrt(all.Average(a => Math.Pow(a.Measures[i] - Mean(i), 2)));
        double Distance(double[] m) => Math.Sqrt(Enumerable.Range(0, 2).Sum(i => Math.Pow((m[i] - all[0].Measures[i]) / Sd(i), 2)));
        var expected = all.Where(a => a.Area != "own").OrderBy(a => Distance(a.Measures)).Take(2).Select(a => a.Area).ToList();

        var nearest = PeerMethod.Nearest(all[0].Measures, all, a => a != "own", size: 2);

        Assert.Equal(expected, nearest.Select(n => n.Area).ToList());
        Assert.Equal(Distance(all[2].Measures), nearest.Single(n => n.Area == "b").Distance, 1e-12);
    }
}
