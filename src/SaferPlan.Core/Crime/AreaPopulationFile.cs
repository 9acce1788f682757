using SaferPlan.Core.Documents;

namespace SaferPlan.Core.Crime;

/// <summary>One line of a population file: an area (by code, name or both) in one year.</summary>
public sealed record AreaPopulationRow(int Line, string? Code, string? Name, int Year, int Residents, int? Dwellings, bool Synthetic);

/// <summary>What is wrong with one line of a population file.</summary>
public sealed record AreaPopulationProblem(int Line, string Reason)
{
    public override string ToString() => $"Line {Line}: {Reason}";
}

/// <summary>A population file as read: its rows, or why it is refused, line by line.</summary>
public sealed record AreaPopulationFile(IReadOnlyList<AreaPopulationRow> Rows, IReadOnlyList<AreaPopulationProblem> Problems)
{
    public bool Refused => Problems.Count > 0;
}

/// <summary>What loading a population file did.</summary>
public sealed record AreaPopulationLoad(int Rows, int AreasCreated, int Synthetic);

/// <summary>
/// Reads an ONS-style population CSV: area code, area name, year, residents and dwellings per line. Column names may be
/// plain ("Area code", "Area name", "Year", "Residents", "Dwellings") or ONS-like ("LAD21CD", "LAD21NM",
/// "Population", "All ages", "Mid-year"); an area needs a code or a name (or both), dwellings may be left out.
/// An optional <c>synthetic</c> column (true/false, yes/no, 1/0) marks figures that are made up, as the synthetic
/// generator's are. A file with any bad line is refused whole.
/// </summary>
public static class AreaPopulationFileReader
{
    private const int MaxProblems = 50;

    private enum Column
    {
        Code,
        Name,
        Year,
        Residents,
        Dwellings,
        Synthetic,
    }

    public static AreaPopulationFile Read(Stream stream)
    {
        using var parser = CsvTextParser.Open(stream);

        var (header, headerProblem) = CsvTextParser.ReadHeader(parser);
        if (headerProblem is { } problem)
        {
            return Refuse(problem.Line, problem.Reason);
        }

        if (header is null || header.All(string.IsNullOrWhiteSpace))
        {
            return Refuse(1, "the file is empty; it needs a header row naming the area code or name, year, residents and dwellings columns");
        }

        var columns = CsvTextParser.ColumnsOf(header, ColumnOf);

        var missing = new List<string>();
        if (!columns.ContainsKey(Column.Code) && !columns.ContainsKey(Column.Name))
        {
            missing.Add("area code or area name");
        }

        if (!columns.ContainsKey(Column.Year))
        {
            missing.Add("year");
        }

        if (!columns.ContainsKey(Column.Residents))
        {
            missing.Add("residents");
        }

        if (missing.Count > 0)
        {
            return Refuse(1, $"the header has no {string.Join(", ", missing)} column (expected names like \"Area code\", \"Area name\", \"Year\", \"Residents\", \"Dwellings\")");
        }

        var seen = new Dictionary<(string Area, int Year), int>();
        var (rows, found) = CsvTextParser.ReadRows(parser, header, MaxProblems, (fields, line) => RowOf(fields, line, columns, seen));
        var problems = found.Select(p => new AreaPopulationProblem(p.Line, p.Problem)).ToList();

        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(new(2, "the file has a header but no figures"));
        }

