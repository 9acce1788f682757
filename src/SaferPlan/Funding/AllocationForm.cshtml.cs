using SaferPlan.Core.Funding;

namespace SaferPlan.Funding;

/// <summary>Adds an allocation to a project from one of the year's streams, or changes one.</summary>
[Authorize]
public sealed class AllocationFormModel(SaferPlanDbContext db, FundingService funding, CurrentUser current) : FundingFormPage(db, funding, current)
{
    public FundingAllocation? Allocation { get; private set; }

    public IReadOnlyList<Choice> Links { get; private set; } = [];

    [BindProperty] public string? StreamId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Link { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Results { get; set; }
    [BindProperty] public string? Marking { get; set; }
    [BindProperty] public string? AmendmentReason { get; set; }

    public IEnumerable<Choice> Streams =>
        new[] { new Choice("", "Select a stream") }.Concat(View.Streams.Select(s => new Choice(s.Stream.Id.ToString(CultureInfo.InvariantCulture), s.Stream.Name)));

    public async Task<IActionResult> OnGetAsync(string slug, string year, int? id, CancellationToken ct)
    {
        if (await LoadAsync(slug, year, id, ct) is { } refused)
        {
            return refused;
        }

        if (Allocation is { } a)
        {
            StreamId = a.StreamId.ToString(CultureInfo.InvariantCulture);
            (Name, Amount, Status, Note, Link, Outcome, Results, Marking, Version) =
                (a.Name, Money.Invariant(a.Amount), a.Status.ToString(), a.Note, FundingPages.LinkValue(a), a.Outcome, a.Results, a.Marking.ToString(), a.Version);
        }
        else
        {
            Marking = nameof(ProtectiveMarking.Official);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string year, int? id, CancellationToken ct)
    {
        if (await LoadAsync(slug, year, id, ct) is { } refused)
        {
            return refused;
        }

        var (priorityId, actionId, milestoneId) = FundingPages.ReadLink(Link);
        var input = new AllocationInput(
            int.TryParse(StreamId, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null, Name, Amount,
            Enum.TryParse<AllocationStatus>(Status, out var status) ? status : null, Note, priorityId, actionId, milestoneId, Outcome, Results,
            Enum.TryParse<ProtectiveMarking>(Marking, out var marking) ? marking : null, AmendmentReason);
        var user = await UserAsync();
        var result = Allocation is null
            ? await Funding.AddAllocationAsync(View.Partnership.Id, View.Year, input, user, ct)
            : await Funding.UpdateAllocationAsync(Allocation.Id, input, Version, user, ct);
        return Answer(result, a => $"{a.Name} saved", a => $"#allocation-{a.Id}", FundingPages.Box);
    }

    private async Task<IActionResult?> LoadAsync(string slug, string year, int? id, CancellationToken ct)
    {
        if (await FindPlanAsync(slug, year, ct) is { } missing)
        {
            return missing;
        }

        if (id is { } allocationId && (Allocation = View.Allocations.FirstOrDefault(a => a.Allocation.Id == allocationId)?.Allocation) is null)
        {
            return NotFound();
        }

        if (!View.CanEdit)
        {
            return this.Refused(EditRefused);
        }

        Links = await FundingPages.LinkChoicesAsync(Db, View.Partnership.Id, View.Year, ct);
        return null;
    }
}
