namespace SaferPlan.Partnerships.Bodies;

/// <summary>The bodies serving the partnership, with their chairs, cadences and members: for its support officers and administrators.</summary>
[Authorize]
public sealed class BodiesModel(BodyService bodies, PartnershipService partnerships, CurrentUser current) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;

    public IReadOnlyList<BodyListing> Bodies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await partnerships.BySlugAsync(slug, ct) is not { } partnership)
        {
            return NotFound();
        }

        Partnership = partnership;
        if (!Permissions.CanManageBodies(await current.GetAsync(), partnership.Id))
        {
            return this.Refused("Only the partnership's support officers and administrators can see and change its bodies.");
        }

        Bodies = await bodies.BodiesAsync(partnership.Id, ct);
        return Page();
    }
}
