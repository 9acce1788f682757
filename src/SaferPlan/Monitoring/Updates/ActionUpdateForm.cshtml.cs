namespace SaferPlan.Monitoring.Updates;

/// <summary>
/// A lead officer's update of an action as a whole for one quarter: one progress text and status for the milestones
/// they tick, each of which then counts as reported. One milestone can still be reported on alone, from its own form.
/// </summary>
[Authorize]
public sealed class ActionUpdateFormModel(PlanReader reader, UpdateService updates, CurrentUser current, TimeProvider time) : PageModel
{
    public sealed class Form
    {
        public List<int> Milestones { get; set; } = [];

        public string? Progress { get; set; }

        public string? Status { get; set; }

        /// <summary>No default (a new update's form starts at Official in OnGet): a post without it is asked for it.</summary>
        public string? Marking { get; set; }

        public int Version { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public PlanAction Action { get; private set; } = null!;

    /// <summary>The action's milestones this user may report on this quarter, in the plan's order.</summary>
    public IReadOnlyList<UpdateSlot> Slots { get; private set; } = [];

    public ActionUpdate? Existing { get; private set; }

    public CollectionRound? Round { get; private set; }

    public ReportingPeriod Period { get; private set; }

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>Last quarter's update of the action as a whole, if it had one.</summary>
    public MilestoneUpdate? PreviousActionUpdate => Slots.Select(s => s.Previous).FirstOrDefault(p => p?.ActionUpdateId is not null);

    private string? refusal;

    /// <summary>The milestone has this quarter's update of its own (not the action's), submitted or accepted.</summary>
    public bool ReportedAlone(UpdateSlot slot) =>
        slot.Current is { State: UpdateState.Submitted or UpdateState.Accepted } own && (Existing is null || own.ActionUpdateId != Existing.Id);

    public async Task<IActionResult> OnGetAsync(int id, ReportingPeriod? period, CancellationToken ct)
    {
        if (!await LoadAsync(id, period, ct))
        {
            return refusal is not null ? this.Refused(refusal) : NotFound();
        }

        var covered = Existing is null ? [] : Slots.Where(s => s.Current?.ActionUpdateId == Existing.Id).ToList();
        var current = covered.FirstOrDefault()?.Current;
        var previous = current is null ? PreviousActionUpdate : null;
        // A milestone already reported on alone, sent for review or accepted, starts unticked: ticking it puts the action's
        // words in place of its own update, which then needs reviewing again.
        var ticked = covered.Count > 0 ? covered : Slots.Where(s => !ReportedAlone(s)).ToList();
        Input = new Form
        {
            Milestones = ticked.Select(s => s.Milestone.Id).ToList(),
            Progress = current?.Progress ?? previous?.Progress,
            Status = (current?.Status ?? previous?.Status)?.ToString(),
            // A ticked milestone whose update is Restricted keeps the action's update Restricted: a lead officer cannot lower it.
            Marking = (current?.Marking ?? (ticked.Any(s => s.Current?.Marking == ProtectiveMarking.Restricted) ? ProtectiveMarking.Restricted : ProtectiveMarking.Official)).ToString(),
            Version = Existing?.Version ?? 0,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, ReportingPeriod? period, bool submit, CancellationToken ct)
    {
        if (!await LoadAsync(id, period, ct))
        {
            return refusal is not null ? this.Refused(refusal) : NotFound();
        }

        ModelState.Clear();
        UpdateStatus? status = null;
        if (!string.IsNullOrEmpty(Input.Status))
        {
            status = FormFields.ParseEnum<UpdateStatus>(ModelState, "Input.Status", Input.Status, "Select the action's status");
        }

        var marking = FormFields.ParseEnum<ProtectiveMarking>(ModelState, "Input.Marking", Input.Marking, "Select the update's protective marking");
        var input = new UpdateInput { Progress = Input.Progress, Status = status, Marking = marking, Submit = submit };
        var user = await current.GetAsync();
        return await this.SaveFormAsync(
            () => UpdateService.CheckAction(Action, Input.Milestones, input).Errors,
            async () => UpdateFormModel.LockedSince(await updates.SaveActionAsync(id, Period, Input.Milestones, input, Input.Version, user, ct)),
            _ =>
            {
                var codes = CoveredMilestones.Label(Action.Number, Slots.Where(s => Input.Milestones.Contains(s.Milestone.Id)).Select(s => s.Milestone.Code));
                return this.Done(
                    submit ? $"Update for {codes} submitted" : $"Update for {codes} saved as a draft",
                    Slots.Any(s => user.IsPerson(s.Responsible?.Id)) ? "/my-updates" : $"/actions/{id}");
            });
    }

    private async Task<bool> LoadAsync(int id, ReportingPeriod? period, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (period is not { IsWholeYear: false } quarter || await reader.ActionAsync(id, user, ct) is not { } found)
        {
            return false;
        }

        Period = quarter;
        Action = found.Action;
        var slots = (await updates.SlotsAsync(found.PartnershipId, quarter, user, ct)).Where(s => s.Action.Id == id).ToList();
        if (slots.Count == 0)
        {
            return false;
        }

        Slots = slots.Where(s => s.CanUpdate).ToList();
        if (Slots.Count == 0)
        {
            refusal = slots[0].Refusal;
            return false;
        }

        Existing = await updates.ActionUpdateAsync(id, quarter, ct);
        Round = await updates.RoundAsync(found.PartnershipId, quarter, ct);
        return true;
    }
}
