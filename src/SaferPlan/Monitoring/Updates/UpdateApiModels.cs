namespace SaferPlan.Monitoring.Updates;

public sealed record MilestoneUpdateDto(
    int Id, int MilestoneId, string Period, string? Progress, string? Value, UpdateStatus? Status, UpdateState State,
    string Author, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt, string? Reviewer, DateTimeOffset? ReviewedAt, string? ReviewComment,
    ProtectiveMarking Marking, int Version, int? ActionUpdateId)
{
    public static MilestoneUpdateDto From(MilestoneUpdate u, MeasurementKind kind) => new(
        u.Id, u.MilestoneId, u.Period.Slug, u.Progress, UpdateInput.ValueText(u, kind), u.Status, u.State, u.AuthorName, u.UpdatedAt,
        u.SubmittedAt, u.ReviewerName, u.ReviewedAt, u.ReviewComment, u.Marking, u.Version, u.ActionUpdateId);
}

/// <summary>
/// An update of an action as a whole as sent to the API: the ids of the milestones it covers, one progress text and status;
/// <c>version</c> is the action update's, 0 for a first one.
/// </summary>
public sealed record ActionUpdateRequest(List<int>? Milestones, string? Progress, UpdateStatus? Status, ProtectiveMarking? Marking, bool? Submit, int? Version)
{
    public UpdateInput ToInput() => new()
    {
        Progress = Progress, Status = Status, Marking = Marking ?? ProtectiveMarking.Official, Submit = Submit ?? true,
    };
}

/// <summary>An action-level update as saved: each covered milestone's own update carries its <c>actionUpdateId</c>.</summary>
public sealed record ActionUpdateDto(int Id, int ActionId, string Period, IReadOnlyList<int> Milestones, int Version);

/// <summary>An update as sent to the API. <c>value</c> is read by the milestone's measurement kind; <c>version</c> is 0 for a first update.</summary>
public sealed record MilestoneUpdateRequest(string? Progress, string? Value, UpdateStatus? Status, ProtectiveMarking? Marking, bool? Submit, int? Version)
{
    public UpdateInput ToInput() => new()
    {
        Progress = Progress, Value = Value, Status = Status, Marking = Marking ?? ProtectiveMarking.Official, Submit = Submit ?? true,
    };
}

public sealed record ReviewRequest(bool Accept, string? Comment, int? Version);

public sealed record RoundRequest(DateOnly? Deadline, DateOnly? LockOn);

public sealed record RoundDto(string Period, DateOnly OpenedOn, DateOnly Deadline, DateOnly? LockOn, string OpenedBy, int Version)
{
    public static RoundDto? From(CollectionRound? r) => r is null ? null : new(r.Period.Slug, r.OpenedOn, r.Deadline, r.LockOn, r.OpenedBy, r.Version);
}

/// <summary>What reviewing an update left it as.</summary>
public sealed record ReviewedUpdateDto(int Id, UpdateState State, int Version);
