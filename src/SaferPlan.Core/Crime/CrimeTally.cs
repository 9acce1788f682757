using System.Text;

namespace SaferPlan.Core.Crime;

/// <summary>
/// The text forms of <see cref="CrimeCount.Counts"/> ("crime type id:count" pairs, e.g. "3:12,13:7") and
/// <see cref="CrimeCount.Outcomes"/> ("crime type id.outcome id:count" triples, e.g. "3.2:5,3.5:4"), comma-separated in
/// key order. Written by the importer, read by <see cref="CrimeStatistics"/>; SQL can build them too (the migration that
/// introduced them did, with group_concat and string_agg), and readers accept any order.
/// </summary>
public static class CrimeTally
{
    /// <summary>Writes counts by crime type, leaving out zeros.</summary>
    public static string FormatCounts(ReadOnlySpan<(short CrimeTypeId, int Count)> counts)
    {
        var text = new StringBuilder(counts.Length * 6);
        foreach (var (type, count) in counts)
        {
            if (count != 0)
            {
                Append(text, type, null, count);
            }
        }

        return text.ToString();
    }

    /// <summary>Writes counts by crime type and outcome, leaving out zeros and outcome id 0 ("no outcome"); null when nothing is left.</summary>
    public static string? FormatOutcomes(ReadOnlySpan<(short CrimeTypeId, int OutcomeId, int Count)> counts)
    {
        StringBuilder? text = null;
        foreach (var (type, outcome, count) in counts)
        {
            if (outcome != 0 && count != 0)
            {
                Append(text ??= new StringBuilder(counts.Length * 8), type, outcome, count);
            }
        }

        return text?.ToString();
    }

    /// <summary>The largest crime type id a tally may hold, so totals can be kept in an array indexed by id.</summary>
    public const int MaxCrimeTypeId = 255;

    /// <summary>Adds each crime type's count to <paramref name="totals"/>[its id] (an array of at least <see cref="MaxCrimeTypeId"/> + 1).</summary>
    public static void AddCounts(string? counts, int[] totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var rest = counts.AsSpan();
        while (Next(ref rest, counts, out var key, out var count))
        {
            var type = Number(key, counts);
            if (type > MaxCrimeTypeId)
            {
                throw Malformed(counts);
            }

            totals[type] += count;
        }
    }

    /// <summary>Each crime type and its count.</summary>
    public static IEnumerable<(short CrimeTypeId, int Count)> ReadCounts(string? counts)
    {
        var found = new List<(short, int)>();
        var rest = counts.AsSpan();
        while (Next(ref rest, counts, out var key, out var count))
        {
            found.Add((Number(key, counts), count));
        }

        return found;
    }

    /// <summary>Each crime type, outcome and count.</summary>
    public static IEnumerable<(short CrimeTypeId, int OutcomeId, int Count)> ReadOutcomes(string? outcomes)
    {
        var found = new List<(short, int, int)>();
        var rest = outcomes.AsSpan();
        while (Next(ref rest, outcomes, out var key, out var count))
        {
            var dot = key.IndexOf('.');
            if (dot <= 0)
            {
                throw Malformed(outcomes);
            }

            found.Add((Number(key[..dot], outcomes), OutcomeNumber(key[(dot + 1)..], outcomes), count));
        }

        return found;
    }

    private static void Append(StringBuilder text, short type, int? outcome, int count)
    {
        if (text.Length > 0)
        {
            text.Append(',');
        }

        text.Append(type.ToString(CultureInfo.InvariantCulture));
        if (outcome is { } o)
        {
            text.Append('.').Append(o.ToString(CultureInfo.InvariantCulture));
        }

        text.Append(':').Append(count.ToString(CultureInfo.InvariantCulture));
    }

    private static bool Next(ref ReadOnlySpan<char> rest, string? whole, out ReadOnlySpan<char> key, out int count)
    {
        key = default;
        count = 0;
        if (rest.IsEmpty)
        {
            return false;
        }

        var comma = rest.IndexOf(',');
        var pair = comma < 0 ? rest : rest[..comma];
        rest = comma < 0 ? [] : rest[(comma + 1)..];
        var colon = pair.IndexOf(':');
        if (colon <= 0 || !int.TryParse(pair[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out count))
        {
            throw Malformed(whole);
        }

        key = pair[..colon];
        return true;
    }

    private static short Number(ReadOnlySpan<char> text, string? whole) =>
        short.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw Malformed(whole);

    private static int OutcomeNumber(ReadOnlySpan<char> text, string? whole) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw Malformed(whole);

    private static FormatException Malformed(string? whole) => new($"\"{whole}\" is not a crime tally of comma-separated \"key:count\" pairs.");
}
