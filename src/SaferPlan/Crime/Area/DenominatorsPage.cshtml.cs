namespace SaferPlan.Crime.Area;

/// <summary>A partnership's residents and dwellings per year, for rates per 1,000; a year's figure is added or replaced with a version check.</summary>
public sealed class DenominatorsPageModel(PlanReader reader, DenominatorService denominators, CurrentUser current) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;

    public IReadOnlyList<AreaDenominator> Denominators { get; private set; } = [];

    public bool CanEdit { get; private set; }

    /// <summary>The figure's boxes as posted: kind, year and number are read in <see cref="OnPostAsync"/>, each with its own message.</summary>
    public sealed record Form(string? Kind, string? Year, string? Value, string? Source);

    [BindProperty] public Form Input { get; set; } = new(nameof(DenominatorKind.Residents), null, null, null);
    [BindProperty] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? kind, int? year, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        if (Denominators.FirstOrDefault(d => string.Equals(d.Kind.ToString(), kind, StringComparison.OrdinalIgnoreCase) && d.Year == year) is { } editing)
        {
            Input = new(editing.Kind.ToString(), editing.Year.ToString(CultureInfo.InvariantCulture), editing.Value.ToString("0.##", CultureInfo.InvariantCulture), editing.Source);
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

        var kind = FormFields.ParseEnum<DenominatorKind>(ModelState, "Kind", Input.Kind, "Select residents or dwellings");
        var year = FormFields.OptionalNumber(ModelState, "Year", Input.Year, "Enter the year as four digits, like 2009");
        if (year is null && ModelState.IsValid)
        {
            ModelState.AddModelError("Year", "Enter the year as four digits, like 2009");
        }

        decimal? value = null;
        if (Input.Value is { } text && !string.IsNullOrWhiteSpace(text))
        {
            if (decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal).Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
            {
                value = v;
            }
            else
            {
                ModelState.AddModelError("Value", "Enter the number as digits, like 59000");
            }
        }

        var input = new DenominatorInput(value, Input.Source);
        return await this.SaveFormAsync(
            () => DenominatorService.Check(kind, year, input).Errors,
            async () => await denominators.SetAsync(Partnership.Id, kind, year!.Value, input, Version, await current.GetAsync(), ct),
            _ => this.Done(string.Create(CultureInfo.InvariantCulture, $"{DenominatorService.Noun(kind)} for {year} saved"), $"/partnerships/{slug}/denominators"),
            prefix: "");
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
