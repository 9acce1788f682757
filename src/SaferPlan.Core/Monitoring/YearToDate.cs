namespace SaferPlan.Core.Monitoring;

/// <summary>A figure table found in one quarter's report, for matching the same table across the year's quarters.</summary>
public sealed record QuarterTable(FigureTable Table, ReportingPeriod Period, int? PriorityId, string ReportTitle);

/// <summary>
/// The one rule for year-to-date figures: the same table (by title, in the same group's report — the same priority, or
/// a report of the same title) summed over each quarter of the financial year so far, this one included, matching rows
/// by label and columns by heading. Restricted tables stay out of the sums when only official figures may be shown.
/// </summary>
public static class YearToDate
{
    public static IReadOnlyList<IReadOnlyList<decimal?>> Sums(FigureTable table, TaskGroupReport report, IEnumerable<QuarterTable> yearSoFar, bool officialOnly)
    {
        var columns = FigureJson.Columns(table);
        var rows = FigureJson.Rows(table);
        var quarters = yearSoFar
            .Where(x => Key(x.Table.Title) == Key(table.Title) && x.Period.StartYear == report.Period.StartYear && !x.Period.IsWholeYear && x.Period <= report.Period)
            .Where(x => report.PriorityId is { } priorityId ? x.PriorityId == priorityId : x.PriorityId is null && Key(x.ReportTitle) == Key(report.Title))
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

            return (IReadOnlyList<decimal?>)sums;
        }).ToList();
    }

    private static string Key(string? text) => (text ?? "").Trim().ToUpperInvariant();
}
