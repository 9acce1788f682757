using SaferPlan.Core.Editing;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Plans;

namespace SaferPlan.Monitoring;

public sealed record MilestoneUpdateDto(
    int Id, int MilestoneId, string Period, string? Progress, string? Value, UpdateStatus? Status, UpdateState State,
    string Author, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt, string? Reviewer, DateTimeOffset? ReviewedAt, string? ReviewComment,
    ProtectiveMarking Marking, int Version)
{
    public static MilestoneUpdateDto From(MilestoneUpdate u, MeasurementKind kind) => new(
        u.Id, u.MilestoneId, u.Period.Slug, u.Progress, UpdateInput.ValueText(u, kind), u.Status, u.State, u.AuthorName, u.UpdatedAt,
        u.SubmittedAt, u.ReviewerName, u.ReviewedAt, u.ReviewComment, u.Marking, u.Version);
}

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

public sealed record CompletenessLineDto(string Name, int Expected, int Submitted, int Accepted, int Returned, int Missing)
{
    public static CompletenessLineDto From(CompletenessLine l) => new(l.Name, l.Expected, l.Submitted, l.Accepted, l.Returned, l.Missing);
}

public sealed record MissingUpdateDto(int MilestoneId, string Code, string? Responsible, string? State);

public sealed record CompletenessDto(
    string Period, RoundDto? Round, CompletenessLineDto Total, IReadOnlyList<CompletenessLineDto> ByPriority,
    IReadOnlyList<CompletenessLineDto> ByAgency, IReadOnlyList<CompletenessLineDto> ByLead, IReadOnlyList<MissingUpdateDto> NotReported)
{
    public static CompletenessDto From(Completeness c) => new(
        c.Period.Slug, RoundDto.From(c.Round), CompletenessLineDto.From(c.Total),
        c.ByPriority.Select(CompletenessLineDto.From).ToList(), c.ByAgency.Select(CompletenessLineDto.From).ToList(),
        c.ByLead.Select(CompletenessLineDto.From).ToList(),
        c.NotReported.Select(s => new MissingUpdateDto(s.Milestone.Id, s.Milestone.Code, s.Responsible?.Name, s.Current?.State.ToString())).ToList());
}

/// <summary>A quarter's publication: whether visitors see it, who published it and when, and any withdrawal.</summary>
public sealed record PublicationDto(int? Id, string Period, bool Published, DateTimeOffset? PublishedAt, string? PublishedBy, DateTimeOffset? WithdrawnAt, string? WithdrawnBy, int Version)
{
    public static PublicationDto From(Core.Periods.ReportingPeriod period, QuarterPublication? p) => p is null
        ? new(null, period.Slug, false, null, null, null, null, 0)
        : new(p.Id, p.Period.Slug, p.IsPublished, p.PublishedAt, p.PublishedBy, p.WithdrawnAt, p.WithdrawnBy, p.Version);
}
