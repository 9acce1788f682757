namespace SaferPlan.Core.Data;

/// <summary>An entity edited by people: its version increases on every save, so a stale write is refused.</summary>
public interface IVersioned
{
    int Id { get; }

    int Version { get; set; }
}

/// <summary>An entity whose every create, update and delete is written to the audit trail.</summary>
public interface IAudited
{
    int Id { get; }
}

/// <summary>
/// An entity people edit and the audit trail records: its id and its version, which <see cref="SaferPlanDbContext"/>
/// increases on every save. Entities derive from it instead of declaring both again.
/// </summary>
public abstract class VersionedEntity : IVersioned, IAudited
{
    public int Id { get; set; }

    public int Version { get; set; }
}
