namespace SaferPlan.Plans;

/// <summary>Starts next year's edition from an approved one: per priority, carry forward, drop or merge into another.</summary>
[Authorize]
public sealed class NextEditionModel(PlanReader reader, NextEditionService editions, CurrentUser current) : PageModel
{
    public EditionView View { get; private set; } = null!;

    /// <summary>Why no next edition can follow this one (it is of its plan's last year), said before any form; null when one can.</summary>
    public string? NoNextYear { get; private set; }

    /// <summary>The edition already started for the year after this one; null while there is none (see <see cref="NextEditionService.FollowingAsync"/>).</summary>
    public PlanEdition? Following { get; private set; }

    [BindProperty]
    public string? Year { get; set; }

    /// <summary>Each priority's fate by priority id: Carry, Drop or Merge.</summary>
    [BindProperty]
    public Dictionary<int, string> Fate { get; set; } = [];

    /// <summary>For a merged priority, the priority it merges into, by priority id.</summary>
    [BindProperty]
    public Dictionary<int, int?> Into { get; set; } = [];

    [BindProperty]
    public bool CarryFinished { get; set; }

    public static IEnumerable<Choice> Fates =>
    [
        new(nameof(PriorityFate.Carry), "Carry forward"),
        new(nameof(PriorityFate.Drop), "Drop it"),
        new(nameof(PriorityFate.Merge), "Merge it into another priority"),
    ];

    public IEnumerable<Choice> MergeTargets(Priority p) =>
        new[] { new Choice("", "Choose a priority") }.Concat(View.Priorities.Where(o => o.Id != p.Id)
            .Select(o => new Choice(o.Id.ToString(CultureInfo.InvariantCulture), EditionModel.Heading(o))));

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (NoNextYear is null && Following is null)
        {
            Year = ReportingPeriod.Year(View.Edition.YearStart + 1).Display;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        if (NoNextYear is not null || Following is not null)
        {
            return Page();
        }

        if (!ReportingPeriod.TryParse(Year, out var year) || !year.IsWholeYear)
        {
            ModelState.AddModelError(nameof(Year), "Enter the financial year of the next edition, like 2011/12");
        }

        // A priority left without a choice is carried forward, as the form starts; a choice that cannot be read is asked for.
        var choices = View.Priorities.ToDictionary(p => p.Id, p => new PriorityChoice(
            Fate.GetValueOrDefault(p.Id) is { Length: > 0 } fate
                ? FormFields.ParseEnum<PriorityFate>(ModelState, $"Fate[{p.Id}]", fate, $"Choose what becomes of {EditionModel.Heading(p)}: carry it forward, drop it or merge it")
                : PriorityFate.Carry,
            Into.GetValueOrDefault(p.Id)));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await editions.StartNextAsync(id, new NextEditionInput(year.StartYear, choices, CarryFinished), await current.GetAsync(), ct);
        return this.Saved(result, saved => $"The {saved.Year.Display} edition is started as a draft from {View.Edition.Year.Display}", saved => $"/editions/{saved.Id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (view, refusal) = await ManagedEdition.LoadAsync(this, reader, current, id, ct);
        View = view!;
        NoNextYear = refusal is null ? NextEditionService.NoNextYear(View.Edition) : null;
        if (refusal is null && NoNextYear is null)
        {
            Following = await editions.FollowingAsync(View.Edition, ct);
        }

        return refusal;
    }
}
