using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SaferPlan.Accounts;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Documents;
using SaferPlan.Core.Partnerships;
using SaferPlan.Core.Periods;

namespace SaferPlan.Documents;

/// <summary>The partnership's quarterly Board Performance Reports, to download as Word or read as a web page.</summary>
public sealed class ReportsModel(SaferPlanDbContext db, BoardReportBuilder builder, CurrentUser current) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;

    public IReadOnlyList<ReportingPeriod> Quarters { get; private set; } = [];

    /// <summary>Members get the full reports, with Restricted items, and the public versions beside them.</summary>
    public bool SeesRestricted { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var partnership = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (partnership is null)
        {
            return NotFound();
        }

        Partnership = partnership;
        SeesRestricted = Permissions.CanSeeRestricted(await current.GetAsync(), partnership.Id);
        Quarters = await builder.QuartersAsync(partnership.Id, ct);
        return Page();
    }

    public string Link(ReportingPeriod period, ReportFormat format, bool publicVersion = false) =>
        ReportEndpoints.PagePath(Partnership.Slug, period, format, publicVersion);

    public static string Months(ReportingPeriod period) => BoardReport.MonthsOf(period);
}
