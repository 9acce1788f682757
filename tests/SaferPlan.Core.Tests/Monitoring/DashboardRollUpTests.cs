using SaferPlan.Core.Monitoring;

namespace SaferPlan.Core.Tests.Monitoring;

/// <summary>The one roll-up rule for an action's and a priority's status, and change since last quarter.</summary>
public sealed class DashboardRollUpTests
{
    private static UpdateStatus? NoUpdate => null;

    [Fact]
    public void Rule_IsStatedInWords()
    {
        Assert.Equal(
            "No updates if no milestone beneath has an update; otherwise Not on track if any is not on track; otherwise Stats awaited if any is stats awaited or has no update; otherwise Completed if every one is completed or closed; otherwise On track.",
            StatusRollUp.RollUpRule);
        Assert.Equal(StatusRollUp.RollUpRule, Dashboard.RollUpRule);
    }

    [Fact]
    public void EmptyAction_HasNoStatus() =>
        Assert.Equal(DerivedStatus.NoMilestones, StatusRollUp.Of(Array.Empty<UpdateStatus?>()));

    [Theory]
    [InlineData(new[] { UpdateStatus.NotOnTrack }, DerivedStatus.NotOnTrack)]
    [InlineData(new[] { UpdateStatus.OnTrack, UpdateStatus.NotOnTrack, UpdateStatus.Completed }, DerivedStatus.NotOnTrack)]
    [InlineData(new[] { UpdateStatus.StatsAwaited, UpdateStatus.NotOnTrack }, DerivedStatus.NotOnTrack)]
    [InlineData(new[] { UpdateStatus.OnTrack, UpdateStatus.StatsAwaited }, DerivedStatus.StatsAwaited)]
    [InlineData(new[] { UpdateStatus.Completed, UpdateStatus.StatsAwaited }, DerivedStatus.StatsAwaited)]
    [InlineData(new[] { UpdateStatus.Completed }, DerivedStatus.Completed)]
    [InlineData(new[] { UpdateStatus.Closed }, DerivedStatus.Completed)]
    [InlineData(new[] { UpdateStatus.Completed, UpdateStatus.Closed }, DerivedStatus.Completed)]
    [InlineData(new[] { UpdateStatus.Completed, UpdateStatus.OnTrack }, DerivedStatus.OnTrack)]
    [InlineData(new[] { UpdateStatus.Closed, UpdateStatus.NotStarted }, DerivedStatus.OnTrack)]
    [InlineData(new[] { UpdateStatus.OnTrack }, DerivedStatus.OnTrack)]
    [InlineData(new[] { UpdateStatus.NotStarted }, DerivedStatus.OnTrack)]
    [InlineData(new[] { UpdateStatus.OnTrack, UpdateStatus.NotStarted }, DerivedStatus.OnTrack)]
    public void Action_FromItsMilestones(UpdateStatus[] milestones, DerivedStatus expected) =>
        Assert.Equal(expected, StatusRollUp.Of(milestones.Select(s => (UpdateStatus?)s)));

    [Fact]
    public void NoUpdate_CountsLikeStatsAwaited_ButNotOnTrackStillWins()
    {
        Assert.Equal(DerivedStatus.NoUpdates, StatusRollUp.Of([NoUpdate]));
        Assert.Equal(DerivedStatus.NoUpdates, StatusRollUp.Of([NoUpdate, NoUpdate]));
        Assert.Equal("No updates", StatusRollUp.Text(StatusRollUp.Of([NoUpdate])));
        Assert.Equal(DerivedStatus.StatsAwaited, StatusRollUp.Of([UpdateStatus.OnTrack, NoUpdate]));
        Assert.Equal(DerivedStatus.StatsAwaited, StatusRollUp.Of([UpdateStatus.Completed, UpdateStatus.Closed, NoUpdate]));
        Assert.Equal(DerivedStatus.StatsAwaited, StatusRollUp.Of([UpdateStatus.StatsAwaited, NoUpdate]));
        Assert.Equal(DerivedStatus.NotOnTrack, StatusRollUp.Of([NoUpdate, UpdateStatus.NotOnTrack]));
    }

    [Fact]
    public void StatsAwaitedAndNoUpdate_AreDifferentMilestoneStatuses_WithTheSameRollUpBesideAnUpdate()
    {
        var counts = StatusCount.Of([UpdateStatus.StatsAwaited, NoUpdate, NoUpdate]);

        Assert.Equal(1, counts.Single(c => c.Status == UpdateStatus.StatsAwaited).Count);
        Assert.Equal(2, counts.Single(c => c.Status is null).Count);
        Assert.Equal("No update", counts.Single(c => c.Status is null).Text);
        Assert.Equal(StatusRollUp.Of([UpdateStatus.OnTrack, UpdateStatus.StatsAwaited]), StatusRollUp.Of([UpdateStatus.OnTrack, NoUpdate]));
    }

    [Theory]
    [InlineData(UpdateStatus.OnTrack, UpdateState.Draft, null)]
    [InlineData(UpdateStatus.OnTrack, UpdateState.Submitted, UpdateStatus.OnTrack)]
    [InlineData(UpdateStatus.NotOnTrack, UpdateState.Accepted, UpdateStatus.NotOnTrack)]
    [InlineData(UpdateStatus.StatsAwaited, UpdateState.Returned, UpdateStatus.StatsAwaited)]
    public void DraftUpdate_CountsAsNoUpdate(UpdateStatus status, UpdateState state, UpdateStatus? expected)
    {
        Assert.Equal(expected, StatusRollUp.Effective(status, state));
        Assert.Null(StatusRollUp.Effective(status, null));
    }

