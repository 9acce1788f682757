namespace SaferPlan.Core.Meetings;

/// <summary>One meeting a cadence asks for: its slot (unique in the year), date and start time.</summary>
public sealed record ScheduledMeeting(string Slot, DateOnly MeetsOn, TimeOnly StartsAt);

/// <summary>
/// The rule that turns a body's cadence into a financial year's meetings (April to March). Seed 000 gives only how often
/// each body meets, so the day is a fixed weekday of the month, chosen so the seed's own dates fall on it where they can
/// (the Board's Q4 report meeting on Tuesday 26 April 2011 is the last Tuesday of April):
/// <list type="bullet">
/// <item>Quarterly (the Board): the last Tuesday of April, July, October and January at 2pm, each receiving the report of
/// the quarter just ended;</item>
/// <item>Monthly (the ASB task group, the PPO group): the second Wednesday of every month at 10am;</item>
/// <item>Every two months (the SAC and domestic violence task groups): the second Thursday of May, July, September,
/// November, January and March at 10am;</item>
/// <item>Six-monthly: the last Tuesday of September and March at 2pm;</item>
/// <item>Yearly (the Scrutiny Committee, whose review seed 000 puts in September): the second Tuesday of September at 7pm;</item>
/// <item>As required (the Executive Group): none; support officers add them.</item>
/// </list>
/// </summary>
public static class MeetingSchedule
{
    private static readonly TimeOnly Afternoon = new(14, 0);
    private static readonly TimeOnly Morning = new(10, 0);
    private static readonly TimeOnly Evening = new(19, 0);

    public static IReadOnlyList<ScheduledMeeting> For(MeetingCadence cadence, ReportingPeriod year)
    {
        var start = year.FinancialYear.Start;
        var months = Enumerable.Range(0, 12).Select(i => start.AddMonths(i)).ToList();
        return cadence switch
        {
            MeetingCadence.Monthly => months.Select(m => Slot(year, m, Nth(m, DayOfWeek.Wednesday, 2), Morning)).ToList(),
            MeetingCadence.EveryTwoMonths => months.Where(m => m.Month is 5 or 7 or 9 or 11 or 1 or 3)
                .Select(m => Slot(year, m, Nth(m, DayOfWeek.Thursday, 2), Morning)).ToList(),
            MeetingCadence.Quarterly => months.Where(m => m.Month is 4 or 7 or 10 or 1)
                .Select(m => Slot(year, m, Last(m, DayOfWeek.Tuesday), Afternoon)).ToList(),
            MeetingCadence.SixMonthly => months.Where(m => m.Month is 9 or 3)
                .Select(m => Slot(year, m, Last(m, DayOfWeek.Tuesday), Afternoon)).ToList(),
            MeetingCadence.Yearly => months.Where(m => m.Month == 9)
                .Select(m => Slot(year, m, Nth(m, DayOfWeek.Tuesday, 2), Evening)).ToList(),
            _ => [],
        };
    }

    /// <summary>The quarter whose report a quarterly meeting in <paramref name="meetsOn"/>'s month receives: the one just ended.</summary>
    public static ReportingPeriod QuarterReceived(DateOnly meetsOn) => ReportingPeriod.QuarterContaining(meetsOn).Previous;

    private static ScheduledMeeting Slot(ReportingPeriod year, DateOnly month, DateOnly day, TimeOnly at) =>
        new($"{year.Slug}-{month.Month.ToString("00", CultureInfo.InvariantCulture)}", day, at);

    private static DateOnly Nth(DateOnly month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    private static DateOnly Last(DateOnly month, DayOfWeek weekday)
    {
        var last = new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7));
    }
}
