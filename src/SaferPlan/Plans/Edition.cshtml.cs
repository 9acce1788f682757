namespace SaferPlan.Plans;

public sealed class EditionModel(PlanReader reader, PlanEditor editor, RefreshTimelineService timelines, CurrentUser current, SaferPlan.Core.Funding.FundingService funding, NextEditionService editions) : PageModel
{
    /// <summary>The edition's year of funding as the reader may see it; null when they may see none.</summary>
    public SaferPlan.Core.Funding.FundingPlanView? Funding { get; private set; }

    /// <summary>The allocations for a priority (or an action or milestone under it).</summary>
    public IReadOnlyList<SaferPlan.Core.Funding.AllocationLine> FundingFor(Priority p) =>
        Funding?.Allocations.Where(a => a.Allocation.PriorityId == p.Id || a.Allocation.Action?.PriorityId == p.Id || a.Allocation.Milestone?.Action?.PriorityId == p.Id).ToList() ?? [];

    public EditionView View { get; private set; } = null!;

    public UserContext Reader { get; private set; } = UserContext.Anonymous;

    public bool CanEditStructure => Permissions.CanEditStructure(Reader, View.Partnership.Id) && Permissions.CanChange(View.Edition);

    /// <summary>Whether to offer recording the Board's approval: a draft, for its support officers and administrators.</summary>
    public bool CanRecordApproval => View.Edition.Status is EditionStatus.Draft or EditionStatus.Consultation && Permissions.CanManageEditions(Reader, View.Partnership.Id);

    /// <summary>
    /// Whether to offer the yearly refresh: from an approved edition that is not of its plan's last year, for its support
    /// officers and administrators.
    /// </summary>
    public bool CanStartNext => View.Edition.Status == EditionStatus.Approved && NextEditionService.NoNextYear(View.Edition) is null
        && Permissions.CanManageEditions(Reader, View.Partnership.Id) && Following is null;

    /// <summary>Whether to offer changing the title and label: while the edition is written, for those who manage editions.</summary>
    public bool CanRename => Permissions.NameRefusal(View.Edition) is null && Permissions.CanManageEditions(Reader, View.Partnership.Id);

    /// <summary>
    /// For those who manage editions, the edition already started for the year after this approved one (the refresh under
    /// way), offered in place of starting another; null otherwise.
    /// </summary>
    public PlanEdition? Following { get; private set; }


    public bool CanEdit(Priority p) => Permissions.CanEdit(Reader, View.Partnership.Id, p) && Permissions.CanChange(View.Edition) && InputRefusal is null;

    public bool CanEdit(Priority p, PlanAction a) => Permissions.CanEdit(Reader, View.Partnership.Id, p, a) && Permissions.CanChange(View.Edition) && InputRefusal is null;

    /// <summary>A draft's refresh dates, for the partnership's members; null for an approved edition or a visitor.</summary>
    public RefreshTimelineView? Timeline { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>Why lead officers' input window keeps the reader from editing this draft today; null when it does not.</summary>
    public string? InputRefusal { get; private set; }

    /// <summary>Deleting and reordering: only while the edition is a draft or out for consultation.</summary>
    public bool CanRemoveOrReorder => Permissions.CanRemoveOrReorder(View.Edition);

    /// <summary>Every amendment since approval, for the partnership's members; null for others.</summary>
    public IReadOnlyList<Amendment>? Amendments { get; private set; }

    /// <summary>For visitors: the days the published plan was amended, counting only amendments to items they can see.</summary>
    public IReadOnlyList<DateOnly> PublicAmendmentDates { get; private set; } = [];

    /// <summary>"1 March 2011", "1 and 8 March 2011" style lists: each date in full, the last joined by "and".</summary>
    public static string DateList(IReadOnlyList<DateOnly> dates) =>
        dates.Count <= 1
            ? string.Join("", dates.Select(Core.Periods.Dates.Display))
            : $"{string.Join(", ", dates.SkipLast(1).Select(Core.Periods.Dates.Display))} and {Core.Periods.Dates.Display(dates[^1])}";

    /// <summary>"Milestone 1.6b", "Action 1.6", "Priority 1" (the reference already says "Priority").</summary>
    public static string AmendedItemName(Amendment a) => a.ItemKind switch
    {
        AmendedItem.Milestone => $"Milestone {a.ItemReference}",
        AmendedItem.Action => $"Action {a.ItemReference}",
        AmendedItem.Section => $"Section {a.ItemReference}",
        _ => a.ItemReference,
    };

    public static string Heading(Priority p) => p.Kind == PriorityKind.Priority ? $"Priority {p.Number}: {p.Title}" : $"Mainstreamed: {p.Title}";

    public static IEnumerable<(string Heading, string Text)> Narrative(Priority p)
    {
        (string, string?)[] parts =
        [
            ("Why is this a priority?", p.Why),
            ("What will we do?", p.WhatWeWillDo),
            ("What will our approach be?", p.Approach),
            ("How will we measure success?", p.MeasuringSuccess),
            ("What data will we use to measure the success?", p.DataUsed),
        ];
        return parts.Where(x => !string.IsNullOrWhiteSpace(x.Item2)).Select(x => (x.Item1, x.Item2!));
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Reader = await current.GetAsync();
        var view = await reader.EditionAsync(id, Reader, ct);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        if (view.Edition.Status is EditionStatus.Draft or EditionStatus.Consultation && await timelines.ReadAsync(id, Reader, ct) is { } timeline)
        {
            Timeline = timeline;
            Today = timelines.Today;
            InputRefusal = Permissions.InputWindowRefusal(Reader, view.Partnership.Id, view.Edition, timeline.Timeline, Today);
        }

        Funding = await funding.PlanAsync(view.Partnership.Id, view.Edition.Year, Reader, ct: ct);
        if (view.Edition.Status == EditionStatus.Approved && Permissions.CanManageEditions(Reader, view.Partnership.Id))
        {
            Following = await editions.FollowingAsync(view.Edition, ct);
        }

        if (Permissions.CanReadAmendments(Reader, view.Partnership.Id))
        {
            Amendments = await reader.AmendmentsAsync(view.Edition.Id, ct);
        }
        else
        {
            PublicAmendmentDates = await reader.PublicAmendmentDatesAsync(view.Edition.Id, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, string kind, int itemId, MoveDirection direction, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (!user.IsSignedIn)
        {
            return Challenge();
        }

        var (status, message, anchor) = kind switch
        {
            "priority" => Outcome(await editor.MovePriorityAsync(itemId, direction, user, ct), p => $"priority-{p.Number}"),
            "action" => Outcome(await editor.MoveActionAsync(itemId, direction, user, ct), a => $"action-{a.Number}"),
            "milestone" => Outcome(await editor.MoveMilestoneAsync(itemId, direction, user, ct), m => $"milestone-{m.Code}"),
            _ => (EditStatus.NotFound, "Unknown item", ""),
        };
        return status switch
        {
            EditStatus.Ok => Redirect($"/editions/{id}#{anchor}"),
            EditStatus.Forbidden => Forbid(),
            _ => NotFound(),
        };
    }

    private static (EditStatus, string?, string) Outcome<T>(EditResult<T> result, Func<T, string> anchor) =>
        (result.Status, result.Message, result.Value is null ? "" : anchor(result.Value));
}
