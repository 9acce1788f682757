using SaferPlan.Core.Charts;
using ScottPlot;

namespace SaferPlan.Core.Monitoring;

/// <summary>
/// The dashboard's charts, drawn by ScottPlot as SVG to embed in the page: stacked bars of milestone statuses per
/// priority, and per quarter of the financial year. Each series is named by its status in the legend, and the
/// page follows each chart with its numbers as a table.
/// </summary>
public static class DashboardCharts
{
    private const int Width = 720;
    private const int Height = 360;

    /// <summary>Stacked bars of how many milestones have each status, one bar per priority.</summary>
    public static string StatusesByPriority(Dashboard dashboard, string id)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var title = $"Milestones by status for each priority, {dashboard.Period.Display}";
        var description = string.Join("; ", dashboard.Priorities.Select(p =>
            $"{p.ShortName}: {Describe(p.Counts)}"));
        return Render(title, description, id, dashboard.Priorities.Select(p => (p.ShortName, p.Counts)).ToList(), "Milestones");
    }

    /// <summary>Stacked bars of how many milestones had each status in each quarter of the financial year so far.</summary>
    public static string StatusTrend(Dashboard dashboard, string id)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var title = $"Milestones by status in each quarter of {dashboard.Period.FinancialYear.Display}";
        var description = string.Join("; ", dashboard.Trend.Select(t => $"Q{t.Period.Quarter}: {Describe(t.Counts)}"));
        return Render(title, description, id, dashboard.Trend.Select(t => ($"Q{t.Period.Quarter}", t.Counts)).ToList(), "Milestones");
    }

    private static string Describe(IReadOnlyList<StatusCount> counts)
    {
        var shown = counts.Where(c => c.Count > 0).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Count} {c.Text.ToLowerInvariant()}")).ToList();
        return shown.Count == 0 ? "no milestones" : string.Join(", ", shown);
    }

    private static string Render(string title, string description, string id, IReadOnlyList<(string Label, IReadOnlyList<StatusCount> Counts)> groups, string axisLabel)
    {
        using var plot = ChartSvg.NewPlot();

        var bars = new List<Bar>();
        for (var g = 0; g < groups.Count; g++)
        {
            // Best at the bottom, worst on top, so the stack reads top-down in the legend's order.
            double bottom = 0;
            foreach (var count in groups[g].Counts.Where(c => c.Count > 0).Reverse())
            {
                bars.Add(new Bar
                {
                    Position = g,
                    ValueBase = bottom,
                    Value = bottom + count.Count,
                    FillColor = Color.FromHex(StatusRollUp.ChartColour(count.Status)),
                    LineColor = ChartSvg.Outline,
                    LineWidth = 1,
                    Size = 0.6,
                });
                bottom += count.Count;
            }
        }

        if (bars.Count > 0)
        {
            plot.Add.Bars(bars);
        }

        foreach (var status in StatusRollUp.Order)
        {
            ChartSvg.LegendKey(plot, UpdateStatuses.Text(status), StatusRollUp.ChartColour(status));
        }

        plot.ShowLegend(Edge.Right);
        plot.Legend.FontSize = 14;
        ChartSvg.Categories(plot, groups.Select(g => Wrap(g.Label)).ToList(), 14);
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.Label.Text = axisLabel;
        plot.Axes.Left.Label.FontSize = 14;
        ChartSvg.Counts(plot, groups.Count == 0 ? 0 : groups.Max(g => g.Counts.Sum(c => c.Count)), 1.05);

        return ChartSvg.Accessible(plot, Width, Height, title, description, id);
    }

    /// <summary>Breaks a long axis label into lines of about 16 characters, so neighbouring labels do not run together.</summary>
    private static string Wrap(string label)
    {
        const int LineLength = 16;
        var lines = new List<string>();
        var line = "";
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > LineLength)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : $"{line} {word}";
            }
        }

        lines.Add(line);
        return string.Join('\n', lines);
    }
}
