using SaferPlan.Core.Funding;

namespace SaferPlan.Funding;

/// <summary>Records the Board decision that agreed a year's funding plan; from then on it changes only by amendment.</summary>
[Authorize]
public sealed class AgreementModel(SaferPlanDbContext db, FundingService funding, CurrentUser current) : PageModel
{
    public FundingPlanView View { get; private set; } = null!;

    public string Slug { get; private set; } = "";

    [BindProperty] public DateParts DecidedOn { get; set; } = new();
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? Minute { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, string year, CancellationToken ct) =>
        await LoadAsync(slug, year, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string slug, string year, CancellationToken ct)
    {
        if (await LoadAsync(slug, year, ct) is { } refused)
        {
            return refused;
        }

        var date = DecidedOn.Parse("The date of the decision", out var error);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(DecidedOn), error);
            return Page();
        }

        var result = await funding.AgreeAsync(View.Partnership.Id, View.Year, date, Body, Minute, await current.GetAsync(), ct);
        if (this.Refusal(result, prefix: "") is { } shown)
        {
            return shown;
        }

        TempData["Success"] = $"The {View.Year.Display} funding plan is agreed by the {result.Value!.AgreedBy} on {Dates.Display(result.Value.AgreedOn!.Value)}";
        return Redirect(FundingPages.PlanPath(slug, View.Year));
    }

    private async Task<IActionResult?> LoadAsync(string slug, string year, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (await FundingPages.RouteAsync(db, slug, year, ct) is not { } route
            || await funding.PlanAsync(route.PartnershipId, route.Year, user, ct: ct) is not { IsFull: true } view)
        {
            return NotFound();
        }

        (View, Slug) = (view, slug);
        if (!view.CanEdit)
        {
            return this.Refused("Only the partnership's support officers and administrators can record the Board's agreement of the funding plan.");
        }

        return view.IsAgreed ? Redirect(FundingPages.PlanPath(slug, view.Year)) : null;
    }
}
