using System.Text.RegularExpressions;
using SaferPlan.Core.Documents;
using SaferPlan.Core.Monitoring;

namespace SaferPlan.Core.Plans;

/// <summary>Creates, edits, reorders and deletes priorities, actions and milestones, checking who may and what is valid.</summary>
public sealed partial class PlanEditor(SaferPlanDbContext db, UpdateService updates)
{
    private const int TitleLength = 200;
    private const int TextLength = 4000;
    private const int NarrativeLength = 20000;
    private const int DueQuartersLength = 200;

    [GeneratedRegex(@"^\d{1,2}\.\d{1,2}$")]
    private static partial Regex ActionNumberPattern();

    [GeneratedRegex(@"^\d{1,2}\.\d{1,2}[a-z]{1,2}$")]
    private static partial Regex MilestoneCodePattern();

    public async Task<EditResult<Priority>> CreatePriorityAsync(int editionId, PriorityInput input, UserContext user, CancellationToken ct = default)
    {
        var check = await PrepareNewPriorityAsync(editionId, input, user, ct);
        if (check.Value is not (var edition, var valid))
        {
            return check.Refusal<Priority>();
        }

        var priority = new Priority { Title = "", EditionId = edition.Id, SortOrder = NextSortOrder(edition.Priorities.Select(p => p.SortOrder)) };
        Apply(priority, valid);
        db.Priorities.Add(priority);
        return await SaveAsync(priority, null, edition.Plan.PartnershipId, ct);
    }

    /// <summary>Every rule a new priority must meet, saving nothing: what a form shows beside the boxes it could read.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckNewPriorityAsync(int editionId, PriorityInput input, UserContext user, CancellationToken ct = default) =>
        (await PrepareNewPriorityAsync(editionId, input, user, ct)).Errors;

    private async Task<EditResult<Checked<PlanEdition, PriorityInput>>> PrepareNewPriorityAsync(int editionId, PriorityInput input, UserContext user, CancellationToken ct)
    {
        var edition = await db.Editions.Include(e => e.Plan).Include(e => e.Priorities).FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null || !Permissions.CanReadEdition(user, edition, edition.Plan.PartnershipId))
        {
            return EditResult<Checked<PlanEdition, PriorityInput>>.NotFound($"There is no plan edition {editionId}.");
        }

        var partnershipId = edition.Plan.PartnershipId;
        if (!Permissions.CanEditStructure(user, partnershipId))
        {
            return EditResult<Checked<PlanEdition, PriorityInput>>.Forbidden("Only the partnership's administrators and support officers can add priorities.");
        }

