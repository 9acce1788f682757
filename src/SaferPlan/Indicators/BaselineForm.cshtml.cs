namespace SaferPlan.Indicators;

/// <summary>Adds a baseline (/indicators/{indicatorId}/baselines/new) or changes or deletes one (/indicator-baselines/{id}/edit).</summary>
[Authorize]
public sealed class BaselineFormModel(SaferPlanDbContext db, IndicatorEditor editor, CurrentUser current) : IndicatorChildForm<IndicatorBaseline>(db, current)
{
    public sealed record Form(
        string? Period = null, string? Value = null, string? Source = null, int Version = 0);

    [BindProperty]
    public Form Input { get; set; } = new();

    protected override Task<IndicatorBaseline?> FindAsync(int id, CancellationToken ct) =>
        Db.Set<IndicatorBaseline>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);

    protected override int IndicatorIdOf(IndicatorBaseline item) => item.IndicatorId;

    public async Task<IActionResult> OnGetAsync(int? id, int? indicatorId, CancellationToken ct)
    {
        if (await LoadAsync(id, indicatorId, ct) is { } refusal)
        {
            return refusal;
        }

        if (Existing is { } b)
        {
            Input = new Form { Period = MonthSpan.FromKeys(b.FromMonth, b.ToMonth).Slug, Value = IndicatorForms.Text(b.Value), Source = b.Source, Version = b.Version };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int? indicatorId, CancellationToken ct)
    {
        if (await LoadAsync(id, indicatorId, ct) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        var input = new IndicatorBaselineInput
        {
            Period = Input.Period,
            Value = IndicatorForms.OptionalDecimal(ModelState, "Input.Value", Input.Value, "Enter the baseline's value as a number, like 13.2"),
            Source = Input.Source,
        };
        var user = await UserAsync();
        return await this.SaveFormAsync(
            () => Existing is null ? editor.CheckNewBaselineAsync(Indicator.Id, input, user, ct) : editor.CheckBaselineAsync(Existing.Id, input, user, ct),
            () => Existing is null ? editor.CreateBaselineAsync(Indicator.Id, input, user, ct) : editor.UpdateBaselineAsync(Existing.Id, input, Input.Version, user, ct),
            _ => BackToIndicator($"{Indicator.Code} baseline saved", "baselines"));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int? id, int? indicatorId, CancellationToken ct)
    {
        if (await LoadAsync(id, indicatorId, ct) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        return Outcome(await editor.DeleteBaselineAsync(Existing!.Id, Input.Version, await UserAsync(), ct), $"{Indicator.Code} baseline deleted", "baselines");
    }
}
