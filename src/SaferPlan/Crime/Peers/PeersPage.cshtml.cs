using SaferPlan.Core.Crime.Peers;
using SaferPlan.Crime.Figures;

namespace SaferPlan.Crime.Peers;

/// <summary>
/// A partnership's comparator group over a 12-month window (by default the latest 12 months with data; the
/// assessment's links carry its own window), open to everyone; its analysts, support officers and administrators
/// pick the areas themselves or go back to the computed group.
/// </summary>
public sealed class PeersPageModel(CrimeStatistics statistics, PeerService peers, CurrentUser current, TimeProvider time)
    : CrimeWindowPageModel(statistics, time)
{
    /// <summary>The group and comparison for the window, or null when the months asked for are not a 12-month window.</summary>
    public PeersReport? Report { get; private set; }

    public PeerChoice Choice { get; private set; } = null!;

    public bool CanChoose { get; private set; }

    /// <summary>The window as a query string ("?from=2008-09&amp;to=2009-08"), or empty when the months asked for were not valid.</summary>
    public string WindowQuery => Report is { } r ? $"?from={r.From}&to={r.To}" : "";

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
        return this.Saved(result, _ => success, _ => $"/partnerships/{slug}/peers{WindowQuery}");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (!await FindStampAsync(slug, ct))
        {
            return false;
        }

        if (await ReadWindowAsync((latest, errors) => PeerEndpoints.Read(From, To, latest, errors), ct) is { } window)
        {
            Report = await peers.ReportAsync(Stamp, window.From, window.To, ct);
        }

        Choice = await peers.ChoiceAsync(Stamp.PartnershipId, ct);
        CanChoose = Permissions.CanChoosePeers(await current.GetAsync(), Stamp.PartnershipId);
        return true;
    }
}
