using SaferPlan.Core.Indicators;
using SaferPlan.Core.Monitoring;

namespace SaferPlan.Core.Plans;

/// <summary>What becomes of a priority when the plan is refreshed.</summary>
public enum PriorityFate
{
    Carry,
    Drop,
    Merge,
}

/// <summary>One priority's fate; <paramref name="IntoPriorityId"/> names the priority of the same edition it merges into.</summary>
public sealed record PriorityChoice(PriorityFate Fate, int? IntoPriorityId = null);

/// <summary>
/// The next year's edition: its financial year (the one after the edition's when null), each priority's fate (carried forward
/// when not named), and whether milestones already completed or closed are carried too.
/// </summary>
public sealed record NextEditionInput(int? YearStart, IReadOnlyDictionary<int, PriorityChoice> Choices, bool CarryFinished = false);

/// <summary>
/// Starts the next year's edition of a plan from an approved one, as a draft: priorities with their narrative, actions,
/// milestones, leads, partners, measurements, indicator links, sections and glossary are copied; dropped priorities are left
/// behind, merged ones join the priority they merge into, and every copy keeps a link to what it came from.
/// </summary>
public sealed class NextEditionService(SaferPlanDbContext db)
{
    public async Task<EditResult<PlanEdition>> StartNextAsync(int editionId, NextEditionInput input, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var from = await db.Editions.AsSplitQuery().Include(e => e.Plan).Include(e => e.Sections).Include(e => e.Glossary)
            .Include(e => e.Priorities).ThenInclude(p => p.Actions).ThenInclude(a => a.Milestones)
            .FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (from is null || !Permissions.CanReadEdition(user, from, from.Plan.PartnershipId))
        {
            return EditResult<PlanEdition>.NotFound($"There is no plan edition {editionId}.");
        }

        var partnershipId = from.Plan.PartnershipId;
        if (!Permissions.CanManageEditions(user, partnershipId))
        {
            return EditResult<PlanEdition>.Forbidden("Only the partnership's support officers and administrators can start the next edition.");
        }

        var year = input.YearStart ?? from.YearStart + 1;
        var taken = await db.Editions.Where(e => e.PlanId == from.PlanId).Select(e => e.YearStart).ToListAsync(ct);
        var errors = Check(from, input, year, taken);
        if (errors.Count > 0)
        {
            return EditResult<PlanEdition>.Invalid(errors);
        }

        var finished = input.CarryFinished ? [] : await FinishedMilestonesAsync(from, ct);
        var next = Copy(from, input, year, finished);
        db.Editions.Add(next);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var saved = await db.SaveEditAsync(next, null, new EditSave(partnershipId, "plan edition")
        {
            Clash = $"The {ReportingPeriod.Year(year).Display} edition of this plan was started by someone else a moment ago.",
        }, ct);
        if (!saved.Succeeded)
        {
            return saved;
        }

        await CopyIndicatorLinksAsync(from, next, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return saved;
    }

    /// <summary>Every rule the next edition must meet, by field ("Year", or "Priority{id}" for a priority's choice).</summary>
    public static Dictionary<string, string> Check(PlanEdition from, NextEditionInput input, int year, IReadOnlyCollection<int> takenYears)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        if (from.Status is not (EditionStatus.Approved or EditionStatus.Superseded))
        {
            errors["Year"] = "Start the next edition from an approved edition; this one is still a draft";
        }
        else if (year <= from.YearStart)
        {
            errors["Year"] = $"The next edition must be for a year after {from.Year.Display}";
        }
        else if (PlanEnds(from.Plan, year) is { } ended)
        {
            errors["Year"] = ended;
        }
        else if (takenYears.Contains(year))
        {
            errors["Year"] = $"This plan already has an edition for {ReportingPeriod.Year(year).Display}";
        }

        var ids = from.Priorities.Select(p => p.Id).ToHashSet();
        foreach (var (id, choice) in input.Choices)
        {
            if (!ids.Contains(id))
            {
                errors[$"Priority{id}"] = $"Priority {id} is not in the {from.Year.Display} edition";
                continue;
            }

            if (choice.Fate != PriorityFate.Merge)
            {
                continue;
            }

            var title = from.Priorities.Single(p => p.Id == id).Title;
            if (choice.IntoPriorityId is not { } into)
            {
                errors[$"Priority{id}"] = $"Choose the priority to merge \"{title}\" into";
            }
            else if (into == id)
            {
                errors[$"Priority{id}"] = $"\"{title}\" cannot be merged into itself";
            }
            else if (!ids.Contains(into))
            {
                errors[$"Priority{id}"] = $"Merge \"{title}\" into a priority of the same plan edition";
            }
            else if (FateOf(input, into).Fate != PriorityFate.Carry)
            {
                errors[$"Priority{id}"] = $"Merge \"{title}\" into a priority that is carried forward";
            }
        }

        if (errors.Count == 0 && !from.Priorities.Any(p => FateOf(input, p.Id).Fate == PriorityFate.Carry))
        {
            errors["Year"] = "Carry forward at least one priority";
        }

        return errors;
    }

