namespace SaferPlan.Monitoring.BodyActionPlans;

/// <summary>A task group's own action plans, year by year (/bodies/{key}/action-plans), for the members of the partnerships it serves.</summary>
[Authorize]
public sealed class ActionPlansModel(BodyActionPlanService plans, CurrentUser current) : PageModel
{
    public Body Body { get; private set; } = null!;

    public IReadOnlyList<BodyActionPlan> Plans { get; private set; } = [];

    public bool CanWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (await plans.BodyAsync(key, ct) is not { } body || !Permissions.CanReadBodyActionPlans(user, body.Partnerships.Select(p => p.Id)))
        {
            return NotFound();
        }

        Body = body;
        CanWrite = Permissions.CanWriteBodyActionPlan(user, body.Partnerships.Select(p => p.Id));
        Plans = await plans.PlansOfBodyAsync(body.Id, ct);
        return Page();
    }
}
