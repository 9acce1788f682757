using SaferPlan.Core.Crime;
using SaferPlan.Core.Documents;

namespace SaferPlan.Core.Indicators;

/// <summary>
/// Creates, edits and deletes indicators, their manual values, baselines, targets and links, checking who may
/// (<see cref="Permissions.CanEditIndicators"/>) and what is valid. Every write carries the version the editor read,
/// is refused if someone saved since, and reaches the audit trail, which keeps every earlier value.
/// </summary>
public sealed class IndicatorEditor(SaferPlanDbContext db, TimeProvider time)
{
    private const int CodeLength = 40;
    private const int NameLength = 400;
    private const int DescriptionLength = 4000;
    private const int SourceLength = 400;
    private const int CommentLength = 4000;
    private const int WordingLength = 1000;

    /// <summary>The largest magnitude a value may have (the columns hold 18 digits, 4 after the point).</summary>
    private const decimal Largest = 99_999_999_999_999m;

    private const string NotAllowed = "Only the partnership's administrators, support officers and analysts can change indicators.";

    public Task<EditResult<Indicator>> CreateIndicatorAsync(int partnershipId, IndicatorInput input, UserContext user, CancellationToken ct = default) =>
        SaveNewAsync(NewIndicatorAsync(partnershipId, input, user, ct), "indicator", ct);

    /// <summary>
    /// Every rule a new indicator must meet, saving nothing: what a form shows beside the boxes it could read. The same
    /// holds for each <c>Check…</c> method; each applies the rules of the edit it is named for and leaves nothing changed.
    /// </summary>
    public Task<IReadOnlyDictionary<string, string>> CheckNewIndicatorAsync(int partnershipId, IndicatorInput input, UserContext user, CancellationToken ct = default) =>
        CheckedAsync(NewIndicatorAsync(partnershipId, input, user, ct));

