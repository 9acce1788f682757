namespace SaferPlan.Indicators;

/// <summary>Sets a year's target (/indicators/{indicatorId}/targets/new) or changes or deletes one (/indicator-targets/{id}/edit).</summary>
[Authorize]
public sealed class TargetFormModel(SaferPlanDbContext db, IndicatorEditor editor, CurrentUser current) : IndicatorChildForm<IndicatorTarget>(db, current)
{
    public sealed record Form(
        string? Year = null, string? Kind = null, string? Number = null, string? AmberTolerance = null, string? BaselineId = null,
        string? Wording = null, int Version = 0);

    [BindProperty]
    public Form Input { get; set; } = new();

    public IReadOnlyList<Choice> Baselines { get; private set; } = [];

    protected override Task<IndicatorTarget?> FindAsync(int id, CancellationToken ct) =>
        Db.Set<IndicatorTarget>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);

    protected override int IndicatorIdOf(IndicatorTarget item) => item.IndicatorId;

    public async Task<IActionResult> OnGetAsync(int? id, int? indicatorId, CancellationToken ct)
    {
        if (await LoadAsync(id, indicatorId, ct) is { } refusal)
        {
            return refusal;
        }

        await LoadBaselinesAsync(ct);

        if (Existing is { } t)
        {
            Input = new Form
            {
                Year = ReportingPeriod.Year(t.Year).Display, Kind = t.Kind.ToString(), Number = IndicatorForms.Text(t.Number),
                AmberTolerance = IndicatorForms.Text(t.AmberTolerance), BaselineId = t.BaselineId?.ToString(CultureInfo.InvariantCulture),
                Wording = t.Wording, Version = t.Version,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int? indicatorId, CancellationToken ct)
    {
        if (await LoadAsync(id, indicatorId, ct) is { } refusal)
        {
            return refusal;
        }

        await LoadBaselinesAsync(ct);

        ModelState.Clear();
        var input = new IndicatorTargetInput
        {
            Year = Input.Year,
            Kind = string.IsNullOrEmpty(Input.Kind) ? null : FormFields.ParseEnum<TargetKind>(ModelState, "Input.Kind", Input.Kind, "Select the kind of target"),
            Number = IndicatorForms.OptionalDecimal(ModelState, "Input.Number", Input.Number, "Enter the target's number, like 130 or -10"),
            AmberTolerance = IndicatorForms.OptionalDecimal(ModelState, "Input.AmberTolerance", Input.AmberTolerance, "Enter the amber tolerance as a number, like 2, or leave it empty for none"),
            BaselineId = FormFields.OptionalNumber(ModelState, "Input.BaselineId", Input.BaselineId, "Choose a baseline from the list"),
            Wording = Input.Wording,
        };
        var user = await UserAsync();
        return await this.SaveFormAsync(
            () => Existing is null ? editor.CheckNewTargetAsync(Indicator.Id, input, user, ct) : editor.CheckTargetAsync(Existing.Id, input, user, ct),
            () => Existing is null ? editor.CreateTargetAsync(Indicator.Id, input, user, ct) : editor.UpdateTargetAsync(Existing.Id, input, Input.Version, user, ct),
            _ => BackToIndicator($"{Indicator.Code} target saved", "targets"));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int? id, int? indicatorId, CancellationToken ct)
    {
        if (await LoadAsync(id, indicatorId, ct) is { } refusal)
        {
            return refusal;
        }

        await LoadBaselinesAsync(ct);

        ModelState.Clear();
        return Outcome(await editor.DeleteTargetAsync(Existing!.Id, Input.Version, await UserAsync(), ct), $"{Indicator.Code} target deleted", "targets");
    }

    private async Task LoadBaselinesAsync(CancellationToken ct)
    {
        var baselines = await Db.Set<IndicatorBaseline>().AsNoTracking().Where(b => b.IndicatorId == Indicator.Id).OrderBy(b => b.FromMonth).ToListAsync(ct);
        Baselines = new[] { new Choice("", "None") }
            .Concat(baselines.Select(b => new Choice(b.Id.ToString(CultureInfo.InvariantCulture), MonthSpan.FromKeys(b.FromMonth, b.ToMonth).Display
                + (b.Value is { } v ? $": {IndicatorEvaluation.Format(v, Indicator.Unit)}" : " (computed)"))))
            .ToList();
    }
}
