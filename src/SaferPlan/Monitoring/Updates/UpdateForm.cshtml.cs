namespace SaferPlan.Monitoring.Updates;

/// <summary>A lead officer's update of one milestone for one quarter: progress, value, status; submit or keep as a draft.</summary>
[Authorize]
public sealed class UpdateFormModel(PlanReader reader, UpdateService updates, CurrentUser current, TimeProvider time) : PageModel
{
    public sealed record Form(
        string? Progress = null, string? Value = null, string? Status = null, string? Marking = null, int Version = 0);

    [BindProperty]
    public Form Input { get; set; } = new();

    public UpdateSlot Slot { get; private set; } = null!;

    public ReportingPeriod Period { get; private set; }

    public CollectionRound? Round { get; private set; }

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>The milestones of the same action this quarter's action-level update covers, when this milestone is one of them.</summary>
    public IReadOnlyList<UpdateSlot> CoveredWith { get; private set; } = [];

    /// <summary>How many milestones the action has that this user may report on: with more than one, the action can be reported on as a whole.</summary>
    public int ActionMilestones { get; private set; }

    private bool forbidden;

    public async Task<IActionResult> OnGetAsync(int id, ReportingPeriod? period, CancellationToken ct)
    {
        if (!await LoadAsync(id, period, ct))
        {
            return forbidden ? this.Refused(Slot.Refusal) : NotFound();
        }

        var update = Slot.Current;
        Input = new Form
        {
            Progress = update?.Progress ?? Slot.Previous?.Progress,
            Value = UpdateInput.ValueText(update, Slot.Milestone.MeasurementKind),
            Status = (update?.Status ?? Slot.Previous?.Status)?.ToString(),
            Marking = (update?.Marking ?? ProtectiveMarking.Official).ToString(),
            Version = update?.Version ?? 0,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, ReportingPeriod? period, bool submit, CancellationToken ct)
    {
        if (!await LoadAsync(id, period, ct))
        {
            return forbidden ? this.Refused(Slot.Refusal) : NotFound();
        }

        ModelState.Clear();
        UpdateStatus? status = null;
        if (!string.IsNullOrEmpty(Input.Status))
        {
            status = FormFields.ParseEnum<UpdateStatus>(ModelState, "Input.Status", Input.Status, "Select the milestone's status");
        }

        var marking = FormFields.ParseEnum<ProtectiveMarking>(ModelState, "Input.Marking", Input.Marking, "Select the update's protective marking");
        var input = new UpdateInput { Progress = Input.Progress, Value = Input.Value, Status = status, Marking = marking, Submit = submit };
        var user = await current.GetAsync();
        return await this.SaveFormAsync(
            () => UpdateService.Check(Slot.Milestone.MeasurementKind, input).Errors,
            async () => LockedSince(await updates.SaveAsync(id, Period, input, Input.Version, user, ct)),
            _ => this.Done(
                submit ? $"Update for {Slot.Milestone.Code} submitted" : $"Update for {Slot.Milestone.Code} saved as a draft",
                user.IsPerson(UpdateService.Responsible(Slot.Milestone)?.Id) ? "/my-updates" : $"/milestones/{id}#updates"));
    }

    /// <summary>
    /// The form was open to this officer, so a refusal of the save means the quarter has locked since: the form says so in
    /// its error summary, with what was typed kept, instead of the access-denied page.
    /// </summary>
    internal static EditResult<T> LockedSince<T>(EditResult<T> result) =>
        result.Status == EditStatus.Forbidden ? EditResult<T>.Conflict(result.Message!) : result;

    private async Task<bool> LoadAsync(int id, ReportingPeriod? period, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (period is not { IsWholeYear: false } quarter || await reader.MilestoneAsync(id, user, ct) is not { } found)
        {
            return false;
        }

        Period = quarter;
        var slots = await updates.SlotsAsync(found.PartnershipId, quarter, user, ct);
        var slot = slots.FirstOrDefault(s => s.Milestone.Id == id);
        if (slot is null)
        {
            return false;
        }

        Slot = slot;
        Round = await updates.RoundAsync(found.PartnershipId, quarter, ct);
        var ofAction = slots.Where(s => s.Action.Id == slot.Action.Id && s.CanUpdate).ToList();
        ActionMilestones = ofAction.Count;
        CoveredWith = slot.Current?.ActionUpdateId is { } group ? ofAction.Where(s => s.Current?.ActionUpdateId == group).ToList() : [];
        forbidden = !slot.CanUpdate;
        return !forbidden;
    }
}
