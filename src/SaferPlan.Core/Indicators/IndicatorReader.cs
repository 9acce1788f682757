using System.Text.Json;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Statistics;

namespace SaferPlan.Core.Indicators;

/// <summary>
/// Reads indicators with their values judged against their targets, computing recorded-crime values from the crime data.
/// Indicators are never restricted, so anyone may read a partnership's indicators; links to priorities of a plan
/// edition the reader may not see are left out.
/// </summary>
public sealed partial class IndicatorReader(SaferPlanDbContext db, TimeProvider time)
{
    /// <summary>
    /// How a recorded-crime value is computed, as the indicator page states it.
    /// </summary>
    public const string DerivedRule =
        "Computed from police.uk recorded crime in the partnership's area (its LSOAs, counting every force that reports there) "
        + "for the crime type, or every type in the crime group. A value needs a police.uk file loaded for every month of its "
        + "period. Recorded-crime values are always over 12 months (a financial year, or the 12 months to a month), so they "
        + "compare with yearly baselines and targets: a monthly indicator shows the 12 months to each month, a quarterly one the "
        + "12 months to each quarter's end, a yearly one each financial year. A rate divides the count by the area's residents "
        + "or dwellings for the calendar year the period ends in (or, if that year has no figure, the latest year before it), "
        + "times 1,000, rounded to two decimal places before it is judged.";

    private const int MonthlyPoints = 12;
    private const int QuarterlyPoints = 8;
    private const int YearlyPoints = 5;

    /// <summary>The partnership's indicators, in order, each with its latest value and status; null if there is no such partnership.</summary>
    public async Task<(Partnership Partnership, IReadOnlyList<IndicatorSummary> Indicators)?> ListAsync(string slug, CancellationToken ct = default)
    {
        var partnership = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (partnership is null)
        {
            return null;
        }

        var indicators = await LoadAsync(db.Set<Indicator>().Where(i => i.PartnershipId == partnership.Id), ct);
        var context = await ContextAsync(partnership.Id, indicators, ct);
        var rows = new List<IndicatorSummary>();
        foreach (var indicator in indicators)
        {
            var latest = await LatestAsync(indicator, null, context, ct);
            var year = latest?.Span.FinancialYear ?? context.CurrentYear;
            rows.Add(new IndicatorSummary(indicator, latest, latest?.Target ?? await TargetAsync(indicator, year, context, ct)));
        }

        return (partnership, rows);
    }

    /// <summary>One indicator with everything about it; null if there is none.</summary>
    public async Task<IndicatorDetail?> DetailAsync(int id, UserContext user, CancellationToken ct = default)
    {
        var indicator = (await LoadAsync(db.Set<Indicator>().Where(i => i.Id == id), ct)).SingleOrDefault();
        if (indicator is null)
        {
            return null;
        }

        var partnership = await db.Partnerships.AsNoTracking().FirstAsync(p => p.Id == indicator.PartnershipId, ct);
        var context = await ContextAsync(partnership.Id, [indicator], ct);
        var baselines = new List<IndicatorBaselineView>();
        foreach (var b in indicator.Baselines.OrderBy(b => b.FromMonth).ThenBy(b => b.ToMonth))
        {
            baselines.Add(await BaselineAsync(indicator, b, context, ct));
        }

        var targets = new List<IndicatorTargetView>();
        foreach (var t in indicator.Targets.OrderBy(t => t.Year))
        {
            targets.Add((await TargetAsync(indicator, t.Year, context, ct))!);
        }

        var values = new List<IndicatorValueView>();
        if (indicator.Source == IndicatorSource.Manual)
        {
            var earlier = await EarlierValuesAsync(indicator, ct);
            foreach (var v in indicator.Values.OrderByDescending(v => v.ToMonth).ThenByDescending(v => v.FromMonth))
            {
                values.Add(await ManualAsync(indicator, v, earlier.GetValueOrDefault(v.Id, []), context, ct));
            }
        }
        else
        {
            foreach (var span in DerivedSpans(indicator.Frequency, context.Loaded))
            {
                values.Add(await DerivedValueAsync(indicator, span, context, ct));
            }
        }

        return new IndicatorDetail(indicator, partnership.Id, partnership.Slug, partnership.Name, Definition(indicator), baselines, targets, values, await LinksAsync(indicator.Id, partnership.Id, user, ct))
        {
            Forecast = await ForecastAsync(indicator, null, context, ct),
        };
    }

