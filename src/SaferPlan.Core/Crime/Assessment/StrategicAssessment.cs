namespace SaferPlan.Core.Crime.Assessment;

/// <summary>The arithmetic of the evidence pack, in one place so the page, the DOCX, the API and the tests agree.</summary>
public static class AssessmentMaths
{
    public const string ChangeRule = "Percentage change is (this period − previous period) ÷ previous period × 100, to one decimal place; there is none when the previous period had no crimes.";

    public const string ShareRule = "A crime type's share of its group is its count ÷ the group's count × 100, to two decimal places.";

    /// <summary>7.9 for 1,079 against 1,000; null when the previous count is 0.</summary>
    public static decimal? PercentChange(int current, int previous) =>
        previous == 0 ? null : Math.Round((current - previous) * 100m / previous, 1, MidpointRounding.AwayFromZero);

    /// <summary>60.98 for 658 of 1,079; null when the group is empty.</summary>
    public static decimal? Share(int part, int whole) =>
        whole == 0 ? null : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);

    /// <summary>Crimes per 1,000 residents or dwellings, to two decimal places: 6.78 for 400 burglaries among 59,000 dwellings.</summary>
    public static decimal? RatePerThousand(int count, decimal? denominator) =>
        denominator is { } d && d > 0 ? Math.Round(count * 1000m / d, 2, MidpointRounding.AwayFromZero) : null;

    public static string Percent(decimal? value, int decimals = 1) =>
        value is { } v ? v.ToString(decimals == 1 ? "0.0" : "0.00", CultureInfo.InvariantCulture) + "%" : "n/a";

    public static string SignedPercent(decimal? value) =>
        value is { } v ? (v > 0 ? "+" : "") + v.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";

    public static string SignedCount(int value) => (value > 0 ? "+" : "") + value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// The one sentence the page and the DOCX say of a change, tested for significance (<see cref="Statistics.Significance"/>):
    /// "1,079 in September 2008 to August 2009 against 1,000 in the previous 12 months (+79): rose 7.9%, not a significant change."
    /// </summary>
    public static string ChangeSentence(AssessmentRow row, string period)
    {
        ArgumentNullException.ThrowIfNull(row);
        return string.Create(CultureInfo.InvariantCulture,
            $"{row.Current:N0} in {period} against {row.Previous:N0} in the previous 12 months ({SignedCount(row.Change)}): {Statistics.Significance.Describe(row.Current, row.Previous)}.");
    }

    public static string Rate(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
}

/// <summary>A crime type or group: this period against the previous 12 months, with rates.</summary>
public sealed record AssessmentRow(string Name, int Current, int Previous, decimal? ResidentsRate, decimal? DwellingsRate)
{
    public int Change => Current - Previous;

    public decimal? PercentChange => AssessmentMaths.PercentChange(Current, Previous);
}

/// <summary>A crime type within a group: its count and its share of the group in each period.</summary>
public sealed record GroupMemberShare(string Name, int Current, int Previous, decimal? Share, decimal? PreviousShare);

/// <summary>One month of a window beside the same month of the previous window.</summary>
public sealed record TrendPoint(CalendarMonth Month, int Current, CalendarMonth PreviousMonth, int Previous);

public sealed record AssessmentGroup(string Key, string Name, AssessmentRow Totals, IReadOnlyList<GroupMemberShare> Members, IReadOnlyList<TrendPoint> Trend);

/// <summary>A ward or LSOA among the busiest for the hot-spot measure.</summary>
public sealed record HotSpot(string Code, string Name, string? Ward, int Current, int Previous)
{
    public int Change => Current - Previous;

    public decimal? PercentChange => AssessmentMaths.PercentChange(Current, Previous);
}

/// <summary>
/// An indicator's status for the evidence pack: its value for the assessment's 12 months when it has one (every
/// recorded-crime indicator does), otherwise its latest value, judged against that year's target.
/// </summary>
public sealed record AssessmentIndicator(string Code, string Name, string Status, string Sentence);

