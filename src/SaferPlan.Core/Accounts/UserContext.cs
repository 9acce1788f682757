namespace SaferPlan.Core.Accounts;

public sealed record PartnershipMembership(int PartnershipId, PartnershipRole Role);

/// <summary>
/// Who is asking: anonymous, or a user with roles in some partnerships and perhaps a person in the plans. <see cref="Name"/>
/// is what their updates, reviews and audit entries record (see <see cref="NameOf"/>), never their e-mail address.
/// </summary>
public sealed record UserContext(string? UserId, string Name, int? PersonId, IReadOnlyList<PartnershipMembership> Memberships)
{
    public static readonly UserContext Anonymous = new(null, "anonymous", null, []);

    /// <summary>Set when the user came through an e-mailed update link: they may update their milestones for this period only.</summary>
    public Periods.ReportingPeriod? LinkPeriod { get; init; }

    /// <summary>A person acting through an e-mailed update link, with no password and no other rights.</summary>
    public static UserContext ForUpdateLink(int partnershipId, int personId, string personName, Periods.ReportingPeriod period) =>
        new(null, $"{personName} (e-mailed link)", personId, [new PartnershipMembership(partnershipId, PartnershipRole.LeadOfficer)]) { LinkPeriod = period };

    /// <summary>
    /// A reader acting for the partnership itself, as the command line does on the partnership's own database: a Board
    /// member, who reads everything (drafts and Restricted items) and edits nothing.
    /// </summary>
    public static UserContext ReaderFor(int partnershipId, string name) =>
        new(null, name, null, [new PartnershipMembership(partnershipId, PartnershipRole.BoardMember)]);

    /// <summary>
    /// Every person in the plans the user is: the account's own (<see cref="PersonId"/>) and, in each partnership, the
    /// person recorded there with the account's e-mail address, whether the account or the person was added first.
    /// </summary>
    public IReadOnlyList<int> PersonIds
    {
        get => personIds ?? (PersonId is { } own ? [own] : []);
        init => personIds = value;
    }

    private readonly IReadOnlyList<int>? personIds;

    /// <summary>Whether the user is <paramref name="personId"/> in the plans (a lead officer, a panel's contact).</summary>
    public bool IsPerson(int? personId) => personId is { } id && PersonIds.Contains(id);

    /// <summary>The account's own person and those with its e-mail address, once each.</summary>
    public static IReadOnlyList<int> PeopleOf(int? own, IEnumerable<int> byEmail) =>
        (own is { } id ? byEmail.Prepend(id) : byEmail).Distinct().ToList();

    public bool IsSignedIn => UserId is not null;

    /// <summary>
    /// The name a user goes by: their display name, else the name of the person in the plans they are, else the part of
    /// their e-mail address before the @ (the whole address would put it on public pages through what they write).
    /// </summary>
    public static string NameOf(string? displayName, string? personName, string? email, string fallback)
    {
        if (!string.IsNullOrWhiteSpace(displayName))
        {
            return displayName.Trim();
        }

        if (!string.IsNullOrWhiteSpace(personName))
        {
            return personName.Trim();
        }

        var at = email?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        return at > 0 ? email![..at] : email ?? fallback;
    }

    public bool IsMemberOf(int partnershipId) => Memberships.Any(m => m.PartnershipId == partnershipId);

    public bool Has(int partnershipId, params PartnershipRole[] roles) =>
        Memberships.Any(m => m.PartnershipId == partnershipId && roles.Contains(m.Role));
}
