using SaferPlan.Core.Statistics;

namespace SaferPlan.Indicators;

/// <summary>Fixes (or clears) the period an indicator's SPC process limits are computed from (/indicators/{id}/spc-baseline).</summary>
[Authorize]
public sealed class SpcBaselineFormModel(SaferPlanDbContext db, IndicatorSpcService spc, CurrentUser current) : PageModel
{
    public sealed record Form(
        string? Period = null, int Version = 0);

    [BindProperty]
    public Form Input { get; set; } = new();

    public Indicator Indicator { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        Input = new Form
        {
            Period = Indicator is { SpcBaselineFromMonth: { } from, SpcBaselineToMonth: { } to } ? MonthSpan.FromKeys(from, to).Slug : null,
            Version = Indicator.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        var result = await spc.SetBaselineAsync(id, Input.Period, Input.Version, await current.GetAsync(), ct);
        if (this.Refusal(result) is { } problem)
        {
            return problem;
        }

        return this.Done(string.IsNullOrWhiteSpace(Input.Period) ? $"{Indicator.Code} SPC limits now use every point" : $"{Indicator.Code} SPC baseline saved", $"/indicators/{id}#spc");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.Set<Indicator>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is not { } indicator)
        {
            return NotFound();
        }

        Indicator = indicator;
        return Permissions.CanEditIndicators(await current.GetAsync(), indicator.PartnershipId) ? null : this.Refused();
    }
}
