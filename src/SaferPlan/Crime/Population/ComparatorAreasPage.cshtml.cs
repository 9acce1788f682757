namespace SaferPlan.Crime.Population;

/// <summary>The comparator areas: every local authority found in the crime data, with its LSOAs and latest population.</summary>
[Authorize]
public sealed class ComparatorAreasPageModel(ComparatorAreaService comparatorAreas, CurrentUser current) : PageModel
{
    public IReadOnlyList<ComparatorAreaListItem> Areas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Permissions.CanReadComparatorAreas(await current.GetAsync()))
        {
            return this.Refused();
        }

        Areas = await comparatorAreas.ListAsync(ct);
        return Page();
    }
}
