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
