using SaferPlan.Core.Auditing;

namespace SaferPlan.Plans;

public sealed class MilestoneModel(PlanReader reader, AuditReader audit, UpdateService updates, CurrentUser current) : PageModel
{
    public Milestone Milestone { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public bool CanDelete { get; private set; }

    /// <summary>The history, for members of the partnership only.</summary>
    public IReadOnlyList<AuditRecord>? History { get; private set; }

    public IReadOnlyList<MilestoneUpdate> Updates { get; private set; } = [];

    /// <summary>Members see every update; visitors only the accepted updates of published quarters.</summary>
    public bool SeesUnpublished { get; private set; }

    /// <summary>Open quarters this user may write an update for.</summary>
    public IReadOnlyList<ReportingPeriod> UpdatablePeriods { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (await reader.MilestoneAsync(id, user, ct) is not { } found)
        {
            return NotFound();
        }

        Milestone = found.Milestone;
        var windowClosed = await reader.InputRefusalAsync(Milestone.Action.Priority.Edition, found.PartnershipId, user, ct) is not null;
        CanEdit = Permissions.CanEdit(user, found.PartnershipId, Milestone.Action.Priority!, Milestone.Action, Milestone) && Permissions.CanChange(Milestone.Action.Priority.Edition) && !windowClosed;
        CanDelete = Permissions.CanDeleteMilestone(user, found.PartnershipId, Milestone.Action.Priority.Edition, Milestone.Action.Priority!, Milestone.Action) && !windowClosed;
        Updates = await updates.HistoryAsync(id, found.PartnershipId, user, ct);
        SeesUnpublished = Permissions.CanSeeUnpublished(user, found.PartnershipId);
        var action = Milestone.Action!;
        var priority = action.Priority!;
        UpdatablePeriods = (await updates.RoundsWithClosuresAsync(found.PartnershipId, ct))
            .Where(r => r.Round.Period.StartYear == priority.Edition.YearStart
                && Permissions.CanUpdate(user, found.PartnershipId, priority, action, Milestone, r.Round.Period, r.Closed is not null))
            .Select(r => r.Round.Period).ToList();
        if (Permissions.CanReadAudit(user, found.PartnershipId))
        {
            History = await audit.HistoryAsync(nameof(Core.Plans.Milestone), id, ct: ct);
        }

        return Page();
    }
}
