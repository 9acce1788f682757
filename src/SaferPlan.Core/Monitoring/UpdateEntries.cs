namespace SaferPlan.Core.Monitoring;

/// <summary>
/// One entry in a list of a quarter's updates: a milestone's own update, or an action-level update once, with the
/// milestones it covers, as seed 001 reports it ("1.6a, b, d, e").
/// </summary>
public sealed record UpdateEntry(IReadOnlyList<UpdateSlot> Slots)
{
    public UpdateSlot First => Slots[0];

    public MilestoneUpdate? Current => First.Current;

    public bool IsActionLevel => Current?.ActionUpdateId is not null;

    /// <summary>"1.6a, b, d, e" for an action-level update; the milestone's code for one of its own.</summary>
    public string Codes => CoveredMilestones.Label(First.Action.Number, Slots.Select(s => s.Milestone.Code));

    /// <summary>The slots in their order, an action-level update's covered milestones gathered where the first of them stands.</summary>
    public static IReadOnlyList<UpdateEntry> Of(IEnumerable<UpdateSlot> slots)
    {
        var list = slots.ToList();
        var entries = new List<UpdateEntry>();
        var seen = new HashSet<int>();
        foreach (var slot in list)
        {
            if (slot.Current?.ActionUpdateId is not { } group)
            {
                entries.Add(new UpdateEntry([slot]));
            }
            else if (seen.Add(group))
            {
                entries.Add(new UpdateEntry(list.Where(s => s.Current?.ActionUpdateId == group).ToList()));
            }
        }

        return entries;
    }
}

public static class CoveredMilestones
{
    /// <summary>
    /// The milestones an update covers as the Board report names them: "1.6a, b, d, e" (the action's number said once),
    /// a code not of the action in full.
    /// </summary>
    public static string Label(string actionNumber, IEnumerable<string> codes)
    {
        var parts = new List<string>();
        foreach (var code in codes)
        {
            parts.Add(parts.Count > 0 && code.Length > actionNumber.Length && code.StartsWith(actionNumber, StringComparison.Ordinal)
                ? code[actionNumber.Length..]
                : code);
        }

        return string.Join(", ", parts);
    }
}
