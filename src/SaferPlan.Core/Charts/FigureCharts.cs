using SaferPlan.Core.Documents;
using ScottPlot;

namespace SaferPlan.Core.Charts;

/// <summary>
/// A report's figure table drawn as bars (ScottPlot, as the dashboard's charts are): one group of bars per row, one
/// bar per column, the columns named in the legend. The web page embeds it as SVG and the Word document as a picture;
/// both follow it with the table, so the numbers are there as text too.
/// </summary>
public static class FigureCharts
{
    public const int Width = 640;
    public const int Height = 320;

    private static readonly string[] Colours = ["#1d70b8", "#f47738", "#00703c", "#4c2c92", "#d4351c", "#505a5f"];

    /// <summary>"Bar chart of Young people in treatment", named for assistive technology and the Word picture's title.</summary>
    public static string Title(ReportFigureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return $"Bar chart: {table.Title}";
    }

    /// <summary>The chart's numbers in words: "CASUS: 18; Youth Offending Team: 7".</summary>
    public static string Description(ReportFigureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return string.Join("; ", table.Rows.Select(r => table.Columns.Count == 1
            ? $"{r.Label}: {ReportFigureRow.Format(r.Values[0])}"
            : $"{r.Label}: " + string.Join(", ", table.Columns.Select((c, i) => $"{c} {ReportFigureRow.Format(r.Values[i])}"))));
    }

    public static string Svg(ReportFigureTable table, string id)
    {
        using var plot = Plot(table);
        return ChartSvg.Accessible(plot, Width, Height, Title(table), Description(table), id);
    }

    public static byte[] Png(ReportFigureTable table)
    {
        using var plot = Plot(table);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static Plot Plot(ReportFigureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var plot = ChartSvg.NewPlot();

        var series = Math.Max(1, table.Columns.Count);
        var width = 0.8 / series;
        var bars = new List<Bar>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                if (table.Rows[r].Values[c] is not { } value)
                {
                    continue;
                }

                bars.Add(new Bar
                {
                    Position = r - 0.4 + (width * (c + 0.5)),
                    Value = (double)value,
                    FillColor = Color.FromHex(Colours[c % Colours.Length]),
                    LineColor = ChartSvg.Outline,
                    LineWidth = 1,
                    Size = width * 0.9,
                    Label = ReportFigureRow.Format(value),
                });
            }
        }

        if (bars.Count > 0)
        {
            var plotted = plot.Add.Bars(bars);
            plotted.ValueLabelStyle.FontSize = 14;
        }

        if (table.Columns.Count > 1)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                ChartSvg.LegendKey(plot, table.Columns[c], Colours[c % Colours.Length]);
            }

            plot.ShowLegend(Edge.Right);
            plot.Legend.FontSize = 14;
        }
        else if (table.Columns.Count == 1)
        {
            plot.Axes.Bottom.Label.Text = table.Columns[0];
            plot.Axes.Bottom.Label.FontSize = 14;
        }

        ChartSvg.Categories(plot, table.Rows.Select(r => r.Label).ToList(), 14);
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        ChartSvg.Counts(plot, bars.Count == 0 ? 1 : bars.Max(b => b.Value), 1.15);

        return plot;
    }
}
