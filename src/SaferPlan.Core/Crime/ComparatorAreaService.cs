using System.Text.RegularExpressions;

namespace SaferPlan.Core.Crime;

/// <summary>A comparator area as listed: its LSOAs counted and its latest population figures, if any are loaded.</summary>
public sealed record ComparatorAreaListItem(
    int Id, string Name, string? Code, int Lsoas, int? Year, int? Residents, int? Dwellings, bool Synthetic);

/// <summary>
/// Keeps the comparator areas (<see cref="ComparatorArea"/>) in step with the LSOAs: every local authority whose name
/// begins an LSOA name becomes an area holding those LSOAs. The crime import places the LSOAs it writes (and any older
/// ones not yet placed) as it goes; loading population figures places any left over first, so a database loaded
/// before comparator areas existed gets them on its next import or population load.
/// </summary>
public sealed partial class ComparatorAreaService(SaferPlanDbContext db)
{
    /// <summary>"South Cambridgeshire 012A" → "South Cambridgeshire"; null for a name not ending in a number and letter.</summary>
    public static string? LocalAuthorityOf(string lsoaName)
    {
        ArgumentNullException.ThrowIfNull(lsoaName);
        var match = LsoaNamePattern().Match(lsoaName.Trim());
        return match.Success ? match.Groups["authority"].Value.Trim() : null;
    }

    /// <summary>
    /// Puts every LSOA without a comparator area into its local authority's, making the areas not known yet. Costs one
    /// indexed query when there is nothing to place, and one update per area otherwise. Returns how many were placed.
    /// </summary>
    public async Task<int> PlaceUnplacedAsync(CancellationToken ct = default)
    {
        var unplaced = await db.Set<Lsoa>().AsNoTracking().Where(l => l.ComparatorAreaId == null).Select(l => new { l.Id, l.Name }).ToListAsync(ct);
        var byAuthority = unplaced
            .Select(l => (l.Id, Authority: LocalAuthorityOf(l.Name)))
            .Where(l => l.Authority is not null)
            .GroupBy(l => l.Authority!, StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (byAuthority.Count == 0)
        {
            return 0;
        }

        var areas = await AreaIdsByNameAsync(ct);
        var added = byAuthority.Where(g => !areas.ContainsKey(g.Key)).Select(g => new ComparatorArea { Name = g.Key }).ToList();
        if (added.Count > 0)
        {
            db.AddRange(added);
            await db.SaveChangesAsync(ct);
            foreach (var area in added)
            {
                areas[area.Name] = area.Id;
                db.Entry(area).State = EntityState.Detached;
            }
        }

        var placed = 0;
        foreach (var group in byAuthority)
        {
            var areaId = areas[group.Key];
            foreach (var chunk in group.Select(l => l.Id).Chunk(2000))
            {
                placed += await db.Set<Lsoa>().Where(l => chunk.Contains(l.Id)).ExecuteUpdateAsync(s => s.SetProperty(l => l.ComparatorAreaId, areaId), ct);
            }
        }

        return placed;
    }

    /// <summary>
    /// Gives areas the ONS codes a lookup names them by (local authority name and code), where the area has none or
    /// another. Returns how many areas changed.
    /// </summary>
    public async Task<int> SetCodesAsync(IEnumerable<(string? Name, string? Code)> authorities, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        var codes = authorities
            .Where(a => !string.IsNullOrWhiteSpace(a.Name) && !string.IsNullOrWhiteSpace(a.Code))
            .GroupBy(a => a.Name!.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Code!.Trim().ToUpperInvariant(), StringComparer.OrdinalIgnoreCase);
        if (codes.Count == 0)
        {
            return 0;
        }

        var changed = 0;
        foreach (var area in await db.Set<ComparatorArea>().ToListAsync(ct))
        {
            if (codes.TryGetValue(area.Name, out var code) && area.Code != code)
            {
                area.Code = code;
                changed++;
            }
        }

        await db.SaveChangesAsync(ct);
        return changed;
    }

    /// <summary>Every comparator area by name, with how many LSOAs it holds and its latest population figures.</summary>
    public async Task<IReadOnlyList<ComparatorAreaListItem>> ListAsync(CancellationToken ct = default)
    {
        var areas = await db.Set<ComparatorArea>().AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
        var lsoas = await db.Set<Lsoa>().Where(l => l.ComparatorAreaId != null)
            .GroupBy(l => l.ComparatorAreaId!.Value).Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, ct);
        var latest = (await db.Set<AreaPopulation>().AsNoTracking().ToListAsync(ct))
            .GroupBy(p => p.ComparatorAreaId)
            .ToDictionary(g => g.Key, g => g.MaxBy(p => p.Year)!);
        return areas.Select(a =>
        {
            var population = latest.GetValueOrDefault(a.Id);
            return new ComparatorAreaListItem(
                a.Id, a.Name, a.Code, lsoas.GetValueOrDefault(a.Id), population?.Year, population?.Residents, population?.Dwellings, population?.Synthetic ?? false);
        }).ToList();
    }

    private async Task<Dictionary<string, int>> AreaIdsByNameAsync(CancellationToken ct) =>
        (await db.Set<ComparatorArea>().AsNoTracking().Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            .ToDictionary(a => a.Name, a => a.Id, StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(?<authority>.+?)\s+[0-9]{3}[A-Z]$", RegexOptions.CultureInvariant)]
    private static partial Regex LsoaNamePattern();
}
