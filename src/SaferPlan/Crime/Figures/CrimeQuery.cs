namespace SaferPlan.Crime.Figures;

/// <summary>
/// The months (and breakdown) asked for by <c>?from=YYYY-MM&amp;to=YYYY-MM&amp;by=month|ward|lsoa</c>, read the same way by the
/// crime and assessment pages and endpoints. A missing end is the last month with data (or last month); a missing
/// start makes a 12-month window.
/// </summary>
public sealed record CrimeQuery(CalendarMonth From, CalendarMonth To, CrimeBreakdown? By)
{
    public const int MaxMonths = 240;

    public static CrimeQuery? Read(string? from, string? to, string? by, CalendarMonth defaultTo, int maxMonths, Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        CalendarMonth? f = null, t = null;
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (CalendarMonth.TryParse(from.Trim(), out var m))
            {
                f = m;
            }
            else
            {
                errors["from"] = $"'{from}' is not a month: write the first month like 2008-09";
            }
        }

        if (!string.IsNullOrWhiteSpace(to))
        {
            if (CalendarMonth.TryParse(to.Trim(), out var m))
            {
                t = m;
            }
            else
            {
                errors["to"] = $"'{to}' is not a month: write the last month like 2009-08";
            }
        }

        CrimeBreakdown? breakdown = null;
        if (!string.IsNullOrWhiteSpace(by))
        {
            if (Enum.TryParse<CrimeBreakdown>(by.Trim(), ignoreCase: true, out var b) && Enum.IsDefined(b) && !by.Trim().All(char.IsDigit))
            {
                breakdown = b;
            }
            else
            {
                errors["by"] = $"'{by}' is not a breakdown: choose month, ward or lsoa";
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var end = t ?? (f is { } start ? start.AddMonths(11) : defaultTo);
        var begin = f ?? end.AddMonths(-11);
        if (begin > end)
        {
            errors["to"] = $"The last month ({end}) must be the same as or after the first month ({begin})";
            return null;
        }

        if (begin.MonthsUntil(end) + 1 > maxMonths)
        {
            errors["to"] = $"Ask for {maxMonths} months or fewer: {begin} to {end} is {begin.MonthsUntil(end) + 1}";
            return null;
        }

        return new CrimeQuery(begin, end, breakdown);
    }

    /// <summary>The last month with crime recorded in the area, or the month before today's when there is none.</summary>
    public static CalendarMonth DefaultTo(MonthlyCounts monthly, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(monthly);
        ArgumentNullException.ThrowIfNull(time);
        return monthly.LastMonth ?? CalendarMonth.Containing(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)).AddMonths(-1);
    }

    public static ProblemHttpResult Problem(Dictionary<string, string> errors) =>
        ApiErrors.Invalid(errors.ToDictionary(e => e.Key, e => new[] { e.Value }), string.Join(" ", errors.Values));
}
