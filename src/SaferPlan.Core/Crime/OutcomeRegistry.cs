using System.Collections.Concurrent;

namespace SaferPlan.Core.Crime;

/// <summary>
/// The ids of police.uk's last-outcome categories for one import: those in the database, and new ones numbered as the
/// files that name them are read (by several threads at once). A new outcome is written in the transaction of the first
/// loaded file that uses it, so a refused file leaves none behind.
/// police.uk has about 30 outcome categories, so at most <see cref="MaxOutcomes"/> are ever known: a file that would add
/// more is refused at the line of the first outcome over the bound, rather than filling the table with junk that every
/// later import would have to live with.
/// </summary>
internal sealed class OutcomeRegistry
{
    /// <summary>How many different last-outcome categories SaferPlan keeps in all (police.uk has about 30).</summary>
    public const int MaxOutcomes = 100;

    private readonly ConcurrentDictionary<string, int> ids;
    private readonly ConcurrentDictionary<int, string> unsaved = new();
    private readonly Lock numbering = new();
    private int next;

    public OutcomeRegistry(Dictionary<string, int> saved)
    {
        ids = new ConcurrentDictionary<string, int>(saved, StringComparer.Ordinal);
        next = saved.Count == 0 ? 1 : saved.Values.Max() + 1;
    }

    /// <summary>
    /// The id of each of <paramref name="names"/>, numbering the new ones; or, when they would take the outcomes known
    /// past <see cref="MaxOutcomes"/>, none numbered and the place in <paramref name="names"/> of the first over the bound.
    /// </summary>
    public (int[]? Ids, int FirstOverBound) IdsOf(IReadOnlyList<string> names)
    {
        var result = new int[names.Count];
        var missing = false;
        for (var i = 0; i < names.Count; i++)
        {
            missing |= !ids.TryGetValue(names[i], out result[i]);
        }

        if (!missing)
        {
            return (result, -1);
        }

        lock (numbering)
        {
            // All or nothing: count the new names first, so a refused file takes no ids.
            var room = MaxOutcomes - ids.Count;
            for (var i = 0; i < names.Count; i++)
            {
                if (!ids.ContainsKey(names[i]) && --room < 0)
                {
                    return (null, i);
                }
            }

            for (var i = 0; i < names.Count; i++)
            {
                if (!ids.TryGetValue(names[i], out result[i]))
                {
                    result[i] = next++;
                    unsaved[result[i]] = names[i];
                    ids[names[i]] = result[i];
                }
            }

            return (result, -1);
        }
    }

    /// <summary>The outcomes among <paramref name="used"/> not yet written, now taken as written.</summary>
    public List<(int Id, string Name)> TakeUnsaved(IEnumerable<int> used)
    {
        var taken = new List<(int, string)>();
        foreach (var id in used.Distinct())
        {
            if (unsaved.TryRemove(id, out var name))
            {
                taken.Add((id, name));
            }
        }

        return taken;
    }
}
