namespace SaferPlan.Monitoring.BodyActionPlans;

/// <summary>
/// One of a task group's action plans (/bodies/{key}/action-plans/{id}): its header lines and its items under the
/// group's priority headings, with a quarter's progress (the plan's latest quarter with progress unless one is asked for).
/// </summary>
[Authorize]
public sealed class ActionPlanModel(BodyActionPlanService plans, CurrentUser current) : PageModel
{
    public Body Body { get; private set; } = null!;

    public BodyActionPlan Plan { get; private set; } = null!;

    public bool CanWrite { get; private set; }

    /// <summary>The quarter whose progress is shown.</summary>
    public ReportingPeriod Quarter { get; private set; }

    public IEnumerable<ReportingPeriod> Quarters => Enumerable.Range(1, 4).Select(q => ReportingPeriod.Of(Plan.Year.StartYear, q));

    public async Task<IActionResult> OnGetAsync(string key, int id, ReportingPeriod? quarter, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (await plans.BodyAsync(key, ct) is not { } body || !Permissions.CanReadBodyActionPlans(user, body.Partnerships.Select(p => p.Id))
            || await plans.PlanAsync(body.Id, id, ct) is not { } plan)
        {
            return NotFound();
        }

        Body = body;
        Plan = plan;
        CanWrite = Permissions.CanWriteBodyActionPlan(user, body.Partnerships.Select(p => p.Id));
        Quarter = quarter is { IsWholeYear: false } q && q.FinancialYear == plan.Year
            ? q
            : plan.Items.SelectMany(i => i.Progress).Select(p => (ReportingPeriod?)p.Period).Max() ?? ReportingPeriod.Of(plan.Year.StartYear, 1);
        return Page();
    }

    public string? ProgressOf(BodyActionPlanItem item) => item.Progress.FirstOrDefault(p => p.Period == Quarter)?.Progress;
}
