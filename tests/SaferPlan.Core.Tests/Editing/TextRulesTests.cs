using SaferPlan.Core.Editing;
using SaferPlan.Core.Meetings;
using SaferPlan.Core.Periods;

namespace SaferPlan.Core.Tests.Editing;

/// <summary>The text-box rules every editor shares (Editing/TextRules), through the checks that use them.</summary>
public sealed class TextRulesTests
{
    private static MeetingInput Input(string? place) =>
        new(BodyId: 1, ReportingPeriod.Year(2010), new DateOnly(2010, 7, 27), new TimeOnly(14, 0), place, IsPublic: true);

    [Fact]
    public void Place_LongerThanItsColumn_IsRefusedSayingTheLimit()
    {
        var errors = MeetingEditor.Check(Input(new string('x', MeetingEditor.PlaceLength + 1))).Errors;

        Assert.Equal("The place must be 200 characters or fewer", Assert.Single(errors).Value);
        Assert.Equal("Place", errors.Keys.Single());
    }

    [Fact]
    public void Place_AtItsLimit_OrLongerOnlyByTheSpacesAroundIt_IsAccepted_AndWrittenTrimmed()
    {
        var atLimit = new string('x', MeetingEditor.PlaceLength);
        Assert.Equal(atLimit, MeetingEditor.Check(Input(atLimit)).Value?.Place);
        Assert.Equal(atLimit, MeetingEditor.Check(Input($"  {atLimit}  ")).Value?.Place);

        var none = MeetingEditor.Check(Input("   "));
        Assert.True(none.Succeeded);
        Assert.Null(none.Value.Place);
    }

    [Fact]
    public void ALimitOverNineHundredAndNinetyNine_IsWrittenWithAComma_AsGovUkWritesNumbers()
    {
        var errors = new Dictionary<string, string>();
        Amendments.CheckReason(errors, new string('x', Amendments.ReasonLength + 1));

        Assert.Equal("The reason for this amendment must be 2,000 characters or fewer", errors[Amendments.ReasonField]);
    }
}
