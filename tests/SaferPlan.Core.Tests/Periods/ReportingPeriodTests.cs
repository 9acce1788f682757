using SaferPlan.Core.Periods;

namespace SaferPlan.Core.Tests.Periods;

public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData(2011, 1, 15, "2010/11 Q4")]
    [InlineData(2011, 3, 31, "2010/11 Q4")]
    [InlineData(2010, 4, 1, "2010/11 Q1")]
    [InlineData(2010, 6, 30, "2010/11 Q1")]
    [InlineData(2010, 7, 1, "2010/11 Q2")]
    [InlineData(2010, 12, 31, "2010/11 Q3")]
    [InlineData(1999, 12, 31, "1999/00 Q3")]
    public void QuarterContaining_Date_IsFinancialQuarter(int year, int month, int day, string expected) =>
        Assert.Equal(expected, ReportingPeriod.QuarterContaining(new DateOnly(year, month, day)).Display);

    [Theory]
    [InlineData("2010/11 Q4", 2010, 4, "2010-11-q4")]
    [InlineData("2010-11-q4", 2010, 4, "2010-11-q4")]
    [InlineData("2010-11-Q1", 2010, 1, "2010-11-q1")]
    [InlineData(" 2009/10  q2 ", 2009, 2, "2009-10-q2")]
    [InlineData("2010/11", 2010, 0, "2010-11")]
    [InlineData("2010-11", 2010, 0, "2010-11")]
    [InlineData("1999/00 Q1", 1999, 1, "1999-00-q1")]
    public void Parse_EitherForm_ReadsYearAndQuarter(string text, int startYear, int quarter, string slug)
    {
        var period = ReportingPeriod.Parse(text);

        Assert.Equal(startYear, period.StartYear);
        Assert.Equal(quarter, period.Quarter);
        Assert.Equal(slug, period.Slug);
        Assert.Equal(period, ReportingPeriod.Parse(period.Display));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2010")]
    [InlineData("2010/12 Q1")]
    [InlineData("2010/11 Q5")]
    [InlineData("2010/11 Q0")]
    [InlineData("Q4 2010/11")]
    [InlineData("2010-11-q")]
    [InlineData("10/11 Q1")]
    public void TryParse_Malformed_IsRefused(string text)
    {
        Assert.False(ReportingPeriod.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => ReportingPeriod.Parse(text));
        Assert.Contains("2010/11 Q4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartAndEnd_Q4_AreJanuaryToMarchOfFollowingYear()
    {
        var q4 = ReportingPeriod.Of(2010, 4);

        Assert.Equal(new DateOnly(2011, 1, 1), q4.Start);
        Assert.Equal(new DateOnly(2011, 3, 31), q4.End);
        Assert.Equal(new DateOnly(2010, 4, 1), q4.FinancialYear.Start);
        Assert.Equal(new DateOnly(2011, 3, 31), q4.FinancialYear.End);
    }

    [Fact]
    public void NextAndPrevious_CrossTheYearBoundary()
    {
        Assert.Equal("2011/12 Q1", ReportingPeriod.Of(2010, 4).Next.Display);
        Assert.Equal("2009/10 Q4", ReportingPeriod.Of(2010, 1).Previous.Display);
        Assert.Equal("2010/11 Q3", ReportingPeriod.Of(2010, 2).Next.Display);
        Assert.True(ReportingPeriod.Of(2010, 4) < ReportingPeriod.Of(2011, 1));
        Assert.True(ReportingPeriod.Year(2010) < ReportingPeriod.Of(2010, 1));
    }

    [Fact]
    public void Of_QuarterOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Of(2010, 5));
}