    /// <summary>
    /// The edition already started for the year after <paramref name="from"/> in its plan (a draft while the refresh is under
    /// way); null while there is none. The next edition is not offered again then: that year is taken.
    /// </summary>
    public Task<PlanEdition?> FollowingAsync(PlanEdition from, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        return db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.PlanId == from.PlanId && e.YearStart == from.YearStart + 1, ct);
    }

    /// <summary>
    /// Why no next edition can follow <paramref name="from"/>: it is of its plan's last year, so the year after it starts a new
    /// plan; null while the plan runs on past it. The next edition is not offered then.
    /// </summary>
    public static string? NoNextYear(PlanEdition from)
    {
        ArgumentNullException.ThrowIfNull(from);
        return PlanEnds(from.Plan, from.YearStart + 1);
    }

    private static string? PlanEnds(Plan plan, int year) =>
        year >= plan.EndYear ? $"The plan runs to March {plan.EndYear}; start a new plan for {ReportingPeriod.Year(year).Display}" : null;

    private static PriorityChoice FateOf(NextEditionInput input, int priorityId) =>
        input.Choices.TryGetValue(priorityId, out var choice) ? choice : new PriorityChoice(PriorityFate.Carry);

    /// <summary>Milestones whose latest accepted update says they are completed or closed.</summary>
    private async Task<HashSet<int>> FinishedMilestonesAsync(PlanEdition from, CancellationToken ct)
    {
        var ids = from.Priorities.SelectMany(p => p.Actions).SelectMany(a => a.Milestones).Select(m => m.Id).ToList();
        var updates = await db.Set<MilestoneUpdate>().AsNoTracking()
            .Where(u => ids.Contains(u.MilestoneId) && u.State == UpdateState.Accepted)
            .Select(u => new { u.MilestoneId, u.Period, u.Status }).ToListAsync(ct);
        return updates.GroupBy(u => u.MilestoneId)
            .Where(g => g.MaxBy(u => u.Period)!.Status is UpdateStatus.Completed or UpdateStatus.Closed)
            .Select(g => g.Key).ToHashSet();
    }

    private static PlanEdition Copy(PlanEdition from, NextEditionInput input, int year, HashSet<int> finished)
    {
        var next = new PlanEdition
        {
            PlanId = from.PlanId,
            YearStart = year,
            Title = from.Title,
            Status = EditionStatus.Draft,
            PreviousEditionId = from.Id,
            Sections = from.Sections.Select(s => new PlanSection { Key = s.Key, Title = s.Title, Body = s.Body, Placement = s.Placement, SortOrder = s.SortOrder, Marking = s.Marking }).ToList(),
            Glossary = from.Glossary.Select(g => new GlossaryEntry { Term = g.Term, Definition = g.Definition, SortOrder = g.SortOrder, Marking = g.Marking }).ToList(),
        };
        var carried = from.Priorities.OrderBy(p => p.SortOrder).Where(p => FateOf(input, p.Id).Fate == PriorityFate.Carry).ToList();
        var number = 0;
        foreach (var old in carried)
        {
            number++;
            var priority = new Priority
            {
                Number = number, SortOrder = number, Kind = old.Kind, Title = old.Title, Why = old.Why, WhatWeWillDo = old.WhatWeWillDo,
                Approach = old.Approach, MeasuringSuccess = old.MeasuringSuccess, DataUsed = old.DataUsed, LeadOfficerId = old.LeadOfficerId,
                Marking = old.Marking, Origins = [new PriorityOrigin { OriginId = old.Id }],
            };
            var merged = from.Priorities.OrderBy(p => p.SortOrder)
                .Where(p => FateOf(input, p.Id) is { Fate: PriorityFate.Merge } c && c.IntoPriorityId == old.Id).ToList();
            foreach (var action in new[] { old }.Concat(merged).SelectMany(p => p.Actions.OrderBy(a => a.SortOrder)))
            {
                priority.Actions.Add(CopyAction(action, $"{number}.{priority.Actions.Count + 1}", priority.Actions.Count + 1, finished));
            }

            priority.Origins.AddRange(merged.Select(m => new PriorityOrigin { OriginId = m.Id }));
            next.Priorities.Add(priority);
        }

        return next;
    }

    private static PlanAction CopyAction(PlanAction old, string number, int sortOrder, HashSet<int> finished)
    {
        var action = new PlanAction
        {
            Number = number, SortOrder = sortOrder, Text = old.Text, LeadAgency = old.LeadAgency, OtherPartners = old.OtherPartners,
            BodyId = old.BodyId, LeadOfficerId = old.LeadOfficerId, CrossReferenceText = old.CrossReferenceText,
            CrossReferencePriorityNumber = old.CrossReferencePriorityNumber, CrossReferenceActionNumber = old.CrossReferenceActionNumber,
            Note = old.Note, Marking = old.Marking, OriginId = old.Id,
        };
        foreach (var m in old.Milestones.OrderBy(m => m.SortOrder).Where(m => !finished.Contains(m.Id)))
        {
            action.Milestones.Add(new Milestone
            {
                Code = number + Suffix(m.Code, old.Number), SortOrder = action.Milestones.Count + 1, Text = m.Text, Lead = m.Lead,
                LeadOfficerId = m.LeadOfficerId, MeasurementKind = m.MeasurementKind, Measurement = m.Measurement, Source = m.Source,
                Target = m.Target, DueQuarters = null, Marking = m.Marking, OriginId = m.Id,
            });
        }

        return action;
    }

    /// <summary>The letters after the action number in a milestone's code ("b" of "1.6b"), kept when the action is renumbered.</summary>
    private static string Suffix(string code, string actionNumber) =>
        code.StartsWith(actionNumber, StringComparison.Ordinal) ? code[actionNumber.Length..] : new string(code.SkipWhile(c => !char.IsAsciiLetterLower(c)).ToArray());

    /// <summary>The indicators shown against the old priorities and milestones are shown against their copies.</summary>
    private async Task CopyIndicatorLinksAsync(PlanEdition from, PlanEdition next, CancellationToken ct)
    {
        var priorityIds = from.Priorities.Select(p => p.Id).ToList();
        var milestoneIds = from.Priorities.SelectMany(p => p.Actions).SelectMany(a => a.Milestones).Select(m => m.Id).ToList();
        var links = await db.Set<IndicatorLink>().AsNoTracking()
            .Where(l => (l.PriorityId != null && priorityIds.Contains(l.PriorityId.Value)) || (l.MilestoneId != null && milestoneIds.Contains(l.MilestoneId.Value)))
            .ToListAsync(ct);
        foreach (var priority in next.Priorities)
        {
            var origins = priority.Origins.Select(o => o.OriginId).ToHashSet();
            foreach (var indicatorId in links.Where(l => l.PriorityId is { } p && origins.Contains(p)).Select(l => l.IndicatorId).Distinct())
            {
                db.Set<IndicatorLink>().Add(new IndicatorLink { IndicatorId = indicatorId, PriorityId = priority.Id });
            }

            foreach (var milestone in priority.Actions.SelectMany(a => a.Milestones))
            {
                foreach (var link in links.Where(l => l.MilestoneId == milestone.OriginId))
                {
                    db.Set<IndicatorLink>().Add(new IndicatorLink { IndicatorId = link.IndicatorId, MilestoneId = milestone.Id });
                }
            }
        }
    }
}
