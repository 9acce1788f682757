namespace SaferPlan.Indicators;

/// <summary>Enters a manual value (/indicators/{indicatorId}/values/new) or changes or deletes one (/indicator-values/{id}/edit). The audit trail keeps the earlier value.</summary>
[Authorize]
public sealed class ValueFormModel(SaferPlanDbContext db, IndicatorEditor editor, CurrentUser current) : IndicatorChildForm<IndicatorValue>(db, current)
{
    public sealed record Form(
        string? Period = null, string? Value = null, string? Source = null, string? Comment = null, int Version = 0);

    [BindProperty]
    public Form Input { get; set; } = new();

    protected override Task<IndicatorValue?> FindAsync(int id, CancellationToken ct) =>
        Db.Set<IndicatorValue>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct);

    protected override int IndicatorIdOf(IndicatorValue item) => item.IndicatorId;

    public async Task<IActionResult> OnGetAsync(int? id, int? indicatorId, CancellationToken ct)
    {
        if (await LoadAsync(id, indicatorId, ct) is { } refusal)
        {
            return refusal;
        }

        if (Existing is { } v)
        {
            Input = new Form { Period = MonthSpan.FromKeys(v.FromMonth, v.ToMonth).Slug, Value = IndicatorForms.Text(v.Value), Source = v.Source, Comment = v.Comment, Version = v.Version };
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
        var input = new IndicatorValueInput
        {
            Period = Input.Period,
            Value = IndicatorForms.OptionalDecimal(ModelState, "Input.Value", Input.Value, "Enter the value as a number, like 34 or 12.5"),
            Source = Input.Source,
            Comment = Input.Comment,
        };
        var user = await UserAsync();
        return await this.SaveFormAsync(
            () => Existing is null ? editor.CheckNewValueAsync(Indicator.Id, input, user, ct) : editor.CheckValueAsync(Existing.Id, input, user, ct),
            () => Existing is null ? editor.CreateValueAsync(Indicator.Id, input, user, ct) : editor.UpdateValueAsync(Existing.Id, input, Input.Version, user, ct),
            _ => BackToIndicator($"{Indicator.Code} value saved", "values"));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int? id, int? indicatorId, CancellationToken ct)
    {
        if (await LoadAsync(id, indicatorId, ct) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        return Outcome(await editor.DeleteValueAsync(Existing!.Id, Input.Version, await UserAsync(), ct), $"{Indicator.Code} value deleted", "values");
    }
}
