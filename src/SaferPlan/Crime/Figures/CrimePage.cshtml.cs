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

    /// <summary>The SPC chart asked for: "group:KEY" or "type:ID".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Chart { get; set; }

    /// <summary>Each crime group's, then each recorded crime type's, SPC over the months to the last month shown.</summary>
    public IReadOnlyList<CrimeSeriesSpc> SpcSeries { get; private set; } = [];

    /// <summary>The series whose chart is shown, if one was chosen.</summary>
    public CrimeSeriesSpc? ChosenChart { get; private set; }

    public static string ChartKey(CrimeSeriesSpc spc) => $"{(spc.IsGroup ? "group" : "type")}:{spc.Key}";

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

        // The monthly series up to the last month shown, from the one cached table of counts by month and type.
        var monthly = await statistics.MonthlyAsync(stamp, ct);
        if (monthly.FirstMonth is { } first)
        {
            var spcFrom = query.To.AddMonths(1 - CrimeSpc.DefaultMonths);
            spcFrom = spcFrom < first ? first : spcFrom;
            if (spcFrom <= query.To)
            {
                var groups = CrimeSpc.Groups(Summary.Groups.Select(g => g.Group).ToList(), monthly, spcFrom, query.To);
                var types = CrimeTypes.All.Where(t => monthly.Count(t.Id, spcFrom, query.To) > 0).Select(t => CrimeSpc.Type(t, monthly, spcFrom, query.To));
                SpcSeries = [.. groups, .. types];
                ChosenChart = SpcSeries.FirstOrDefault(c => string.Equals(ChartKey(c), Chart, StringComparison.OrdinalIgnoreCase));
            }
        }

        return Page();
    }
}
