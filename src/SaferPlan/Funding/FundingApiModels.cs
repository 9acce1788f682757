using System.Text.Json;
using SaferPlan.Core.Funding;

namespace SaferPlan.Funding;

/// <summary>Amounts arrive as JSON numbers or strings ("5847.00", "£5,847.00"); both are read by the one money rule, so "abc" is refused by field.</summary>
public static class AmountJson
{
    public static string? Text(JsonElement? amount) => amount switch
    {
        null => null,
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { } other => other.GetRawText(),
    };
}

public sealed record StreamRequest(string? Name, string? Funder, JsonElement? Amount, bool? Received, string? Conditions, string? AmendmentReason, int? Version)
{
    public StreamInput ToInput() => new(Name, Funder, AmountJson.Text(Amount), Received, Conditions, AmendmentReason);
}

public sealed record AllocationRequest(
    int? StreamId, string? Name, JsonElement? Amount, AllocationStatus? Status, string? Note, int? PriorityId, int? ActionId, int? MilestoneId,
    string? Outcome, string? Results, ProtectiveMarking? Marking, string? AmendmentReason, int? Version)
{
    public AllocationInput ToInput() => new(StreamId, Name, AmountJson.Text(Amount), Status, Note, PriorityId, ActionId, MilestoneId, Outcome, Results,
        Marking ?? ProtectiveMarking.Official, AmendmentReason);
}

public sealed record SpendRequest(int? AllocationId, DateOnly? SpentOn, JsonElement? Amount, string? Payee, bool? PayeeIsPublic, string? Purchase, string? TransactionId, int? Version)
{
    public SpendInput ToInput() => new(AllocationId, SpentOn, AmountJson.Text(Amount), Payee, PayeeIsPublic, Purchase, TransactionId);
}

/// <summary>The Board decision agreeing a year's funding plan.</summary>
public sealed record AgreementRequest(DateOnly? DecidedOn, string? Body, string? Minute);

/// <summary>A payment; the payee's name is "Redacted – personal data" for visitors when it may not be published.</summary>
public sealed record SpendDto(int Id, int AllocationId, DateOnly SpentOn, decimal Amount, string Supplier, bool? PayeeIsPublic, string Purchase, string TransactionId, int Version)
{
    public static SpendDto From(SpendLine line, bool full) =>
        new(line.Spend.Id, line.Spend.AllocationId, line.Spend.SpentOn, line.Spend.Amount, line.Supplier, full ? line.Spend.PayeeIsPublic : null,
            line.Spend.Purchase, line.Spend.TransactionId, line.Spend.Version);
}

public sealed record AllocationDto(
    int Id, int StreamId, string Name, decimal Amount, AllocationStatus Status, string? Note, int? PriorityId, int? ActionId, int? MilestoneId,
    string Priority, string? Outcome, string? Results, ProtectiveMarking Marking, decimal Spent, decimal Left, string? Flag, int Version, IReadOnlyList<SpendDto> Spending)
{
    public static AllocationDto From(AllocationLine line, bool full)
    {
        var a = line.Allocation;
        return new(a.Id, a.StreamId, a.Name, a.Amount, a.Status, a.Note, a.PriorityId, a.ActionId, a.MilestoneId, line.PriorityLabel, a.Outcome, a.Results,
            a.Marking, line.Spent, line.Left, line.Flag, a.Version, line.Spending.Select(s => SpendDto.From(s, full)).ToList());
    }
}

public sealed record StreamDto(int Id, string Name, string? Funder, decimal Amount, bool Received, string? Conditions, decimal Allocated, decimal Spent, decimal Left, string? Flag, int Version)
{
    public static StreamDto From(StreamLine line) =>
        new(line.Stream.Id, line.Stream.Name, line.Stream.Funder, line.Stream.Amount, line.Stream.Received, line.Stream.Conditions, line.Allocated, line.Spent, line.Left, line.Flag, line.Stream.Version);
}

public sealed record PriorityFundingDto(int? PriorityId, string Priority, decimal Allocated, decimal Spent, decimal Left);

