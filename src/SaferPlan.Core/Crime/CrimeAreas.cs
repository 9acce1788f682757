using System.Text.RegularExpressions;
using SaferPlan.Core.Documents;

namespace SaferPlan.Core.Crime;

/// <summary>One row of an ONS-style lookup file: an LSOA with its ward and local authority.</summary>
public sealed record LookupRow(int Line, string LsoaCode, string LsoaName, string? WardCode, string? WardName, string? LocalAuthorityCode, string? LocalAuthorityName);

/// <summary>A lookup file as read: its rows, or why it is refused (each reason with its line number).</summary>
public sealed record LookupFile(IReadOnlyList<LookupRow> Rows, IReadOnlyList<string> Problems)
{
    public bool Refused => Problems.Count > 0;
}

/// <summary>
/// Reads an ONS-style LSOA lookup CSV: LSOA code and name, ward code and name, local authority code and name. Column
/// names may be ONS's (LSOA11CD, LSOA11NM, WD11CD, WD11NM, LAD11CD, LAD11NM, and the 2021 and later years) or plain
/// ("LSOA code", "Ward name", "Local authority name"). A file with any bad line is refused whole.
/// </summary>
public static partial class LookupFileReader
{
    private const int MaxProblems = 20;

    private enum Column
    {
        LsoaCode,
        LsoaName,
        WardCode,
        WardName,
        LocalAuthorityCode,
        LocalAuthorityName,
    }

    public static LookupFile Read(Stream stream)
    {
        using var parser = CsvTextParser.Open(stream);

        var (header, headerProblem) = CsvTextParser.ReadHeader(parser);
        if (header is null)
        {
            return new LookupFile([], [headerProblem is { } problem
                ? $"Line {problem.Line}: {problem.Reason}"
                : "Line 1: the file is empty; it needs a header row naming the LSOA code and name columns"]);
        }

        var columns = CsvTextParser.ColumnsOf(header, ColumnOf);
        var missing = new[] { Column.LsoaCode, Column.LsoaName }.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return new LookupFile([], [$"Line 1: the header has no {string.Join(" or ", missing.Select(Describe))} column (expected names like LSOA11CD and LSOA11NM, or \"LSOA code\" and \"LSOA name\")"]);
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var (rows, found) = CsvTextParser.ReadRows(parser, header, MaxProblems, (fields, line) => RowOf(fields, line, columns, seen));
        var problems = found.Select(p => $"Line {p.Line}: {p.Problem}").ToList();
        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add("Line 2: the file has a header but no LSOAs");
        }

        return new LookupFile(rows, problems);
    }

    /// <summary>One line's LSOA, or what is wrong with it; <paramref name="seen"/> remembers the line each code was first on.</summary>
    private static (LookupRow? Row, string? Problem) RowOf(string[] fields, int line, Dictionary<Column, int> columns, Dictionary<string, int> seen)
    {
        string? Field(Column c) => columns.TryGetValue(c, out var i) ? ReportText.Clean(fields[i]) : null;
        var code = Field(Column.LsoaCode);
        var name = Field(Column.LsoaName);
        var problem = code is null ? "the LSOA code is empty"
            : !LsoaCodePattern().IsMatch(code) ? $"'{code}' is not an LSOA code (a letter and 8 digits, like E01018156)"
            : name is null ? "the LSOA name is empty"
            : seen.TryGetValue(code, out var first) ? $"LSOA {code} is already on line {first}"
            : null;
        if (problem is not null)
        {
            return (null, problem);
        }

        seen[code!] = line;
        return (new LookupRow(line, code!.ToUpperInvariant(), name!, Field(Column.WardCode), Field(Column.WardName), Field(Column.LocalAuthorityCode), Field(Column.LocalAuthorityName)), null);
    }

    private static Column? ColumnOf(string name)
    {
        var n = new string(name.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        var ons = OnsColumnPattern().Match(n);
        if (ons.Success)
        {
            return (ons.Groups["what"].Value, ons.Groups["part"].Value) switch
            {
                ("LSOA", "CD") => Column.LsoaCode,
                ("LSOA", "NM") => Column.LsoaName,
                ("WD", "CD") => Column.WardCode,
                ("WD", "NM") => Column.WardName,
                ("LAD", "CD") or ("LA", "CD") => Column.LocalAuthorityCode,
                _ => Column.LocalAuthorityName,
            };
        }

        return n switch
        {
            "LSOACODE" => Column.LsoaCode,
            "LSOANAME" => Column.LsoaName,
            "WARDCODE" => Column.WardCode,
            "WARDNAME" => Column.WardName,
            "LOCALAUTHORITYCODE" or "LADCODE" or "LACODE" or "DISTRICTCODE" => Column.LocalAuthorityCode,
            "LOCALAUTHORITYNAME" or "LADNAME" or "LANAME" or "LOCALAUTHORITY" or "DISTRICTNAME" or "DISTRICT" => Column.LocalAuthorityName,
            _ => null,
        };
    }

    private static string Describe(Column column) => column switch
    {
        Column.LsoaCode => "LSOA code",
        Column.LsoaName => "LSOA name",
        Column.WardCode => "ward code",
        Column.WardName => "ward name",
        Column.LocalAuthorityCode => "local authority code",
        _ => "local authority name",
    };

    [GeneratedRegex("^(?<what>LSOA|WD|LAD|LA)[0-9]{2}(?<part>CD|NM)$")]
    private static partial Regex OnsColumnPattern();

    [GeneratedRegex("^[A-Za-z][0-9]{8}$")]
    private static partial Regex LsoaCodePattern();
}

