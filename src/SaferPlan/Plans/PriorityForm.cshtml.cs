using SaferPlan.Core.Auditing;

namespace SaferPlan.Plans;

/// <summary>Adds a priority to an edition (/editions/{editionId}/priorities/new) or edits one.</summary>
[Authorize]
public sealed class PriorityFormModel(PlanReader reader, PlanEditor editor, AuditReader audit, CurrentUser current) : PageModel
{
    public sealed record Form(
        string? Number = null, string? Title = null, string? Kind = null, string? Why = null, string? WhatWeWillDo = null,
        string? Approach = null, string? MeasuringSuccess = null, string? DataUsed = null, string? LeadOfficerId = null,
        string? Marking = null, string? AmendmentReason = null, int Version = 0);

    private bool forbidden;

    /// <summary>Why the form is refused when it is for a reason the user should read (the edition superseded, or lead officers' input window closed).</summary>
    private string? changeRefusal;

    private PlanEdition? edition;

    [BindProperty]
    public Form Input { get; set; } = new();

    public Priority? Existing { get; private set; }

    public bool IsNew => Existing is null;

    /// <summary>Whether saving changes or adds to an approved edition, and so is an amendment that needs its reason.</summary>
    public bool IsAmendment => edition is not null && Permissions.NeedsAmendment(edition);

    public int EditionId { get; private set; }

    public bool CanChooseLead { get; private set; }

    public IReadOnlyList<Person> People { get; private set; } = [];

    public IReadOnlyList<AuditRecord> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? editionId, CancellationToken ct)
    {
        if (!await LoadAsync(id, editionId, ct))
        {
            return forbidden ? this.Refused(changeRefusal) : NotFound();
        }

        if (Existing is { } p)
        {
            Input = new Form
            {
                Number = p.Number.ToString(CultureInfo.InvariantCulture),
                Title = p.Title,
                Kind = p.Kind.ToString(),
                Why = p.Why,
                WhatWeWillDo = p.WhatWeWillDo,
                Approach = p.Approach,
                MeasuringSuccess = p.MeasuringSuccess,
                DataUsed = p.DataUsed,
                LeadOfficerId = p.LeadOfficerId?.ToString(CultureInfo.InvariantCulture),
                Marking = p.Marking.ToString(),
                Version = p.Version,
            };
        }
        else
        {
            // Only a new item's form starts at Official and as a priority: a post without them is asked for them, never defaulted.
            Input = new Form { Kind = nameof(PriorityKind.Priority), Marking = nameof(ProtectiveMarking.Official) };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int? editionId, CancellationToken ct)
    {
        if (!await LoadAsync(id, editionId, ct))
        {
            return forbidden ? this.Refused(changeRefusal) : NotFound();
        }

        ModelState.Clear();
        var input = new PriorityInput
        {
            Number = FormFields.OptionalNumber(ModelState, "Input.Number", Input.Number, "Enter the priority's number as a whole number, like 2"),
            Title = Input.Title,
            Kind = FormFields.ParseEnum<PriorityKind>(ModelState, "Input.Kind", Input.Kind, "Select whether this is a priority or mainstreamed work"),
            Why = Input.Why,
            WhatWeWillDo = Input.WhatWeWillDo,
            Approach = Input.Approach,
            MeasuringSuccess = Input.MeasuringSuccess,
            DataUsed = Input.DataUsed,
            LeadOfficerId = FormFields.OptionalNumber(ModelState, "Input.LeadOfficerId", Input.LeadOfficerId, "Choose a lead officer from the list"),
            Marking = FormFields.ParseEnum<ProtectiveMarking>(ModelState, "Input.Marking", Input.Marking, "Select the priority's protective marking"),
            AmendmentReason = Input.AmendmentReason,
        };
        var user = await current.GetAsync();
        return await this.SaveFormAsync(
            () => Existing is null
                ? editor.CheckNewPriorityAsync(EditionId, input, user, ct)
                : editor.CheckPriorityAsync(Existing.Id, input with { Number = input.Number ?? Existing.Number, LeadOfficerId = Existing.LeadOfficerId }, user, ct),
            () => Existing is null
                ? editor.CreatePriorityAsync(EditionId, input, user, ct)
                : editor.UpdatePriorityAsync(Existing.Id, input with { Number = input.Number ?? Existing.Number }, Input.Version, user, ct),
            saved => this.Done($"Priority {saved.Number} saved", $"/editions/{EditionId}#priority-{saved.Number}"));
    }

    private async Task<bool> LoadAsync(int? id, int? editionId, CancellationToken ct)
    {
        var user = await current.GetAsync();
        int partnershipId;
        if (id is { } priorityId)
        {
            if (await reader.PriorityAsync(priorityId, user, ct) is not { } found)
            {
                return false;
            }

            if (!Permissions.CanEdit(user, found.PartnershipId, found.Priority))
            {
                forbidden = true;
                return false;
            }

            Existing = found.Priority;
            edition = found.Priority.Edition;
            EditionId = found.Priority.EditionId;
            partnershipId = found.PartnershipId;
            History = await audit.HistoryAsync(nameof(Priority), priorityId, ct: ct);
        }
        else if (editionId is { } eid && await reader.EditionAsync(eid, user, ct) is { } view)
        {
            if (!Permissions.CanEditStructure(user, view.Partnership.Id))
            {
                forbidden = true;
                return false;
            }

            EditionId = eid;
            edition = view.Edition;
            partnershipId = view.Partnership.Id;
        }
        else
        {
            return false;
        }

        if (await reader.ChangeRefusalAsync(edition!, partnershipId, user, ct) is { } closed)
        {
            (forbidden, changeRefusal) = (true, closed);
            return false;
        }

        CanChooseLead = Permissions.CanEditStructure(user, partnershipId);
        People = await reader.PeopleAsync(partnershipId, ct);
        return true;
    }
}
