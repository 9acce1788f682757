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

    /// <summary>
    /// Saves a form of the plan the one way (<see cref="EditOutcomes.SaveFormAsync{T}(PageModel, Func{Task{IReadOnlyDictionary{string, string}}}, Func{Task{EditResult{T}}}, Func{T, IActionResult}, string, Func{string, string}?)"/>),
    /// then back to the plan (at <paramref name="anchor"/>) saying what was done.
    /// </summary>
    protected Task<IActionResult> SaveAsync<T>(Func<Task<IReadOnlyDictionary<string, string>>> check, Func<Task<EditResult<T>>> save, Func<T, string> success,
        Func<T, string>? anchor = null, Func<string, string>? box = null) =>
        this.SaveFormAsync(check, save, saved => Back(success(saved), anchor?.Invoke(saved)), prefix: "", box);

    /// <summary>The answer to what was done outside a form's save (a delete, an upload): the form again with its errors, a refusal, or back to the plan.</summary>
    protected IActionResult Answer<T>(EditResult<T> result, Func<T, string> success, Func<T, string>? anchor = null, Func<string, string>? box = null) =>
        this.Refusal(result, prefix: "", box: box) ?? Back(success(result.Value!), anchor?.Invoke(result.Value!));

    private RedirectResult Back(string done, string? anchor) => this.Done(done, FundingPages.PlanPath(Slug, View.Year) + anchor);

    protected const string EditRefused = "Only the partnership's support officers and administrators can change its funding plan.";
}
