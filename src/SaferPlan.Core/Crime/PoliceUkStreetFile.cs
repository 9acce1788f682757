using System.Text.RegularExpressions;
using SaferPlan.Core.Documents;
using Sylvan.Data.Csv;

namespace SaferPlan.Core.Crime;

/// <summary>Why a file was refused: the file, the line (when one line is to blame) and what is wrong, in words.</summary>
public sealed record CrimeFileRefusal(string File, int? Line, string Reason)
{
    public override string ToString() => Line is { } line ? $"{File}:{line}: {Reason}" : $"{File}: {Reason}";
}

/// <summary>The month and force a police.uk street file is for, read from its name: 2010-11-cambridgeshire-street.csv.</summary>
public sealed partial record StreetFileName(CalendarMonth Month, string ForceKey)
{
    public static bool TryParse(string fileName, out StreetFileName? name)
    {
        name = null;
        var match = Pattern().Match(Path.GetFileName(fileName));
        if (!match.Success || !CalendarMonth.TryParse(match.Groups[1].Value, out var month))
        {
            return false;
        }

        name = new StreetFileName(month, match.Groups[2].Value.ToLowerInvariant());
        return true;
    }

    public string FileName => $"{Month}-{ForceKey}-street.csv";

    [GeneratedRegex(@"^(\d{4}-\d{2})-([A-Za-z0-9-]+)-street\.csv$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>
/// One street file reduced to what SaferPlan keeps: counts by LSOA × crime type, and by LSOA × crime type × last
/// outcome. LSOA index 0 is "no location"; the others are 1 + their place in <see cref="Lsoas"/>. Outcome index 0 is
/// "no outcome" (anti-social behaviour); the others are 1 + their place in <see cref="Outcomes"/>.
/// </summary>
public sealed class StreetFileCounts
{
    internal StreetFileCounts(string fileName, StreetFileName name)
    {
        FileName = fileName;
        Name = name;
    }

    public string FileName { get; }

    public StreetFileName Name { get; }

    /// <summary>"Cambridgeshire Constabulary", from the first row's "Reported by"; the file name's force when it has no rows.</summary>
    public string ForceName { get; internal set; } = "";

    public int Rows { get; internal set; }

    public int RowsWithoutLocation { get; internal set; }

    public List<(string Code, string Name)> Lsoas { get; } = [];

    public List<string> Outcomes { get; } = [];

    /// <summary>The line each of <see cref="Outcomes"/> was first met on, for a refusal naming it.</summary>
    internal List<int> OutcomeLines { get; } = [];

    /// <summary>The database id of each of <see cref="Lsoas"/>, set by the importer.</summary>
    internal int[] LsoaIds { get; set; } = [];

    /// <summary>The database id of each of <see cref="Outcomes"/>, set by <see cref="PrepareRows"/>.</summary>
    internal int[] OutcomeIds { get; private set; } = [];

    /// <summary>One row per LSOA (by its index, as in the keys) with its counts and outcomes as text, set by <see cref="PrepareRows"/>.</summary>
    internal List<(int LsoaIndex, string Counts, string? Outcomes)> PreparedRows { get; } = [];

    /// <summary>
    /// Turns the counts into the text rows the importer writes (see <see cref="CrimeTally"/>), with outcome ids from
    /// <paramref name="outcomes"/>, and lets the counting dictionaries go (the rows hold the same, in less memory, while
    /// the file waits for the database). Done by the thread that read the file, so the database's one writer only writes.
    /// A refusal when the file's new outcomes would take the outcomes known past <see cref="OutcomeRegistry.MaxOutcomes"/>.
    /// </summary>
    internal CrimeFileRefusal? PrepareRows(OutcomeRegistry outcomes)
    {
        var (ids, over) = outcomes.IdsOf(Outcomes);
        if (ids is null)
        {
            return new CrimeFileRefusal(FileName, OutcomeLines[over],
                $"\"{Outcomes[over]}\" would be more than {OutcomeRegistry.MaxOutcomes} different last outcome categories, counting those loaded before. " +
                "police.uk has about 30: check the \"Last outcome category\" column holds police.uk's categories.");
        }

        OutcomeIds = ids;
        var counts = Counts.ToArray();
        Array.Sort(counts, (a, b) => a.Key.CompareTo(b.Key));
        var byOutcomeKey = OutcomeCounts.ToArray();
        Array.Sort(byOutcomeKey, (a, b) => a.Key.CompareTo(b.Key));
        var types = new List<(short CrimeTypeId, int Count)>();
        var byOutcome = new List<(short CrimeTypeId, int OutcomeId, int Count)>();
        int c = 0, o = 0;
        while (c < counts.Length)
        {
            // Both key orders put an LSOA's entries together (its index is the top of the key), so each LSOA's counts
            // and outcomes are the next run of each array.
            var lsoa = SplitCountKey(counts[c].Key).LsoaIndex;
            types.Clear();
            for (; c < counts.Length && SplitCountKey(counts[c].Key).LsoaIndex == lsoa; c++)
            {
                types.Add((SplitCountKey(counts[c].Key).CrimeTypeId, counts[c].Value));
            }

            byOutcome.Clear();
            for (; o < byOutcomeKey.Length && SplitOutcomeKey(byOutcomeKey[o].Key).LsoaIndex == lsoa; o++)
            {
                var (_, type, outcome) = SplitOutcomeKey(byOutcomeKey[o].Key);
                byOutcome.Add((type, outcome == 0 ? 0 : OutcomeIds[outcome - 1], byOutcomeKey[o].Value));
            }

            byOutcome.Sort();
            PreparedRows.Add((lsoa,
                CrimeTally.FormatCounts(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(types)),
                CrimeTally.FormatOutcomes(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(byOutcome))));
        }

        Counts = [];
        OutcomeCounts = [];
        return null;
    }

    /// <summary>Key: LSOA index &lt;&lt; 16 | crime type id.</summary>
    public Dictionary<long, int> Counts { get; private set; } = [];

    /// <summary>Key: LSOA index &lt;&lt; 32 | crime type id &lt;&lt; 16 | outcome index.</summary>
    public Dictionary<long, int> OutcomeCounts { get; private set; } = [];

    public static (int LsoaIndex, short CrimeTypeId) SplitCountKey(long key) => ((int)(key >> 16), (short)(key & 0xFFFF));

    public static (int LsoaIndex, short CrimeTypeId, int OutcomeIndex) SplitOutcomeKey(long key) =>
        ((int)(key >> 32), (short)((key >> 16) & 0xFFFF), (int)(key & 0xFFFF));
}

/// <summary>
/// Reads police.uk street-level crime files (<c>YYYY-MM/YYYY-MM-force-street.csv</c>) a row at a time and keeps only
/// monthly counts, so memory does not grow with the file. A file with anything wrong is refused whole, with its line.
/// </summary>
public static class PoliceUkStreetFile
{
    public static readonly IReadOnlyList<string> Header =
    [
        "Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location", "LSOA code", "LSOA name",
        "Crime type", "Last outcome category", "Context",
    ];

    /// <summary>The longest row read (the parser's buffer): far beyond any police.uk row.</summary>
    private const int MaxRowCharacters = 0x10000;

    private const int MonthField = 1;
    private const int ReportedByField = 2;
    private const int LsoaCodeField = 7;
    private const int LsoaNameField = 8;
    private const int CrimeTypeField = 9;
    private const int OutcomeField = 10;

    private static readonly Dictionary<string, short> CrimeTypeIds =
        CrimeTypes.All.ToDictionary(t => t.Name, t => t.Id, StringComparer.Ordinal);

    /// <summary>Reads one file. <paramref name="fileName"/> names the month and force, and the refusals.</summary>
    public static (StreetFileCounts? Counts, CrimeFileRefusal? Refusal) Read(TextReader text, string fileName)
    {
        if (!StreetFileName.TryParse(fileName, out var name))
        {
            return (null, new CrimeFileRefusal(fileName, null,
                "The file name is not a police.uk street file name. Name it YYYY-MM-force-street.csv, e.g. 2010-11-cambridgeshire-street.csv."));
        }

        (StreetFileCounts?, CrimeFileRefusal?) Refuse(int? line, string reason) => (null, new CrimeFileRefusal(fileName, line, reason));

        var counts = new StreetFileCounts(fileName, name!);
        var line = 1;
        try
        {
            using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',', BufferSize = MaxRowCharacters });
            if ((HeaderRefusal(csv) ?? CountRows(csv, counts, name!.Month.ToString(), ref line)) is { } refusal)
            {
                return Refuse(line, refusal);
            }
        }
        catch (CsvMissingHeadersException)
        {
            return Refuse(1, $"The file is empty. A police.uk street file starts with the header \"{string.Join(',', Header)}\".");
        }
        catch (CsvRecordTooLargeException)
        {
            // The parser's own words are about its buffer; say what is wrong with the file instead.
            return Refuse(line + 1,
                "The row is longer than 65,536 characters, so it is not a police.uk street row (those are a few hundred). " +
                "A quote may have been opened and never closed, or the file may not be a police.uk street file.");
        }
        catch (Exception ex) when (ex is CsvFormatException or InvalidDataException)
        {
            // The record after the last one read is the one that could not be read (a quoted field never closed, say).
            return Refuse(line + 1, $"The file is not readable CSV: {ex.Message}");
        }

        if (counts.Rows == 0)
        {
            counts.ForceName = name!.ForceKey;
        }

        return (counts, null);
    }

    private static string? HeaderRefusal(CsvDataReader csv)
    {
        if (csv.FieldCount == Header.Count && Enumerable.Range(0, Header.Count).All(i => csv.GetName(i) == Header[i]))
        {
            return null;
        }

        var found = string.Join(',', Enumerable.Range(0, csv.FieldCount).Select(csv.GetName));
        return $"The header is not police.uk's. Expected \"{string.Join(',', Header)}\" but found \"{found}\".";
    }

    /// <summary>
    /// Counts every row into <paramref name="counts"/> without allocating per row (spans looked up through alternate keys);
    /// <paramref name="line"/> follows the row being read. The refusal of the first bad row, or null.
    /// </summary>
    private static string? CountRows(CsvDataReader csv, StreetFileCounts counts, string expectedMonth, ref int line)
    {
        var lsoaIndexes = new Dictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var outcomeIndexes = new Dictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var crimeTypes = CrimeTypeIds.GetAlternateLookup<ReadOnlySpan<char>>();
        while (csv.Read())
        {
            line++;
            if (csv.RowFieldCount == 1 && csv.GetFieldSpan(0).IsEmpty)
            {
                // A blank line (an editor's extra newline at the end, say) holds no crime.
                continue;
            }

            if (RowRefusal(csv, expectedMonth, crimeTypes, out var typeId) is { } refusal)
            {
                return refusal;
            }

            if (OutcomeRefusal(csv, counts, outcomeIndexes, line, out var outcomeIndex) is { } tooMany)
            {
                return tooMany;
            }

            if (counts.Rows == 0)
            {
                counts.ForceName = csv.GetString(ReportedByField);
            }

            var lsoaIndex = LsoaIndex(csv, counts, lsoaIndexes);
            counts.Rows++;
            var countKey = ((long)lsoaIndex << 16) | (ushort)typeId;
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts.Counts, countKey, out _)++;
            var outcomeKey = ((long)lsoaIndex << 32) | ((long)(ushort)typeId << 16) | (uint)outcomeIndex;
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts.OutcomeCounts, outcomeKey, out _)++;
        }

