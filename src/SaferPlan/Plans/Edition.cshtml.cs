namespace SaferPlan.Plans;

public sealed class EditionModel(PlanReader reader, PlanEditor editor, CurrentUser current) : PageModel
{
    public EditionView View { get; private set; } = null!;

    public UserContext Reader { get; private set; } = UserContext.Anonymous;

    public bool CanEditStructure => Permissions.CanEditStructure(Reader, View.Partnership.Id);

    /// <summary>Whether to offer recording the Board's approval: a draft, for its support officers and administrators.</summary>
    public bool CanRecordApproval => View.Edition.Status is EditionStatus.Draft or EditionStatus.Consultation && Permissions.CanManageEditions(Reader, View.Partnership.Id);

    /// <summary>Whether to offer the yearly refresh: from an approved edition, for its support officers and administrators.</summary>
    public bool CanStartNext => View.Edition.Status == EditionStatus.Approved && Permissions.CanManageEditions(Reader, View.Partnership.Id);

    public bool CanEdit(Priority p) => Permissions.CanEdit(Reader, View.Partnership.Id, p);

    public bool CanEdit(Priority p, PlanAction a) => Permissions.CanEdit(Reader, View.Partnership.Id, p, a);

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
