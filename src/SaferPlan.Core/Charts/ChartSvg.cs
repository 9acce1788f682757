using System.Net;
using SaferPlan.Core.Documents;
using ScottPlot;

namespace SaferPlan.Core.Charts;

/// <summary>What every SaferPlan chart shares: its font, and ScottPlot's SVG made an accessible inline image.</summary>
public static class ChartSvg
{
    private static readonly Lazy<string?> Font = new(() =>
    {
        var installed = new HashSet<string>(SkiaSharp.SKFontManager.Default.FontFamilies, StringComparer.OrdinalIgnoreCase);
        return new[] { "Arial", "Liberation Sans", "Arimo", "DejaVu Sans", "Noto Sans" }.FirstOrDefault(installed.Contains);
    });

    /// <summary>Arial where it is installed (as the app's pages use), else a metric-compatible or common sans-serif font.</summary>
    public static string? FontName => Font.Value;

    /// <summary>The outline of every bar and legend key.</summary>
    public static readonly Color Outline = Color.FromHex("#0b0c0c");

    /// <summary>A new plot in the charts' font (<see cref="FontName"/>).</summary>
    public static Plot NewPlot()
    {
        var plot = new Plot();
        if (FontName is { } font)
        {
            plot.Font.Set(font);
        }

        return plot;
    }

    /// <summary>A key in the legend: <paramref name="label"/> beside a swatch of <paramref name="fill"/> ("#1d70b8") outlined as the bars are.</summary>
    public static void LegendKey(Plot plot, string label, string fill)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = label,
            FillColor = Color.FromHex(fill),
            LineColor = Outline,
            LineWidth = 1,
        });
    }

    /// <summary>The bottom axis as categories at 0, 1, 2…, each with its label, and half a step's margin at either end.</summary>
    public static void Categories(Plot plot, IReadOnlyList<string> labels, float fontSize)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(labels);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, labels.Count).Select(i => (double)i).ToArray(),
            labels.ToArray());
        plot.Axes.Bottom.TickLabelStyle.FontSize = fontSize;
        plot.Axes.SetLimitsX(-0.5, Math.Max(0, labels.Count - 1) + 0.5);
    }

    /// <summary>The left axis as counts from 0 to <paramref name="top"/> (at least 1) times <paramref name="headroom"/>, ticked at every whole number below 10.</summary>
    public static void Counts(Plot plot, double top, double headroom)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.Axes.SetLimitsY(0, Math.Max(1, top) * headroom);
        if (top < 10)
        {
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        }
    }

    /// <summary>
    /// Draws the plot as an inline SVG image of <paramref name="width"/> by <paramref name="height"/>: no XML declaration,
    /// a title and description for assistive technology, and scaling to its container. Every chart passes through here,
    /// so here its text (names in legends and labels included) is made text that XML can carry.
    /// </summary>
    public static string Accessible(Plot plot, int width, int height, string title, string description, string id)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var svg = ReportText.XmlSafe(plot.GetSvgXml(width, height));
        title = ReportText.XmlSafe(title);
        description = ReportText.XmlSafe(description);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        var close = svg.IndexOf('>', start);
        var head = svg[start..close];
        head = head.Replace($"width=\"{width}\" height=\"{height}\"", $"viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\"", StringComparison.Ordinal);
        var titleId = $"{id}-title";
        var descId = $"{id}-desc";
        return $"{head} id=\"{id}\" role=\"img\" aria-labelledby=\"{titleId}\" aria-describedby=\"{descId}\" focusable=\"false\" class=\"app-chart__svg\">"
            + $"<title id=\"{titleId}\">{WebUtility.HtmlEncode(title)}</title><desc id=\"{descId}\">{WebUtility.HtmlEncode(description)}</desc>"
            + svg[(close + 1)..];
    }
}
