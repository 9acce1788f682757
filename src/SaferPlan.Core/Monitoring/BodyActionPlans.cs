namespace SaferPlan.Core.Monitoring;

public sealed record BodyActionPlanInput
{
    /// <summary>The financial year; a new plan's only (a plan keeps its year).</summary>
    public ReportingPeriod? Year { get; init; }

    public string? Title { get; init; }

    public string? StrategicAim { get; init; }

    public string? PlanLead { get; init; }

    public ProtectiveMarking Marking { get; init; }
}

public sealed record BodyActionPlanItemInput
{
    public string? Heading { get; init; }

    public string? Number { get; init; }

    public string? Lead { get; init; }

    public string? Text { get; init; }

    public string? Milestones { get; init; }

    public ProtectiveMarking Marking { get; init; }
}

/// <summary>A plan's header as checked: what an add or change writes (<paramref name="Year"/> a new plan's only).</summary>
public sealed record BodyActionPlanFields(ReportingPeriod Year, string Title, string? StrategicAim, string? PlanLead, ProtectiveMarking Marking);

public sealed record BodyActionPlanItemFields(string? Heading, string Number, string? Lead, string Text, string? Milestones, ProtectiveMarking Marking);

/// <summary>
/// One item's progress for the quarter as typed on the quarter's form: blank text removes what was there.
/// <paramref name="Version"/> is the progress's version as read (0 when there was none).
/// </summary>
public sealed record BodyActionPlanProgressInput(int ItemId, string? Progress, ProtectiveMarking Marking, int Version);

/// <summary>
/// A task group's own action plans: the plan's header, its items under the group's priority headings, and each item's
/// quarterly progress. Kept by whoever may write the body's briefings and read by the members of the partnerships
/// it serves; the Board report shares it into each of them.
/// </summary>
public sealed class BodyActionPlanService(SaferPlanDbContext db)
{
    public const int TextLength = 4000;

    /// <summary>A body with the partnerships it serves, by its key.</summary>
    public Task<Body?> BodyAsync(string key, CancellationToken ct = default) =>
        db.Bodies.AsNoTracking().Include(b => b.Partnerships).FirstOrDefaultAsync(b => b.Key == key, ct);

    /// <summary>A body's action plans, newest year first, with their items.</summary>
    public async Task<IReadOnlyList<BodyActionPlan>> PlansOfBodyAsync(int bodyId, CancellationToken ct = default) =>
        (await db.Set<BodyActionPlan>().AsNoTracking().Include(p => p.Items).Where(p => p.BodyId == bodyId).ToListAsync(ct))
            .OrderByDescending(p => p.Year).ThenBy(p => p.Title, StringComparer.Ordinal).ToList();

    /// <summary>A body's plan with its items in order and every quarter's progress.</summary>
    public async Task<BodyActionPlan?> PlanAsync(int bodyId, int planId, CancellationToken ct = default)
    {
        var plan = await db.Set<BodyActionPlan>().AsNoTracking().Include(p => p.Items).ThenInclude(i => i.Progress)
            .FirstOrDefaultAsync(p => p.BodyId == bodyId && p.Id == planId, ct);
        plan?.Items.Sort((a, b) => a.SortOrder != b.SortOrder ? a.SortOrder.CompareTo(b.SortOrder) : a.Id.CompareTo(b.Id));
        return plan;
    }

    /// <summary>Adds a plan to a body (<paramref name="planId"/> null) or rewrites a plan's header.</summary>
    public async Task<EditResult<BodyActionPlan>> SavePlanAsync(string bodyKey, int? planId, BodyActionPlanInput input, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await WritableBodyAsync(bodyKey, user, ct) is not { } found)
        {
            return await RefusalAsync<BodyActionPlan>(bodyKey, ct);
        }

        var (body, auditPartnership) = found;
        BodyActionPlan? plan = null;
        if (planId is { } id && (plan = await db.Set<BodyActionPlan>().FirstOrDefaultAsync(p => p.Id == id && p.BodyId == body.Id, ct)) is null)
        {
            return EditResult<BodyActionPlan>.NotFound($"There is no action plan {id} of {body.Name}.");
        }

        if (CheckPlan(input, isNew: plan is null).Refused(out var fields, out EditResult<BodyActionPlan>? invalid))
        {
            return invalid;
        }

        var isNew = plan is null;
        if (plan is null)
        {
            plan = new BodyActionPlan { BodyId = body.Id, Year = fields.Year, Title = "" };
            db.Add(plan);
        }