        return new AreaPopulationFile(problems.Count == 0 ? rows : [], problems);
    }

    private static AreaPopulationFile Refuse(int line, string reason) => new([], [new AreaPopulationProblem(line, reason)]);

    private static (AreaPopulationRow? Row, string? Problem) RowOf(string[] fields, int line, Dictionary<Column, int> columns, Dictionary<(string, int), int> seen)
    {
        string? Field(Column c) => columns.TryGetValue(c, out var i) ? ReportText.Clean(fields[i]) : null;
        var code = Field(Column.Code)?.ToUpperInvariant();
        var name = Field(Column.Name);
        if (code is null && name is null)
        {
            return (null, "enter the area's code or name");
        }

        var area = code ?? name!;
        if (!int.TryParse(Field(Column.Year), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2200)
        {
            return (null, $"the year '{Field(Column.Year)}' is not a year like 2021");
        }

        var (residents, residentsProblem) = Count(Field(Column.Residents), "residents", required: true);
        if (residentsProblem is not null)
        {
            return (null, residentsProblem);
        }

        var (dwellings, dwellingsProblem) = Count(Field(Column.Dwellings), "dwellings", required: false);
        if (dwellingsProblem is not null)
        {
            return (null, dwellingsProblem);
        }

        var syntheticText = Field(Column.Synthetic);
        bool synthetic;
        switch (syntheticText?.ToLowerInvariant())
        {
            case null or "false" or "no" or "0" or "n":
                synthetic = false;
                break;
            case "true" or "yes" or "1" or "y":
                synthetic = true;
                break;
            default:
                return (null, $"synthetic is '{syntheticText}'; write true or false");
        }

        var key = (area.ToUpperInvariant(), year);
        if (seen.TryGetValue(key, out var first))
        {
            return (null, $"{area} {year} is already on line {first}");
        }

        seen[key] = line;
        return (new AreaPopulationRow(line, code, name, year, residents!.Value, dwellings, synthetic), null);
    }

    /// <summary>A whole number of people or dwellings; thousands may be separated by commas ("158,300").</summary>
    private static (int? Value, string? Problem) Count(string? text, string what, bool required)
    {
        if (text is null)
        {
            return required ? (null, $"enter the number of {what}") : (null, null);
        }

        if (!long.TryParse(text, NumberStyles.AllowThousands | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value > int.MaxValue)
        {
            return (null, $"{what} '{text}' is not a whole number");
        }

        return value < 0 ? (null, $"{what} '{text}' is negative") : ((int)value, null);
    }

    private static Column? ColumnOf(string header)
    {
        var n = new string(header.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        // ONS names a column by geography, year and part: LAD21CD, LAD21NM (and CSP21CD for community safety partnerships).
        if (n.Length is >= 7 and <= 9 && (n.StartsWith("LAD", StringComparison.Ordinal) || n.StartsWith("CSP", StringComparison.Ordinal)) && n[3..^2].All(char.IsDigit))
        {
            return n.EndsWith("CD", StringComparison.Ordinal) ? Column.Code : n.EndsWith("NM", StringComparison.Ordinal) ? Column.Name : null;
        }

        return n switch
        {
            "AREACODE" or "CODE" or "LADCODE" or "LACODE" or "LOCALAUTHORITYCODE" or "GEOGRAPHYCODE" or "DISTRICTCODE" => Column.Code,
            "AREANAME" or "NAME" or "AREA" or "LADNAME" or "LANAME" or "LOCALAUTHORITYNAME" or "LOCALAUTHORITY" or "GEOGRAPHY" or "GEOGRAPHYNAME" or "DISTRICTNAME" or "DISTRICT" => Column.Name,
            "YEAR" or "MIDYEAR" or "PERIOD" or "DATE" => Column.Year,
            "RESIDENTS" or "POPULATION" or "ALLAGES" or "PERSONS" or "USUALRESIDENTS" or "ALLPERSONS" => Column.Residents,
            "DWELLINGS" or "DWELLINGSTOCK" or "HOUSEHOLDSPACES" => Column.Dwellings,
            "SYNTHETIC" => Column.Synthetic,
            _ => null,
        };
    }
}

/// <summary>
/// Loads residents and dwellings per comparator area and year. Each line is matched to an area by its code, else by its
/// name; a name not yet known makes a new area (its LSOAs arrive with the crime files that name it). A file with any
/// bad line, or a code that matches no area and comes without a name, is refused whole; loading a year again
/// replaces it.
/// </summary>
public sealed class AreaPopulationService(SaferPlanDbContext db, ComparatorAreaService comparatorAreas)
{
    /// <summary>
    /// Loads the file. Who may is decided by the caller (<see cref="Permissions.CanLoadPopulation"/> on the web; the
    /// command line's operator holds the database itself), as for <see cref="CrimeImporter"/>.
    /// </summary>
    public async Task<EditResult<AreaPopulationLoad>> LoadAsync(Stream file, string fileName, CancellationToken ct = default)
    {
        var read = AreaPopulationFileReader.Read(file);
        if (read.Refused)
        {
            return Refused(read.Problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Areas found in crime data loaded before comparator areas existed are made now, so names can match them.
        await comparatorAreas.PlaceUnplacedAsync(ct);
        var (matched, created, problems) = MatchAreas(read.Rows, await db.Set<ComparatorArea>().ToListAsync(ct));
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Refused(problems);
        }

        await db.SaveChangesAsync(ct);
        await StorePopulationsAsync(matched, Path.GetFileName(fileName), ct);
        await db.SaveChangesAsync(ct);

        // Rates per 1,000 residents on every partnership's pages may rest on these figures.
        await db.Partnerships.MoveOnChangeStampsAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return EditResult<AreaPopulationLoad>.Ok(new AreaPopulationLoad(matched.Count, created, matched.Count(m => m.Row.Synthetic)));
    }

    /// <summary>
    /// Each line's comparator area, by code, else by name (a name no area has makes a new one, added to the context); the
    /// lines refused say why: a code beside another area's name, a code alone that no area has, an area and year twice.
    /// </summary>
    private (List<(AreaPopulationRow Row, ComparatorArea Area)> Matched, int Created, List<AreaPopulationProblem> Problems) MatchAreas(
        IEnumerable<AreaPopulationRow> rows, List<ComparatorArea> areas)
    {
        var byCode = areas.Where(a => a.Code is not null).GroupBy(a => a.Code!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var byName = areas.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
        var problems = new List<AreaPopulationProblem>();
        var matched = new List<(AreaPopulationRow Row, ComparatorArea Area)>();
        var created = 0;
        foreach (var row in rows)
        {
            ComparatorArea? area = null;
            if (row.Code is not null)
            {
                byCode.TryGetValue(row.Code, out area);
            }

            // A code of one area beside the name of another (a copied line, a code from another year's list) would put
            // the figures on the wrong area silently: the line is refused. A name no area has is a renaming, and is taken.
            if (area is not null && row.Name is not null && byName.TryGetValue(row.Name, out var named) && named != area)
            {
                problems.Add(new(row.Line, $"the code {row.Code} is {area.Name}'s, but {row.Name} is another comparator area: correct the code or the name"));
                continue;
            }

            if (area is null && row.Name is not null && byName.TryGetValue(row.Name, out area) && row.Code is not null && area.Code is null)
            {
                area.Code = row.Code;
                byCode[row.Code] = area;
            }

            if (area is null && row.Name is not null)
            {
                area = new ComparatorArea { Name = row.Name, Code = row.Code };
                db.Add(area);
                byName[row.Name] = area;
                if (row.Code is not null)
                {
                    byCode[row.Code] = area;
                }

                created++;
            }

            if (area is null)
            {
                problems.Add(new(row.Line, $"no comparator area has the code {row.Code}; add the area's name so it can be matched or made"));
                continue;
            }

            matched.Add((row, area));
        }

        // Two lines naming the same area by code and by name, for one year.
        foreach (var clash in matched.GroupBy(m => (m.Area, m.Row.Year)).Where(g => g.Count() > 1))
        {
            var lines = clash.Select(m => m.Row.Line).Order().ToList();
            problems.Add(new(lines[^1], $"{clash.Key.Area.Name} {clash.Key.Year} is already on line {lines[0]}"));
        }

        return (matched, created, problems);
    }

    /// <summary>Each matched line's residents and dwellings on its area and year, replacing what that year held.</summary>
    private async Task StorePopulationsAsync(List<(AreaPopulationRow Row, ComparatorArea Area)> matched, string source, CancellationToken ct)
    {
        var areaIds = matched.Select(m => m.Area.Id).Distinct().ToList();
        var existing = (await db.Set<AreaPopulation>().Where(p => areaIds.Contains(p.ComparatorAreaId)).ToListAsync(ct))
            .ToDictionary(p => (p.ComparatorAreaId, p.Year));
        foreach (var (row, area) in matched)
        {
            if (!existing.TryGetValue((area.Id, row.Year), out var population))
            {
                population = new AreaPopulation { ComparatorAreaId = area.Id, Year = row.Year };
                db.Add(population);
            }

            population.Residents = row.Residents;
            population.Dwellings = row.Dwellings;
            population.Source = source.Length > 400 ? source[..400] : source;
            population.Synthetic = row.Synthetic;
        }
    }

    /// <summary>A refusal listing each line: its key is the line number, its message says the line and what to do.</summary>
    private static EditResult<AreaPopulationLoad> Refused(IEnumerable<AreaPopulationProblem> problems)
    {
        var errors = new Dictionary<string, string>();
        foreach (var p in problems.OrderBy(p => p.Line))
        {
            errors.TryAdd(p.Line.ToString(CultureInfo.InvariantCulture), p.ToString());
        }

        return EditResult<AreaPopulationLoad>.Invalid(errors);
    }
}
