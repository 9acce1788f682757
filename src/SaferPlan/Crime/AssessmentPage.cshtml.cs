using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Crime.Assessment;

namespace SaferPlan.Crime;

/// <summary>The strategic assessment evidence pack for a partnership and a window of months, with its DOCX.</summary>
public sealed class AssessmentPageModel(CrimeStatistics statistics, StrategicAssessmentBuilder builder, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public CrimeDataStamp Stamp { get; private set; } = null!;

    public StrategicAssessment? Assessment { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await statistics.StampAsync(slug, ct) is not { } stamp)
        {
            return NotFound();
        }

        Stamp = stamp;
        var errors = new Dictionary<string, string>();
        var query = CrimeQuery.Read(From, To, null, CrimeQuery.DefaultTo(await statistics.MonthlyAsync(stamp, ct), time), 24, errors);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(char.ToUpperInvariant(field[0]) + field[1..], message);
        }

        if (query is not null)
        {
            From = query.From.ToString();
            To = query.To.ToString();
            Assessment = await builder.BuildAsync(stamp, query.From, query.To, ct);
        }

        return Page();
    }
}
