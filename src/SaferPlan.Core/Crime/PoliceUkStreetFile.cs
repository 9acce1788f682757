using System.Text.RegularExpressions;
using SaferPlan.Core.Documents;
using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

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

    /// <summary>Whether <see cref="PrepareRows"/> has run.</summary>
    internal bool Prepared { get; private set; }

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
        Prepared = true;

        // Keys and counts sorted as two arrays (by the keys' own order, with no comparer to call per comparison).
        var (countKeys, countValues) = Sorted(Counts);
        var (outcomeKeys, outcomeValues) = Sorted(OutcomeCounts);
        var types = new List<(short CrimeTypeId, int Count)>();
        var byOutcome = new List<(short CrimeTypeId, int OutcomeId, int Count)>();
        int c = 0, o = 0;
        while (c < countKeys.Length)
        {
            // Both key orders put an LSOA's entries together (its index is the top of the key), so each LSOA's counts
            // and outcomes are the next run of each array.
            var lsoa = SplitCountKey(countKeys[c]).LsoaIndex;
            types.Clear();
            for (; c < countKeys.Length && SplitCountKey(countKeys[c]).LsoaIndex == lsoa; c++)
            {
                types.Add((SplitCountKey(countKeys[c]).CrimeTypeId, countValues[c]));
            }

            byOutcome.Clear();
            for (; o < outcomeKeys.Length && SplitOutcomeKey(outcomeKeys[o]).LsoaIndex == lsoa; o++)
            {
                var (_, type, outcome) = SplitOutcomeKey(outcomeKeys[o]);
                byOutcome.Add((type, outcome == 0 ? 0 : OutcomeIds[outcome - 1], outcomeValues[o]));
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

    private static (long[] Keys, int[] Values) Sorted(Dictionary<long, int> counts)
    {
        var keys = new long[counts.Count];
        var values = new int[counts.Count];
        counts.Keys.CopyTo(keys, 0);
        counts.Values.CopyTo(values, 0);
        Array.Sort(keys, values);
        return (keys, values);
    }

    /// <summary>Sets <see cref="Counts"/> from <see cref="OutcomeCounts"/>, which the reader fills alone (one dictionary to add to per row, not two).</summary>
    internal void CountsFromOutcomes()
    {
        var counts = new Dictionary<long, int>(OutcomeCounts.Count);
        foreach (var (key, count) in OutcomeCounts)
        {
            var (lsoa, type, _) = SplitOutcomeKey(key);
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, ((long)lsoa << 16) | (ushort)type, out _) += count;
        }

        Counts = counts;
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
/// Reads police.uk street-level crime files (<c>YYYY-MM/YYYY-MM-force-street.csv</c>) a buffer at a time and keeps only
/// monthly counts, so memory does not grow with the file. A file with anything wrong is refused whole, with its line.
/// </summary>
/// <remarks>
/// A reader of our own, on the file's UTF-8 bytes: it finds each row's end and its twelve fields' bounds with vectorised
/// searches, and looks at only the six it uses (month, reported by, LSOA code and name, crime type, last outcome), with
/// no string made per row. It replaced a general CSV library because the import is measured against DuckDB reading the
/// same files (bench/CrimeImportBench) and the library's per-field work was most of the import's time. CSV as police.uk
/// writes it: comma-separated, fields quoted when they hold a comma, a quote (doubled) or a line break; LF or CRLF line ends.
/// "Line" in a refusal counts records, as a CSV reader does: the header is line 1, and a quoted line break does not count.
/// </remarks>
public static class PoliceUkStreetFile
{
    public static readonly IReadOnlyList<string> Header =
    [
        "Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location", "LSOA code", "LSOA name",
        "Crime type", "Last outcome category", "Context",
    ];

    /// <summary>The longest row read: far beyond any police.uk row.</summary>
    private const int MaxRowCharacters = 0x10000;

    /// <summary>How much of the file is read at a time.</summary>
    private const int BufferBytes = 1 << 20;

    private const int FieldCount = 12;
    private const int MonthField = 1;
    private const int ReportedByField = 2;
    private const int LsoaCodeField = 7;
    private const int LsoaNameField = 8;
    private const int CrimeTypeField = 9;
    private const int OutcomeField = 10;

    /// <summary>The longest month, LSOA code, crime type or outcome looked up without a string (longer ones still work, through a string).</summary>
    private const int ShortField = 256;

    private static readonly Dictionary<string, short> CrimeTypeIds =
        CrimeTypes.All.ToDictionary(t => t.Name, t => t.Id, StringComparer.Ordinal);

    private static readonly SearchValues<byte> CommaOrQuote = SearchValues.Create(","u8 + "\""u8);

    /// <summary>Reads one file. <paramref name="fileName"/> names the month and force, and the refusals.</summary>
    /// <remarks>A <see cref="StreamReader"/> that has read nothing yet is read from its stream, as bytes; any other reader is encoded to UTF-8 as it is read.</remarks>
    public static (StreetFileCounts? Counts, CrimeFileRefusal? Refusal) Read(TextReader text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text is StreamReader { BaseStream: { CanSeek: false } or { Position: 0 } } stream && stream.CurrentEncoding is UTF8Encoding)
        {
            return Read(stream.BaseStream, fileName);
        }

        using var bytes = new Utf8TextStream(text);
        return Read(bytes, fileName);
    }

    /// <summary>Reads a file from disk, as UTF-8 (with or without a byte order mark).</summary>
    public static (StreetFileCounts? Counts, CrimeFileRefusal? Refusal) Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Read(file, path);
    }

    /// <summary>Reads one file's bytes: UTF-8 with or without a byte order mark (UTF-16 with one is re-encoded).</summary>
    public static (StreetFileCounts? Counts, CrimeFileRefusal? Refusal) Read(Stream bytes, string fileName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (!StreetFileName.TryParse(fileName, out var name))
        {
            return (null, new CrimeFileRefusal(fileName, null,
                "The file name is not a police.uk street file name. Name it YYYY-MM-force-street.csv, e.g. 2010-11-cambridgeshire-street.csv."));
        }

        var reader = new RowReader(bytes);
        try
        {
            var counts = new StreetFileCounts(fileName, name!);
            var refusal = reader.ReadAll(counts, name!.Month.ToString());
            if (refusal is not null)
            {
                return (null, new CrimeFileRefusal(fileName, reader.Line, refusal));
            }

            counts.CountsFromOutcomes();
            if (counts.Rows == 0)
            {
                counts.ForceName = name.ForceKey;
            }

            return (counts, null);
        }
        finally
        {
            reader.Dispose();
        }
    }

    /// <summary>One file's rows, a buffer at a time; <see cref="Line"/> is the record being read (the header is 1).</summary>
    private sealed class RowReader(Stream stream) : IDisposable
    {
        private Stream stream = stream;
        private byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        private byte[] unquoted = ArrayPool<byte>.Shared.Rent(MaxRowCharacters + 16);
        private readonly (bool Unquoted, int Start, int Length)[] fields = new (bool, int, int)[FieldCount];
        private int start;
        private int end;
        private bool endOfFile;
        private int fieldCount;

        public int Line { get; private set; }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<byte>.Shared.Return(unquoted);
            buffer = unquoted = [];
        }

        /// <summary>Counts every row into <paramref name="counts"/>. The refusal of the first bad row (at <see cref="Line"/>), or null.</summary>
        public string? ReadAll(StreetFileCounts counts, string expectedMonth)
        {
            Fill();
            if (end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
            {
                start = 3;
            }
            else if (end >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)))
            {
                // A UTF-16 file (with its byte order mark): read again, re-encoded as UTF-8.
                var encoding = buffer[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
                var rest = new MemoryStream(buffer, 2, end - 2, writable: false);
                stream = Encoding.CreateTranscodingStream(new ConcatenatedStream(rest, stream), encoding, Encoding.UTF8);
                start = end = 0;
                endOfFile = false;
                Fill();
            }

            Line = 1;
            var header = NextRecord(out var headerRefusal);
            if (headerRefusal is not null)
            {
                return headerRefusal;
            }

            if (header is null)
            {
                return $"The file is empty. A police.uk street file starts with the header \"{string.Join(',', Header)}\".";
            }

            if (HeaderRefusal() is { } wrongHeader)
            {
                return wrongHeader;
            }

            var expected = Encoding.UTF8.GetBytes(expectedMonth);
            var lsoaIndexes = new Dictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            var outcomeIndexes = new Dictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            var crimeTypes = CrimeTypeIds.GetAlternateLookup<ReadOnlySpan<char>>();
            Span<char> chars = stackalloc char[ShortField];
            while (true)
            {
                Line++;
                var record = NextRecord(out var refusal);
                if (refusal is not null)
                {
                    return refusal;
                }

                if (record is not { } row)
                {
                    Line--;
                    return null;
                }

                if (row.Length == 0)
                {
                    // A blank line (an editor's extra newline at the end, say) holds no crime.
                    continue;
                }

                if (fieldCount != FieldCount)
                {
                    return $"The row has {fieldCount} fields; a police.uk street file has {FieldCount}.";
                }

                var month = Field(MonthField);
                if (!month.SequenceEqual(expected))
                {
                    var text = Encoding.UTF8.GetString(month);
                    return CalendarMonth.TryParse(text, out _)
                        ? $"The month is {text} but the file is for {expectedMonth}. Each file holds one month, named in its file name."
                        : $"The month \"{text}\" is not a month written YYYY-MM, e.g. {expectedMonth}.";
                }

                var type = Field(CrimeTypeField);
                if (!(type.Length <= ShortField ? crimeTypes.TryGetValue(chars[..Encoding.UTF8.GetChars(type, chars)], out var typeId) : CrimeTypeIds.TryGetValue(Encoding.UTF8.GetString(type), out typeId)))
                {
                    return $"\"{Encoding.UTF8.GetString(type)}\" is not a police.uk crime type. Use one of: {string.Join(", ", CrimeTypes.All.Select(t => t.Name))}.";
                }

                var outcomeIndex = 0;
                var outcome = Field(OutcomeField);
                if (!outcome.IsEmpty)
                {
                    var outcomeText = outcome.Length <= ShortField ? chars[..Encoding.UTF8.GetChars(outcome, chars)] : Encoding.UTF8.GetString(outcome).AsSpan();
                    if (!outcomeIndexes.TryGetValue(outcomeText, out outcomeIndex))
                    {
                        if (counts.Outcomes.Count == OutcomeRegistry.MaxOutcomes)
                        {
                            // Checked here too, not only against the outcomes known: the index must fit its 16 bits of the key.
                            return $"\"{outcomeText}\" would be more than {OutcomeRegistry.MaxOutcomes} different last outcome categories in one file. " +
                                "police.uk has about 30: check the \"Last outcome category\" column holds police.uk's categories.";
                        }

                        var added = outcomeText.ToString();
                        counts.Outcomes.Add(added);
                        counts.OutcomeLines.Add(Line);
                        outcomeIndex = counts.Outcomes.Count;
                        outcomeIndexes.Dictionary[added] = outcomeIndex;
                    }
                }

                if (counts.Rows == 0)
                {
                    counts.ForceName = Encoding.UTF8.GetString(Field(ReportedByField));
                }

                var lsoaIndex = 0;
                var code = Field(LsoaCodeField);
                if (code.IsEmpty)
                {
                    counts.RowsWithoutLocation++;
                }
                else
                {
                    var codeText = code.Length <= ShortField ? chars[..Encoding.UTF8.GetChars(code, chars)] : Encoding.UTF8.GetString(code).AsSpan();
                    if (!lsoaIndexes.TryGetValue(codeText, out lsoaIndex))
                    {
                        // The name joins the LSOA to areas defined by local authority name and appears in every document: it is
                        // kept as XML can carry it (a control character becomes a space).
                        var added = codeText.ToString();
                        counts.Lsoas.Add((added, ReportText.Name(Encoding.UTF8.GetString(Field(LsoaNameField)))!));
                        lsoaIndex = counts.Lsoas.Count;
                        lsoaIndexes.Dictionary[added] = lsoaIndex;
                    }
                }

                counts.Rows++;
                var outcomeKey = ((long)lsoaIndex << 32) | ((long)(ushort)typeId << 16) | (uint)outcomeIndex;
                CollectionsMarshal.GetValueRefOrAddDefault(counts.OutcomeCounts, outcomeKey, out _)++;
            }
        }

        private string? HeaderRefusal()
        {
            var found = Enumerable.Range(0, Math.Min(fieldCount, FieldCount)).Select(i => Encoding.UTF8.GetString(Field(i))).ToList();
            if (fieldCount == FieldCount && found.SequenceEqual(Header, StringComparer.Ordinal))
            {
                return null;
            }

            return $"The header is not police.uk's. Expected \"{string.Join(',', Header)}\" but found \"{string.Join(',', found)}{(fieldCount > FieldCount ? ",…" : "")}\".";
        }

        private ReadOnlySpan<byte> Field(int index)
        {
            var (isUnquoted, fieldStart, length) = fields[index];
            return (isUnquoted ? unquoted : buffer).AsSpan(fieldStart, length);
        }

        /// <summary>
        /// The next record (without its line end), its fields' bounds in <see cref="fields"/> and their number in
        /// <see cref="fieldCount"/>; null at the end of the file; or a refusal.
        /// </summary>
        private ReadOnlyMemory<byte>? NextRecord(out string? refusal)
        {
            refusal = null;
            while (true)
            {
                var data = buffer.AsSpan(start, end - start);
                if (data.IsEmpty && endOfFile)
                {
                    return null;
                }

                var newline = data.IndexOf((byte)'\n');
                var line = newline < 0 ? data : data[..newline];
                if (newline < 0 && !endOfFile)
                {
                    if (data.Length > MaxRowCharacters)
                    {
                        refusal = TooLong;
                        return null;
                    }

                    Refill();
                    continue;
                }

                int length;
                if (line.IndexOf((byte)'"') < 0)
                {
                    length = line.Length;
                    SplitPlain(start, length);
                }
                else
                {
                    length = SplitQuoted(data, out var complete, out refusal);
                    if (refusal is not null)
                    {
                        return null;
                    }

                    if (!complete)
                    {
                        if (endOfFile)
                        {
                            refusal = data.Length > MaxRowCharacters ? TooLong : "The file is not readable CSV: a quoted field is opened and never closed.";
                            return null;
                        }

                        if (data.Length > MaxRowCharacters)
                        {
                            refusal = TooLong;
                            return null;
                        }

                        Refill();
                        continue;
                    }
                }

                if (length > MaxRowCharacters)
                {
                    refusal = TooLong;
                    return null;
                }

                var recordStart = start;
                start += Math.Min(length + 1, data.Length);
                var recordLength = length;
                if (recordLength > 0 && buffer[recordStart + recordLength - 1] == (byte)'\r')
                {
                    recordLength--;
                    if (fields[Math.Min(fieldCount, FieldCount) - 1] is { Unquoted: false } last && last.Start + last.Length == recordStart + length)
                    {
                        fields[Math.Min(fieldCount, FieldCount) - 1] = (false, last.Start, last.Length - 1);
                    }
                }

                if (recordLength == 0)
                {
                    fieldCount = 1;
                }

                return new ReadOnlyMemory<byte>(buffer, recordStart, recordLength);
            }
        }

        private const string TooLong =
            "The row is longer than 65,536 characters, so it is not a police.uk street row (those are a few hundred). " +
            "A quote may have been opened and never closed, or the file may not be a police.uk street file.";

        /// <summary>A row with no quotes: its fields lie between its commas.</summary>
        private void SplitPlain(int rowStart, int length)
        {
            var row = buffer.AsSpan(rowStart, length);
            var count = 0;
            var at = 0;
            while (true)
            {
                var comma = row[at..].IndexOf((byte)',');
                var fieldLength = comma < 0 ? row.Length - at : comma;
                if (count < FieldCount)
                {
                    fields[count] = (false, rowStart + at, fieldLength);
                }

                count++;
                if (comma < 0)
                {
                    break;
                }

                at += comma + 1;
            }

            fieldCount = count;
        }

        /// <summary>
        /// A row with quotes, from the start of <paramref name="data"/>: quoted fields are copied, unquoted, to their own
        /// buffer. The row's length up to its line end (which may be past a quoted line break); not complete when the data
        /// ends inside it.
        /// </summary>
        private int SplitQuoted(ReadOnlySpan<byte> data, out bool complete, out string? refusal)
        {
            refusal = null;
            complete = false;
            var count = 0;
            var written = 0;
            var at = 0;
            while (true)
            {
                if (at < data.Length && data[at] == (byte)'"')
                {
                    // A quoted field: up to the quote that is not doubled.
                    var fieldStart = written;
                    at++;
                    while (true)
                    {
                        var quote = data[at..].IndexOf((byte)'"');
                        if (quote < 0)
                        {
                            return data.Length;
                        }

                        var piece = data.Slice(at, quote);
                        if (written + piece.Length + 1 > unquoted.Length)
                        {
                            refusal = TooLong;
                            return 0;
                        }

                        piece.CopyTo(unquoted.AsSpan(written));
                        written += piece.Length;
                        at += quote + 1;
                        if (at < data.Length && data[at] == (byte)'"')
                        {
                            unquoted[written++] = (byte)'"';
                            at++;
                            continue;
                        }

                        if (at >= data.Length && !endOfFile)
                        {
                            // The next byte, not yet read, says whether this quote is doubled.
                            return data.Length;
                        }

                        break;
                    }

                    if (count < FieldCount)
                    {
                        fields[count] = (true, fieldStart, written - fieldStart);
                    }

                    count++;
                    if (at >= data.Length)
                    {
                        fieldCount = count;
                        complete = true;
                        return data.Length;
                    }

                    var next = data[at];
                    if (next == (byte)',')
                    {
                        at++;
                        continue;
                    }

                    if (next == (byte)'\n')
                    {
                        fieldCount = count;
                        complete = true;
                        return at;
                    }

                    if (next == (byte)'\r' && at + 1 >= data.Length)
                    {
                        // Whether a line feed follows is in the part not read yet.
                        fieldCount = count;
                        complete = endOfFile;
                        return data.Length;
                    }

                    if (next == (byte)'\r' && data[at + 1] == (byte)'\n')
                    {
                        fieldCount = count;
                        complete = true;
                        return at + 1;
                    }

                    refusal = "The file is not readable CSV: a quoted field is followed by other characters before the next comma.";
                    return 0;
                }

                // An unquoted field: up to the next comma or line end (a quote inside it is kept as it is).
                var rest = data[at..];
                var stop = rest.IndexOfAny((byte)',', (byte)'\n');
                var length = stop < 0 ? rest.Length : stop;
                if (count < FieldCount)
                {
                    fields[count] = (false, start + at, length);
                }

                count++;
                if (stop < 0)
                {
                    if (!endOfFile)
                    {
                        return data.Length;
                    }

                    fieldCount = count;
                    complete = true;
                    return data.Length;
                }

                at += stop;
                if (rest[stop] == (byte)'\n')
                {
                    fieldCount = count;
                    complete = true;
                    return at;
                }

                at++;
            }
        }

        /// <summary>Keeps the unread part of the buffer at its start and reads more after it.</summary>
        private void Refill()
        {
            if (start > 0)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                end -= start;
                start = 0;
            }

            Fill();
        }

        private void Fill()
        {
            while (end < buffer.Length && !endOfFile)
            {
                var read = stream.Read(buffer, end, buffer.Length - end);
                if (read == 0)
                {
                    endOfFile = true;
                }

                end += read;
            }
        }
    }

    /// <summary>A text reader's characters as UTF-8 bytes, read as they are asked for.</summary>
    private sealed class Utf8TextStream(TextReader text) : ForwardOnlyStream
    {
        private readonly char[] chars = new char[4096];
        private readonly Encoder encoder = new UTF8Encoding(false).GetEncoder();
        private readonly byte[] pending = new byte[4096 * 3 + 8];
        private int pendingStart;
        private int pendingEnd;
        private bool done;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (pendingStart == pendingEnd && !done)
            {
                var read = text.Read(chars, 0, chars.Length);
                done = read == 0;
                pendingStart = 0;
                pendingEnd = encoder.GetBytes(chars, 0, read, pending, 0, flush: done);
            }

            var n = Math.Min(count, pendingEnd - pendingStart);
            Array.Copy(pending, pendingStart, buffer, offset, n);
            pendingStart += n;
            return n == 0 && !done ? Read(buffer, offset, count) : n;
        }

    }

    /// <summary>Two streams read one after the other.</summary>
    private sealed class ConcatenatedStream(Stream first, Stream second) : ForwardOnlyStream
    {
        private bool onSecond;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (!onSecond)
            {
                var read = first.Read(buffer, offset, count);
                if (read > 0)
                {
                    return read;
                }

                onSecond = true;
            }

            return second.Read(buffer, offset, count);
        }

    }
}
