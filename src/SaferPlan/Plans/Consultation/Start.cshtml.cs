namespace SaferPlan.Plans.Consultation;

/// <summary>Sends a draft edition out for comments until a deadline: the support officer's step between drafting and approval.</summary>
[Authorize]
public sealed class StartModel(PlanReader reader, ConsultationService consultation, CurrentUser current, IConfiguration configuration) : PageModel
{
    public EditionView View { get; private set; } = null!;

    [BindProperty]
    public DateParts Deadline { get; set; } = new();

    /// <summary>Further people to consult, one e-mail address a line, beside the Board's and Executive Group's chairs.</summary>
    [BindProperty]
    public string? Consultees { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var date = Deadline.Parse("The last day for comments", out var error);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Deadline), error);
            return Page();
        }

        if (PublicLinks.BaseUrl(configuration) is not { } publicUrl)
        {
            ModelState.AddModelError(string.Empty, ConsultationEndpoints.NoPublicUrl);
            return Page();
        }

        var addresses = (Consultees ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = await consultation.StartAsync(id, date, addresses, publicUrl, await current.GetAsync(), ct);
        if (this.Refusal(result, prefix: "") is { } shown)
        {
            return shown;
        }

        TempData["Success"] = $"{View.Edition.Title} is out for comments until {Dates.Display(result.Value!.Deadline)}";
        return Redirect($"/editions/{id}/comments");
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
            return this.Refused("Only the partnership's support officers and administrators can send a draft out for comments.");
        }

        return view.Edition.Status == EditionStatus.Draft ? null : Redirect($"/editions/{id}/comments");
    }
}
