namespace SaferPlan.Core.Accounts;

public sealed record PartnershipMembership(int PartnershipId, PartnershipRole Role);

/// <summary>Who is asking: anonymous, or a user with roles in some partnerships and perhaps a person in the plans.</summary>
public sealed record UserContext(string? UserId, string Name, int? PersonId, IReadOnlyList<PartnershipMembership> Memberships)
{
    public static readonly UserContext Anonymous = new(null, "anonymous", null, []);

    public bool IsSignedIn => UserId is not null;

    public bool IsMemberOf(int partnershipId) => Memberships.Any(m => m.PartnershipId == partnershipId);

    public bool Has(int partnershipId, params PartnershipRole[] roles) =>
        Memberships.Any(m => m.PartnershipId == partnershipId && roles.Contains(m.Role));
}
