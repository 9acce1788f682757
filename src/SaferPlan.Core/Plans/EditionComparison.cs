using DiffPlex;
using DiffPlex.Chunkers;

namespace SaferPlan.Core.Plans;

/// <summary>What happened to an item between two editions.</summary>
public enum DifferenceKind
{
    Added,
    Removed,
    Merged,
    Renamed,
    Reworded,
    Moved,
    Changed,
}

/// <summary>A run of words, kept, inserted or deleted, in a word-level difference.</summary>
public enum WordChangeKind
{
    Same,
    Inserted,
    Deleted,
}

public sealed record WordChange(WordChangeKind Kind, string Text);

/// <summary>A field that changed, in words a reader knows ("Lead agency").</summary>
public sealed record FieldDifference(string Field, string? Old, string? New);

/// <summary>One priority's difference: added, dropped (removed), merged from several, renamed, or changed (its lead officer).</summary>
public sealed record PriorityDifference(
    IReadOnlyList<DifferenceKind> Kinds, string? OldHeading, string? NewHeading, IReadOnlyList<string> MergedFrom,
    IReadOnlyList<WordChange> Title, IReadOnlyList<FieldDifference> Fields);

/// <summary>An action's or milestone's difference, by its number or code in each edition and the priority it sits under.</summary>
public sealed record ItemDifference(
    IReadOnlyList<DifferenceKind> Kinds, string? OldReference, string? NewReference, string? OldPriority, string? NewPriority,
    IReadOnlyList<WordChange> Text, IReadOnlyList<FieldDifference> Fields);

public sealed record ComparedEdition(int Id, string Year, string Title, string? Label, EditionStatus Status);

/// <summary>Everything that differs between two editions: priorities, then actions, then milestones.</summary>
public sealed record EditionComparison(
    ComparedEdition From, ComparedEdition To, IReadOnlyList<PriorityDifference> Priorities,
    IReadOnlyList<ItemDifference> Actions, IReadOnlyList<ItemDifference> Milestones)
{
    public bool IsEmpty => Priorities.Count == 0 && Actions.Count == 0 && Milestones.Count == 0;
}

/// <summary>
/// Compares two editions of a partnership's plans. Items are paired by the links the refresh keeps (followed through the
/// editions between), else by the same wording, else by the same number or code under the same priority. Each reader sees only
/// what they may read: a visitor compares approved editions without their restricted items.
/// </summary>
public sealed class EditionComparer(SaferPlanDbContext db, PlanReader reader)
{
    /// <summary>Editions in the order they follow one another: by year, and of the same year the one made first.</summary>
    public static IComparer<PlanEdition> EarlierFirst { get; } = Comparer<PlanEdition>.Create((a, b) =>
        (a.YearStart, a.Id).CompareTo((b.YearStart, b.Id)));

