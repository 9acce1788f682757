namespace SaferPlan.Monitoring.BodyActionPlans;

/// <summary>
/// Adds a task group's action plan (/bodies/{key}/action-plans/new) or edits its header
/// (/bodies/{key}/action-plans/{id}/edit): year, title, strategic aim, plan lead and marking.
/// </summary>
[Authorize]
public sealed class ActionPlanFormModel(BodyActionPlanService plans, CurrentUser current) : BodyActionPlanFormPage(plans, current)
{
    public sealed record Form(
        string? Year = null, string? Title = null, string? StrategicAim = null, string? PlanLead = null,
        string? Marking = null, int Version = 0);

    [BindProperty]
    public Form Input { get; set; } = new();

    public BodyActionPlan? Plan { get; private set; }

    public bool IsNew => Plan is null;

    public async Task<IActionResult> OnGetAsync(string key, int? id, CancellationToken ct)
    {
        if (await LoadAsync(key, id, ct) is { } refused)
        {
            return refused;
        }

        if (Plan is { } plan)
        {
            Input = new Form { Title = plan.Title, StrategicAim = plan.StrategicAim, PlanLead = plan.PlanLead, Marking = plan.Marking.ToString(), Version = plan.Version };
        }
        else
        {
            // Only a new item's form starts at Official: a post without a marking is asked for one, never defaulted.
            Input = new Form { Marking = nameof(ProtectiveMarking.Official) };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, int? id, CancellationToken ct)
    {
        if (await LoadAsync(key, id, ct) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        ReportingPeriod? year = null;
        if (IsNew)
        {
            if (ReportingPeriod.TryParse(Input.Year?.Trim(), out var typed) && typed.IsWholeYear)
            {
                year = typed;
            }
            else
            {
                ModelState.AddModelError("Input.Year", "Enter the financial year the plan covers, like 2010-11");
            }
        }

        var input = new BodyActionPlanInput
        {
            Year = year,
            Title = Input.Title,
            StrategicAim = Input.StrategicAim,
            PlanLead = Input.PlanLead,
            Marking = FormFields.ParseEnum<ProtectiveMarking>(ModelState, "Input.Marking", Input.Marking, "Select the plan's protective marking"),
        };
        var user = await UserAsync();
        return await this.SaveFormAsync(
            () => BodyActionPlanService.CheckPlan(input, IsNew).Errors,
            () => Plans.SavePlanAsync(Body.Key, Plan?.Id, input, Input.Version, user, ct),
            saved => this.Done($"{saved.Title} saved", $"/bodies/{Body.Key}/action-plans/{saved.Id}"));
    }

    private async Task<IActionResult?> LoadAsync(string key, int? id, CancellationToken ct)
    {
        if (await FindBodyAsync(key, ct) is { } refused)
        {
            return refused;
        }

        if (id is { } planId && (Plan = await Plans.PlanAsync(Body.Id, planId, ct)) is null)
        {
            return NotFound();
        }

        return null;
    }
}
