using SaferPlan.Core.Auditing;

namespace SaferPlan.Plans;

/// <summary>Adds an action to a priority (/priorities/{priorityId}/actions/new) or edits one.</summary>
[Authorize]
public sealed class ActionFormModel(PlanReader reader, PlanEditor editor, AuditReader audit, CurrentUser current) : PageModel
{
    public sealed record Form(
        string? Number = null, string? Text = null, string? LeadAgency = null, string? OtherPartners = null, string? CrossReferenceText = null,
        string? CrossReferencePriorityNumber = null, string? CrossReferenceActionNumber = null, string? Note = null, string? LeadOfficerId = null,
        string? PriorityId = null, string? Marking = null, string? AmendmentReason = null, int Version = 0);

    private bool forbidden;

    /// <summary>Why the form is refused when it is for a reason the user should read (the edition superseded, or lead officers' input window closed).</summary>
    private string? changeRefusal;

    [BindProperty]
    public Form Input { get; set; } = new();

    public PlanAction? Existing { get; private set; }

    public Priority Priority { get; private set; } = null!;

    public bool IsNew => Existing is null;

    /// <summary>Whether saving changes or adds to an approved edition, and so is an amendment that needs its reason.</summary>
    public bool IsAmendment => Permissions.NeedsAmendment(Priority.Edition);

    public bool CanChooseLead { get; private set; }

    public IReadOnlyList<Person> People { get; private set; } = [];

    public IReadOnlyList<Priority> Outline { get; private set; } = [];

    public IReadOnlyList<AuditRecord> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? priorityId, CancellationToken ct)
    {
        if (!await LoadAsync(id, priorityId, ct))
        {
            return forbidden ? this.Refused(changeRefusal) : NotFound();
        }

        if (Existing is { } a)
        {
            Input = new Form
            {
                Number = a.Number,
                Text = a.Text,
                LeadAgency = a.LeadAgency,
                OtherPartners = a.OtherPartners,
                CrossReferenceText = a.CrossReferenceText,
                CrossReferencePriorityNumber = a.CrossReferencePriorityNumber?.ToString(CultureInfo.InvariantCulture),
                CrossReferenceActionNumber = a.CrossReferenceActionNumber,
                Note = a.Note,
                LeadOfficerId = a.LeadOfficerId?.ToString(CultureInfo.InvariantCulture),
                PriorityId = a.PriorityId.ToString(CultureInfo.InvariantCulture),
                Marking = a.Marking.ToString(),
                Version = a.Version,
            };
        }
        else
        {
            // Only a new item's form starts at Official: a post without a marking is asked for one, never defaulted.
            Input = new Form { Marking = nameof(ProtectiveMarking.Official) };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int? priorityId, CancellationToken ct)
    {
        if (!await LoadAsync(id, priorityId, ct))
        {
            return forbidden ? this.Refused(changeRefusal) : NotFound();
        }

        ModelState.Clear();
        var input = new ActionInput
        {
            Number = Input.Number,
            Text = Input.Text,
            LeadAgency = Input.LeadAgency,
            OtherPartners = Input.OtherPartners,
            CrossReferenceText = Input.CrossReferenceText,
            CrossReferencePriorityNumber = FormFields.OptionalNumber(ModelState, "Input.CrossReferencePriorityNumber", Input.CrossReferencePriorityNumber, "Enter the priority number as a whole number, like 2"),
            CrossReferenceActionNumber = Input.CrossReferenceActionNumber,
            Note = Input.Note,
            LeadOfficerId = FormFields.OptionalNumber(ModelState, "Input.LeadOfficerId", Input.LeadOfficerId, "Choose a lead officer from the list"),
            PriorityId = FormFields.OptionalNumber(ModelState, "Input.PriorityId", Input.PriorityId, "Choose a priority from the list"),
            BodyId = Existing?.BodyId,
            Marking = FormFields.ParseEnum<ProtectiveMarking>(ModelState, "Input.Marking", Input.Marking, "Select the action's protective marking"),
            AmendmentReason = Input.AmendmentReason,
        };
        var user = await current.GetAsync();
        return await this.SaveFormAsync(
            () => Existing is null
                ? editor.CheckNewActionAsync(Priority.Id, input with { LeadOfficerId = null }, user, ct)
                : editor.CheckActionAsync(Existing.Id, input with { LeadOfficerId = Existing.LeadOfficerId, PriorityId = Existing.PriorityId }, user, ct),
            () => Existing is null
                ? editor.CreateActionAsync(Priority.Id, input, user, ct)
                : editor.UpdateActionAsync(Existing.Id, input, Input.Version, user, ct),
            saved => this.Done($"Action {saved.Number} saved", $"/editions/{Priority.EditionId}#action-{saved.Number}"));
    }

    private async Task<bool> LoadAsync(int? id, int? priorityId, CancellationToken ct)
    {
        var user = await current.GetAsync();
        int partnershipId;
        if (id is { } actionId)
        {
            if (await reader.ActionAsync(actionId, user, ct) is not { } found)
            {
                return false;
            }

            if (!Permissions.CanEdit(user, found.PartnershipId, found.Action.Priority!, found.Action))
            {
                forbidden = true;
                return false;
            }

            Existing = found.Action;
            Priority = found.Action.Priority!;
            partnershipId = found.PartnershipId;
            History = await audit.HistoryAsync(nameof(PlanAction), actionId, ct: ct);
        }
        else if (priorityId is { } pid && await reader.PriorityAsync(pid, user, ct) is { } priority)
        {
            if (!Permissions.CanEdit(user, priority.PartnershipId, priority.Priority))
            {
                forbidden = true;
                return false;
            }

            Priority = priority.Priority;
            partnershipId = priority.PartnershipId;
        }
        else
        {
            return false;
        }

        if (await reader.ChangeRefusalAsync(Priority.Edition!, partnershipId, user, ct) is { } closed)
        {
            (forbidden, changeRefusal) = (true, closed);
            return false;
        }

        CanChooseLead = Permissions.CanEditStructure(user, partnershipId);
        People = await reader.PeopleAsync(partnershipId, ct);
        Outline = await reader.OutlineAsync(Priority.EditionId, ct);
        return true;
    }
}
