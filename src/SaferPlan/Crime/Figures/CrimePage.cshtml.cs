namespace SaferPlan.Crime.Figures;

/// <summary>Recorded crime in a partnership's area: counts per crime type and group for a span, with a breakdown by month, ward or LSOA.</summary>
public sealed class CrimePageModel(CrimeStatistics statistics, TimeProvider time) : CrimeWindowPageModel(statistics, time)
{
    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

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
        if (!await FindStampAsync(slug, ct))
        {
            return NotFound();
        }

        if (await ReadWindowAsync((latest, errors) => CrimeQuery.Read(From, To, By, latest, CrimeQuery.MaxMonths, errors), ct) is not { } query)
        {
            return Page();
        }

        Breakdown = query.By;
        Summary = await Statistics.SummaryAsync(Stamp, query.From, query.To, ct);
        if (query.By is { } by)
        {
            Rows = await Statistics.BreakdownAsync(Stamp, by, query.From, query.To, ct);
        }

        // The monthly series up to the last month shown, from the one cached table of counts by month and type.
        var monthly = await Statistics.MonthlyAsync(Stamp, ct);
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
