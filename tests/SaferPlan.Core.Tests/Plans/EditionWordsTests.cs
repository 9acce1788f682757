using SaferPlan.Core.Plans;

namespace SaferPlan.Core.Tests.Plans;

/// <summary>The word-level difference the edition comparison marks with ins and del.</summary>
public sealed class EditionWordsTests
{
    [Fact]
    public void Words_RenamedPriority_KeepsSharedWordsAndMarksTheRest()
    {
        var changes = EditionComparer.Words("Reducing burglary in the district", "Reducing serious acquisitive crime in the district");

        Assert.Equal(
            [
                new WordChange(WordChangeKind.Same, "Reducing"),
                new WordChange(WordChangeKind.Deleted, "burglary"),
                new WordChange(WordChangeKind.Inserted, "serious acquisitive crime"),
                new WordChange(WordChangeKind.Same, "in the district"),
            ],
            changes);
    }

    [Fact]
    public void Words_SameText_IsOneUnchangedRun_AndEmptyToTextIsAllInserted()
    {
        Assert.Equal([new WordChange(WordChangeKind.Same, "Deliver the Safer Homes scheme")], EditionComparer.Words("Deliver the Safer Homes scheme", "Deliver the Safer Homes scheme"));
        Assert.Equal([new WordChange(WordChangeKind.Inserted, "New milestone")], EditionComparer.Words(null, "New milestone"));
    }
}
