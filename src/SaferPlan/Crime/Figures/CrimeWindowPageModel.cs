namespace SaferPlan.Crime.Figures;

/// <summary>
/// A page about a partnership's recorded crime over a window of months (<c>?from=2008-09&amp;to=2009-08</c>): its crime data
/// found by the partnership's slug, the window read with the latest month with data as the default end, and a wrong month
/// shown as an error on its box.
/// </summary>
public abstract class CrimeWindowPageModel(CrimeStatistics statistics, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public CrimeDataStamp Stamp { get; private set; } = null!;

    protected CrimeStatistics Statistics => statistics;

    /// <summary>False when there is no such partnership.</summary>
    protected async Task<bool> FindStampAsync(string slug, CancellationToken ct)
    {
        if (await statistics.StampAsync(slug, ct) is not { } stamp)
        {
            return false;
        }

        Stamp = stamp;
        return true;
    }

    /// <summary>The window <paramref name="read"/> makes of the boxes and the default end month, kept in the boxes as read; null, with the boxes' errors, when it is not valid.</summary>
    protected async Task<CrimeQuery?> ReadWindowAsync(Func<CalendarMonth, Dictionary<string, string>, CrimeQuery?> read, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var window = read(CrimeQuery.DefaultTo(await statistics.MonthlyAsync(Stamp, ct), time), errors);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(char.ToUpperInvariant(field[0]) + field[1..], message);
        }

        if (window is not null)
        {
            From = window.From.ToString();
            To = window.To.ToString();
        }

        return window;
    }
}
