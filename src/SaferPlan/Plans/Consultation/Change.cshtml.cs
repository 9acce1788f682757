namespace SaferPlan.Plans.Consultation;

/// <summary>One change made to a refreshed edition: reworded or deleted by a support officer until the edition is approved.</summary>
[Authorize]
public sealed class ChangeModel(RefreshChangeService changes, CurrentUser current) : PageModel
{
    public NumberedChange Numbered { get; private set; } = null!;

    public EditionChanges Changes { get; private set; } = null!;

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        Text = Numbered.Change.Text;
        Version = Numbered.Change.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var result = await changes.EditAsync(id, Text, Version, await current.GetAsync(), ct);
        return this.Saved(result, _ => $"Change made {Numbered.Number} saved", _ => $"/editions/{Numbered.Change.EditionId}/comments#change-{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var result = await changes.DeleteAsync(id, Version, await current.GetAsync(), ct);
        return this.Saved(result, _ => $"Change made {Numbered.Number} deleted", _ => $"/editions/{Numbered.Change.EditionId}/comments");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var user = await current.GetAsync();
        var editionId = await changes.EditionOfAsync(id, ct);
        var result = editionId is { } e ? await changes.ChangesAsync(e, user, ct) : EditResult<EditionChanges>.NotFound("");
        if (result.Status == EditStatus.NotFound || (result.Succeeded && result.Value.Changes.All(c => c.Change.Id != id)))
        {
            return NotFound();
        }

        if (!result.Succeeded || !result.Value.CanWrite)
        {
            return this.Refused(result.Succeeded ? result.Value.Refusal : result.Message);
        }

        Changes = result.Value;
        Numbered = result.Value.Changes.Single(c => c.Change.Id == id);
        return null;
    }
}