    /// <summary>
    /// What changed between editions <paramref name="aId"/> and <paramref name="bId"/>, always read from the earlier of the
    /// two (<see cref="EarlierFirst"/>) to the later, whichever order they are given in, so a page or API answer never shows
    /// a later edition's changes undone.
    /// </summary>
    public async Task<EditResult<EditionComparison>> CompareAsync(int aId, int bId, UserContext user, CancellationToken ct = default)
    {
        var a = await reader.EditionAsync(aId, user, ct);
        var b = await reader.EditionAsync(bId, user, ct);
        if (a is null || b is null)
        {
            return EditResult<EditionComparison>.NotFound($"There is no plan edition {(a is null ? aId : bId)}.");
        }

        var (from, to) = EarlierFirst.Compare(a.Edition, b.Edition) <= 0 ? (a, b) : (b, a);

        if (from.Partnership.Id != to.Partnership.Id)
        {
            return EditResult<EditionComparison>.Invalid("B", "Compare two editions of the same partnership's plans");
        }

        var origins = await OriginsAsync(from.Partnership.Id, ct);
        var priorities = Pair(from.Priorities, to.Priorities, p => p.Id, origins.Priorities, p => Normal(p.Title), (_, _) => false);
        var priorityOf = Successors(priorities, p => p.Id);
        var oldActions = from.Priorities.SelectMany(p => p.Actions).ToList();
        var newActions = to.Priorities.SelectMany(p => p.Actions).ToList();
        var actions = Pair(oldActions, newActions, a => a.Id, origins.Actions, a => Normal(a.Text),
            (o, n) => o.Number == n.Number && priorityOf[o.PriorityId].Contains(n.PriorityId));
        var actionOf = Successors(actions, a => a.Id);
        var milestones = Pair(oldActions.SelectMany(a => a.Milestones).ToList(), newActions.SelectMany(a => a.Milestones).ToList(), m => m.Id,
            origins.Milestones, m => Normal(m.Text), (o, n) => o.Code == n.Code && actionOf[o.ActionId].Contains(n.ActionId));

        var oldPriorities = from.Priorities.ToDictionary(p => p.Id);
        var newPriorities = to.Priorities.ToDictionary(p => p.Id);
        string PriorityOfAction(PlanAction a, IReadOnlyDictionary<int, Priority> all) => Heading(all[a.PriorityId]);
        var oldActionById = oldActions.ToDictionary(a => a.Id);
        var newActionById = newActions.ToDictionary(a => a.Id);

        return EditResult<EditionComparison>.Ok(new EditionComparison(
            Describe(from), Describe(to),
            PriorityDifferences(priorities, from.Priorities, origins.Priorities),
            [.. actions.Select(p => ActionDifference(p.Old, p.New, priorityOf, a => PriorityOfAction(a, oldPriorities), a => PriorityOfAction(a, newPriorities))).OfType<ItemDifference>()],
            [.. milestones.Select(p => MilestoneDifference(p.Old, p.New, actionOf,
                m => PriorityOfAction(oldActionById[m.ActionId], oldPriorities), m => PriorityOfAction(newActionById[m.ActionId], newPriorities))).OfType<ItemDifference>()]));
    }

    public static string Heading(Priority p) => p.Kind == PriorityKind.Priority ? $"Priority {p.Number}: {p.Title}" : $"Mainstreamed: {p.Title}";

    private static ComparedEdition Describe(EditionView v) => new(v.Edition.Id, v.Edition.Year.Display, v.Edition.Title, v.Edition.Label, v.Edition.Status);

    private sealed record Origins(ILookup<int, int> Priorities, ILookup<int, int> Actions, ILookup<int, int> Milestones);

    /// <summary>For every item of the partnership's plans, the items it was copied from (a merged priority has several).</summary>
    private async Task<Origins> OriginsAsync(int partnershipId, CancellationToken ct)
    {
        var priorities = await db.Set<PriorityOrigin>().AsNoTracking()
            .Where(o => o.Origin.Edition.Plan.PartnershipId == partnershipId).Select(o => new { o.PriorityId, o.OriginId }).ToListAsync(ct);
        var actions = await db.Actions.AsNoTracking()
            .Where(a => a.OriginId != null && a.Priority.Edition.Plan.PartnershipId == partnershipId).Select(a => new { a.Id, Origin = a.OriginId!.Value }).ToListAsync(ct);
        var milestones = await db.Milestones.AsNoTracking()
            .Where(m => m.OriginId != null && m.Action.Priority.Edition.Plan.PartnershipId == partnershipId).Select(m => new { m.Id, Origin = m.OriginId!.Value }).ToListAsync(ct);
        return new Origins(priorities.ToLookup(o => o.PriorityId, o => o.OriginId), actions.ToLookup(a => a.Id, a => a.Origin), milestones.ToLookup(m => m.Id, m => m.Origin));
    }

    private sealed record Paired<T>(T? Old, T? New, IReadOnlyList<T> AlsoFrom)
        where T : class;

