using System.Text;
using SaferPlan.Core.Documents;

namespace SaferPlan.Core.Crime;

/// <summary>What a crime group is made of, as typed or sent; the key is made from the name when left blank.</summary>
public sealed record CrimeGroupInput(string? Name, IReadOnlyList<short>? CrimeTypeIds, string? Key = null, int? SortOrder = null);

/// <summary>A crime group as checked: what an add or change writes.</summary>
public sealed record CrimeGroupFields(string Key, string Name, IReadOnlyList<short> CrimeTypeIds);

/// <summary>A usual crime group, added by one button: the groups strategic assessments report.</summary>
public sealed record UsualCrimeGroup(string Key, string Name, IReadOnlyList<short> CrimeTypeIds);

/// <summary>
/// A partnership's crime groups (data, not code): listed, added, changed with a version check and removed, every
/// change audited; and the usual groups added with one call.
/// </summary>
public sealed class CrimeGroupService(SaferPlanDbContext db)
{
    public static IReadOnlyList<UsualCrimeGroup> Usual { get; } =
    [
        new("all-crime", "All crime", CrimeTypes.All.Where(t => !t.IsAntiSocialBehaviour).Select(t => t.Id).ToList()),
        new("serious-acquisitive-crime", "Serious acquisitive crime", [3, 10, 13]),
        new("violence", "Violence and sexual offences", [14, 15]),
        new("theft", "Theft (other than burglary and vehicle crime)", [2, 7, 11, 12]),
        new("anti-social-behaviour", "Anti-social behaviour", [CrimeTypes.AntiSocialBehaviour]),
    ];

    public Task<List<CrimeGroup>> ListAsync(int partnershipId, CancellationToken ct = default) =>
        db.Set<CrimeGroup>().AsNoTracking().Include(g => g.Members)
            .Where(g => g.PartnershipId == partnershipId)
            .OrderBy(g => g.SortOrder).ThenBy(g => g.Name)
            .ToListAsync(ct);

