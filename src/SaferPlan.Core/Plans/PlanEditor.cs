using System.Text.RegularExpressions;
using SaferPlan.Core.Documents;
using SaferPlan.Core.Monitoring;

namespace SaferPlan.Core.Plans;

/// <summary>
/// Creates, edits, reorders and deletes priorities, actions and milestones, checking who may and what is valid. Drafts
/// and editions in consultation change freely; a change to an approved edition is an amendment, with its reason recorded
/// in the same save; nothing is deleted from or reordered in an approved edition, and a superseded one does not change.
/// </summary>
public sealed partial class PlanEditor(SaferPlanDbContext db, UpdateService updates, PlanReader reader, TimeProvider time)
{
    private const int TitleLength = 200;
    private const int TextLength = 4000;
    private const int NarrativeLength = 20000;
    private const int DueQuartersLength = 200;
    private const string MarkingMissing = "Select the protective marking: Official or Restricted";

    /// <summary>What an amendment that adds an item to an approved edition says it changed.</summary>
    public const string AddedChange = "added";

    [GeneratedRegex(@"^\d{1,2}\.\d{1,2}$")]
    private static partial Regex ActionNumberPattern();

    [GeneratedRegex(@"^\d{1,2}\.\d{1,2}[a-z]{1,2}$")]
    private static partial Regex MilestoneCodePattern();

    public Task<EditResult<Priority>> CreatePriorityAsync(int editionId, PriorityInput input, UserContext user, CancellationToken ct = default) =>
        CreateAsync(PrepareNewPriorityAsync(editionId, input, user, ct), edition => edition, (edition, valid) =>
        {
            var priority = new Priority { Title = "", EditionId = edition.Id, SortOrder = NextSortOrder(edition.Priorities.Select(p => p.SortOrder)) };
            db.Write(priority, valid, nameof(valid.Reason));
            return priority;
        }, user, ct);

    /// <summary>Every rule a new priority must meet, saving nothing: what a form shows beside the boxes it could read.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckNewPriorityAsync(int editionId, PriorityInput input, UserContext user, CancellationToken ct = default) =>
        (await PrepareNewPriorityAsync(editionId, input, user, ct)).Errors;

    private async Task<EditResult<Checked<PlanEdition, PriorityFields>>> PrepareNewPriorityAsync(int editionId, PriorityInput input, UserContext user, CancellationToken ct)
    {
        var edition = await db.Editions.Include(e => e.Plan).Include(e => e.Priorities).FirstOrDefaultAsync(e => e.Id == editionId, ct);
        return await WhenAllowedAsync(Readable(edition, user, edition), $"There is no plan edition {editionId}.",
            f => Unless(Permissions.CanEditStructure(user, f.PartnershipId), "Only the partnership's administrators and support officers can add priorities.")
                ?? Permissions.EditionRefusal(f.Item),
            f =>
            {
                var whole = input with { Number = input.Number ?? (f.Item.Priorities.Count == 0 ? 1 : f.Item.Priorities.Max(p => p.Number) + 1) };
                return ValidatedAsync(f, CheckFieldsAsync(whole, f.Item, null, f.PartnershipId, ct));
            });
    }

    public Task<EditResult<Priority>> UpdatePriorityAsync(int id, PriorityInput input, int expectedVersion, UserContext user, CancellationToken ct = default) =>
        WhenCheckedAsync(PreparePriorityAsync(id, input, user, ct), c => SaveChangeAsync(c, expectedVersion, c.Item.Edition, user, ct));

    /// <summary>Every rule a change to a priority must meet, saving nothing.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckPriorityAsync(int id, PriorityInput input, UserContext user, CancellationToken ct = default) =>
        (await PreparePriorityAsync(id, input, user, ct)).Errors;

    private async Task<EditResult<Checked<Priority, PriorityFields>>> PreparePriorityAsync(int id, PriorityInput input, UserContext user, CancellationToken ct) =>
        await WhenAllowedAsync(await ReadablePriorityAsync(id, user, ct), $"There is no priority {id}.",
            f => Unless(Permissions.CanEdit(user, f.PartnershipId, f.Item), "You can only edit the priorities you lead.")
                ?? Unless(Permissions.CanEditStructure(user, f.PartnershipId) || (input.LeadOfficerId == f.Item.LeadOfficerId && input.Number == f.Item.Number),
                    "Only administrators and support officers can change a priority's number or lead officer.")
                ?? Permissions.EditionRefusal(f.Item.Edition),
            f => ChangedAsync(user, f, f.Item.Marking, input.Marking, () => CheckFieldsAsync(input, f.Item.Edition, f.Item, f.PartnershipId, ct)));

    public async Task<EditResult<Priority>> DeletePriorityAsync(int id, int expectedVersion, UserContext user, CancellationToken ct = default) =>
        await WhenAllowedAsync(await ReadablePriorityAsync(id, user, ct), $"There is no priority {id}.",
            f => Permissions.CanDeletePriority(user, f.PartnershipId, f.Item.Edition)
                ? null
                : Unless(Permissions.CanEditStructure(user, f.PartnershipId), "Only the partnership's administrators and support officers can delete priorities.")
                    ?? Permissions.RemovalRefusal(f.Item.Edition, $"priority {f.Item.Number}"),
            async f =>
            {
                var priority = f.Item;
                var milestones = priority.Actions.SelectMany(a => a.Milestones).ToList();
                var removeUpdates = await updates.RemovalOfUpdatesAsync(milestones.Select(m => m.Id), ct);
                return await SaveAsync(priority, expectedVersion, f.PartnershipId, ct, () =>
                {
                    removeUpdates();
                    db.Milestones.RemoveRange(milestones);
                    db.Actions.RemoveRange(priority.Actions);
                    db.Priorities.Remove(priority);
                });
            });

