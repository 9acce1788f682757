namespace SaferPlan.Core.Auditing;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>One change to one item: who, when, and each field's old and new value.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public required string EntityType { get; set; }

    public int EntityId { get; set; }

    /// <summary>The partnership the item belongs to, so only its members read its history.</summary>
    public int? PartnershipId { get; set; }

    public AuditAction Action { get; set; }

    public string? UserId { get; set; }

    public required string Actor { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>JSON array of { field, old, new }.</summary>
    public required string Changes { get; set; }
}

public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>Who is making the current change: a signed-in user, an API token's owner, or the command line.</summary>
public interface IActorAccessor
{
    AuditActor Current { get; }
}

public sealed record AuditActor(string? UserId, string Name)
{
    public static readonly AuditActor System = new(null, "system");
}

public sealed class FixedActorAccessor(AuditActor actor) : IActorAccessor
{
    public AuditActor Current { get; } = actor;
}