/// <summary>A partnership's area as shown and served: how it was set and its LSOAs with their wards.</summary>
public sealed record AreaView(int PartnershipId, string? Definition, string? LocalAuthorityName, IReadOnlyList<Lsoa> Lsoas);

/// <summary>
/// Sets a partnership's area: from the local authority name that begins every police.uk LSOA name ("South
/// Cambridgeshire 012A"), or from an uploaded ONS-style lookup for one local authority, which also records the ward
/// and local authority of every LSOA in the file. How the area was set is recorded (and audited) on
/// <see cref="Partnership.AreaDefinition"/>.
/// </summary>
public sealed class CrimeAreaService(SaferPlanDbContext db, ComparatorAreaService comparatorAreas)
{
    /// <summary>
    /// The start of an area definition by local authority name. Such an area also takes in LSOAs that arrive with
    /// later crime files (see <see cref="ResolveAsync"/> and <see cref="CrimeStatistics"/>), so it is set once.
    /// </summary>
    public const string LocalAuthorityNamePrefix = "Local authority named in police.uk LSOA names: ";

    /// <summary>The local authority name of an area defined by name, or null when the area was set another way.</summary>
    public static string? LocalAuthorityNameOf(string? definition) =>
        definition is not null && definition.StartsWith(LocalAuthorityNamePrefix, StringComparison.Ordinal)
            ? definition[LocalAuthorityNamePrefix.Length..].Trim()
            : null;

    /// <summary>Whether a police.uk LSOA name ("South Cambridgeshire 012A") is in the named local authority.</summary>
    public static bool NameIsIn(string lsoaName, string localAuthorityName) =>
        lsoaName.StartsWith(localAuthorityName + " ", StringComparison.OrdinalIgnoreCase);

    public async Task<AreaView?> GetAsync(int partnershipId, CancellationToken ct = default)
    {
        var definition = await db.Partnerships.Where(p => p.Id == partnershipId).Select(p => new { p.AreaDefinition }).FirstOrDefaultAsync(ct);
        if (definition is null)
        {
            return null;
        }

        var lsoas = await db.Set<PartnershipLsoa>().AsNoTracking()
            .Where(a => a.PartnershipId == partnershipId)
            .Select(a => a.Lsoa)
            .OrderBy(l => l.Name)
            .ToListAsync(ct);
        return new AreaView(partnershipId, definition.AreaDefinition, LocalAuthorityNameOf(definition.AreaDefinition), lsoas);
    }

    /// <summary>The partnership whose area is to be set, once the user may set it; else why not.</summary>
    private async Task<EditResult<Partnership>> EditableAsync(int partnershipId, UserContext user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var partnership = await db.Partnerships.FirstOrDefaultAsync(p => p.Id == partnershipId, ct);
        if (partnership is null)
        {
            return EditResult<Partnership>.NotFound("There is no such partnership.");
        }

        return Permissions.CanEditIndicators(user, partnershipId)
            ? EditResult<Partnership>.Ok(partnership)
            : EditResult<Partnership>.Forbidden("Only the partnership's administrators, support officers and analysts can set its area.");
    }

