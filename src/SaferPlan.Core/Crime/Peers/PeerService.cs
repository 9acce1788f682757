using SaferPlan.Core.Auditing;
using System.Text.Json;

namespace SaferPlan.Core.Crime.Peers;

/// <summary>What the choose-peers page shows: every comparator area, those chosen, and the group computed for the latest 12 months.</summary>
public sealed record PeerChoice(IReadOnlyList<ComparatorArea> Areas, IReadOnlySet<int> Chosen);

/// <summary>
/// A partnership's comparator group and its comparison with it over 12 months (<see cref="PeerMethod"/>), and the
/// analyst's choice of peers: set or cleared (back to computed) with every change audited.
/// </summary>
public sealed class PeerService(SaferPlanDbContext db, CrimeStatistics statistics, ComparatorDataReader reader, CrimeCache cache, IActorAccessor actor, TimeProvider time)
{
    /// <summary>The comparison for every crime group and type over the window, cached under the partnership's stamp and the data's signature.</summary>
    /// <remarks>
    /// The signature is read once per partnership stamp, not per request (its queries scan every placed LSOA: about 4 ms
    /// a request over 30,000 LSOAs on SQLite). That is safe because whatever changes the comparator data (a crime import,
    /// a population file, a lookup file) moves every partnership's stamp on after it, so a stamp never outlives the
    /// signature read under it; the signature stays in the key so partnerships share one copy of the data.
    /// </remarks>
    public async Task<PeersReport> ReportAsync(CrimeDataStamp stamp, CalendarMonth from, CalendarMonth to, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        var signature = await cache.GetOrCreateAsync($"peers:signature:{stamp.CacheKey}", reader.SignatureAsync, s => 64 + (2L * s.Length), ct);
        var key = $"{from.Key}:{to.Key}:{signature}:{stamp.CacheKey}";
        return await cache.GetOrCreateAsync($"peers:report:{key}",
            async ct => await ComputeAsync(stamp, from, to, signature, ct) with { CacheKey = key },
            r => 1024 + ((r.Groups.Count + r.Types.Count) * (256L + (r.Group.Areas.Count * 96L))), ct);
    }

    /// <summary>A group's funnel plot as SVG, drawn when first asked for and cached beside the report.</summary>
    public Task<string> FunnelSvgAsync(PeersReport report, PeerComparison row, string id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(row);
        return cache.GetOrCreateAsync($"peers:funnel:{row.Key}:{id}:{report.CacheKey}", _ => Task.FromResult(FunnelCharts.Svg(report, row, id)), svg => 2L * svg.Length, ct);
    }

    private async Task<PeersReport> ComputeAsync(CrimeDataStamp stamp, CalendarMonth from, CalendarMonth to, string signature, CancellationToken ct)
    {
        var data = await reader.ReadAsync(signature, ct);
        var monthly = await statistics.MonthlyAsync(stamp, ct);
        var residents = await ResidentsAsync(stamp.PartnershipId, to.Year, ct);
        var group = await GroupAsync(stamp, data, monthly, residents?.Value, from, to, ct);
        var peers = group.Areas;

        PeerComparison Row(string key, string name, IReadOnlyCollection<short> types) =>
            PeerMethod.Compare(key, name, monthly.Count(types, from, to), residents?.Value,
                peers.Select(p => (p, data.Count(p.Id, types, from, to))).ToList());

        var groups = (await statistics.GroupsAsync(stamp, ct)).Select(g => Row(g.Key, g.Name, g.CrimeTypeIds)).ToList();
        var types = CrimeTypes.All
            .Select(t => Row(TypeKey(t), t.Name, [t.Id]))
            .Where(r => r.Count > 0 || r.Peers.Any(p => p.Count > 0))
            .ToList();
        var synthetic = await statistics.IsSyntheticAsync(stamp, from, to, ct);
        return new PeersReport(stamp, from, to, residents?.Value, residents?.Year, synthetic ? CrimeStatistics.SyntheticNotice : null, group, groups, types);
    }

    /// <summary>A crime type's key in the API: its name in lower case with hyphens ("vehicle-crime").</summary>
    public static string TypeKey(CrimeType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return CrimeGroupService.KeyOf(type.Name);
    }

    private async Task<(double Value, int Year)?> ResidentsAsync(int partnershipId, int year, CancellationToken ct)
    {
        var list = await db.Set<AreaDenominator>().AsNoTracking().Where(d => d.PartnershipId == partnershipId && d.Kind == DenominatorKind.Residents).ToListAsync(ct);
        return DenominatorService.For(list, DenominatorKind.Residents, year) is { } d ? ((double)d.Value, d.Year) : null;
    }

