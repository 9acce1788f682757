using SaferPlan.Core.Funding;

namespace SaferPlan.Funding;

/// <summary>
/// What every funding form shares: the year's plan as its member sees it in full (404 for anyone else, or for a year or
/// partnership that is not there), the version the form was read at, and the one answer to a save.
/// </summary>
public abstract class FundingFormPage(SaferPlanDbContext db, FundingService funding, CurrentUser current) : PageModel
{
    public FundingPlanView View { get; private set; } = null!;

    public string Slug { get; private set; } = "";

    [BindProperty] public int Version { get; set; }

    protected SaferPlanDbContext Db => db;

    protected FundingService Funding => funding;

    protected Task<UserContext> UserAsync() => current.GetAsync();

    /// <summary>Finds the year's plan for the route; null when found (then <see cref="View"/> is set), else the page's 404.</summary>
    protected async Task<IActionResult?> FindPlanAsync(string slug, string year, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (await FundingPages.RouteAsync(db, slug, year, ct) is not { } route
            || await funding.PlanAsync(route.PartnershipId, route.Year, user, ct: ct) is not { IsFull: true } view)
        {
            return NotFound();
        }

        (View, Slug) = (view, slug);
        return null;
    }

    /// <summary>As <see cref="FindPlanAsync"/>, refusing with <paramref name="refusal"/> whoever may not change the plan.</summary>
    protected async Task<IActionResult?> FindEditablePlanAsync(string slug, string year, string refusal, CancellationToken ct) =>
        await FindPlanAsync(slug, year, ct) ?? (View.CanEdit ? null : this.Refused(refusal));

    /// <summary>The form again with its errors, a refusal, or back to the plan (at <paramref name="anchor"/>) saying what was done.</summary>
    protected IActionResult Answer<T>(EditResult<T> result, Func<T, string> success, Func<T, string>? anchor = null, Func<string, string>? box = null)
    {
        if (this.Refusal(result, prefix: "", box: box) is { } shown)
        {
            return shown;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        TempData["Success"] = success(result.Value!);
        return Redirect(FundingPages.PlanPath(Slug, View.Year) + (anchor is null ? "" : anchor(result.Value!)));
    }

    protected const string EditRefused = "Only the partnership's support officers and administrators can change its funding plan.";
}
