using SaferPlan.Core.Crime;
using SaferPlan.Core.Statistics;
using ScottPlot;

namespace SaferPlan.Core.Charts;

/// <summary>
/// An indicator's or a crime series' XmR chart, drawn by ScottPlot (one drawing for both): the values joined by a line, the mean (solid), the process limits
/// (dashed) and the target (dotted); special-cause points marked by shape as well as colour (an upward triangle for
/// improvement, a square for concern, a diamond for neither). SVG for the page, PNG for Word; the page follows the chart
/// with its numbers as a table.
/// </summary>
public static class SpcCharts
{
    public const int Width = 720;
    public const int Height = 340;

    private const string ValueColour = "#505a5f";
    private const string MeanColour = "#0b0c0c";
    private const string LimitColour = "#1d70b8";
    private const string TargetColour = "#d4351c";
    private const string ImprovementColour = "#1d70b8";
    private const string ConcernColour = "#f47738";

    public static string Title(IndicatorSpc spc)
    {
        ArgumentNullException.ThrowIfNull(spc);
        return $"SPC chart (XmR) of {spc.Indicator.Code}: {spc.Indicator.Name}";
    }

    public static string Description(IndicatorSpc spc)
    {
        ArgumentNullException.ThrowIfNull(spc);
        var special = spc.Points.Where(p => p.Point.Signal is not null).Select(p => $"{p.Span.Display} ({Signal(p.Point.Signal)})").ToList();
        return Description(spc.Result, spc.Format, $"{spc.Points.Count} points", spc.VariationText, spc.AssuranceText, special);
    }

    /// <summary>What a chart shows, in words: "12 points, mean 4.5, process limits 1 to 8. Common cause variation only. No special-cause points."</summary>
    private static string Description(SpcResult r, Func<double?, string> format, string points, string variation, string? assurance, List<string> special)
    {
        var limits = r.Mean is null
            ? "no process limits"
            : $"mean {format(r.Mean)}, process limits {format(r.LowerLimit)} to {format(r.UpperLimit)}";
        return $"{points}, {limits}. {variation}."
            + (assurance is { } a ? $" {a}." : "")
            + (special.Count == 0 ? " No special-cause points." : $" Special-cause points: {string.Join(", ", special)}.");
    }

    public static string Signal(SpcSignal? signal) => signal switch
    {
        SpcSignal.Improvement => "improvement",
        SpcSignal.Concern => "concern",
        SpcSignal.NeutralHigh => "special cause, high",
        SpcSignal.NeutralLow => "special cause, low",
        _ => "common cause",
    };

    public static string Title(CrimeSeriesSpc spc)
    {
        ArgumentNullException.ThrowIfNull(spc);
        return $"SPC chart (XmR) of recorded crime by month: {spc.Name}";
    }

