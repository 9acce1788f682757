using SaferPlan.Web.Tests.Plans;

namespace SaferPlan.Web.Tests.Accounts;

// The plan items' JSON as the authorisation tests read it: the tests' own description of the documented contract, kept
// apart from the app's types so a property renamed in the app fails a read (see PlanApi.Contract). Only what tests look at:
// who leads an item, its marking and what sits under it.

/// <summary>GET /api/editions/{id}: the priorities as its tree gives them, each with its lead officer.</summary>
internal sealed record LedEditionJson(int Id, IReadOnlyList<LedPriorityJson> Priorities)
{
    /// <summary>A priority (not a theme) by its number.</summary>
    public LedPriorityJson Priority(int number) => Priorities.Single(p => p.Number == number && p.Kind == "Priority");
}

/// <summary>A priority, from /api/priorities/{id} or an edition's tree.</summary>
internal sealed record LedPriorityJson(
    int Id, int Number, string Kind, string Title, PersonRefJson? LeadOfficer, string Marking, int Version, IReadOnlyList<LedActionJson> Actions) : IItemJson;

/// <summary>An action, from /api/actions/{id} or its priority.</summary>
internal sealed record LedActionJson(
    int Id, int PriorityId, string Number, string Text, PersonRefJson? LeadOfficer, string Marking, int Version, IReadOnlyList<LedMilestoneJson> Milestones) : IItemJson;

internal sealed record LedMilestoneJson(int Id, int ActionId, string Code, string Text, string Marking, int Version) : IItemJson;

/// <summary>A person named on an item: an id and a name, never an e-mail address.</summary>
internal sealed record PersonRefJson(int Id, string Name);
