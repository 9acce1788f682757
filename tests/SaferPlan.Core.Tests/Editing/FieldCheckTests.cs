using SaferPlan.Core.Editing;
using SaferPlan.Core.Panels;

namespace SaferPlan.Core.Tests.Editing;

/// <summary>The one way an editor checks its input into the fields it writes (Editing/FieldCheck), and what a save adds after.</summary>
public sealed class FieldCheckTests
{
    private enum Choice
    {
        First,
        Second,
    }

    [Fact]
    public void Rules_AnswerTheValueToWrite_TrimmedOrNull()
    {
        var check = new FieldCheck();

        Assert.Equal("Cambourne", check.Required("Place", "  Cambourne ", 200, "Enter where", "The place"));
        Assert.Null(check.Optional("Team", "   ", 200, "The team"));
        Assert.Equal("North team", check.Optional("Team", " North team ", 200, "The team"));
        Assert.Equal("one\ntwo", check.OptionalText("Notes", " one\r\ntwo ", 200, "The notes"));
        Assert.Equal(new DateOnly(2010, 7, 27), check.Given("HeldOn", (DateOnly?)new DateOnly(2010, 7, 27), "Enter the date"));
        Assert.Equal(Choice.Second, check.Chosen("Kind", (Choice?)Choice.Second, "Select the kind"));
        Assert.Equal(Choice.First, check.Chosen("Kind", Choice.First, "Select the kind"));
        Assert.Equal("one\ntwo", check.RequiredText("Reason", " one\r\ntwo ", 200, "Enter the reason", "The reason"));
        Assert.Empty(check.Errors);
        Assert.Equal("Cambourne", check.Result(() => "Cambourne").Value);
    }

    [Fact]
    public void Texts_PastedFromWord_KeepTheirWordsApart_AndNothingXmlCannotCarry()
    {
        var check = new FieldCheck();

        // Word's line break pastes as a vertical tab: a space in what is written, as every document and chart writer needs.
        Assert.Equal("Reduce harm to victims", check.Required("Title", " Reduce harm\vto victims ", 200, "Enter the title", "The title"));
        Assert.Equal("a b", check.Optional("Note", "a\u0001b", 200, "The note"));
        Assert.Null(check.Optional("Note", "\v", 200, "The note"));
        Assert.Empty(check.Errors);
    }

    [Fact]
    public void BrokenRules_AreNotedByField_InTheOrderChecked_AndNoFieldsAreMade()
    {
        var check = new FieldCheck();
        check.Required("Place", "  ", 200, "Enter where the meeting was held", "The place");
        check.Given<DateOnly>("HeldOn", null, "Enter the date of the meeting");
        check.Chosen("Kind", (Choice?)(Choice)7, "Select the kind");
        check.Optional("Team", new string('x', 201), 200, "The team");
        var made = false;

        var result = check.Result(() => made = true);

        Assert.Equal(EditStatus.Invalid, result.Status);
        Assert.False(made);
        Assert.Equal(["Place", "HeldOn", "Kind", "Team"], result.Errors.Keys);
        Assert.Equal("Enter where the meeting was held", result.Message);
        Assert.Equal("The team must be 200 characters or fewer", result.Errors["Team"]);
        Assert.True(check.Refused(out EditResult<int>? invalid));
        Assert.Equal(result.Errors, invalid.Errors);
    }

    [Fact]
    public void ARuleTheSaveAddsLater_JoinsAfterTheCheck_AndAFieldKeepsItsFirstError()
    {
        var valid = PanelEditor.CheckMeeting(new PanelMeetingInput(new DateOnly(2010, 7, 27), "Village hall"));
        var invalid = PanelEditor.CheckMeeting(new PanelMeetingInput(null, "Village hall"));

        var taken = valid.WithError("Place", "Another meeting is there that day");
        var both = invalid.WithError("Place", "Another meeting is there that day").WithError("HeldOn", "Enter a later date");

        Assert.Equal("Village hall", valid.Value?.Place);
        Assert.Equal(EditStatus.Invalid, taken.Status);
        Assert.Equal("Another meeting is there that day", taken.Message);
        Assert.Equal(["HeldOn", "Place"], both.Errors.Keys);
        Assert.Equal("Enter the date of the meeting", both.Errors["HeldOn"]);
    }
}
