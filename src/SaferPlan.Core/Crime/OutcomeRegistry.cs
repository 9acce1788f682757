using System.Collections.Concurrent;

namespace SaferPlan.Core.Crime;

/// <summary>
/// The ids of police.uk's last-outcome categories for one import: those in the database, and new ones numbered as the
/// files that name them are read (by several threads at once). A new outcome is written in the transaction of the first
/// loaded file that uses it, so a refused file leaves none behind.
/// </summary>
internal sealed class OutcomeRegistry
{
    private readonly ConcurrentDictionary<string, short> ids;
    private readonly ConcurrentDictionary<short, string> unsaved = new();
    private readonly Lock numbering = new();
    private short next;

    public OutcomeRegistry(Dictionary<string, short> saved)
    {
        ids = new ConcurrentDictionary<string, short>(saved, StringComparer.Ordinal);
        next = (short)(saved.Count == 0 ? 1 : saved.Values.Max() + 1);
    }

    public short IdOf(string name)
    {
        if (ids.TryGetValue(name, out var id))
        {
            return id;
        }

        lock (numbering)
        {
            if (!ids.TryGetValue(name, out id))
            {
                id = next++;
                unsaved[id] = name;
                ids[name] = id;
            }

            return id;
        }
    }

    /// <summary>The outcomes among <paramref name="used"/> not yet written, now taken as written.</summary>
    public List<(short Id, string Name)> TakeUnsaved(IEnumerable<short> used)
    {
        var taken = new List<(short, string)>();
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
