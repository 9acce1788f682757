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
