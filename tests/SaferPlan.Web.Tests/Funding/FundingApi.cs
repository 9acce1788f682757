using SaferPlan.Web.Tests.Plans;

namespace SaferPlan.Web.Tests.Funding;

// The funding API's JSON as its tests read it: the tests' own description of the documented contract, kept apart from the
// app's types so a property renamed in the app fails a read (see PlanApi.Contract). Only what tests look at.

/// <summary>A funding stream as created.</summary>
internal sealed record FundingStreamJson(int Id, string Name, string? Funder, decimal Amount, bool Received, int Version) : IItemJson;

/// <summary>An allocation as created.</summary>
internal sealed record FundingAllocationJson(int Id, int StreamId, string Name, decimal Amount, string Status, string Marking, int Version) : IItemJson;

/// <summary>A payment as recorded.</summary>
internal sealed record FundingSpendJson(int Id, int AllocationId, decimal Amount, string TransactionId, int Version) : IItemJson;

/// <summary>GET /api/partnerships/{slug}/funding?year=: the year's plan with its totals and flags.</summary>
internal sealed record FundingPlanJson(
    string? AgreedOn, string? AgreementMinute, decimal Received, decimal Allocated, decimal Spent, decimal Left, IReadOnlyList<string> Flags,
    IReadOnlyList<FundingStreamLineJson> Streams, IReadOnlyList<PriorityFundingJson> Priorities, IReadOnlyList<FundingAllocationLineJson> Allocations);

internal sealed record FundingStreamLineJson(int Id, string Name, decimal Amount, decimal Allocated, decimal Spent, decimal Left);

internal sealed record PriorityFundingJson(int? PriorityId, string Priority, decimal Allocated, decimal Spent, decimal Left);

internal sealed record FundingAllocationLineJson(int Id, string Name, decimal Amount, decimal Spent, decimal Left);

/// <summary>GET /api/partnerships/{slug}/spending?year=: the public account of what was spent.</summary>
internal sealed record PublicSpendingJson(IReadOnlyList<PublicSpendJson> Lines, decimal Total);

internal sealed record PublicSpendJson(string Project, string Supplier, decimal Amount, string TransactionId);

/// <summary>What an uploaded spending file gives back.</summary>
internal sealed record SpendingImportJson(int Recorded);
