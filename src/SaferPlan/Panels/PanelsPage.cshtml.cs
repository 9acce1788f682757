using SaferPlan.Core.Panels;

namespace SaferPlan.Panels;

/// <summary>A partnership's neighbourhood panels: open to everyone (visitors see the public counts), added by support officers.</summary>
public sealed class PanelsPageModel(PanelReader reader, CurrentUser current, SaferPlanDbContext db) : PageModel
{
    public PanelList List { get; private set; } = null!;

    /// <summary>The partnership's bodies that panel priorities were routed to, for members: each has a page of its panel items.</summary>
    public IReadOnlyList<Body> RoutedBodies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await reader.ListAsync(slug, await current.GetAsync(), ct) is not { } list)
        {
            return NotFound();
        }

        List = list;
        if (list.CanReadFull)
        {
            var pid = list.Partnership.Id;
            RoutedBodies = await db.Bodies.AsNoTracking()
                .Where(b => db.Set<PanelPriority>().Any(p => p.RouteBodyId == b.Id && p.Panel.PartnershipId == pid))
                .OrderBy(b => b.Name).ToListAsync(ct);
        }

        return Page();
    }
}
