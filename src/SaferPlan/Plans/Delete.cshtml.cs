namespace SaferPlan.Plans;

/// <summary>Confirms and deletes a priority, action or milestone.</summary>
[Authorize]
public sealed class DeleteModel(PlanReader reader, PlanEditor editor, CurrentUser current) : PageModel
{
    public string Description { get; private set; } = "";

    public string Text { get; private set; } = "";

    public string? Consequence { get; private set; }

    public int EditionId { get; private set; }

    public int Version { get; private set; }

    /// <summary>Whether the item was found but the user may not delete it (see <see cref="Permissions"/>).</summary>
    private bool forbidden;

    /// <summary>Why the edition keeps the item whoever asks (approved or superseded); null when it does not.</summary>
    private string? Refusal { get; set; }

    public async Task<IActionResult> OnGetAsync(string kind, int id, CancellationToken ct) =>
        await LoadAsync(kind, id, ct) ? Page() : forbidden ? this.Refused(Refusal) : NotFound();

    public async Task<IActionResult> OnPostAsync(string kind, int id, int version, CancellationToken ct)
    {
        if (!await LoadAsync(kind, id, ct))
        {
            return forbidden ? this.Refused(Refusal) : NotFound();
        }

        var user = await current.GetAsync();
        var refusal = kind switch
        {
            "priorities" => this.Refusal(await editor.DeletePriorityAsync(id, version, user, ct), prefix: ""),
            "actions" => this.Refusal(await editor.DeleteActionAsync(id, version, user, ct), prefix: ""),
            _ => this.Refusal(await editor.DeleteMilestoneAsync(id, version, user, ct), prefix: ""),
        };
        if (refusal is not null)
        {
            return refusal;
        }

        return this.Done($"Deleted {Description}", $"/editions/{EditionId}");
    }

    private async Task<bool> LoadAsync(string kind, int id, CancellationToken ct)
    {
        var user = await current.GetAsync();
        switch (kind)
        {
            case "priorities" when await reader.PriorityAsync(id, user, ct) is { } p:
                Description = $"priority {p.Priority.Number}";
                Text = p.Priority.Title;
                Consequence = p.Priority.Actions.Count == 0 ? null : $"Its {p.Priority.Actions.Count} actions and {p.Priority.Actions.Sum(a => a.Milestones.Count)} milestones will be deleted too.";
                EditionId = p.Priority.EditionId;
                Version = p.Priority.Version;
                forbidden = !Permissions.CanDeletePriority(user, p.PartnershipId, p.Priority.Edition);
                Refusal = Permissions.CanEditStructure(user, p.PartnershipId) ? Permissions.RemovalRefusal(p.Priority.Edition, Description) : null;
                return !forbidden;
            case "actions" when await reader.ActionAsync(id, user, ct) is { } a:
                Description = $"action {a.Action.Number}";
                Text = a.Action.Text;
                Consequence = a.Action.Milestones.Count == 0 ? null : $"Its {a.Action.Milestones.Count} milestones will be deleted too.";
                EditionId = a.Action.Priority.EditionId;
                Version = a.Action.Version;
                var actionWindow = await reader.InputRefusalAsync(a.Action.Priority.Edition, a.PartnershipId, user, ct);
                forbidden = !Permissions.CanDeleteAction(user, a.PartnershipId, a.Action.Priority.Edition, a.Action.Priority) || actionWindow is not null;
                Refusal = actionWindow ?? (Permissions.CanEdit(user, a.PartnershipId, a.Action.Priority) ? Permissions.RemovalRefusal(a.Action.Priority.Edition, Description) : null);
                return !forbidden;
            case "milestones" when await reader.MilestoneAsync(id, user, ct) is { } m:
                Description = $"milestone {m.Milestone.Code}";
                Text = m.Milestone.Text;
                EditionId = m.Milestone.Action.Priority.EditionId;
                Version = m.Milestone.Version;
                var milestoneWindow = await reader.InputRefusalAsync(m.Milestone.Action.Priority.Edition, m.PartnershipId, user, ct);
                forbidden = !Permissions.CanDeleteMilestone(user, m.PartnershipId, m.Milestone.Action.Priority.Edition, m.Milestone.Action.Priority, m.Milestone.Action) || milestoneWindow is not null;
                Refusal = milestoneWindow ?? (Permissions.CanEdit(user, m.PartnershipId, m.Milestone.Action.Priority, m.Milestone.Action) ? Permissions.RemovalRefusal(m.Milestone.Action.Priority.Edition, Description) : null);
                return !forbidden;
            default:
                return false;
        }
    }
}
