namespace SaferPlan.Core.Funding;

/// <summary>A stream of a year's funding plan with what is allocated from it and spent, and its over-allocation if any.</summary>
public sealed record StreamLine(FundingStream Stream, decimal Allocated, decimal Spent)
{
    /// <summary>What is left of the stream once the spending is taken off.</summary>
    public decimal Left => Stream.Amount - Spent;

    public decimal Unallocated => Stream.Amount - Allocated;

    /// <summary>"£6,000.00 allocated against £5,847.00 received: £153.00 over", or null.</summary>
    public string? Flag => Allocated > Stream.Amount
        ? $"{Stream.Name}: {Money.Display(Allocated)} allocated against {Money.Display(Stream.Amount)} {(Stream.Received ? "received" : "expected")}: {Money.Display(Allocated - Stream.Amount)} over"
        : null;
}

/// <summary>One payment as the reader may see it: the payee's name, or that it is withheld, and whether the reader may change or delete it.</summary>
public sealed record SpendLine(FundingSpend Spend, string Supplier, bool CanChange);

/// <summary>An allocation with its spending, what it is for (the priority's label) and whether the reader may record spending on it.</summary>
public sealed record AllocationLine(FundingAllocation Allocation, IReadOnlyList<SpendLine> Spending, string PriorityLabel, int? PriorityNumber, bool CanRecordSpending)
{
    public decimal Spent => Spending.Sum(s => s.Spend.Amount);

    public decimal Left => Allocation.Amount - Spent;

    /// <summary>"£1,200.00 spent against £1,000.00 allocated: £200.00 over", or null.</summary>
    public string? Flag => Spent > Allocation.Amount
        ? $"{Allocation.Name}: {Money.Display(Spent)} spent against {Money.Display(Allocation.Amount)} allocated: {Money.Display(Spent - Allocation.Amount)} over"
        : null;

    /// <summary>The public account's sentence: "We spent £4,207 so that people using taxis at night would feel safer."</summary>
    public string Sentence
    {
        get
        {
            var outcome = string.IsNullOrWhiteSpace(Allocation.Outcome) ? $"on {Allocation.Name}" : Allocation.Outcome.Trim();
            var sentence = $"We spent {Money.Plain(Spent)} {outcome}";
            return sentence.EndsWith('.') ? sentence : sentence + ".";
        }
    }
}

/// <summary>What a priority (or the projects for no priority) had allocated and spent.</summary>
public sealed record PriorityLine(int? PriorityId, int? Number, string Label, decimal Allocated, decimal Spent)
{
    public decimal Left => Allocated - Spent;
}

/// <summary>
/// A partnership's funding plan for a year as the reader may see it: members see everything; visitors (only once the Board
/// has agreed it) see it without restricted allocations and without the names of payees who are people.
/// </summary>
public sealed record FundingPlanView(
    Partnership Partnership,
    ReportingPeriod Year,
    FundingPlan? Plan,
    IReadOnlyList<StreamLine> Streams,
    IReadOnlyList<AllocationLine> Allocations,
    IReadOnlyList<PriorityLine> Priorities,
    bool IsFull,
    bool CanEdit,
    bool MayRecordSpending)
{
    public decimal Received => Streams.Sum(s => s.Stream.Amount);

    public decimal Allocated => Streams.Sum(s => s.Allocated);

    public decimal Spent => Streams.Sum(s => s.Spent);

    public decimal Left => Received - Spent;

    public bool IsAgreed => Plan?.IsAgreed == true;

    /// <summary>Every over-allocated stream and over-spent allocation, with the figures.</summary>
    public IReadOnlyList<string> Flags =>
        Streams.Select(s => s.Flag).Concat(Allocations.Select(a => a.Flag)).OfType<string>().ToList();

    /// <summary>The public account: allocations with spending, grouped by priority in the plan's order.</summary>
    public IReadOnlyList<(string Label, IReadOnlyList<AllocationLine> Lines, decimal Total)> SpendingByPriority =>
        Allocations.Where(a => a.Spent > 0)
            .GroupBy(a => (a.PriorityNumber, a.PriorityLabel))
            .OrderBy(g => g.Key.PriorityNumber ?? int.MaxValue)
            .Select(g => (g.Key.PriorityLabel, (IReadOnlyList<AllocationLine>)g.ToList(), g.Sum(a => a.Spent)))
            .ToList();

    /// <summary>Every payment the reader may see, in date order, with the stream and allocation it came from.</summary>
    public IReadOnlyList<(AllocationLine Allocation, SpendLine Line)> Payments =>
        Allocations.SelectMany(a => a.Spending.Select(s => (a, s)))
            .OrderBy(p => p.s.Spend.SpentOn).ThenBy(p => p.s.Spend.TransactionId, StringComparer.Ordinal).ToList();
}
