using SaferPlan.Core.Monitoring;

namespace SaferPlan.Core.Demo;

/// <summary>One demo account: who signs in, with which role (named as the CLI's <c>--role</c> names it), and the name they go by.</summary>
public sealed record DemoAccount(string Email, string RoleName, string? DisplayName)
{
    public PartnershipRole Role => Enum.Parse<PartnershipRole>(RoleName);
}

/// <summary>
/// Makes the demo ready to try at once (setting <c>SaferPlan:DemoAccounts</c>, on in the Development environment that
/// <c>dotnet run</c> uses): an account for each role, all with <see cref="Password"/>, and a quarter open for updates
/// whose deadline is always ahead, so a demo lead officer can sign in and submit an update straight away. Never for a
/// real installation: everyone who reads the README knows the password.
/// </summary>
public sealed class DemoTryOut(SaferPlanDbContext db, AccountService accounts, TimeProvider time)
{
    public const string Setting = "SaferPlan:DemoAccounts";

    public const string PartnershipSlug = "south-cambridgeshire";

    public const string Password = "saferplan-demo";

    /// <summary>
    /// The open quarter: the one after the demo's 2009/10 Q1 updates, reported against the Rolling Plan 2009–2012, so each
    /// lead officer finds last quarter's text to start from.
    /// </summary>
    public static readonly ReportingPeriod OpenQuarter = ReportingPeriod.Parse("2009/10 Q2");

    /// <summary>How far ahead the open quarter's deadline is kept.</summary>
    public const int DeadlineDays = 14;

    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("admin@example.org", "Administrator", "Demo administrator"),
        new("support.officer@example.org", "SupportOfficer", "Demo support officer"),
        new("myles.bebbington@example.org", "LeadOfficer", null),
        new("board.member@example.org", "BoardMember", "Demo Board member"),
        new("analyst@example.org", "Analyst", "Demo analyst"),
    ];

    /// <summary>
    /// Adds the demo accounts that are missing and opens the demo quarter, or moves its deadline ahead again once it has
    /// passed. Running it again changes nothing until the deadline comes near. Does nothing without the demo partnership.
    /// </summary>
    public async Task<bool> PrepareAsync(CancellationToken ct = default)
    {
        var partnership = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == PartnershipSlug, ct);
        if (partnership is null)
        {
            return false;
        }

        foreach (var account in Accounts)
        {
            if (await accounts.UserByEmailAsync(account.Email, ct) is null)
            {
                var added = await accounts.AddUserAsync(account.Email, Password, account.Role, PartnershipSlug, account.DisplayName, ct);
                if (!added.Succeeded)
                {
                    throw new InvalidOperationException($"The demo account {account.Email} could not be made: {added.Message}");
                }
            }
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var round = await db.Set<CollectionRound>().FirstOrDefaultAsync(r => r.PartnershipId == partnership.Id && r.Period == OpenQuarter, ct);
        if (round is null)
        {
            db.Add(new CollectionRound
            {
                PartnershipId = partnership.Id,
                Period = OpenQuarter,
                OpenedOn = today,
                Deadline = today.AddDays(DeadlineDays),
                OpenedBy = "Demo support officer",
            });
        }
        else if (round.Deadline < today.AddDays(1) || round.LockOn is not null)
        {
            round.Deadline = today.AddDays(DeadlineDays);
            round.LockOn = null;
        }
        else
        {
            return true;
        }

        db.AuditPartnershipId = partnership.Id;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
