namespace SaferPlan.Crime.Groups;

/// <summary>A partnership's crime groups: listed, added one by one or the usual set at once; each edited on its own page.</summary>
public sealed class CrimeGroupsPageModel(PlanReader reader, CrimeGroupService groups, CurrentUser current) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;

    public IReadOnlyList<CrimeGroup> Groups { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public List<short> CrimeTypeIds { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        var result = await groups.CreateAsync(Partnership.Id, new CrimeGroupInput(Name, CrimeTypeIds), await current.GetAsync(), ct);
        return this.Saved(result, saved => $"Crime group '{saved.Name}' added", _ => $"/partnerships/{slug}/crime-groups", box: Box);
    }

    public async Task<IActionResult> OnPostUsualAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        var result = await groups.AddUsualAsync(Partnership.Id, await current.GetAsync(), ct);
        if (!result.Succeeded)
        {
            return (await current.GetAsync()).IsSignedIn ? Forbid() : Challenge();
        }

        return this.Done(result.Value.Count == 0 ? "The partnership already has the usual crime groups" : $"Added {string.Join(", ", result.Value.Select(g => g.Name))}", $"/partnerships/{slug}/crime-groups");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership)
        {
            return false;
        }

        Partnership = partnership;
        Groups = await groups.ListAsync(partnership.Id, ct);
        CanEdit = Permissions.CanEditIndicators(await current.GetAsync(), partnership.Id);
        return true;
    }

    /// <summary>The form's box for an editor's field: a group's key is made from its name.</summary>
    internal static string Box(string field) => field == "Key" ? "Name" : field;
}
