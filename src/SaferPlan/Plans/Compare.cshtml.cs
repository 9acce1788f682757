namespace SaferPlan.Plans;

/// <summary>What changed between two editions: priorities added, dropped, merged and renamed; actions and milestones word by word.</summary>
public sealed class CompareModel(PlanReader reader, EditionComparer comparer, CurrentUser current) : PageModel
{
    public EditionView View { get; private set; } = null!;

    /// <summary>The other editions of the partnership's plans this reader may compare with.</summary>
    public IReadOnlyList<(PlanEdition Edition, string Plan)> Others { get; private set; } = [];

    public EditionComparison? Comparison { get; private set; }

    /// <summary>Whether this reader may turn a difference into a change made of this edition (a support officer, before approval).</summary>
    public bool CanDraftChanges { get; private set; }

    public ChangeDraft Draft(PriorityDifference difference) => ChangeDrafts.For(difference, View.Priorities);

    public ChangeDraft Draft(ItemDifference difference, string what) => ChangeDrafts.For(difference, what, View.Priorities);

    [BindProperty(SupportsGet = true)]
    public int? With { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (await reader.EditionAsync(id, user, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        CanDraftChanges = Permissions.RefreshChangeRefusal(user, view.Partnership.Id, view.Edition) is null;
        var partnership = await reader.PartnershipAsync(view.Partnership.Slug, user, ct);
        Others = partnership!.Plans.SelectMany(p => p.Editions.Select(e => (e, p.Title))).Where(x => x.e.Id != id)
            .OrderBy(x => x.e, EditionComparer.EarlierFirst).ToList();
        With ??= DefaultOther(view.Edition);
        if (With is { } other)
        {
            var result = await comparer.CompareAsync(other, id, user, ct);
            if (!result.Succeeded)
            {
                return NotFound();
            }

            Comparison = result.Value;
        }

        return Page();
    }

    /// <summary>
    /// The edition compared with when none is chosen: the one this was refreshed from, else the latest before it, else the
    /// first after it; null only when there is no other edition this reader may see.
    /// </summary>
    private int? DefaultOther(PlanEdition edition)
    {
        if (Others.Any(o => o.Edition.Id == edition.PreviousEditionId))
        {
            return edition.PreviousEditionId;
        }

        var earlier = Others.Where(o => EditionComparer.EarlierFirst.Compare(o.Edition, edition) < 0).ToList();
        return earlier.Count > 0 ? earlier[^1].Edition.Id : Others.Select(o => (int?)o.Edition.Id).FirstOrDefault();
    }

    public static string KindText(DifferenceKind kind) => kind switch
    {
        DifferenceKind.Added => "Added",
        DifferenceKind.Removed => "Removed",
        DifferenceKind.Merged => "Merged",
        DifferenceKind.Renamed => "Renamed",
        DifferenceKind.Reworded => "Reworded",
        DifferenceKind.Moved => "Moved",
        _ => "Changed",
    };
}
