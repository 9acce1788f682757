using SaferPlan.Core.Funding;

namespace SaferPlan.Funding;

/// <summary>Adds an allocation to a project from one of the year's streams, or changes one.</summary>
[Authorize]
public sealed class AllocationFormModel(SaferPlanDbContext db, FundingService funding, CurrentUser current) : FundingFormPage(db, funding, current)
{
    public FundingAllocation? Allocation { get; private set; }

    public IReadOnlyList<Choice> Links { get; private set; } = [];

    /// <summary>The allocation's boxes as posted: the stream, status, link and marking are read in <see cref="OnPostAsync"/>.</summary>
    public sealed record Form(string? StreamId, string? Name, string? Amount, string? Status, string? Note, string? Link, string? Outcome, string? Results,
        string? Marking, string? AmendmentReason);

    [BindProperty] public Form Input { get; set; } = new(null, null, null, null, null, null, null, null, null, null);

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
            Input = new(a.StreamId.ToString(CultureInfo.InvariantCulture), a.Name, Money.Invariant(a.Amount), a.Status.ToString(), a.Note, FundingPages.LinkValue(a),
                a.Outcome, a.Results, a.Marking.ToString(), null);
            Version = a.Version;
        }
        else
        {
            Input = Input with { Marking = nameof(ProtectiveMarking.Official) };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string year, int? id, CancellationToken ct)
    {
        if (await LoadAsync(slug, year, id, ct) is { } refused)
        {
            return refused;
        }

        var (f, (priorityId, actionId, milestoneId)) = (Input, FormFields.ChosenItem(Input.Link));
        var input = new AllocationInput(
            int.TryParse(f.StreamId, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null, f.Name, f.Amount,
            Enum.TryParse<AllocationStatus>(f.Status, out var status) ? status : null, f.Note, priorityId, actionId, milestoneId, f.Outcome, f.Results,
            Enum.TryParse<ProtectiveMarking>(f.Marking, out var marking) ? marking : null, f.AmendmentReason);
        return await SaveAsync(
            async () => (await Funding.CheckAllocationAsync(View.Partnership.Id, View.Year, input, View.Plan?.IsAgreed == true, ct)).Errors,
            async () => Allocation is null
                ? await Funding.AddAllocationAsync(View.Partnership.Id, View.Year, input, await UserAsync(), ct)
                : await Funding.UpdateAllocationAsync(Allocation.Id, input, Version, await UserAsync(), ct),
            a => $"{a.Name} saved", a => $"#allocation-{a.Id}", FundingPages.Box);
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
