namespace SaferPlan.Core.Crime;

/// <summary>How recorded crime is broken down: by month, by ward or by LSOA.</summary>
public enum CrimeBreakdown
{
    Month,
    Ward,
    Lsoa,
}

/// <summary>
/// What a partnership's figures rest on, read with the partnership's row and nothing else: its area's definition and
/// its <see cref="ChangeStamp"/>, which every change its figures depend on moves on (its area, crime groups and
/// denominators for the partnership; a crime import, a lookup file or new LSOAs for every partnership). Computed results
/// are cached under this stamp, so every instance over one database gives current figures without keeping state of its own.
/// </summary>
public sealed record CrimeDataStamp(int PartnershipId, string Slug, string Name, string? AreaDefinition, long ChangeStamp)
{
    /// <summary>The cache key: the change stamp, and the names shown with the figures in case they change without it.</summary>
    public string CacheKey { get; } = $"{PartnershipId}:{ChangeStamp}:{Slug}:{Name}:{AreaDefinition}";
}

/// <summary>The counts of each crime type in each month of a span, for one partnership's area.</summary>
public sealed class MonthlyCounts
{
    private readonly Dictionary<(int Month, short Type), int> cells;

    // Running totals by month and crime type (each month's slot holds every earlier month), so a span's count is a
    // subtraction per type however long the span: an evidence pack asks for a hundred or so counts.
    private readonly CalendarMonth first;
    private readonly int months;
    private readonly int[] running;

    internal MonthlyCounts(Dictionary<(int Month, short Type), int> cells)
    {
        this.cells = cells;
        var types = AreaRunningCounts.Types;
        if (cells.Count == 0 || cells.Keys.Any(k => k.Type < 0 || k.Type >= types))
        {
            running = [];
            return;
        }

        first = CalendarMonth.FromKey(cells.Keys.Min(k => k.Month));
        months = first.MonthsUntil(CalendarMonth.FromKey(cells.Keys.Max(k => k.Month))) + 1;
        running = new int[(months + 1) * types];
        foreach (var ((month, type), count) in cells)
        {
            running[((first.MonthsUntil(CalendarMonth.FromKey(month)) + 1) * types) + type] += count;
        }

        for (var i = types; i < running.Length; i++)
        {
            running[i] += running[i - types];
        }
    }

    internal int Cells => cells.Count;

    public int this[CalendarMonth month, short crimeType] => cells.GetValueOrDefault((month.Key, crimeType));

    public int Count(IEnumerable<short> crimeTypes, CalendarMonth from, CalendarMonth to)
    {
        ArgumentNullException.ThrowIfNull(crimeTypes);
        if (running.Length == 0)
        {
            var types = crimeTypes.ToHashSet();
            return cells.Where(c => c.Key.Month >= from.Key && c.Key.Month <= to.Key && types.Contains(c.Key.Type)).Sum(c => c.Value);
        }

        var start = Math.Clamp(first.MonthsUntil(from), 0, months) * AreaRunningCounts.Types;
        var end = Math.Clamp(first.MonthsUntil(to) + 1, 0, months) * AreaRunningCounts.Types;
        if (end <= start)
        {
            return 0;
        }

        var sum = 0;
        foreach (var type in crimeTypes.Distinct())
        {
            if (type >= 0 && type < AreaRunningCounts.Types)
            {
                sum += running[end + type] - running[start + type];
            }
        }

        return sum;
    }

    public int Count(short crimeType, CalendarMonth from, CalendarMonth to) => Count([crimeType], from, to);

    /// <summary>The earliest month with any count, if any.</summary>
    public CalendarMonth? FirstMonth => cells.Count == 0 ? null : CalendarMonth.FromKey(cells.Keys.Min(k => k.Month));

    /// <summary>The latest month with any count, if any.</summary>
    public CalendarMonth? LastMonth => cells.Count == 0 ? null : CalendarMonth.FromKey(cells.Keys.Max(k => k.Month));
}

