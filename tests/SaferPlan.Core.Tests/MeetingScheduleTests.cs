using SaferPlan.Core.Meetings;
using SaferPlan.Core.Partnerships;
using SaferPlan.Core.Periods;

namespace SaferPlan.Core.Tests;

/// <summary>The rule that turns a body's cadence into a financial year's meetings (issue 13, item 3).</summary>
public sealed class MeetingScheduleTests
{
    private static readonly ReportingPeriod Year = ReportingPeriod.Year(2010);

    [Fact]
    public void Quarterly_OnTheLastTuesdayOfEachQuartersFirstMonth_At2pm()
    {
        var meetings = MeetingSchedule.For(MeetingCadence.Quarterly, Year);

        Assert.Equal([new DateOnly(2010, 4, 27), new DateOnly(2010, 7, 27), new DateOnly(2010, 10, 26), new DateOnly(2011, 1, 25)], meetings.Select(m => m.MeetsOn));
        Assert.All(meetings, m => Assert.Equal(new TimeOnly(14, 0), m.StartsAt));
        Assert.Equal(new DateOnly(2011, 4, 26), MeetingSchedule.For(MeetingCadence.Quarterly, ReportingPeriod.Year(2011))[0].MeetsOn);
        Assert.Equal("2010/11 Q4", MeetingSchedule.QuarterReceived(new DateOnly(2011, 4, 26)).Display);
    }

    [Fact]
    public void Monthly_OnTheSecondWednesdayOfEveryMonth()
    {
        var meetings = MeetingSchedule.For(MeetingCadence.Monthly, Year);

        Assert.Equal(12, meetings.Count);
        Assert.All(meetings, m => Assert.Equal(DayOfWeek.Wednesday, m.MeetsOn.DayOfWeek));
        Assert.All(meetings, m => Assert.InRange(m.MeetsOn.Day, 8, 14));
        Assert.Equal(new DateOnly(2010, 4, 14), meetings[0].MeetsOn);
        Assert.Equal(new DateOnly(2011, 3, 9), meetings[^1].MeetsOn);
        Assert.Equal(12, meetings.Select(m => m.Slot).Distinct().Count());
    }

    [Fact]
    public void EveryTwoMonths_OnTheSecondThursdayOfOddMonthsFromMay()
    {
        var meetings = MeetingSchedule.For(MeetingCadence.EveryTwoMonths, Year);

        Assert.Equal([5, 7, 9, 11, 1, 3], meetings.Select(m => m.MeetsOn.Month));
        Assert.All(meetings, m => Assert.Equal(DayOfWeek.Thursday, m.MeetsOn.DayOfWeek));
        Assert.All(meetings, m => Assert.InRange(m.MeetsOn, Year.Start, Year.End));
    }

    [Fact]
    public void SixMonthlyYearlyAndAsRequired_FollowTheirRules()
    {
        Assert.Equal([new DateOnly(2010, 9, 28), new DateOnly(2011, 3, 29)], MeetingSchedule.For(MeetingCadence.SixMonthly, Year).Select(m => m.MeetsOn));
        Assert.Equal([new DateOnly(2010, 9, 14)], MeetingSchedule.For(MeetingCadence.Yearly, Year).Select(m => m.MeetsOn));
        Assert.Empty(MeetingSchedule.For(MeetingCadence.AsRequired, Year));
    }

    [Fact]
    public void StatutoryYear_HasSeed000sDuties_WithTheirDueDates()
    {
        var duties = StatutoryYearService.Templates(Year).ToDictionary(d => d.Key);

        Assert.Equal(12, duties.Count);
        Assert.Equal(new DateOnly(2010, 4, 30), duties["funding-plan"].DueOn);
        Assert.Equal(new DateOnly(2010, 5, 1), duties["public-consultation"].StartsOn);
        Assert.Equal(new DateOnly(2010, 8, 31), duties["public-consultation"].DueOn);
        Assert.Equal(new DateOnly(2010, 9, 30), duties["scrutiny-review"].DueOn);
        Assert.Equal(new DateOnly(2010, 10, 31), duties["strategic-assessment"].DueOn);
        Assert.Equal(new DateOnly(2010, 7, 31), duties["asb-return-q1"].DueOn);
        Assert.Equal(new DateOnly(2011, 4, 30), duties["performance-report-q4"].DueOn);
    }
}
