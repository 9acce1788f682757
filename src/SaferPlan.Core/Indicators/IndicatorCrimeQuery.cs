using SaferPlan.Core.Crime;

namespace SaferPlan.Core.Indicators;

/// <summary>
/// The recorded-crime figures an indicator is derived from: the partnership's listed LSOAs, which the importer keeps
/// complete for areas set by local authority name (see <see cref="CrimeAreaService.ResolveAsync"/>), so these counts
/// agree with <see cref="CrimeStatistics"/>, whose cached monthly figures serve the crime pages.
/// </summary>
internal sealed class IndicatorCrimeQuery(SaferPlanDbContext db)
{
    /// <summary>Crimes of the given types in the partnership's area (its LSOAs, from every force) over the months, both ends included.</summary>
    public async Task<int> CountAsync(int partnershipId, IReadOnlyCollection<short> crimeTypeIds, CalendarMonth from, CalendarMonth to, CancellationToken ct = default)
    {
        int first = from.Key, last = to.Key;
        var rows =
            from c in db.Set<CrimeCount>().AsNoTracking()
            join a in db.Set<PartnershipLsoa>() on c.LsoaId equals a.LsoaId
            where a.PartnershipId == partnershipId && c.Month >= first && c.Month <= last
            select c.Counts;
        var totals = (await CrimeStatistics.SumByAsync(rows.AsAsyncEnumerable(), _ => 0, counts => counts, ct)).GetValueOrDefault(0) ?? [];
        var wanted = crimeTypeIds.ToHashSet();
        return totals.Where(t => wanted.Contains(t.CrimeTypeId)).Sum(t => t.Count);
    }

    /// <summary>The months for which a police.uk file has been loaded, in order: a value needs every month of its span.</summary>
    public async Task<IReadOnlyList<CalendarMonth>> LoadedMonthsAsync(CancellationToken ct = default) =>
        (await db.Set<CrimeImport>().AsNoTracking().Select(i => i.Month).Distinct().OrderBy(m => m).ToListAsync(ct))
            .Select(CalendarMonth.FromKey)
            .ToList();
}
