using SaferPlan.Core.Crime;
using SaferPlan.Core.Indicators;

namespace SaferPlan.Core.Statistics;

/// <summary>How a year's forecast stands against its target.</summary>
public enum ForecastOutlook
{
    LikelyToMeet,
    LikelyToMiss,

    /// <summary>The 80% interval straddles the target.</summary>
    TooCloseToCall,

    /// <summary>The year is complete and met its target.</summary>
    Met,

    /// <summary>The year is complete and missed its target.</summary>
    Missed,
}

/// <summary>One month or quarter of the target trajectory: the target profiled to it, and the actual figure once known.</summary>
public sealed record ForecastPoint(string Period, string Display, decimal Target, decimal CumulativeTarget, decimal? Actual, decimal? CumulativeActual);

/// <summary>An indicator's year-end forecast against the year's target, with the trajectory that target asks for.</summary>
public sealed record IndicatorForecast(
    int Year,
    string YearLabel,
    IReadOnlyList<ForecastPoint> Trajectory,
    decimal YearToDate,
    decimal Forecast,
    decimal Low,
    decimal High,
    decimal TargetLine,
    ForecastOutlook Outlook,
    string Sentence,
    int YearsOfHistory)
{
    public string OutlookText => IndicatorForecasts.Text(Outlook);

    /// <summary>A GOV.UK tag that always carries its text, never colour alone.</summary>
    public string TagClass => Outlook switch
    {
        ForecastOutlook.LikelyToMeet or ForecastOutlook.Met => "govuk-tag govuk-tag--green",
        ForecastOutlook.LikelyToMiss or ForecastOutlook.Missed => "govuk-tag govuk-tag--red",
        _ => "govuk-tag govuk-tag--yellow",
    };
}

/// <summary>
/// Forecasts for indicators whose year is the sum of its months or quarters (counts, rates per 1,000 and money; not
/// percentages), by <see cref="ForecastMethod"/>. A recorded-crime indicator is forecast month by month on its crime
/// count, then divided by its residents or dwellings as its values are.
/// </summary>
public static class IndicatorForecasts
{
    public static bool Forecastable(IndicatorUnit unit) =>
        unit is IndicatorUnit.Count or IndicatorUnit.RatePer1000Residents or IndicatorUnit.RatePer1000Dwellings or IndicatorUnit.Money;

    public static string Text(ForecastOutlook outlook) => outlook switch
    {
        ForecastOutlook.LikelyToMeet => "Likely to meet",
        ForecastOutlook.LikelyToMiss => "Likely to miss",
        ForecastOutlook.Met => "Met",
        ForecastOutlook.Missed => "Missed",
        _ => "Too close to call",
    };

    /// <summary>
    /// The forecast for financial year <paramref name="year"/> from <paramref name="byYear"/>: each financial year's
    /// periods (12 months from April, or 4 quarters) in order, null where unknown. The year so far is its periods from
    /// the first up to the first unknown one. <paramref name="scale"/> turns the series into the indicator's unit
    /// (1000 ÷ dwellings for a recorded-crime rate). Null when the target draws no line or the year has no period yet.
    /// </summary>
    public static IndicatorForecast? Build(
        IndicatorUnit unit, Polarity polarity, TargetTerms target, int year, IReadOnlyDictionary<int, double?[]> byYear, bool quarterly, double scale = 1)
    {
        ArgumentNullException.ThrowIfNull(byYear);
        if (IndicatorEvaluation.TargetLine(unit, polarity, target) is not { } line || !byYear.TryGetValue(year, out var current))
        {
            return null;
        }

        var periods = quarterly ? 4 : 12;
        var soFar = current.TakeWhile(v => v is not null).Select(v => v!.Value).ToList();
        var previous = Enumerable.Range(year - ForecastMethod.MaxYearsOfHistory, ForecastMethod.MaxYearsOfHistory)
            .Where(byYear.ContainsKey)
            .Select(y => byYear[y])
            .Where(v => v.Length == periods && v.All(x => x is not null))
            .Select(v => (IReadOnlyList<double>)v.Select(x => x!.Value).ToList())
            .ToList();
        if (ForecastMethod.Forecast(previous, soFar, periods) is not { } f)
        {
            return null;
        }

        var decimals = unit is IndicatorUnit.RatePer1000Residents or IndicatorUnit.RatePer1000Dwellings ? 2 : 0;
        decimal Shown(double v) => decimal.Round((decimal)(v * scale), decimals, MidpointRounding.AwayFromZero);
        string Words(decimal v) => IndicatorEvaluation.Format(v, unit, forDifference: true);

        var profile = ForecastMethod.Profile(previous, periods);
        var targetLine = (double)line.Line / scale;
        var perPeriod = ForecastMethod.Trajectory(targetLine, profile);
        var points = new List<ForecastPoint>();
        double cumulativeTarget = 0, cumulativeActual = 0;
        for (var i = 0; i < periods; i++)
        {
            cumulativeTarget += perPeriod[i];
            double? actual = i < soFar.Count ? soFar[i] : null;
            cumulativeActual += actual ?? 0;
            var (slug, display) = quarterly
                ? (ReportingPeriod.Of(year, i + 1).Slug, ReportingPeriod.Of(year, i + 1).Display)
                : (CalendarMonth.Of(year, 4).AddMonths(i).ToString(), CalendarMonth.Of(year, 4).AddMonths(i).Display);
            points.Add(new ForecastPoint(slug, display, Shown(perPeriod[i]), Shown(cumulativeTarget),
                actual is { } a ? Shown(a) : null, actual is null ? null : Shown(cumulativeActual)));
        }

        var forecast = Shown(f.Forecast);
        var low = Shown(f.Low);
        var high = Shown(f.High);
        bool Meets(decimal v) => line.Down
            ? (line.Strict ? v < line.Line : v <= line.Line)
            : (line.Strict ? v > line.Line : v >= line.Line);
        var yearLabel = ReportingPeriod.Year(year).Display;
        ForecastOutlook outlook;
        string sentence;
        if (f.Complete)
        {
            outlook = Meets(forecast) ? ForecastOutlook.Met : ForecastOutlook.Missed;
            sentence = $"{yearLabel} ended at {Words(forecast)} against a target {line.Text}: {Text(outlook).ToLowerInvariant()}.";
        }
        else
        {
            outlook = Meets(low) && Meets(high) ? ForecastOutlook.LikelyToMeet
                : !Meets(low) && !Meets(high) ? ForecastOutlook.LikelyToMiss
                : ForecastOutlook.TooCloseToCall;
            sentence = $"Forecast {Words(forecast)} ({Words(low)}–{Words(high)}) against a target {line.Text}: {Text(outlook).ToLowerInvariant()}.";
        }

        return new IndicatorForecast(year, yearLabel, points, Shown(f.YearToDate), forecast, low, high, line.Line, outlook, sentence, f.YearsOfHistory);
    }

