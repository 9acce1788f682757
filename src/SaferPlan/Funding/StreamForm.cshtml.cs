using SaferPlan.Core.Funding;

namespace SaferPlan.Funding;

/// <summary>Adds a funding stream to a year's plan, or changes one (with the amendment's reason once the plan is agreed).</summary>
[Authorize]
public sealed class StreamFormModel(SaferPlanDbContext db, FundingService funding, CurrentUser current) : PageModel
{
    public FundingPlanView View { get; private set; } = null!;

    public FundingStream? Stream { get; private set; }

    public string Slug { get; private set; } = "";

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Funder { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Received { get; set; }
    [BindProperty] public string? Conditions { get; set; }
    [BindProperty] public string? AmendmentReason { get; set; }
    [BindProperty] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, string year, int? id, CancellationToken ct)
    {
        if (await LoadAsync(slug, year, id, ct) is { } refused)
        {
            return refused;
        }

        if (Stream is { } s)
        {
            (Name, Funder, Amount, Received, Conditions, Version) = (s.Name, s.Funder, Money.Invariant(s.Amount), s.Received ? "true" : "false", s.Conditions, s.Version);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string year, int? id, CancellationToken ct)
    {
        if (await LoadAsync(slug, year, id, ct) is { } refused)
        {
            return refused;
        }

        var input = new StreamInput(Name, Funder, Amount, FundingPages.YesNo(Received), Conditions, AmendmentReason);
        var user = await current.GetAsync();
        var result = Stream is null
            ? await funding.AddStreamAsync(View.Partnership.Id, View.Year, input, user, ct)
            : await funding.UpdateStreamAsync(Stream.Id, input, Version, user, ct);
        if (this.Refusal(result, prefix: "") is { } shown)
        {
            return shown;
        }

        TempData["Success"] = $"{result.Value!.Name} saved";
        return Redirect(FundingPages.PlanPath(slug, View.Year));
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
        if (id is { } streamId && (Stream = view.Streams.FirstOrDefault(s => s.Stream.Id == streamId)?.Stream) is null)
        {
            return NotFound();
        }

        return view.CanEdit ? null : this.Refused("Only the partnership's support officers and administrators can change its funding plan.");
    }
}
