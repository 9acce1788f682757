namespace SaferPlan.Indicators;

/// <summary>A partnership's indicators (/partnerships/{slug}/indicators): latest value, target and status of each. Public: indicators are never restricted.</summary>
public sealed class IndexModel(IndicatorReader reader, CurrentUser current) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;

    public IReadOnlyList<IndicatorSummary> Indicators { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await reader.ListAsync(slug, ct) is not { } list)
        {
            return NotFound();
        }

        (Partnership, Indicators) = list;
        CanEdit = Permissions.CanEditIndicators(await current.GetAsync(), Partnership.Id);
        return Page();
    }
}