    public async Task<EditResult<AreaView>> SetFromLocalAuthorityNameAsync(int partnershipId, string? localAuthorityName, UserContext user, CancellationToken ct = default)
    {
        if ((await EditableAsync(partnershipId, user, ct)).Refused(out var partnership, out EditResult<AreaView>? refusal))
        {
            return refusal;
        }

        var name = localAuthorityName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return EditResult<AreaView>.Invalid("LocalAuthorityName", "Enter the local authority name that begins the area's LSOA names, like South Cambridgeshire");
        }

        if (name.Length > 150)
        {
            return EditResult<AreaView>.Invalid("LocalAuthorityName", "The local authority name must be 150 characters or fewer");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<PartnershipLsoa>().Where(a => a.PartnershipId == partnershipId).ExecuteDeleteAsync(ct);
        partnership.AreaDefinition = LocalAuthorityNamePrefix + name;
        db.AuditPartnershipId = partnershipId;
        await db.SaveChangesAsync(ct);
        await AddMatchingAsync(partnershipId, name, ct);
        await db.Partnerships.Where(p => p.Id == partnershipId).MoveOnChangeStampsAsync(ct);
        await transaction.CommitAsync(ct);
        return EditResult<AreaView>.Ok((await GetAsync(partnershipId, ct))!);
    }