    public static string Description(CrimeSeriesSpc spc)
    {
        ArgumentNullException.ThrowIfNull(spc);
        var r = spc.Result;
        string F(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("N1", System.Globalization.CultureInfo.InvariantCulture) : "–";
        var special = r.Points.Select((p, i) => (p, i)).Where(x => x.p.Signal is not null).Select(x => $"{spc.Months[x.i].Display} ({Signal(x.p.Signal)})").ToList();
        return Description(r, F, $"{r.Points.Count} months", spc.VariationText, null, special);
    }

    public static string Svg(CrimeSeriesSpc spc, string id)
    {
        ArgumentNullException.ThrowIfNull(spc);
        using var plot = Draw(spc.Result, spc.Months.Select(m => m.ToString()).ToList(), null);
        return ChartSvg.Accessible(plot, Width, Height, Title(spc), Description(spc), id);
    }

    public static string Svg(IndicatorSpc spc, string id)
    {
        using var plot = Draw(spc);
        return ChartSvg.Accessible(plot, Width, Height, Title(spc), Description(spc), id);
    }

    public static byte[] Png(IndicatorSpc spc)
    {
        using var plot = Draw(spc);
        return plot.GetImageBytes(Width * 2, Height * 2, ImageFormat.Png);
    }

    private static Plot Draw(IndicatorSpc spc)
    {
        ArgumentNullException.ThrowIfNull(spc);
        return Draw(spc.Result, spc.Points.Select(p => p.Span.Slug).ToList(), spc.Series.TargetLine is { } t ? (double)t : null);
    }

    /// <param name="labels">each point's label on the axis, in order.</param>
    private static Plot Draw(SpcResult r, IReadOnlyList<string> labels, double? target)
    {
        var plot = ChartSvg.NewPlot();

        var points = r.Points;
        var xs = Enumerable.Range(0, points.Count).Select(i => (double)i).ToArray();
        var ys = points.Select(p => p.Value).ToArray();
        if (points.Count > 0)
        {
            var values = plot.Add.Scatter(xs, ys);
            values.LegendText = "Value";
            values.Color = Color.FromHex(ValueColour);
            values.LineWidth = 2;
            values.MarkerShape = MarkerShape.FilledCircle;
            values.MarkerSize = 6;
        }

        Line(plot, r.Mean, "Mean", MeanColour, LinePattern.Solid);
        Line(plot, r.UpperLimit, "Process limits", LimitColour, LinePattern.Dashed);
        Line(plot, r.LowerLimit, null, LimitColour, LinePattern.Dashed);
        Line(plot, target, "Target", TargetColour, LinePattern.Dotted);

        Marks(plot, points, xs, SpcSignal.Improvement, "Special cause: improvement", MarkerShape.FilledTriangleUp, ImprovementColour);
        Marks(plot, points, xs, SpcSignal.Concern, "Special cause: concern", MarkerShape.FilledSquare, ConcernColour);
        Marks(plot, points, xs, SpcSignal.NeutralHigh, "Special cause", MarkerShape.FilledDiamond, MeanColour);
        Marks(plot, points, xs, SpcSignal.NeutralLow, null, MarkerShape.FilledDiamond, MeanColour);

        plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontSize = 13;
        var step = Math.Max(1, (int)Math.Ceiling(points.Count / 12.0));
        var ticks = Enumerable.Range(0, points.Count).Where(i => i % step == 0).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            ticks.Select(i => (double)i).ToArray(), ticks.Select(i => labels[i]).ToArray());
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        var all = ys.Concat(new[] { r.UpperLimit, r.LowerLimit, target }.OfType<double>()).ToList();
        if (all.Count > 0)
        {
            var low = all.Min();
            var high = all.Max();
            // Points all of one value (one point, or a flat series) get an axis around that value, not one of millionths.
            var pad = high - low > 1e-9 ? (high - low) * 0.08 : Math.Max(1, Math.Abs(high) * 0.1);
            plot.Axes.SetLimitsY(low - pad, high + pad);
        }

        plot.Axes.SetLimitsX(-0.5, Math.Max(0, points.Count - 1) + 0.5);
        return plot;
    }

    private static void Line(Plot plot, double? y, string? legend, string colour, LinePattern pattern)
    {
        if (y is not { } value)
        {
            return;
        }

        var line = plot.Add.HorizontalLine(value);
        line.Color = Color.FromHex(colour);
        line.LineWidth = 2;
        line.LinePattern = pattern;
        if (legend is not null)
        {
            line.LegendText = legend;
        }
    }

    private static void Marks(Plot plot, IReadOnlyList<SpcPoint> points, double[] xs, SpcSignal signal, string? legend, MarkerShape shape, string colour)
    {
        var chosen = Enumerable.Range(0, points.Count).Where(i => points[i].Signal == signal).ToList();
        if (chosen.Count == 0)
        {
            return;
        }

        var marks = plot.Add.Markers(chosen.Select(i => xs[i]).ToArray(), chosen.Select(i => points[i].Value).ToArray(), shape, 11, Color.FromHex(colour));
        if (legend is not null)
        {
            marks.LegendText = legend;
        }
    }
}
