using SaferPlan.Core.Panels;

namespace SaferPlan.Panels;

/// <summary>A panel's page: in full for the partnership's members, the public shape for visitors.</summary>
public sealed class PanelPageModel(PanelReader reader, CurrentUser current) : PageModel
{
    public PanelView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await reader.PanelAsync(id, await current.GetAsync(), publicShape: false, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}

/// <summary>A panel's public page, what visitors see: what was raised and what was done, routed to a team or agency.</summary>
public sealed class PublicPanelPageModel(PanelReader reader) : PageModel
{
    public PanelView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await reader.PanelAsync(id, UserContext.Anonymous, publicShape: true, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