/// <summary>
/// The area's counts by LSOA, month and crime type held as running totals over the months: for each month, LSOA and
/// type, the count of every earlier month. The counts of any span, by LSOA, are then one subtraction per LSOA and type,
/// however long the span, so an evidence pack for a window never asked for before reads no count rows and scans nothing.
/// </summary>
public sealed class AreaRunningCounts
{
    /// <summary>Crime type ids are small (1 to 16): the totals are indexed by id.</summary>
    internal static readonly int Types = CrimeTypes.All.Max(t => t.Id) + 1;

    private readonly int[] totals;

    internal AreaRunningCounts(CalendarMonth first, int months, IReadOnlyList<int> lsoaIds, int[] totals)
    {
        First = first;
        Months = months;
        LsoaIds = lsoaIds;
        this.totals = totals;
    }

    /// <summary>The first month with counts; the totals run from it for <see cref="Months"/> months.</summary>
    public CalendarMonth First { get; }

    public int Months { get; }

    /// <summary>The area's LSOAs, in the order of the totals.</summary>
    public IReadOnlyList<int> LsoaIds { get; }

    /// <summary>What it holds, in bytes, for the cache.</summary>
    public long Bytes => 128 + (totals.LongLength * sizeof(int)) + (LsoaIds.Count * 8L);

    /// <summary>How many totals the area's months, LSOAs and types need.</summary>
    internal static long CellsFor(int months, int lsoas) => (months + 1L) * lsoas * Types;

    /// <summary>Adds the counts of LSOA number <paramref name="lsoa"/> (its place in <see cref="LsoaIds"/>) over the span to <paramref name="into"/>, indexed by crime type id.</summary>
    public void AddSpan(int lsoa, CalendarMonth from, CalendarMonth to, Span<int> into)
    {
        var start = Math.Clamp(First.MonthsUntil(from), 0, Months);
        var end = Math.Clamp(First.MonthsUntil(to) + 1, 0, Months);
        if (end <= start)
        {
            return;
        }

        var after = totals.AsSpan((((end * LsoaIds.Count) + lsoa) * Types), Types);
        var before = totals.AsSpan((((start * LsoaIds.Count) + lsoa) * Types), Types);
        for (var t = 0; t < Types; t++)
        {
            into[t] += after[t] - before[t];
        }
    }

    /// <summary>
    /// How many crimes of these types LSOA number <paramref name="lsoa"/> had over the span: a subtraction per type, and
    /// nothing allocated (an evidence pack asks this for every LSOA of the area, four times).
    /// </summary>
    public int SpanCount(int lsoa, CalendarMonth from, CalendarMonth to, IReadOnlyList<short> crimeTypes)
    {
        ArgumentNullException.ThrowIfNull(crimeTypes);
        var start = Math.Clamp(First.MonthsUntil(from), 0, Months);
        var end = Math.Clamp(First.MonthsUntil(to) + 1, 0, Months);
        if (end <= start)
        {
            return 0;
        }

        var after = (((end * LsoaIds.Count) + lsoa) * Types);
        var before = (((start * LsoaIds.Count) + lsoa) * Types);
        var sum = 0;
        for (var i = 0; i < crimeTypes.Count; i++)
        {
            var t = crimeTypes[i];
            if (t >= 0 && t < Types)
            {
                sum += totals[after + t] - totals[before + t];
            }
        }

        return sum;
    }

    /// <summary>Builds the running totals from count rows (LSOA id, month key, <see cref="CrimeTally"/> counts).</summary>
    internal static AreaRunningCounts Build(IReadOnlyList<int> area, IReadOnlyList<(int LsoaId, int Month, string Counts)> rows)
    {
        var index = new Dictionary<int, int>(area.Count);
        for (var i = 0; i < area.Count; i++)
        {
            index[area[i]] = i;
        }

        if (rows.Count == 0)
        {
            return new AreaRunningCounts(CalendarMonth.FromKey(200001), 0, area, new int[area.Count * Types]);
        }

        var first = CalendarMonth.FromKey(rows.Min(r => r.Month));
        var months = first.MonthsUntil(CalendarMonth.FromKey(rows.Max(r => r.Month))) + 1;
        var stride = area.Count * Types;
        var totals = new int[(months + 1) * stride];
        var scratch = new int[CrimeTally.MaxCrimeTypeId + 1];
        foreach (var (lsoaId, month, counts) in rows)
        {
            if (!index.TryGetValue(lsoaId, out var lsoa))
            {
                continue;
            }

            CrimeTally.AddCounts(counts, scratch);
            var cell = ((first.MonthsUntil(CalendarMonth.FromKey(month)) + 1) * stride) + (lsoa * Types);
            for (var t = 0; t < Types; t++)
            {
                totals[cell + t] += scratch[t];
                scratch[t] = 0;
            }
        }

        // Month m's slot holds every month before it: add each slot to the next.
        for (var m = 1; m <= months; m++)
        {
            var previous = totals.AsSpan((m - 1) * stride, stride);
            var current = totals.AsSpan(m * stride, stride);
            for (var i = 0; i < stride; i++)
            {
                current[i] += previous[i];
            }
        }

        return new AreaRunningCounts(first, months, area, totals);
    }