    [Theory]
    [InlineData(new[] { DerivedStatus.OnTrack, DerivedStatus.NotOnTrack }, DerivedStatus.NotOnTrack)]
    [InlineData(new[] { DerivedStatus.StatsAwaited, DerivedStatus.NotOnTrack, DerivedStatus.Completed }, DerivedStatus.NotOnTrack)]
    [InlineData(new[] { DerivedStatus.OnTrack, DerivedStatus.StatsAwaited }, DerivedStatus.StatsAwaited)]
    [InlineData(new[] { DerivedStatus.Completed, DerivedStatus.Completed }, DerivedStatus.Completed)]
    [InlineData(new[] { DerivedStatus.Completed, DerivedStatus.OnTrack }, DerivedStatus.OnTrack)]
    [InlineData(new[] { DerivedStatus.Completed, DerivedStatus.NoMilestones }, DerivedStatus.Completed)]
    [InlineData(new[] { DerivedStatus.OnTrack, DerivedStatus.NoMilestones }, DerivedStatus.OnTrack)]
    [InlineData(new[] { DerivedStatus.NoMilestones }, DerivedStatus.NoMilestones)]
    [InlineData(new[] { DerivedStatus.NoUpdates, DerivedStatus.NoUpdates }, DerivedStatus.NoUpdates)]
    [InlineData(new[] { DerivedStatus.NoUpdates, DerivedStatus.NoMilestones }, DerivedStatus.NoUpdates)]
    [InlineData(new[] { DerivedStatus.NoUpdates, DerivedStatus.OnTrack }, DerivedStatus.StatsAwaited)]
    [InlineData(new DerivedStatus[0], DerivedStatus.NoMilestones)]
    public void Priority_FromItsActions_BySameRule_LeavingOutEmptyActions(DerivedStatus[] actions, DerivedStatus expected) =>
        Assert.Equal(expected, StatusRollUp.Of(actions));

    [Fact]
    public void Priority_OverActions_MatchesTheRuleOverAllItsMilestones()
    {
        UpdateStatus?[][] actions =
        [
            [UpdateStatus.Completed, UpdateStatus.Closed],
            [UpdateStatus.OnTrack, NoUpdate],
            [],
        ];

        var viaActions = StatusRollUp.Of(actions.Select(a => StatusRollUp.Of(a)));

        Assert.Equal(DerivedStatus.StatsAwaited, viaActions);
        Assert.Equal(StatusRollUp.Of(actions.SelectMany(a => a)), viaActions);
    }

    [Theory]
    [InlineData(UpdateStatus.NotOnTrack, UpdateStatus.OnTrack, StatusChange.Improved)]
    [InlineData(UpdateStatus.OnTrack, UpdateStatus.NotOnTrack, StatusChange.Worse)]
    [InlineData(UpdateStatus.OnTrack, UpdateStatus.Completed, StatusChange.Improved)]
    [InlineData(UpdateStatus.Completed, UpdateStatus.Closed, StatusChange.Same)]
    [InlineData(UpdateStatus.Closed, UpdateStatus.Completed, StatusChange.Same)]
    [InlineData(UpdateStatus.StatsAwaited, UpdateStatus.StatsAwaited, StatusChange.Same)]
    [InlineData(UpdateStatus.NotStarted, UpdateStatus.StatsAwaited, StatusChange.Improved)]
    [InlineData(UpdateStatus.StatsAwaited, UpdateStatus.NotStarted, StatusChange.Worse)]
    [InlineData(UpdateStatus.OnTrack, UpdateStatus.StatsAwaited, StatusChange.Worse)]
    [InlineData(null, UpdateStatus.NotStarted, StatusChange.Improved)]
    [InlineData(null, UpdateStatus.NotOnTrack, StatusChange.Worse)]
    [InlineData(UpdateStatus.OnTrack, null, StatusChange.Worse)]
    [InlineData(UpdateStatus.NotOnTrack, null, StatusChange.Improved)]
    [InlineData(null, null, StatusChange.Same)]
    public void Change_FollowsTheOrderOfStatuses(UpdateStatus? previous, UpdateStatus? current, StatusChange expected) =>
        Assert.Equal(expected, StatusRollUp.Change(previous, current));

    [Fact]
    public void Order_RunsFromWorstToBest_AndRanksAgreeWithIt()
    {
        Assert.Equal(
            ["Not on track", "No update", "Not started", "Stats awaited", "On track", "Completed", "Closed"],
            StatusRollUp.Order.Select(UpdateStatuses.Text));
        var ranks = StatusRollUp.Order.Select(StatusRollUp.Rank).ToList();
        Assert.Equal(ranks.Order(), ranks);
        Assert.Equal(Enum.GetValues<UpdateStatus>().Length + 1, StatusRollUp.Order.Count);
    }

    [Fact]
    public void ChangeSummary_CountsEachMilestoneOnce()
    {
        var summary = ChangeSummary.Of([StatusChange.Improved, StatusChange.Worse, StatusChange.Same, StatusChange.Same, StatusChange.Improved]);

        Assert.Equal(new ChangeSummary(2, 1, 2), summary);
    }

    [Fact]
    public void EveryStatus_HasATagWithItsTextAndAChartColour()
    {
        foreach (var status in StatusRollUp.Order)
        {
            Assert.StartsWith("govuk-tag", StatusRollUp.TagClass(status), StringComparison.Ordinal);
            Assert.Matches("^#[0-9a-f]{6}$", StatusRollUp.ChartColour(status));
        }

        Assert.Equal(StatusRollUp.Order.Count, StatusRollUp.Order.Select(StatusRollUp.ChartColour).Distinct().Count());
    }
}