        return await db.SaveEditAsync(plan, isNew ? null : expectedVersion, new EditSave(auditPartnership, "action plan")
        {
            Change = () => db.Write(plan, fields, nameof(fields.Year)),
        }, ct);
    }

    /// <summary>Every rule a plan's header must meet, saving nothing: what a form shows beside the boxes it could read.</summary>
    public static EditResult<BodyActionPlanFields> CheckPlan(BodyActionPlanInput input, bool isNew)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = new FieldCheck();
        if (isNew && input.Year is not { IsWholeYear: true })
        {
            check.Add(nameof(input.Year), "Enter the financial year the plan covers, like 2010-11");
        }

        var title = check.Required(nameof(input.Title), input.Title, FieldLengths.Name, "Enter the plan's title, like 2010-2011 Action Plan", "This");
        var aim = Optional(check, nameof(input.StrategicAim), input.StrategicAim, TextLength);
        var lead = Optional(check, nameof(input.PlanLead), input.PlanLead, FieldLengths.Name);
        return check.Result(() => new BodyActionPlanFields(input.Year.GetValueOrDefault(), title, aim, lead, input.Marking));
    }

    /// <summary>Adds an item at the end of a plan (<paramref name="itemId"/> null) or rewrites one.</summary>
    public async Task<EditResult<BodyActionPlanItem>> SaveItemAsync(string bodyKey, int planId, int? itemId, BodyActionPlanItemInput input, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if ((await ItemSlotAsync(bodyKey, planId, itemId, user, ct)).Refused(out var slot, out EditResult<BodyActionPlanItem>? refusal))
        {
            return refusal;
        }

        var (plan, item, auditPartnership) = slot;
        if (CheckItem(plan, item, input).Refused(out var fields, out refusal))
        {
            return refusal;
        }

        var isNew = item is null;
        if (item is null)
        {
            item = new BodyActionPlanItem { Number = "", Text = "", SortOrder = plan.Items.Select(i => i.SortOrder).DefaultIfEmpty(0).Max() + 1 };
            plan.Items.Add(item);
        }

        return await db.SaveEditAsync(item, isNew ? null : expectedVersion, new EditSave(auditPartnership, "action plan item")
        {
            Change = () => db.Write(item, fields),
        }, ct);
    }

    /// <summary>Every rule an item must meet, saving nothing: what a form shows beside the boxes it could read.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckItemAsync(string bodyKey, int planId, int? itemId, BodyActionPlanItemInput input, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = await ItemSlotAsync(bodyKey, planId, itemId, user, ct);
        return found.Succeeded ? CheckItem(found.Value.Plan, found.Value.Item, input).Errors : found.Errors;
    }

    /// <summary>Where an item goes: its plan (with its items) of a body the user may write for, and the item itself when it is not new.</summary>
    private sealed record ItemSlot(BodyActionPlan Plan, BodyActionPlanItem? Item, int AuditPartnership);

    private async Task<EditResult<ItemSlot>> ItemSlotAsync(string bodyKey, int planId, int? itemId, UserContext user, CancellationToken ct)
    {
        if (await WritableBodyAsync(bodyKey, user, ct) is not { } found)
        {
            return await RefusalAsync<ItemSlot>(bodyKey, ct);
        }

        var (body, auditPartnership) = found;
        var plan = await db.Set<BodyActionPlan>().Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == planId && p.BodyId == body.Id, ct);
        if (plan is null)
        {
            return EditResult<ItemSlot>.NotFound($"There is no action plan {planId} of {body.Name}.");
        }

        BodyActionPlanItem? item = null;
        if (itemId is { } id && (item = plan.Items.FirstOrDefault(i => i.Id == id)) is null)
        {
            return EditResult<ItemSlot>.NotFound($"There is no item {id} in {plan.Title}.");
        }

        return EditResult<ItemSlot>.Ok(new ItemSlot(plan, item, auditPartnership));
    }

    private static EditResult<BodyActionPlanItemFields> CheckItem(BodyActionPlan plan, BodyActionPlanItem? item, BodyActionPlanItemInput input)
    {
        var check = new FieldCheck();
        var heading = Optional(check, nameof(input.Heading), input.Heading, 400);
        var number = check.Required(nameof(input.Number), input.Number, 20, "Enter the item's number, like 1.10", "This");
        if (!check.Failed(nameof(input.Number)) && plan.Items.Any(i => i != item && string.Equals(i.Number, number, StringComparison.OrdinalIgnoreCase)))
        {
            check.Add(nameof(input.Number), $"The plan already has an item {number}: give this item another number");
        }

        var lead = Optional(check, nameof(input.Lead), input.Lead, FieldLengths.Name);
        var text = check.Required(nameof(input.Text), input.Text, TextLength, "Enter the action plan item, what the group will do", "This").ReplaceLineEndings("\n");
        var milestones = Optional(check, nameof(input.Milestones), input.Milestones, TextLength);
        return check.Result(() => new BodyActionPlanItemFields(heading, number, lead, text, milestones, input.Marking));
    }

    /// <summary>
    /// Saves a quarter's progress for the plan's items in one go: new text is added, changed text rewritten, blank text
    /// removes the item's progress. Each item's progress carries its own version, so nothing is saved when any of them
    /// changed since the form was read.
    /// </summary>
    public async Task<EditResult<BodyActionPlan>> SaveProgressAsync(string bodyKey, int planId, ReportingPeriod period, IReadOnlyList<BodyActionPlanProgressInput> progress, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (await WritableBodyAsync(bodyKey, user, ct) is not { } found)
        {
            return await RefusalAsync<BodyActionPlan>(bodyKey, ct);
        }

        var (body, auditPartnership) = found;
        var plan = await db.Set<BodyActionPlan>().Include(p => p.Items).ThenInclude(i => i.Progress).FirstOrDefaultAsync(p => p.Id == planId && p.BodyId == body.Id, ct);
        if (plan is null)
        {
            return EditResult<BodyActionPlan>.NotFound($"There is no action plan {planId} of {body.Name}.");
        }

        var errors = CheckProgress(plan, period, progress);
        if (errors.Count > 0)
        {
            return EditResult<BodyActionPlan>.Invalid(errors);
        }

        foreach (var p in progress)
        {
            var item = plan.Items.First(x => x.Id == p.ItemId);
            var existing = item.Progress.FirstOrDefault(x => x.Period == period);
            if (existing is not null && existing.Version != p.Version || existing is null && p.Version != 0)
            {
                db.ChangeTracker.Clear();
                return EditResult<BodyActionPlan>.Conflict($"The progress of item {item.Number} was changed by someone else after you opened this form. Nothing has been saved: reload the form to see their change, then make yours again.");
            }

            if (existing is not null)
            {
                db.Entry(existing).Property(nameof(IVersioned.Version)).OriginalValue = p.Version;
            }
        }

        return await db.SaveEditAsync(plan, null, new EditSave(auditPartnership, "quarter's progress")
        {
            Change = () => ApplyProgress(plan, period, progress),
            Concurrent = "Someone else saved progress for this plan while you were editing it. Nothing has been saved: reload the form to see their change, then make yours again.",
        }, ct);
    }

    /// <summary>What is wrong with a quarter's progress for the plan (its items loaded), keyed by the form's fields; nothing is saved.</summary>
    public static Dictionary<string, string> CheckProgress(BodyActionPlan plan, ReportingPeriod period, IReadOnlyList<BodyActionPlanProgressInput> progress)
    {
        var errors = new Dictionary<string, string>();
        if (period.IsWholeYear || period.FinancialYear != plan.Year)
        {
            errors["Period"] = $"Choose a quarter of the plan's year {plan.Year.Display}, like {ReportingPeriod.Of(plan.Year.StartYear, 4).Display}";
        }

        for (var i = 0; i < progress.Count; i++)
        {
            var p = progress[i];
            if (plan.Items.FirstOrDefault(x => x.Id == p.ItemId) is not { } item)
            {
                errors[$"Items[{i}].Progress"] = $"There is no item {p.ItemId} in {plan.Title}";
            }
            else
            {
                TextRules.TooLong(errors, $"Items[{i}].Progress", p.Progress, TextLength, $"The progress of item {item.Number}");
            }
        }

        return errors;
    }

    /// <summary>Adds, rewrites or (for blank text) removes each item's progress for the quarter.</summary>
    private void ApplyProgress(BodyActionPlan plan, ReportingPeriod period, IReadOnlyList<BodyActionPlanProgressInput> progress)
    {
        foreach (var p in progress)
        {
            var item = plan.Items.First(x => x.Id == p.ItemId);
            var existing = item.Progress.FirstOrDefault(x => x.Period == period);
            var text = Clean(p.Progress);
            if (text is null)
            {
                if (existing is not null)
                {
                    db.Remove(existing);
                }
            }
            else if (existing is null)
            {
                item.Progress.Add(new BodyActionPlanProgress { Period = period, Progress = text, Marking = p.Marking });
            }
            else
            {
                existing.Progress = text;
                existing.Marking = p.Marking;
            }
        }
    }

    /// <summary>The body, and the partnership whose audit trail records the change, when the user may write its plans.</summary>
    private async Task<(Body Body, int AuditPartnership)?> WritableBodyAsync(string bodyKey, UserContext user, CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().Include(b => b.Partnerships).FirstOrDefaultAsync(b => b.Key == bodyKey, ct);
        var served = body?.Partnerships.Select(p => p.Id).ToList() ?? [];
        if (body is null || !Permissions.CanWriteBodyActionPlan(user, served))
        {
            return null;
        }

        return (body, served.First(id => Permissions.CanWriteBodyActionPlan(user, [id])));
    }

    private async Task<EditResult<T>> RefusalAsync<T>(string bodyKey, CancellationToken ct)
    {
        var name = await db.Bodies.Where(b => b.Key == bodyKey).Select(b => b.Name).FirstOrDefaultAsync(ct);
        return name is null
            ? EditResult<T>.NotFound($"There is no body '{bodyKey}'.")
            : EditResult<T>.Forbidden($"Only support officers and administrators of a partnership that {name} serves can keep its action plan.");
    }

    // This form's words for a text too long: "This must be 4,000 characters or fewer".
    private static string? Optional(FieldCheck check, string field, string? text, int length) => check.OptionalText(field, text, length, "This");

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");
}
