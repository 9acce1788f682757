using SaferPlan.Core.Funding;

namespace SaferPlan.Funding;

/// <summary>The public account of a year's spending, grouped by priority in seed 003's words: "We spent £4,207 so that…".</summary>
public sealed class WhatWeSpentModel(SaferPlanDbContext db, FundingPlanCache plans, CurrentUser current) : PageModel
{
    public FundingPlanView View { get; private set; } = null!;

    public string Slug { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, string year, CancellationToken ct)
    {
        if (await FundingPages.StampedRouteAsync(db, slug, year, ct) is not { } route
            || (await plans.GetAsync(route.PartnershipId, route.Year, route.ChangeStamp, await current.GetAsync(), publicOnly: true, ct)).View is not { } view)
        {
            return NotFound();
        }

        (View, Slug) = (view, slug);
        return Page();
    }
}