    /// <summary>
    /// Pairs the old items with the new: by origin links followed back through the editions between, then by the same wording,
    /// then by <paramref name="sameSlot"/>. A new item with several old origins (a merge) is paired with the first and lists the rest.
    /// </summary>
    private static List<Paired<T>> Pair<T>(IReadOnlyList<T> olds, IReadOnlyList<T> news, Func<T, int> id, ILookup<int, int> origins, Func<T, string> wording, Func<T, T, bool> sameSlot)
        where T : class
    {
        var oldById = olds.ToDictionary(id);
        var unpairedOld = olds.ToList();
        var pairs = new List<Paired<T>>();
        var unpairedNew = new List<T>();
        foreach (var item in news)
        {
            var found = Ancestors(id(item), origins, oldById.ContainsKey).Select(i => oldById[i]).Where(unpairedOld.Contains).ToList();
            if (found.Count == 0)
            {
                unpairedNew.Add(item);
                continue;
            }

            found.ForEach(o => unpairedOld.Remove(o));
            pairs.Add(new Paired<T>(found[0], item, found.Skip(1).ToList()));
        }

        foreach (var match in new Func<T, T, bool>[] { (o, n) => wording(o) == wording(n), sameSlot })
        {
            foreach (var item in unpairedNew.ToList())
            {
                if (unpairedOld.FirstOrDefault(o => match(o, item)) is { } old)
                {
                    unpairedOld.Remove(old);
                    unpairedNew.Remove(item);
                    pairs.Add(new Paired<T>(old, item, []));
                }
            }
        }

        pairs.AddRange(unpairedNew.Select(n => new Paired<T>(null, n, [])));
        pairs.AddRange(unpairedOld.Select(o => new Paired<T>(o, null, [])));
        return pairs;
    }

    /// <summary>Where each old item went: a merged priority's every origin leads to it.</summary>
    private static ILookup<int, int> Successors<T>(List<Paired<T>> pairs, Func<T, int> id)
        where T : class =>
        pairs.Where(p => p.Old is not null && p.New is not null)
            .SelectMany(p => new[] { p.Old! }.Concat(p.AlsoFrom).Select(o => (Old: id(o), New: id(p.New!))))
            .ToLookup(x => x.Old, x => x.New);

    /// <summary>The items <paramref name="start"/> came from, back through earlier editions, stopping at those in the older edition.</summary>
    private static IEnumerable<int> Ancestors(int start, ILookup<int, int> origins, Func<int, bool> inOld)
    {
        var seen = new HashSet<int> { start };
        var frontier = new Queue<int>(origins[start]);
        while (frontier.TryDequeue(out var next))
        {
            if (!seen.Add(next))
            {
                continue;
            }

            if (inOld(next))
            {
                yield return next;
            }
            else
            {
                foreach (var earlier in origins[next])
                {
                    frontier.Enqueue(earlier);
                }
            }
        }
    }

    private static List<PriorityDifference> PriorityDifferences(List<Paired<Priority>> pairs, IReadOnlyList<Priority> olds, ILookup<int, int> origins)
    {
        var list = new List<PriorityDifference>();
        foreach (var (old, now, alsoFrom) in pairs)
        {
            var kinds = new List<DifferenceKind>();
            if (old is null || now is null)
            {
                kinds.Add(old is null ? DifferenceKind.Added : DifferenceKind.Removed);
                list.Add(new PriorityDifference(kinds, old is null ? null : Heading(old), now is null ? null : Heading(now), [], [], []));
                continue;
            }

            if (alsoFrom.Count > 0)
            {
                kinds.Add(DifferenceKind.Merged);
            }

            if (Normal(old.Title) != Normal(now.Title))
            {
                kinds.Add(DifferenceKind.Renamed);
            }

            var fields = Fields(("Lead officer", old.LeadOfficer?.Name, now.LeadOfficer?.Name), ("Kind", old.Kind.ToString(), now.Kind.ToString()));
            if (fields.Count > 0)
            {
                kinds.Add(DifferenceKind.Changed);
            }

            if (kinds.Count > 0)
            {
                list.Add(new PriorityDifference(kinds, Heading(old), Heading(now), [.. new[] { old }.Concat(alsoFrom).Select(Heading)],
                    Words(old.Title, now.Title), fields));
            }
        }

        return list;
    }

