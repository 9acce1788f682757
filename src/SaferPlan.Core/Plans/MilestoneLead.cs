using SaferPlan.Core.Documents;

namespace SaferPlan.Core.Plans;

/// <summary>
/// The agency a milestone's lead works for, decided once for the milestone page, the who-has-reported page and the Board
/// report. A milestone's lead text may only name its lead officer (the demo's 2009/10 plan prints a person in a milestone's
/// lead column, and the demo keeps that text): that names no agency, so the action's lead agency stands for it.
/// </summary>
public static class MilestoneLead
{
    /// <summary>The milestone's own lead agency: its lead text, unless that only names its lead officer.</summary>
    public static string? OwnAgency(Milestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return AgencyIn(milestone.Lead, milestone.LeadOfficer);
    }

    /// <summary>
    /// The lead agency as the plan writes it: the milestone's own (<see cref="OwnAgency"/>), else its action's (loaded with
    /// it), unless that too only names the action's lead officer.
    /// </summary>
    public static string? AgencyText(Milestone milestone) =>
        OwnAgency(milestone) ?? (milestone.Action is { } action ? AgencyIn(action.LeadAgency, action.LeadOfficer) : null);

    /// <summary>The agency leading the milestone: <see cref="AgencyText"/>, else the agency its lead officer works for; null when none is known.</summary>
    public static string? Agency(Milestone milestone) => AgencyText(milestone) ?? milestone.LeadOfficer?.Agency?.ShortName;

    private static string? AgencyIn(string? lead, Person? officer) =>
        ReportText.Clean(lead) is { } text && !string.Equals(text, officer?.Name, StringComparison.OrdinalIgnoreCase) ? text : null;
}
