using SaferPlan.Core.Meetings;
using SaferPlan.Core.Periods;

namespace SaferPlan.Core.Tests.Meetings;

/// <summary>A meeting's details checked before anything is saved, with the text-box rules every editor shares (Editing/TextRules).</summary>
public sealed class MeetingCheckTests
{
    private static MeetingInput Input(string? place) =>
        new(BodyId: 1, ReportingPeriod.Year(2010), new DateOnly(2010, 7, 27), new TimeOnly(14, 0), place, IsPublic: true);

    [Fact]
    public void Place_LongerThanItsColumn_IsRefusedSayingTheLimit()
    {
        var errors = MeetingEditor.Check(Input(new string('x', MeetingEditor.PlaceLength + 1)));

        Assert.Equal("The place must be 200 characters or fewer", Assert.Single(errors).Value);
        Assert.Equal("Place", errors.Keys.Single());
    }

    [Fact]
    public void Place_AtItsLimit_OrLongerOnlyByTheSpacesAroundIt_IsAccepted()
    {
        Assert.Empty(MeetingEditor.Check(Input(new string('x', MeetingEditor.PlaceLength))));
        Assert.Empty(MeetingEditor.Check(Input($"  {new string('x', MeetingEditor.PlaceLength)}  ")));
        Assert.Empty(MeetingEditor.Check(Input(null)));
    }
}
