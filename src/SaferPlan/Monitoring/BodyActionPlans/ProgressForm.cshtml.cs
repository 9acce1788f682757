namespace SaferPlan.Monitoring.BodyActionPlans;

/// <summary>
/// A quarter's progress for every item of a task group's action plan on one form
/// (/bodies/{key}/action-plans/{planId}/progress/{period}): a box and a marking per item, saved with one submit.
/// </summary>
[Authorize]
public sealed class ProgressFormModel(BodyActionPlanService plans, CurrentUser current) : BodyActionPlanFormPage(plans, current)
{
    public sealed class Row
    {
        public int ItemId { get; set; }

        public string? Progress { get; set; }

        /// <summary>No default: a post without it is asked for it, so a Restricted item's progress never becomes Official by being left out.</summary>
        public string? Marking { get; set; }

        public int Version { get; set; }
    }

    [BindProperty]
    public List<Row> Items { get; set; } = [];

    public BodyActionPlan Plan { get; private set; } = null!;

    public ReportingPeriod Period { get; private set; }

    public BodyActionPlanItem ItemOf(Row row) => Plan.Items.First(i => i.Id == row.ItemId);

    public async Task<IActionResult> OnGetAsync(string key, int planId, ReportingPeriod? period, CancellationToken ct)
    {
        if (await LoadAsync(key, planId, period, ct) is { } refused)
        {
            return refused;
        }

        Items = Plan.Items.Select(i => i.Progress.FirstOrDefault(p => p.Period == Period) is { } p
                ? new Row { ItemId = i.Id, Progress = p.Progress, Marking = p.Marking.ToString(), Version = p.Version }
                : new Row { ItemId = i.Id, Marking = nameof(ProtectiveMarking.Official) })
            .ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, int planId, ReportingPeriod? period, CancellationToken ct)
    {
        if (await LoadAsync(key, planId, period, ct) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        Items = Items.Where(r => Plan.Items.Any(i => i.Id == r.ItemId)).ToList();
        var input = Items.Select((r, n) => new BodyActionPlanProgressInput(
                r.ItemId,
                r.Progress,
                FormFields.ParseEnum<ProtectiveMarking>(ModelState, $"Items[{n}].Marking", r.Marking, $"Select the protective marking of item {ItemOf(r).Number}'s progress"),
                r.Version))
            .ToList();
        return await this.SaveFormAsync(
            () => BodyActionPlanService.CheckProgress(Plan, Period, input),
            async () => await Plans.SaveProgressAsync(Body.Key, Plan.Id, Period, input, await UserAsync(), ct),
            _ => this.Done($"{Period.Display} progress of {Plan.Title} saved", $"/bodies/{Body.Key}/action-plans/{Plan.Id}?quarter={Period.Slug}"),
            prefix: "");
    }

    private async Task<IActionResult?> LoadAsync(string key, int planId, ReportingPeriod? period, CancellationToken ct)
    {
        if (await FindBodyAsync(key, ct) is { } refused)
        {
            return refused;
        }

        if (await Plans.PlanAsync(Body.Id, planId, ct) is not { } plan || period is not { IsWholeYear: false } quarter || quarter.FinancialYear != plan.Year)
        {
            return NotFound();
        }

        Plan = plan;
        Period = quarter;
        return null;
    }
}