    /// <summary>
    /// Sets the area to one local authority's LSOAs in a lookup file (the only one in the file, or the one named by
    /// <paramref name="localAuthority"/>, a code or name), and records every row's ward and local authority.
    /// A file with any bad line is refused whole and nothing is changed.
    /// </summary>
    public async Task<EditResult<AreaView>> SetFromLookupAsync(int partnershipId, Stream file, string fileName, string? localAuthority, UserContext user, CancellationToken ct = default)
    {
        if ((await EditableAsync(partnershipId, user, ct)).Refused(out var partnership, out EditResult<AreaView>? refusal))
        {
            return refusal;
        }

        var lookup = LookupFileReader.Read(file);
        if (lookup.Refused)
        {
            var message = $"{fileName} was not used: " + string.Join("; ", lookup.Problems);
            return new EditResult<AreaView>(EditStatus.Invalid, null, new Dictionary<string, string> { ["File"] = message }, message);
        }

        if (ChooseAuthority(lookup.Rows, localAuthority, fileName).Refused(out var authority, out EditResult<AreaView>? notChosen))
        {
            return notChosen;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var existing = await RecordLsoasAsync(lookup.Rows, ct);

        await db.Set<PartnershipLsoa>().Where(a => a.PartnershipId == partnershipId).ExecuteDeleteAsync(ct);
        var inArea = lookup.Rows.Where(r => r.LocalAuthorityCode == authority.Code && r.LocalAuthorityName == authority.Name).ToList();
        foreach (var row in inArea)
        {
            db.Add(new PartnershipLsoa { PartnershipId = partnershipId, Lsoa = existing[row.LsoaCode] });
        }

        var label = authority.Name is null ? authority.Code ?? "the whole file"
            : authority.Code is null ? authority.Name
            : $"{authority.Name} ({authority.Code})";
        partnership.AreaDefinition = string.Create(CultureInfo.InvariantCulture, $"Lookup file {fileName}: {label}, {inArea.Count} LSOAs");
        db.AuditPartnershipId = partnershipId;
        await db.SaveChangesAsync(ct);

        // The lookup's local authority codes name the comparator areas of the same names; LSOAs it added join theirs.
        await comparatorAreas.PlaceUnplacedAsync(ct);
        await comparatorAreas.SetCodesAsync(lookup.Rows.Select(r => (r.LocalAuthorityName, r.LocalAuthorityCode)), ct);

        // Wards and local authorities are shared by every partnership's breakdowns, so all of their cached figures are stale.
        await db.Partnerships.MoveOnChangeStampsAsync(ct);
        await transaction.CommitAsync(ct);
        return EditResult<AreaView>.Ok((await GetAsync(partnershipId, ct))!);
    }

    /// <summary>Every row's LSOA, made if new, with the ward and local authority the file gives it; by code.</summary>
    private async Task<Dictionary<string, Lsoa>> RecordLsoasAsync(IReadOnlyList<LookupRow> rows, CancellationToken ct)
    {
        var codes = rows.Select(r => r.LsoaCode).ToList();
        var existing = new Dictionary<string, Lsoa>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in codes.Chunk(2000))
        {
            foreach (var l in await db.Set<Lsoa>().Where(l => chunk.Contains(l.Code)).ToListAsync(ct))
            {
                existing[l.Code] = l;
            }
        }

        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.LsoaCode, out var lsoa))
            {
                lsoa = new Lsoa { Code = row.LsoaCode, Name = row.LsoaName };
                db.Add(lsoa);
                existing[row.LsoaCode] = lsoa;
            }

            lsoa.WardCode = row.WardCode;
            lsoa.WardName = row.WardName;
            lsoa.LocalAuthorityCode = row.LocalAuthorityCode;
            lsoa.LocalAuthorityName = row.LocalAuthorityName;
        }

        return existing;
    }

    /// <summary>The local authority of a lookup file to take: the only one in the file, or the one named (a code or name).</summary>
    private static EditResult<LookupAuthority> ChooseAuthority(IEnumerable<LookupRow> rows, string? localAuthority, string fileName)
    {
        var authorities = rows
            .GroupBy(r => (r.LocalAuthorityCode, r.LocalAuthorityName))
            .Select(g => new LookupAuthority(g.Key.LocalAuthorityCode, g.Key.LocalAuthorityName))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        var chosen = localAuthority?.Trim();
        var matching = string.IsNullOrEmpty(chosen)
            ? authorities
            : authorities.Where(a => string.Equals(a.Code, chosen, StringComparison.OrdinalIgnoreCase)
                || string.Equals(a.Name, chosen, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matching.Count == 1)
        {
            return EditResult<LookupAuthority>.Ok(matching[0]);
        }

        var listed = string.Join(", ", authorities.Select(a => $"{a.Name ?? "no name"} ({a.Code ?? "no code"})"));
        var reason = string.IsNullOrEmpty(chosen)
            ? $"Enter the local authority to use: {fileName} has {authorities.Count} ({listed})"
            : $"Enter a local authority in {fileName}: '{chosen}' is not one of {listed}";
        return EditResult<LookupAuthority>.Invalid("LocalAuthority", reason);
    }

    private sealed record LookupAuthority(string? Code, string? Name);

    /// <summary>
    /// Adds to an area defined by local authority name the LSOAs of that name which arrived since it was set (with
    /// newly imported crime files). Returns how many were added. Queries need not wait for this:
    /// <see cref="CrimeStatistics"/> includes such LSOAs anyway; this keeps the listed area complete.
    /// </summary>
    public async Task<int> ResolveAsync(int partnershipId, CancellationToken ct = default)
    {
        var definition = await db.Partnerships.Where(p => p.Id == partnershipId).Select(p => p.AreaDefinition).FirstOrDefaultAsync(ct);
        return LocalAuthorityNameOf(definition) is { } name ? await AddMatchingAsync(partnershipId, name, ct) : 0;
    }

    private async Task<int> AddMatchingAsync(int partnershipId, string name, CancellationToken ct)
    {
        var ids = await MatchingLsoaIdsAsync(db, name, ct);
        var have = await db.Set<PartnershipLsoa>().Where(a => a.PartnershipId == partnershipId).Select(a => a.LsoaId).ToListAsync(ct);
        var added = ids.Except(have).ToList();
        foreach (var id in added)
        {
            db.Add(new PartnershipLsoa { PartnershipId = partnershipId, LsoaId = id });
        }

        if (added.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return added.Count;
    }

    /// <summary>The LSOAs whose police.uk name begins with the local authority's name and a space.</summary>
    internal static async Task<List<int>> MatchingLsoaIdsAsync(SaferPlanDbContext db, string localAuthorityName, CancellationToken ct)
    {
        var prefix = localAuthorityName + " ";
        var candidates = await db.Set<Lsoa>().AsNoTracking()
            .Where(l => l.Name.StartsWith(prefix))
            .Select(l => new { l.Id, l.Name })
            .ToListAsync(ct);

        // StartsWith is case-sensitive on PostgreSQL and not on SQLite; the rule is the same on both.
        return candidates.Where(l => NameIsIn(l.Name, localAuthorityName)).Select(l => l.Id).ToList();
    }
}
