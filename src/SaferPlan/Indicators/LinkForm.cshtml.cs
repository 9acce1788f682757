namespace SaferPlan.Indicators;

/// <summary>Links an indicator to a priority or a milestone of one of the partnership's plans (/indicators/{id}/links/new).</summary>
[Authorize]
public sealed class LinkFormModel(SaferPlanDbContext db, IndicatorEditor editor, CurrentUser current) : IndicatorChildForm<Indicator>(db, current)
{
    public sealed record Form(
        string? PriorityId = null, string? MilestoneId = null);

    [BindProperty]
    public Form Input { get; set; } = new();

    public IReadOnlyList<Choice> Priorities { get; private set; } = [];

    public IReadOnlyList<Choice> Milestones { get; private set; } = [];

    protected override Task<Indicator?> FindAsync(int id, CancellationToken ct) => Task.FromResult<Indicator?>(null);

    protected override int IndicatorIdOf(Indicator item) => item.Id;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(null, id, ct) ?? await ChoicesAsync(ct);

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(null, id, ct) is { } refusal)
        {
            return refusal;
        }

        await ChoicesAsync(ct);
        ModelState.Clear();
        var input = new IndicatorLinkInput
        {
            PriorityId = FormFields.OptionalNumber(ModelState, "Input.PriorityId", Input.PriorityId, "Choose a priority from the list"),
            MilestoneId = FormFields.OptionalNumber(ModelState, "Input.MilestoneId", Input.MilestoneId, "Choose a milestone from the list"),
        };
        var user = await UserAsync();
        return await this.SaveFormAsync(
            () => editor.CheckNewLinkAsync(Indicator.Id, input, user, ct),
            () => editor.AddLinkAsync(Indicator.Id, input, user, ct),
            _ => BackToIndicator($"{Indicator.Code} linked", "links"));
    }

    private async Task<IActionResult> ChoicesAsync(CancellationToken ct)
    {
        var partnershipId = Indicator.PartnershipId;
        var priorities = await Db.Priorities.AsNoTracking()
            .Where(p => p.Edition.Plan.PartnershipId == partnershipId)
            .OrderByDescending(p => p.Edition.YearStart).ThenBy(p => p.SortOrder)
            .Select(p => new { p.Id, p.Kind, p.Number, p.Title, p.Edition.YearStart })
            .ToListAsync(ct);
        Priorities = new[] { new Choice("", "None") }
            .Concat(priorities.Select(p => new Choice(p.Id.ToString(CultureInfo.InvariantCulture),
                $"{ReportingPeriod.Year(p.YearStart).Display}: {(p.Kind == PriorityKind.Priority ? $"Priority {p.Number}: " : "")}{p.Title}")))
            .ToList();
        var milestones = await Db.Milestones.AsNoTracking()
            .Where(m => m.Action.Priority.Edition.Plan.PartnershipId == partnershipId)
            .OrderByDescending(m => m.Action.Priority.Edition.YearStart).ThenBy(m => m.Action.Priority.SortOrder).ThenBy(m => m.Action.SortOrder).ThenBy(m => m.SortOrder)
            .Select(m => new { m.Id, m.Code, m.Text, m.Action.Priority.Edition.YearStart })
            .ToListAsync(ct);
        Milestones = new[] { new Choice("", "None") }
            .Concat(milestones.Select(m => new Choice(m.Id.ToString(CultureInfo.InvariantCulture),
                $"{ReportingPeriod.Year(m.YearStart).Display}: {m.Code} {(m.Text.Length > 80 ? m.Text[..80] + "…" : m.Text)}")))
            .ToList();
        return Page();
    }
}
