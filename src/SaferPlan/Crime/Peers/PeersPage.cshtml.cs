using SaferPlan.Core.Crime.Peers;
using SaferPlan.Crime.Figures;

namespace SaferPlan.Crime.Peers;

/// <summary>
/// A partnership's comparator group for the latest 12 months with data, open to everyone; its analysts, support
/// officers and administrators pick the areas themselves or go back to the computed group.
/// </summary>
public sealed class PeersPageModel(CrimeStatistics statistics, PeerService peers, CurrentUser current, TimeProvider time) : PageModel
{
    public CrimeDataStamp Stamp { get; private set; } = null!;

    public PeersReport Report { get; private set; } = null!;

    public PeerChoice Choice { get; private set; } = null!;

    public bool CanChoose { get; private set; }

    [BindProperty]
    public List<int> Areas { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostChooseAsync(string slug, CancellationToken ct) => SaveAsync(slug, Areas, "Chosen comparator areas saved", ct);

    public Task<IActionResult> OnPostComputedAsync(string slug, CancellationToken ct) => SaveAsync(slug, null, "The comparator group is computed again", ct);

    /// <summary>Saves the areas picked (at least one), or with <paramref name="areas"/> null goes back to the computed group.</summary>
    private async Task<IActionResult> SaveAsync(string slug, IReadOnlyCollection<int>? areas, string success, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        if (areas is { Count: 0 })
        {
            ModelState.AddModelError("Areas", "Select at least one area, or use the computed group");
            return Page();
        }

        var result = await peers.ChooseAsync(Stamp.PartnershipId, areas ?? [], await current.GetAsync(), ct);
        return this.Saved(result, _ => success, _ => $"/partnerships/{slug}/peers");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await statistics.StampAsync(slug, ct) is not { } stamp)
        {
            return false;
        }

        Stamp = stamp;
        var to = CrimeQuery.DefaultTo(await statistics.MonthlyAsync(stamp, ct), time);
        Report = await peers.ReportAsync(stamp, to.AddMonths(-11), to, ct);
        Choice = await peers.ChoiceAsync(stamp.PartnershipId, ct);
        CanChoose = Permissions.CanChoosePeers(await current.GetAsync(), stamp.PartnershipId);
        return true;
    }
}
