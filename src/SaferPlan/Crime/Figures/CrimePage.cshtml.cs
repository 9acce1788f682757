namespace SaferPlan.Crime.Figures;

/// <summary>Recorded crime in a partnership's area: counts per crime type and group for a span, with a breakdown by month, ward or LSOA.</summary>
public sealed class CrimePageModel(CrimeStatistics statistics, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    public CrimeDataStamp Stamp { get; private set; } = null!;

    public CrimeSummary? Summary { get; private set; }

    public CrimeBreakdown? Breakdown { get; private set; }

    public IReadOnlyList<BreakdownRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await statistics.StampAsync(slug, ct) is not { } stamp)
        {
            return NotFound();
        }

        Stamp = stamp;
        var errors = new Dictionary<string, string>();
        var query = CrimeQuery.Read(From, To, By, CrimeQuery.DefaultTo(await statistics.MonthlyAsync(stamp, ct), time), CrimeQuery.MaxMonths, errors);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(char.ToUpperInvariant(field[0]) + field[1..], message);
        }

        if (query is null)
        {
            return Page();
        }

        From = query.From.ToString();
        To = query.To.ToString();
        Breakdown = query.By;
        Summary = await statistics.SummaryAsync(stamp, query.From, query.To, ct);
        if (query.By is { } by)
        {
            Rows = await statistics.BreakdownAsync(stamp, by, query.From, query.To, ct);
        }

        return Page();
    }
}
