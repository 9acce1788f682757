using SaferPlan.Core.Funding;

namespace SaferPlan.Funding;

/// <summary>Adds a funding stream to a year's plan, or changes one (with the amendment's reason once the plan is agreed).</summary>
[Authorize]
public sealed class StreamFormModel(SaferPlanDbContext db, FundingService funding, CurrentUser current) : FundingFormPage(db, funding, current)
{
    public FundingStream? Stream { get; private set; }

    [BindProperty] public StreamInput Input { get; set; } = new(null, null, null, null, null);

    public async Task<IActionResult> OnGetAsync(string slug, string year, int? id, CancellationToken ct)
    {
        if (await LoadAsync(slug, year, id, ct) is { } refused)
        {
            return refused;
        }

        if (Stream is { } s)
        {
            (Input, Version) = (new(s.Name, s.Funder, Money.Invariant(s.Amount), s.Received, s.Conditions), s.Version);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string year, int? id, CancellationToken ct)
    {
        if (await LoadAsync(slug, year, id, ct) is { } refused)
        {
            return refused;
        }

        var input = Input;
        return await SaveAsync(
            () => Task.FromResult(FundingService.CheckStream(input, View.Plan?.IsAgreed == true).Errors),
            async () => Stream is null
                ? await Funding.AddStreamAsync(View.Partnership.Id, View.Year, input, await UserAsync(), ct)
                : await Funding.UpdateStreamAsync(Stream.Id, input, Version, await UserAsync(), ct),
            s => $"{s.Name} saved");
    }

    private async Task<IActionResult?> LoadAsync(string slug, string year, int? id, CancellationToken ct)
    {
        if (await FindPlanAsync(slug, year, ct) is { } missing)
        {
            return missing;
        }

        if (id is { } streamId && (Stream = View.Streams.FirstOrDefault(s => s.Stream.Id == streamId)?.Stream) is null)
        {
            return NotFound();
        }

        return View.CanEdit ? null : this.Refused(EditRefused);
    }
}
