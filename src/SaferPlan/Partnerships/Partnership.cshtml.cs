using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SaferPlan.Accounts;
using SaferPlan.Core.Plans;

namespace SaferPlan.Partnerships;

public sealed class PartnershipModel(PlanReader reader, CurrentUser current) : PageModel
{
    public PartnershipView View { get; private set; } = null!;

    public bool IsMember { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var user = await current.GetAsync();
        var view = await reader.PartnershipAsync(slug, user, ct);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        IsMember = user.IsMemberOf(view.Partnership.Id);
        return Page();
    }
}
