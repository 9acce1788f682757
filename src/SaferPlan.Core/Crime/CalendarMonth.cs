using System.Diagnostics.CodeAnalysis;

namespace SaferPlan.Core.Crime;

/// <summary>
/// A calendar month, as police.uk names them ("2010-09") and as the database stores them (201009, which sorts in
/// time order). Crime counts, indicator values and assessment windows are all spans of these.
/// </summary>
public readonly record struct CalendarMonth : IComparable<CalendarMonth>
{
    private CalendarMonth(int year, int month)
    {
        Year = year;
        Month = month;
    }

    public int Year { get; }

    /// <summary>1 to 12.</summary>
    public int Month { get; }

    /// <summary>yyyymm: 201009 for September 2010.</summary>
    public int Key => (Year * 100) + Month;

    public static CalendarMonth Of(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2999);
        return new CalendarMonth(year, month);
    }

    public static CalendarMonth FromKey(int key) => Of(key / 100, key % 100);

    public static CalendarMonth Containing(DateOnly date) => Of(date.Year, date.Month);

    /// <summary>Reads "2010-09" (exactly four digits, a hyphen, two digits).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out CalendarMonth month) =>
        TryParse(text.AsSpan(), out month);

    public static bool TryParse(ReadOnlySpan<char> text, out CalendarMonth month)
    {
        month = default;
        if (text.Length != 7 || text[4] != '-'
            || !int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || m is < 1 or > 12 || year is < 1900 or > 2999)
        {
            return false;
        }

        month = new CalendarMonth(year, m);
        return true;
    }

    public static CalendarMonth Parse(string text) => TryParse(text, out var month)
        ? month
        : throw new FormatException($"'{text}' is not a month written YYYY-MM, e.g. 2010-09.");

    public CalendarMonth AddMonths(int months)
    {
        var index = (Year * 12) + (Month - 1) + months;
        return Of(index / 12, (index % 12) + 1);
    }

    /// <summary>How many months from this one to <paramref name="other"/>: 0 for the same month.</summary>
    public int MonthsUntil(CalendarMonth other) => ((other.Year * 12) + other.Month) - ((Year * 12) + Month);

    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>"September 2010".</summary>
    public string Display => Dates.Month(FirstDay);

    /// <summary>"2010-09".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}");

    public int CompareTo(CalendarMonth other) => Key.CompareTo(other.Key);

    public static bool operator <(CalendarMonth left, CalendarMonth right) => left.CompareTo(right) < 0;

    public static bool operator >(CalendarMonth left, CalendarMonth right) => left.CompareTo(right) > 0;

    public static bool operator <=(CalendarMonth left, CalendarMonth right) => left.CompareTo(right) <= 0;

    public static bool operator >=(CalendarMonth left, CalendarMonth right) => left.CompareTo(right) >= 0;
}