/// <summary>
/// The strategic assessment evidence pack for a partnership and a 12-month window (e.g. September to August): each
/// crime type and group with this period, the previous 12 months, change, percentage change, share of its group and
/// rates per 1,000 residents and dwellings; the busiest wards and LSOAs; monthly trends; indicator statuses.
/// </summary>
public sealed record StrategicAssessment(
    string Slug, string PartnershipName, string? AreaDefinition, int AreaLsoas,
    CalendarMonth From, CalendarMonth To, CalendarMonth PreviousFrom, CalendarMonth PreviousTo,
    string? Notice, AreaDenominator? Residents, AreaDenominator? Dwellings,
    IReadOnlyList<AssessmentRow> CrimeTypes, IReadOnlyList<AssessmentGroup> Groups,
    string HotSpotMeasure, IReadOnlyList<HotSpot> TopWards, IReadOnlyList<HotSpot> TopLsoas,
    IReadOnlyList<AssessmentIndicator> Indicators)
{
    public const int HotSpotCount = 10;

    /// <summary>The partnership's change stamp the pack was built under: pages name it in chart addresses so browsers keep a chart until the figures change.</summary>
    public long ChangeStamp { get; init; }

    /// <summary>The year's neighbourhood panel priorities by ward beside each ward's crime (Official priorities only: the pack is public).</summary>
    public IReadOnlyList<Panels.AssessmentPanelWard> PanelWards { get; init; } = [];

    /// <summary>Each crime group's SPC variation over the months to the period's end (more crime is concern).</summary>
    public IReadOnlyList<CrimeSeriesSpc> GroupVariation { get; init; } = [];

    public string Period => $"{From.Display} to {To.Display}";

    public string PreviousPeriod => $"{PreviousFrom.Display} to {PreviousTo.Display}";

    public string Title => $"Strategic assessment: recorded crime, {Period}";

    /// <summary>"2008-09_2009-08", for file names.</summary>
    public string FileStem => $"{Slug}-assessment-{From}-{To}";
}

/// <summary>
/// Builds the evidence pack from <see cref="CrimeStatistics"/>, charts and all, once per window and data stamp: later
/// requests for the same window get the same built pack from <see cref="CrimeCache"/> until the stamp moves on.
/// </summary>
public sealed class StrategicAssessmentBuilder(CrimeStatistics statistics, SaferPlanDbContext db, CrimeCache cache, TimeProvider time)
{
    public Task<StrategicAssessment> BuildAsync(CrimeDataStamp stamp, CalendarMonth from, CalendarMonth to, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        return cache.GetOrCreateAsync(
            $"assessment:{from.Key}:{to.Key}:{stamp.CacheKey}",
            ct => ComputeAsync(stamp, from, to, ct),
            a => 4096 + a.Groups.Sum(g => 512L + (g.Members.Count * 160L) + (g.Trend.Count * 96L))
                + ((a.CrimeTypes.Count + a.TopWards.Count + a.TopLsoas.Count + a.Indicators.Count) * 256L),
            ct);
    }

    /// <summary>
    /// A group's trend chart as SVG, drawn when it is first asked for (the page links each chart as an image, so an
    /// evidence pack that is only read, or downloaded, draws none) and cached beside the pack.
    /// </summary>
    public Task<string> ChartSvgAsync(CrimeDataStamp stamp, StrategicAssessment assessment, AssessmentGroup group, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(group);
        return cache.GetOrCreateAsync(
            $"assessment:chart:{group.Key}:{assessment.From.Key}:{assessment.To.Key}:{stamp.CacheKey}",
            _ => Task.FromResult(AssessmentCharts.TrendSvg(group, assessment.From, assessment.To, assessment.PreviousFrom, assessment.PreviousTo, $"chart-{group.Key}")),
            svg => 2L * svg.Length,
            ct);
    }