    /// <summary>The counts by month and crime type, all LSOAs together.</summary>
    internal MonthlyCounts ByMonth()
    {
        var cells = new Dictionary<(int Month, short Type), int>();
        var stride = LsoaIds.Count * Types;
        for (var m = 0; m < Months; m++)
        {
            var key = First.AddMonths(m).Key;
            for (var t = 0; t < Types; t++)
            {
                var sum = 0;
                for (var l = 0; l < LsoaIds.Count; l++)
                {
                    sum += totals[((m + 1) * stride) + (l * Types) + t] - totals[(m * stride) + (l * Types) + t];
                }

                if (sum != 0)
                {
                    cells[(key, (short)t)] = sum;
                }
            }
        }

        return new MonthlyCounts(cells);
    }
}

/// <summary>One row of a breakdown: a month ("2010-09"), a ward (its code) or an LSOA (its code), with its counts by crime type.</summary>
public sealed record BreakdownRow(string Key, string Name, string? Ward, IReadOnlyDictionary<short, int> Counts)
{
    public int Count(IEnumerable<short> crimeTypes) => crimeTypes.Sum(t => Counts.GetValueOrDefault(t));

    public int Total => Counts.Values.Sum();
}

/// <summary>A ward's or an LSOA's count of some crime types over a span and the span before it.</summary>
public readonly record struct SpanComparison(string Key, string Name, string? Ward, int Current, int Previous);

/// <summary>A crime group as the statistics use it.</summary>
public sealed record GroupDefinition(int Id, string Key, string Name, IReadOnlyList<short> CrimeTypeIds);

/// <summary>Counts per crime type and per group for a partnership's area over a span of months.</summary>
public sealed record CrimeSummary(
    CrimeDataStamp Stamp, CalendarMonth From, CalendarMonth To, int AreaLsoas, bool Synthetic,
    IReadOnlyList<(CrimeType Type, int Count)> Types, IReadOnlyList<(GroupDefinition Group, int Count)> Groups)
{
    public int Total => Types.Sum(t => t.Count);
}

/// <summary>
/// The one place recorded crime is read for a partnership's area: counts per crime type and group over a span of
/// months, and breakdowns by month, ward and LSOA. Every page, API answer, indicator and document that shows
/// recorded crime asks this service.
/// Queries use the covering index (LsoaId, Month, CrimeTypeId) INCLUDE Count on CrimeCounts. A partnership's whole
/// month-by-type history (a few thousand cells even for ten years) is read once and cached under the
/// <see cref="CrimeDataStamp"/>; ward and LSOA breakdowns are cached per span.
/// </summary>
public sealed class CrimeStatistics(SaferPlanDbContext db, CrimeCache cache)
{
    /// <summary>Said on every page, document and API answer whose figures rest on generated files.</summary>
    /// <summary>Where recorded-crime indicators stand among figures of other kinds (the indicators list, the dashboard, the Board report).</summary>
    public const string SyntheticIndicatorNotice =
        "Indicators computed from recorded crime here use synthetic demo data made by SaferPlan's generator, not recorded crime from police.uk. Do not use them for decisions.";

    public const string SyntheticNotice =
        "These figures are synthetic demo data made by SaferPlan's generator, not recorded crime from police.uk. Do not use them for decisions.";

