using System.Text.RegularExpressions;

namespace SaferPlan.Core.Tests.Accounts;

/// <summary>
/// <c>Permissions</c> is the one place that decides who may read and edit what: a membership or role test written
/// anywhere else is a second rule that will drift from it. This reads the source of the web project and Core and names
/// every such test outside the few files that may make one.
/// </summary>
public sealed partial class PermissionsGateTests
{
    /// <summary>The files that may look at memberships and roles themselves, relative to the repository root.</summary>
    private static readonly string[] Allowed =
    [
        "src/SaferPlan.Core/Accounts/Permissions.cs",
        // Defines IsMemberOf and Has, and the e-mailed link's lead officer membership.
        "src/SaferPlan.Core/Accounts/UserContext.cs",
        // Creates and removes memberships, and keeps the last administrator of a partnership.
        "src/SaferPlan.Core/Accounts/AccountService.cs",
    ];

    [Fact]
    public void SourceFiles_OutsidePermissions_TestNoMembershipOrRole()
    {
        var found = SourceScan.Find(MembershipOrRoleTest(), ["src/SaferPlan", "src/SaferPlan.Core"], Allowed, razor: true);
        Assert.True(found.Count == 0, "Decide access in Core/Accounts/Permissions with a named method, not with a membership or role test here:\n" + string.Join("\n", found));
    }

    [Fact]
    public void Pattern_MembershipAndRoleTests_AreRecognised()
    {
        Assert.Matches(MembershipOrRoleTest(), "if (!user.IsMemberOf(partnership.Id))");
        Assert.Matches(MembershipOrRoleTest(), "user.Has(partnershipId, PartnershipRole.LeadOfficer)");
        Assert.Matches(MembershipOrRoleTest(), "m.Role == PartnershipRole.Analyst");
        Assert.Matches(MembershipOrRoleTest(), "user.Memberships.Any(m => m.PartnershipId == id)");
        Assert.Matches(MembershipOrRoleTest(), "foreach (var id in user.Memberships.Select(m => m.PartnershipId))");
        Assert.DoesNotMatch(MembershipOrRoleTest(), "var role = new Option<PartnershipRole>(\"--role\")");
        Assert.DoesNotMatch(MembershipOrRoleTest(), "db.Memberships.Where(m => m.Id == id)");
        Assert.DoesNotMatch(MembershipOrRoleTest(), "builder.HasIndex(m => m.UserId)");
    }

    // IsMemberOf(…), UserContext.Has(…), a role's value (the CLI's --role option names only the type), and a user's
    // memberships walked by hand; the database's Memberships set, queried for audit scopes, is not a check.
    [GeneratedRegex(@"\bIsMemberOf\(|\.Has\(|\bPartnershipRole\.[A-Z]|(?<!\bdb\.)\bMemberships\.(Any|All|Count|Select|Where|First|Single|Exists|Contains)\b")]
    private static partial Regex MembershipOrRoleTest();
}
