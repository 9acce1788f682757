namespace SaferPlan.Monitoring.Updates;

/// <summary>"Your milestones to update for 2010/11 Q4": every open quarter's milestones the signed-in person answers for.</summary>
[Authorize]
public sealed class MyUpdatesModel(SaferPlanDbContext db, UpdateService updates, CurrentUser current, TimeProvider time) : PageModel
{
    public sealed record Group(Partnership Partnership, ReportingPeriod Period, CollectionRound? Round, IReadOnlyList<UpdateSlot> Slots);

    public IReadOnlyList<Group> Groups { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (Permissions.PartnershipsToUpdate(user).Count == 0)
        {
            return this.Refused("Quarterly updates are written by lead officers and support officers; your role reads the plan and its reports.");
        }

        Today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var groups = new List<Group>();
        foreach (var partnershipId in Permissions.PartnershipsToUpdate(user))
        {
            var partnership = await db.Partnerships.AsNoTracking().SingleAsync(p => p.Id == partnershipId, ct);
            var open = (await updates.RoundsWithClosuresAsync(partnershipId, ct)).Where(r => r.Closed is null).Select(r => r.Round).ToList();
            foreach (var round in open)
            {
                var slots = (await updates.SlotsAsync(partnershipId, round.Period, user, ct))
                    .Where(s => s.CanUpdate && user.IsPerson(UpdateService.Responsible(s.Milestone)?.Id))
                    .ToList();
                // An open quarter with none of the user's milestones is still shown, so a support officer knows it is open.
                groups.Add(new Group(partnership, round.Period, round, slots));
            }
        }

        Groups = groups;
        return Page();
    }
}