    /// <summary>The partnership's stamp (one small query by its unique slug), or null when there is no such partnership.</summary>
    /// <remarks>Not an EF compiled query: those bind to the first context's database provider, and one process may use both (tests, the bench).</remarks>
    public Task<CrimeDataStamp?> StampAsync(string slug, CancellationToken ct = default) =>
        Stamps(db.Partnerships.Where(p => p.Slug == slug)).FirstOrDefaultAsync(ct);

    public Task<CrimeDataStamp?> StampAsync(int partnershipId, CancellationToken ct = default) =>
        Stamps(db.Partnerships.Where(p => p.Id == partnershipId)).FirstOrDefaultAsync(ct);

    private static IQueryable<CrimeDataStamp> Stamps(IQueryable<Partnerships.Partnership> partnerships) =>
        partnerships.AsNoTracking().Select(p => new CrimeDataStamp(p.Id, p.Slug, p.Name, p.AreaDefinition, p.ChangeStamp));

    /// <summary>How many crimes of these types were recorded in the partnership's area from one month to another (inclusive).</summary>
    public async Task<int> CountAsync(int partnershipId, IReadOnlyCollection<short> crimeTypeIds, CalendarMonth from, CalendarMonth to, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(crimeTypeIds);
        var stamp = await StampAsync(partnershipId, ct) ?? throw new InvalidOperationException($"There is no partnership {partnershipId}.");
        return (await MonthlyAsync(stamp, ct)).Count(crimeTypeIds, from, to);
    }

    /// <summary>The partnership's counts by month and crime type over all time, cached under its stamp.</summary>
    public async Task<MonthlyCounts> MonthlyAsync(CrimeDataStamp stamp, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        return await cache.GetOrCreateAsync($"crime:monthly:{stamp.CacheKey}", async ct =>
        {
            if (await RunningAsync(stamp, ct) is { } running)
            {
                return running.ByMonth();
            }

            var area = await AreaLsoaIdsAsync(stamp, ct);
            var rows = db.Set<CrimeCount>().AsNoTracking().Where(c => area.Contains(c.LsoaId)).Select(c => new { c.Month, c.Counts });
            var byMonth = await SumByAsync(rows.AsAsyncEnumerable(), r => r.Month, r => r.Counts, ct);
            return new MonthlyCounts(byMonth.SelectMany(m => m.Value.Select(t => (m.Key, t.CrimeTypeId, t.Count))).ToDictionary(c => (c.Key, c.CrimeTypeId), c => c.Count));
        }, m => 64 + (m.Cells * 64L) + (m.Cells * 4L), ct);
    }

    public async Task<IReadOnlyList<GroupDefinition>> GroupsAsync(CrimeDataStamp stamp, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        return await cache.GetOrCreateAsync($"crime:groups:{stamp.CacheKey}", async ct =>
        {
            var groups = await db.Set<CrimeGroup>().AsNoTracking().Include(g => g.Members)
                .Where(g => g.PartnershipId == stamp.PartnershipId)
                .OrderBy(g => g.SortOrder).ThenBy(g => g.Name)
                .ToListAsync(ct);
            return (IReadOnlyList<GroupDefinition>)groups.Select(g => new GroupDefinition(g.Id, g.Key, g.Name, g.Members.Select(m => m.CrimeTypeId).Order().ToList())).ToList();
        }, g => 64 + (g.Count * 256L), ct);
    }

    public async Task<CrimeSummary> SummaryAsync(CrimeDataStamp stamp, CalendarMonth from, CalendarMonth to, CancellationToken ct = default)
    {
        var monthly = await MonthlyAsync(stamp, ct);
        var groups = await GroupsAsync(stamp, ct);
        var area = await AreaLsoaIdsAsync(stamp, ct);
        return new CrimeSummary(
            stamp, from, to, area.Count, await IsSyntheticAsync(stamp, from, to, ct),
            CrimeTypes.All.Select(t => (t, monthly.Count(t.Id, from, to))).ToList(),
            groups.Select(g => (g, monthly.Count(g.CrimeTypeIds, from, to))).ToList());
    }

