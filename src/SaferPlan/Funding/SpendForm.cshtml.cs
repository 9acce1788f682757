using SaferPlan.Core.Funding;

namespace SaferPlan.Funding;

/// <summary>
/// Records a payment against an allocation, or changes one: support officers, and the lead officers of what the allocation is
/// for, who change only the payments they recorded.
/// </summary>
[Authorize]
public sealed class SpendFormModel(SaferPlanDbContext db, FundingService funding, CurrentUser current) : FundingFormPage(db, funding, current)
{
    public FundingSpend? Spend { get; private set; }

    /// <summary>The payment's boxes as posted but its date: the allocation and the yes or no are read in <see cref="OnPostAsync"/>.</summary>
    public sealed record Form(string? AllocationId, string? Amount, string? Payee, string? PayeeIsPublic, string? Purchase, string? TransactionId);

    [BindProperty] public Form Input { get; set; } = new(null, null, null, null, null, null);
    [BindProperty] public DateParts SpentOn { get; set; } = new();

    public IEnumerable<Choice> Allocations =>
        new[] { new Choice("", "Select an allocation") }.Concat(View.Allocations.Where(a => a.CanRecordSpending)
            .Select(a => new Choice(a.Allocation.Id.ToString(CultureInfo.InvariantCulture), $"{a.Allocation.Name} ({a.Allocation.Stream.Name}, {Money.Display(a.Left)} left)")));

    public async Task<IActionResult> OnGetAsync(string slug, string year, int? id, int? allocation, CancellationToken ct)
    {
        if (await LoadAsync(slug, year, id, ct) is { } refused)
        {
            return refused;
        }

        if (Spend is { } s)
        {
            Input = new(s.AllocationId.ToString(CultureInfo.InvariantCulture), Money.Invariant(s.Amount), s.Payee, FundingPages.YesNo(s.PayeeIsPublic), s.Purchase, s.TransactionId);
            (SpentOn, Version) = (DateParts.From(s.SpentOn), s.Version);
        }
        else
        {
            Input = Input with { AllocationId = allocation?.ToString(CultureInfo.InvariantCulture) };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string year, int? id, CancellationToken ct)
    {
        if (await LoadAsync(slug, year, id, ct) is { } refused)
        {
            return refused;
        }

        var date = SpentOn.Read(ModelState, nameof(SpentOn), "The date of the payment");

        var f = Input;
        // The select always sends an allocation: none chosen, or one that cannot be read, is asked for (never "keep the one it had").
        int? allocation = int.TryParse(f.AllocationId, NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : null;
        if (allocation is null)
        {
            ModelState.AddModelError(nameof(f.AllocationId), "Select the allocation the money was spent from");
        }

        var input = new SpendInput(allocation, date, f.Amount, f.Payee, FundingPages.YesNo(f.PayeeIsPublic), f.Purchase, f.TransactionId);
        return await SaveAsync(
            async () => await Funding.CheckSpendingAsync(View.Partnership.Id, View.Year, input, Spend?.Id, ct),
            async () => Spend is null
                ? await Funding.AddSpendingAsync(View.Partnership.Id, View.Year, input, await UserAsync(), ct)
                : await Funding.UpdateSpendingAsync(Spend.Id, input, Version, await UserAsync(), ct),
            s => $"Payment {s.TransactionId} saved", s => $"#allocation-{s.AllocationId}");
    }

    private async Task<IActionResult?> LoadAsync(string slug, string year, int? id, CancellationToken ct)
    {
        if (await FindPlanAsync(slug, year, ct) is { } missing)
        {
            return missing;
        }

        if (id is { } spendId)
        {
            var line = View.Payments.FirstOrDefault(p => p.Line.Spend.Id == spendId);
            if (line.Line is null)
            {
                return NotFound();
            }

            Spend = line.Line.Spend;
            return await Funding.SpendingChangeRefusalAsync(Spend, await UserAsync(), ct) is { } refusal ? this.Refused(refusal) : null;
        }

        return View.Allocations.Any(a => a.CanRecordSpending) ? null : this.Refused("You do not lead anything this year's allocations are for, so you cannot record their spending.");
    }
}