    public Task<CrimeGroup?> GetAsync(int id, CancellationToken ct = default) =>
        db.Set<CrimeGroup>().AsNoTracking().Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == id, ct);

    public async Task<EditResult<CrimeGroup>> CreateAsync(int partnershipId, CrimeGroupInput input, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanEditIndicators(user, partnershipId))
        {
            return EditResult<CrimeGroup>.Forbidden(NotAllowed);
        }

        var key = string.IsNullOrWhiteSpace(input.Key) ? KeyOf(input.Name) : input.Key.Trim().ToLowerInvariant();
        if ((await CheckAsync(partnershipId, input, key, null, ct)).Refused(out var fields, out EditResult<CrimeGroup>? invalid))
        {
            return invalid;
        }

        var sortOrder = input.SortOrder ?? ((await db.Set<CrimeGroup>().Where(g => g.PartnershipId == partnershipId).MaxAsync(g => (int?)g.SortOrder, ct) ?? 0) + 1);
        var group = new CrimeGroup
        {
            PartnershipId = partnershipId,
            Key = fields.Key,
            Name = fields.Name,
            SortOrder = sortOrder,
            Members = fields.CrimeTypeIds.Distinct().Order().Select(t => new CrimeGroupMember { CrimeTypeId = t }).ToList(),
        };
        db.Add(group);
        await SaveAsync(partnershipId, ct);
        return EditResult<CrimeGroup>.Ok(group);
    }

    /// <summary>The group to change, with its members, once the user may edit it and has the version it now has; else why not.</summary>
    private async Task<EditResult<CrimeGroup>> EditableAsync(int id, int expectedVersion, UserContext user, CancellationToken ct)
    {
        var group = await db.Set<CrimeGroup>().Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == id, ct);
        if (group is null)
        {
            return EditResult<CrimeGroup>.NotFound($"There is no crime group {id}.");
        }

        if (!Permissions.CanEditIndicators(user, group.PartnershipId))
        {
            return EditResult<CrimeGroup>.Forbidden(NotAllowed);
        }

        return group.Version != expectedVersion ? Stale(group) : EditResult<CrimeGroup>.Ok(group);
    }

    public async Task<EditResult<CrimeGroup>> UpdateAsync(int id, CrimeGroupInput input, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if ((await EditableAsync(id, expectedVersion, user, ct)).Refused(out var group, out var refusal))
        {
            return refusal;
        }

        var key = string.IsNullOrWhiteSpace(input.Key) ? group.Key : input.Key.Trim().ToLowerInvariant();
        if ((await CheckAsync(group.PartnershipId, input, key, group.Id, ct)).Refused(out var fields, out refusal))
        {
            return refusal;
        }

        group.Key = fields.Key;
        group.Name = fields.Name;
        group.SortOrder = input.SortOrder ?? group.SortOrder;
        var wanted = fields.CrimeTypeIds.ToHashSet();
        group.Members.RemoveAll(m => !wanted.Contains(m.CrimeTypeId));
        foreach (var t in wanted.Where(t => group.Members.All(m => m.CrimeTypeId != t)).Order())
        {
            group.Members.Add(new CrimeGroupMember { GroupId = group.Id, CrimeTypeId = t });
        }

        // A change of members alone must still make a new version, so the group row itself is marked changed.
        db.Entry(group).Property(g => g.Version).IsModified = true;
        var saved = await db.SaveEditAsync(group, null, new EditSave(group.PartnershipId, "crime group")
        {
            Concurrent = $"Someone else changed the crime group '{group.Name}' while you were editing it. Reload it and make your change again.",
        }, ct);
        if (saved.Succeeded)
        {
            await StampAsync(group.PartnershipId, ct);
        }

        return saved;
    }

    public async Task<EditResult<CrimeGroup>> DeleteAsync(int id, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        if ((await EditableAsync(id, expectedVersion, user, ct)).Refused(out var group, out var refusal))
        {
            return refusal;
        }

        db.Remove(group);
        await SaveAsync(group.PartnershipId, ct);
        return EditResult<CrimeGroup>.Ok(group);
    }

    /// <summary>Adds the <see cref="Usual"/> groups the partnership does not have yet (by key); running it twice adds nothing.</summary>
    public async Task<EditResult<IReadOnlyList<CrimeGroup>>> AddUsualAsync(int partnershipId, UserContext user, CancellationToken ct = default)
    {
        if (!Permissions.CanEditIndicators(user, partnershipId))
        {
            return EditResult<IReadOnlyList<CrimeGroup>>.Forbidden(NotAllowed);
        }

        var added = await AddUsualGroupsAsync(partnershipId, ct);
        return EditResult<IReadOnlyList<CrimeGroup>>.Ok(added);
    }

    /// <summary>For the demo loader, which acts as no user.</summary>
    internal async Task<IReadOnlyList<CrimeGroup>> AddUsualGroupsAsync(int partnershipId, CancellationToken ct)
    {
        var groups = await db.Set<CrimeGroup>().Where(g => g.PartnershipId == partnershipId).Select(g => new { g.Key, g.SortOrder }).ToListAsync(ct);
        var order = groups.Count == 0 ? 0 : groups.Max(g => g.SortOrder);
        var added = new List<CrimeGroup>();
        foreach (var usual in Usual.Where(u => groups.All(g => g.Key != u.Key)))
        {
            var group = new CrimeGroup
            {
                PartnershipId = partnershipId,
                Key = usual.Key,
                Name = usual.Name,
                SortOrder = ++order,
                Members = usual.CrimeTypeIds.Select(t => new CrimeGroupMember { CrimeTypeId = t }).ToList(),
            };
            db.Add(group);
            added.Add(group);
        }

        if (added.Count > 0)
        {
            await SaveAsync(partnershipId, ct);
        }

        return added;
    }

    /// <summary>"Serious acquisitive crime" → "serious-acquisitive-crime".</summary>
    public static string KeyOf(string? name)
    {
        var key = new StringBuilder();
        foreach (var c in (name ?? "").Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                key.Append(c);
            }
            else if (key.Length > 0 && key[^1] != '-')
            {
                key.Append('-');
            }
        }

        return key.ToString().Trim('-');
    }

    private const string NotAllowed = "Only the partnership's administrators, support officers and analysts can change its crime groups.";

    private static EditResult<CrimeGroup> Stale(CrimeGroup group) => EditResult<CrimeGroup>.Conflict(
        string.Create(CultureInfo.InvariantCulture, $"The crime group '{group.Name}' has changed since you read it (it is now version {group.Version}). Reload it and make your change again."));

    private async Task<EditResult<CrimeGroupFields>> CheckAsync(int partnershipId, CrimeGroupInput input, string key, int? id, CancellationToken ct)
    {
        var check = new FieldCheck();
        var name = ReportText.Name(check.Required("Name", input.Name, 200, "Enter the group's name, like Serious acquisitive crime", "The group's name"));
        var types = input.CrimeTypeIds ?? [];
        if (types.Count == 0)
        {
            check.Add("CrimeTypeIds", "Select at least one crime type");
        }
        else if (types.FirstOrDefault(t => CrimeTypes.All.All(c => c.Id != t)) is var unknown and not 0)
        {
            check.Add("CrimeTypeIds", string.Create(CultureInfo.InvariantCulture, $"There is no crime type {unknown}: choose from the list of police.uk crime types"));
        }

        if (key.Length == 0 && !check.Failed("Name"))
        {
            check.Add("Key", "Enter a name with at least one letter or digit");
        }
        else if (key.Length > 100 || key.Any(c => !char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-'))
        {
            check.Add("Key", "The key must be lower-case letters, digits and hyphens, 100 characters or fewer");
        }
        else if (key.Length > 0 && await db.Set<CrimeGroup>().AnyAsync(g => g.PartnershipId == partnershipId && g.Key == key && g.Id != id, ct))
        {
            check.Add("Name", $"The partnership already has a crime group '{key}': choose another name");
        }

        return check.Result(() => new CrimeGroupFields(key, name, types));
    }

    private async Task SaveAsync(int partnershipId, CancellationToken ct)
    {
        db.AuditPartnershipId = partnershipId;
        await db.SaveChangesAsync(ct);
        await StampAsync(partnershipId, ct);
    }

    private Task StampAsync(int partnershipId, CancellationToken ct) =>
        db.Partnerships.Where(p => p.Id == partnershipId).MoveOnChangeStampsAsync(ct);
}

/// <summary>A partnership's yearly residents and dwellings, for rates per 1,000.</summary>
public sealed record DenominatorInput(decimal? Value, string? Source);

public sealed record DenominatorFields(decimal Value, string? Source);

public sealed class DenominatorService(SaferPlanDbContext db)
{
    /// <summary>Which year's figure a period's rate uses.</summary>
    public const string Rule =
        "A rate per 1,000 divides the count by the residents or dwellings of the calendar year in which the period ends (or the latest year before it that has a figure, or failing that the earliest after), and multiplies by 1,000.";

    public Task<List<AreaDenominator>> ListAsync(int partnershipId, CancellationToken ct = default) =>
        db.Set<AreaDenominator>().AsNoTracking().Where(d => d.PartnershipId == partnershipId)
            .OrderBy(d => d.Kind).ThenBy(d => d.Year).ToListAsync(ct);

    /// <summary>The figure <see cref="Rule"/> picks for a period ending in <paramref name="endYear"/>.</summary>
    public static AreaDenominator? For(IEnumerable<AreaDenominator> denominators, DenominatorKind kind, int endYear)
    {
        var ofKind = denominators.Where(d => d.Kind == kind).ToList();
        return ofKind.Where(d => d.Year <= endYear).MaxBy(d => d.Year) ?? ofKind.Where(d => d.Year > endYear).MinBy(d => d.Year);
    }

    /// <summary>Sets a year's figure: adds it (expected version 0) or replaces it (the version read).</summary>
    public async Task<EditResult<AreaDenominator>> SetAsync(int partnershipId, DenominatorKind kind, int year, DenominatorInput input, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanEditIndicators(user, partnershipId))
        {
            return EditResult<AreaDenominator>.Forbidden("Only the partnership's administrators, support officers and analysts can change its residents and dwellings.");
        }

        if (Check(kind, year, input).Refused(out var fields, out EditResult<AreaDenominator>? invalid))
        {
            return invalid;
        }

        var existing = await db.Set<AreaDenominator>().FirstOrDefaultAsync(d => d.PartnershipId == partnershipId && d.Kind == kind && d.Year == year, ct);
        if ((existing?.Version ?? 0) != expectedVersion)
        {
            return EditResult<AreaDenominator>.Conflict(existing is null
                ? string.Create(CultureInfo.InvariantCulture, $"There is no figure for {Noun(kind)} in {year} to replace: send version 0 to add one.")
                : string.Create(CultureInfo.InvariantCulture, $"The figure for {Noun(kind)} in {year} has changed since you read it (it is now version {existing.Version}). Reload it and make your change again."));
        }

        if (existing is null)
        {
            existing = new AreaDenominator { PartnershipId = partnershipId, Kind = kind, Year = year };
            db.Add(existing);
        }

        existing.Value = fields.Value;
        existing.Source = fields.Source;
        await SaveAsync(partnershipId, ct);
        return EditResult<AreaDenominator>.Ok(existing);
    }

    /// <summary>
    /// What is wrong with a figure of residents or dwellings as given, every error at once; nothing is saved. A year the form
    /// could not read (null) is that box's own error.
    /// </summary>
    public static EditResult<DenominatorFields> Check(DenominatorKind kind, int? year, DenominatorInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = new FieldCheck();
        if (year is < 1990 or > 2100)
        {
            check.Add("Year", "Enter a year between 1990 and 2100, like 2009");
        }

        var value = check.Given("Value", input.Value, $"Enter the number of {Noun(kind)}, like 59000");
        if (!check.Failed("Value") && (value <= 0 || value > 100_000_000))
        {
            check.Add("Value", $"The number of {Noun(kind)} must be more than 0 and at most 100,000,000");
        }

        var source = ReportText.Clean(check.Optional("Source", input.Source, 400, "The source"));
        return check.Result(() => new DenominatorFields(value, source));
    }

    public async Task<EditResult<AreaDenominator>> DeleteAsync(int partnershipId, DenominatorKind kind, int year, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        if (!Permissions.CanEditIndicators(user, partnershipId))
        {
            return EditResult<AreaDenominator>.Forbidden("Only the partnership's administrators, support officers and analysts can change its residents and dwellings.");
        }

        var existing = await db.Set<AreaDenominator>().FirstOrDefaultAsync(d => d.PartnershipId == partnershipId && d.Kind == kind && d.Year == year, ct);
        if (existing is null)
        {
            return EditResult<AreaDenominator>.NotFound(string.Create(CultureInfo.InvariantCulture, $"There is no figure for {Noun(kind)} in {year}."));
        }

        if (existing.Version != expectedVersion)
        {
            return EditResult<AreaDenominator>.Conflict(string.Create(CultureInfo.InvariantCulture, $"The figure for {Noun(kind)} in {year} has changed since you read it (it is now version {existing.Version})."));
        }

        db.Remove(existing);
        await SaveAsync(partnershipId, ct);
        return EditResult<AreaDenominator>.Ok(existing);
    }

    /// <summary>For the demo loader: adds a figure unless the year already has one.</summary>
    internal async Task AddIfMissingAsync(int partnershipId, DenominatorKind kind, int year, decimal value, string source, CancellationToken ct)
    {
        if (!await db.Set<AreaDenominator>().AnyAsync(d => d.PartnershipId == partnershipId && d.Kind == kind && d.Year == year, ct))
        {
            db.Add(new AreaDenominator { PartnershipId = partnershipId, Kind = kind, Year = year, Value = value, Source = source });
            await SaveAsync(partnershipId, ct);
        }
    }

    public static string Noun(DenominatorKind kind) => kind == DenominatorKind.Residents ? "residents" : "dwellings";

    private async Task SaveAsync(int partnershipId, CancellationToken ct)
    {
        db.AuditPartnershipId = partnershipId;
        await db.SaveChangesAsync(ct);
        await db.Partnerships.Where(p => p.Id == partnershipId).MoveOnChangeStampsAsync(ct);
    }
}