        var number = input.Number ?? (edition.Priorities.Count == 0 ? 1 : edition.Priorities.Max(p => p.Number) + 1);
        input = input with { Number = number };
        return Prepared(edition, input, await ValidatePriorityAsync(input, edition, null, partnershipId, ct));
    }

    public async Task<EditResult<Priority>> UpdatePriorityAsync(int id, PriorityInput input, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        var check = await PreparePriorityAsync(id, input, user, ct);
        if (check.Value is not (var priority, var valid))
        {
            return check.Refusal<Priority>();
        }

        return await SaveAsync(priority, expectedVersion, priority.Edition.Plan.PartnershipId, ct, () => Apply(priority, valid));
    }

    /// <summary>Every rule a change to a priority must meet, saving nothing.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckPriorityAsync(int id, PriorityInput input, UserContext user, CancellationToken ct = default) =>
        (await PreparePriorityAsync(id, input, user, ct)).Errors;

    private async Task<EditResult<Checked<Priority, PriorityInput>>> PreparePriorityAsync(int id, PriorityInput input, UserContext user, CancellationToken ct)
    {
        var priority = await db.Priorities.Include(p => p.Edition).ThenInclude(e => e.Plan).Include(p => p.Edition.Priorities).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (priority is null || !Permissions.CanReadEdition(user, priority.Edition, priority.Edition.Plan.PartnershipId))
        {
            return EditResult<Checked<Priority, PriorityInput>>.NotFound($"There is no priority {id}.");
        }

        var partnershipId = priority.Edition.Plan.PartnershipId;
        if (!Permissions.CanEdit(user, partnershipId, priority))
        {
            return EditResult<Checked<Priority, PriorityInput>>.Forbidden("You can only edit the priorities you lead.");
        }

        if (!Permissions.CanEditStructure(user, partnershipId) && (input.LeadOfficerId != priority.LeadOfficerId || input.Number != priority.Number))
        {
            return EditResult<Checked<Priority, PriorityInput>>.Forbidden("Only administrators and support officers can change a priority's number or lead officer.");
        }

        return Permissions.MayChangeMarking(user, partnershipId, priority.Marking, input.Marking)
            ? Prepared(priority, input, await ValidatePriorityAsync(input, priority.Edition, priority, partnershipId, ct))
            : MarkingRefused<Priority, PriorityInput>();
    }

    public async Task<EditResult<Priority>> DeletePriorityAsync(int id, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        var priority = await db.Priorities.Include(p => p.Edition).ThenInclude(e => e.Plan)
            .Include(p => p.Actions).ThenInclude(a => a.Milestones).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (priority is null || !Permissions.CanReadEdition(user, priority.Edition, priority.Edition.Plan.PartnershipId))
        {
            return EditResult<Priority>.NotFound($"There is no priority {id}.");
        }

        var partnershipId = priority.Edition.Plan.PartnershipId;
        if (!Permissions.CanEditStructure(user, partnershipId))
        {
            return EditResult<Priority>.Forbidden("Only the partnership's administrators and support officers can delete priorities.");
        }

        var milestones = priority.Actions.SelectMany(a => a.Milestones).ToList();
        var removeUpdates = await updates.RemovalOfUpdatesAsync(milestones.Select(m => m.Id), ct);
        return await SaveAsync(priority, expectedVersion, partnershipId, ct, () =>
        {
            removeUpdates();
            db.Milestones.RemoveRange(milestones);
            db.Actions.RemoveRange(priority.Actions);
            db.Priorities.Remove(priority);
        });
    }

    public async Task<EditResult<Priority>> MovePriorityAsync(int id, MoveDirection direction, UserContext user, CancellationToken ct = default)
    {
        var priority = await db.Priorities.Include(p => p.Edition).ThenInclude(e => e.Plan).Include(p => p.Edition.Priorities).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (priority is null || !Permissions.CanReadEdition(user, priority.Edition, priority.Edition.Plan.PartnershipId))
        {
            return EditResult<Priority>.NotFound($"There is no priority {id}.");
        }

        var partnershipId = priority.Edition.Plan.PartnershipId;
        if (!Permissions.CanEditStructure(user, partnershipId))
        {
            return EditResult<Priority>.Forbidden("Only the partnership's administrators and support officers can reorder priorities.");
        }

        Swap(priority.Edition.Priorities, priority, p => p.SortOrder, (p, v) => p.SortOrder = v, direction);
        return await SaveAsync(priority, null, partnershipId, ct);
    }

    public async Task<EditResult<PlanAction>> CreateActionAsync(int priorityId, ActionInput input, UserContext user, CancellationToken ct = default)
    {
        var check = await PrepareNewActionAsync(priorityId, input, user, ct);
        if (check.Value is not (var priority, var valid))
        {
            return check.Refusal<PlanAction>();
        }

        var action = new PlanAction { Number = valid.Number!, Text = "", PriorityId = priority.Id, SortOrder = NextSortOrder(priority.Actions.Select(a => a.SortOrder)) };
        Apply(action, valid);
        db.Actions.Add(action);
        return await SaveAsync(action, null, priority.Edition.Plan.PartnershipId, ct);
    }

    /// <summary>Every rule a new action must meet, saving nothing.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckNewActionAsync(int priorityId, ActionInput input, UserContext user, CancellationToken ct = default) =>
        (await PrepareNewActionAsync(priorityId, input, user, ct)).Errors;

    private async Task<EditResult<Checked<Priority, ActionInput>>> PrepareNewActionAsync(int priorityId, ActionInput input, UserContext user, CancellationToken ct)
    {
        var priority = await LoadPriorityAsync(priorityId, ct);
        if (priority is null || !Permissions.CanReadEdition(user, priority.Edition, priority.Edition.Plan.PartnershipId))
        {
            return EditResult<Checked<Priority, ActionInput>>.NotFound($"There is no priority {priorityId}.");
        }

        var partnershipId = priority.Edition.Plan.PartnershipId;
        if (!Permissions.CanEdit(user, partnershipId, priority))
        {
            return EditResult<Checked<Priority, ActionInput>>.Forbidden("You can only add actions to a priority you lead.");
        }

        if (input.LeadOfficerId is not null && !Permissions.CanEditStructure(user, partnershipId))
        {
            return EditResult<Checked<Priority, ActionInput>>.Forbidden("Only administrators and support officers can name an action's lead officer.");
        }

        var number = string.IsNullOrWhiteSpace(input.Number) ? NextActionNumber(priority) : input.Number.Trim();
        input = input with { Number = number, PriorityId = priority.Id };
        return Prepared(priority, input, await ValidateActionAsync(input, priority.Edition, null, partnershipId, ct));
    }

    public async Task<EditResult<PlanAction>> UpdateActionAsync(int id, ActionInput input, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        var check = await PrepareActionAsync(id, input, user, ct);
        if (check.Value is not (var action, var valid))
        {
            return check.Refusal<PlanAction>();
        }

        var target = valid.PriorityId == action.PriorityId ? null : await db.Priorities.Include(p => p.Actions).FirstAsync(p => p.Id == valid.PriorityId, ct);
        return await SaveAsync(action, expectedVersion, action.Priority.Edition.Plan.PartnershipId, ct, () =>
        {
            if (target is not null)
            {
                action.SortOrder = NextSortOrder(target.Actions.Select(a => a.SortOrder));
            }

            Apply(action, valid);
        });
    }

    /// <summary>Every rule a change to an action must meet, saving nothing.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckActionAsync(int id, ActionInput input, UserContext user, CancellationToken ct = default) =>
        (await PrepareActionAsync(id, input, user, ct)).Errors;

    private async Task<EditResult<Checked<PlanAction, ActionInput>>> PrepareActionAsync(int id, ActionInput input, UserContext user, CancellationToken ct)
    {
        var action = await ReadableActionAsync(id, user, ct);
        if (action is null)
        {
            return EditResult<Checked<PlanAction, ActionInput>>.NotFound($"There is no action {id}.");
        }

        var priority = action.Priority;
        var partnershipId = priority.Edition.Plan.PartnershipId;
        if (!Permissions.CanEdit(user, partnershipId, priority, action))
        {
            return EditResult<Checked<PlanAction, ActionInput>>.Forbidden("You can only edit the actions you lead, or those under a priority you lead.");
        }

        input = input with { PriorityId = input.PriorityId ?? action.PriorityId };
        if (!Permissions.CanEditStructure(user, partnershipId) && (input.LeadOfficerId != action.LeadOfficerId || input.PriorityId != action.PriorityId))
        {
            return EditResult<Checked<PlanAction, ActionInput>>.Forbidden("Only administrators and support officers can change an action's lead officer or move it to another priority.");
        }

        return Permissions.MayChangeMarking(user, partnershipId, action.Marking, input.Marking)
            ? Prepared(action, input, await ValidateActionAsync(input, priority.Edition, action, partnershipId, ct))
            : MarkingRefused<PlanAction, ActionInput>();
    }

    public async Task<EditResult<PlanAction>> DeleteActionAsync(int id, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        var action = await ReadableActionAsync(id, user, ct);
        if (action is null)
        {
            return EditResult<PlanAction>.NotFound($"There is no action {id}.");
        }

        var partnershipId = action.Priority.Edition.Plan.PartnershipId;
        if (!Permissions.CanEdit(user, partnershipId, action.Priority))
        {
            return EditResult<PlanAction>.Forbidden("You can only delete actions under a priority you lead.");
        }

        var removeUpdates = await updates.RemovalOfUpdatesAsync(action.Milestones.Select(m => m.Id), ct);
        return await SaveAsync(action, expectedVersion, partnershipId, ct, () =>
        {
            removeUpdates();
            db.Milestones.RemoveRange(action.Milestones);
            db.Actions.Remove(action);
        });
    }

    public async Task<EditResult<PlanAction>> MoveActionAsync(int id, MoveDirection direction, UserContext user, CancellationToken ct = default)
    {
        var action = await ReadableActionAsync(id, user, ct);
        if (action is null)
        {
            return EditResult<PlanAction>.NotFound($"There is no action {id}.");
        }

        var partnershipId = action.Priority.Edition.Plan.PartnershipId;
        if (!Permissions.CanEdit(user, partnershipId, action.Priority))
        {
            return EditResult<PlanAction>.Forbidden("You can only reorder actions under a priority you lead.");
        }

        Swap(action.Priority.Actions, action, a => a.SortOrder, (a, v) => a.SortOrder = v, direction);
        return await SaveAsync(action, null, partnershipId, ct);
    }

    public async Task<EditResult<Milestone>> CreateMilestoneAsync(int actionId, MilestoneInput input, UserContext user, CancellationToken ct = default)
    {
        var check = await PrepareNewMilestoneAsync(actionId, input, user, ct);
        if (check.Value is not (var action, var valid))
        {
            return check.Refusal<Milestone>();
        }

        var milestone = new Milestone { Code = valid.Code!, Text = "", ActionId = action.Id, SortOrder = NextSortOrder(action.Milestones.Select(m => m.SortOrder)) };
        Apply(milestone, valid);
        db.Milestones.Add(milestone);
        return await SaveAsync(milestone, null, action.Priority.Edition.Plan.PartnershipId, ct);
    }

    /// <summary>Every rule a new milestone must meet, saving nothing.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckNewMilestoneAsync(int actionId, MilestoneInput input, UserContext user, CancellationToken ct = default) =>
        (await PrepareNewMilestoneAsync(actionId, input, user, ct)).Errors;

    private async Task<EditResult<Checked<PlanAction, MilestoneInput>>> PrepareNewMilestoneAsync(int actionId, MilestoneInput input, UserContext user, CancellationToken ct)
    {
        var action = await ReadableActionAsync(actionId, user, ct);
        if (action is null)
        {
            return EditResult<Checked<PlanAction, MilestoneInput>>.NotFound($"There is no action {actionId}.");
        }

        var partnershipId = action.Priority.Edition.Plan.PartnershipId;
        if (!Permissions.CanEdit(user, partnershipId, action.Priority, action))
        {
            return EditResult<Checked<PlanAction, MilestoneInput>>.Forbidden("You can only add milestones to an action you lead.");
        }

        if (input.LeadOfficerId is not null && !Permissions.CanEditStructure(user, partnershipId))
        {
            return EditResult<Checked<PlanAction, MilestoneInput>>.Forbidden("Only administrators and support officers can name a milestone's lead officer.");
        }

        var code = string.IsNullOrWhiteSpace(input.Code) ? NextMilestoneCode(action) : input.Code.Trim();
        input = input with { Code = code, ActionId = action.Id };
        return Prepared(action, input, await ValidateMilestoneAsync(input, action.Priority.Edition, null, partnershipId, ct));
    }

    public async Task<EditResult<Milestone>> UpdateMilestoneAsync(int id, MilestoneInput input, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        var check = await PrepareMilestoneAsync(id, input, user, ct);
        if (check.Value is not (var milestone, var valid))
        {
            return check.Refusal<Milestone>();
        }

        var target = valid.ActionId == milestone.ActionId ? null : await db.Actions.Include(a => a.Milestones).FirstAsync(a => a.Id == valid.ActionId, ct);
        return await SaveAsync(milestone, expectedVersion, milestone.Action.Priority.Edition.Plan.PartnershipId, ct, () =>
        {
            if (target is not null)
            {
                milestone.SortOrder = NextSortOrder(target.Milestones.Select(m => m.SortOrder));
            }

            Apply(milestone, valid);
        });
    }

    /// <summary>Every rule a change to a milestone must meet, saving nothing.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckMilestoneAsync(int id, MilestoneInput input, UserContext user, CancellationToken ct = default) =>
        (await PrepareMilestoneAsync(id, input, user, ct)).Errors;

    private async Task<EditResult<Checked<Milestone, MilestoneInput>>> PrepareMilestoneAsync(int id, MilestoneInput input, UserContext user, CancellationToken ct)
    {
        var milestone = await ReadableMilestoneAsync(id, user, ct);
        if (milestone is null)
        {
            return EditResult<Checked<Milestone, MilestoneInput>>.NotFound($"There is no milestone {id}.");
        }

        var action = milestone.Action;
        var partnershipId = action.Priority.Edition.Plan.PartnershipId;
        if (!Permissions.CanEdit(user, partnershipId, action.Priority, action, milestone))
        {
            return EditResult<Checked<Milestone, MilestoneInput>>.Forbidden("You can only edit the milestones you lead, or those under an action or priority you lead.");
        }

        input = input with { ActionId = input.ActionId ?? milestone.ActionId };
        if (!Permissions.CanEditStructure(user, partnershipId) && (input.LeadOfficerId != milestone.LeadOfficerId || input.ActionId != milestone.ActionId))
        {
            return EditResult<Checked<Milestone, MilestoneInput>>.Forbidden("Only administrators and support officers can change a milestone's lead officer or move it to another action.");
        }

        return Permissions.MayChangeMarking(user, partnershipId, milestone.Marking, input.Marking)
            ? Prepared(milestone, input, await ValidateMilestoneAsync(input, action.Priority.Edition, milestone, partnershipId, ct))
            : MarkingRefused<Milestone, MilestoneInput>();
    }

    public async Task<EditResult<Milestone>> DeleteMilestoneAsync(int id, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        var milestone = await ReadableMilestoneAsync(id, user, ct);
        if (milestone is null)
        {
            return EditResult<Milestone>.NotFound($"There is no milestone {id}.");
        }

        var action = milestone.Action;
        var partnershipId = action.Priority.Edition.Plan.PartnershipId;
        if (!Permissions.CanEdit(user, partnershipId, action.Priority, action))
        {
            return EditResult<Milestone>.Forbidden("You can only delete milestones under an action or priority you lead.");
        }

        var removeUpdates = await updates.RemovalOfUpdatesAsync([milestone.Id], ct);
        return await SaveAsync(milestone, expectedVersion, partnershipId, ct, () =>
        {
            removeUpdates();
            db.Milestones.Remove(milestone);
        });
    }

    public async Task<EditResult<Milestone>> MoveMilestoneAsync(int id, MoveDirection direction, UserContext user, CancellationToken ct = default)
    {
        var milestone = await ReadableMilestoneAsync(id, user, ct);
        if (milestone is null)
        {
            return EditResult<Milestone>.NotFound($"There is no milestone {id}.");
        }

        var action = milestone.Action;
        var partnershipId = action.Priority.Edition.Plan.PartnershipId;
        if (!Permissions.CanEdit(user, partnershipId, action.Priority, action))
        {
            return EditResult<Milestone>.Forbidden("You can only reorder milestones under an action or priority you lead.");
        }

        Swap(action.Milestones, milestone, m => m.SortOrder, (m, v) => m.SortOrder = v, direction);
        return await SaveAsync(milestone, null, partnershipId, ct);
    }

    /// <summary>What an edit was checked against (the item, or the parent a new one goes under) with its input made whole.</summary>
    private sealed record Checked<TItem, TInput>(TItem Item, TInput Input);

    private static EditResult<Checked<TItem, TInput>> Prepared<TItem, TInput>(TItem item, TInput input, Dictionary<string, string> errors) =>
        errors.Count > 0 ? EditResult<Checked<TItem, TInput>>.Invalid(errors) : EditResult<Checked<TItem, TInput>>.Ok(new(item, input));

    private static EditResult<Checked<TItem, TInput>> MarkingRefused<TItem, TInput>() =>
        EditResult<Checked<TItem, TInput>>.Invalid(new Dictionary<string, string> { ["Marking"] = Permissions.LowerMarkingRefused });

    private Task<Priority?> LoadPriorityAsync(int id, CancellationToken ct) =>
        db.Priorities.Include(p => p.Edition).ThenInclude(e => e.Plan).Include(p => p.Actions).FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>The action with its milestones, priority, edition and plan; null when there is none or the user may not read its edition.</summary>
    private async Task<PlanAction?> ReadableActionAsync(int id, UserContext user, CancellationToken ct)
    {
        var action = await db.Actions.Include(a => a.Milestones).Include(a => a.Priority).ThenInclude(p => p.Edition).ThenInclude(e => e.Plan)
            .Include(a => a.Priority.Actions).FirstOrDefaultAsync(a => a.Id == id, ct);
        return action is not null && Permissions.CanReadEdition(user, action.Priority.Edition, action.Priority.Edition.Plan.PartnershipId) ? action : null;
    }

    /// <summary>The milestone with its siblings, action, priority, edition and plan; null when there is none or the user may not read its edition.</summary>
    private async Task<Milestone?> ReadableMilestoneAsync(int id, UserContext user, CancellationToken ct)
    {
        var milestone = await db.Milestones.Include(m => m.Action).ThenInclude(a => a.Milestones)
            .Include(m => m.Action.Priority).ThenInclude(p => p.Edition).ThenInclude(e => e.Plan)
            .FirstOrDefaultAsync(m => m.Id == id, ct);
        return milestone is not null && Permissions.CanReadEdition(user, milestone.Action.Priority.Edition, milestone.Action.Priority.Edition.Plan.PartnershipId) ? milestone : null;
    }

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

    private static string NextActionNumber(Priority priority)
    {
        var used = priority.Actions.Select(a => a.Number.Split('.') is [_, var n] && int.TryParse(n, CultureInfo.InvariantCulture, out var i) ? i : 0);
        return $"{priority.Number}.{used.DefaultIfEmpty(0).Max() + 1}";
    }

    private static string NextMilestoneCode(PlanAction action)
    {
        var letters = action.Milestones.Select(m => m.Code.Length > action.Number.Length ? m.Code[action.Number.Length..] : "")
            .Where(l => l.Length == 1).Select(l => l[0]).DefaultIfEmpty((char)('a' - 1)).Max();
        return letters >= 'z' ? $"{action.Number}z{action.Milestones.Count}" : $"{action.Number}{(char)(letters + 1)}";
    }

    private static void Swap<T>(List<T> siblings, T item, Func<T, int> order, Action<T, int> setOrder, MoveDirection direction)
    {
        var sorted = siblings.OrderBy(order).ToList();
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
            if (order(sorted[i]) != i + 1)
            {
                setOrder(sorted[i], i + 1);
            }
        }
    }

    private static void Apply(Priority p, PriorityInput input)
    {
        p.Number = input.Number ?? p.Number;
        p.Title = ReportText.Name(input.Title)!;
        p.Kind = input.Kind;
        p.Why = Clean(input.Why);
        p.WhatWeWillDo = Clean(input.WhatWeWillDo);
        p.Approach = Clean(input.Approach);
        p.MeasuringSuccess = Clean(input.MeasuringSuccess);
        p.DataUsed = Clean(input.DataUsed);
        p.LeadOfficerId = input.LeadOfficerId;
        p.Marking = input.Marking;
    }

    private static void Apply(PlanAction a, ActionInput input)
    {
        a.Number = ReportText.Name(input.Number)!;
        a.Text = ReportText.Name(input.Text)!;
        a.LeadAgency = Clean(input.LeadAgency);
        a.OtherPartners = Clean(input.OtherPartners);
        a.BodyId = input.BodyId;
        a.LeadOfficerId = input.LeadOfficerId;
        a.CrossReferenceText = Clean(input.CrossReferenceText);
        a.CrossReferencePriorityNumber = input.CrossReferencePriorityNumber;
        a.CrossReferenceActionNumber = Clean(input.CrossReferenceActionNumber);
        a.Note = Clean(input.Note);
        a.Marking = input.Marking;
        a.PriorityId = input.PriorityId ?? a.PriorityId;
    }

    private static void Apply(Milestone m, MilestoneInput input)
    {
        m.Code = ReportText.Name(input.Code)!;
        m.Text = ReportText.Name(input.Text)!;
        m.Lead = Clean(input.Lead);
        m.LeadOfficerId = input.LeadOfficerId;
        m.MeasurementKind = input.MeasurementKind;
        m.Measurement = Clean(input.Measurement);
        m.Source = Clean(input.Source);
        m.Target = Clean(input.Target);
        m.DueQuarters = NormaliseQuarters(input.DueQuarters);
        m.Marking = input.Marking;
        m.ActionId = input.ActionId ?? m.ActionId;
    }

    // Control characters pasted from Word (a vertical tab for a line break) become spaces here, as they are kept.
    private static string? Clean(string? text) => ReportText.Clean(text)?.ReplaceLineEndings("\n");

    private static string? NormaliseQuarters(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : string.Join(',', text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(q => ReportingPeriod.Parse(q).Slug));

    private async Task<Dictionary<string, string>> ValidatePriorityAsync(PriorityInput input, PlanEdition edition, Priority? existing, int partnershipId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        Required(errors, nameof(input.Title), input.Title, "Enter the priority's title");
        MaxLength(errors, nameof(input.Title), input.Title, TitleLength, "The priority's title");
        MaxLength(errors, nameof(input.Why), input.Why, NarrativeLength, "Why it is a priority");
        MaxLength(errors, nameof(input.WhatWeWillDo), input.WhatWeWillDo, NarrativeLength, "What we will do");
        MaxLength(errors, nameof(input.Approach), input.Approach, NarrativeLength, "Our approach");
        MaxLength(errors, nameof(input.MeasuringSuccess), input.MeasuringSuccess, NarrativeLength, "How we will measure success");
        MaxLength(errors, nameof(input.DataUsed), input.DataUsed, NarrativeLength, "The data we will use");
        if (input.Number is not { } number || number is < 1 or > 99)
        {
            errors[nameof(input.Number)] = "Enter the priority's number, a whole number from 1 to 99";
        }
        else if (edition.Priorities.Any(p => p.Number == number && p.Id != existing?.Id))
        {
            errors[nameof(input.Number)] = $"Priority {number} already exists in this edition: enter a different number";
        }

        if (!Enum.IsDefined(input.Kind))
        {
            errors[nameof(input.Kind)] = "Select whether this is a priority or mainstreamed work";
        }

        if (!Enum.IsDefined(input.Marking))
        {
            errors[nameof(input.Marking)] = "Select the protective marking: Official or Restricted";
        }

        await CheckPersonAsync(errors, nameof(input.LeadOfficerId), input.LeadOfficerId, partnershipId, ct);
        return errors;
    }

    private async Task<Dictionary<string, string>> ValidateActionAsync(ActionInput input, PlanEdition edition, PlanAction? existing, int partnershipId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        Required(errors, nameof(input.Text), input.Text, "Enter what the action is");
        MaxLength(errors, nameof(input.Text), input.Text, TextLength, "The action");
        MaxLength(errors, nameof(input.LeadAgency), input.LeadAgency, TextLength, "The lead agency");
        MaxLength(errors, nameof(input.OtherPartners), input.OtherPartners, TextLength, "Other partners");
        MaxLength(errors, nameof(input.CrossReferenceText), input.CrossReferenceText, TextLength, "The cross-reference");
        MaxLength(errors, nameof(input.Note), input.Note, TextLength, "The note");
        if (!Enum.IsDefined(input.Marking))
        {
            errors[nameof(input.Marking)] = "Select the protective marking: Official or Restricted";
        }

        var number = input.Number?.Trim();
        if (string.IsNullOrEmpty(number) || !ActionNumberPattern().IsMatch(number))
        {
            errors[nameof(input.Number)] = "Enter the action number as the priority number, a dot and a number, like 1.3";
        }
        else if (await db.Actions.AnyAsync(a => a.Number == number && a.Priority.EditionId == edition.Id && a.Id != (existing == null ? 0 : existing.Id), ct))
        {
            errors[nameof(input.Number)] = $"Action {number} already exists in this edition: enter a different number";
        }

        if (input.PriorityId is { } priorityId
            && !await db.Priorities.AnyAsync(p => p.Id == priorityId && p.EditionId == edition.Id, ct))
        {
            errors[nameof(input.PriorityId)] = "Choose a priority of the same edition: an action cannot move to another edition's plan";
        }

        if (input.CrossReferencePriorityNumber is { } refPriority
            && !await db.Priorities.AnyAsync(p => p.EditionId == edition.Id && p.Number == refPriority, ct))
        {
            errors[nameof(input.CrossReferencePriorityNumber)] = $"There is no priority {refPriority} in this edition to refer to";
        }

        if (Clean(input.CrossReferenceActionNumber) is { } refAction
            && !await db.Actions.AnyAsync(a => a.Priority.EditionId == edition.Id && a.Number == refAction, ct))
        {
            errors[nameof(input.CrossReferenceActionNumber)] = $"There is no action {refAction} in this edition to refer to";
        }

        if (input.BodyId is { } bodyId && !await db.Bodies.AnyAsync(b => b.Id == bodyId && b.Partnerships.Any(p => p.Id == partnershipId), ct))
        {
            errors[nameof(input.BodyId)] = "Choose one of the partnership's boards or task groups";
        }

        await CheckPersonAsync(errors, nameof(input.LeadOfficerId), input.LeadOfficerId, partnershipId, ct);
        return errors;
    }

    private async Task<Dictionary<string, string>> ValidateMilestoneAsync(MilestoneInput input, PlanEdition edition, Milestone? existing, int partnershipId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        Required(errors, nameof(input.Text), input.Text, "Enter what the milestone is");
        MaxLength(errors, nameof(input.Text), input.Text, TextLength, "The milestone");
        MaxLength(errors, nameof(input.Lead), input.Lead, TextLength, "The lead");
        MaxLength(errors, nameof(input.Measurement), input.Measurement, TextLength, "How it is measured");
        MaxLength(errors, nameof(input.Source), input.Source, TextLength, "The source");
        MaxLength(errors, nameof(input.Target), input.Target, TextLength, "The target");
        if (!Enum.IsDefined(input.MeasurementKind))
        {
            errors[nameof(input.MeasurementKind)] = "Select how the milestone is measured: yes or no, a count, a percentage, an amount of money, or text";
        }

        if (!Enum.IsDefined(input.Marking))
        {
            errors[nameof(input.Marking)] = "Select the protective marking: Official or Restricted";
        }

        var code = input.Code?.Trim();
        if (string.IsNullOrEmpty(code) || !MilestoneCodePattern().IsMatch(code))
        {
            errors[nameof(input.Code)] = "Enter the milestone code as the action number and a letter, like 1.3a";
        }
        else if (await db.Milestones.AnyAsync(m => m.Code == code && m.Action.Priority.EditionId == edition.Id && m.Id != (existing == null ? 0 : existing.Id), ct))
        {
            errors[nameof(input.Code)] = $"Milestone {code} already exists in this edition: enter a different code";
        }

        if (input.ActionId is { } actionId
            && !await db.Actions.AnyAsync(a => a.Id == actionId && a.Priority.EditionId == edition.Id, ct))
        {
            errors[nameof(input.ActionId)] = "Choose an action of the same edition: a milestone cannot move to another edition's plan";
        }

        if (!string.IsNullOrWhiteSpace(input.DueQuarters))
        {
            var bad = input.DueQuarters.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault(q => !ReportingPeriod.TryParse(q, out var p) || p.IsWholeYear);
            if (bad is not null)
            {
                errors[nameof(input.DueQuarters)] = $"'{bad}' is not a quarter: enter quarters like 2010/11 Q2, separated by commas";
            }
            else if (NormaliseQuarters(input.DueQuarters)!.Length > DueQuartersLength)
            {
                errors[nameof(input.DueQuarters)] = "Enter at most 18 due quarters";
            }
        }

        await CheckPersonAsync(errors, nameof(input.LeadOfficerId), input.LeadOfficerId, partnershipId, ct);
        return errors;
    }

    private async Task CheckPersonAsync(Dictionary<string, string> errors, string field, int? personId, int partnershipId, CancellationToken ct)
    {
        if (personId is { } id && !await db.People.AnyAsync(p => p.Id == id && p.PartnershipId == partnershipId, ct))
        {
            errors[field] = "Choose a lead officer from the partnership's people";
        }
    }

    private static void Required(Dictionary<string, string> errors, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = message;
        }
    }

    private static void MaxLength(Dictionary<string, string> errors, string field, string? value, int max, string what)
    {
        if (value is not null && value.Trim().Length > max && !errors.ContainsKey(field))
        {
            errors[field] = $"{what} must be {max.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer";
        }
    }
}
