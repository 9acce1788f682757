namespace SaferPlan.Partnerships.Bodies;

/// <summary>The bodies serving the partnership, with their chairs, cadences and members: for its support officers and administrators.</summary>
[Authorize]
public sealed class BodiesModel(BodyService bodies, PartnershipService partnerships, CurrentUser current) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;

    public IReadOnlyList<BodyListing> Bodies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var (partnership, refusal) = await ManagedPartnership.LoadAsync(this, partnerships, current, slug, Permissions.CanManageBodies,
            "Only the partnership's support officers and administrators can see and change its bodies.", ct);
        if (refusal is not null)
        {
            return refusal;
        }

        Partnership = partnership!;
        Bodies = await bodies.BodiesAsync(Partnership.Id, ct);
        return Page();
    }
}
