using SaferPlan.Core.Accounts;
using SaferPlan.Core.Editing;
using SaferPlan.Core.Plans;

namespace SaferPlan.Core.Tests.Accounts;

public sealed class PermissionsTests
{
    private const int Partnership = 7;
    private static readonly Priority Priority1 = new() { Id = 1, Title = "Reducing Serious Acquisitive Crime", LeadOfficerId = 100 };
    private static readonly PlanAction Action13 = new() { Id = 2, Number = "1.3", Text = "Provide support", LeadOfficerId = 200 };
    private static readonly Milestone Milestone13a = new() { Id = 3, Code = "1.3a", Text = "Encourage", LeadOfficerId = 300 };

    private static UserContext As(PartnershipRole role, int? person = null, int partnership = Partnership) =>
        new("u", "u@example.org", person, [new PartnershipMembership(partnership, role)]);

    [Theory]
    [InlineData(PartnershipRole.Administrator, null, true, true, true)]
    [InlineData(PartnershipRole.SupportOfficer, null, true, true, true)]
    [InlineData(PartnershipRole.LeadOfficer, 100, true, true, true)]
    [InlineData(PartnershipRole.LeadOfficer, 200, false, true, true)]
    [InlineData(PartnershipRole.LeadOfficer, 300, false, false, true)]
    [InlineData(PartnershipRole.LeadOfficer, 999, false, false, false)]
    [InlineData(PartnershipRole.BoardMember, 100, false, false, false)]
    public void CanEdit_ByRoleAndLead_FollowsTheLeadDownward(PartnershipRole role, int? person, bool priority, bool action, bool milestone)
    {
        var user = As(role, person);

        Assert.Equal(priority, Permissions.CanEdit(user, Partnership, Priority1));
        Assert.Equal(action, Permissions.CanEdit(user, Partnership, Priority1, Action13));
        Assert.Equal(milestone, Permissions.CanEdit(user, Partnership, Priority1, Action13, Milestone13a));
    }

    [Theory]
    [InlineData(PartnershipRole.Administrator, true)]
    [InlineData(PartnershipRole.SupportOfficer, true)]
    [InlineData(PartnershipRole.LeadOfficer, false)]
    [InlineData(PartnershipRole.Analyst, false)]
    [InlineData(PartnershipRole.BoardMember, false)]
    public void MayChangeMarking_LoweringFromRestricted_IsForSupportOfficersAndAdministratorsOnly(PartnershipRole role, bool mayLower)
    {
        var user = As(role, 100);

        Assert.Equal(mayLower, Permissions.CanLowerMarking(user, Partnership));
        Assert.Equal(mayLower, Permissions.MayChangeMarking(user, Partnership, ProtectiveMarking.Restricted, ProtectiveMarking.Official));
        Assert.True(Permissions.MayChangeMarking(user, Partnership, ProtectiveMarking.Official, ProtectiveMarking.Restricted));
        Assert.True(Permissions.MayChangeMarking(user, Partnership, ProtectiveMarking.Restricted, ProtectiveMarking.Restricted));
        Assert.False(Permissions.CanLowerMarking(As(role, 100, partnership: 8), Partnership));
    }

    [Fact]
    public void CanEdit_RoleInAnotherPartnership_GivesNothingHere()
    {
        var user = As(PartnershipRole.Administrator, partnership: 8);

        Assert.False(Permissions.CanEdit(user, Partnership, Priority1));
        Assert.False(Permissions.CanSeeRestricted(user, Partnership));
    }

    [Theory]
    [InlineData(EditionStatus.Draft, false)]
    [InlineData(EditionStatus.Consultation, false)]
    [InlineData(EditionStatus.Approved, true)]
    [InlineData(EditionStatus.Superseded, true)]
    public void CanReadEdition_Anonymous_SeesApprovedOnly(EditionStatus status, bool expected)
    {
        var edition = new PlanEdition { Label = "v1", Title = "Plan", Status = status };

        Assert.Equal(expected, Permissions.CanReadEdition(UserContext.Anonymous, edition, Partnership));
        Assert.True(Permissions.CanReadEdition(As(PartnershipRole.BoardMember), edition, Partnership));
        Assert.False(Permissions.CanSeeRestricted(UserContext.Anonymous, Partnership));
    }

    [Theory]
    [InlineData(PartnershipRole.Administrator, null, true, true, true)]
    [InlineData(PartnershipRole.SupportOfficer, null, true, true, true)]
    [InlineData(PartnershipRole.LeadOfficer, 100, true, true, true)]
    [InlineData(PartnershipRole.LeadOfficer, 200, true, false, true)]
    [InlineData(PartnershipRole.LeadOfficer, 999, true, false, false)]
    [InlineData(PartnershipRole.BoardMember, 100, false, false, false)]
    [InlineData(PartnershipRole.Analyst, 100, false, false, false)]
    public void CanWriteTaskGroupReport_ByRoleAndLead_ReportLeadOrPriorityLead(PartnershipRole role, int? person, bool add, bool underPriority, bool asReportLead)
    {
        var user = As(role, person);

        Assert.Equal(add, Permissions.CanAddTaskGroupReport(user, Partnership));
        Assert.Equal(underPriority, Permissions.CanWriteTaskGroupReport(user, Partnership, null, Priority1.LeadOfficerId));
        Assert.Equal(asReportLead, Permissions.CanWriteTaskGroupReport(user, Partnership, 200, Priority1.LeadOfficerId));
        Assert.False(Permissions.CanWriteTaskGroupReport(user with { LinkPeriod = SaferPlan.Core.Periods.ReportingPeriod.Of(2010, 4) }, Partnership, 200, Priority1.LeadOfficerId));
        Assert.True(Permissions.CanReadTaskGroupReports(user, Partnership));
        Assert.False(Permissions.CanReadTaskGroupReports(UserContext.Anonymous, Partnership));
    }

    [Fact]
    public void PartnershipsToUpdate_ByRole_LeavesOutBoardMembersAndAnalysts()
    {
        var user = new UserContext("u", "u", 100, [
            new PartnershipMembership(1, PartnershipRole.LeadOfficer), new PartnershipMembership(1, PartnershipRole.Administrator),
            new PartnershipMembership(2, PartnershipRole.BoardMember), new PartnershipMembership(3, PartnershipRole.Analyst),
            new PartnershipMembership(4, PartnershipRole.SupportOfficer)]);

        Assert.Equal([1, 4], Permissions.PartnershipsToUpdate(user));
        Assert.Empty(Permissions.PartnershipsToUpdate(UserContext.Anonymous));
    }
}