    /// <summary>A manual indicator's entered months (or quarters) by financial year, for <see cref="Build"/>; values after <paramref name="asAt"/> left out.</summary>
    public static Dictionary<int, double?[]> ManualSeries(Indicator indicator, bool quarterly, CalendarMonth? asAt)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var result = new Dictionary<int, double?[]>();
        foreach (var v in indicator.Values)
        {
            var span = MonthSpan.FromKeys(v.FromMonth, v.ToMonth);
            if ((asAt is { } limit && span.To > limit) || span.Months != (quarterly ? 3 : 1) || (quarterly && span.AsReportingPeriod is null))
            {
                continue;
            }

            var slot = ((span.From.Month - 4 + 12) % 12) / (quarterly ? 3 : 1);
            var periods = result.TryGetValue(span.FinancialYear, out var known) ? known : result[span.FinancialYear] = new double?[quarterly ? 4 : 12];
            periods[slot] = (double)v.Value;
        }

        return result;
    }

    /// <summary>
    /// A recorded-crime indicator's monthly counts by financial year from <paramref name="firstYear"/> to the year of
    /// <paramref name="last"/>; months with no police.uk file loaded are null.
    /// </summary>
    public static async Task<Dictionary<int, double?[]>> CrimeSeriesAsync(
        SaferPlanDbContext db, int partnershipId, IReadOnlyCollection<short> crimeTypeIds, int firstYear, CalendarMonth last, ISet<int> loadedMonths, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(loadedMonths);
        int first = CalendarMonth.Of(firstYear, 4).Key, end = last.Key;
        var rows =
            from c in db.Set<CrimeCount>().AsNoTracking()
            join a in db.Set<PartnershipLsoa>() on c.LsoaId equals a.LsoaId
            where a.PartnershipId == partnershipId && c.Month >= first && c.Month <= end
            select new { c.Month, c.Counts };
        var byMonth = await CrimeStatistics.SumByAsync(rows.AsAsyncEnumerable(), r => r.Month, r => r.Counts, ct);
        var wanted = crimeTypeIds.ToHashSet();
        var result = new Dictionary<int, double?[]>();
        for (var m = CalendarMonth.FromKey(first); m <= last; m = m.AddMonths(1))
        {
            var year = MonthSpan.Month(m).FinancialYear;
            var periods = result.TryGetValue(year, out var known) ? known : result[year] = new double?[12];
            if (loadedMonths.Contains(m.Key))
            {
                periods[(m.Month - 4 + 12) % 12] = byMonth.TryGetValue(m.Key, out var counts) ? counts.Where(c => wanted.Contains(c.CrimeTypeId)).Sum(c => c.Count) : 0;
            }
        }

        return result;
    }
}
