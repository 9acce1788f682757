namespace SaferPlan.Monitoring.BodyActionPlans;

/// <summary>
/// Adds an item to a task group's action plan (/bodies/{key}/action-plans/{planId}/items/new) or edits one
/// (/bodies/{key}/action-plans/{planId}/items/{id}/edit): the group's priority heading, number, lead, item, milestones.
/// </summary>
[Authorize]
public sealed class ItemFormModel(BodyActionPlanService plans, CurrentUser current) : BodyActionPlanFormPage(plans, current)
{
    public sealed record Form(
        string? Heading = null, string? Number = null, string? Lead = null, string? Text = null, string? Milestones = null,
        string? Marking = null, int Version = 0);

    [BindProperty]
    public Form Input { get; set; } = new();

    public BodyActionPlan Plan { get; private set; } = null!;

    public BodyActionPlanItem? Item { get; private set; }

    public bool IsNew => Item is null;

    public async Task<IActionResult> OnGetAsync(string key, int planId, int? id, CancellationToken ct)
    {
        if (await LoadAsync(key, planId, id, ct) is { } refused)
        {
            return refused;
        }

        Input = Item is { } item
            ? new Form { Heading = item.Heading, Number = item.Number, Lead = item.Lead, Text = item.Text, Milestones = item.Milestones, Marking = item.Marking.ToString(), Version = item.Version }
            : new Form { Heading = Plan.Items.LastOrDefault(i => i.Heading is not null)?.Heading, Marking = nameof(ProtectiveMarking.Official) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, int planId, int? id, CancellationToken ct)
    {
        if (await LoadAsync(key, planId, id, ct) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        var input = new BodyActionPlanItemInput
        {
            Heading = Input.Heading,
            Number = Input.Number,
            Lead = Input.Lead,
            Text = Input.Text,
            Milestones = Input.Milestones,
            Marking = FormFields.ParseEnum<ProtectiveMarking>(ModelState, "Input.Marking", Input.Marking, "Select the item's protective marking"),
        };
        var user = await UserAsync();
        return await this.SaveFormAsync(
            () => Plans.CheckItemAsync(Body.Key, Plan.Id, Item?.Id, input, user, ct),
            () => Plans.SaveItemAsync(Body.Key, Plan.Id, Item?.Id, input, Input.Version, user, ct),
            saved => this.Done($"Item {saved.Number} saved", $"/bodies/{Body.Key}/action-plans/{Plan.Id}"));
    }

    private async Task<IActionResult?> LoadAsync(string key, int planId, int? id, CancellationToken ct)
    {
        if (await FindBodyAsync(key, ct) is { } refused)
        {
            return refused;
        }

        if (await Plans.PlanAsync(Body.Id, planId, ct) is not { } plan)
        {
            return NotFound();
        }

        Plan = plan;
        if (id is { } itemId && (Item = plan.Items.FirstOrDefault(i => i.Id == itemId)) is null)
        {
            return NotFound();
        }

        return null;
    }
}
