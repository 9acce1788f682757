namespace SaferPlan.Plans.Consultation;

/// <summary>Sends a draft edition out for comments until a deadline: the support officer's step between drafting and approval.</summary>
[Authorize]
public sealed class StartModel(PlanReader reader, ConsultationService consultation, RefreshTimelineService timelines, CurrentUser current, IConfiguration configuration) : PageModel
{
    public EditionView View { get; private set; } = null!;

    [BindProperty]
    public DateParts Deadline { get; set; } = new();

    /// <summary>Further people to consult, one e-mail address a line, beside the Board's and Executive Group's chairs.</summary>
    [BindProperty]
    public string? Consultees { get; set; }

    /// <summary>The form starts from the deadline for comments set in the edition's refresh dates, when there is one.</summary>
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if ((await timelines.ReadAsync(id, await current.GetAsync(), ct))?.Timeline?.CommentDeadline is { } planned)
        {
            Deadline = DateParts.From(planned);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var date = Deadline.Read(ModelState, nameof(Deadline), "The last day for comments");
        var publicUrl = PublicLinks.BaseUrl(configuration);
        if (publicUrl is null)
        {
            ModelState.AddModelError(string.Empty, ConsultationEndpoints.NoPublicUrl);
        }

        var addresses = (Consultees ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return await this.SaveFormAsync(
            async () => (await consultation.CheckStartAsync(View.Edition, View.Partnership.Id, date, addresses, ct)).Errors,
            async () => await consultation.StartAsync(id, date, addresses, publicUrl!, await current.GetAsync(), ct),
            saved => this.Done($"{View.Edition.Title} is out for comments until {Dates.Display(saved.Deadline)}", $"/editions/{id}/comments"),
            prefix: "");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (view, refusal) = await ManagedEdition.LoadAsync(this, reader, current, id, ct,
            "Only the partnership's support officers and administrators can send a draft out for comments.");
        if (refusal is not null)
        {
            return refusal;
        }

        View = view!;
        return View.Edition.Status == EditionStatus.Draft ? null : Redirect($"/editions/{id}/comments");
    }
}