    public async Task<EditResult<Priority>> MovePriorityAsync(int id, MoveDirection direction, UserContext user, CancellationToken ct = default) =>
        await WhenAllowedAsync(await ReadablePriorityAsync(id, user, ct), $"There is no priority {id}.",
            f => Unless(Permissions.CanEditStructure(user, f.PartnershipId), "Only the partnership's administrators and support officers can reorder priorities.")
                ?? Permissions.RemovalRefusal(f.Item.Edition, $"priority {f.Item.Number}"),
            f => MoveAsync(f, f.Item.Edition.Priorities, direction, ct));

    public Task<EditResult<PlanAction>> CreateActionAsync(int priorityId, ActionInput input, UserContext user, CancellationToken ct = default) =>
        CreateAsync(PrepareNewActionAsync(priorityId, input, user, ct), priority => priority.Edition, (priority, valid) =>
        {
            var action = new PlanAction { Number = valid.Number, Text = "", PriorityId = priority.Id, SortOrder = NextSortOrder(priority.Actions.Select(a => a.SortOrder)) };
            db.Write(action, valid, nameof(valid.Reason));
            return action;
        }, user, ct);

    /// <summary>Every rule a new action must meet, saving nothing.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckNewActionAsync(int priorityId, ActionInput input, UserContext user, CancellationToken ct = default) =>
        (await PrepareNewActionAsync(priorityId, input, user, ct)).Errors;

    private async Task<EditResult<Checked<Priority, ActionFields>>> PrepareNewActionAsync(int priorityId, ActionInput input, UserContext user, CancellationToken ct) =>
        await WhenAllowedAsync(await ReadablePriorityAsync(priorityId, user, ct), $"There is no priority {priorityId}.",
            f => Unless(Permissions.CanEdit(user, f.PartnershipId, f.Item), "You can only add actions to a priority you lead.")
                ?? Unless(input.LeadOfficerId is null || Permissions.CanEditStructure(user, f.PartnershipId), "Only administrators and support officers can name an action's lead officer.")
                ?? Permissions.EditionRefusal(f.Item.Edition),
            async f =>
            {
                var whole = input with { Number = string.IsNullOrWhiteSpace(input.Number) ? await NextActionNumberAsync(f.Item.Number, f.Item.Id, f.Item.EditionId, ct) : input.Number };
                return await ValidatedAsync(f, CheckFieldsAsync(whole, f.Item.Id, f.Item.Edition, null, f.PartnershipId, ct));
            });

    public Task<EditResult<PlanAction>> UpdateActionAsync(int id, ActionInput input, int expectedVersion, UserContext user, CancellationToken ct = default) =>
        WhenCheckedAsync(PrepareActionAsync(id, input, user, ct), c => SaveChangeAsync(c, expectedVersion, c.Item.Priority.Edition, user, ct,
            c.Fields.PriorityId == c.Item.PriorityId ? null : db.Actions.Where(a => a.PriorityId == c.Fields.PriorityId).Select(a => a.SortOrder)));

    /// <summary>Every rule a change to an action must meet, saving nothing.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckActionAsync(int id, ActionInput input, UserContext user, CancellationToken ct = default) =>
        (await PrepareActionAsync(id, input, user, ct)).Errors;

    private async Task<EditResult<Checked<PlanAction, ActionFields>>> PrepareActionAsync(int id, ActionInput input, UserContext user, CancellationToken ct) =>
        await WhenAllowedAsync(await ReadableActionAsync(id, user, ct), $"There is no action {id}.",
            f => Unless(Permissions.CanEdit(user, f.PartnershipId, f.Item.Priority, f.Item), "You can only edit the actions you lead, or those under a priority you lead.")
                ?? Unless(Permissions.CanEditStructure(user, f.PartnershipId) || (input.LeadOfficerId == f.Item.LeadOfficerId && (input.PriorityId ?? f.Item.PriorityId) == f.Item.PriorityId),
                    "Only administrators and support officers can change an action's lead officer or move it to another priority.")
                ?? Permissions.EditionRefusal(f.Item.Priority.Edition),
            f => ChangedAsync(user, f, f.Item.Marking, input.Marking,
                () => CheckFieldsAsync(input, input.PriorityId ?? f.Item.PriorityId, f.Item.Priority.Edition, f.Item, f.PartnershipId, ct)));

    public async Task<EditResult<PlanAction>> DeleteActionAsync(int id, int expectedVersion, UserContext user, CancellationToken ct = default) =>
        await WhenAllowedAsync(await ReadableActionAsync(id, user, ct), $"There is no action {id}.",
            f => Permissions.CanDeleteAction(user, f.PartnershipId, f.Item.Priority.Edition, f.Item.Priority)
                ? null
                : Unless(Permissions.CanEdit(user, f.PartnershipId, f.Item.Priority), "You can only delete actions under a priority you lead.")
                    ?? Permissions.RemovalRefusal(f.Item.Priority.Edition, $"action {f.Item.Number}"),
            async f =>
            {
                var action = f.Item;
                var removeUpdates = await updates.RemovalOfUpdatesAsync(action.Milestones.Select(m => m.Id), ct);
                return await SaveAsync(action, expectedVersion, f.PartnershipId, ct, () =>
                {
                    removeUpdates();
                    db.Milestones.RemoveRange(action.Milestones);
                    db.Actions.Remove(action);
                });
            });