    /// <summary>Counts by crime type for each month, ward or LSOA of the area over the span; wards and LSOAs busiest first.</summary>
    public async Task<IReadOnlyList<BreakdownRow>> BreakdownAsync(CrimeDataStamp stamp, CrimeBreakdown by, CalendarMonth from, CalendarMonth to, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        if (by == CrimeBreakdown.Month)
        {
            var monthly = await MonthlyAsync(stamp, ct);
            var months = new List<BreakdownRow>();
            for (var m = from; m <= to; m = m.AddMonths(1))
            {
                var month = m;
                months.Add(new BreakdownRow(m.ToString(), m.Display, null, CrimeTypes.All.Select(t => (t.Id, Count: monthly[month, t.Id])).Where(c => c.Count > 0).ToDictionary(c => c.Id, c => c.Count)));
            }

            return months;
        }

        if (await RunningAsync(stamp, ct) is { } counts)
        {
            // Any span's counts by LSOA are a subtraction per LSOA and type: cheap enough not to cache per span, so
            // many different windows add nothing to the cache here.
            var lsoas = await LsoasAsync(stamp, ct);
            var byLsoa = new List<(Lsoa Lsoa, Dictionary<short, int> Counts)>();
            var into = new int[AreaRunningCounts.Types];
            for (var l = 0; l < counts.LsoaIds.Count; l++)
            {
                Array.Clear(into);
                counts.AddSpan(l, from, to, into);
                if (into.Any(c => c != 0) && lsoas.TryGetValue(counts.LsoaIds[l], out var lsoa))
                {
                    byLsoa.Add((lsoa, into.Select((c, t) => (Type: (short)t, Count: c)).Where(c => c.Count != 0).ToDictionary(c => c.Type, c => c.Count)));
                }
            }

            var found = by == CrimeBreakdown.Lsoa
                ? byLsoa.Select(r => new BreakdownRow(r.Lsoa.Code, r.Lsoa.Name, r.Lsoa.WardName, r.Counts))
                : byLsoa.GroupBy(r => (r.Lsoa.WardCode, r.Lsoa.WardName)).Select(g => new BreakdownRow(
                    g.Key.WardCode ?? "", g.Key.WardName ?? "Ward not known (upload a lookup file)", null,
                    g.SelectMany(r => r.Counts).GroupBy(c => c.Key).ToDictionary(t => t.Key, t => t.Sum(c => c.Value))));
            return Busiest(found);
        }

        return await cache.GetOrCreateAsync($"crime:{by}:{from.Key}:{to.Key}:{stamp.CacheKey}", async ct =>
        {
            var cells = await SpanCellsAsync(stamp, from, to, ct);
            var lsoas = await LsoasAsync(stamp, ct);
            var rows = by == CrimeBreakdown.Lsoa
                ? cells.GroupBy(c => c.LsoaId).Select(g =>
                {
                    var l = lsoas[g.Key];
                    return new BreakdownRow(l.Code, l.Name, l.WardName, g.ToDictionary(c => c.CrimeTypeId, c => c.Count));
                })
                : cells.GroupBy(c => (lsoas[c.LsoaId].WardCode, lsoas[c.LsoaId].WardName)).Select(g => new BreakdownRow(
                    g.Key.WardCode ?? "", g.Key.WardName ?? "Ward not known (upload a lookup file)", null,
                    g.GroupBy(c => c.CrimeTypeId).ToDictionary(t => t.Key, t => t.Sum(c => c.Count))));
            return Busiest(rows);
        }, rows => 64 + rows.Sum(r => 128L + (r.Counts.Count * 32L)), ct);
    }

