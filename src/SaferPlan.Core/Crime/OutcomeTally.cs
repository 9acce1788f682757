using System.Globalization;
using System.Text;

namespace SaferPlan.Core.Crime;

/// <summary>
/// The text form of <see cref="CrimeCount.Outcomes"/>: "outcome id:count" pairs joined by commas in outcome id order,
/// e.g. "3:12,7:2". Written by the importer, read by <see cref="CrimeStatistics"/>; SQL can build it too (the
/// migration that introduced it did, with group_concat and string_agg).
/// </summary>
public static class OutcomeTally
{
    /// <summary>Writes the pairs (outcome id 0, "no outcome", is left out); null when nothing is left.</summary>
    public static string? Format(ReadOnlySpan<(short OutcomeId, int Count)> pairs)
    {
        StringBuilder? text = null;
        foreach (var (outcome, count) in pairs)
        {
            if (outcome == 0 || count == 0)
            {
                continue;
            }

            if (text is null)
            {
                text = new StringBuilder(pairs.Length * 6);
            }
            else
            {
                text.Append(',');
            }

            text.Append(outcome.ToString(CultureInfo.InvariantCulture)).Append(':').Append(count.ToString(CultureInfo.InvariantCulture));
        }

        return text?.ToString();
    }

    /// <summary>Adds each pair in <paramref name="tally"/> to <paramref name="totals"/>, keyed by outcome id.</summary>
    public static void AddTo(string? tally, Dictionary<short, long> totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        if (string.IsNullOrEmpty(tally))
        {
            return;
        }

        var rest = tally.AsSpan();
        while (!rest.IsEmpty)
        {
            var comma = rest.IndexOf(',');
            var pair = comma < 0 ? rest : rest[..comma];
            rest = comma < 0 ? [] : rest[(comma + 1)..];
            var colon = pair.IndexOf(':');
            if (colon <= 0
                || !short.TryParse(pair[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var outcome)
                || !int.TryParse(pair[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                throw new FormatException($"\"{tally}\" is not an outcome tally of \"id:count\" pairs.");
            }

            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(totals, outcome, out _) += count;
        }
    }
}
