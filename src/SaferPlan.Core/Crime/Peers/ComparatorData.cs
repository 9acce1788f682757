namespace SaferPlan.Core.Crime.Peers;

/// <summary>A comparator area as the peers use it: its LSOAs and residents by year.</summary>
public sealed record ComparatorAreaData(int Id, string Name, string? Code, IReadOnlyList<int> LsoaIds, IReadOnlyDictionary<int, int> ResidentsByYear)
{
    /// <summary>The residents of the latest year up to <paramref name="endYear"/>, else the earliest after it (the rule for a partnership's own figures).</summary>
    public int? ResidentsFor(int endYear) =>
        ResidentsByYear.Where(r => r.Key <= endYear).OrderByDescending(r => r.Key).Select(r => (int?)r.Value).FirstOrDefault()
        ?? ResidentsByYear.Where(r => r.Key > endYear).OrderBy(r => r.Key).Select(r => (int?)r.Value).FirstOrDefault();
}

/// <summary>
/// Every comparator area's recorded crime by month and crime type (summed over its LSOAs), with its LSOAs and residents:
/// what the comparator group and peer rates are computed from. Read in one pass over the count rows of LSOAs that have an
/// area, and shared by every partnership until the data changes (see <see cref="ComparatorDataReader"/>).
/// </summary>
public sealed class ComparatorData(IReadOnlyList<ComparatorAreaData> areas, IReadOnlyDictionary<int, MonthlyCounts> counts)
{
    public IReadOnlyList<ComparatorAreaData> Areas { get; } = areas;

    public int Count(int areaId, IReadOnlyCollection<short> types, CalendarMonth from, CalendarMonth to) =>
        counts.TryGetValue(areaId, out var c) ? c.Count(types, from, to) : 0;

    public long Bytes => 256 + Areas.Sum(a => 128L + (a.LsoaIds.Count * 8L) + (a.ResidentsByYear.Count * 32L)) + counts.Values.Sum(c => 64L + (c.Cells * 68L));
}

/// <summary>Reads <see cref="ComparatorData"/>, cached under a signature of the imports, LSOAs and population figures it rests on.</summary>
public sealed class ComparatorDataReader(SaferPlanDbContext db, CrimeCache cache)
{
    /// <summary>
    /// What the data rests on, in three small aggregate queries (each one group of every row, or none when there are no
    /// rows): a crime import, a newly assigned LSOA or a changed population figure each changes it, so nothing stale is
    /// served on any instance.
    /// </summary>
    public async Task<string> SignatureAsync(CancellationToken ct = default)
    {
        var imports = await db.Set<CrimeImport>().GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), MaxId = g.Max(i => i.Id), Rows = g.Sum(i => (long)i.Rows) }).SingleOrDefaultAsync(ct);
        var lsoas = await db.Set<Lsoa>().Where(l => l.ComparatorAreaId != null).GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Sum = g.Sum(l => (long)l.ComparatorAreaId!.Value) }).SingleOrDefaultAsync(ct);
        var people = await db.Set<AreaPopulation>().GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), MaxId = g.Max(p => p.Id), Sum = g.Sum(p => (long)p.Residents) }).SingleOrDefaultAsync(ct);
        return string.Create(CultureInfo.InvariantCulture,
            $"{imports?.Count}:{imports?.MaxId}:{imports?.Rows}:{lsoas?.Count}:{lsoas?.Sum}:{people?.Count}:{people?.MaxId}:{people?.Sum}");
    }

    public async Task<ComparatorData> ReadAsync(string signature, CancellationToken ct = default) =>
        await cache.GetOrCreateAsync($"peers:data:{signature}", async ct =>
        {
            var areas = await db.Set<ComparatorArea>().AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
            var lsoas = await db.Set<Lsoa>().AsNoTracking().Where(l => l.ComparatorAreaId != null)
                .Select(l => new { l.Id, AreaId = l.ComparatorAreaId!.Value }).ToListAsync(ct);
            var populations = await db.Set<AreaPopulation>().AsNoTracking()
                .Select(p => new { p.ComparatorAreaId, p.Year, p.Residents }).ToListAsync(ct);
            var rows = from c in db.Set<CrimeCount>().AsNoTracking()
                       join l in db.Set<Lsoa>() on c.LsoaId equals l.Id
                       where l.ComparatorAreaId != null
                       select new { AreaId = l.ComparatorAreaId!.Value, c.Month, c.Counts };
            var cells = new Dictionary<int, Dictionary<(int Month, short Type), int>>();
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
            {
                if (!cells.TryGetValue(row.AreaId, out var area))
                {
                    cells[row.AreaId] = area = [];
                }

                foreach (var (type, count) in CrimeTally.ReadCounts(row.Counts))
                {
                    area[(row.Month, type)] = area.GetValueOrDefault((row.Month, type)) + count;
                }
            }

            var byArea = lsoas.GroupBy(l => l.AreaId).ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(l => l.Id).Order().ToList());
            var people = populations.GroupBy(p => p.ComparatorAreaId).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, int>)g.ToDictionary(p => p.Year, p => p.Residents));
            return new ComparatorData(
                areas.Select(a => new ComparatorAreaData(a.Id, a.Name, a.Code, byArea.GetValueOrDefault(a.Id) ?? [], people.GetValueOrDefault(a.Id) ?? new Dictionary<int, int>())).ToList(),
                cells.ToDictionary(c => c.Key, c => new MonthlyCounts(c.Value)));
        }, d => d.Bytes, ct);
}
