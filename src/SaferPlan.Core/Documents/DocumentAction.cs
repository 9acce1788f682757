namespace SaferPlan.Core.Documents;

/// <summary>
/// An action as the plan document and the milestone monitoring lay it out: a block of rows in the action plan table, one
/// per milestone, the action's own cells spanning them. The HTML and Word writers share its rows; the Board report's
/// action (<see cref="ReportAction"/>) is one with its leads and update rows.
/// </summary>
public record DocumentAction<TMilestone>(
    string Number,
    string Text,
    string? LeadAgency,
    string? OtherPartners,
    string? CrossReference,
    string? Note,
    bool Restricted,
    IReadOnlyList<TMilestone> Milestones)
    where TMilestone : IDocumentMilestone;

internal static class DocumentAction
{
    /// <summary>
    /// A plan action's own cells as a document shows them: its text, other partners, cross-reference and note each as
    /// <paramref name="text"/> gives them to the document's audience, beside the lead and milestones the document works out
    /// in its own way.
    /// </summary>
    public static DocumentAction<TMilestone> Of<TMilestone>(PlanAction action, Func<string?, string?> text, string? lead, IReadOnlyList<TMilestone> milestones)
        where TMilestone : IDocumentMilestone =>
        new(
            action.Number,
            text(action.Text) ?? "",
            lead,
            text(action.OtherPartners),
            text(action.CrossReferenceText),
            text(action.Note),
            action.Marking == ProtectiveMarking.Restricted,
            milestones);
}

/// <summary>A milestone in an action plan table: its own lead where it differs from the action's.</summary>
public interface IDocumentMilestone
{
    string? Lead { get; }
}
