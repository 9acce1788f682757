using SaferPlan.Core.Funding;

namespace SaferPlan.Funding;

/// <summary>Records the Board decision that agreed a year's funding plan; from then on it changes only by amendment.</summary>
[Authorize]
public sealed class AgreementModel(SaferPlanDbContext db, FundingService funding, CurrentUser current) : FundingFormPage(db, funding, current)
{
    [BindProperty] public DateParts DecidedOn { get; set; } = new();
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? Minute { get; set; }

    /// <summary>The body an agreement naming none is recorded under, as an approval's is.</summary>
    public string BoardName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, string year, CancellationToken ct) =>
        await LoadAsync(slug, year, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string slug, string year, CancellationToken ct)
    {
        if (await LoadAsync(slug, year, ct) is { } refused)
        {
            return refused;
        }

        var date = DecidedOn.Read(ModelState, nameof(DecidedOn), "The date of the decision");
        return await SaveAsync(
            async () => (await Funding.CheckAgreementAsync(View.Partnership.Id, View.Year, View.Plan?.AgreedOn, date, Body, Minute, ct)).Errors,
            async () => await Funding.AgreeAsync(View.Partnership.Id, View.Year, date, Body, Minute, await UserAsync(), ct),
            plan => $"The {View.Year.Display} funding plan is agreed by the {plan.AgreedBy} on {Dates.Display(plan.AgreedOn!.Value)}");
    }

    private async Task<IActionResult?> LoadAsync(string slug, string year, CancellationToken ct)
    {
        if (await FindEditablePlanAsync(slug, year, "Only the partnership's support officers and administrators can record the Board's agreement of the funding plan.", ct) is { } refused)
        {
            return refused;
        }

        BoardName = await Db.BoardNameAsync(View.Partnership.Id, ct);
        return View.IsAgreed ? Redirect(FundingPages.PlanPath(slug, View.Year)) : null;
    }
}
