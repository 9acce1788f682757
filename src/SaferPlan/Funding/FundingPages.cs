using SaferPlan.Core.Funding;

namespace SaferPlan.Funding;

/// <summary>What the funding pages share: the partnership and year their route names, and the choices their forms offer.</summary>
public static class FundingPages
{
    /// <summary>The partnership's id and the financial year ("2010-11"), or null when either is not there.</summary>
    public static async Task<(int PartnershipId, ReportingPeriod Year)?> RouteAsync(SaferPlanDbContext db, string slug, string year, CancellationToken ct)
    {
        if (!ReportingPeriod.TryParse(year, out var period) || !period.IsWholeYear)
        {
            return null;
        }

        var id = await db.Partnerships.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        return id is { } found ? (found, period) : null;
    }

    /// <summary>As <see cref="RouteAsync"/>, with the partnership's change stamp for <see cref="FundingPlanCache"/>, in the same query.</summary>
    public static async Task<(int PartnershipId, ReportingPeriod Year, long ChangeStamp)?> StampedRouteAsync(SaferPlanDbContext db, string slug, string year, CancellationToken ct)
    {
        if (!ReportingPeriod.TryParse(year, out var period) || !period.IsWholeYear)
        {
            return null;
        }

        var found = await db.Partnerships.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.ChangeStamp }).FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Id, period, found.ChangeStamp);
    }

    public static string PlanPath(string slug, ReportingPeriod year) => $"/partnerships/{slug}/funding/{year.Slug}";

    public static IEnumerable<Choice> Received =>
    [
        new("true", "Received"),
        new("false", "Expected", "Not yet received"),
    ];

    public static IEnumerable<Choice> Statuses =>
    [
        new(nameof(AllocationStatus.Confirmed), "Confirmed"),
        new(nameof(AllocationStatus.Provisional), "Provisional", "The figure may still change"),
    ];

    public static IEnumerable<Choice> PayeePublic =>
    [
        new("true", "Yes", "A company, charity or public body"),
        new("false", "No", "A person: the name is withheld from the published spending"),
    ];

    /// <summary>Reads "true"/"false" from radios; null when neither was chosen.</summary>
    public static bool? YesNo(string? value) => bool.TryParse(value, out var b) ? b : null;

    /// <summary>The radio to check for a yes or no: "true", "false", or none.</summary>
    public static string? YesNo(bool? value) => value switch { true => "true", false => "false", null => null };

    /// <summary>The year's priorities, actions and milestones an allocation can be for, as one select: "p12", "a30", "m77", read by FormFields.ChosenItem.</summary>
    public static async Task<IReadOnlyList<Choice>> LinkChoicesAsync(SaferPlanDbContext db, int partnershipId, ReportingPeriod year, CancellationToken ct)
    {
        var priorities = await db.Priorities.AsNoTracking().Include(p => p.Actions).ThenInclude(a => a.Milestones)
            .Where(p => p.Edition.YearStart == year.StartYear && p.Edition.Plan.PartnershipId == partnershipId && p.Edition.Status != EditionStatus.Superseded)
            .OrderBy(p => p.SortOrder).ToListAsync(ct);
        var choices = new List<Choice> { new("", "Not for a particular priority") };
        foreach (var p in priorities)
        {
            choices.Add(new($"p{p.Id}", p.Kind == PriorityKind.Priority ? $"Priority {p.Number}: {p.Title}" : p.Title));
            foreach (var a in p.Actions.OrderBy(a => a.SortOrder))
            {
                choices.Add(new($"a{a.Id}", $"Action {a.Number}: {Short(a.Text)}"));
                choices.AddRange(a.Milestones.OrderBy(m => m.SortOrder).Select(m => new Choice($"m{m.Id}", $"Milestone {m.Code}: {Short(m.Text)}")));
            }
        }

        return choices;
    }

    private static string Short(string text) => text.Length <= 80 ? text : text[..77] + "…";

    /// <summary>The link select's value for an allocation.</summary>
    public static string LinkValue(FundingAllocation a) =>
        a.MilestoneId is { } m ? $"m{m}" : a.ActionId is { } ac ? $"a{ac}" : a.PriorityId is { } p ? $"p{p}" : "";

    /// <summary>Puts a service's "PriorityId"/"ActionId"/"MilestoneId" errors against the one select.</summary>
    public static string Box(string field) => field is "PriorityId" or "ActionId" or "MilestoneId" ? "Link" : field;
}
