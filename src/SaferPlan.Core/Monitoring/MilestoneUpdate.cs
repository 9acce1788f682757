namespace SaferPlan.Core.Monitoring;

/// <summary>The one list of statuses a lead officer reports for a milestone.</summary>
public enum UpdateStatus
{
    OnTrack,
    NotOnTrack,
    Completed,
    NotStarted,
    StatsAwaited,
    Closed,
}

/// <summary>Where an update is in its review: written, sent to the support officer, then accepted or returned.</summary>
public enum UpdateState
{
    Draft,
    Submitted,
    Accepted,
    Returned,
}

/// <summary>
/// A lead officer's report on one milestone for one quarter. When it is part of an action-level update it shares its
/// progress, status, marking and review with the action's other covered milestones (see <see cref="ActionUpdate"/>).
/// </summary>
public sealed class MilestoneUpdate : VersionedEntity
{
    /// <summary>The action-level update this milestone's update is part of, or null for an update of the milestone alone.</summary>
    public int? ActionUpdateId { get; set; }

    public ActionUpdate? ActionUpdate { get; set; }

    public int MilestoneId { get; set; }

    public Milestone Milestone { get; set; } = null!;

    public ReportingPeriod Period { get; set; }

    public string? Progress { get; set; }

    /// <summary>The measured value when the milestone is measured as yes or no.</summary>
    public bool? YesNoValue { get; set; }

    /// <summary>The measured value for a count, a percentage or an amount of money (pounds).</summary>
    public decimal? NumberValue { get; set; }

    /// <summary>The measured value when the milestone is measured in words.</summary>
    public string? TextValue { get; set; }

    public UpdateStatus? Status { get; set; }

    public UpdateState State { get; set; }

    public string? AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public string? ReviewerName { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    /// <summary>The support officer's comment when returning an update.</summary>
    public string? ReviewComment { get; set; }

    public ProtectiveMarking Marking { get; set; }
}

/// <summary>
/// A lead officer's report on an action as a whole for one quarter, as seed 001 reports most progress: one text covering
/// some or all of the action's milestones. Each covered milestone keeps its own <see cref="MilestoneUpdate"/> (the unit
/// of review, completeness and publication), all carrying the same words; this ties them together, and its version is
/// the one a writer of the whole update edits from.
/// </summary>
public sealed class ActionUpdate : VersionedEntity
{
    public int ActionId { get; set; }

    public PlanAction Action { get; set; } = null!;

    public ReportingPeriod Period { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A quarter opened for updates: lead officers report by the deadline; after the lock date only support officers change updates.</summary>
public sealed class CollectionRound : VersionedEntity
{
    public int PartnershipId { get; set; }

    public ReportingPeriod Period { get; set; }

    public DateOnly OpenedOn { get; set; }

    public DateOnly Deadline { get; set; }

    public DateOnly? LockOn { get; set; }

    public required string OpenedBy { get; set; }

    public bool IsLocked(DateOnly today) => LockOn is { } lockOn && today > lockOn;
}
