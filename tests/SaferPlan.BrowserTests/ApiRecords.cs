namespace SaferPlan.BrowserTests;

// What the browser tests read from the API to find their way (ids, codes, a saved update), as the tests' own records of
// the contract: only the fields they look at, read with the web defaults.

/// <summary>The id of something a POST created.</summary>
public sealed record CreatedJson(int Id);

/// <summary>One of GET /api/partnerships/{slug}/plans.</summary>
public sealed record PlanJson(IReadOnlyList<EditionSummaryJson> Editions);

public sealed record EditionSummaryJson(int Id, string Year);

/// <summary>GET /api/editions/{id}: the plan's tree.</summary>
public sealed record EditionJson(int Id, IReadOnlyList<PriorityJson> Priorities);

public sealed record PriorityJson(int Id, int Number, string Kind, IReadOnlyList<ActionJson> Actions);

public sealed record ActionJson(int Id, string Number, IReadOnlyList<MilestoneJson> Milestones);

public sealed record MilestoneJson(int Id, string Code, string Text);

/// <summary>GET /api/milestones/{id}/updates/{period}.</summary>
public sealed record UpdateJson(string? Progress, string State, string? Author, string Marking);

/// <summary>GET /api/indicators/{id}.</summary>
public sealed record IndicatorJson(int Id, string Code);
