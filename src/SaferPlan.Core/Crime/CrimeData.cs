namespace SaferPlan.Core.Crime;

/// <summary>
/// A police force as named in police.uk file names ("cambridgeshire" in 2010-11-cambridgeshire-street.csv)
/// and in the file's "Reported by" column ("Cambridgeshire Constabulary").
/// </summary>
public sealed class PoliceForce
{
    public int Id { get; set; }

    /// <summary>The force's part of the file name: "cambridgeshire", "british-transport-police".</summary>
    public required string Key { get; set; }

    /// <summary>"Cambridgeshire Constabulary", from the first row that names it.</summary>
    public required string Name { get; set; }
}

/// <summary>
/// A Lower Layer Super Output Area: the small area police.uk places each crime in.
/// Its code and name come from the crime files; the ward and local authority from an ONS-style lookup
/// when one has been uploaded.
/// </summary>
public sealed class Lsoa
{
    public int Id { get; set; }

    /// <summary>"E01018156".</summary>
    public required string Code { get; set; }

    /// <summary>"South Cambridgeshire 012A": the local authority's name, then a number and letter.</summary>
    public required string Name { get; set; }

    public string? WardCode { get; set; }

    public string? WardName { get; set; }

    public string? LocalAuthorityCode { get; set; }

    public string? LocalAuthorityName { get; set; }

    /// <summary>The local authority its name begins with, as a comparator area (set when the LSOA is first imported).</summary>
    public int? ComparatorAreaId { get; set; }
}

/// <summary>
/// One of police.uk's crime types ("Burglary", "Vehicle crime", "Anti-social behaviour"), including those
/// police.uk used in earlier years. The list is fixed: a file naming any other type is refused.
/// </summary>
public sealed class CrimeType
{
    public short Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Anti-social behaviour is recorded by police.uk but is not a crime.</summary>
    public bool IsAntiSocialBehaviour { get; set; }
}

/// <summary>A police.uk "Last outcome category", added as files name them.</summary>
public sealed class CrimeOutcome
{
    /// <summary>Was a short until more than 32,767 could be numbered; now at most <see cref="OutcomeRegistry.MaxOutcomes"/> are ever known.</summary>
    public int Id { get; set; }

    public required string Name { get; set; }
}

/// <summary>
/// One force-month loaded from a police.uk street file. Loading the same force and month again replaces
/// its counts, so this row is updated rather than added.
/// </summary>
public sealed class CrimeImport : IAudited
{
    public int Id { get; set; }

    public int ForceId { get; set; }

    public PoliceForce Force { get; set; } = null!;

    /// <summary>The month as yyyymm: 201012 for December 2010.</summary>
    public int Month { get; set; }

    public required string FileName { get; set; }

    public int Rows { get; set; }

    /// <summary>Rows with no location: they count toward the force but no area.</summary>
    public int RowsWithoutLocation { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public required string ImportedBy { get; set; }

    /// <summary>True when the file was made by SaferPlan's generator rather than downloaded from police.uk.</summary>
    public bool Synthetic { get; set; }
}

/// <summary>
/// The crimes one force reported in one LSOA in one month, by crime type and by last outcome. <see cref="LsoaId"/> is 0
/// for rows with no location. Raw rows are not kept, and one row holds every type: an import writes one row per LSOA,
/// not one per LSOA and type, and a partnership's figures are summed from its LSOAs' rows (see <see cref="CrimeTally"/>).
/// </summary>
public sealed class CrimeCount
{
    public int ForceId { get; set; }

    public int Month { get; set; }

    public int LsoaId { get; set; }

    /// <summary>"crime type id:count" pairs in type order, e.g. "3:12,13:7" (12 burglaries, 7 vehicle crimes).</summary>
    public required string Counts { get; set; }

    /// <summary>
    /// "crime type id.outcome id:count" triples in that order, e.g. "3.2:5,3.5:4"; crimes with no outcome (anti-social
    /// behaviour) are the rest of their type's count. Null when none has one.
    /// </summary>
    public string? Outcomes { get; set; }

    /// <summary>A row from counts by crime type, as tests and benchmarks write them.</summary>
    public static CrimeCount Of(int forceId, int month, int lsoaId, params (short CrimeTypeId, int Count)[] counts) =>
        new() { ForceId = forceId, Month = month, LsoaId = lsoaId, Counts = CrimeTally.FormatCounts(counts) };
}

/// <summary>An LSOA in a partnership's area. How the list was set is on <c>Partnership.AreaDefinition</c>.</summary>
public sealed class PartnershipLsoa
{
    public int PartnershipId { get; set; }

    public int LsoaId { get; set; }

    public Lsoa Lsoa { get; set; } = null!;
}

/// <summary>
/// A named set of crime types a partnership reports together: "Serious acquisitive crime" = Burglary +
/// Robbery + Vehicle crime; "All crime" = every type but anti-social behaviour.
/// </summary>
public sealed class CrimeGroup : IAudited, IVersioned
{
    public int Id { get; set; }

    public int PartnershipId { get; set; }

    /// <summary>"serious-acquisitive-crime".</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    public int SortOrder { get; set; }

    public List<CrimeGroupMember> Members { get; set; } = [];

    public int Version { get; set; }
}

public sealed class CrimeGroupMember
{
    public int GroupId { get; set; }

    public short CrimeTypeId { get; set; }

    public CrimeType CrimeType { get; set; } = null!;
}

public enum DenominatorKind
{
    Residents,
    Dwellings,
}

/// <summary>The number of residents or dwellings in a partnership's area in one year, for rates per 1,000.</summary>
public sealed class AreaDenominator : IAudited, IVersioned
{
    public int Id { get; set; }

    public int PartnershipId { get; set; }

    public DenominatorKind Kind { get; set; }

    /// <summary>The calendar year the figure is for (mid-year estimate).</summary>
    public int Year { get; set; }

    public decimal Value { get; set; }

    public string? Source { get; set; }

    public int Version { get; set; }
}
