using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SaferPlan.Core.Plans;

/// <summary>
/// The dates of one edition's refresh, as seed 002 sets them out: the Board's decision on the year's priorities, the window
/// in which lead officers send their input, the Executive Group's discussion of the draft, its circulation for comments
/// with their deadline, and the Board meeting that approves it. Every date may be left unset until it is known.
/// </summary>
public sealed class RefreshTimeline : VersionedEntity
{
    public int EditionId { get; set; }

    public DateOnly? PrioritiesDecidedOn { get; set; }

    public DateOnly? InputOpensOn { get; set; }

    /// <summary>The last day of lead officers' input (they may edit on this day).</summary>
    public DateOnly? InputClosesOn { get; set; }

    public DateOnly? ExecutiveDiscussionOn { get; set; }

    public DateOnly? CirculatedOn { get; set; }

    public DateOnly? CommentDeadline { get; set; }

    public DateOnly? ApprovalMeetingOn { get; set; }

    /// <summary>Lead officers' input has a window only when both of its dates are set.</summary>
    public bool HasInputWindow => InputOpensOn is not null && InputClosesOn is not null;

    /// <summary>Whether <paramref name="today"/> lies in lead officers' input window, its first and last days included.</summary>
    public bool IsInputOpen(DateOnly today) => HasInputWindow && today >= InputOpensOn && today <= InputClosesOn;

    /// <summary>The refresh's steps in order, with their dates in words and where each stands on <paramref name="today"/>.</summary>
    public IReadOnlyList<RefreshStep> Steps(DateOnly today) =>
    [
        Step("The Board decides the year's priorities", PrioritiesDecidedOn, today),
        InputStep(today),
        Step("The Executive Group discusses the draft", ExecutiveDiscussionOn, today),
        Step("The draft is circulated for comments", CirculatedOn, today),
        Step("Deadline for comments", CommentDeadline, today),
        Step("The Board's approval meeting", ApprovalMeetingOn, today),
    ];

    private static RefreshStep Step(string name, DateOnly? on, DateOnly today) =>
        on is not { } date
            ? new RefreshStep(name, null, RefreshStepState.NotDated)
            : new RefreshStep(name, Dates.Display(date), date < today ? RefreshStepState.Done : date == today ? RefreshStepState.Today : RefreshStepState.ToDo);

    private RefreshStep InputStep(DateOnly today)
    {
        const string name = "Lead officers send their input";
        if (InputOpensOn is not { } opens || InputClosesOn is not { } closes)
        {
            return new RefreshStep(name, null, RefreshStepState.NotDated);
        }

        var when = $"{Dates.Display(opens)} to {Dates.Display(closes)}";
        return new RefreshStep(name, when, closes < today ? RefreshStepState.Done : opens <= today ? RefreshStepState.Today : RefreshStepState.ToDo);
    }
}

/// <summary>Where a refresh step stands: its date has passed, is today (or its window is open), is still to come, or is not set.</summary>
public enum RefreshStepState
{
    NotDated,
    ToDo,
    Today,
    Done,
}

/// <summary>One step of a refresh: what happens, when (in words; null when not yet dated), and where it stands.</summary>
public sealed record RefreshStep(string Name, string? When, RefreshStepState State);

/// <summary>The dates a support officer sets for an edition's refresh; any may be left empty.</summary>
public sealed record RefreshTimelineInput(
    DateOnly? PrioritiesDecidedOn,
    DateOnly? InputOpensOn,
    DateOnly? InputClosesOn,
    DateOnly? ExecutiveDiscussionOn,
    DateOnly? CirculatedOn,
    DateOnly? CommentDeadline,
    DateOnly? ApprovalMeetingOn);

/// <summary>An edition with its refresh dates (null until a support officer sets them) and the partnership it belongs to.</summary>
public sealed record RefreshTimelineView(PlanEdition Edition, RefreshTimeline? Timeline, int PartnershipId)
{
    /// <summary>The version an edit must name: 0 while no date has been set.</summary>
    public int Version => Timeline?.Version ?? 0;
}