    private async Task<StrategicAssessment> ComputeAsync(CrimeDataStamp stamp, CalendarMonth from, CalendarMonth to, CancellationToken ct)
    {
        var length = from.MonthsUntil(to) + 1;
        var previousTo = from.AddMonths(-1);
        var previousFrom = from.AddMonths(-length);
        var monthly = await statistics.MonthlyAsync(stamp, ct);
        var groups = await statistics.GroupsAsync(stamp, ct);
        var area = await statistics.AreaLsoaIdsAsync(stamp, ct);
        var synthetic = await statistics.IsSyntheticAsync(stamp, previousFrom, to, ct);
        var denominators = await cache.GetOrCreateAsync(
            $"crime:denominators:{stamp.CacheKey}",
            ct => db.Set<AreaDenominator>().AsNoTracking().Where(d => d.PartnershipId == stamp.PartnershipId).ToListAsync(ct),
            d => 64 + (d.Count * 128L),
            ct);
        var residents = DenominatorService.For(denominators, DenominatorKind.Residents, to.Year);
        var dwellings = DenominatorService.For(denominators, DenominatorKind.Dwellings, to.Year);

        AssessmentRow Row(string name, IReadOnlyCollection<short> types)
        {
            var current = monthly.Count(types, from, to);
            return new AssessmentRow(name, current, monthly.Count(types, previousFrom, previousTo),
                AssessmentMaths.RatePerThousand(current, residents?.Value), AssessmentMaths.RatePerThousand(current, dwellings?.Value));
        }

        var types = CrimeTypes.All
            .Select(t => Row(t.Name, [t.Id]))
            .Where(r => r.Current > 0 || r.Previous > 0)
            .ToList();

        var assessmentGroups = new List<AssessmentGroup>();
        foreach (var g in groups)
        {
            var totals = Row(g.Name, g.CrimeTypeIds);
            var members = g.CrimeTypeIds.Select(id =>
            {
                var current = monthly.Count(id, from, to);
                var previous = monthly.Count(id, previousFrom, previousTo);
                return new GroupMemberShare(CrimeTypes.All.Single(t => t.Id == id).Name, current, previous,
                    AssessmentMaths.Share(current, totals.Current), AssessmentMaths.Share(previous, totals.Previous));
            }).ToList();
            var trend = Enumerable.Range(0, length).Select(i =>
            {
                var m = from.AddMonths(i);
                var p = previousFrom.AddMonths(i);
                return new TrendPoint(m, g.CrimeTypeIds.Sum(t => monthly[m, t]), p, g.CrimeTypeIds.Sum(t => monthly[p, t]));
            }).ToList();
            assessmentGroups.Add(new AssessmentGroup(g.Key, g.Name, totals, members, trend));
        }

        // Hot spots count crime, not anti-social behaviour: the partnership's "all crime" group when it has one.
        var allCrime = groups.FirstOrDefault(g => g.Key == "all-crime");
        IReadOnlyList<short> measureTypes = allCrime?.CrimeTypeIds ?? CrimeTypes.All.Where(t => !t.IsAntiSocialBehaviour).Select(t => t.Id).ToList();
        var measure = allCrime?.Name ?? "All crime (every type but anti-social behaviour)";
        var wards = await HotSpotsAsync(stamp, CrimeBreakdown.Ward, measureTypes, from, to, previousFrom, previousTo, ct);
        var lsoas = await HotSpotsAsync(stamp, CrimeBreakdown.Lsoa, measureTypes, from, to, previousFrom, previousTo, ct);
        var panelWards = await Panels.PanelAssessment.WardsAsync(db, stamp.PartnershipId, from, to,
            ct => WardCountsAsync(stamp, measureTypes, from, to, previousFrom, previousTo, ct), ct);

        return new StrategicAssessment(
            stamp.Slug, stamp.Name, stamp.AreaDefinition, area.Count, from, to, previousFrom, previousTo,
            synthetic ? CrimeStatistics.SyntheticNotice : null, residents, dwellings, types, assessmentGroups,
            measure, wards, lsoas, await IndicatorsAsync(stamp, from, to, ct))
        {
            ChangeStamp = stamp.ChangeStamp,
            PanelWards = panelWards,
            GroupVariation = CrimeSpc.ForAssessment(groups, monthly, to),
        };
    }

