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
        var root = RepositoryRoot();
        var found = new List<string>();
        foreach (var project in new[] { "src/SaferPlan", "src/SaferPlan.Core" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, project), "*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal) || Allowed.Contains(relative))
                {
                    continue;
                }

                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    if (MembershipOrRoleTest().Match(lines[i]) is { Success: true } match)
                    {
                        found.Add($"{relative}:{i + 1}: {match.Value}");
                    }
                }
            }
        }

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

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SaferPlan.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No SaferPlan.slnx above {AppContext.BaseDirectory}.");
    }
}