        return null;
    }

    /// <summary>What is wrong with the row's shape, month or crime type, or null with its crime type's id.</summary>
    private static string? RowRefusal(CsvDataReader csv, string expectedMonth, Dictionary<string, short>.AlternateLookup<ReadOnlySpan<char>> crimeTypes, out short typeId)
    {
        typeId = 0;
        if (csv.RowFieldCount != Header.Count)
        {
            return $"The row has {csv.RowFieldCount} fields; a police.uk street file has {Header.Count}.";
        }

        var month = csv.GetFieldSpan(MonthField);
        if (!month.SequenceEqual(expectedMonth))
        {
            return CalendarMonth.TryParse(month, out _)
                ? $"The month is {month} but the file is for {expectedMonth}. Each file holds one month, named in its file name."
                : $"The month \"{month}\" is not a month written YYYY-MM, e.g. {expectedMonth}.";
        }

        var type = csv.GetFieldSpan(CrimeTypeField);
        return crimeTypes.TryGetValue(type, out typeId)
            ? null
            : $"\"{type}\" is not a police.uk crime type. Use one of: {string.Join(", ", CrimeTypes.All.Select(t => t.Name))}.";
    }

    /// <summary>The row's LSOA as its place in the file's list (0 for a crime without a location), adding it the first time.</summary>
    private static int LsoaIndex(CsvDataReader csv, StreetFileCounts counts, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lsoaIndexes)
    {
        var code = csv.GetFieldSpan(LsoaCodeField);
        if (code.IsEmpty)
        {
            counts.RowsWithoutLocation++;
            return 0;
        }

        if (!lsoaIndexes.TryGetValue(code, out var lsoaIndex))
        {
            // The name joins the LSOA to areas defined by local authority name and appears in every document: it is
            // kept as XML can carry it (a control character becomes a space).
            counts.Lsoas.Add((code.ToString(), ReportText.Name(csv.GetString(LsoaNameField))!));
            lsoaIndex = counts.Lsoas.Count;
            lsoaIndexes[code] = lsoaIndex;
        }

        return lsoaIndex;
    }

    /// <summary>The row's last outcome as its place in the file's list (0 for none), adding it the first time; a refusal when there would be too many.</summary>
    private static string? OutcomeRefusal(
        CsvDataReader csv, StreetFileCounts counts, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> outcomeIndexes, int line, out int outcomeIndex)
    {
        outcomeIndex = 0;
        var outcome = csv.GetFieldSpan(OutcomeField);
        if (outcome.IsEmpty || outcomeIndexes.TryGetValue(outcome, out outcomeIndex))
        {
            return null;
        }

        if (counts.Outcomes.Count == OutcomeRegistry.MaxOutcomes)
        {
            // Checked here too, not only against the outcomes known: the index must fit its 16 bits of the key.
            return $"\"{outcome}\" would be more than {OutcomeRegistry.MaxOutcomes} different last outcome categories in one file. " +
                "police.uk has about 30: check the \"Last outcome category\" column holds police.uk's categories.";
        }

        counts.Outcomes.Add(outcome.ToString());
        counts.OutcomeLines.Add(line);
        outcomeIndex = counts.Outcomes.Count;
        outcomeIndexes[outcome] = outcomeIndex;
        return null;
    }

    /// <summary>Reads a file from disk, as UTF-8 (with or without a byte order mark).</summary>
    public static (StreetFileCounts? Counts, CrimeFileRefusal? Refusal) Read(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 0x10000);
        return Read(reader, path);
    }

}
