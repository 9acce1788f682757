using SaferPlan.Core.Funding;

namespace SaferPlan.Funding;

/// <summary>
/// Confirms and deletes a funding stream, an allocation or a payment. Money already placed is never lost silently: a
/// stream with allocations, or an allocation with spending, is kept until they are deleted or moved. Once the Board has
/// agreed the plan, a stream or allocation goes only with an amendment reason; payments are the year's account, deleted as
/// they are edited.
/// </summary>
[Authorize]
public sealed class DeleteModel(SaferPlanDbContext db, FundingService funding, CurrentUser current) : FundingFormPage(db, funding, current)
{
    public string Kind { get; private set; } = "";

    /// <summary>What is deleted, as the heading and button name it: "the funding stream Pooled Fund".</summary>
    public string Description { get; private set; } = "";

    /// <summary>What goes with it, in a finance officer's words.</summary>
    public string Consequence { get; private set; } = "";

    /// <summary>Why it cannot be deleted yet, or null.</summary>
    public string? Blocker { get; private set; }

    public bool AsksReason => View.IsAgreed && Kind != "spending";

    [BindProperty] public string? AmendmentReason { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, string year, string kind, int id, CancellationToken ct) =>
        await LoadAsync(slug, year, kind, id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string slug, string year, string kind, int id, CancellationToken ct)
    {
        var version = Version;
        if (await LoadAsync(slug, year, kind, id, ct) is { } refused)
        {
            return refused;
        }

        var user = await UserAsync();
        string Done<T>(T _) => $"Deleted {Description}";
        static string Box(string field) => field == Amendments.ReasonField ? field : "";
        return kind switch
        {
            "streams" => Answer(await Funding.DeleteStreamAsync(id, version, AmendmentReason, user, ct), Done, box: Box),
            "allocations" => Answer(await Funding.DeleteAllocationAsync(id, version, AmendmentReason, user, ct), Done, box: Box),
            _ => Answer(await Funding.DeleteSpendingAsync(id, version, user, ct), Done, s => $"#allocation-{s.AllocationId}", Box),
        };
    }

    private async Task<IActionResult?> LoadAsync(string slug, string year, string kind, int id, CancellationToken ct)
    {
        if (await FindPlanAsync(slug, year, ct) is { } missing)
        {
            return missing;
        }

        Kind = kind;
        var agreed = View.IsAgreed
            ? $" The Board agreed the funding plan on {Dates.Display(View.Plan!.AgreedOn!.Value)}: the deletion is recorded as an amendment, with your reason."
            : "";
        switch (kind)
        {
            case "streams" when View.Streams.FirstOrDefault(s => s.Stream.Id == id) is { } line:
                var allocations = View.Allocations.Count(a => a.Allocation.StreamId == id);
                Description = $"the funding stream {line.Stream.Name}";
                Consequence = $"{line.Stream.Name} and the {Money.Display(line.Stream.Amount)} {(line.Stream.Received ? "received" : "expected")} from it will be taken out of the funding plan.{agreed}";
                Blocker = allocations == 0 ? null : FundingService.StreamInUse(line.Stream.Name, allocations);
                Version = line.Stream.Version;
                return View.CanEdit ? null : this.Refused(EditRefused);
            case "allocations" when View.Allocations.FirstOrDefault(a => a.Allocation.Id == id) is { } line:
                Description = $"the allocation {line.Allocation.Name}";
                Consequence = $"The {Money.Display(line.Allocation.Amount)} allocated to {line.Allocation.Name} will go back to {line.Allocation.Stream.Name} as money not yet allocated.{agreed}";
                Blocker = line.Spending.Count == 0 ? null : FundingService.AllocationInUse(line.Allocation.Name, line.Spending.Count);
                Version = line.Allocation.Version;
                return View.CanEdit ? null : this.Refused(EditRefused);
            case "spending" when View.Payments.FirstOrDefault(p => p.Line.Spend.Id == id) is { Line: not null } payment:
                var spend = payment.Line.Spend;
                Description = $"payment {spend.TransactionId}";
                Consequence = $"The {Money.Display(spend.Amount)} paid on {Dates.Display(spend.SpentOn)} for {spend.Purchase} will be taken out of {payment.Allocation.Allocation.Name}'s spending and out of What we spent.";
                Version = spend.Version;
                return await Funding.SpendingChangeRefusalAsync(spend, await UserAsync(), ct) is { } refusal ? this.Refused(refusal) : null;
            default:
                return NotFound();
        }
    }
}
