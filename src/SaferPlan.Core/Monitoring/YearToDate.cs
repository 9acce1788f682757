namespace SaferPlan.Core.Monitoring;

/// <summary>A figure table found in one quarter's report, for matching the same table across the year's quarters.</summary>
public sealed record QuarterTable(FigureTable Table, ReportingPeriod Period, int? PriorityId, string ReportTitle);

/// <summary>
/// One year-to-date figure: the sum of the year's quarters, or, when earlier quarters were not entered, the cumulative
/// figure the group reported, brought forward.
/// </summary>
public sealed record YearToDateFigure(decimal? Value, bool BroughtForward);

/// <summary>
/// The one rule for year-to-date figures: the same table (by title, in the same group's report — the same priority, or
/// a report of the same title) summed over each quarter of the financial year so far, this one included, matching rows
/// by label and columns by heading. Restricted tables stay out of the sums when only official figures may be shown.
/// Where any earlier quarter of the year has no such table and the row gives the group's own cumulative figure, that
/// figure is brought forward instead of a sum that would leave those quarters out.
/// </summary>
public static class YearToDate
{
    public static IReadOnlyList<IReadOnlyList<decimal?>> Sums(FigureTable table, TaskGroupReport report, IEnumerable<QuarterTable> yearSoFar, bool officialOnly) =>
        Figures(table, report, yearSoFar, officialOnly).Select(row => (IReadOnlyList<decimal?>)row.Select(f => f.Value).ToList()).ToList();

    public static IReadOnlyList<IReadOnlyList<YearToDateFigure>> Figures(FigureTable table, TaskGroupReport report, IEnumerable<QuarterTable> yearSoFar, bool officialOnly)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(report);
        var columns = FigureJson.Columns(table);
        var rows = FigureJson.Rows(table);
        var sameTable = yearSoFar
            .Where(x => Key(x.Table.Title) == Key(table.Title) && x.Period.StartYear == report.Period.StartYear && !x.Period.IsWholeYear && x.Period <= report.Period)
            .Where(x => report.PriorityId is { } priorityId ? x.PriorityId == priorityId : x.PriorityId is null && Key(x.ReportTitle) == Key(report.Title))
            .ToList();
        var entered = sameTable.Select(x => x.Period.Quarter).ToHashSet();
        var earlierMissing = Enumerable.Range(1, report.Period.Quarter - 1).Any(q => !entered.Contains(q));
        var quarters = sameTable
            .Where(x => !officialOnly || x.Table.Marking == ProtectiveMarking.Official)
            .Select(x => (Columns: FigureJson.Columns(x.Table), Rows: FigureJson.Rows(x.Table)))
            .ToList();
        return rows.Select(row =>
        {
            var sums = new decimal?[columns.Count];
            foreach (var (otherColumns, otherRows) in quarters)
            {
                var match = otherRows.FirstOrDefault(o => Key(o.Label) == Key(row.Label));
                if (match is null)
                {
                    continue;
                }

                for (var c = 0; c < columns.Count; c++)
                {
                    var index = otherColumns.ToList().FindIndex(o => Key(o) == Key(columns[c]));
                    if (index < 0 && otherColumns.Count == columns.Count)
                    {
                        index = c;
                    }

                    if (index >= 0 && index < match.Values.Count && match.Values[index] is { } value)
                    {
                        sums[c] = (sums[c] ?? 0) + value;
                    }
                }
            }

            return (IReadOnlyList<YearToDateFigure>)sums.Select((sum, c) =>
                    earlierMissing && row.YearToDate is { } reported && c < reported.Count && reported[c] is { } cumulative
                        ? new YearToDateFigure(cumulative, true)
                        : new YearToDateFigure(sum, false))
                .ToList();
        }).ToList();
    }

    private static string Key(string? text) => (text ?? "").Trim().ToUpperInvariant();
}
