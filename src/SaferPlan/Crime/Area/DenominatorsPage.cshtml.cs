namespace SaferPlan.Crime.Area;

/// <summary>A partnership's residents and dwellings per year, for rates per 1,000; a year's figure is added or replaced with a version check.</summary>
public sealed class DenominatorsPageModel(PlanReader reader, DenominatorService denominators, CurrentUser current) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;

    public IReadOnlyList<AreaDenominator> Denominators { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [BindProperty]
    public string? Kind { get; set; } = nameof(DenominatorKind.Residents);

    [BindProperty]
    public string? Year { get; set; }

    [BindProperty]
    public string? Value { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? kind, int? year, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        if (Denominators.FirstOrDefault(d => string.Equals(d.Kind.ToString(), kind, StringComparison.OrdinalIgnoreCase) && d.Year == year) is { } editing)
        {
            Kind = editing.Kind.ToString();
            Year = editing.Year.ToString(CultureInfo.InvariantCulture);
            Value = editing.Value.ToString("0.##", CultureInfo.InvariantCulture);
            Source = editing.Source;
            Version = editing.Version;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        var kind = FormFields.ParseEnum<DenominatorKind>(ModelState, "Kind", Kind, "Select residents or dwellings");
        var year = FormFields.OptionalNumber(ModelState, "Year", Year, "Enter the year as four digits, like 2009");
        if (year is null && ModelState.IsValid)
        {
            ModelState.AddModelError("Year", "Enter the year as four digits, like 2009");
        }

        decimal? value = null;
        if (!string.IsNullOrWhiteSpace(Value))
        {
            if (decimal.TryParse(Value.Replace(",", "", StringComparison.Ordinal).Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
            {
                value = v;
            }
            else
            {
                ModelState.AddModelError("Value", "Enter the number as digits, like 59000");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await denominators.SetAsync(Partnership.Id, kind, year!.Value, new DenominatorInput(value, Source), Version, await current.GetAsync(), ct);
        if (this.Refusal(result, prefix: "") is { } refusal)
        {
            return refusal;
        }

        TempData["Success"] = string.Create(CultureInfo.InvariantCulture, $"{DenominatorService.Noun(kind)} for {year} saved");
        return Redirect($"/partnerships/{slug}/denominators");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership)
        {
            return false;
        }

        Partnership = partnership;
        Denominators = await denominators.ListAsync(partnership.Id, ct);
        CanEdit = Permissions.CanEditIndicators(await current.GetAsync(), partnership.Id);
        return true;
    }
}
