namespace SaferPlan.Plans;

/// <summary>Records the date the Board approved a draft edition: it is then published, and the edition before it superseded.</summary>
[Authorize]
public sealed class ApprovalModel(PlanReader reader, EditionService editions, CurrentUser current) : PageModel
{
    public EditionView View { get; private set; } = null!;

    [BindProperty]
    public DateParts DecidedOn { get; set; } = new();

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public string? Minute { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        Version = View.Edition.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var date = DecidedOn.Parse("The date of the decision", out var error);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(DecidedOn), error);
            return Page();
        }

        var result = await editions.ApproveAsync(id, new ApprovalInput(date, Body, Minute), Version, await current.GetAsync(), ct);
        if (!result.Succeeded)
        {
            return this.Refusal(result, prefix: "")!;
        }

        TempData["Success"] = $"{View.Edition.Title} is approved by {result.Value.ApprovedBy} on {Dates.Display(result.Value.ApprovedOn!.Value)} and published";
        return Redirect($"/editions/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (await reader.EditionAsync(id, user, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        if (!Permissions.CanManageEditions(user, view.Partnership.Id))
        {
            return Forbid();
        }

        // Approved already (perhaps by someone else a moment ago): the edition's page says so.
        return view.Edition.Status is EditionStatus.Draft or EditionStatus.Consultation ? null : Redirect($"/editions/{id}");
    }
}