/// <summary>
/// Reads and sets an edition's refresh dates. Only support officers and administrators set them, and only while the edition
/// is still being written; lead officers' input window then decides when lead officers may edit the draft (see
/// <see cref="Permissions.InputWindowRefusal"/>).
/// </summary>
public sealed class RefreshTimelineService(SaferPlanDbContext db, TimeProvider time)
{
    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2100, 12, 31);

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>The edition and its timeline; null when there is no such edition or the user may not read its timeline.</summary>
    public async Task<RefreshTimelineView?> ReadAsync(int editionId, UserContext user, CancellationToken ct = default)
    {
        var edition = await db.Editions.Include(e => e.Plan).FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null || !Permissions.CanReadEdition(user, edition, edition.Plan.PartnershipId)
            || !Permissions.CanReadRefreshTimeline(user, edition.Plan.PartnershipId))
        {
            return null;
        }

        var timeline = await db.Set<RefreshTimeline>().FirstOrDefaultAsync(t => t.EditionId == editionId, ct);
        return new RefreshTimelineView(edition, timeline, edition.Plan.PartnershipId);
    }

    /// <summary>
    /// Sets every date of the edition's timeline at once, from the version the writer read (0 for a timeline not yet set).
    /// </summary>
    public async Task<EditResult<RefreshTimeline>> SaveAsync(int editionId, RefreshTimelineInput input, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await ReadAsync(editionId, user, ct) is not { } view)
        {
            return EditResult<RefreshTimeline>.NotFound($"There is no plan edition {editionId}.");
        }

        if (Refusal(view, user) is { } refusal)
        {
            return EditResult<RefreshTimeline>.Forbidden(refusal);
        }

        var errors = Check(input);
        if (errors.Count > 0)
        {
            return EditResult<RefreshTimeline>.Invalid(errors);
        }

        var save = new EditSave(view.PartnershipId, "refresh timeline")
        {
            Clash = "Someone else set this edition's refresh dates while you were editing them. Your dates have not been saved: reload the page to see theirs, then make yours again.",
        };
        if (view.Timeline is not { } timeline)
        {
            if (expectedVersion != 0)
            {
                return EditResult<RefreshTimeline>.Conflict($"This edition's refresh dates have not been set (version 0), but your change was made from version {expectedVersion}: reload them and make your change again.");
            }

            timeline = new RefreshTimeline { EditionId = editionId };
            db.Write(timeline, input);
            db.Add(timeline);
            return await db.SaveEditAsync(timeline, null, save, ct);
        }

        return await db.SaveEditAsync(timeline, expectedVersion, save with { Change = () => db.Write(timeline, input) }, ct);
    }

    /// <summary>Why the user may not set the edition's dates; null when they may.</summary>
    public static string? Refusal(RefreshTimelineView view, UserContext user)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (!Permissions.CanManageEditions(user, view.PartnershipId))
        {
            return "Only the partnership's support officers and administrators can set the refresh dates.";
        }

        return view.Edition.Status is EditionStatus.Draft or EditionStatus.Consultation
            ? null
            : $"The {view.Edition.Year.Display} edition is {(view.Edition.Status == EditionStatus.Approved ? "approved" : "superseded")}: its refresh dates are kept as they were.";
    }

    /// <summary>What is wrong with the dates, in GOV.UK words, by field; each date is checked against the step before it.</summary>
    public static Dictionary<string, string> Check(RefreshTimelineInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        InRange(errors, nameof(input.PrioritiesDecidedOn), input.PrioritiesDecidedOn, "The date of the Board's decision on priorities");
        InRange(errors, nameof(input.InputOpensOn), input.InputOpensOn, "The date lead officers' input opens");
        InRange(errors, nameof(input.InputClosesOn), input.InputClosesOn, "The date lead officers' input closes");
        InRange(errors, nameof(input.ExecutiveDiscussionOn), input.ExecutiveDiscussionOn, "The date of the Executive Group's discussion");
        InRange(errors, nameof(input.CirculatedOn), input.CirculatedOn, "The date the draft is circulated");
        InRange(errors, nameof(input.CommentDeadline), input.CommentDeadline, "The deadline for comments");
        InRange(errors, nameof(input.ApprovalMeetingOn), input.ApprovalMeetingOn, "The date of the approval meeting");

        if (input.InputOpensOn is null && input.InputClosesOn is not null)
        {
            errors.TryAdd(nameof(input.InputOpensOn), "Enter the date lead officers' input opens, or leave both input dates empty");
        }
        else if (input.InputOpensOn is not null && input.InputClosesOn is null)
        {
            errors.TryAdd(nameof(input.InputClosesOn), "Enter the date lead officers' input closes, or leave both input dates empty");
        }

        After(errors, nameof(input.InputOpensOn), input.InputOpensOn, input.PrioritiesDecidedOn, sameDay: true,
            "Lead officers' input must open on or after the day the Board decides the priorities");
        After(errors, nameof(input.InputClosesOn), input.InputClosesOn, input.InputOpensOn, sameDay: true,
            "Lead officers' input must close on or after the day it opens");
        After(errors, nameof(input.ExecutiveDiscussionOn), input.ExecutiveDiscussionOn, input.PrioritiesDecidedOn, sameDay: false,
            "The Executive Group's discussion must be after the Board decides the priorities");
        After(errors, nameof(input.CirculatedOn), input.CirculatedOn, input.PrioritiesDecidedOn, sameDay: false,
            "The draft must be circulated after the Board decides the priorities");
        After(errors, nameof(input.CommentDeadline), input.CommentDeadline, input.CirculatedOn, sameDay: true,
            "The deadline for comments must be on or after the day the draft is circulated");
        After(errors, nameof(input.ApprovalMeetingOn), input.ApprovalMeetingOn, input.CommentDeadline ?? input.CirculatedOn, sameDay: false,
            "The approval meeting must be after the deadline for comments");
        After(errors, nameof(input.ApprovalMeetingOn), input.ApprovalMeetingOn, input.InputClosesOn, sameDay: false,
            "The approval meeting must be after lead officers' input closes");
        After(errors, nameof(input.ApprovalMeetingOn), input.ApprovalMeetingOn, input.PrioritiesDecidedOn, sameDay: false,
            "The approval meeting must be after the Board decides the priorities");
        return errors;
    }

    private static void InRange(Dictionary<string, string> errors, string field, DateOnly? date, string what)
    {
        if (date is { } d && (d < Earliest || d > Latest))
        {
            errors[field] = $"{what} must be between 2000 and 2100";
        }
    }

    private static void After(Dictionary<string, string> errors, string field, DateOnly? date, DateOnly? earlier, bool sameDay, string message)
    {
        if (date is { } d && earlier is { } e && (sameDay ? d < e : d <= e))
        {
            errors.TryAdd(field, message);
        }
    }
}

internal sealed class RefreshTimelineConfiguration : IEntityTypeConfiguration<RefreshTimeline>
{
    public void Configure(EntityTypeBuilder<RefreshTimeline> builder)
    {
        builder.ToTable("RefreshTimelines");
        builder.HasOne<PlanEdition>().WithOne().HasForeignKey<RefreshTimeline>(t => t.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.EditionId).IsUnique();
        builder.Ignore(t => t.HasInputWindow);
    }
}
