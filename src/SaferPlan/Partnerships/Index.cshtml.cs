namespace SaferPlan.Partnerships;

public sealed class IndexModel(PlanReader reader) : PageModel
{
    public IReadOnlyList<Partnership> Partnerships { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Partnerships = await reader.PartnershipsAsync(ct);
}
