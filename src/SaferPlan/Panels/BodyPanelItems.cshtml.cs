using SaferPlan.Core.Panels;

namespace SaferPlan.Panels;

/// <summary>The panel priorities routed to a body (the ASB task group), for its meetings: members of the partnerships it serves.</summary>
[Authorize]
public sealed class BodyPanelItemsModel(PanelReader reader, CurrentUser current, SaferPlanDbContext db) : PageModel
{
    public Body Body { get; private set; } = null!;

    public IReadOnlyList<BodyPanelItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().Include(b => b.Partnerships).FirstOrDefaultAsync(b => b.Key == key, ct);
        if (body is null)
        {
            return NotFound();
        }

        var user = await current.GetAsync();
        if (!body.Partnerships.Any(p => Permissions.CanReadPanels(user, p.Id)))
        {
            return this.Refused("Only the members of the partnerships this body serves can see the panel items routed to it.");
        }

        Body = body;
        Items = await reader.RoutedToBodyAsync(body.Id, user, ct);
        return Page();
    }
}
