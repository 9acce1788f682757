using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SaferPlan.Core.Data;
using SaferPlan.Core.Partnerships;

namespace SaferPlan.Core.Monitoring;

internal sealed class MilestoneUpdateConfiguration : IEntityTypeConfiguration<MilestoneUpdate>
{
    public void Configure(EntityTypeBuilder<MilestoneUpdate> builder)
    {
        builder.ToTable("MilestoneUpdates");
        builder.Property(u => u.Period).HasConversion(PeriodConversion.Converter).HasMaxLength(12);
        builder.HasIndex(u => new { u.MilestoneId, u.Period }).IsUnique();
        builder.Property(u => u.Progress).HasMaxLength(8000);
        builder.Property(u => u.TextValue).HasMaxLength(4000);
        builder.Property(u => u.NumberValue).HasPrecision(18, 4);
        builder.Property(u => u.AuthorId).HasMaxLength(100);
        builder.Property(u => u.AuthorName).HasMaxLength(200);
        builder.Property(u => u.ReviewerName).HasMaxLength(200);
        builder.Property(u => u.ReviewComment).HasMaxLength(4000);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasOne(u => u.Milestone).WithMany().HasForeignKey(u => u.MilestoneId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CollectionRoundConfiguration : IEntityTypeConfiguration<CollectionRound>
{
    public void Configure(EntityTypeBuilder<CollectionRound> builder)
    {
        builder.ToTable("CollectionRounds");
        builder.Property(r => r.Period).HasConversion(PeriodConversion.Converter).HasMaxLength(12);
        builder.HasIndex(r => new { r.PartnershipId, r.Period }).IsUnique();
        builder.Property(r => r.OpenedBy).HasMaxLength(200);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId);
    }
}