    public async Task<EditResult<PlanAction>> MoveActionAsync(int id, MoveDirection direction, UserContext user, CancellationToken ct = default) =>
        await WhenAllowedAsync(await ReadableActionAsync(id, user, ct), $"There is no action {id}.",
            f => Unless(Permissions.CanEdit(user, f.PartnershipId, f.Item.Priority), "You can only reorder actions under a priority you lead.")
                ?? Permissions.RemovalRefusal(f.Item.Priority.Edition, $"action {f.Item.Number}"),
            f => MoveAsync(f, f.Item.Priority.Actions, direction, ct));

    public Task<EditResult<Milestone>> CreateMilestoneAsync(int actionId, MilestoneInput input, UserContext user, CancellationToken ct = default) =>
        CreateAsync(PrepareNewMilestoneAsync(actionId, input, user, ct), action => action.Priority.Edition, (action, valid) =>
        {
            var milestone = new Milestone { Code = valid.Code, Text = "", ActionId = action.Id, SortOrder = NextSortOrder(action.Milestones.Select(m => m.SortOrder)) };
            db.Write(milestone, valid, nameof(valid.Reason));
            return milestone;
        }, user, ct);

    /// <summary>Every rule a new milestone must meet, saving nothing.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckNewMilestoneAsync(int actionId, MilestoneInput input, UserContext user, CancellationToken ct = default) =>
        (await PrepareNewMilestoneAsync(actionId, input, user, ct)).Errors;

    private async Task<EditResult<Checked<PlanAction, MilestoneFields>>> PrepareNewMilestoneAsync(int actionId, MilestoneInput input, UserContext user, CancellationToken ct) =>
        await WhenAllowedAsync(await ReadableActionAsync(actionId, user, ct), $"There is no action {actionId}.",
            f => Unless(Permissions.CanEdit(user, f.PartnershipId, f.Item.Priority, f.Item), "You can only add milestones to an action you lead.")
                ?? Unless(input.LeadOfficerId is null || Permissions.CanEditStructure(user, f.PartnershipId), "Only administrators and support officers can name a milestone's lead officer.")
                ?? Permissions.EditionRefusal(f.Item.Priority.Edition),
            async f =>
            {
                var whole = input with { Code = string.IsNullOrWhiteSpace(input.Code) ? await NextMilestoneCodeAsync(f.Item.Number, f.Item.Id, f.Item.Priority.EditionId, ct) : input.Code };
                return await ValidatedAsync(f, CheckFieldsAsync(whole, f.Item.Id, f.Item.Priority.Edition, null, f.PartnershipId, ct));
            });

    public Task<EditResult<Milestone>> UpdateMilestoneAsync(int id, MilestoneInput input, int expectedVersion, UserContext user, CancellationToken ct = default) =>
        WhenCheckedAsync(PrepareMilestoneAsync(id, input, user, ct), c => SaveChangeAsync(c, expectedVersion, c.Item.Action.Priority.Edition, user, ct,
            c.Fields.ActionId == c.Item.ActionId ? null : db.Milestones.Where(m => m.ActionId == c.Fields.ActionId).Select(m => m.SortOrder)));

    /// <summary>Every rule a change to a milestone must meet, saving nothing.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckMilestoneAsync(int id, MilestoneInput input, UserContext user, CancellationToken ct = default) =>
        (await PrepareMilestoneAsync(id, input, user, ct)).Errors;

    private async Task<EditResult<Checked<Milestone, MilestoneFields>>> PrepareMilestoneAsync(int id, MilestoneInput input, UserContext user, CancellationToken ct) =>
        await WhenAllowedAsync(await ReadableMilestoneAsync(id, user, ct), $"There is no milestone {id}.",
            f => Unless(Permissions.CanEdit(user, f.PartnershipId, f.Item.Action.Priority, f.Item.Action, f.Item), "You can only edit the milestones you lead, or those under an action or priority you lead.")
                ?? Unless(Permissions.CanEditStructure(user, f.PartnershipId) || (input.LeadOfficerId == f.Item.LeadOfficerId && (input.ActionId ?? f.Item.ActionId) == f.Item.ActionId),
                    "Only administrators and support officers can change a milestone's lead officer or move it to another action.")
                ?? Permissions.EditionRefusal(f.Item.Action.Priority.Edition),
            f => ChangedAsync(user, f, f.Item.Marking, input.Marking,
                () => CheckFieldsAsync(input, input.ActionId ?? f.Item.ActionId, f.Item.Action.Priority.Edition, f.Item, f.PartnershipId, ct)));

    public async Task<EditResult<Milestone>> DeleteMilestoneAsync(int id, int expectedVersion, UserContext user, CancellationToken ct = default) =>
        await WhenAllowedAsync(await ReadableMilestoneAsync(id, user, ct), $"There is no milestone {id}.",
            f => Permissions.CanDeleteMilestone(user, f.PartnershipId, f.Item.Action.Priority.Edition, f.Item.Action.Priority, f.Item.Action)
                ? null
                : Unless(Permissions.CanEdit(user, f.PartnershipId, f.Item.Action.Priority, f.Item.Action), "You can only delete milestones under an action or priority you lead.")
                    ?? Permissions.RemovalRefusal(f.Item.Action.Priority.Edition, $"milestone {f.Item.Code}"),
            async f =>
            {
                var removeUpdates = await updates.RemovalOfUpdatesAsync([f.Item.Id], ct);
                return await SaveAsync(f.Item, expectedVersion, f.PartnershipId, ct, () =>
                {
                    removeUpdates();
                    db.Milestones.Remove(f.Item);
                });
            });

