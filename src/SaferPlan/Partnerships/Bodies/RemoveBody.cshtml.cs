namespace SaferPlan.Partnerships.Bodies;

/// <summary>Asks before removing a body that serves the partnership alone and that nothing refers to, then removes it.</summary>
[Authorize]
public sealed class RemoveBodyModel(BodyService bodies, PartnershipService partnerships, CurrentUser current) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;

    public Body Body { get; private set; } = null!;

    /// <summary>What refers to the body, which keeps it from being removed.</summary>
    public IReadOnlyList<string> Uses { get; private set; } = [];

    /// <summary>How many people sit on the body.</summary>
    public int Members { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused)
        {
            return refused;
        }

        Version = Body.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        var result = await bodies.RemoveAsync(Partnership.Id, Body.Id, Version, await current.GetAsync(), ct);
        if (this.Refusal(result, prefix: "") is { } refusal)
        {
            return refusal;
        }

        return this.Done($"{Body.Name} is removed", $"/partnerships/{slug}/bodies");
    }

    private async Task<IActionResult?> LoadAsync(string slug, int id, CancellationToken ct)
    {
        var (partnership, body, refusal) = await EditableBody.LoadAsync(this, bodies, partnerships, current, slug, id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        Partnership = partnership!;
        Body = body!;
        Uses = await bodies.UsesAsync(Body.Id, ct);
        Members = await bodies.SeatCountAsync(Body.Id, ct);
        return null;
    }
}
