using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SaferPlan.Core.Monitoring;

internal sealed class MilestoneUpdateConfiguration : IEntityTypeConfiguration<MilestoneUpdate>
{
    public void Configure(EntityTypeBuilder<MilestoneUpdate> builder)
    {
        builder.ToTable("MilestoneUpdates");
        builder.HasIndex(u => new { u.MilestoneId, u.Period }).IsUnique();
        builder.Property(u => u.Progress).HasMaxLength(8000);
        builder.Property(u => u.NumberValue).HasPrecision(18, 4);
        builder.Property(u => u.AuthorId).HasMaxLength(FieldLengths.Short);
        builder.HasMaxLength(FieldLengths.Text, u => u.TextValue, u => u.ReviewComment);
        builder.HasMaxLength(FieldLengths.Name, u => u.AuthorName, u => u.ReviewerName);
        builder.HasOne(u => u.Milestone).WithMany().HasForeignKey(u => u.MilestoneId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(u => u.ActionUpdate).WithMany().HasForeignKey(u => u.ActionUpdateId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ActionUpdateConfiguration : IEntityTypeConfiguration<ActionUpdate>
{
    public void Configure(EntityTypeBuilder<ActionUpdate> builder)
    {
        builder.ToTable("ActionUpdates");
        builder.HasIndex(u => new { u.ActionId, u.Period }).IsUnique();
        builder.HasOne(u => u.Action).WithMany().HasForeignKey(u => u.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CollectionRoundConfiguration : IEntityTypeConfiguration<CollectionRound>
{
    public void Configure(EntityTypeBuilder<CollectionRound> builder)
    {
        builder.ToTable("CollectionRounds");
        builder.HasIndex(r => new { r.PartnershipId, r.Period }).IsUnique();
        builder.Property(r => r.OpenedBy).HasMaxLength(200);
        builder.BelongsToPartnership(r => r.PartnershipId);
    }
}

internal sealed class TaskGroupReportConfiguration : IEntityTypeConfiguration<TaskGroupReport>
{
    public void Configure(EntityTypeBuilder<TaskGroupReport> builder)
    {
        builder.ToTable("TaskGroupReports");
        builder.HasIndex(r => new { r.PartnershipId, r.Period, r.SortOrder });
        builder.HasMaxLength(FieldLengths.Name, r => r.Title, r => r.LeadOfficerName);
        builder.HasMaxLength(FieldLengths.Narrative, r => r.Achievements, r => r.Concerns, r => r.Recommendations, r => r.PublicityItems);
        builder.BelongsToPartnership(r => r.PartnershipId);
        builder.HasOne(r => r.Priority).WithMany().HasForeignKey(r => r.PriorityId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Body>().WithMany().HasForeignKey(r => r.BodyId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(r => r.LeadOfficer).WithMany().HasForeignKey(r => r.LeadOfficerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Figures).WithOne().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FigureTableConfiguration : IEntityTypeConfiguration<FigureTable>
{
    public void Configure(EntityTypeBuilder<FigureTable> builder)
    {
        builder.ToTable("FigureTables");
        builder.Property(f => f.Title).HasMaxLength(FieldLengths.Name);
        builder.HasMaxLength(FieldLengths.Text, f => f.Columns, f => f.Note);
        builder.Property(f => f.Rows).HasMaxLength(FieldLengths.Narrative);
    }
}

internal sealed class PartnerBriefingConfiguration : IEntityTypeConfiguration<PartnerBriefing>
{
    public void Configure(EntityTypeBuilder<PartnerBriefing> builder)
    {
        builder.ToTable("PartnerBriefings");
        builder.HasIndex(b => new { b.BodyId, b.Period });
        builder.HasMaxLength(FieldLengths.Name, b => b.Title, b => b.FromName);
        builder.HasMaxLength(400, b => b.ToLine, b => b.FiguresTitle);
        builder.HasMaxLength(40000, nameof(PartnerBriefing.Purpose), nameof(PartnerBriefing.Background), nameof(PartnerBriefing.Sections), nameof(PartnerBriefing.Figures), nameof(PartnerBriefing.Risks), nameof(PartnerBriefing.Recommendations));
        builder.HasOne<Body>().WithMany().HasForeignKey(b => b.BodyId);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.To).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(400);
        builder.Property(m => m.TextBody).HasMaxLength(40000);
        builder.Property(m => m.HtmlBody).HasMaxLength(80000);
        builder.Property(m => m.LastError).HasMaxLength(FieldLengths.Text);
        builder.Property(m => m.ClaimedBy).HasMaxLength(FieldLengths.Name);
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}

internal sealed class UpdateLinkConfiguration : IEntityTypeConfiguration<UpdateLink>
{
    public void Configure(EntityTypeBuilder<UpdateLink> builder)
    {
        builder.ToTable("UpdateLinks");
        builder.IsPersonalLink();
        builder.BelongsToPartnership(l => l.PartnershipId);
        builder.HasOne<Person>().WithMany().HasForeignKey(l => l.PersonId);
    }
}

internal sealed class QuarterPublicationConfiguration : IEntityTypeConfiguration<QuarterPublication>
{
    public void Configure(EntityTypeBuilder<QuarterPublication> builder)
    {
        builder.ToTable("QuarterPublications");
        builder.HasIndex(p => new { p.PartnershipId, p.Period }).IsUnique();
        builder.HasMaxLength(FieldLengths.Name, p => p.PublishedBy, p => p.WithdrawnBy);
        builder.Ignore(p => p.IsPublished);
        builder.BelongsToPartnership(p => p.PartnershipId);
    }
}

internal sealed class BoardMeetingConfiguration : IEntityTypeConfiguration<BoardMeeting>
{
    public void Configure(EntityTypeBuilder<BoardMeeting> builder)
    {
        builder.ToTable("BoardMeetings");
        builder.HasIndex(m => new { m.PartnershipId, m.ReportPeriod }).IsUnique();
        builder.BelongsToPartnership(m => m.PartnershipId);
    }
}
