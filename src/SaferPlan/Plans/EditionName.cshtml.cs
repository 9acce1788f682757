namespace SaferPlan.Plans;

/// <summary>Changes a draft edition's title and version label; an approved one keeps the name it was approved under.</summary>
[Authorize]
public sealed class EditionNameModel(PlanReader reader, EditionService editions, CurrentUser current) : PageModel
{
    public EditionView View { get; private set; } = null!;

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Label { get; set; }
    [BindProperty] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        (Title, Label, Version) = (View.Edition.Title, View.Edition.Label, View.Edition.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var result = await editions.RenameAsync(id, new EditionNameInput(Title, Label), Version, await current.GetAsync(), ct);
        return this.Saved(result, saved => $"The {saved.Year.Display} edition is now called {saved.Title}{(saved.Label is { } label ? $", {label}" : "")}", _ => $"/editions/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (view, refusal) = await ManagedEdition.LoadAsync(this, reader, current, id, ct,
            "Only the partnership's support officers and administrators can change an edition's title and label.");
        if (refusal is not null)
        {
            return refusal;
        }

        View = view!;
        return Permissions.NameRefusal(View.Edition) is { } approved ? this.Refused(approved) : null;
    }
}