    public async Task<EditResult<Milestone>> MoveMilestoneAsync(int id, MoveDirection direction, UserContext user, CancellationToken ct = default) =>
        await WhenAllowedAsync(await ReadableMilestoneAsync(id, user, ct), $"There is no milestone {id}.",
            f => Unless(Permissions.CanEdit(user, f.PartnershipId, f.Item.Action.Priority, f.Item.Action), "You can only reorder milestones under an action or priority you lead.")
                ?? Permissions.RemovalRefusal(f.Item.Action.Priority.Edition, $"milestone {f.Item.Code}"),
            f => MoveAsync(f, f.Item.Action.Milestones, direction, ct));

    /// <summary>
    /// An item (or the parent a new one goes under) the user may read, with the partnership that owns it and, when its
    /// edition's input window keeps the user out today, why (see <see cref="Permissions.InputWindowRefusal"/>).
    /// </summary>
    private sealed record Found<T>(T Item, int PartnershipId, string? InputRefusal = null);

    /// <summary>What an edit was checked against (the item, or the parent a new one goes under) with the fields its input was checked into.</summary>
    private sealed record Checked<TItem, TFields>(TItem Item, TFields Fields, int PartnershipId);

    /// <summary>
    /// The one path every plan edit takes: not found unless the item was found and may be read; forbidden with the first
    /// rule the user breaks; otherwise the edit itself.
    /// </summary>
    private static async Task<EditResult<TResult>> WhenAllowedAsync<TItem, TResult>(
        Found<TItem>? found, string notFound, Func<Found<TItem>, string?> refusal, Func<Found<TItem>, Task<EditResult<TResult>>> edit)
    {
        if (found is null)
        {
            return EditResult<TResult>.NotFound(notFound);
        }

        return (refusal(found) ?? found.InputRefusal) is { } message ? EditResult<TResult>.Forbidden(message) : await edit(found);
    }

    /// <summary>The refusal when a permission rule is broken; null while it holds.</summary>
    private static string? Unless(bool allowed, string refusal) => allowed ? null : refusal;

    /// <summary>Saves what <paramref name="edit"/> makes of a checked edit, or passes its refusal on.</summary>
    private static async Task<EditResult<TResult>> WhenCheckedAsync<TItem, TFields, TResult>(
        Task<EditResult<Checked<TItem, TFields>>> checking, Func<Checked<TItem, TFields>, Task<EditResult<TResult>>> edit)
    {
        var check = await checking;
        return check.Value is { } valid ? await edit(valid) : check.Refusal<TResult>();
    }

