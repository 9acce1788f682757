namespace SaferPlan.Partnerships;

public sealed class PartnershipModel(PlanReader reader, UpdateService updates, CurrentUser current) : PageModel
{
    public PartnershipView View { get; private set; } = null!;

    /// <summary>Whether to offer the quarterly updates: work in progress, for the partnership's members.</summary>
    public bool CanSeeUpdates { get; private set; }

    public bool CanManagePeople { get; private set; }

    public bool CanManageAccounts { get; private set; }

    public bool CanReadAuditTrail { get; private set; }

    public bool CanManageEditions { get; private set; }

    /// <summary>For a lead officer: how many of their milestones still need an update in each open quarter.</summary>
    public IReadOnlyList<(CollectionRound Round, int Outstanding)> Reminders { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var user = await current.GetAsync();
        var view = await reader.PartnershipAsync(slug, user, ct);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        CanSeeUpdates = Permissions.CanSeeUnpublished(user, view.Partnership.Id);
        CanManagePeople = Permissions.CanManagePeople(user, view.Partnership.Id);
        CanManageAccounts = Permissions.CanManageAccounts(user, view.Partnership.Id);
        CanReadAuditTrail = Permissions.CanReadAuditTrail(user, view.Partnership.Id);
        CanManageEditions = Permissions.CanManageEditions(user, view.Partnership.Id);
        if (user.PersonIds.Count > 0 && CanSeeUpdates)
        {
            var reminders = new List<(CollectionRound, int)>();
            foreach (var round in (await updates.RoundsWithClosuresAsync(view.Partnership.Id, ct)).Where(r => r.Closed is null).Select(r => r.Round))
            {
                var outstanding = (await updates.SlotsAsync(view.Partnership.Id, round.Period, user, ct))
                    .Count(s => s.CanUpdate && user.IsPerson(UpdateService.Responsible(s.Milestone)?.Id) && s.Current is null or { State: UpdateState.Draft or UpdateState.Returned });
                if (outstanding > 0)
                {
                    reminders.Add((round, outstanding));
                }
            }

            Reminders = reminders;
        }
        return Page();
    }
}
