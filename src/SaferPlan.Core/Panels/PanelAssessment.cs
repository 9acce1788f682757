using SaferPlan.Core.Crime;
using SaferPlan.Core.Crime.Assessment;

namespace SaferPlan.Core.Panels;

/// <summary>A panel priority as the strategic assessment lists it: public words only (no contact, no names).</summary>
public sealed record AssessmentPanelPriority(string Panel, DateOnly RaisedOn, string Text, string RoutedTo, string Status);

/// <summary>
/// A ward's panel priorities in the assessment's 12 months beside its recorded crime (the hot-spot measure) in this period
/// and the previous one; null figures when no ward lookup gives the ward its crime. A priority set for a whole panel area
/// is listed under the panel's wards together, with their figures summed.
/// </summary>
public sealed record AssessmentPanelWard(string Ward, int? Current, int? Previous, IReadOnlyList<AssessmentPanelPriority> Priorities)
{
    public decimal? PercentChange => Current is { } c && Previous is { } p ? AssessmentMaths.PercentChange(c, p) : null;
}

/// <summary>The strategic assessment's "Neighbourhood panel priorities" section (seed 000: "priorities from Neighbourhood Panels").</summary>
public static class PanelAssessment
{
    public const string Heading = "Neighbourhood panel priorities";

    /// <summary>
    /// The Official panel priorities raised at meetings from the first day of <paramref name="from"/> to the last of
    /// <paramref name="to"/>, by ward; <paramref name="wardCounts"/> is asked for the wards' crime only when there are some.
    /// </summary>
    public static async Task<IReadOnlyList<AssessmentPanelWard>> WardsAsync(
        SaferPlanDbContext db, int partnershipId, CalendarMonth from, CalendarMonth to,
        Func<CancellationToken, Task<IReadOnlyDictionary<string, (int Current, int Previous)>>> wardCounts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(wardCounts);
        var first = from.FirstDay;
        var last = to.AddMonths(1).FirstDay;
        var priorities = await db.Set<PanelPriority>().AsNoTracking()
            .Where(p => p.Panel.PartnershipId == partnershipId && p.Marking == ProtectiveMarking.Official && p.RaisedAt.HeldOn >= first && p.RaisedAt.HeldOn < last)
            .Include(p => p.Panel).Include(p => p.RaisedAt).Include(p => p.RouteBody).Include(p => p.RouteContact).ThenInclude(c => c!.Agency)
            .ToListAsync(ct);
        if (priorities.Count == 0)
        {
            return [];
        }

        var counts = await wardCounts(ct);
        (int? Current, int? Previous) Figures(IReadOnlyList<string> wards)
        {
            var found = wards.Where(counts.ContainsKey).ToList();
            return found.Count == 0 ? (null, null) : (found.Sum(w => counts[w].Current), found.Sum(w => counts[w].Previous));
        }

        return priorities
            .GroupBy(p => p.Ward is { } w ? new[] { w } : [.. p.Panel.Wards])
            .Select(g => (Wards: g.Key, Items: g.ToList()))
            .GroupBy(g => string.Join(", ", g.Wards), StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var wards = g.First().Wards;
                var (current, previous) = Figures(wards);
                return new AssessmentPanelWard(g.Key, current, previous, g.SelectMany(x => x.Items)
                    .OrderBy(p => p.RaisedAt.HeldOn).ThenBy(p => p.Id)
                    .Select(p => new AssessmentPanelPriority(p.Panel.Name, p.RaisedAt.HeldOn, p.Text, PanelText.RoutedTo(p), PanelText.Status(p.Status)))
                    .ToList());
            })
            .OrderBy(w => w.Ward, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