    /// <summary>An indicator's value for any span, judged: entered (manual) or computed (recorded crime). Null if there is no such indicator.</summary>
    public async Task<IndicatorValueView?> ValueForAsync(int id, MonthSpan span, CancellationToken ct = default)
    {
        var indicator = (await LoadAsync(db.Set<Indicator>().Where(i => i.Id == id), ct)).SingleOrDefault();
        if (indicator is null)
        {
            return null;
        }

        var context = await ContextAsync(indicator.PartnershipId, [indicator], ct);
        if (indicator.Source == IndicatorSource.RecordedCrime)
        {
            return await DerivedValueAsync(indicator, span, context, ct);
        }

        var value = indicator.Values.FirstOrDefault(v => v.FromMonth == span.From.Key && v.ToMonth == span.To.Key);
        return value is null
            ? await EmptyAsync(indicator, span, "No value has been entered for it", context, ct)
            : await ManualAsync(indicator, value, [], context, ct);
    }

    /// <summary>
    /// The indicators linked to each of the priorities (directly, or through a milestone beneath them), with their latest
    /// value up to <paramref name="asAt"/> (for a recorded-crime indicator, the 12 months to then) and its status.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<LinkedIndicator>>> LinkedToPrioritiesAsync(
        int partnershipId, IReadOnlyCollection<int> priorityIds, CalendarMonth asAt, bool includeRestricted, CancellationToken ct = default)
    {
        var ids = priorityIds.ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<int, IReadOnlyList<LinkedIndicator>>();
        }

        var direct = await db.Set<IndicatorLink>().AsNoTracking()
            .Where(l => l.PriorityId != null && ids.Contains(l.PriorityId.Value))
            .Select(l => new { l.IndicatorId, PriorityId = l.PriorityId!.Value, MilestoneCode = (string?)null, SortOrder = 0, MilestoneId = 0 })
            .ToListAsync(ct);
        var viaMilestones = await (
                from l in db.Set<IndicatorLink>().AsNoTracking()
                join m in db.Milestones.AsNoTracking() on l.MilestoneId equals m.Id
                where ids.Contains(m.Action.PriorityId)
                    && (includeRestricted || (m.Marking == ProtectiveMarking.Official && m.Action.Marking == ProtectiveMarking.Official))
                select new { l.IndicatorId, m.Action.PriorityId, MilestoneCode = (string?)m.Code, m.Action.SortOrder, MilestoneId = m.Id })
            .ToListAsync(ct);
        var links = direct.Concat(viaMilestones.OrderBy(l => l.SortOrder).ThenBy(l => l.MilestoneId)).ToList();
        if (links.Count == 0)
        {
            return new Dictionary<int, IReadOnlyList<LinkedIndicator>>();
        }

        var indicatorIds = links.Select(l => l.IndicatorId).Distinct().ToList();
        var indicators = (await LoadAsync(db.Set<Indicator>().Where(i => i.PartnershipId == partnershipId && indicatorIds.Contains(i.Id)), ct))
            .ToDictionary(i => i.Id);
        var context = await ContextAsync(partnershipId, indicators.Values, ct);
        var latest = new Dictionary<int, IndicatorValueView?>();
        foreach (var indicator in indicators.Values)
        {
            latest[indicator.Id] = await LatestAsync(indicator, asAt, context, ct);
        }

        var result = new Dictionary<int, IReadOnlyList<LinkedIndicator>>();
        foreach (var group in links.Where(l => indicators.ContainsKey(l.IndicatorId)).GroupBy(l => l.PriorityId))
        {
            var list = new List<LinkedIndicator>();
            foreach (var link in group.DistinctBy(l => (l.IndicatorId, l.MilestoneCode)))
            {
                var indicator = indicators[link.IndicatorId];
                var value = latest[indicator.Id];
                var target = value?.Target ?? await TargetAsync(indicator, MonthSpan.Month(asAt).FinancialYear, context, ct);
                var judgement = value?.Judgement ?? new IndicatorJudgement(IndicatorStatus.NoData, $"No value up to {asAt.Display}: no data.");
                var spc = await SpcAsync(indicator, asAt, context, ct);
                list.Add(new LinkedIndicator(
                    indicator.Id, indicator.Code, indicator.Name, link.PriorityId, link.MilestoneCode, value?.Span.Display,
                    value?.ValueText ?? "–", target is null ? null : TargetText(target), judgement.Status, judgement.Sentence)
                {
                    Synthetic = value?.Synthetic == true,
                    Forecast = await ForecastAsync(indicator, asAt, context, ct),
                    Change = value is { Value: not null, Computed: true } ? await ChangeAsync(indicator, value.Span, context, ct) : null,
                    SpcVariation = spc.Result.Variation,
                    SpcAssurance = spc.Result.Assurance,
                    SpcText = spc.Summary,
                });
            }

            result[group.Key] = list;
        }

        return result;
    }

    /// <summary>A target in a few words with its year: "2010/11: below the 2008/09 baseline (13.0 per 1,000 dwellings)".</summary>
    public static string TargetText(IndicatorTargetView target) =>
        target.Target.Wording is { Length: > 0 } wording
            ? wording
            : target.Baseline?.Value is { } b
                ? $"{target.Description} ({target.Baseline.ValueText})"
                : target.Description;

    /// <summary>The definition in words: "Entered by hand each quarter" or "Burglary per 1,000 dwellings, from recorded crime".</summary>
    public static string Definition(Indicator indicator)
    {
        var frequency = indicator.Frequency switch
        {
            IndicatorFrequency.Monthly => "month",
            IndicatorFrequency.Quarterly => "quarter",
            _ => "year",
        };
        if (indicator.Source == IndicatorSource.Manual)
        {
            return $"Entered by hand each {frequency}, with its source.";
        }

        var what = indicator.CrimeType?.Name ?? indicator.CrimeGroup?.Name ?? "Recorded crime";
        var per = indicator.Denominator switch
        {
            DenominatorKind.Residents => " per 1,000 residents",
            DenominatorKind.Dwellings => " per 1,000 dwellings",
            _ => "",
        };
        var members = indicator.CrimeGroup is { } g
            ? $" ({string.Join(", ", g.Members.Select(m => m.CrimeType?.Name).Where(n => n is not null).Order(StringComparer.Ordinal))})"
            : "";
        return $"{what}{members}{per}, from police.uk recorded crime in the partnership's area, reported each {frequency}.";
    }

    private sealed class Context
    {
        public required HashSet<int> LoadedKeys { get; init; }

        public required IReadOnlyList<CalendarMonth> Loaded { get; init; }

        public required IReadOnlyList<AreaDenominator> Denominators { get; init; }

        public required IReadOnlyList<int> SyntheticMonths { get; init; }

        public required int CurrentYear { get; init; }

        public Dictionary<(int IndicatorId, int From, int To), (decimal? Value, string? Note)> Derived { get; } = [];
    }

    private static async Task<List<Indicator>> LoadAsync(IQueryable<Indicator> query, CancellationToken ct) =>
        await query.AsNoTracking().AsSplitQuery()
            .Include(i => i.Values)
            .Include(i => i.Baselines)
            .Include(i => i.Targets)
            .Include(i => i.CrimeType)
            .Include(i => i.CrimeGroup!).ThenInclude(g => g.Members).ThenInclude(m => m.CrimeType)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Code)
            .ToListAsync(ct);

    private async Task<Context> ContextAsync(int partnershipId, IEnumerable<Indicator> indicators, CancellationToken ct)
    {
        var derived = indicators.Any(i => i.Source == IndicatorSource.RecordedCrime);
        var loaded = derived ? await new IndicatorCrimeQuery(db).LoadedMonthsAsync(ct) : [];
        var synthetic = derived ? await CrimeStatistics.SyntheticMonthsAsync(db, ct) : [];
        var denominators = derived
            ? await db.Set<AreaDenominator>().AsNoTracking().Where(d => d.PartnershipId == partnershipId).ToListAsync(ct)
            : [];
        var lastMonth = loaded.Count > 0 ? loaded[^1] : (CalendarMonth?)null;
        return new Context
        {
            Loaded = loaded,
            LoadedKeys = loaded.Select(m => m.Key).ToHashSet(),
            Denominators = denominators,
            SyntheticMonths = synthetic,
            CurrentYear = MonthSpan.Month(lastMonth ?? CalendarMonth.Containing(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime))).FinancialYear,
        };
    }

    private async Task<IndicatorValueView?> LatestAsync(Indicator indicator, CalendarMonth? asAt, Context context, CancellationToken ct)
    {
        if (indicator.Source == IndicatorSource.Manual)
        {
            var value = indicator.Values
                .Where(v => asAt is null || v.ToMonth <= asAt.Value.Key)
                .OrderByDescending(v => v.ToMonth).ThenByDescending(v => v.FromMonth)
                .FirstOrDefault();
            return value is null ? null : await ManualAsync(indicator, value, [], context, ct);
        }

        var loaded = context.Loaded.Where(m => asAt is null || m <= asAt.Value).ToList();
        return loaded.Count == 0 ? null : await DerivedValueAsync(indicator, MonthSpan.Rolling12(loaded[^1]), context, ct);
    }

    /// <summary>The spans a recorded-crime indicator is shown for, newest first, by its frequency (see <see cref="DerivedRule"/>).</summary>
    private static List<MonthSpan> DerivedSpans(IndicatorFrequency frequency, IReadOnlyList<CalendarMonth> loaded)
    {
        if (loaded.Count == 0)
        {
            return [];
        }

        var keys = loaded.Select(m => m.Key).ToHashSet();
        bool Covered(MonthSpan s) => s.EachMonth().All(m => keys.Contains(m.Key));
        var last = loaded[^1];
        var spans = new List<MonthSpan>();
        switch (frequency)
        {
            case IndicatorFrequency.Monthly:
                for (var m = last; spans.Count < MonthlyPoints && m >= loaded[0]; m = m.AddMonths(-1))
                {
                    spans.Add(MonthSpan.Rolling12(m));
                }

                break;
            case IndicatorFrequency.Quarterly:
                for (var m = last; spans.Count < QuarterlyPoints && m >= loaded[0]; m = m.AddMonths(-1))
                {
                    if (m.Month % 3 == 0)
                    {
                        spans.Add(MonthSpan.Rolling12(m));
                    }
                }

                break;
            default:
                var year = MonthSpan.Month(last).FinancialYear;
                for (var y = year; spans.Count < YearlyPoints && y >= loaded[0].Year - 1; y--)
                {
                    spans.Add(MonthSpan.Of(ReportingPeriod.Year(y)));
                }

                break;
        }

        return spans.Where(Covered).ToList();
    }

    private async Task<(decimal? Value, string? Note)> ComputeAsync(Indicator indicator, MonthSpan span, Context context, CancellationToken ct)
    {
        if (context.Derived.TryGetValue((indicator.Id, span.From.Key, span.To.Key), out var known))
        {
            return known;
        }

        var result = await ComputeUncachedAsync(indicator, span, context, ct);
        context.Derived[(indicator.Id, span.From.Key, span.To.Key)] = result;
        return result;
    }

    private async Task<(decimal? Value, string? Note)> ComputeUncachedAsync(Indicator indicator, MonthSpan span, Context context, CancellationToken ct)
    {
        var missing = span.EachMonth().Where(m => !context.LoadedKeys.Contains(m.Key)).ToList();
        if (missing.Count > 0)
        {
            return (null, missing.Count == span.Months
                ? "no police.uk crime data is loaded for it"
                : $"no police.uk crime data is loaded for {missing.Count} of its {span.Months} months (from {missing[0].Display})");
        }

        IReadOnlyCollection<short> types = indicator.CrimeTypeId is { } type
            ? [type]
            : indicator.CrimeGroup?.Members.Select(m => m.CrimeTypeId).ToList() ?? [];
        if (types.Count == 0)
        {
            return (null, "its crime group has no crime types");
        }

        var count = await new IndicatorCrimeQuery(db).CountAsync(indicator.PartnershipId, types, span.From, span.To, ct);
        if (indicator.Denominator is not { } kind)
        {
            return (count, null);
        }

        var denominator = context.Denominators
            .Where(d => d.Kind == kind && d.Year <= span.To.Year)
            .OrderByDescending(d => d.Year)
            .FirstOrDefault();
        var noun = kind == DenominatorKind.Residents ? "residents" : "dwellings";
        if (denominator is null || denominator.Value <= 0)
        {
            return (null, $"the partnership has no figure for its {noun} in {span.To.Year} or before");
        }

        return (decimal.Round(count * 1000m / denominator.Value, 2, MidpointRounding.AwayFromZero),
            string.Create(CultureInfo.InvariantCulture, $"{count:#,##0} crimes; {denominator.Value:#,##0} {noun} ({denominator.Year})"));
    }

    private async Task<IndicatorValueView> DerivedValueAsync(Indicator indicator, MonthSpan span, Context context, CancellationToken ct)
    {
        var (value, note) = await ComputeAsync(indicator, span, context, ct);
        if (value is null)
        {
            return await EmptyAsync(indicator, span, note ?? "it could not be computed", context, ct);
        }

        var target = await TargetAsync(indicator, span.FinancialYear, context, ct);
        var judgement = IndicatorEvaluation.Judge(indicator.Unit, indicator.Polarity, value, target?.Terms, ReportingPeriod.Year(span.FinancialYear).Display);
        return new IndicatorValueView(null, span, value, IndicatorEvaluation.Format(value.Value, indicator.Unit), true,
            "police.uk recorded crime", note, null, null, 0, target, judgement, [])
        {
            Synthetic = CrimeStatistics.AnySynthetic(context.SyntheticMonths, span.From, span.To),
        };
    }

    private async Task<IndicatorValueView> EmptyAsync(Indicator indicator, MonthSpan span, string reason, Context context, CancellationToken ct)
    {
        var target = await TargetAsync(indicator, span.FinancialYear, context, ct);
        var judgement = new IndicatorJudgement(IndicatorStatus.NoData, $"No value for {span.Display}: {reason}. No data.");
        return new IndicatorValueView(null, span, null, "–", indicator.Source == IndicatorSource.RecordedCrime, null, null, null, null, 0, target, judgement, []);
    }

    private async Task<IndicatorValueView> ManualAsync(Indicator indicator, IndicatorValue v, IReadOnlyList<EarlierValue> earlier, Context context, CancellationToken ct)
    {
        var span = MonthSpan.FromKeys(v.FromMonth, v.ToMonth);
        var target = await TargetAsync(indicator, span.FinancialYear, context, ct);
        var judgement = IndicatorEvaluation.Judge(indicator.Unit, indicator.Polarity, v.Value, target?.Terms, ReportingPeriod.Year(span.FinancialYear).Display);
        return new IndicatorValueView(v.Id, span, v.Value, IndicatorEvaluation.Format(v.Value, indicator.Unit), false,
            v.Source, v.Comment, Accounts.EmailAddresses.Hide(v.EnteredBy), v.EnteredAt, v.Version, target, judgement, earlier);
    }

    private async Task<IndicatorTargetView?> TargetAsync(Indicator indicator, int year, Context context, CancellationToken ct)
    {
        var target = indicator.Targets.FirstOrDefault(t => t.Year == year);
        if (target is null)
        {
            return null;
        }

        var baseline = target.BaselineId is { } id && indicator.Baselines.FirstOrDefault(b => b.Id == id) is { } b
            ? await BaselineAsync(indicator, b, context, ct)
            : null;
        return new IndicatorTargetView(target, baseline, IndicatorEvaluation.Describe(target.Kind, target.Number, indicator.Unit, baseline?.Span.Display));
    }

    private async Task<IndicatorBaselineView> BaselineAsync(Indicator indicator, IndicatorBaseline baseline, Context context, CancellationToken ct)
    {
        var span = MonthSpan.FromKeys(baseline.FromMonth, baseline.ToMonth);
        if (baseline.Value is { } entered || indicator.Source == IndicatorSource.Manual)
        {
            return new IndicatorBaselineView(baseline, span, baseline.Value,
                false, baseline.Value is { } v ? IndicatorEvaluation.Format(v, indicator.Unit) : "–", null);
        }

        var (value, note) = await ComputeAsync(indicator, span, context, ct);
        return new IndicatorBaselineView(baseline, span, value, true, value is { } c ? IndicatorEvaluation.Format(c, indicator.Unit) : "–", note)
        {
            Synthetic = value is not null && CrimeStatistics.AnySynthetic(context.SyntheticMonths, span.From, span.To),
        };
    }

    /// <summary>
    /// The forecast for the financial year of the indicator's latest month or quarter (up to <paramref name="asAt"/>),
    /// when that year has a target and the indicator adds up over the year (see <see cref="IndicatorForecasts"/>).
    /// </summary>
    private async Task<IndicatorForecast?> ForecastAsync(Indicator indicator, CalendarMonth? asAt, Context context, CancellationToken ct)
    {
        if (!IndicatorForecasts.Forecastable(indicator.Unit))
        {
            return null;
        }

        if (indicator.Source == IndicatorSource.Manual)
        {
            if (indicator.Frequency == IndicatorFrequency.Yearly)
            {
                return null;
            }

            var quarterly = indicator.Frequency == IndicatorFrequency.Quarterly;
            var series = IndicatorForecasts.ManualSeries(indicator, quarterly, asAt);
            if (series.Count == 0)
            {
                return null;
            }

            var year = series.Keys.Max();
            return await TargetAsync(indicator, year, context, ct) is { } target
                ? IndicatorForecasts.Build(indicator.Unit, indicator.Polarity, target.Terms, year, series, quarterly)
                : null;
        }

        var loaded = context.Loaded.Where(m => asAt is null || m <= asAt.Value).ToList();
        IReadOnlyCollection<short> types = indicator.CrimeTypeId is { } type ? [type] : indicator.CrimeGroup?.Members.Select(m => m.CrimeTypeId).ToList() ?? [];
        if (loaded.Count == 0 || types.Count == 0)
        {
            return null;
        }

        var current = MonthSpan.Month(loaded[^1]).FinancialYear;
        if (await TargetAsync(indicator, current, context, ct) is not { } currentTarget)
        {
            return null;
        }

        var scale = 1.0;
        if (indicator.Denominator is { } kind)
        {
            var denominator = context.Denominators.Where(d => d.Kind == kind && d.Year <= current + 1).OrderByDescending(d => d.Year).FirstOrDefault();
            if (denominator is null || denominator.Value <= 0)
            {
                return null;
            }

            scale = 1000.0 / (double)denominator.Value;
        }

        var counts = await IndicatorForecasts.CrimeSeriesAsync(db, indicator.PartnershipId, types, current - ForecastMethod.MaxYearsOfHistory, loaded[^1], context.LoadedKeys, ct);
        return IndicatorForecasts.Build(indicator.Unit, indicator.Polarity, currentTarget.Terms, current, counts, quarterly: false, scale);
    }

    /// <summary>
    /// A recorded-crime value's 12 months against the 12 before, by the exact test on the two counts (a rate's
    /// residents or dwellings in each year as its exposure); null when the earlier months are not all loaded.
    /// </summary>
    private async Task<string?> ChangeAsync(Indicator indicator, MonthSpan span, Context context, CancellationToken ct)
    {
        var before = new MonthSpan(span.From.AddMonths(-span.Months), span.From.AddMonths(-1));
        IReadOnlyCollection<short> types = indicator.CrimeTypeId is { } type ? [type] : indicator.CrimeGroup?.Members.Select(m => m.CrimeTypeId).ToList() ?? [];
        if (types.Count == 0 || before.EachMonth().Any(m => !context.LoadedKeys.Contains(m.Key)))
        {
            return null;
        }

        double Exposure(MonthSpan s) => indicator.Denominator is { } kind
            && context.Denominators.Where(d => d.Kind == kind && d.Year <= s.To.Year).OrderByDescending(d => d.Year).FirstOrDefault() is { Value: > 0 } d
                ? (double)d.Value
                : 1;
        var query = new IndicatorCrimeQuery(db);
        var current = await query.CountAsync(indicator.PartnershipId, types, span.From, span.To, ct);
        var previous = await query.CountAsync(indicator.PartnershipId, types, before.From, before.To, ct);
        return $"The {span.Months} months to {span.To.Display} against the {before.Months} before: {Significance.Describe(current, previous, Exposure(span), Exposure(before))}.";
    }

    /// <summary>Each value's earlier values, from the audit trail's record of its changes, newest first.</summary>
    private async Task<Dictionary<int, IReadOnlyList<EarlierValue>>> EarlierValuesAsync(Indicator indicator, CancellationToken ct)
    {
        var ids = indicator.Values.Select(v => v.Id).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(IndicatorValue) && a.Action == AuditAction.Updated && ids.Contains(a.EntityId))
            .OrderByDescending(a => a.Id)
            .ToListAsync(ct);
        var result = new Dictionary<int, IReadOnlyList<EarlierValue>>();
        foreach (var group in entries.GroupBy(e => e.EntityId))
        {
            var list = new List<EarlierValue>();
            foreach (var entry in group)
            {
                var changes = JsonSerializer.Deserialize<List<FieldChange>>(entry.Changes, AuditJson.Options) ?? [];
                string? Old(string field) => changes.FirstOrDefault(c => c.Field == field)?.Old;
                if (changes.Any(c => c.Field is nameof(IndicatorValue.Value) or nameof(IndicatorValue.Source) or nameof(IndicatorValue.Comment)))
                {
                    var old = Old(nameof(IndicatorValue.Value));
                    var shown = old is not null && decimal.TryParse(old, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)
                        ? IndicatorEvaluation.Format(d, indicator.Unit)
                        : null;
                    list.Add(new EarlierValue(shown, Old(nameof(IndicatorValue.Source)), Old(nameof(IndicatorValue.Comment)), Accounts.EmailAddresses.Hide(entry.Actor)!, entry.OccurredAt));
                }
            }

            result[group.Key] = list;
        }

        return result;
    }

    private async Task<IReadOnlyList<IndicatorLinkView>> LinksAsync(int indicatorId, int partnershipId, UserContext user, CancellationToken ct)
    {
        var toPriorities = await (
                from l in db.Set<IndicatorLink>().AsNoTracking()
                join p in db.Priorities.AsNoTracking() on l.PriorityId equals p.Id
                where l.IndicatorId == indicatorId
                select new { l.Id, p.Kind, p.Number, p.Title, p.Marking, Edition = p.Edition, PriorityId = p.Id })
            .ToListAsync(ct);
        var toMilestones = await (
                from l in db.Set<IndicatorLink>().AsNoTracking()
                join m in db.Milestones.AsNoTracking() on l.MilestoneId equals m.Id
                where l.IndicatorId == indicatorId
                select new
                {
                    l.Id, m.Code, m.Text, MilestoneId = m.Id, Edition = m.Action.Priority.Edition,

                    // A milestone beneath a restricted action or priority is as restricted as they are.
                    Marking = m.Marking == ProtectiveMarking.Official && m.Action.Marking == ProtectiveMarking.Official && m.Action.Priority.Marking == ProtectiveMarking.Official
                        ? ProtectiveMarking.Official
                        : ProtectiveMarking.Restricted,
                })
            .ToListAsync(ct);
        var restricted = Permissions.CanSeeRestricted(user, partnershipId);
        var links = new List<IndicatorLinkView>();
        links.AddRange(toPriorities
            .Where(l => Permissions.CanReadEdition(user, l.Edition, partnershipId) && (restricted || l.Marking == ProtectiveMarking.Official))
            .Select(l => new IndicatorLinkView(l.Id, l.PriorityId, null,
                l.Kind == PriorityKind.Priority ? $"Priority {l.Number}: {l.Title}" : l.Title,
                l.Edition.Id, ReportingPeriod.Year(l.Edition.YearStart).Display)));
        links.AddRange(toMilestones
            .Where(l => Permissions.CanReadEdition(user, l.Edition, partnershipId) && (restricted || l.Marking == ProtectiveMarking.Official))
            .Select(l => new IndicatorLinkView(l.Id, null, l.MilestoneId, $"Milestone {l.Code}: {l.Text}", l.Edition.Id, ReportingPeriod.Year(l.Edition.YearStart).Display)));
        return links.OrderByDescending(l => l.EditionYear, StringComparer.Ordinal).ThenBy(l => l.Text, StringComparer.Ordinal).ToList();
    }
}
