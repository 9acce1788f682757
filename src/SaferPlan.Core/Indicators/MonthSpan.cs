using System.Diagnostics.CodeAnalysis;
using SaferPlan.Core.Crime;

namespace SaferPlan.Core.Indicators;

/// <summary>
/// The months an indicator value covers, both ends included: a month, a quarter, a financial year, or any run of
/// months such as the rolling 12 months September 2009 to August 2010.
/// </summary>
public readonly record struct MonthSpan
{
    public MonthSpan(CalendarMonth from, CalendarMonth to)
    {
        if (to < from)
        {
            throw new ArgumentException($"A span of months cannot end ({to}) before it starts ({from}).", nameof(to));
        }

        From = from;
        To = to;
    }

    public CalendarMonth From { get; }

    public CalendarMonth To { get; }

    public int Months => From.MonthsUntil(To) + 1;

    /// <summary>Each month of the span, oldest first: what a value over the span rests on.</summary>
    public IEnumerable<CalendarMonth> EachMonth()
    {
        var from = From;
        return Enumerable.Range(0, Months).Select(from.AddMonths);
    }

    public static MonthSpan FromKeys(int fromMonth, int toMonth) => new(CalendarMonth.FromKey(fromMonth), CalendarMonth.FromKey(toMonth));

    public static MonthSpan Month(CalendarMonth month) => new(month, month);

    public static MonthSpan Of(ReportingPeriod period) =>
        new(CalendarMonth.Containing(period.Start), CalendarMonth.Containing(period.End));

    /// <summary>The 12 months ending with <paramref name="last"/>.</summary>
    public static MonthSpan Rolling12(CalendarMonth last) => new(last.AddMonths(-11), last);

    /// <summary>The financial year the span ends in: the year whose target a value for the span is judged against.</summary>
    public int FinancialYear => To.Month >= 4 ? To.Year : To.Year - 1;

    /// <summary>The quarter or financial year this span is exactly, if it is one.</summary>
    public ReportingPeriod? AsReportingPeriod
    {
        get
        {
            var quarter = ReportingPeriod.QuarterContaining(From.FirstDay);
            if (Of(quarter) == this)
            {
                return quarter;
            }

            var year = quarter.FinancialYear;
            return Of(year) == this ? year : null;
        }
    }

    /// <summary>"2010/11 Q4", "2010/11", "September 2010", "12 months to August 2010" or "April 2010 to August 2010".</summary>
    public string Display => AsReportingPeriod is { } period ? period.Display
        : Months == 1 ? From.Display
        : Months == 12 ? $"12 months to {To.Display}"
        : $"{From.Display} to {To.Display}";

    /// <summary>"2010-11-q4", "2010-11", "2010-09", or "2009-09..2010-08": what <see cref="TryParse"/> reads back.</summary>
    public string Slug => AsReportingPeriod is { } period ? period.Slug
        : Months == 1 && !ReportingPeriod.TryParse(From.ToString(), out _) ? From.ToString()
        : $"{From}..{To}";

    public override string ToString() => Display;

    /// <summary>
    /// Reads a quarter or financial year as <see cref="ReportingPeriod"/> writes them ("2010-11-q4", "2010/11 Q4",
    /// "2010-11"), a month ("2010-09"), or a span of months "2009-09..2010-08".
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out MonthSpan span)
    {
        span = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // A financial year is read first, so "2010-11" is 2010/11, not November 2010 (write that 2010-11..2010-11).
        text = text.Trim();
        if (ReportingPeriod.TryParse(text, out var period))
        {
            span = Of(period);
            return true;
        }

        if (CalendarMonth.TryParse(text, out var month))
        {
            span = Month(month);
            return true;
        }

        var dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots > 0
            && CalendarMonth.TryParse(text[..dots].Trim(), out var from)
            && CalendarMonth.TryParse(text[(dots + 2)..].Trim(), out var to)
            && to >= from)
        {
            span = new MonthSpan(from, to);
            return true;
        }

        return false;
    }

    public const string FormatHint = "a quarter like 2010-11-q4, a financial year like 2010-11, a month like 2010-09, or months like 2009-09..2010-08";
}
