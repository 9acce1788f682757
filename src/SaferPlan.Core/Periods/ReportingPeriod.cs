using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace SaferPlan.Core.Periods;

/// <summary>
/// A UK financial year (April to March), or one quarter of it: Q1 is April–June, Q4 January–March.
/// Displayed as "2010/11 Q4"; written in URLs and on the command line as "2010-11-q4".
/// </summary>
public readonly partial record struct ReportingPeriod : IComparable<ReportingPeriod>
{
    private ReportingPeriod(int startYear, int quarter)
    {
        StartYear = startYear;
        Quarter = quarter;
    }

    /// <summary>The calendar year in which the financial year starts (2010 for 2010/11).</summary>
    public int StartYear { get; }

    /// <summary>1 to 4, or 0 for the whole year.</summary>
    public int Quarter { get; }

    public bool IsWholeYear => Quarter == 0;

    public static ReportingPeriod Year(int startYear)
    {
        if (startYear is < 1900 or > 2999)
        {
            throw new ArgumentOutOfRangeException(nameof(startYear), startYear, "A financial year starts between 1900 and 2999.");
        }

        return new ReportingPeriod(startYear, 0);
    }

    public static ReportingPeriod Of(int startYear, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        _ = Year(startYear);
        return new ReportingPeriod(startYear, quarter);
    }

    /// <summary>The quarter a date falls in: January 2011 is in 2010/11 Q4.</summary>
    public static ReportingPeriod QuarterContaining(DateOnly date)
    {
        var startYear = date.Month >= 4 ? date.Year : date.Year - 1;
        var quarter = date.Month >= 4 ? ((date.Month - 4) / 3) + 1 : 4;
        return Of(startYear, quarter);
    }

    public ReportingPeriod FinancialYear => new(StartYear, 0);

    public DateOnly Start => IsWholeYear
        ? new DateOnly(StartYear, 4, 1)
        : new DateOnly(Quarter == 4 ? StartYear + 1 : StartYear, Quarter == 4 ? 1 : 1 + (Quarter * 3), 1);

    public DateOnly End => IsWholeYear
        ? new DateOnly(StartYear + 1, 3, 31)
        : Start.AddMonths(3).AddDays(-1);

    public ReportingPeriod Next => IsWholeYear
        ? new ReportingPeriod(StartYear + 1, 0)
        : Quarter == 4 ? new ReportingPeriod(StartYear + 1, 1) : new ReportingPeriod(StartYear, Quarter + 1);

    public ReportingPeriod Previous => IsWholeYear
        ? new ReportingPeriod(StartYear - 1, 0)
        : Quarter == 1 ? new ReportingPeriod(StartYear - 1, 4) : new ReportingPeriod(StartYear, Quarter - 1);

    private string YearText(char separator) =>
        string.Create(CultureInfo.InvariantCulture, $"{StartYear}{separator}{(StartYear + 1) % 100:00}");

    /// <summary>"2010/11 Q4", or "2010/11" for a whole year.</summary>
    public string Display => IsWholeYear ? YearText('/') : $"{YearText('/')} Q{Quarter}";

    /// <summary>"2010-11-q4", or "2010-11" for a whole year.</summary>
    public string Slug => IsWholeYear ? YearText('-') : $"{YearText('-')}-q{Quarter}";

    public override string ToString() => Display;

    public int CompareTo(ReportingPeriod other) =>
        StartYear != other.StartYear ? StartYear.CompareTo(other.StartYear) : Quarter.CompareTo(other.Quarter);

    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;

    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;

    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;

    [GeneratedRegex(@"^\s*(?<start>\d{4})\s*[/-]\s*(?<end>\d{2})(?:\s*[\s-]\s*[qQ](?<q>[1-4]))?\s*$")]
    private static partial Regex Pattern();

    /// <summary>Reads "2010/11 Q4", "2010-11-q4", "2010/11" or "2010-11".</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ReportingPeriod period)
    {
        period = default;
        if (text is null)
        {
            return false;
        }

        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var start = int.Parse(match.Groups["start"].Value, CultureInfo.InvariantCulture);
        var end = int.Parse(match.Groups["end"].Value, CultureInfo.InvariantCulture);
        if ((start + 1) % 100 != end || start is < 1900 or > 2999)
        {
            return false;
        }

        period = match.Groups["q"].Success
            ? Of(start, int.Parse(match.Groups["q"].Value, CultureInfo.InvariantCulture))
            : Year(start);
        return true;
    }

    public static ReportingPeriod Parse(string text) =>
        TryParse(text, out var period)
            ? period
            : throw new FormatException($"'{text}' is not a reporting period. Write a financial year and quarter such as 2010/11 Q4 or 2010-11-q4, or a year such as 2010/11.");
}
