namespace SaferPlan.Partnerships;

public sealed class IndexModel(PlanReader reader, CurrentUser current) : PageModel
{
    public IReadOnlyList<Partnership> Partnerships { get; private set; } = [];

    public bool CanCreatePartnership { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Partnerships = await reader.PartnershipsAsync(ct);
        CanCreatePartnership = Permissions.CanCreatePartnership(await current.GetAsync());
    }
}