    private async Task<EditResult<Prepared<Indicator>>> NewIndicatorAsync(int partnershipId, IndicatorInput input, UserContext user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct))
        {
            return EditResult<Prepared<Indicator>>.NotFound($"There is no partnership {partnershipId}.");
        }

        if (!Permissions.CanEditIndicators(user, partnershipId))
        {
            return EditResult<Prepared<Indicator>>.Forbidden(NotAllowed);
        }

        var indicator = new Indicator { PartnershipId = partnershipId, Code = "", Name = "" };
        var errors = await ApplyAsync(indicator, input, ct);
        if (errors.Count > 0)
        {
            return EditResult<Prepared<Indicator>>.Invalid(errors);
        }

        indicator.SortOrder = (await db.Set<Indicator>().Where(i => i.PartnershipId == partnershipId).MaxAsync(i => (int?)i.SortOrder, ct) ?? 0) + 1;
        return EditResult<Prepared<Indicator>>.Ok(new(indicator, partnershipId));
    }

    public Task<EditResult<Indicator>> UpdateIndicatorAsync(int id, IndicatorInput input, int expectedVersion, UserContext user, CancellationToken ct = default) =>
        SaveChangedAsync(ChangedIndicatorAsync(id, input, user, ct), "indicator", expectedVersion, ct);

    public Task<IReadOnlyDictionary<string, string>> CheckIndicatorAsync(int id, IndicatorInput input, UserContext user, CancellationToken ct = default) =>
        CheckedAsync(ChangedIndicatorAsync(id, input, user, ct));

    private async Task<EditResult<Prepared<Indicator>>> ChangedIndicatorAsync(int id, IndicatorInput input, UserContext user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if ((await EditableAsync(db.Set<Indicator>(), id, user, ct)).Refused(out var indicator, out EditResult<Prepared<Indicator>>? refusal))
        {
            return refusal;
        }

        var errors = await ApplyAsync(indicator, input, ct);
        if (errors.Count == 0 && indicator.Source == IndicatorSource.RecordedCrime
            && await db.Set<IndicatorValue>().AnyAsync(v => v.IndicatorId == id, ct))
        {
            errors["Source"] = "Delete the indicator's entered values before making it a recorded-crime indicator: its values will be computed";
        }

        return Changed(indicator, indicator.PartnershipId, errors);
    }

    public async Task<EditResult<Indicator>> DeleteIndicatorAsync(int id, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        var withParts = db.Set<Indicator>().Include(i => i.Values).Include(i => i.Baselines).Include(i => i.Targets);
        if ((await EditableAsync(withParts, id, user, ct)).Refused(out var indicator, out var refusal))
        {
            return refusal;
        }

        // Removed one by one so each value, baseline, target and link leaves its own entry in the audit trail.
        var links = await db.Set<IndicatorLink>().Where(l => l.IndicatorId == id).ToListAsync(ct);
        return await db.SaveEditAsync(indicator, expectedVersion, new EditSave(indicator.PartnershipId, "indicator")
        {
            Change = () =>
            {
                db.RemoveRange(links);
                db.RemoveRange(indicator.Targets);
                db.RemoveRange(indicator.Values);
                db.RemoveRange(indicator.Baselines);
                db.Remove(indicator);
            },
        }, ct);
    }

    public Task<EditResult<IndicatorValue>> CreateValueAsync(int indicatorId, IndicatorValueInput input, UserContext user, CancellationToken ct = default) =>
        SaveNewAsync(NewChildAsync(indicatorId, new IndicatorValue { IndicatorId = indicatorId }, (x, i) => ApplyAsync(x, i, input, user, ct), user, ct), ValuePart.InEdits, ct);

    public Task<IReadOnlyDictionary<string, string>> CheckNewValueAsync(int indicatorId, IndicatorValueInput input, UserContext user, CancellationToken ct = default) =>
        CheckedAsync(NewChildAsync(indicatorId, new IndicatorValue { IndicatorId = indicatorId }, (x, i) => ApplyAsync(x, i, input, user, ct), user, ct));

    public Task<EditResult<IndicatorValue>> UpdateValueAsync(int id, IndicatorValueInput input, int expectedVersion, UserContext user, CancellationToken ct = default) =>
        SaveChangedAsync(ChangedPartAsync<IndicatorValue>(id, ValuePart, (x, i) => ApplyAsync(x, i, input, user, ct), user, ct), ValuePart.InEdits, expectedVersion, ct);

    public Task<IReadOnlyDictionary<string, string>> CheckValueAsync(int id, IndicatorValueInput input, UserContext user, CancellationToken ct = default) =>
        CheckedAsync(ChangedPartAsync<IndicatorValue>(id, ValuePart, (x, i) => ApplyAsync(x, i, input, user, ct), user, ct));

    public Task<EditResult<IndicatorValue>> DeleteValueAsync(int id, int expectedVersion, UserContext user, CancellationToken ct = default) =>
        DeletePartAsync<IndicatorValue>(id, ValuePart, expectedVersion, user, ct);

    public Task<EditResult<IndicatorBaseline>> CreateBaselineAsync(int indicatorId, IndicatorBaselineInput input, UserContext user, CancellationToken ct = default) =>
        SaveNewAsync(NewChildAsync(indicatorId, new IndicatorBaseline { IndicatorId = indicatorId }, (x, i) => ApplyAsync(x, i, input, ct), user, ct), BaselinePart.InEdits, ct);

    public Task<IReadOnlyDictionary<string, string>> CheckNewBaselineAsync(int indicatorId, IndicatorBaselineInput input, UserContext user, CancellationToken ct = default) =>
        CheckedAsync(NewChildAsync(indicatorId, new IndicatorBaseline { IndicatorId = indicatorId }, (x, i) => ApplyAsync(x, i, input, ct), user, ct));

    public Task<EditResult<IndicatorBaseline>> UpdateBaselineAsync(int id, IndicatorBaselineInput input, int expectedVersion, UserContext user, CancellationToken ct = default) =>
        SaveChangedAsync(ChangedPartAsync<IndicatorBaseline>(id, BaselinePart, (x, i) => ApplyAsync(x, i, input, ct), user, ct), BaselinePart.InEdits, expectedVersion, ct);

    public Task<IReadOnlyDictionary<string, string>> CheckBaselineAsync(int id, IndicatorBaselineInput input, UserContext user, CancellationToken ct = default) =>
        CheckedAsync(ChangedPartAsync<IndicatorBaseline>(id, BaselinePart, (x, i) => ApplyAsync(x, i, input, ct), user, ct));

    public Task<EditResult<IndicatorBaseline>> DeleteBaselineAsync(int id, int expectedVersion, UserContext user, CancellationToken ct = default) =>
        DeletePartAsync<IndicatorBaseline>(id, BaselinePart, expectedVersion, user, ct, async baseline =>
        {
            var usedBy = await db.Set<IndicatorTarget>().Where(t => t.BaselineId == baseline.Id).Select(t => t.Year).ToListAsync(ct);
            return usedBy.Count == 0
                ? null
                : new Dictionary<string, string>
                {
                    ["BaselineId"] = $"The target for {string.Join(", ", usedBy.Order().Select(y => ReportingPeriod.Year(y).Display))} is measured from this baseline: change or delete that target first",
                };
        });

    public Task<EditResult<IndicatorTarget>> CreateTargetAsync(int indicatorId, IndicatorTargetInput input, UserContext user, CancellationToken ct = default) =>
        SaveNewAsync(NewChildAsync(indicatorId, new IndicatorTarget { IndicatorId = indicatorId }, (x, i) => ApplyAsync(x, i, input, ct), user, ct), TargetPart.InEdits, ct);

    public Task<IReadOnlyDictionary<string, string>> CheckNewTargetAsync(int indicatorId, IndicatorTargetInput input, UserContext user, CancellationToken ct = default) =>
        CheckedAsync(NewChildAsync(indicatorId, new IndicatorTarget { IndicatorId = indicatorId }, (x, i) => ApplyAsync(x, i, input, ct), user, ct));

    public Task<EditResult<IndicatorTarget>> UpdateTargetAsync(int id, IndicatorTargetInput input, int expectedVersion, UserContext user, CancellationToken ct = default) =>
        SaveChangedAsync(ChangedPartAsync<IndicatorTarget>(id, TargetPart, (x, i) => ApplyAsync(x, i, input, ct), user, ct), TargetPart.InEdits, expectedVersion, ct);

    public Task<IReadOnlyDictionary<string, string>> CheckTargetAsync(int id, IndicatorTargetInput input, UserContext user, CancellationToken ct = default) =>
        CheckedAsync(ChangedPartAsync<IndicatorTarget>(id, TargetPart, (x, i) => ApplyAsync(x, i, input, ct), user, ct));

    public Task<EditResult<IndicatorTarget>> DeleteTargetAsync(int id, int expectedVersion, UserContext user, CancellationToken ct = default) =>
        DeletePartAsync<IndicatorTarget>(id, TargetPart, expectedVersion, user, ct);

    /// <summary>Shows the indicator against a priority or a milestone of one of the partnership's plans. Links carry no version: adding one twice is refused.</summary>
    public async Task<EditResult<IndicatorLink>> AddLinkAsync(int indicatorId, IndicatorLinkInput input, UserContext user, CancellationToken ct = default)
    {
        var prepared = await NewLinkAsync(indicatorId, input, user, ct);
        if (!prepared.Succeeded)
        {
            return prepared.Refusal<IndicatorLink>();
        }

        db.Add(prepared.Value.Item);
        return await SaveLinkAsync(prepared.Value.Item, prepared.Value.PartnershipId, ct);
    }

    public Task<IReadOnlyDictionary<string, string>> CheckNewLinkAsync(int indicatorId, IndicatorLinkInput input, UserContext user, CancellationToken ct = default) =>
        CheckedAsync(NewLinkAsync(indicatorId, input, user, ct));

    private async Task<EditResult<Prepared<IndicatorLink>>> NewLinkAsync(int indicatorId, IndicatorLinkInput input, UserContext user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if ((await IndicatorForChildAsync(indicatorId, user, ct)).Refused(out var indicator, out EditResult<Prepared<IndicatorLink>>? refusal))
        {
            return refusal;
        }

        var check = new FieldCheck();
        if (input.PriorityId is null == (input.MilestoneId is null))
        {
            check.Add("PriorityId", "Choose a priority or a milestone to link the indicator to, not both");
        }
        else if (input.PriorityId is { } priorityId
            && !await db.Priorities.AnyAsync(p => p.Id == priorityId && p.Edition.Plan.PartnershipId == indicator.PartnershipId, ct))
        {
            check.Add("PriorityId", $"There is no priority {priorityId} in this partnership's plans");
        }
        else if (input.MilestoneId is { } milestoneId
            && !await db.Milestones.AnyAsync(m => m.Id == milestoneId && m.Action.Priority.Edition.Plan.PartnershipId == indicator.PartnershipId, ct))
        {
            check.Add("MilestoneId", $"There is no milestone {milestoneId} in this partnership's plans");
        }
        else if (await db.Set<IndicatorLink>().AnyAsync(l => l.IndicatorId == indicatorId && l.PriorityId == input.PriorityId && l.MilestoneId == input.MilestoneId, ct))
        {
            check.Add(input.PriorityId is null ? "MilestoneId" : "PriorityId", $"Indicator {indicator.Code} is already linked to that {(input.PriorityId is null ? "milestone" : "priority")}");
        }

        return check.Result(() => new Prepared<IndicatorLink>(
            new IndicatorLink { IndicatorId = indicatorId, PriorityId = input.PriorityId, MilestoneId = input.MilestoneId }, indicator.PartnershipId));
    }

    public async Task<EditResult<IndicatorLink>> RemoveLinkAsync(int linkId, UserContext user, CancellationToken ct = default)
    {
        var link = await db.Set<IndicatorLink>().FirstOrDefaultAsync(l => l.Id == linkId, ct);
        if (link is null)
        {
            return EditResult<IndicatorLink>.NotFound($"There is no indicator link {linkId}.");
        }

        if ((await IndicatorForChildAsync(link.IndicatorId, user, ct)).Refused(out var indicator, out EditResult<IndicatorLink>? refusal))
        {
            return refusal;
        }

        db.Remove(link);
        return await SaveLinkAsync(link, indicator.PartnershipId, ct);
    }

    /// <summary>An item an edit adds or changes, once found, allowed and valid, with the partnership whose audit trail records it.</summary>
    private sealed record Prepared<T>(T Item, int PartnershipId);

    /// <summary>A value, baseline or target for an indicator the user may edit, with the input applied.</summary>
    private async Task<EditResult<Prepared<T>>> NewChildAsync<T>(
        int indicatorId, T child, Func<T, Indicator, Task<Dictionary<string, string>>> apply, UserContext user, CancellationToken ct)
    {
        if ((await IndicatorForChildAsync(indicatorId, user, ct)).Refused(out var indicator, out EditResult<Prepared<T>>? refusal))
        {
            return refusal;
        }

        var errors = await apply(child, indicator);
        return errors.Count > 0 ? EditResult<Prepared<T>>.Invalid(errors) : EditResult<Prepared<T>>.Ok(new(child, indicator.PartnershipId));
    }

    /// <summary>How a part is named in its edit's outcome ("value") and when it cannot be found ("indicator value").</summary>
    private sealed record PartName(string InEdits, string InMessages);

    private static readonly PartName ValuePart = new("value", "indicator value");
    private static readonly PartName BaselinePart = new("baseline", "baseline");
    private static readonly PartName TargetPart = new("target", "target");

    /// <summary>A value, baseline or target with the input applied: found by id, then permission, then the input.</summary>
    private async Task<EditResult<Prepared<T>>> ChangedPartAsync<T>(
        int id, PartName what, Func<T, Indicator, Task<Dictionary<string, string>>> apply, UserContext user, CancellationToken ct)
        where T : class, IIndicatorPart
    {
        if ((await PartForEditAsync(db.Set<T>(), id, what, user, ct)).Refused(out var found, out EditResult<Prepared<T>>? refusal))
        {
            return refusal;
        }

        var (part, indicator) = found;
        return Changed(part, indicator.PartnershipId, await apply(part, indicator));
    }

    /// <summary>A changed item, or its errors with nothing left changed.</summary>
    private EditResult<Prepared<T>> Changed<T>(T item, int partnershipId, Dictionary<string, string> errors)
    {
        if (errors.Count == 0)
        {
            return EditResult<Prepared<T>>.Ok(new(item, partnershipId));
        }

        db.ChangeTracker.Clear();
        return EditResult<Prepared<T>>.Invalid(errors);
    }

    /// <summary>
    /// Deletes a value, baseline or target: found by id, then permission, then anything still resting on it
    /// (<paramref name="inUse"/> gives the reason by field, or null), then the version the writer started from.
    /// </summary>
    private async Task<EditResult<T>> DeletePartAsync<T>(
        int id, PartName what, int expectedVersion, UserContext user, CancellationToken ct, Func<T, Task<Dictionary<string, string>?>>? inUse = null)
        where T : class, IIndicatorPart
    {
        if ((await PartForEditAsync(db.Set<T>(), id, what, user, ct)).Refused(out var found, out EditResult<T>? refusal))
        {
            return refusal;
        }

        var (part, indicator) = found;
        if (inUse is not null && await inUse(part) is { } errors)
        {
            return EditResult<T>.Invalid(errors);
        }

        return await SaveAsync(part, expectedVersion, what.InEdits, indicator.PartnershipId, ct, change: () => db.Remove(part));
    }

    /// <summary>A value, baseline or target found for an edit, with its indicator.</summary>
    private sealed record PartOf<T>(T Part, Indicator Indicator);

    /// <summary>A value, baseline or target by id with its indicator, or why the user may not change it (not found, or not allowed).</summary>
    private async Task<EditResult<PartOf<T>>> PartForEditAsync<T>(IQueryable<T> parts, int id, PartName what, UserContext user, CancellationToken ct)
        where T : class, IIndicatorPart
    {
        var part = await parts.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (part is null)
        {
            return EditResult<PartOf<T>>.NotFound($"There is no {what.InMessages} {id}.");
        }

        var indicator = await IndicatorForChildAsync(part.IndicatorId, user, ct);
        return indicator.Succeeded ? EditResult<PartOf<T>>.Ok(new(part, indicator.Value)) : indicator.Refusal<PartOf<T>>();
    }

    private Task<EditResult<Indicator>> IndicatorForChildAsync(int indicatorId, UserContext user, CancellationToken ct) =>
        EditableAsync(db.Set<Indicator>().AsNoTracking(), indicatorId, user, ct);

    /// <summary>
    /// The indicator with this id among <paramref name="indicators"/>, or why the user may not change it (not found, or not
    /// allowed), which the edit takes apart with <c>Refused(out var indicator, out var refusal)</c>.
    /// </summary>
    private static async Task<EditResult<Indicator>> EditableAsync(IQueryable<Indicator> indicators, int id, UserContext user, CancellationToken ct)
    {
        var indicator = await indicators.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (indicator is null)
        {
            return EditResult<Indicator>.NotFound($"There is no indicator {id}.");
        }

        return Permissions.CanEditIndicators(user, indicator.PartnershipId)
            ? EditResult<Indicator>.Ok(indicator)
            : EditResult<Indicator>.Forbidden(NotAllowed);
    }

    private async Task<Dictionary<string, string>> ApplyAsync(Indicator indicator, IndicatorInput input, CancellationToken ct)
    {
        var check = new FieldCheck();
        var code = await ReadCodeAsync(indicator, input, check, ct);
        var name = ReadName(input.Name, NameLength, check, "Name", "Enter the indicator's name", "The name");
        var description = check.Optional("Description", input.Description, DescriptionLength, "The description");
        var unit = check.Chosen("Unit", input.Unit, "Select the unit: a count, a percentage, a rate per 1,000 residents or dwellings, or money");
        var polarity = check.Chosen("Polarity", input.Polarity, "Select whether lower or higher is better");
        var frequency = check.Chosen("Frequency", input.Frequency, "Select how often it is measured: monthly, quarterly or yearly");
        var (source, crimeTypeId, crimeGroupId) = await ReadCrimeAsync(indicator, input, check, ct);
        if (check.Errors.Count > 0)
        {
            return check.Errors;
        }

        indicator.Code = code;
        indicator.Name = name;
        indicator.Description = description;
        indicator.Unit = unit;
        indicator.Polarity = polarity;
        indicator.Frequency = frequency;
        indicator.Source = source;
        indicator.CrimeTypeId = crimeTypeId;
        indicator.CrimeGroupId = crimeGroupId;
        indicator.Denominator = indicator.Source != IndicatorSource.RecordedCrime ? null : indicator.Unit switch
        {
            IndicatorUnit.RatePer1000Residents => DenominatorKind.Residents,
            IndicatorUnit.RatePer1000Dwellings => DenominatorKind.Dwellings,
            _ => null,
        };
        return check.Errors;
    }

    /// <summary>The indicator's code: given, short enough, and not another of the partnership's indicators'.</summary>
    private async Task<string> ReadCodeAsync(Indicator indicator, IndicatorInput input, FieldCheck check, CancellationToken ct)
    {
        var code = ReadName(input.Code, CodeLength, check, "Code", "Enter the indicator's code, like NI32 or LOCAL-1", "The code");
        if (!check.Failed("Code") && await db.Set<Indicator>().AnyAsync(i => i.PartnershipId == indicator.PartnershipId && i.Code == code && i.Id != indicator.Id, ct))
        {
            check.Add("Code", $"The partnership already has an indicator {code}: choose another code");
        }

        return code;
    }

    /// <summary>A code or name as it is kept (<see cref="ReportText.Name"/>): one that must be given and not be longer than <paramref name="max"/>.</summary>
    private static string ReadName(string? text, int max, FieldCheck check, string field, string missing, string what) =>
        check.Required(field, ReportText.Name(text), max, missing, what);

    /// <summary>
    /// What a recorded-crime indicator counts, one crime type or one of the partnership's crime groups, and the units such
    /// an indicator may have; an indicator entered by hand names neither. Also checks the source is one of the choices.
    /// </summary>
    private async Task<(IndicatorSource Source, short? CrimeTypeId, int? CrimeGroupId)> ReadCrimeAsync(Indicator indicator, IndicatorInput input, FieldCheck check, CancellationToken ct)
    {
        short? crimeTypeId = null;
        int? crimeGroupId = null;
        var errors = check.Errors;
        var source = check.Chosen("Source", input.Source, "Select where its values come from: entered by hand, or recorded crime");
        if (check.Failed("Source"))
        {
            return (source, null, null);
        }

        if (source == IndicatorSource.RecordedCrime)
        {
            var typeName = input.CrimeType?.Trim();
            var groupKey = input.CrimeGroup?.Trim();
            if (string.IsNullOrEmpty(typeName) == string.IsNullOrEmpty(groupKey))
            {
                errors["CrimeType"] = "Choose a crime type or a crime group (one of them) for a recorded-crime indicator";
            }
            else if (!string.IsNullOrEmpty(typeName))
            {
                crimeTypeId = CrimeTypes.All.FirstOrDefault(t => string.Equals(t.Name, typeName, StringComparison.OrdinalIgnoreCase))?.Id;
                if (crimeTypeId is null)
                {
                    errors["CrimeType"] = $"There is no police.uk crime type '{typeName}': choose one of {string.Join(", ", CrimeTypes.All.Select(t => t.Name))}";
                }
            }
            else
            {
                crimeGroupId = await db.Set<CrimeGroup>().Where(g => g.PartnershipId == indicator.PartnershipId && g.Key == groupKey).Select(g => (int?)g.Id).FirstOrDefaultAsync(ct);
                if (crimeGroupId is null)
                {
                    errors["CrimeGroup"] = $"The partnership has no crime group '{groupKey}'";
                }
            }

            if (input.Unit is { } u && u is not (IndicatorUnit.Count or IndicatorUnit.RatePer1000Residents or IndicatorUnit.RatePer1000Dwellings))
            {
                errors["Unit"] = "A recorded-crime indicator is a count, or a rate per 1,000 residents or dwellings";
            }
        }
        else if (!string.IsNullOrWhiteSpace(input.CrimeType) || !string.IsNullOrWhiteSpace(input.CrimeGroup))
        {
            errors["CrimeType"] = "Only a recorded-crime indicator has a crime type or group: leave them empty for one entered by hand";
        }

        return (source, crimeTypeId, crimeGroupId);
    }

    private async Task<Dictionary<string, string>> ApplyAsync(IndicatorValue value, Indicator indicator, IndicatorValueInput input, UserContext user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = new FieldCheck();
        if (indicator.Source == IndicatorSource.RecordedCrime)
        {
            check.Add("Value", $"{indicator.Code} is computed from recorded crime: its values cannot be entered by hand");
            return check.Errors;
        }

        var span = ReadSpan(input.Period, check, "Period", "the value");
        if (span is { } s && await db.Set<IndicatorValue>().AnyAsync(v => v.IndicatorId == indicator.Id && v.FromMonth == s.From.Key && v.ToMonth == s.To.Key && v.Id != value.Id, ct))
        {
            check.Add("Period", $"{indicator.Code} already has a value for {s.Display}: change that value instead");
        }

        NotYetBegun(span, check, "The value");

        CheckNumber(input.Value, required: true, check, "Value", "Enter the value, as a number");
        CheckPercentage(indicator, input.Value, check, "Value", "The value");
        var source = check.Optional("Source", input.Source, SourceLength, "The source");

        var comment = check.Optional("Comment", input.Comment, CommentLength, "The comment");

        // Without errors, the period and the number were given; the patterns say so to the compiler.
        if (check.Errors.Count > 0 || span is not { } period || input.Value is not { } number)
        {
            return check.Errors;
        }

        var changed = value.Id == 0 || value.Value != number || value.Source != source || value.Comment != comment
            || value.FromMonth != period.From.Key || value.ToMonth != period.To.Key;
        value.FromMonth = period.From.Key;
        value.ToMonth = period.To.Key;
        value.Value = number;
        value.Source = source;
        value.Comment = comment;
        if (changed)
        {
            value.EnteredBy = user.Name;
            value.EnteredAt = time.GetUtcNow();
        }

        return check.Errors;
    }

    private async Task<Dictionary<string, string>> ApplyAsync(IndicatorBaseline baseline, Indicator indicator, IndicatorBaselineInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = new FieldCheck();
        var span = ReadSpan(input.Period, check, "Period", "the baseline");
        if (span is { } s && await db.Set<IndicatorBaseline>().AnyAsync(b => b.IndicatorId == indicator.Id && b.FromMonth == s.From.Key && b.ToMonth == s.To.Key && b.Id != baseline.Id, ct))
        {
            check.Add("Period", $"{indicator.Code} already has a baseline for {s.Display}");
        }

        NotYetBegun(span, check, "The baseline");

        CheckNumber(input.Value, required: indicator.Source == IndicatorSource.Manual, check, "Value",
            "Enter the baseline's value, as a number");
        CheckPercentage(indicator, input.Value, check, "Value", "The baseline's value");
        var source = check.Optional("Source", input.Source, SourceLength, "The source");

        if (check.Errors.Count > 0 || span is not { } period)
        {
            return check.Errors;
        }

        baseline.FromMonth = period.From.Key;
        baseline.ToMonth = period.To.Key;
        baseline.Value = input.Value;
        baseline.Source = source;
        return check.Errors;
    }

    private async Task<Dictionary<string, string>> ApplyAsync(IndicatorTarget target, Indicator indicator, IndicatorTargetInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = new FieldCheck();
        int? year = null;
        if (string.IsNullOrWhiteSpace(input.Year))
        {
            check.Add("Year", "Enter the financial year the target is for, like 2010/11");
        }
        else if (!ReportingPeriod.TryParse(input.Year, out var period) || !period.IsWholeYear)
        {
            check.Add("Year", $"'{input.Year.Trim()}' is not a financial year: write it like 2010/11");
        }
        else if (await db.Set<IndicatorTarget>().AnyAsync(t => t.IndicatorId == indicator.Id && t.Year == period.StartYear && t.Id != target.Id, ct))
        {
            check.Add("Year", $"{indicator.Code} already has a target for {period.Display}: change that one");
        }
        else
        {
            year = period.StartYear;
        }

        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            check.Add("Kind", "Select the kind of target");
            kind = default;
        }

        var usesBaseline = input.Kind is TargetKind.BelowBaseline or TargetKind.AboveBaseline or TargetKind.PercentChangeOnBaseline;
        if (input.Kind is TargetKind.AtMost or TargetKind.AtLeast or TargetKind.PercentChangeOnBaseline)
        {
            CheckNumber(input.Number, required: true, check, "Number",
                input.Kind == TargetKind.PercentChangeOnBaseline ? "Enter the percentage change, negative for a reduction, like -10" : "Enter the target's number");
            if (input.Kind == TargetKind.PercentChangeOnBaseline && input.Number is <= -100)
            {
                check.Add("Number", "A reduction cannot be 100% or more: enter a change greater than -100");
            }
            else if (input.Kind != TargetKind.PercentChangeOnBaseline)
            {
                CheckPercentage(indicator, input.Number, check, "Number", "The target's number");
            }
        }

        if (usesBaseline)
        {
            if (input.BaselineId is not { } baselineId)
            {
                check.Add("BaselineId", "Choose the baseline the target is measured from");
            }
            else if (!await db.Set<IndicatorBaseline>().AnyAsync(b => b.Id == baselineId && b.IndicatorId == indicator.Id, ct))
            {
                check.Add("BaselineId", $"Indicator {indicator.Code} has no baseline {baselineId}");
            }
        }

        if (input.AmberTolerance is { } tolerance && (tolerance < 0 || tolerance > Largest))
        {
            check.Add("AmberTolerance", "Enter an amber tolerance of 0 or more, in the indicator's unit");
        }

        var wording = check.Optional("Wording", input.Wording, WordingLength, "The wording");

        if (check.Errors.Count > 0 || year is not { } startYear)
        {
            return check.Errors;
        }

        target.Year = startYear;
        target.Kind = kind;
        target.Number = kind is TargetKind.BelowBaseline or TargetKind.AboveBaseline or TargetKind.ToBeConfirmed ? null : input.Number;
        target.AmberTolerance = input.AmberTolerance ?? 0;
        target.BaselineId = usesBaseline ? input.BaselineId : null;
        target.Wording = wording;
        return check.Errors;
    }

    /// <summary>
    /// A value or a baseline is measured, so its period has begun (today or before); only a target looks ahead. A period
    /// still to come (2040/41 Q1 typed for 2010/11 Q1) is refused on Period, naming the day it starts.
    /// </summary>
    private void NotYetBegun(MonthSpan? span, FieldCheck check, string what)
    {
        if (span is { } s && !check.Failed("Period") && s.From.FirstDay > DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime))
        {
            check.Add("Period", $"{what} must be for a period that has begun: {s.Display} starts on {Dates.Display(s.From.FirstDay)}");
        }
    }

    private static MonthSpan? ReadSpan(string? text, FieldCheck check, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            check.Add(field, $"Enter the period of {what}: {MonthSpan.FormatHint}");
            return null;
        }

        if (!MonthSpan.TryParse(text, out var span))
        {
            check.Add(field, $"'{text.Trim()}' is not a period: write {MonthSpan.FormatHint}");
            return null;
        }

        return span;
    }

    private static void CheckNumber(decimal? value, bool required, FieldCheck check, string field, string missing)
    {
        if (value is null)
        {
            if (required)
            {
                check.Add(field, missing);
            }
        }
        else if (Math.Abs(value.Value) > Largest)
        {
            check.Add(field, string.Create(CultureInfo.InvariantCulture, $"The number is too large: enter one between -{Largest:#,##0} and {Largest:#,##0}"));
        }
    }

    /// <summary>A figure of an indicator measured as a percentage is a share of a whole, so it lies from 0 to 100.</summary>
    private static void CheckPercentage(Indicator indicator, decimal? value, FieldCheck check, string field, string what)
    {
        if (indicator.Unit == IndicatorUnit.Percentage && value is < 0 or > 100 && !check.Failed(field))
        {
            check.Add(field, $"{what} must be a percentage from 0 to 100, like 34");
        }

        if (indicator.Unit == IndicatorUnit.PercentageReduction && value is > 100 && !check.Failed(field))
        {
            check.Add(field, $"{what} must be a reduction of 100% or less, like 46 (a negative number is an increase)");
        }
    }

    /// <summary>What an edit's rules find wrong, saving nothing and leaving nothing it read or changed tracked.</summary>
    private async Task<IReadOnlyDictionary<string, string>> CheckedAsync<T>(Task<EditResult<T>> preparing)
    {
        var prepared = await preparing;
        db.ChangeTracker.Clear();
        return prepared.Errors;
    }

    /// <summary>Adds a new item through the editing kernel once its edit is allowed and valid.</summary>
    private async Task<EditResult<T>> SaveNewAsync<T>(Task<EditResult<Prepared<T>>> preparing, string what, CancellationToken ct)
        where T : class, IVersioned
    {
        var prepared = await preparing;
        if (!prepared.Succeeded)
        {
            return prepared.Refusal<T>();
        }

        db.Add(prepared.Value.Item);
        return await SaveAsync(prepared.Value.Item, null, what, prepared.Value.PartnershipId, ct);
    }

    /// <summary>Saves a changed item through the editing kernel, if the version the writer started from is still current.</summary>
    private async Task<EditResult<T>> SaveChangedAsync<T>(Task<EditResult<Prepared<T>>> preparing, string what, int expectedVersion, CancellationToken ct)
        where T : class, IVersioned
    {
        var prepared = await preparing;
        return prepared.Succeeded ? await SaveAsync(prepared.Value.Item, expectedVersion, what, prepared.Value.PartnershipId, ct) : prepared.Refusal<T>();
    }

    /// <summary>
    /// Saves through the editing kernel. Two people adding a value, baseline or target for the same period at once: the
    /// second meets the unique index.
    /// </summary>
    private async Task<EditResult<T>> SaveAsync<T>(T item, int? expectedVersion, string what, int partnershipId, CancellationToken ct, Action? change = null)
        where T : class, IVersioned =>
        await db.SaveEditAsync(item, expectedVersion, new EditSave(partnershipId, what)
        {
            Change = change,
            Clash = item is Indicator ? null : "Someone else saved one for the same period while you were entering yours. Yours has not been saved: reload to see theirs.",
        }, ct);

    private async Task<EditResult<IndicatorLink>> SaveLinkAsync(IndicatorLink link, int partnershipId, CancellationToken ct)
    {
        db.AuditPartnershipId = partnershipId;
        await db.SaveChangesAsync(ct);
        return EditResult<IndicatorLink>.Ok(link);
    }
}
