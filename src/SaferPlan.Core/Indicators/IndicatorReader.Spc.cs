using SaferPlan.Core.Crime;

namespace SaferPlan.Core.Indicators;

/// <summary>One value of an indicator's series for SPC.</summary>
public sealed record IndicatorSeriesPoint(MonthSpan Span, decimal Value);

/// <summary>
/// An indicator's values one per period of its frequency, oldest first, with the target for the financial year of the
/// latest point (its line, in the unit of a point). See <see cref="IndicatorReader.SeriesRule"/>.
/// </summary>
public sealed record IndicatorSeries(Indicator Indicator, IReadOnlyList<IndicatorSeriesPoint> Points, IndicatorTargetView? Target, decimal? TargetLine)
{
    /// <summary>Computed from recorded crime of which some month was loaded from a synthetic file.</summary>
    public bool Synthetic { get; init; }
}

public sealed partial class IndicatorReader
{
    public const string SeriesRule =
        "The chart plots one value per period of the indicator's frequency (a month, a quarter or a financial year), oldest first. "
        + "For an entered indicator these are its values for exactly such periods. For a recorded-crime indicator each point is the "
        + "count (or rate) for that period alone, not the 12 months to it, so that neighbouring points do not share months; its "
        + "yearly target is then pro-rated to the length of a period (a twelfth for a month, a quarter for a quarter) before the "
        + "assurance is read.";

    /// <summary>The series an SPC chart is drawn from; null if there is no such indicator.</summary>
    public async Task<IndicatorSeries?> SeriesAsync(int id, CancellationToken ct = default)
    {
        var indicator = (await LoadAsync(db.Set<Indicator>().Where(i => i.Id == id), ct)).SingleOrDefault();
        if (indicator is null)
        {
            return null;
        }

        var context = await ContextAsync(indicator.PartnershipId, [indicator], ct);
        return await SeriesAsync(indicator, null, context, ct);
    }

    /// <summary>The SPC variation and assurance of an indicator over its points up to <paramref name="asAt"/>, as the dashboard and Board report show them.</summary>
    private async Task<Statistics.IndicatorSpc> SpcAsync(Indicator indicator, CalendarMonth asAt, Context context, CancellationToken ct) =>
        Statistics.IndicatorSpcService.Compute(await SeriesAsync(indicator, asAt, context, ct));

    private async Task<IndicatorSeries> SeriesAsync(Indicator indicator, CalendarMonth? asAt, Context context, CancellationToken ct)
    {
        var points = new List<IndicatorSeriesPoint>();
        if (indicator.Source == IndicatorSource.Manual)
        {
            points.AddRange(indicator.Values
                .Select(v => new IndicatorSeriesPoint(MonthSpan.FromKeys(v.FromMonth, v.ToMonth), v.Value))
                .Where(p => IsPeriodOf(indicator.Frequency, p.Span) && (asAt is null || p.Span.To <= asAt.Value))
                .OrderBy(p => p.Span.From));
        }
        else
        {
            foreach (var span in PeriodsLoaded(indicator.Frequency, context.Loaded.Where(m => asAt is null || m <= asAt.Value).ToList()))
            {
                if ((await ComputeAsync(indicator, span, context, ct)).Value is { } value)
                {
                    points.Add(new IndicatorSeriesPoint(span, value));
                }
            }
        }

        if (points.Count == 0)
        {
            return new IndicatorSeries(indicator, points, null, null);
        }

        var last = points[^1].Span;
        var target = await TargetAsync(indicator, last.FinancialYear, context, ct);
        var line = target is null ? null : IndicatorEvaluation.TargetLine(indicator.Unit, indicator.Polarity, target.Terms)?.Line;
        if (line is { } l && indicator.Source == IndicatorSource.RecordedCrime && last.Months < 12)
        {
            line = l * last.Months / 12m;
        }

        return new IndicatorSeries(indicator, points, target, line)
        {
            Synthetic = indicator.Source == IndicatorSource.RecordedCrime
                && CrimeStatistics.AnySynthetic(context.SyntheticMonths, points[0].Span.From, last.To),
        };
    }

    private static bool IsPeriodOf(IndicatorFrequency frequency, MonthSpan span) => frequency switch
    {
        IndicatorFrequency.Monthly => span.Months == 1,
        IndicatorFrequency.Quarterly => span.Months == 3 && span.AsReportingPeriod is { IsWholeYear: false },
        _ => span.Months == 12 && span.AsReportingPeriod is { IsWholeYear: true },
    };

    /// <summary>The months, quarters or financial years every month of which has police.uk data loaded, oldest first.</summary>
    private static IEnumerable<MonthSpan> PeriodsLoaded(IndicatorFrequency frequency, IReadOnlyList<CalendarMonth> loaded)
    {
        if (loaded.Count == 0)
        {
            return [];
        }

        var keys = loaded.Select(m => m.Key).ToHashSet();
        var spans = new List<MonthSpan>();
        for (var m = loaded[0]; m <= loaded[^1]; m = m.AddMonths(1))
        {
            var span = frequency switch
            {
                IndicatorFrequency.Monthly => MonthSpan.Month(m),
                IndicatorFrequency.Quarterly => MonthSpan.Of(ReportingPeriod.QuarterContaining(m.FirstDay)),
                _ => MonthSpan.Of(ReportingPeriod.Year(MonthSpan.Month(m).FinancialYear)),
            };
            if (span.To == m && span.EachMonth().All(month => keys.Contains(month.Key)))
            {
                spans.Add(span);
            }
        }

        return spans;
    }
}
