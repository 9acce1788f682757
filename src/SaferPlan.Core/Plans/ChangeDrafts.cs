namespace SaferPlan.Core.Plans;

/// <summary>A first wording of a change made, for the priority of the newer edition it belongs to (null: the whole plan).</summary>
public sealed record ChangeDraft(int? PriorityId, string Text);

/// <summary>
/// Turns a difference between two editions into a first wording of the "change made" a support officer writes up for
/// the refresh report ("Reducing Burglary and Reducing Vehicle Crime merged into Reducing Serious Acquisitive Crime."),
/// placed under the newer edition's priority it concerns, or under the whole plan when that priority was dropped.
/// </summary>
public static class ChangeDrafts
{
    public static ChangeDraft For(PriorityDifference difference, IReadOnlyList<Priority> newer)
    {
        ArgumentNullException.ThrowIfNull(difference);
        var sentences = new List<string>();
        var now = Title(difference.NewHeading);
        if (difference.Kinds.Contains(DifferenceKind.Added))
        {
            sentences.Add($"{now} added to the plan.");
        }

        if (difference.Kinds.Contains(DifferenceKind.Removed))
        {
            sentences.Add($"{Title(difference.OldHeading)} dropped from the plan.");
        }

        if (difference.Kinds.Contains(DifferenceKind.Merged))
        {
            sentences.Add($"{Join(difference.MergedFrom.Select(Title).ToList())} merged into {now}.");
        }
        else if (difference.Kinds.Contains(DifferenceKind.Renamed))
        {
            sentences.Add($"{Title(difference.OldHeading)} renamed {now}.");
        }

        sentences.AddRange(difference.Fields.Select(f => $"{f.Field} of {now} changed from {f.Old ?? "none"} to {f.New ?? "none"}."));
        return new ChangeDraft(PriorityOf(difference.NewHeading, newer), string.Join(' ', sentences));
    }

    /// <param name="what">"Action" or "Milestone".</param>
    public static ChangeDraft For(ItemDifference difference, string what, IReadOnlyList<Priority> newer)
    {
        ArgumentNullException.ThrowIfNull(difference);
        var sentences = new List<string>();
        var words = string.Join(' ', difference.Text.Where(w => w.Kind != WordChangeKind.Deleted).Select(w => w.Text)).Trim().TrimEnd('.');
        if (difference.Kinds.Contains(DifferenceKind.Added))
        {
            sentences.Add($"{what} {difference.NewReference} added: {words}.");
        }

        if (difference.Kinds.Contains(DifferenceKind.Removed))
        {
            sentences.Add($"{what} {difference.OldReference} ({Title(difference.OldPriority)}) dropped: {words}.");
        }

        if (difference.Kinds.Contains(DifferenceKind.Moved))
        {
            sentences.Add($"{what} {difference.OldReference} moved from {Title(difference.OldPriority)} to {Title(difference.NewPriority)} as {difference.NewReference}.");
        }

        if (difference.Kinds.Contains(DifferenceKind.Reworded))
        {
            sentences.Add($"{what} {difference.NewReference} reworded: {words}.");
        }

        sentences.AddRange(difference.Fields.Select(f => $"{f.Field} of {what.ToLowerInvariant()} {difference.NewReference} changed from {f.Old ?? "none"} to {f.New ?? "none"}."));
        return new ChangeDraft(PriorityOf(difference.NewPriority, newer), string.Join(' ', sentences));
    }

    private static int? PriorityOf(string? heading, IReadOnlyList<Priority> newer) =>
        heading is null ? null : newer.FirstOrDefault(p => EditionComparer.Heading(p) == heading)?.Id;

    /// <summary>"Priority 1: Reducing Burglary" as "Reducing Burglary".</summary>
    private static string Title(string? heading)
    {
        if (heading is null)
        {
            return "";
        }

        var colon = heading.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? heading : heading[(colon + 2)..];
    }

    private static string Join(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";
}