    /// <summary>
    /// Saves a checked new item under its parent. An item added to an approved edition is an amendment ("added"), recorded
    /// in the same transaction once the item has its id: both are saved, or neither is.
    /// </summary>
    private Task<EditResult<TItem>> CreateAsync<TParent, TFields, TItem>(
        Task<EditResult<Checked<TParent, TFields>>> checking, Func<TParent, PlanEdition> editionOf, Func<TParent, TFields, TItem> make, UserContext user, CancellationToken ct)
        where TFields : IPlanFields
        where TItem : class, IVersioned =>
        WhenCheckedAsync(checking, async c =>
        {
            var item = make(c.Item, c.Fields);
            db.Add(item);
            var edition = editionOf(c.Item);
            if (!Permissions.NeedsAmendment(edition))
            {
                return await SaveAsync(item, null, c.PartnershipId, ct);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var saved = await SaveAsync(item, null, c.PartnershipId, ct);
            if (!saved.Succeeded)
            {
                return saved;
            }

            var (kind, reference, restricted) = Amended(item);
            db.Amendments.Add(NewAmendment(c.PartnershipId, edition, kind, item.Id, reference, AddedChange, c.Fields.Reason, restricted, user));
            db.AuditPartnershipId = c.PartnershipId;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return saved;
        });

    /// <summary>
    /// Saves a checked change; an item moved under another parent goes last among the siblings <paramref name="newSiblingOrders"/>
    /// reads. A change to an approved edition is recorded as an amendment in the same save, naming the fields it changed.
    /// </summary>
    private async Task<EditResult<T>> SaveChangeAsync<T, TFields>(
        Checked<T, TFields> c, int expectedVersion, PlanEdition edition, UserContext user, CancellationToken ct,
        IQueryable<int>? newSiblingOrders = null)
        where T : class, IVersioned, ISorted
        where TFields : IPlanFields
    {
        var orders = newSiblingOrders is null ? null : await newSiblingOrders.ToListAsync(ct);
        return await SaveAsync(c.Item, expectedVersion, c.PartnershipId, ct, () =>
        {
            var (kind, before, restrictedBefore) = Amended(c.Item);
            if (orders is not null)
            {
                c.Item.SortOrder = NextSortOrder(orders);
            }

            db.Write(c.Item, c.Fields, nameof(IPlanFields.Reason));
            if (!Permissions.NeedsAmendment(edition) || Amendments.ChangedFields(db, c.Item) is not { Length: > 0 } changes)
            {
                return;
            }

            var (_, after, restrictedAfter) = Amended(c.Item);
            db.Amendments.Add(NewAmendment(c.PartnershipId, edition, kind, c.Item.Id, after == before ? after : $"{after} (was {before})", changes, c.Fields.Reason,
                restrictedBefore || restrictedAfter, user));
        });
    }

    /// <summary>One amendment to an approved edition: what changed, the reason given, who and when.</summary>
    private Amendment NewAmendment(
        int partnershipId, PlanEdition edition, AmendedItem kind, int itemId, string reference, string changes, string? reason, bool restricted, UserContext user) =>
        Amendments.New(AmendedRecord.PlanEdition, edition.Id, partnershipId, new(kind, itemId, reference, changes, restricted), reason, user, time.GetUtcNow());

    /// <summary>What an amendment calls the item, and whether it or what it lies under is restricted.</summary>
    private static (AmendedItem Kind, string Reference, bool Restricted) Amended(object item) => item switch
    {
        Priority p => (AmendedItem.Priority, p.Kind == PriorityKind.Priority ? $"Priority {p.Number}" : $"Mainstreamed: {p.Title}", p.Marking == ProtectiveMarking.Restricted),
        PlanAction a => (AmendedItem.Action, a.Number, a.Marking == ProtectiveMarking.Restricted || a.Priority?.Marking == ProtectiveMarking.Restricted),
        Milestone m => (AmendedItem.Milestone, m.Code,
            m.Marking == ProtectiveMarking.Restricted || m.Action?.Marking == ProtectiveMarking.Restricted || m.Action?.Priority?.Marking == ProtectiveMarking.Restricted),
        _ => throw new ArgumentException($"{item.GetType().Name} is not a plan item.", nameof(item)),
    };

    private Task<EditResult<T>> MoveAsync<T>(Found<T> found, List<T> siblings, MoveDirection direction, CancellationToken ct)
        where T : class, IVersioned, ISorted
    {
        Swap(siblings, found.Item, direction);
        return SaveAsync(found.Item, null, found.PartnershipId, ct);
    }

    private static async Task<EditResult<Checked<TItem, TFields>>> ValidatedAsync<TItem, TFields>(Found<TItem> found, Task<EditResult<TFields>> checking) =>
        (await checking).Refused(out var fields, out EditResult<Checked<TItem, TFields>>? invalid) ? invalid : EditResult<Checked<TItem, TFields>>.Ok(new(found.Item, fields, found.PartnershipId));

    /// <summary>A change to an existing item: a lowered marking the user may not lower is refused before any other rule is checked.</summary>
    private static Task<EditResult<Checked<TItem, TFields>>> ChangedAsync<TItem, TFields>(
        UserContext user, Found<TItem> found, ProtectiveMarking from, ProtectiveMarking to, Func<Task<EditResult<TFields>>> check) =>
        Permissions.MayChangeMarking(user, found.PartnershipId, from, to)
            ? ValidatedAsync(found, check())
            : Task.FromResult(EditResult<Checked<TItem, TFields>>.Invalid("Marking", Permissions.LowerMarkingRefused));

    /// <summary>The priority with its actions and their milestones, its siblings, edition and plan; null when there is none or the user may not read its edition.</summary>
    private async Task<Found<Priority>?> ReadablePriorityAsync(int id, UserContext user, CancellationToken ct)
    {
        var priority = await db.Priorities.Include(p => p.Edition).ThenInclude(e => e.Plan).Include(p => p.Edition.Priorities)
            .Include(p => p.Actions).ThenInclude(a => a.Milestones).FirstOrDefaultAsync(p => p.Id == id, ct);
        return await InWindowAsync(Readable(priority, user, priority?.Edition), priority?.Edition, user, ct);
    }

    /// <summary>The action with its milestones, siblings, priority, edition and plan; null when there is none or the user may not read its edition.</summary>
    private async Task<Found<PlanAction>?> ReadableActionAsync(int id, UserContext user, CancellationToken ct)
    {
        var action = await db.Actions.Include(a => a.Milestones).Include(a => a.Priority).ThenInclude(p => p.Edition).ThenInclude(e => e.Plan)
            .Include(a => a.Priority.Actions).FirstOrDefaultAsync(a => a.Id == id, ct);
        return await InWindowAsync(Readable(action, user, action?.Priority.Edition), action?.Priority.Edition, user, ct);
    }

    /// <summary>The milestone with its siblings, action, priority, edition and plan; null when there is none or the user may not read its edition.</summary>
    private async Task<Found<Milestone>?> ReadableMilestoneAsync(int id, UserContext user, CancellationToken ct)
    {
        var milestone = await db.Milestones.Include(m => m.Action).ThenInclude(a => a.Milestones)
            .Include(m => m.Action.Priority).ThenInclude(p => p.Edition).ThenInclude(e => e.Plan)
            .FirstOrDefaultAsync(m => m.Id == id, ct);
        return await InWindowAsync(Readable(milestone, user, milestone?.Action.Priority.Edition), milestone?.Action.Priority.Edition, user, ct);
    }

    /// <summary>What was found, with the refusal lead officers' input window gives the user today, if any.</summary>
    private async Task<Found<T>?> InWindowAsync<T>(Found<T>? found, PlanEdition? edition, UserContext user, CancellationToken ct) =>
        found is null || edition is null ? found : found with { InputRefusal = await reader.InputRefusalAsync(edition, found.PartnershipId, user, ct) };

    private static Found<T>? Readable<T>(T? item, UserContext user, PlanEdition? edition)
        where T : class =>
        item is not null && edition is not null && Permissions.CanReadEdition(user, edition, edition.Plan.PartnershipId) ? new(item, edition.Plan.PartnershipId) : null;

    private Task<EditResult<T>> SaveAsync<T>(T item, int? expectedVersion, int partnershipId, CancellationToken ct, Action? change = null)
        where T : class, IVersioned =>
        db.SaveEditAsync(item, expectedVersion, new EditSave(partnershipId, Describe(item)) { Change = change }, ct);

    private static string Describe(object item) => item switch
    {
        Priority => "priority",
        PlanAction => "action",
        Milestone => "milestone",
        _ => "item",
    };

    private static int NextSortOrder(IEnumerable<int> orders) => orders.DefaultIfEmpty(0).Max() + 1;

    /// <summary>
    /// The number a new action of priority <paramref name="priorityNumber"/> (<paramref name="priorityId"/>) takes when none is
    /// given: the priority's number, a dot, and the number after its actions' highest, or the next one no action of the
    /// edition has (an action numbered for another priority, from before the numbers had to follow their priority, keeps its number).
    /// </summary>
    private async Task<string> NextActionNumberAsync(int priorityNumber, int priorityId, int editionId, CancellationToken ct)
    {
        var numbers = await db.Actions.Where(a => a.Priority.EditionId == editionId).Select(a => new { a.PriorityId, a.Number }).ToListAsync(ct);
        var taken = numbers.Select(a => a.Number).ToHashSet(StringComparer.Ordinal);
        var place = numbers.Where(a => a.PriorityId == priorityId)
            .Select(a => a.Number.Split('.') is [_, var n] && int.TryParse(n, CultureInfo.InvariantCulture, out var i) ? i : 0).DefaultIfEmpty(0).Max() + 1;
        while (taken.Contains($"{priorityNumber}.{place}"))
        {
            place++;
        }

        return $"{priorityNumber}.{place}";
    }

    /// <summary>
    /// The code a new milestone of action <paramref name="actionNumber"/> (<paramref name="actionId"/>) takes when none is
    /// given: the action's number and the letter after its milestones' last, or the next letters no milestone of the edition has.
    /// </summary>
    private async Task<string> NextMilestoneCodeAsync(string actionNumber, int actionId, int editionId, CancellationToken ct)
    {
        var codes = await db.Milestones.Where(m => m.Action.Priority.EditionId == editionId).Select(m => new { m.ActionId, m.Code }).ToListAsync(ct);
        var taken = codes.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        var last = codes.Where(m => m.ActionId == actionId && m.Code.Length == actionNumber.Length + 1 && m.Code.StartsWith(actionNumber, StringComparison.Ordinal))
            .Select(m => m.Code[^1]).Where(char.IsAsciiLetterLower).DefaultIfEmpty((char)('a' - 1)).Max();
        var letters = Enumerable.Range(last + 1, 'z' - last).Select(c => ((char)c).ToString())
            .Concat(Enumerable.Range('a', 26).SelectMany(first => Enumerable.Range('a', 26).Select(second => $"{(char)first}{(char)second}")));
        return letters.Select(l => actionNumber + l).FirstOrDefault(c => !taken.Contains(c)) ?? $"{actionNumber}zz";
    }

    private static void Swap<T>(List<T> siblings, T item, MoveDirection direction)
        where T : class, ISorted
    {
        var sorted = siblings.OrderBy(s => s.SortOrder).ToList();
        var index = sorted.IndexOf(item);
        var other = direction == MoveDirection.Up ? index - 1 : index + 1;
        if (other < 0 || other >= sorted.Count)
        {
            return;
        }

        // Renumber all siblings so that gaps or duplicates from earlier edits cannot block the swap.
        (sorted[index], sorted[other]) = (sorted[other], sorted[index]);
        for (var i = 0; i < sorted.Count; i++)
        {
            if (sorted[i].SortOrder != i + 1)
            {
                sorted[i].SortOrder = i + 1;
            }
        }
    }

    /// <summary>What a plan item's check answers: the fields it writes, and the reason it gives when it amends an approved edition.</summary>
    private interface IPlanFields
    {
        string? Reason { get; }
    }

    private sealed record PriorityFields(
        int Number, string Title, PriorityKind Kind, string? Why, string? WhatWeWillDo, string? Approach, string? MeasuringSuccess, string? DataUsed,
        int? LeadOfficerId, ProtectiveMarking Marking, string? Reason) : IPlanFields;

    private sealed record ActionFields(
        string Number, string Text, string? LeadAgency, string? OtherPartners, int? BodyId, int? LeadOfficerId, string? CrossReferenceText,
        int? CrossReferencePriorityNumber, string? CrossReferenceActionNumber, string? Note, ProtectiveMarking Marking, int PriorityId, string? Reason) : IPlanFields;

    private sealed record MilestoneFields(
        string Code, string Text, string? Lead, int? LeadOfficerId, MeasurementKind MeasurementKind, string? Measurement, string? Source, string? Target,
        string? DueQuarters, ProtectiveMarking Marking, int ActionId, string? Reason) : IPlanFields;

    /// <summary>A priority's input checked against its edition (<paramref name="existing"/> is the priority changed, null for a new one).</summary>
    private async Task<EditResult<PriorityFields>> CheckFieldsAsync(PriorityInput input, PlanEdition edition, Priority? existing, int partnershipId, CancellationToken ct)
    {
        var check = new FieldCheck();
        var title = check.Required(nameof(input.Title), input.Title, TitleLength, "Enter the priority's title", "The priority's title");
        var why = check.OptionalText(nameof(input.Why), input.Why, NarrativeLength, "Why it is a priority");
        var whatWeWillDo = check.OptionalText(nameof(input.WhatWeWillDo), input.WhatWeWillDo, NarrativeLength, "What we will do");
        var approach = check.OptionalText(nameof(input.Approach), input.Approach, NarrativeLength, "Our approach");
        var measuringSuccess = check.OptionalText(nameof(input.MeasuringSuccess), input.MeasuringSuccess, NarrativeLength, "How we will measure success");
        var dataUsed = check.OptionalText(nameof(input.DataUsed), input.DataUsed, NarrativeLength, "The data we will use");
        var number = input.Number ?? 0;
        if (number is < 1 or > 99)
        {
            check.Add(nameof(input.Number), "Enter the priority's number, a whole number from 1 to 99");
        }
        else if (edition.Priorities.Any(p => p.Number == number && p.Id != existing?.Id))
        {
            check.Add(nameof(input.Number), $"Priority {number} already exists in this edition: enter a different number");
        }

        var kind = check.Chosen(nameof(input.Kind), input.Kind, "Select whether this is a priority or mainstreamed work");
        var marking = check.Chosen(nameof(input.Marking), input.Marking, MarkingMissing);
        var lead = await check.LeadOfficerAsync(db, input.LeadOfficerId, partnershipId, ct);
        var reason = Amendments.Reason(check, Permissions.NeedsAmendment(edition), input.AmendmentReason);
        return check.Result(() => new PriorityFields(number, title, kind, why, whatWeWillDo, approach, measuringSuccess, dataUsed, lead, marking, reason));
    }

    /// <summary>An action's input checked against its edition; its priority is the one it is under or moves to.</summary>
    private async Task<EditResult<ActionFields>> CheckFieldsAsync(ActionInput input, int priorityId, PlanEdition edition, PlanAction? existing, int partnershipId, CancellationToken ct)
    {
        var check = new FieldCheck();
        var text = check.Required(nameof(input.Text), input.Text, TextLength, "Enter what the action is", "The action");
        var leadAgency = check.OptionalText(nameof(input.LeadAgency), input.LeadAgency, TextLength, "The lead agency");
        var otherPartners = check.OptionalText(nameof(input.OtherPartners), input.OtherPartners, TextLength, "Other partners");
        var crossReference = check.OptionalText(nameof(input.CrossReferenceText), input.CrossReferenceText, TextLength, "The cross-reference");
        var note = check.OptionalText(nameof(input.Note), input.Note, TextLength, "The note");
        var marking = check.Chosen(nameof(input.Marking), input.Marking, MarkingMissing);
        var number = await CodeAsync(check, nameof(input.Number), input.Number, ActionNumberPattern(),
            "Enter the action number as the priority number, a dot and a number, like 1.3",
            n => db.Actions.AnyAsync(a => a.Number == n && a.Priority.EditionId == edition.Id && a.Id != (existing == null ? 0 : existing.Id), ct),
            n => $"Action {n} already exists in this edition: enter a different number");
        var priorityNumber = await db.Priorities.Where(p => p.Id == priorityId && p.EditionId == edition.Id).Select(p => (int?)p.Number).FirstOrDefaultAsync(ct);
        if (priorityNumber is null)
        {
            check.Add(nameof(input.PriorityId), "Choose a priority of the same edition: an action cannot move to another edition's plan");
        }
        else if (!check.Failed(nameof(input.Number)) && number != existing?.Number && !InPriority(number, priorityNumber.Value))
        {
            // Only a new number must follow its priority: one kept from before (after a merge, say) is left as it is.
            var example = await NextActionNumberAsync(priorityNumber.Value, priorityId, edition.Id, ct);
            check.Add(nameof(input.Number), $"Action numbers in Priority {priorityNumber} start with {priorityNumber}., like {example}");
        }

        if (input.CrossReferencePriorityNumber is { } refPriority && !await db.Priorities.AnyAsync(p => p.EditionId == edition.Id && p.Number == refPriority, ct))
        {
            check.Add(nameof(input.CrossReferencePriorityNumber), $"There is no priority {refPriority} in this edition to refer to");
        }

        var refAction = ReportText.Clean(input.CrossReferenceActionNumber);
        if (refAction is not null && !await db.Actions.AnyAsync(a => a.Priority.EditionId == edition.Id && a.Number == refAction, ct))
        {
            check.Add(nameof(input.CrossReferenceActionNumber), $"There is no action {refAction} in this edition to refer to");
        }

        if (input.BodyId is { } bodyId && !await db.Bodies.AnyAsync(b => b.Id == bodyId && b.Partnerships.Any(p => p.Id == partnershipId), ct))
        {
            check.Add(nameof(input.BodyId), "Choose one of the partnership's boards or task groups");
        }

        var lead = await check.LeadOfficerAsync(db, input.LeadOfficerId, partnershipId, ct);
        var reason = Amendments.Reason(check, Permissions.NeedsAmendment(edition), input.AmendmentReason);
        return check.Result(() => new ActionFields(
            number, text, leadAgency, otherPartners, input.BodyId, lead, crossReference, input.CrossReferencePriorityNumber, refAction, note, marking, priorityId, reason));
    }

    /// <summary>A milestone's input checked against its edition; its action is the one it is under or moves to.</summary>
    private async Task<EditResult<MilestoneFields>> CheckFieldsAsync(MilestoneInput input, int actionId, PlanEdition edition, Milestone? existing, int partnershipId, CancellationToken ct)
    {
        var check = new FieldCheck();
        var text = check.Required(nameof(input.Text), input.Text, TextLength, "Enter what the milestone is", "The milestone");
        var lead = check.OptionalText(nameof(input.Lead), input.Lead, TextLength, "The lead");
        var measurement = check.OptionalText(nameof(input.Measurement), input.Measurement, TextLength, "How it is measured");
        var source = check.OptionalText(nameof(input.Source), input.Source, TextLength, "The source");
        var target = check.OptionalText(nameof(input.Target), input.Target, TextLength, "The target");
        var kind = check.Chosen(nameof(input.MeasurementKind), input.MeasurementKind,
            "Select how the milestone is measured: yes or no, a count, a percentage, an amount of money, or text");
        var marking = check.Chosen(nameof(input.Marking), input.Marking, MarkingMissing);
        var code = await CodeAsync(check, nameof(input.Code), input.Code, MilestoneCodePattern(),
            "Enter the milestone code as the action number and a letter, like 1.3a",
            c => db.Milestones.AnyAsync(m => m.Code == c && m.Action.Priority.EditionId == edition.Id && m.Id != (existing == null ? 0 : existing.Id), ct),
            c => $"Milestone {c} already exists in this edition: enter a different code");
        var actionNumber = await db.Actions.Where(a => a.Id == actionId && a.Priority.EditionId == edition.Id).Select(a => a.Number).FirstOrDefaultAsync(ct);
        if (actionNumber is null)
        {
            check.Add(nameof(input.ActionId), "Choose an action of the same edition: a milestone cannot move to another edition's plan");
        }
        else if (!check.Failed(nameof(input.Code)) && code != existing?.Code && code.TrimEnd(LowerLetters) != actionNumber)
        {
            // Only a new code must follow its action: one kept from before is left as it is.
            var example = await NextMilestoneCodeAsync(actionNumber, actionId, edition.Id, ct);
            check.Add(nameof(input.Code), $"Milestone codes under action {actionNumber} start with {actionNumber}, like {example}");
        }

        var due = DueQuarters(check, input.DueQuarters, edition, existing?.DueQuarters);
        var officer = await check.LeadOfficerAsync(db, input.LeadOfficerId, partnershipId, ct);
        var reason = Amendments.Reason(check, Permissions.NeedsAmendment(edition), input.AmendmentReason);
        return check.Result(() => new MilestoneFields(code, text, lead, officer, kind, measurement, source, target, due, marking, actionId, reason));
    }

    private static readonly char[] LowerLetters = [.. Enumerable.Range('a', 26).Select(c => (char)c)];

    /// <summary>Whether an action number ("1.3") starts with the number of the priority it is under and a dot.</summary>
    private static bool InPriority(string number, int priorityNumber) =>
        number.Split('.') is [var first, _] && int.TryParse(first, CultureInfo.InvariantCulture, out var n) && n == priorityNumber;

    /// <summary>
    /// The quarters a milestone is due, in either form ("2010/11 Q2, 2010-11-q4"), as slugs separated by commas; null when none
    /// are given. Each is a quarter of the plan's years (April of its first to March of its last, or to the end of the
    /// edition's own year should that be later); one the milestone was due already (<paramref name="kept"/>) stays as it is.
    /// </summary>
    private static string? DueQuarters(FieldCheck check, string? text, PlanEdition edition, string? kept)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var quarters = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (quarters.FirstOrDefault(q => !ReportingPeriod.TryParse(q, out var p) || p.IsWholeYear) is { } bad)
        {
            check.Add(nameof(MilestoneInput.DueQuarters), $"'{bad}' is not a quarter: enter quarters like 2010/11 Q2, separated by commas");
            return null;
        }

        var plan = edition.Plan;
        var (first, last) = (ReportingPeriod.Of(Math.Min(plan.StartYear, edition.YearStart), 1), ReportingPeriod.Of(Math.Max(plan.EndYear - 1, edition.YearStart), 4));
        var already = kept?.Split(',') ?? [];
        if (quarters.Select(ReportingPeriod.Parse).FirstOrDefault(q => (q < first || q > last) && !already.Contains(q.Slug)) is { IsWholeYear: false } outside)
        {
            check.Add(nameof(MilestoneInput.DueQuarters), $"{outside.Display} is outside the plan's years, {plan.Span}: enter quarters from {first.Display} to {last.Display}");
            return null;
        }

        var slugs = string.Join(',', quarters.Select(q => ReportingPeriod.Parse(q).Slug));
        if (slugs.Length > DueQuartersLength)
        {
            check.Add(nameof(MilestoneInput.DueQuarters), "Enter at most 18 due quarters");
        }

        return slugs.Length == 0 ? null : slugs;
    }

    /// <summary>
    /// An action's number or a milestone's code, trimmed: written as <paramref name="pattern"/> says (else <paramref name="enter"/>),
    /// and no other item's in the edition (else <paramref name="taken"/>'s message).
    /// </summary>
    private static async Task<string> CodeAsync(
        FieldCheck check, string field, string? value, Regex pattern, string enter, Func<string, Task<bool>> isTaken, Func<string, string> taken)
    {
        var code = value?.Trim() ?? "";
        if (code.Length == 0 || !pattern.IsMatch(code))
        {
            check.Add(field, enter);
        }
        else if (await isTaken(code))
        {
            check.Add(field, taken(code));
        }

        return code;
    }
}
