using SaferPlan.Core.Funding;

namespace SaferPlan.Funding;

/// <summary>Adds an allocation to a project from one of the year's streams, or changes one.</summary>
[Authorize]
public sealed class AllocationFormModel(SaferPlanDbContext db, FundingService funding, CurrentUser current) : PageModel
{
    public FundingPlanView View { get; private set; } = null!;

    public FundingAllocation? Allocation { get; private set; }

    public IReadOnlyList<Choice> Links { get; private set; } = [];

    public string Slug { get; private set; } = "";

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
    [BindProperty] public int Version { get; set; }

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
        var user = await current.GetAsync();
        var result = Allocation is null
            ? await funding.AddAllocationAsync(View.Partnership.Id, View.Year, input, user, ct)
            : await funding.UpdateAllocationAsync(Allocation.Id, input, Version, user, ct);
        if (this.Refusal(result, prefix: "", box: FundingPages.Box) is { } shown)
        {
            return shown;
        }

        TempData["Success"] = $"{result.Value!.Name} saved";
        return Redirect($"{FundingPages.PlanPath(slug, View.Year)}#allocation-{result.Value.Id}");
    }

    private async Task<IActionResult?> LoadAsync(string slug, string year, int? id, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (await FundingPages.RouteAsync(db, slug, year, ct) is not { } route
            || await funding.PlanAsync(route.PartnershipId, route.Year, user, ct: ct) is not { IsFull: true } view)
        {
            return NotFound();
        }

        (View, Slug) = (view, slug);
        if (id is { } allocationId && (Allocation = view.Allocations.FirstOrDefault(a => a.Allocation.Id == allocationId)?.Allocation) is null)
        {
            return NotFound();
        }

        if (!view.CanEdit)
        {
            return this.Refused("Only the partnership's support officers and administrators can change its funding plan.");
        }

        Links = await FundingPages.LinkChoicesAsync(db, route.PartnershipId, route.Year, ct);
        return null;
    }
}
