namespace SaferPlan.Indicators;

/// <summary>Adds an indicator (/partnerships/{slug}/indicators/new) or edits or deletes one (/indicators/{id}/edit).</summary>
[Authorize]
public sealed class IndicatorFormModel(SaferPlanDbContext db, IndicatorEditor editor, CurrentUser current) : PageModel
{
    public sealed record Form(
        string? Code = null, string? Name = null, string? Description = null, string? Unit = null, string? Polarity = null, string? Frequency = null,
        string? Source = nameof(IndicatorSource.Manual), string? CrimeType = null, string? CrimeGroup = null, int Version = 0);

    [BindProperty]
    public Form Input { get; set; } = new();

    public Indicator? Existing { get; private set; }

    public string Slug { get; private set; } = "";

    public int PartnershipId { get; private set; }

    public IReadOnlyList<Choice> GroupChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, string? slug, CancellationToken ct)
    {
        if (await LoadAsync(id, slug, ct) is { } refusal)
        {
            return refusal;
        }

        if (Existing is { } i)
        {
            Input = new Form
            {
                Code = i.Code, Name = i.Name, Description = i.Description, Unit = i.Unit.ToString(), Polarity = i.Polarity.ToString(),
                Frequency = i.Frequency.ToString(), Source = i.Source.ToString(),
                CrimeType = CrimeTypes.All.FirstOrDefault(t => t.Id == i.CrimeTypeId)?.Name,
                CrimeGroup = i.CrimeGroupId is { } g ? await db.Set<CrimeGroup>().Where(x => x.Id == g).Select(x => x.Key).FirstOrDefaultAsync(ct) : null,
                Version = i.Version,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, string? slug, CancellationToken ct)
    {
        if (await LoadAsync(id, slug, ct) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        var input = new IndicatorInput
        {
            Code = Input.Code,
            Name = Input.Name,
            Description = Input.Description,
            Unit = Parse<IndicatorUnit>("Unit", Input.Unit, "Select the unit"),
            Polarity = Parse<Polarity>("Polarity", Input.Polarity, "Select whether lower or higher is better"),
            Frequency = Parse<IndicatorFrequency>("Frequency", Input.Frequency, "Select how often it is measured"),
            Source = Parse<IndicatorSource>("Source", Input.Source, "Select where its values come from"),
            CrimeType = Input.Source == nameof(IndicatorSource.RecordedCrime) ? Input.CrimeType : null,
            CrimeGroup = Input.Source == nameof(IndicatorSource.RecordedCrime) ? Input.CrimeGroup : null,
        };
        var user = await current.GetAsync();
        return await this.SaveFormAsync(
            () => Existing is null ? editor.CheckNewIndicatorAsync(PartnershipId, input, user, ct) : editor.CheckIndicatorAsync(Existing.Id, input, user, ct),
            () => Existing is null ? editor.CreateIndicatorAsync(PartnershipId, input, user, ct) : editor.UpdateIndicatorAsync(Existing.Id, input, Input.Version, user, ct),
            saved => this.Done($"Indicator {saved.Code} saved", $"/indicators/{saved.Id}"));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int? id, string? slug, CancellationToken ct)
    {
        if (await LoadAsync(id, slug, ct) is { } refusal)
        {
            return refusal;
        }

        var result = await editor.DeleteIndicatorAsync(Existing!.Id, Input.Version, await current.GetAsync(), ct);
        if (!result.Succeeded)
        {
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, result.Message ?? "The indicator could not be deleted.");
            return Page();
        }

        return this.Done($"Indicator {Existing.Code} deleted", $"/partnerships/{Slug}/indicators");
    }

    private T? Parse<T>(string field, string? text, string message)
        where T : struct, Enum =>
        string.IsNullOrEmpty(text) ? null : FormFields.ParseEnum<T>(ModelState, $"Input.{field}", text, message);

    private async Task<IActionResult?> LoadAsync(int? id, string? slug, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (id is { } indicatorId)
        {
            Existing = await db.Set<Indicator>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == indicatorId, ct);
            if (Existing is null)
            {
                return NotFound();
            }

            PartnershipId = Existing.PartnershipId;
            Slug = await db.Partnerships.Where(p => p.Id == PartnershipId).Select(p => p.Slug).FirstAsync(ct);
        }
        else if (await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct) is { } partnership)
        {
            PartnershipId = partnership.Id;
            Slug = partnership.Slug;
        }
        else
        {
            return NotFound();
        }

        if (!Permissions.CanEditIndicators(user, PartnershipId))
        {
            return Forbid();
        }

        GroupChoices = new[] { new Choice("", "None") }
            .Concat(await db.Set<CrimeGroup>().AsNoTracking().Where(g => g.PartnershipId == PartnershipId).OrderBy(g => g.SortOrder).ThenBy(g => g.Name)
                .Select(g => new Choice(g.Key, g.Name, null)).ToListAsync(ct))
            .ToList();
        return null;
    }
}