    /// <summary>
    /// Counts of these crime types by ward or LSOA over a span and the span before it (the evidence pack's hot spots),
    /// straight from the running totals: a sum per LSOA, no per-type dictionaries. Null when the area has no running
    /// totals (too large for the cache), where <see cref="BreakdownAsync"/> answers instead.
    /// </summary>
    public async Task<IReadOnlyList<SpanComparison>?> CompareAsync(
        CrimeDataStamp stamp, CrimeBreakdown by, IReadOnlyList<short> crimeTypes, CalendarMonth from, CalendarMonth to, CalendarMonth previousFrom, CalendarMonth previousTo, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        ArgumentNullException.ThrowIfNull(crimeTypes);
        ArgumentOutOfRangeException.ThrowIfEqual(by, CrimeBreakdown.Month);
        if (await RunningAsync(stamp, ct) is not { } counts)
        {
            return null;
        }

        var lsoas = await LsoasAsync(stamp, ct);
        var rows = new List<SpanComparison>();
        var wards = by == CrimeBreakdown.Ward ? new Dictionary<(string? Code, string? Name), int>() : null;
        for (var l = 0; l < counts.LsoaIds.Count; l++)
        {
            if (!lsoas.TryGetValue(counts.LsoaIds[l], out var lsoa))
            {
                continue;
            }

            var current = counts.SpanCount(l, from, to, crimeTypes);
            var previous = counts.SpanCount(l, previousFrom, previousTo, crimeTypes);
            if (wards is null)
            {
                rows.Add(new SpanComparison(lsoa.Code, lsoa.Name, lsoa.WardName, current, previous));
            }
            else if (wards.TryGetValue((lsoa.WardCode, lsoa.WardName), out var at))
            {
                rows[at] = rows[at] with { Current = rows[at].Current + current, Previous = rows[at].Previous + previous };
            }
            else
            {
                wards[(lsoa.WardCode, lsoa.WardName)] = rows.Count;
                rows.Add(new SpanComparison(lsoa.WardCode ?? "", lsoa.WardName ?? "Ward not known (upload a lookup file)", null, current, previous));
            }
        }

        return rows;
    }

    private static IReadOnlyList<BreakdownRow> Busiest(IEnumerable<BreakdownRow> rows) =>
        rows.OrderByDescending(r => r.Counts.Where(c => c.Key != CrimeTypes.AntiSocialBehaviour).Sum(c => c.Value))
            .ThenBy(r => r.Name, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The area's running counts by LSOA, month and type, read once per stamp (one query over the area's count rows),
    /// or null when the area is too large for them to fit a quarter of the cache (a whole country, say), where each
    /// span is read from the database instead.
    /// </summary>
    public async Task<AreaRunningCounts?> RunningAsync(CrimeDataStamp stamp, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        var area = await AreaLsoaIdsAsync(stamp, ct);
        var bounds = await cache.GetOrCreateAsync($"crime:months:{stamp.CacheKey}", async ct =>
        {
            // Every count row belongs to a loaded force-month, so the months loaded bound the area's months.
            var first = await db.Set<CrimeImport>().MinAsync(i => (int?)i.Month, ct);
            var last = await db.Set<CrimeImport>().MaxAsync(i => (int?)i.Month, ct);
            return first is { } f && last is { } l ? CalendarMonth.FromKey(f).MonthsUntil(CalendarMonth.FromKey(l)) + 1 : 0;
        }, _ => 64, ct);
        if (AreaRunningCounts.CellsFor(bounds, area.Count) * sizeof(int) > cache.SizeLimit / 4)
        {
            return null;
        }

        return await cache.GetOrCreateAsync($"crime:running:{stamp.CacheKey}", async ct =>
        {
            var rows = await db.Set<CrimeCount>().AsNoTracking().Where(c => area.Contains(c.LsoaId))
                .Select(c => new { c.LsoaId, c.Month, c.Counts }).ToListAsync(ct);
            return AreaRunningCounts.Build(area, rows.Select(r => (r.LsoaId, r.Month, r.Counts)).ToList());
        }, r => r.Bytes, ct);
    }

    private sealed record SpanCell(int LsoaId, short CrimeTypeId, int Count);

    /// <summary>The area's counts by LSOA and crime type over a span: one query shared by the ward and LSOA breakdowns.</summary>
    private Task<IReadOnlyList<SpanCell>> SpanCellsAsync(CrimeDataStamp stamp, CalendarMonth from, CalendarMonth to, CancellationToken ct) =>
        cache.GetOrCreateAsync($"crime:span:{from.Key}:{to.Key}:{stamp.CacheKey}", async ct =>
        {
            var area = await AreaLsoaIdsAsync(stamp, ct);
            var rows = db.Set<CrimeCount>().AsNoTracking()
                .Where(c => area.Contains(c.LsoaId) && c.Month >= from.Key && c.Month <= to.Key)
                .Select(c => new { c.LsoaId, c.Counts });
            var byLsoa = await SumByAsync(rows.AsAsyncEnumerable(), r => r.LsoaId, r => r.Counts, ct);
            return (IReadOnlyList<SpanCell>)byLsoa.SelectMany(l => l.Value.Select(t => new SpanCell(l.Key, t.CrimeTypeId, t.Count))).ToList();
        }, cells => 64 + (cells.Count * 40L), ct);

