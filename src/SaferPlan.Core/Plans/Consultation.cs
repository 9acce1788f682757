using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SaferPlan.Core.Plans;

/// <summary>How the support officer answered a comment: the change made to the draft, or no change and why not.</summary>
public enum CommentResponseKind
{
    Changed,
    NoChange,
}

/// <summary>
/// A draft edition out for comments: the deadline after which only a support officer records a comment (saying where it
/// came from), who started it and when. One per edition.
/// </summary>
public sealed class EditionConsultation : VersionedEntity
{
    public int EditionId { get; set; }

    public PlanEdition Edition { get; set; } = null!;

    /// <summary>The last day comments are taken from those consulted.</summary>
    public DateOnly Deadline { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public required string StartedBy { get; set; }
}

/// <summary>
/// One comment on a draft edition, on the whole plan or on one of its priorities, actions or milestones, as seed 002's
/// Appendix A lists them. Comments are numbered within their priority ("1.2" is the second comment on priority 1);
/// comments on the whole plan are numbered "0.1", "0.2" and listed first as "The whole plan". A comment on an action or
/// milestone is numbered under its priority. The support officer's response is versioned, as every edit is.
/// </summary>
public sealed class ConsultationComment : PlanLinkedEntity
{
    public int EditionId { get; set; }

    public PlanEdition Edition { get; set; } = null!;

    /// <summary>What the comment is on, in the plan's words when it was made ("Priority 1", "Action 1.3", "Milestone 1.3a"), kept if the item is deleted.</summary>
    public required string Subject { get; set; }

    /// <summary>The comment's place within its priority (or the whole plan): the n of "1.n".</summary>
    public int Sequence { get; set; }

    public required string Text { get; set; }

    /// <summary>The name of who made the comment; never an e-mail address.</summary>
    public required string MadeBy { get; set; }

    public DateTimeOffset MadeAt { get; set; }

    /// <summary>Where a comment recorded by a support officer came from ("Executive Group meeting, 17 December 2009").</summary>
    public string? Source { get; set; }

    /// <summary>The name of the support officer who recorded the comment on someone else's behalf; null when made by the commenter.</summary>
    public string? RecordedBy { get; set; }

    public CommentResponseKind? ResponseKind { get; set; }

    /// <summary>The change made in response, or the reason no change was made.</summary>
    public string? Response { get; set; }

    public string? RespondedBy { get; set; }

    public DateTimeOffset? RespondedAt { get; set; }

    /// <summary>"1.2", or "0.2" for the second comment on the whole plan.</summary>
    public string Number => $"{Priority?.Number ?? 0}.{Sequence}";
}

internal sealed class EditionConsultationConfiguration : IEntityTypeConfiguration<EditionConsultation>
{
    public void Configure(EntityTypeBuilder<EditionConsultation> builder)
    {
        builder.ToTable("Consultations");
        builder.Property(c => c.StartedBy).HasMaxLength(FieldLengths.Name);
        builder.HasOne(c => c.Edition).WithMany().HasForeignKey(c => c.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.EditionId).IsUnique();
    }
}

internal sealed class ConsultationCommentConfiguration : IEntityTypeConfiguration<ConsultationComment>
{
    public void Configure(EntityTypeBuilder<ConsultationComment> builder)
    {
        builder.ToTable("ConsultationComments");
        builder.HasMaxLength(FieldLengths.Name, c => c.Subject, c => c.Source, c => c.MadeBy, c => c.RecordedBy, c => c.RespondedBy);
        builder.HasMaxLength(FieldLengths.Text, c => c.Text, c => c.Response);
        builder.HasOne(c => c.Edition).WithMany().HasForeignKey(c => c.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.LinksToPlanParts();
        builder.HasIndex(c => new { c.EditionId, c.PriorityId, c.Sequence }).IsUnique();
    }
}

/// <summary>
/// A consultee's personal link to read a draft edition and comment on it without signing in: only the token's SHA-256 is
/// stored; it expires at the end of the comment deadline and can be revoked; its uses are audited as the consultee.
/// </summary>
public sealed class ConsultationLink : PersonalLink
{
    public int EditionId { get; set; }

    public PlanEdition Edition { get; set; } = null!;

    /// <summary>Where the link was sent; shown to support officers only, never with a comment.</summary>
    public required string Email { get; set; }

    /// <summary>The name comments made through the link carry: the person's name, else the part of the address before the @.</summary>
    public required string Name { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}

internal sealed class ConsultationLinkConfiguration : IEntityTypeConfiguration<ConsultationLink>
{
    public void Configure(EntityTypeBuilder<ConsultationLink> builder)
    {
        builder.ToTable("ConsultationLinks");
        builder.IsPersonalLink();
        builder.HasMaxLength(FieldLengths.Name, l => l.Email, l => l.Name);
        builder.HasOne(l => l.Edition).WithMany().HasForeignKey(l => l.EditionId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// One of the "changes made" that the support officer writes up for a priority of a refreshed edition (or for the whole
/// plan when <see cref="PriorityId"/> is null), as seed 002's Appendix A lists them after the comments received. Numbered
/// within its priority after that priority's comments: with comments 1.1–1.3, the first change is 1.4.
/// <see cref="Sequence"/> orders the changes of one priority (1, 2, …). Versioned and audited as every edit is.
/// </summary>
public sealed class RefreshChange : VersionedEntity
{
    public int EditionId { get; set; }

    public PlanEdition Edition { get; set; } = null!;

    public int? PriorityId { get; set; }

    public Priority? Priority { get; set; }

    /// <summary>The change's place among its priority's changes: 1 for the first.</summary>
    public int Sequence { get; set; }

    public required string Text { get; set; }

    /// <summary>The name of who wrote it up; never an e-mail address.</summary>
    public required string WrittenBy { get; set; }

    public DateTimeOffset WrittenAt { get; set; }
}

internal sealed class RefreshChangeConfiguration : IEntityTypeConfiguration<RefreshChange>
{
    public void Configure(EntityTypeBuilder<RefreshChange> builder)
    {
        builder.ToTable("RefreshChanges");
        builder.Property(c => c.Text).HasMaxLength(FieldLengths.Text);
        builder.Property(c => c.WrittenBy).HasMaxLength(FieldLengths.Name);
        builder.HasOne(c => c.Edition).WithMany().HasForeignKey(c => c.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Priority).WithMany().HasForeignKey(c => c.PriorityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.EditionId, c.PriorityId, c.Sequence }).IsUnique();
    }
}
