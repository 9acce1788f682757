using SaferPlan.Core.Charts;
using ScottPlot;

namespace SaferPlan.Core.Crime.Assessment;

/// <summary>
/// The evidence pack's monthly trend charts, drawn by ScottPlot: a group's count in each month of the window beside
/// the same month of the previous 12 months. SVG for the page (with a title and description for assistive
/// technology), PNG for the DOCX. Each chart is followed by its numbers as a table wherever it appears.
/// </summary>
public static class AssessmentCharts
{
    public const int Width = 720;
    public const int Height = 320;

    private const string CurrentColour = "#1d70b8";
    private const string PreviousColour = "#505a5f";

    public static string Title(AssessmentGroup group, CalendarMonth from, CalendarMonth to) =>
        $"{group.Name} each month, {from.Display} to {to.Display}, against the previous 12 months";

    public static string Description(AssessmentGroup group) =>
        string.Join("; ", group.Trend.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Month.Display}: {t.Current} (previous year {t.Previous})")));

    public static string TrendSvg(AssessmentGroup group, CalendarMonth from, CalendarMonth to, CalendarMonth previousFrom, CalendarMonth previousTo, string id)
    {
        ArgumentNullException.ThrowIfNull(group);
        using var plot = Draw(group, from, to, previousFrom, previousTo);
        return ChartSvg.Accessible(plot, Width, Height, Title(group, from, to), Description(group), id);
    }

    public static byte[] TrendPng(AssessmentGroup group, CalendarMonth from, CalendarMonth to, CalendarMonth previousFrom, CalendarMonth previousTo)
    {
        ArgumentNullException.ThrowIfNull(group);
        using var plot = Draw(group, from, to, previousFrom, previousTo);
        return plot.GetImageBytes(Width * 2, Height * 2, ImageFormat.Png);
    }

    private static Plot Draw(AssessmentGroup group, CalendarMonth from, CalendarMonth to, CalendarMonth previousFrom, CalendarMonth previousTo)
    {
        var plot = ChartSvg.NewPlot();

        var xs = Enumerable.Range(0, group.Trend.Count).Select(i => (double)i).ToArray();
        var previous = plot.Add.Scatter(xs, group.Trend.Select(t => (double)t.Previous).ToArray());
        previous.LegendText = $"{previousFrom.Display} to {previousTo.Display}";
        previous.Color = Color.FromHex(PreviousColour);
        previous.LineWidth = 2;
        previous.LinePattern = LinePattern.Dashed;
        previous.MarkerShape = MarkerShape.OpenSquare;
        previous.MarkerSize = 8;
        var current = plot.Add.Scatter(xs, group.Trend.Select(t => (double)t.Current).ToArray());
        current.LegendText = $"{from.Display} to {to.Display}";
        current.Color = Color.FromHex(CurrentColour);
        current.LineWidth = 3;
        current.MarkerShape = MarkerShape.FilledCircle;
        current.MarkerSize = 8;

        plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontSize = 14;
        ChartSvg.Categories(plot, group.Trend.Select(t => t.Month.FirstDay.ToString("MMM", CultureInfo.InvariantCulture)).ToList(), 14);
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.Label.Text = "Crimes recorded";
        plot.Axes.Left.Label.FontSize = 14;
        var top = group.Trend.Count == 0 ? 0 : group.Trend.Max(t => Math.Max(t.Current, t.Previous));
        plot.Axes.SetLimitsY(0, Math.Max(1, top) * 1.1);
        return plot;
    }
}
