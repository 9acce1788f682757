namespace SaferPlan.Plans;

/// <summary>Adds a milestone to an action (/actions/{actionId}/milestones/new) or edits one.</summary>
[Authorize]
public sealed class MilestoneFormModel(PlanReader reader, PlanEditor editor, CurrentUser current) : PageModel
{
    public sealed record Form(
        string? Code = null, string? Text = null, string? Lead = null, string? MeasurementKind = null,
        string? Measurement = null, string? Source = null, string? Target = null, string? DueQuarters = null, string? LeadOfficerId = null,
        string? ActionId = null, string? Marking = null, string? AmendmentReason = null, int Version = 0);

    private bool forbidden;

    /// <summary>Why the form is refused when it is for a reason the user should read (the edition superseded, or lead officers' input window closed).</summary>
    private string? changeRefusal;

    [BindProperty]
    public Form Input { get; set; } = new();

    public Milestone? Existing { get; private set; }

    public PlanAction Action { get; private set; } = null!;

    public bool IsNew => Existing is null;

    /// <summary>Whether saving changes or adds to an approved edition, and so is an amendment that needs its reason.</summary>
    public bool IsAmendment => Permissions.NeedsAmendment(Action.Priority.Edition);

    public bool CanChooseLead { get; private set; }

    public IReadOnlyList<Person> People { get; private set; } = [];

    public IReadOnlyList<Priority> Outline { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? actionId, CancellationToken ct)
    {
        if (!await LoadAsync(id, actionId, ct))
        {
            return forbidden ? this.Refused(changeRefusal) : NotFound();
        }

        if (Existing is { } m)
        {
            Input = new Form
            {
                Code = m.Code,
                Text = m.Text,
                Lead = m.Lead,
                MeasurementKind = m.MeasurementKind.ToString(),
                Measurement = m.Measurement,
                Source = m.Source,
                Target = m.Target,
                DueQuarters = string.Join(", ", (m.DueQuarters ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(q => Core.Periods.ReportingPeriod.Parse(q).Display)),
                LeadOfficerId = m.LeadOfficerId?.ToString(CultureInfo.InvariantCulture),
                ActionId = m.ActionId.ToString(CultureInfo.InvariantCulture),
                Marking = m.Marking.ToString(),
                Version = m.Version,
            };
        }
        else
        {
            // Only a new item's form starts at Official and measured in words: a post without them is asked for them, never defaulted.
            Input = new Form { MeasurementKind = nameof(Core.Plans.MeasurementKind.Text), Marking = nameof(ProtectiveMarking.Official) };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int? actionId, CancellationToken ct)
    {
        if (!await LoadAsync(id, actionId, ct))
        {
            return forbidden ? this.Refused(changeRefusal) : NotFound();
        }

        ModelState.Clear();
        var input = new MilestoneInput
        {
            Code = Input.Code,
            Text = Input.Text,
            Lead = Input.Lead,
            MeasurementKind = FormFields.ParseEnum<MeasurementKind>(ModelState, "Input.MeasurementKind", Input.MeasurementKind, "Select how the milestone is measured"),
            Measurement = Input.Measurement,
            Source = Input.Source,
            Target = Input.Target,
            DueQuarters = Input.DueQuarters,
            LeadOfficerId = FormFields.OptionalNumber(ModelState, "Input.LeadOfficerId", Input.LeadOfficerId, "Choose a lead officer from the list"),
            ActionId = FormFields.OptionalNumber(ModelState, "Input.ActionId", Input.ActionId, "Choose an action from the list"),
            Marking = FormFields.ParseEnum<ProtectiveMarking>(ModelState, "Input.Marking", Input.Marking, "Select the milestone's protective marking"),
            AmendmentReason = Input.AmendmentReason,
        };
        var user = await current.GetAsync();
        return await this.SaveFormAsync(
            () => Existing is null
                ? editor.CheckNewMilestoneAsync(Action.Id, input with { LeadOfficerId = null }, user, ct)
                : editor.CheckMilestoneAsync(Existing.Id, input with { LeadOfficerId = Existing.LeadOfficerId, ActionId = Existing.ActionId }, user, ct),
            () => Existing is null
                ? editor.CreateMilestoneAsync(Action.Id, input, user, ct)
                : editor.UpdateMilestoneAsync(Existing.Id, input, Input.Version, user, ct),
            saved => this.Done($"Milestone {saved.Code} saved", $"/milestones/{saved.Id}"));
    }

    private async Task<bool> LoadAsync(int? id, int? actionId, CancellationToken ct)
    {
        var user = await current.GetAsync();
        int partnershipId;
        if (id is { } milestoneId)
        {
            if (await reader.MilestoneAsync(milestoneId, user, ct) is not { } found)
            {
                return false;
            }

            if (!Permissions.CanEdit(user, found.PartnershipId, found.Milestone.Action.Priority!, found.Milestone.Action, found.Milestone))
            {
                forbidden = true;
                return false;
            }

            Existing = found.Milestone;
            Action = found.Milestone.Action;
            partnershipId = found.PartnershipId;
        }
        else if (actionId is { } aid && await reader.ActionAsync(aid, user, ct) is { } action)
        {
            if (!Permissions.CanEdit(user, action.PartnershipId, action.Action.Priority!, action.Action))
            {
                forbidden = true;
                return false;
            }

            Action = action.Action;
            partnershipId = action.PartnershipId;
        }
        else
        {
            return false;
        }

        if (await reader.ChangeRefusalAsync(Action.Priority.Edition!, partnershipId, user, ct) is { } closed)
        {
            (forbidden, changeRefusal) = (true, closed);
            return false;
        }

        CanChooseLead = Permissions.CanEditStructure(user, partnershipId);
        People = await reader.PeopleAsync(partnershipId, ct);
        Outline = await reader.OutlineAsync(Action.Priority.EditionId, ct);
        return true;
    }
}
