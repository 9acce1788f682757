using SaferPlan.Core.Auditing;

namespace SaferPlan.Crime.Groups;

/// <summary>Changes or removes one crime group, refusing a change made on a stale version.</summary>
[Authorize]
public sealed class CrimeGroupFormModel(CrimeGroupService groups, PlanReader reader, AuditReader audit, CurrentUser current) : PageModel
{
    public CrimeGroup Group { get; private set; } = null!;

    public string Slug { get; private set; } = "";

    public IReadOnlyList<AuditRecord> History { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public List<short> CrimeTypeIds { get; set; } = [];

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        Name = Group.Name;
        CrimeTypeIds = Group.Members.Select(m => m.CrimeTypeId).ToList();
        Version = Group.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var result = await groups.UpdateAsync(id, new CrimeGroupInput(Name, CrimeTypeIds), Version, await current.GetAsync(), ct);
        return Done(result, $"Crime group '{Name}' saved");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var result = await groups.DeleteAsync(id, Version, await current.GetAsync(), ct);
        return Done(result, $"Crime group '{Group.Name}' removed");
    }

    private IActionResult Done(EditResult<CrimeGroup> result, string success)
    {
        if (this.Refusal(result, prefix: "", box: CrimeGroupsPageModel.Box) is { } refusal)
        {
            return refusal;
        }

        return this.Done(success, $"/partnerships/{Slug}/crime-groups");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await groups.GetAsync(id, ct) is not { } group)
        {
            return NotFound();
        }

        if (!Permissions.CanEditIndicators(await current.GetAsync(), group.PartnershipId))
        {
            return Forbid();
        }

        Group = group;
        Slug = (await reader.PartnershipsAsync(ct)).Single(p => p.Id == group.PartnershipId).Slug;
        History = await audit.HistoryAsync(nameof(CrimeGroup), id, ct: ct);
        return null;
    }
}