    /// <summary>
    /// Sums count rows by a key (a month, an LSOA): each row holds every crime type's count as text
    /// (<see cref="CrimeTally"/>), so the sum is taken here rather than in SQL.
    /// </summary>
    internal static async Task<Dictionary<int, List<(short CrimeTypeId, int Count)>>> SumByAsync<T>(
        IAsyncEnumerable<T> rows, Func<T, int> key, Func<T, string> counts, CancellationToken ct)
    {
        var totals = new Dictionary<int, int[]>();
        await foreach (var row in rows.WithCancellation(ct))
        {
            var k = key(row);
            if (!totals.TryGetValue(k, out var byType))
            {
                totals[k] = byType = new int[CrimeTally.MaxCrimeTypeId + 1];
            }

            CrimeTally.AddCounts(counts(row), byType);
        }

        return totals.ToDictionary(
            t => t.Key,
            t => t.Value.Select((count, type) => ((short)type, count)).Where(c => c.count != 0).ToList());
    }

    /// <summary>Whether any month of the span was loaded from a generated (synthetic) file.</summary>
    public async Task<bool> IsSyntheticAsync(CrimeDataStamp stamp, CalendarMonth from, CalendarMonth to, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        var synthetic = await cache.GetOrCreateAsync($"crime:synthetic:{stamp.CacheKey}", async ct =>
            await SyntheticMonthsAsync(db, ct), months => 64 + (months.Count * 8L), ct);
        return AnySynthetic(synthetic, from, to);
    }

    /// <summary>The months (as <see cref="CalendarMonth.Key"/>) loaded from a generated (synthetic) file.</summary>
    public static Task<List<int>> SyntheticMonthsAsync(SaferPlanDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<CrimeImport>().AsNoTracking().Where(i => i.Synthetic).Select(i => i.Month).Distinct().ToListAsync(ct);
    }

    /// <summary>
    /// SaferPlan's one rule for "synthetic": figures over a span are synthetic when any month of it was loaded from a
    /// generated file. The crime pages, the assessment, the indicators and the Board report all ask this.
    /// </summary>
    public static bool AnySynthetic(IEnumerable<int> syntheticMonths, CalendarMonth from, CalendarMonth to) =>
        syntheticMonths.Any(m => m >= from.Key && m <= to.Key);

    /// <summary>
    /// The area's LSOAs: those listed for the partnership and, for an area defined by local authority name, every LSOA
    /// of that name (so LSOAs first seen in later crime files count without setting the area again).
    /// </summary>
    public async Task<IReadOnlyList<int>> AreaLsoaIdsAsync(CrimeDataStamp stamp, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        return await cache.GetOrCreateAsync($"crime:area:{stamp.CacheKey}", async ct =>
        {
            var ids = await db.Set<PartnershipLsoa>().Where(a => a.PartnershipId == stamp.PartnershipId).Select(a => a.LsoaId).ToListAsync(ct);
            if (CrimeAreaService.LocalAuthorityNameOf(stamp.AreaDefinition) is { } name)
            {
                ids.AddRange(await CrimeAreaService.MatchingLsoaIdsAsync(db, name, ct));
            }

            return (IReadOnlyList<int>)ids.Distinct().Order().ToList();
        }, ids => 64 + (ids.Count * 8L), ct);
    }

    private Task<Dictionary<int, Lsoa>> LsoasAsync(CrimeDataStamp stamp, CancellationToken ct) =>
        cache.GetOrCreateAsync($"crime:lsoas:{stamp.CacheKey}", async ct =>
        {
            var area = await AreaLsoaIdsAsync(stamp, ct);
            return await db.Set<Lsoa>().AsNoTracking().Where(l => area.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        }, lsoas => 64 + (lsoas.Count * 320L), ct);
}
