using SaferPlan.Core.Panels;

namespace SaferPlan.Panels;

/// <summary>Adding a panel, or changing its name, wards and policing team: support officers and administrators.</summary>
[Authorize]
public sealed class PanelFormModel(PanelEditor editor, PanelReader reader, CurrentUser current, SaferPlanDbContext db) : PageModel
{
    [BindProperty] public PanelInput Input { get; set; } = new(null, null, null);
    [BindProperty] public int Version { get; set; }

    public Partnership Partnership { get; private set; } = null!;

    public IReadOnlyList<string> AreaWards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, int? id, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused)
        {
            return refused;
        }

        if (id is { } panelId)
        {
            var panel = await db.Set<NeighbourhoodPanel>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == panelId && p.PartnershipId == Partnership.Id, ct);
            if (panel is null)
            {
                return NotFound();
            }

            (Input, Version) = (new(panel.Name, panel.WardList, panel.PolicingTeam), panel.Version);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int? id, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused)
        {
            return refused;
        }

        var input = Input;
        var user = await current.GetAsync();
        var result = id is { } panelId ? await editor.UpdatePanelAsync(panelId, input, Version, user, ct) : await editor.AddPanelAsync(slug, input, user, ct);
        return this.Saved(result, saved => $"{saved.Name} saved", saved => $"/panels/{saved.Id}");
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        var partnership = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (partnership is null)
        {
            return NotFound();
        }

        if (!Permissions.CanEditPanels(await current.GetAsync(), partnership.Id))
        {
            return this.Refused("Only the partnership's support officers and administrators can change its neighbourhood panels.");
        }

        Partnership = partnership;
        AreaWards = await reader.AreaWardsAsync(partnership.Id, ct);
        return null;
    }
}
