using SaferPlan.Core.Accounts;
using SaferPlan.Core.Panels;
using SaferPlan.Core.Partnerships;

namespace SaferPlan.Core.Tests.Accounts;

/// <summary>Who may read, edit and act on neighbourhood panel priorities: the rules of Permissions, with the route's holders.</summary>
public sealed class PanelPermissionsTests
{
    private const int Partnership = 7;
    private const int Police = 40;
    private const int Council = 41;

    private static UserContext As(PartnershipRole role, int? person = null, int partnership = Partnership) =>
        new("u", "u", person, [new PartnershipMembership(partnership, role)]);

    private static PanelRouteHolders HoldersOf(PanelRoute route) => PanelReader.HoldersOf(route switch
    {
        PanelRoute.NeighbourhoodPolicing => new PanelPriority { Text = "Speeding", Route = route },
        PanelRoute.AsbTaskGroup => new PanelPriority
        {
            Text = "ASB at the recreation ground", Route = route, RouteBodyId = 5,
            RouteBody = new Body { Id = 5, Key = "asb-task-group", Name = "ASB Task Group", ChairId = 300, MemberAgencies = [new Agency { Id = Council, Key = "scdc", Name = "SCDC", ShortName = "SCDC" }] },
        },
        _ => new PanelPriority
        {
            Text = "Street lights", Route = route, RouteContactId = 200,
            RouteContact = new Person { Id = 200, Key = "bridget-fairley", Name = "Bridget Fairley", AgencyId = Council },
        },
    }, [Police]);

    [Theory]
    [InlineData(PartnershipRole.Administrator, null, null, true, true, true)]
    [InlineData(PartnershipRole.SupportOfficer, null, null, true, true, true)]
    [InlineData(PartnershipRole.LeadOfficer, 100, Police, true, false, false)]
    [InlineData(PartnershipRole.LeadOfficer, 200, Council, false, true, true)]
    [InlineData(PartnershipRole.LeadOfficer, 300, null, false, true, false)]
    [InlineData(PartnershipRole.LeadOfficer, 999, null, false, false, false)]
    [InlineData(PartnershipRole.BoardMember, 200, Council, false, false, false)]
    [InlineData(PartnershipRole.Analyst, 100, Police, false, false, false)]
    public void CanRecordPanelAction_ByRoleAndRoute_IsForEditorsAndTheRoutesHolders(PartnershipRole role, int? person, int? agency, bool police, bool asb, bool partner)
    {
        var user = As(role, person);

        Assert.Equal(police, Permissions.CanRecordPanelAction(user, Partnership, HoldersOf(PanelRoute.NeighbourhoodPolicing), agency));
        Assert.Equal(asb, Permissions.CanRecordPanelAction(user, Partnership, HoldersOf(PanelRoute.AsbTaskGroup), agency));
        Assert.Equal(partner, Permissions.CanRecordPanelAction(user, Partnership, HoldersOf(PanelRoute.PartnerAgency), agency));
    }

    [Fact]
    public void Panels_OfAnotherPartnership_AreNeitherReadInFullNorEdited()
    {
        var elsewhere = As(PartnershipRole.SupportOfficer, partnership: 8);

        Assert.False(Permissions.CanReadPanels(elsewhere, Partnership));
        Assert.False(Permissions.CanEditPanels(elsewhere, Partnership));
        Assert.False(Permissions.CanReadPanels(UserContext.Anonymous, Partnership));
        Assert.True(Permissions.CanReadPanels(As(PartnershipRole.BoardMember), Partnership));
        Assert.False(Permissions.CanEditPanels(As(PartnershipRole.BoardMember), Partnership));
    }
}
