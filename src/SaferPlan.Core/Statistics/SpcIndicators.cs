using SaferPlan.Core.Indicators;

namespace SaferPlan.Core.Statistics;

/// <summary>One point of an indicator's SPC chart: its period and the XmR point.</summary>
public sealed record IndicatorSpcPoint(MonthSpan Span, SpcPoint Point, bool InBaseline);

/// <summary>An indicator's SPC chart: the series it is drawn from, the XmR result, and the fixed baseline period if any.</summary>
public sealed record IndicatorSpc(IndicatorSeries Series, SpcResult Result, IReadOnlyList<IndicatorSpcPoint> Points, MonthSpan? Baseline, string? BaselineNote)
{
    public Indicator Indicator => Series.Indicator;

    /// <summary>Everything the chart says in words: the message from the computation and any note about the baseline.</summary>
    public string? Message => string.Join(" ", new[] { BaselineNote, Result.Message }.Where(m => m is not null)) is { Length: > 0 } text ? text : null;

    public string VariationText => Result.Variation is { } v ? Spc.Text(v) : "No variation icon: too few points";

    public string? AssuranceText => Result.Assurance is { } a ? Spc.Text(a) : null;

    /// <summary>The variation and assurance in a sentence or two, as the dashboard and the Board report give them.</summary>
    public string Summary => Result.Variation is null
        ? $"No SPC: {(Points.Count == 1 ? "1 point" : $"{Points.Count} points")}, too few for process limits."
        : $"{VariationText}." + (AssuranceText is { } a ? $" {a}." : "") + (Points.Count < Spc.TrialLimitsBelow ? $" Trial limits on {Points.Count} points." : "");

    /// <summary>The indicator's unit formats the chart's numbers.</summary>
    public string Format(double? value) =>
        value is { } v && double.IsFinite(v) ? IndicatorEvaluation.Format(decimal.Round((decimal)v, 2), Indicator.Unit) : "–";
}

/// <summary>Reads an indicator's SPC chart and fixes (or clears) the baseline period its limits are computed from.</summary>
public sealed class IndicatorSpcService(SaferPlanDbContext db, IndicatorReader reader)
{
    private const string NotAllowed = "Only the partnership's administrators, support officers and analysts can change indicators.";

    public static SpcDirection Direction(Polarity polarity) =>
        polarity == Polarity.HigherIsBetter ? SpcDirection.Increase : SpcDirection.Decrease;

    /// <summary>
    /// What the indicator's chart rests on, in one small query: its version and its partnership's change stamp, which
    /// every save of the partnership's indicators, values, targets and denominators moves on, and every crime import
    /// moves on for all partnerships. Null if there is no such indicator.
    /// </summary>
    public Task<IndicatorSpcStamp?> StampAsync(int id, CancellationToken ct = default) =>
        db.Set<Indicator>().AsNoTracking().Where(i => i.Id == id)
            .Join(db.Partnerships, i => i.PartnershipId, p => p.Id, (i, p) => new IndicatorSpcStamp(i.Id, i.PartnershipId, i.Version, p.ChangeStamp))
            .FirstOrDefaultAsync(ct);

    /// <summary>The indicator's SPC chart; null if there is no such indicator. Indicators are never restricted.</summary>
    public async Task<IndicatorSpc?> ChartAsync(int id, CancellationToken ct = default)
    {
        return await reader.SeriesAsync(id, ct) is { } series ? Compute(series) : null;
    }

    /// <summary>The XmR chart of a series, its limits from the indicator's fixed baseline period if it has one.</summary>
    public static IndicatorSpc Compute(IndicatorSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var indicator = series.Indicator;
        MonthSpan? baseline = indicator is { SpcBaselineFromMonth: { } from, SpcBaselineToMonth: { } to }
            ? MonthSpan.FromKeys(from, to)
            : null;
        int? first = null;
        int? last = null;
        string? note = null;
        if (baseline is { } b)
        {
            var inside = series.Points.Select((p, i) => (p, i)).Where(x => x.p.Span.From >= b.From && x.p.Span.To <= b.To).Select(x => x.i).ToList();
            if (inside.Count == 0)
            {
                note = series.Points.Count == 0 ? null : $"No point lies in the baseline period {b.Display}, so the limits are computed from every point.";
            }
            else
            {
                first = inside[0];
                last = inside[^1];
            }
        }

        var input = series.Points.Select(p => new SpcInput(p.Span.Slug, (double)p.Value)).ToList();
        var result = Spc.Calculate(input, new SpcOptions(Direction(indicator.Polarity), first, last, (double?)series.TargetLine));
        var points = series.Points.Select((p, i) => new IndicatorSpcPoint(p.Span, result.Points[i], result.Mean is not null && i >= result.BaselineFirst && i <= result.BaselineLast)).ToList();
        return new IndicatorSpc(series, result, points, baseline, note);
    }

    /// <summary>Fixes the baseline to <paramref name="period"/> (as <see cref="MonthSpan.TryParse"/> reads it), or clears it when empty.</summary>
    public async Task<EditResult<Indicator>> SetBaselineAsync(int id, string? period, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        var indicator = await db.Set<Indicator>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (indicator is null)
        {
            return EditResult<Indicator>.NotFound($"There is no indicator {id}.");
        }

        if (!Permissions.CanEditIndicators(user, indicator.PartnershipId))
        {
            return EditResult<Indicator>.Forbidden(NotAllowed);
        }

        MonthSpan? span = null;
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (!MonthSpan.TryParse(period, out var parsed))
            {
                db.ChangeTracker.Clear();
                return EditResult<Indicator>.Invalid("Period", $"Enter the baseline period as {MonthSpan.FormatHint}");
            }

            span = parsed;
        }

        return await db.SaveEditAsync(indicator, expectedVersion, new EditSave(indicator.PartnershipId, "indicator")
        {
            Change = () =>
            {
                indicator.SpcBaselineFromMonth = span?.From.Key;
                indicator.SpcBaselineToMonth = span?.To.Key;
            },
        }, ct);
    }
}

/// <summary>An indicator's chart is the same for everyone while these are: a cache key for it.</summary>
public sealed record IndicatorSpcStamp(int IndicatorId, int PartnershipId, int Version, long ChangeStamp)
{
    public string CacheKey => string.Create(CultureInfo.InvariantCulture, $"{IndicatorId}:{Version}:{PartnershipId}:{ChangeStamp}");
}
