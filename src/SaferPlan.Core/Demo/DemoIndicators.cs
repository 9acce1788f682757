using System.Text.Json;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Indicators;

namespace SaferPlan.Core.Demo;

/// <summary>The shape of a demo folder's indicators.json; see Demo/FORMAT.md.</summary>
public sealed class DemoIndicatorFile
{
    public List<DemoIndicator> Indicators { get; set; } = [];
}

public sealed record DemoIndicator(
    string Code, string Name, string? Description, IndicatorUnit Unit, Polarity Polarity, IndicatorFrequency Frequency, IndicatorSource Source,
    string? CrimeType, string? CrimeGroup, List<DemoBaseline>? Baselines, List<DemoTarget>? Targets, List<DemoValue>? Values, List<DemoIndicatorLink>? Links);

public sealed record DemoBaseline(string Period, decimal? Value, string? Source);

public sealed record DemoTarget(string Year, TargetKind Kind, decimal? Number, string? Baseline, decimal? AmberTolerance, string? Wording);

public sealed record DemoValue(string Period, decimal Value, string? Source, string? Comment);

public sealed record DemoIndicatorLink(string Edition, int? Priority, string? Milestone);

/// <summary>
/// Loads a demo partnership's indicators once (when it has none), creating by key the crime groups they are
/// defined on if the crime data setup has not: "serious-acquisitive-crime" and "all-crime".
/// </summary>
public static class DemoIndicators
{
    public static async Task LoadAsync(SaferPlanDbContext db, int partnershipId, string slug, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var resource = $"Demo/{slug}/indicators.json";
        await using var stream = typeof(DemoIndicators).Assembly.GetManifestResourceStream(resource);
        if (stream is null || await db.Set<Indicator>().AnyAsync(i => i.PartnershipId == partnershipId, ct))
        {
            return;
        }

        var file = await ReadAsync(stream, resource, ct);
        db.AuditPartnershipId = partnershipId;
        var groups = await EnsureGroupsAsync(db, partnershipId, ct);
        var editions = await db.Editions.AsNoTracking().Where(e => e.Plan.PartnershipId == partnershipId)
            .OrderByDescending(e => e.Status == EditionStatus.Approved).ThenByDescending(e => e.Id)
            .Select(e => new EditionYear(e.Id, e.YearStart)).ToListAsync(ct);
        var order = 0;
        foreach (var d in file.Indicators)
        {
            var where = $"demo indicator {d.Code} in {resource}";
            var indicator = IndicatorOf(d, partnershipId, ++order, groups, where);
            AddParts(indicator, d, where);
            db.Add(indicator);
            await AddLinksAsync(db, indicator, d, editions, where, ct);
        }

        await db.SaveChangesAsync(ct);
    }

    private sealed record EditionYear(int Id, int YearStart);

