namespace SaferPlan.Plans;

/// <summary>Records the date the Board approved a draft edition: it is then published, and the edition before it superseded.</summary>
[Authorize]
public sealed class ApprovalModel(PlanReader reader, EditionService editions, CurrentUser current) : PageModel
{
    public EditionView View { get; private set; } = null!;

    /// <summary>The body the approval is recorded as made by when the form names none: the partnership's Board, by its name.</summary>
    public string BoardName { get; private set; } = "";

    /// <summary>The decision's boxes but its date, which is read from <see cref="DecidedOn"/>.</summary>
    [BindProperty] public ApprovalInput Input { get; set; } = new(null, null, null);
    [BindProperty] public DateParts DecidedOn { get; set; } = new();
    [BindProperty] public int Version { get; set; }

    /// <summary>The version label the edition is published with, starting from the one it has; blank clears it.</summary>
    [BindProperty] public string? Label { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        Version = View.Edition.Version;
        Label = View.Edition.Label;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (!DecidedOn.TryRead(ModelState, nameof(DecidedOn), "The date of the decision", out var date))
        {
            return Page();
        }

        var result = await editions.ApproveAsync(id, Input with { DecidedOn = date, Label = Label ?? "" }, Version, await current.GetAsync(), ct);
        return this.Saved(result, saved => $"{View.Edition.Title} is approved by {saved.ApprovedBy} on {Dates.Display(saved.ApprovedOn!.Value)} and published", _ => $"/editions/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (view, refusal) = await ManagedEdition.LoadAsync(this, reader, current, id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        View = view!;
        BoardName = await editions.BoardNameAsync(View.Partnership.Id, ct);

        // Approved already (perhaps by someone else a moment ago): the edition's page says so.
        return View.Edition.Status is EditionStatus.Draft or EditionStatus.Consultation ? null : Redirect($"/editions/{id}");
    }
}
