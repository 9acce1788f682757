using SaferPlan.Core.Statistics;

namespace SaferPlan.Core.Crime;

/// <summary>
/// The XmR chart of one crime group's or crime type's monthly counts in a partnership's area: <see cref="Spc"/> with more
/// crime as concern, fewer as improvement.
/// </summary>
public sealed record CrimeSeriesSpc(string Key, string Name, bool IsGroup, IReadOnlyList<CalendarMonth> Months, SpcResult Result)
{
    public string VariationText => Result.Variation is { } v ? Spc.Text(v) : "No variation icon: too few months";

    /// <summary>"Burglary: special cause — concerning: 7 months above the mean".</summary>
    public string Sentence => CrimeSpc.Sentence(Name, Result);
}

/// <summary>SPC on recorded crime series, read from the partnership's cached counts by month and type (no query per series).</summary>
public static class CrimeSpc
{
    /// <summary>More recorded crime is concern.</summary>
    public const SpcDirection Direction = SpcDirection.Decrease;

    public const string AssessmentHeading = "Real change or ordinary variation";

    public static string AssessmentIntro(CalendarMonth from, CalendarMonth to) =>
        $"Each crime group's monthly count from {from.Display} to {to.Display}, judged by statistical process control the NHS \"Making Data Count\" way: more crime is concerning, less is improving; common cause means no change beyond ordinary variation.";

    /// <summary>The months a chart covers by default: the latest 36 months with data.</summary>
    public const int DefaultMonths = 36;

    public static CrimeSeriesSpc Compute(string key, string name, bool isGroup, IReadOnlyList<short> crimeTypeIds, MonthlyCounts monthly, CalendarMonth from, CalendarMonth to)
    {
        ArgumentNullException.ThrowIfNull(monthly);
        var months = Enumerable.Range(0, Math.Max(0, from.MonthsUntil(to) + 1)).Select(from.AddMonths).ToList();
        return Compute(key, name, isGroup, months.Select(m => (m, monthly.Count(crimeTypeIds, m, m))).ToList());
    }

    /// <summary>Every crime group's chart over the same months, from the one cached table of counts.</summary>
    public static IReadOnlyList<CrimeSeriesSpc> Groups(IReadOnlyList<GroupDefinition> groups, MonthlyCounts monthly, CalendarMonth from, CalendarMonth to)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return groups.Select(g => Compute(g.Key, g.Name, isGroup: true, g.CrimeTypeIds, monthly, from, to)).ToList();
    }

    /// <summary>Each group's chart over the latest <see cref="DefaultMonths"/> months to <paramref name="to"/>, for the strategic assessment.</summary>
    public static IReadOnlyList<CrimeSeriesSpc> ForAssessment(IReadOnlyList<GroupDefinition> groups, MonthlyCounts monthly, CalendarMonth to)
    {
        ArgumentNullException.ThrowIfNull(monthly);
        if (monthly.FirstMonth is not { } first || first > to)
        {
            return [];
        }

        var from = to.AddMonths(1 - DefaultMonths);
        return Groups(groups, monthly, from < first ? first : from, to);
    }

    /// <summary>A crime type's chart, its key the police.uk type id.</summary>
    public static CrimeSeriesSpc Type(CrimeType type, MonthlyCounts monthly, CalendarMonth from, CalendarMonth to)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Compute(type.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), type.Name, isGroup: false, [type.Id], monthly, from, to);
    }

    /// <summary>The default months of a chart: the latest <see cref="DefaultMonths"/> with data (fewer when the data starts later).</summary>
    public static (CalendarMonth From, CalendarMonth To)? DefaultSpan(MonthlyCounts monthly)
    {
        ArgumentNullException.ThrowIfNull(monthly);
        if (monthly is not { FirstMonth: { } first, LastMonth: { } last })
        {
            return null;
        }

        var from = last.AddMonths(1 - DefaultMonths);
        return (from < first ? first : from, last);
    }

    /// <summary>The chart of counts already taken, one per month in order.</summary>
    public static CrimeSeriesSpc Compute(string key, string name, bool isGroup, IReadOnlyList<(CalendarMonth Month, int Count)> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var result = Spc.Calculate(series.Select(s => new SpcInput(s.Month.ToString(), s.Count)).ToList(), new SpcOptions(Direction));
        return new CrimeSeriesSpc(key, name, isGroup, series.Select(s => s.Month).ToList(), result);
    }

    /// <summary>The series' variation in words, with what the latest month's signal rests on.</summary>
    public static string Sentence(string name, SpcResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Variation is null || result.Mean is not { } mean || result.Points.Count == 0)
        {
            return $"{name}: no SPC, too few months for process limits";
        }

        var points = result.Points;
        var last = points[^1];
        if (last.Signal is null)
        {
            return $"{name}: common cause — no significant change";
        }

        var judged = last.Signal switch
        {
            SpcSignal.Concern => "concerning",
            SpcSignal.Improvement => "improving",
            _ => "neither better nor worse",
        };
        var above = last.Value > mean;
        var rising = points.Count > 1 && last.Value > points[^2].Value;
        int Latest(Func<int, bool> holds)
        {
            var n = 0;
            while (n < points.Count && holds(points.Count - 1 - n))
            {
                n++;
            }

            return n;
        }

        var why = last.Rules.Count == 0 ? "" : last.Rules[0] switch
        {
            SpcRule.PointBeyondLimit => above ? "the latest month above the upper process limit" : "the latest month below the lower process limit",
            SpcRule.TrendOfSeven => $"{Latest(i => i > 0 && (rising ? points[i].Value > points[i - 1].Value : points[i].Value < points[i - 1].Value)) + 1} months {(rising ? "rising" : "falling")} in a row",
            SpcRule.RunOfSeven => $"{Latest(i => above ? points[i].Value > mean : points[i].Value < mean)} months {(above ? "above" : "below")} the mean",
            _ => $"2 of the latest 3 months near the {(above ? "upper" : "lower")} process limit",
        };
        return $"{name}: special cause — {judged}{(why.Length == 0 ? "" : $": {why}")}";
    }
}
