using SaferPlan.Core.Charts;
using SaferPlan.Core.Statistics;
using ScottPlot;

namespace SaferPlan.Core.Crime.Peers;

/// <summary>A point on a funnel plot's control limits: at a number of residents, the rates chance alone would stay between.</summary>
public readonly record struct FunnelLimit(double Residents, double Lower95, double Upper95, double Lower998, double Upper998);

/// <summary>
/// A crime type's or group's funnel plot, drawn by ScottPlot: each peer's rate per 1,000 against its residents (a dot),
/// the partnership highlighted (a larger diamond of another colour, named in the legend), the peer mean (solid) and its
/// 95% (dashed) and 99.8% (thin solid) Poisson control limits, exact by the chi-square form of <see cref="PoissonInterval.Limits"/>.
/// SVG for the page, PNG for Word; each is followed by its numbers as a table wherever it appears.
/// </summary>
public static class FunnelCharts
{
    public const int Width = 720;
    public const int Height = 360;

    public const string LimitsRule =
        "The control limits are those an area of each size would stay within by chance alone if its true rate were the peer mean: for expected count E "
        + "(the peer mean × residents ÷ 1,000), from half the chi-square percentile at α/2 with 2E degrees of freedom to half the percentile at 1 − α/2 with 2E + 2, "
        + "with α = 0.05 (95%) and α = 0.002 (99.8%), divided by the residents per 1,000.";

    private const string PeerColour = "#505a5f";
    private const string PartnershipColour = "#d4351c";
    private const string MeanColour = "#0b0c0c";
    private const string LimitColour = "#1d70b8";

    public static string Title(PeersReport report, PeerComparison row)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(row);
        return $"Funnel plot of {row.Name.ToLowerInvariant()} per 1,000 residents, {report.Period}: {report.Stamp.Name} against its comparator group";
    }

    /// <summary>The text alternative: the sentence and every area's rate.</summary>
    public static string Description(PeerComparison row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var peers = row.Peers.Where(p => p.Rate is not null)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Area.Name} {p.Rate:0.00} ({p.Area.Residents:N0} residents)"));
        return row.Sentence + " Peers: " + string.Join("; ", peers) + ".";
    }

    /// <summary>The limits at residents from a little below the smallest area to a little above the largest, or none without a peer mean.</summary>
    public static IReadOnlyList<FunnelLimit> Limits(PeerComparison row, double? partnershipResidents, int steps = 60)
    {
        ArgumentNullException.ThrowIfNull(row);
        var sizes = row.Peers.Select(p => (double?)p.Area.Residents).Append(partnershipResidents).OfType<double>().Where(r => r > 0).ToList();
        if (row.PeerMean is not { } mean || sizes.Count == 0)
        {
            return [];
        }

        var low = Math.Max(100, sizes.Min() * 0.8);
        var high = sizes.Max() * 1.2;
        var ratio = Math.Pow(high / low, 1.0 / (steps - 1));
        return Enumerable.Range(0, steps).Select(i =>
        {
            var residents = low * Math.Pow(ratio, i);
            var expected = mean * residents / 1000;
            var l95 = PoissonInterval.Limits(expected, 0.05).PerThousand(residents);
            var l998 = PoissonInterval.Limits(expected, 0.002).PerThousand(residents);
            return new FunnelLimit(residents, l95.Lower, l95.Upper, l998.Lower, l998.Upper);
        }).ToList();
    }

    public static string Svg(PeersReport report, PeerComparison row, string id)
    {
        using var plot = Draw(report, row);
        return ChartSvg.Accessible(plot, Width, Height, Title(report, row), Description(row), id);
    }

    public static byte[] Png(PeersReport report, PeerComparison row)
    {
        using var plot = Draw(report, row);
        return plot.GetImageBytes(Width * 2, Height * 2, ImageFormat.Png);
    }

    private static Plot Draw(PeersReport report, PeerComparison row)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(row);
        var plot = ChartSvg.NewPlot();

        var limits = Limits(row, report.Residents);
        if (limits.Count > 0)
        {
            var xs = limits.Select(l => l.Residents / 1000).ToArray();
            Curve(plot, xs, [.. limits.Select(l => row.PeerMean!.Value)], "Peer mean", MeanColour, LinePattern.Solid);
            Curve(plot, xs, [.. limits.Select(l => l.Upper95)], "95% limits", LimitColour, LinePattern.Dashed);
            Curve(plot, xs, [.. limits.Select(l => l.Lower95)], null, LimitColour, LinePattern.Dashed);
            Curve(plot, xs, [.. limits.Select(l => l.Upper998)], "99.8% limits", LimitColour, LinePattern.Solid, width: 1);
            Curve(plot, xs, [.. limits.Select(l => l.Lower998)], null, LimitColour, LinePattern.Solid, width: 1);
        }

        var peers = row.Peers.Where(p => p.Rate is not null).ToList();
        if (peers.Count > 0)
        {
            var dots = plot.Add.Markers(peers.Select(p => p.Area.Residents!.Value / 1000.0).ToArray(), peers.Select(p => p.Rate!.Value).ToArray(), MarkerShape.FilledCircle, 8, Color.FromHex(PeerColour));
            dots.LegendText = "Peer area";
        }

        if (row.Rate is { } rate && report.Residents is { } residents)
        {
            var own = plot.Add.Markers(new[] { residents / 1000 }, new[] { rate }, MarkerShape.FilledDiamond, 16, Color.FromHex(PartnershipColour));
            own.LegendText = report.Stamp.Name;
        }

        plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontSize = 13;
        plot.Axes.Bottom.Label.Text = "Residents (thousands)";
        plot.Axes.Bottom.Label.FontSize = 14;
        plot.Axes.Left.Label.Text = "Rate per 1,000 residents";
        plot.Axes.Left.Label.FontSize = 14;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        var ys = peers.Select(p => p.Rate!.Value).Concat(new[] { row.Rate, row.PeerMean }.OfType<double>()).ToList();
        if (ys.Count > 0)
        {
            var top = Math.Max(ys.Max(), limits.Count > 0 ? limits.Where(l => l.Residents >= limits[limits.Count / 4].Residents).Max(l => l.Upper998) : 0);
            plot.Axes.SetLimitsY(0, Math.Max(top, ys.Max()) * 1.1 + 1e-6);
        }

        return plot;
    }

    /// <remarks>
    /// Dotted lines are not used: ScottPlot's SVG writes every dot as a shape of its own, which made two funnel plots 85 KB of
    /// the assessment page. The 99.8% limits are thin solid lines instead (the 95% dashed, the mean thick and solid).
    /// </remarks>
    private static void Curve(Plot plot, double[] xs, double[] ys, string? legend, string colour, LinePattern pattern, float width = 2)
    {
        var line = plot.Add.ScatterLine(xs, ys);
        line.Color = Color.FromHex(colour);
        line.LineWidth = width;
        line.LinePattern = pattern;
        if (legend is not null)
        {
            line.LegendText = legend;
        }
    }
}
