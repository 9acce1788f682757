namespace SaferPlan.Core.Editing;

/// <summary>
/// The rule every item with a lead officer shares (priorities, actions, milestones, task group reports): the person named,
/// if any, is one of the partnership's people.
/// </summary>
public static class LeadOfficerRule
{
    /// <summary>The lead officer given, with "Choose a lead officer from the partnership's people" noted under <c>LeadOfficerId</c> when they are not one.</summary>
    public static async Task<int?> LeadOfficerAsync(this FieldCheck check, SaferPlanDbContext db, int? personId, int partnershipId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(db);
        if (personId is { } id && !await db.People.AnyAsync(p => p.Id == id && p.PartnershipId == partnershipId, ct))
        {
            check.Add("LeadOfficerId", "Choose a lead officer from the partnership's people");
        }

        return personId;
    }
}