    private async Task<IReadOnlyList<AssessmentIndicator>> IndicatorsAsync(CrimeDataStamp stamp, CalendarMonth from, CalendarMonth to, CancellationToken ct)
    {
        // Asked once per stamp (an indicator's edit moves it on), so a partnership without indicators pays nothing per window.
        var count = await cache.GetOrCreateAsync(
            $"crime:indicator-count:{stamp.CacheKey}",
            ct => db.Set<Indicators.Indicator>().CountAsync(i => i.PartnershipId == stamp.PartnershipId, ct),
            _ => 64,
            ct);
        if (count == 0)
        {
            return [];
        }

        var slug = stamp.Slug;
        var reader = new Indicators.IndicatorReader(db, time);
        if (await reader.ListAsync(slug, ct) is not { } list)
        {
            return [];
        }

        var window = new Indicators.MonthSpan(from, to);
        var result = new List<AssessmentIndicator>();
        foreach (var summary in list.Indicators)
        {
            var inWindow = await reader.ValueForAsync(summary.Indicator.Id, window, ct);
            var judgement = inWindow is { Value: not null } ? inWindow.Judgement : summary.Judgement;
            result.Add(new AssessmentIndicator(summary.Indicator.Code, summary.Indicator.Name, judgement.StatusText, judgement.Sentence));
        }

        return result;
    }

    /// <summary>Every ward's count of the hot-spot measure in both periods, by ward name, for the panel priorities section.</summary>
    private async Task<IReadOnlyDictionary<string, (int Current, int Previous)>> WardCountsAsync(
        CrimeDataStamp stamp, IReadOnlyList<short> types, CalendarMonth from, CalendarMonth to, CalendarMonth previousFrom, CalendarMonth previousTo, CancellationToken ct)
    {
        var result = new Dictionary<string, (int Current, int Previous)>(StringComparer.OrdinalIgnoreCase);
        if (await statistics.CompareAsync(stamp, CrimeBreakdown.Ward, types, from, to, previousFrom, previousTo, ct) is { } compared)
        {
            foreach (var c in compared)
            {
                result[c.Name] = (c.Current, c.Previous);
            }

            return result;
        }

        var previous = (await statistics.BreakdownAsync(stamp, CrimeBreakdown.Ward, previousFrom, previousTo, ct)).ToDictionary(r => r.Name, r => r.Count(types), StringComparer.OrdinalIgnoreCase);
        foreach (var r in await statistics.BreakdownAsync(stamp, CrimeBreakdown.Ward, from, to, ct))
        {
            result[r.Name] = (r.Count(types), previous.GetValueOrDefault(r.Name));
        }

        return result;
    }

    private async Task<IReadOnlyList<HotSpot>> HotSpotsAsync(
        CrimeDataStamp stamp, CrimeBreakdown by, IReadOnlyList<short> types, CalendarMonth from, CalendarMonth to, CalendarMonth previousFrom, CalendarMonth previousTo, CancellationToken ct)
    {
        if (await statistics.CompareAsync(stamp, by, types, from, to, previousFrom, previousTo, ct) is { } compared)
        {
            // From the running totals: one sum per LSOA and span, the cheap path every window of a normal area takes.
            return compared
                .Where(c => c.Current > 0)
                .OrderByDescending(c => c.Current).ThenBy(c => c.Name, StringComparer.Ordinal)
                .Take(StrategicAssessment.HotSpotCount)
                .Select(c => new HotSpot(c.Key, c.Name, c.Ward, c.Current, c.Previous))
                .ToList();
        }

        var current = await statistics.BreakdownAsync(stamp, by, from, to, ct);
        var previous = (await statistics.BreakdownAsync(stamp, by, previousFrom, previousTo, ct)).ToDictionary(r => r.Key, r => r.Count(types));
        return current
            .Select(r => new HotSpot(r.Key, r.Name, r.Ward, r.Count(types), previous.GetValueOrDefault(r.Key)))
            .Where(h => h.Current > 0)
            .OrderByDescending(h => h.Current).ThenBy(h => h.Name, StringComparer.Ordinal)
            .Take(StrategicAssessment.HotSpotCount)
            .ToList();
    }
}
