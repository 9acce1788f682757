using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SaferPlan.Accounts;
using SaferPlan.Core.Plans;

namespace SaferPlan.Partnerships;

public sealed class PartnershipModel(PlanReader reader, CurrentUser current) : PageModel
{
    public PartnershipView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var view = await reader.PartnershipAsync(slug, await current.GetAsync(), ct);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
