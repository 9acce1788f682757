namespace SaferPlan.Core.Accounts;

public sealed record PartnershipMembership(int PartnershipId, PartnershipRole Role);

/// <summary>Who is asking: anonymous, or a user with roles in some partnerships and perhaps a person in the plans.</summary>
public sealed record UserContext(string? UserId, string Name, int? PersonId, IReadOnlyList<PartnershipMembership> Memberships)
{
    public static readonly UserContext Anonymous = new(null, "anonymous", null, []);

    /// <summary>Set when the user came through an e-mailed update link: they may update their milestones for this period only.</summary>
    public Periods.ReportingPeriod? LinkPeriod { get; init; }

    /// <summary>A person acting through an e-mailed update link, with no password and no other rights.</summary>
    public static UserContext ForUpdateLink(int partnershipId, int personId, string personName, Periods.ReportingPeriod period) =>
        new(null, $"{personName} (e-mailed link)", personId, [new PartnershipMembership(partnershipId, PartnershipRole.LeadOfficer)]) { LinkPeriod = period };

    public bool IsSignedIn => UserId is not null;

    public bool IsMemberOf(int partnershipId) => Memberships.Any(m => m.PartnershipId == partnershipId);

    public bool Has(int partnershipId, params PartnershipRole[] roles) =>
        Memberships.Any(m => m.PartnershipId == partnershipId && roles.Contains(m.Role));
}
