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
        var plot = new Plot();
        if (ChartSvg.FontName is { } font)
        {
            plot.Font.Set(font);
        }

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
                    LineColor = Color.FromHex("#0b0c0c"),
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
                plot.Legend.ManualItems.Add(new LegendItem
                {
                    LabelText = table.Columns[c],
                    FillColor = Color.FromHex(Colours[c % Colours.Length]),
                    LineColor = Color.FromHex("#0b0c0c"),
                    LineWidth = 1,
                });
            }

            plot.ShowLegend(Edge.Right);
            plot.Legend.FontSize = 14;
        }
        else if (table.Columns.Count == 1)
        {
            plot.Axes.Bottom.Label.Text = table.Columns[0];
            plot.Axes.Bottom.Label.FontSize = 14;
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, table.Rows.Count).Select(i => (double)i).ToArray(),
            table.Rows.Select(r => r.Label).ToArray());
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        var top = bars.Count == 0 ? 1 : bars.Max(b => b.Value);
        plot.Axes.SetLimitsY(0, Math.Max(1, top) * 1.15);
        plot.Axes.SetLimitsX(-0.5, Math.Max(0, table.Rows.Count - 1) + 0.5);
        if (top < 10)
        {
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        }

        return plot;
    }
}