    private static ItemDifference? ActionDifference(PlanAction? old, PlanAction? now, ILookup<int, int> priorityOf, Func<PlanAction, string> oldPriority, Func<PlanAction, string> newPriority)
    {
        var fields = old is null || now is null ? [] : Fields(
            ("Lead agency", old.LeadAgency, now.LeadAgency), ("Other partners", old.OtherPartners, now.OtherPartners),
            ("Lead officer", old.LeadOfficer?.Name, now.LeadOfficer?.Name), ("Delivered by", old.Body?.Name, now.Body?.Name));
        return Item(old, now, a => a.Text, a => a.Number, fields, (o, n) => !priorityOf[o.PriorityId].Contains(n.PriorityId), oldPriority, newPriority);
    }

    private static ItemDifference? MilestoneDifference(Milestone? old, Milestone? now, ILookup<int, int> actionOf, Func<Milestone, string> oldPriority, Func<Milestone, string> newPriority)
    {
        var fields = old is null || now is null ? [] : Fields(
            ("Lead", old.Lead, now.Lead), ("Lead officer", old.LeadOfficer?.Name, now.LeadOfficer?.Name),
            ("How it is measured", old.MeasurementKind.ToString(), now.MeasurementKind.ToString()), ("Measurement", old.Measurement, now.Measurement),
            ("Source", old.Source, now.Source), ("Target", old.Target, now.Target));
        return Item(old, now, m => m.Text, m => m.Code, fields, (o, n) => !actionOf[o.ActionId].Contains(n.ActionId), oldPriority, newPriority);
    }

    private static ItemDifference? Item<T>(T? old, T? now, Func<T, string> text, Func<T, string> reference, List<FieldDifference> fields, Func<T, T, bool> moved,
        Func<T, string> oldPriority, Func<T, string> newPriority)
        where T : class
    {
        if (old is null || now is null)
        {
            var only = (old ?? now)!;
            return new ItemDifference([old is null ? DifferenceKind.Added : DifferenceKind.Removed], old is null ? null : reference(old), now is null ? null : reference(now),
                old is null ? null : oldPriority(old), now is null ? null : newPriority(now), [new WordChange(WordChangeKind.Same, text(only))], []);
        }

        var kinds = new List<DifferenceKind>();
        if (moved(old, now))
        {
            kinds.Add(DifferenceKind.Moved);
        }

        if (Normal(text(old)) != Normal(text(now)))
        {
            kinds.Add(DifferenceKind.Reworded);
        }

        if (fields.Count > 0)
        {
            kinds.Add(DifferenceKind.Changed);
        }

        return kinds.Count == 0 ? null
            : new ItemDifference(kinds, reference(old), reference(now), oldPriority(old), newPriority(now), Words(text(old), text(now)), fields);
    }

    private static List<FieldDifference> Fields(params (string Field, string? Old, string? New)[] fields) =>
        [.. fields.Where(f => Normal(f.Old) != Normal(f.New)).Select(f => new FieldDifference(f.Field, f.Old, f.New))];

    private static string Normal(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A word-level difference: runs of kept, deleted and inserted words, each run's words joined by single spaces.</summary>
    public static IReadOnlyList<WordChange> Words(string? old, string? now)
    {
        var result = Differ.Instance.CreateDiffs(old ?? "", now ?? "", ignoreWhiteSpace: false, ignoreCase: false, new DelimiterChunker([' ', '\n', '\t']));
        var changes = new List<WordChange>();
        void Add(WordChangeKind kind, IEnumerable<string> pieces)
        {
            var text = Normal(string.Concat(pieces));
            if (text.Length == 0)
            {
                return;
            }

            if (changes.Count > 0 && changes[^1].Kind == kind)
            {
                changes[^1] = changes[^1] with { Text = changes[^1].Text + " " + text };
            }
            else
            {
                changes.Add(new WordChange(kind, text));
            }
        }

        var b = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(WordChangeKind.Same, result.PiecesNew.Skip(b).Take(block.InsertStartB - b));
            Add(WordChangeKind.Deleted, result.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add(WordChangeKind.Inserted, result.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            b = block.InsertStartB + block.InsertCountB;
        }

        Add(WordChangeKind.Same, result.PiecesNew.Skip(b));
        return changes;
    }
}
