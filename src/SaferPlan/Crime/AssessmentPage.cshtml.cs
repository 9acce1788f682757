using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Crime.Assessment;

namespace SaferPlan.Crime;

/// <summary>The strategic assessment evidence pack for a partnership and a window of months, with its DOCX.</summary>
public sealed class AssessmentPageModel(CrimeStatistics statistics, StrategicAssessmentBuilder builder, CrimeCache cache, TimeProvider time) : PageModel
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

    /// <summary>
    /// The evidence pack's body as HTML, rendered once per window and data stamp (it is the same for everyone: open
    /// data, no per-user links), so a repeat request renders only the layout and the form around it.
    /// </summary>
    public Task<string> BodyHtmlAsync(Func<Task<string>> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        var a = Assessment ?? throw new InvalidOperationException("There is no assessment to render.");
        return cache.GetOrCreateAsync($"assessment:html:{a.From.Key}:{a.To.Key}:{Stamp.CacheKey}", _ => render(), html => 2L * html.Length, HttpContext.RequestAborted);
    }
}