    private static async Task<DemoIndicatorFile> ReadAsync(Stream stream, string resource, CancellationToken ct)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<DemoIndicatorFile>(stream, DemoFile.Json, ct)
                ?? throw new InvalidDataException($"Demo data file {resource} is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Demo data file {resource}, line {ex.LineNumber + 1}: {ex.Message}", ex);
        }
    }

    private static Indicator IndicatorOf(DemoIndicator d, int partnershipId, int sortOrder, Dictionary<string, CrimeGroup> groups, string where) =>
        new Indicator
        {
            PartnershipId = partnershipId,
            Code = d.Code,
            Name = d.Name,
            Description = d.Description,
            Unit = d.Unit,
            Polarity = d.Polarity,
            Frequency = d.Frequency,
            Source = d.Source,
            SortOrder = sortOrder,
            CrimeTypeId = d.CrimeType is null ? null
                : CrimeTypes.All.FirstOrDefault(t => t.Name == d.CrimeType)?.Id ?? throw new InvalidDataException($"{where}: no crime type '{d.CrimeType}'."),
            CrimeGroupId = d.CrimeGroup is null ? null
                : groups.TryGetValue(d.CrimeGroup, out var g) ? g.Id : throw new InvalidDataException($"{where}: no crime group '{d.CrimeGroup}'."),
            Denominator = d.Unit switch
            {
                IndicatorUnit.RatePer1000Residents when d.Source == IndicatorSource.RecordedCrime => DenominatorKind.Residents,
                IndicatorUnit.RatePer1000Dwellings when d.Source == IndicatorSource.RecordedCrime => DenominatorKind.Dwellings,
                _ => null,
            },
        };

    /// <summary>The indicator's baselines, its targets (which may name a baseline by its period) and its values.</summary>
    private static void AddParts(Indicator indicator, DemoIndicator d, string where)
    {
        var baselines = new Dictionary<string, IndicatorBaseline>(StringComparer.Ordinal);
        foreach (var b in d.Baselines ?? [])
        {
            var span = Span(b.Period, where);
            var baseline = new IndicatorBaseline { FromMonth = span.From.Key, ToMonth = span.To.Key, Value = b.Value, Source = b.Source };
            baselines[b.Period] = baseline;
            indicator.Baselines.Add(baseline);
        }

        foreach (var t in d.Targets ?? [])
        {
            indicator.Targets.Add(new IndicatorTarget
            {
                Year = ReportingPeriod.Parse(t.Year).StartYear,
                Kind = t.Kind,
                Number = t.Number,
                AmberTolerance = t.AmberTolerance ?? 0,
                Baseline = t.Baseline is null ? null
                    : baselines.TryGetValue(t.Baseline, out var b) ? b : throw new InvalidDataException($"{where}: the {t.Year} target names baseline '{t.Baseline}', which it does not have."),
                Wording = t.Wording,
            });
        }

        foreach (var v in d.Values ?? [])
        {
            var span = Span(v.Period, where);
            indicator.Values.Add(new IndicatorValue
            {
                FromMonth = span.From.Key,
                ToMonth = span.To.Key,
                Value = v.Value,
                Source = v.Source,
                Comment = v.Comment,
                EnteredBy = "Demo data, from the partnership's papers",
                EnteredAt = new DateTimeOffset(span.To.AddMonths(1).FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            });
        }
    }

    /// <summary>Links the indicator to the priorities and milestones of the plan editions its file names.</summary>
    private static async Task AddLinksAsync(SaferPlanDbContext db, Indicator indicator, DemoIndicator d, List<EditionYear> editions, string where, CancellationToken ct)
    {
        foreach (var l in d.Links ?? [])
        {
            var year = ReportingPeriod.Parse(l.Edition).StartYear;
            var edition = editions.FirstOrDefault(e => e.YearStart == year) ?? throw new InvalidDataException($"{where}: no plan edition for {l.Edition}.");
            var link = new IndicatorLink { Indicator = indicator };
            if (l.Priority is { } number)
            {
                link.PriorityId = await db.Priorities.Where(p => p.EditionId == edition.Id && p.Number == number && p.Kind == PriorityKind.Priority)
                    .Select(p => (int?)p.Id).FirstOrDefaultAsync(ct) ?? throw new InvalidDataException($"{where}: no priority {number} in the {l.Edition} plan.");
            }
            else
            {
                link.MilestoneId = await db.Milestones.Where(m => m.Action.Priority.EditionId == edition.Id && m.Code == l.Milestone)
                    .Select(m => (int?)m.Id).FirstOrDefaultAsync(ct) ?? throw new InvalidDataException($"{where}: no milestone {l.Milestone} in the {l.Edition} plan.");
            }

            db.Add(link);
        }
    }

    private static MonthSpan Span(string text, string where) =>
        MonthSpan.TryParse(text, out var span) ? span : throw new InvalidDataException($"{where}: '{text}' is not a period ({MonthSpan.FormatHint}).");

    /// <summary>The partnership's crime groups by key, adding the two the demo indicators use if they are missing.</summary>
    private static async Task<Dictionary<string, CrimeGroup>> EnsureGroupsAsync(SaferPlanDbContext db, int partnershipId, CancellationToken ct)
    {
        var groups = await db.Set<CrimeGroup>().Where(g => g.PartnershipId == partnershipId).ToDictionaryAsync(g => g.Key, StringComparer.Ordinal, ct);
        void Ensure(string key, string name, IEnumerable<short> types)
        {
            if (!groups.ContainsKey(key))
            {
                var group = new CrimeGroup
                {
                    PartnershipId = partnershipId, Key = key, Name = name, SortOrder = groups.Count + 1,
                    Members = types.Select(t => new CrimeGroupMember { CrimeTypeId = t }).ToList(),
                };
                db.Add(group);
                groups[key] = group;
            }
        }

        short Type(string name) => CrimeTypes.All.Single(t => t.Name == name).Id;
        Ensure("serious-acquisitive-crime", "Serious acquisitive crime", [Type("Burglary"), Type("Robbery"), Type("Vehicle crime")]);
        Ensure("all-crime", "All crime", CrimeTypes.All.Where(t => !t.IsAntiSocialBehaviour).Select(t => t.Id));
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
        }

        return groups;
    }
}
