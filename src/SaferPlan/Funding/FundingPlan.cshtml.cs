using SaferPlan.Core.Funding;

namespace SaferPlan.Funding;

/// <summary>A year's funding plan: received, allocated, spent and left per stream and per priority, each allocation with its spending.</summary>
public sealed class FundingPlanModel(SaferPlanDbContext db, FundingPlanCache plans, CurrentUser current) : PageModel
{
    public FundingPlanView View { get; private set; } = null!;

    public IReadOnlyList<Amendment> Amendments { get; private set; } = [];

    public string Slug { get; private set; } = "";

    /// <summary>What the rendered body depends on: the same as the cached plan's key.</summary>
    public string RenderKey { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, string year, CancellationToken ct)
    {
        if (await FundingPages.StampedRouteAsync(db, slug, year, ct) is not { } route)
        {
            return NotFound();
        }

        var user = await current.GetAsync();
        if (await plans.GetAsync(route.PartnershipId, route.Year, route.ChangeStamp, user, publicOnly: false, ct) is not { View: { } view } page)
        {
            return user.IsSignedIn ? NotFound() : Challenge();
        }

        View = view;
        Slug = slug;
        Amendments = page.Amendments;
        RenderKey = page.Key;
        return Page();
    }
}
