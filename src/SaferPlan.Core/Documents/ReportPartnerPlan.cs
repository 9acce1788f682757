using SaferPlan.Core.Monitoring;

namespace SaferPlan.Core.Documents;

/// <summary>
/// A task group's own action plan shared into the report (seed 001's "Southern Domestic Abuse Task Group" pages): its
/// header lines and its items grouped under the group's priority headings, each with the quarter's progress.
/// </summary>
public sealed record ReportPartnerPlan(
    string BodyName,
    string Title,
    string? StrategicAim,
    string YearText,
    string? PlanLead,
    IReadOnlyList<ReportPartnerPlanGroup> Groups,
    bool Restricted)
{
    public const string NumberHeading = "Key Support Indicator";
    public const string LeadHeading = "Lead";
    public const string ItemHeading = "Action Plan Item";
    public const string MilestonesHeading = "Milestones";
    public const string ProgressHeading = "Quarterly Progress";

    /// <summary>"Southern Domestic Abuse Task Group: 2010-2011 Action Plan", for the contents.</summary>
    public string ContentsTitle => $"{BodyName}: {Title}";

    /// <summary>"Action Plan: 2010-2011".</summary>
    public string YearLine => $"Action Plan: {YearText}";

    /// <summary>"Action Plan Lead: SCDATG Chair".</summary>
    public string? LeadLine => PlanLead is { } lead ? $"Action Plan Lead: {lead}" : null;

    /// <summary>"Strategic Aim: To Measure Performance …".</summary>
    public string? AimLine => StrategicAim is { } aim ? $"Strategic Aim: {aim}" : null;
}

/// <summary>The items under one of the group's own priority headings (none when the plan does not group them).</summary>
public sealed record ReportPartnerPlanGroup(string? Heading, IReadOnlyList<ReportPartnerPlanItem> Items);

public sealed record ReportPartnerPlanItem(string Number, string? Lead, string Text, string? Milestones, string? Progress, bool Restricted, bool ProgressRestricted);

/// <summary>Reads the action plans of the bodies serving a partnership into the report, leaving out what the audience may not see.</summary>
internal static class PartnerPlans
{
    /// <param name="shown">Whether the audience sees an item of this marking (and remembers that something Restricted was shown).</param>
    public static async Task<List<ReportPartnerPlan>> ForAsync(SaferPlanDbContext db, int partnershipId, ReportingPeriod period, Func<ProtectiveMarking, bool> shown, CancellationToken ct)
    {
        var year = period.FinancialYear;
        var plans = await db.Set<BodyActionPlan>().AsNoTracking().Include(p => p.Items).ThenInclude(i => i.Progress)
            .Where(p => p.Year == year && db.Bodies.Any(b => b.Id == p.BodyId && b.Partnerships.Any(x => x.Id == partnershipId)))
            .ToListAsync(ct);
        var names = await db.Bodies.AsNoTracking().Where(b => b.Partnerships.Any(x => x.Id == partnershipId)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        return plans
            .Where(p => p.Items.Count > 0 && shown(p.Marking))
            .OrderBy(p => names[p.BodyId], StringComparer.Ordinal).ThenBy(p => p.Id)
            .Select(p => Plan(p, names[p.BodyId], period, shown))
            .ToList();
    }

    private static ReportPartnerPlan Plan(BodyActionPlan plan, string bodyName, ReportingPeriod period, Func<ProtectiveMarking, bool> shown)
    {
        var groups = new List<ReportPartnerPlanGroup>();
        List<ReportPartnerPlanItem>? current = null;
        string? heading = null;
        foreach (var item in plan.Items.OrderBy(i => i.SortOrder).ThenBy(i => i.Id).Where(i => shown(i.Marking)))
        {
            var itemHeading = ReportText.Clean(item.Heading);
            if (current is null || (itemHeading is not null && itemHeading != heading))
            {
                heading = itemHeading ?? heading;
                current = [];
                groups.Add(new ReportPartnerPlanGroup(itemHeading, current));
            }

            var progress = item.Progress.FirstOrDefault(x => x.Period == period);
            var progressShown = progress is not null && shown(progress.Marking);
            current.Add(new ReportPartnerPlanItem(
                item.Number,
                ReportText.Clean(item.Lead),
                ReportText.Clean(item.Text) ?? "",
                ReportText.Clean(item.Milestones),
                progressShown ? ReportText.Clean(progress!.Progress) : null,
                item.Marking == ProtectiveMarking.Restricted,
                progressShown && progress!.Marking == ProtectiveMarking.Restricted));
        }

        return new ReportPartnerPlan(
            bodyName,
            ReportText.Clean(plan.Title) ?? "Action Plan",
            ReportText.Clean(plan.StrategicAim),
            $"{plan.Year.StartYear}-{plan.Year.StartYear + 1}",
            ReportText.Clean(plan.PlanLead),
            groups,
            plan.Marking == ProtectiveMarking.Restricted);
    }
}
