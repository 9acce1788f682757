namespace SaferPlan.Monitoring.BodyActionPlans;

/// <summary>
/// What every form of a task group's action plans shares: the group found for the route and readable by the user (404 for
/// anyone else), and writable by them (else the refusal naming who may).
/// </summary>
public abstract class BodyActionPlanFormPage(BodyActionPlanService plans, CurrentUser current) : PageModel
{
    public Body Body { get; private set; } = null!;

    protected BodyActionPlanService Plans => plans;

    protected Task<UserContext> UserAsync() => current.GetAsync();

    /// <summary>Finds the task group for the route; null when the user may keep its action plans (then <see cref="Body"/> is set), else the page's answer.</summary>
    protected async Task<IActionResult?> FindBodyAsync(string key, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (await plans.BodyAsync(key, ct) is not { } body || !Permissions.CanReadBodyActionPlans(user, body.Partnerships.Select(p => p.Id)))
        {
            return NotFound();
        }

        if (!Permissions.CanWriteBodyActionPlan(user, body.Partnerships.Select(p => p.Id)))
        {
            return this.Refused($"Only support officers and administrators of a partnership that {body.Name} serves can keep its action plan.");
        }

        Body = body;
        return null;
    }

}
