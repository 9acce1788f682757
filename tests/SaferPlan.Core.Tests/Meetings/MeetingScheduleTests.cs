using SaferPlan.Core.Meetings;
using SaferPlan.Core.Partnerships;
using SaferPlan.Core.Periods;

namespace SaferPlan.Core.Tests.Meetings;

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
    public void OwnBoard_NamedOrServingThisPartnershipAlone_ReceivesTheBoardReport()
    {
        var cdrpBoard = new Body { Id = 1, Key = "cdrp-board", Name = "CDRP Board", Kind = BodyKind.Board, Cadence = MeetingCadence.Quarterly };
        var countyBoard = new Body { Id = 2, Key = "county-dap", Name = "Cambridgeshire Domestic Abuse Partnership", Kind = BodyKind.Board, Cadence = MeetingCadence.Quarterly };
        var taskGroup = new Body { Id = 3, Key = "asb", Name = "ASB Task Group", Kind = BodyKind.TaskGroup, Cadence = MeetingCadence.Quarterly };

        // The partnership names its board: that one only, even when a county board serves it alone.
        Assert.True(MeetingEditor.IsOwnBoard(cdrpBoard, partnershipBoardId: 1, partnershipsServed: 1));
        Assert.False(MeetingEditor.IsOwnBoard(countyBoard, partnershipBoardId: 1, partnershipsServed: 1));

        // Named none: a Board serving this partnership alone, never one serving several, never a task group.
        Assert.True(MeetingEditor.IsOwnBoard(cdrpBoard, partnershipBoardId: null, partnershipsServed: 1));
        Assert.False(MeetingEditor.IsOwnBoard(countyBoard, partnershipBoardId: null, partnershipsServed: 5));
        Assert.False(MeetingEditor.IsOwnBoard(taskGroup, partnershipBoardId: null, partnershipsServed: 1));
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