    private async Task<ComparatorGroup> GroupAsync(CrimeDataStamp stamp, ComparatorData data, MonthlyCounts monthly, double? residents, CalendarMonth from, CalendarMonth to, CancellationToken ct)
    {
        PeerArea Area(ComparatorAreaData a, double? distance) => new(a.Id, a.Name, a.Code, a.ResidentsFor(to.Year), distance);

        var chosen = await db.Set<PartnershipPeer>().AsNoTracking().Where(p => p.PartnershipId == stamp.PartnershipId).Select(p => p.ComparatorAreaId).ToListAsync(ct);
        if (chosen.Count > 0)
        {
            return new ComparatorGroup(true, data.Areas.Where(a => chosen.Contains(a.Id)).Select(a => Area(a, null)).OrderBy(a => a.Name, StringComparer.Ordinal).ToList(), null);
        }

        if (residents is not { } own || own <= 0)
        {
            return new ComparatorGroup(false, [], "The comparator group cannot be computed until the partnership has a residents figure: add one on its residents and dwellings page.");
        }

        double[] Measures(Func<IReadOnlyCollection<short>, int> count, double people) =>
            [.. PeerMethod.Measures.Select(g => count(g.CrimeTypeIds) * 1000.0 / people), Math.Log(people)];

        var all = data.Areas
            .Select(a => (Area: a, People: a.ResidentsFor(to.Year)))
            .Where(a => a.People > 0)
            .Select(a => (a.Area, Measures: Measures(types => data.Count(a.Area.Id, types, from, to), a.People!.Value), a.Area.Name))

            // An area with no crime recorded at all in the window has no data for it (its force's months not loaded), not a rate of nothing.
            .Where(a => a.Measures[..^1].Any(rate => rate > 0))
            .ToList();
        if (all.Count == 0)
        {
            return new ComparatorGroup(false, [], "The comparator group cannot be computed until residents figures for comparator areas are loaded.");
        }

        var area = (await statistics.AreaLsoaIdsAsync(stamp, ct)).ToHashSet();
        var nearest = PeerMethod.Nearest(Measures(types => monthly.Count(types, from, to), own), all,
            a => a.LsoaIds.Count == 0 || !a.LsoaIds.All(area.Contains));
        return new ComparatorGroup(false, nearest.Select(n => Area(n.Area, n.Distance)).ToList(), null);
    }

    /// <summary>Every comparator area by name and those the analyst chose.</summary>
    public async Task<PeerChoice> ChoiceAsync(int partnershipId, CancellationToken ct = default)
    {
        var areas = await db.Set<ComparatorArea>().AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
        var chosen = await db.Set<PartnershipPeer>().AsNoTracking().Where(p => p.PartnershipId == partnershipId).Select(p => p.ComparatorAreaId).ToListAsync(ct);
        return new PeerChoice(areas, chosen.ToHashSet());
    }

    /// <summary>
    /// Sets the partnership's chosen peers, or with none goes back to the computed group; audited as one change of the
    /// partnership's "Peers" (the names before and after), and the partnership's stamp moved on so no stale figures are served.
    /// </summary>
    public async Task<EditResult<PeerChoice>> ChooseAsync(int partnershipId, IReadOnlyCollection<int> areaIds, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(areaIds);
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct))
        {
            return EditResult<PeerChoice>.NotFound($"There is no partnership {partnershipId}.");
        }

        if (!Permissions.CanChoosePeers(user, partnershipId))
        {
            return EditResult<PeerChoice>.Forbidden("Only the partnership's administrators, support officers and analysts can choose its comparator areas.");
        }

        var wanted = areaIds.Distinct().ToList();
        var names = await db.Set<ComparatorArea>().AsNoTracking().Where(a => wanted.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        if (names.Count != wanted.Count)
        {
            return EditResult<PeerChoice>.Invalid("Areas", "Select areas from the list");
        }

        var existing = await db.Set<PartnershipPeer>().Include(p => p.ComparatorArea).Where(p => p.PartnershipId == partnershipId).ToListAsync(ct);
        var before = Names(existing.Select(p => p.ComparatorArea.Name));
        var after = Names(names.Values);
        if (before != after)
        {
            db.RemoveRange(existing.Where(p => !wanted.Contains(p.ComparatorAreaId)));
            db.AddRange(wanted.Where(id => existing.All(p => p.ComparatorAreaId != id)).Select(id => new PartnershipPeer { PartnershipId = partnershipId, ComparatorAreaId = id }));
            var who = actor.Current;
            db.AuditEntries.Add(new AuditEntry
            {
                EntityType = nameof(PartnershipPeer),
                EntityId = partnershipId,
                PartnershipId = partnershipId,
                Action = AuditAction.Updated,
                UserId = who.UserId,
                Actor = who.Name,
                OccurredAt = time.GetUtcNow(),
                Changes = JsonSerializer.Serialize(new[] { new FieldChange("Peers", before, after) }, AuditJson.Options),
            });
            db.AuditPartnershipId = partnershipId;
            await db.SaveChangesAsync(ct);
            await db.Partnerships.Where(p => p.Id == partnershipId).MoveOnChangeStampsAsync(ct);
        }

        return EditResult<PeerChoice>.Ok(await ChoiceAsync(partnershipId, ct));
    }

    /// <summary>"Computed" for none, else the names in order: the audit's old and new values.</summary>
    private static string Names(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "Computed" : string.Join("; ", list);
    }
}