/// <summary>A year's funding plan: the totals, what is over, and each stream, priority and allocation with its spending.</summary>
public sealed record FundingPlanDto(
    string Partnership, string Year, DateOnly? AgreedOn, string? AgreedBy, string? AgreementMinute, int Version,
    decimal Received, decimal Allocated, decimal Spent, decimal Left, IReadOnlyList<string> Flags,
    IReadOnlyList<StreamDto> Streams, IReadOnlyList<PriorityFundingDto> Priorities, IReadOnlyList<AllocationDto> Allocations)
{
    public static FundingPlanDto From(FundingPlanView v) => new(
        v.Partnership.Slug, v.Year.Slug, v.Plan?.AgreedOn, v.Plan?.AgreedBy, v.Plan?.AgreementMinute, v.Plan?.Version ?? 0,
        v.Received, v.Allocated, v.Spent, v.Left, v.Flags,
        v.Streams.Select(StreamDto.From).ToList(),
        v.Priorities.Select(p => new PriorityFundingDto(p.PriorityId, p.Label, p.Allocated, p.Spent, p.Left)).ToList(),
        v.Allocations.Select(a => AllocationDto.From(a, v.IsFull)).ToList());
}

/// <summary>One line of the public account: the Transparency Code's fields and what the money was for.</summary>
public sealed record PublicSpendDto(DateOnly Date, string Priority, string ExpenseType, string Project, string Description, string Supplier, decimal Amount, string TransactionId);

public sealed record PublicSpendingDto(string Partnership, string Year, IReadOnlyList<PublicSpendDto> Lines, decimal Total)
{
    public static PublicSpendingDto From(FundingPlanView v)
    {
        var lines = v.Payments.Select(p => new PublicSpendDto(p.Line.Spend.SpentOn, p.Allocation.PriorityLabel, p.Allocation.Allocation.Stream.Name,
            p.Allocation.Allocation.Name, p.Line.Spend.Purchase, p.Line.Supplier, p.Line.Spend.Amount, p.Line.Spend.TransactionId)).ToList();
        return new(v.Partnership.Slug, v.Year.Slug, lines, lines.Sum(l => l.Amount));
    }
}

/// <summary>The Board decision recorded against a year's funding plan, with the plan's new version.</summary>
public sealed record AgreementDto(DateOnly? AgreedOn, string? AgreedBy, string? AgreementMinute, int Version)
{
    public static AgreementDto From(FundingPlan plan) => new(plan.AgreedOn, plan.AgreedBy, plan.AgreementMinute, plan.Version);
}

/// <summary>A stream as added.</summary>
public sealed record SavedStreamDto(int Id, string Name, string? Funder, decimal Amount, bool Received, string? Conditions, int Version)
{
    public static SavedStreamDto From(FundingStream s) => new(s.Id, s.Name, s.Funder, s.Amount, s.Received, s.Conditions, s.Version);
}

/// <summary>A stream as changed: what the plan's totals hang on, and the new version.</summary>
public sealed record UpdatedStreamDto(int Id, string Name, decimal Amount, bool Received, int Version)
{
    public static UpdatedStreamDto From(FundingStream s) => new(s.Id, s.Name, s.Amount, s.Received, s.Version);
}

/// <summary>An allocation as added.</summary>
public sealed record SavedAllocationDto(
    int Id, int StreamId, string Name, decimal Amount, AllocationStatus Status, string? Note, int? PriorityId, int? ActionId, int? MilestoneId,
    string? Outcome, string? Results, ProtectiveMarking Marking, int Version)
{
    public static SavedAllocationDto From(FundingAllocation a) =>
        new(a.Id, a.StreamId, a.Name, a.Amount, a.Status, a.Note, a.PriorityId, a.ActionId, a.MilestoneId, a.Outcome, a.Results, a.Marking, a.Version);
}

/// <summary>An allocation as changed: what the plan's totals hang on, and the new version.</summary>
public sealed record UpdatedAllocationDto(int Id, string Name, decimal Amount, AllocationStatus Status, int Version)
{
    public static UpdatedAllocationDto From(FundingAllocation a) => new(a.Id, a.Name, a.Amount, a.Status, a.Version);
}

/// <summary>A payment as added or changed; the payee is not repeated back.</summary>
public sealed record SavedSpendDto(int Id, int AllocationId, DateOnly SpentOn, decimal Amount, string TransactionId, int Version)
{
    public static SavedSpendDto From(FundingSpend s) => new(s.Id, s.AllocationId, s.SpentOn, s.Amount, s.TransactionId, s.Version);
}

/// <summary>How many payments a spending file recorded.</summary>
public sealed record SpendingImportDto(int Recorded);
