using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SaferPlan.Accounts;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Plans;

namespace SaferPlan.Plans;

public sealed class MilestoneModel(PlanReader reader, AuditReader audit, CurrentUser current) : PageModel
{
    public Milestone Milestone { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    /// <summary>The history, for members of the partnership only.</summary>
    public IReadOnlyList<AuditRecord>? History { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (await reader.MilestoneAsync(id, user, ct) is not { } found)
        {
            return NotFound();
        }

        Milestone = found.Milestone;
        CanEdit = Permissions.CanEdit(user, found.PartnershipId, Milestone.Action!.Priority!, Milestone.Action, Milestone);
        if (Permissions.CanReadAudit(user, found.PartnershipId))
        {
            History = await audit.HistoryAsync(nameof(Core.Plans.Milestone), id, ct);
        }

        return Page();
    }
}
