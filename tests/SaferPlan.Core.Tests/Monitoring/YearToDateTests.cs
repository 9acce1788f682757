using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Periods;

namespace SaferPlan.Core.Tests.Monitoring;

/// <summary>The one year-to-date rule: the sum of the year's quarters, or the group's own cumulative figure brought forward when earlier quarters are missing.</summary>
public sealed class YearToDateTests
{
    private const string Title = "ASB Task Group Stats";

    private static readonly string[] Columns = ["This quarter"];

    private static (FigureTable Table, TaskGroupReport Report) Quarter(int quarter, decimal newCases, decimal? reportedYearToDate = null)
    {
        var table = new FigureTable
        {
            Title = Title,
            Columns = FigureJson.Write(Columns),
            Rows = FigureJson.Write(new[] { new FigureRow("New cases", [newCases], reportedYearToDate is { } ytd ? [ytd] : null) }),
            YearToDate = true,
        };
        return (table, new TaskGroupReport { Title = "Update on Anti Social Behaviour", Period = ReportingPeriod.Of(2010, quarter), Figures = [table] });
    }

    private static QuarterTable Entered((FigureTable Table, TaskGroupReport Report) q) => new(q.Table, q.Report.Period, null, q.Report.Title);

    [Fact]
    public void Figures_EarlierQuartersNotEntered_BringsTheReportedCumulativeForward()
    {
        var q4 = Quarter(4, 5, reportedYearToDate: 72);

        var figure = YearToDate.Figures(q4.Table, q4.Report, [Entered(q4)], officialOnly: true).Single().Single();

        Assert.Equal(new YearToDateFigure(72, BroughtForward: true), figure);
    }

    [Fact]
    public void Figures_EveryQuarterEntered_SumsThemAndIgnoresTheReportedCumulative()
    {
        var quarters = new[] { Quarter(1, 20), Quarter(2, 30), Quarter(3, 17), Quarter(4, 5, reportedYearToDate: 99) };

        var figure = YearToDate.Figures(quarters[3].Table, quarters[3].Report, quarters.Select(Entered), officialOnly: true).Single().Single();

        Assert.Equal(new YearToDateFigure(72, BroughtForward: false), figure);
    }

    [Fact]
    public void Figures_QuarterMissingAndNoReportedCumulative_SumsWhatWasEntered()
    {
        var quarters = new[] { Quarter(1, 20), Quarter(4, 5) };

        var figure = YearToDate.Figures(quarters[1].Table, quarters[1].Report, quarters.Select(Entered), officialOnly: true).Single().Single();

        Assert.Equal(new YearToDateFigure(25, BroughtForward: false), figure);
    }
}
