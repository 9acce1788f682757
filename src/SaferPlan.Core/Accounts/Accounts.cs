using Microsoft.AspNetCore.Identity;

namespace SaferPlan.Core.Accounts;

public sealed class User : IdentityUser
{
    /// <summary>The person in the plan this account belongs to, so a lead officer can edit what they lead.</summary>
    public int? PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>
    /// The name the user goes by ("Dave Sargent"): what updates, reviews and the audit trail record as theirs, so an
    /// e-mail address never stands for a person on a page.
    /// </summary>
    public string? DisplayName { get; set; }

    public List<Membership> Memberships { get; set; } = [];
}

public enum PartnershipRole
{
    Administrator,
    SupportOfficer,
    LeadOfficer,
    BoardMember,

    /// <summary>Loads recorded crime, defines indicators, baselines and targets, and writes the strategic assessment.</summary>
    Analyst,
}

/// <summary>A user's role in one partnership.</summary>
public sealed class Membership : IAudited
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public User User { get; set; } = null!;

    public int PartnershipId { get; set; }

    public Partnership Partnership { get; set; } = null!;

    public PartnershipRole Role { get; set; }
}

/// <summary>A bearer token for the API. Only its SHA-256 hash is stored.</summary>
public sealed class ApiToken : IAudited
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public User User { get; set; } = null!;

    public required string Name { get; set; }

    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
