namespace SaferPlan.Core.Partnerships;

/// <summary>A Community Safety Partnership: a district CSP, or a county-wide partnership that reports into several.</summary>
public sealed class Partnership : IAudited
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Name { get; set; }

    public required string ShortName { get; set; }

    public required string Area { get; set; }

    /// <summary>How the list of LSOAs in the area was set: "Local authority: South Cambridgeshire (92 LSOAs)".</summary>
    public string? AreaDefinition { get; set; }

    /// <summary>
    /// Increases whenever anything of this partnership is saved, so a computed page (the dashboard) can be cached
    /// and known to be current with one look at this row. Not audited: it is not an edit.
    /// </summary>
    public long ChangeStamp { get; set; }

    /// <summary>
    /// The partnership's own Board (the CDRP Board), whose quarterly meetings receive the partnership's Board report; unset, it is
    /// the Board-kind body that serves this partnership alone (a county-wide board serving several is never it).
    /// </summary>
    public int? BoardId { get; set; }

    public Body? Board { get; set; }

    public List<Agency> Agencies { get; set; } = [];

    public List<Body> Bodies { get; set; } = [];

    public List<Person> People { get; set; } = [];
}

internal static class ChangeStamps
{
    /// <summary>
    /// Moves on <see cref="Partnership.ChangeStamp"/> of every one of <paramref name="partnerships"/>, so whatever is cached
    /// by that stamp is known to be stale. Written with ExecuteUpdate, so it is not tracked and makes no audit entry.
    /// </summary>
    public static Task<int> MoveOnChangeStampsAsync(this IQueryable<Partnership> partnerships, CancellationToken ct) =>
        partnerships.ExecuteUpdateAsync(s => s.SetProperty(p => p.ChangeStamp, p => p.ChangeStamp + 1), ct);
}

/// <summary>An organisation that takes part in partnerships: the police, a council service, probation.</summary>
public sealed class Agency : IAudited
{
    public int Id { get; set; }

    public required string Key { get; set; }

    public required string Name { get; set; }

    public required string ShortName { get; set; }

    public List<Partnership> Partnerships { get; set; } = [];
}

public sealed class Person : VersionedEntity
{
    public required string Key { get; set; }

    public required string Name { get; set; }

    /// <summary>A title or rank printed before the name in documents, as seed 001 prints "CI Dave Sargent": "CI", "Insp", "Cllr".</summary>
    public string? Honorific { get; set; }

    public string? RoleTitle { get; set; }

    public int? AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public string? Email { get; set; }

    /// <summary>The name as documents print it, with the title or rank: "CI Dave Sargent".</summary>
    public string PrintedName => Honorific is null ? Name : $"{Honorific} {Name}";

    public int PartnershipId { get; set; }
}

public enum BodyKind
{
    Board,
    ExecutiveGroup,
    TaskGroup,
    Scrutiny,
}

public enum MeetingCadence
{
    Monthly,
    EveryTwoMonths,
    Quarterly,
    SixMonthly,
    Yearly,
    AsRequired,
}

/// <summary>
/// A board, executive group or task group; one body may serve several partnerships. Versioned: its partnership's support
/// officers edit it in the browser, and an edit from an out-of-date copy is refused.
/// </summary>
public sealed class Body : VersionedEntity
{
    public required string Key { get; set; }

    public required string Name { get; set; }

    public BodyKind Kind { get; set; }

    public MeetingCadence Cadence { get; set; }

    public string? Description { get; set; }

    public int? ChairId { get; set; }

    public Person? Chair { get; set; }

    public List<Agency> MemberAgencies { get; set; } = [];

    public List<Partnership> Partnerships { get; set; } = [];
}

/// <summary>
/// A person's seat on a body (the Board, the Executive Group, a task group): whom "the Board's members" means, as when a
/// draft plan goes out for comments. The chair is named on the body itself and need not hold a seat as well.
/// </summary>
public sealed class BodyMember : IAudited
{
    public int Id { get; set; }

    public int BodyId { get; set; }

    public Body Body { get; set; } = null!;

    public int PersonId { get; set; }

    public Person Person { get; set; } = null!;
}
