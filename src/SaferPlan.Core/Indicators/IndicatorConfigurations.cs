using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SaferPlan.Core.Indicators;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("Indicators");
        builder.HasIndex(i => new { i.PartnershipId, i.Code }).IsUnique();
        builder.Property(i => i.Code).HasMaxLength(40);
        builder.Property(i => i.Name).HasMaxLength(400);
        builder.Property(i => i.Description).HasMaxLength(4000);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(i => i.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.CrimeType).WithMany().HasForeignKey(i => i.CrimeTypeId);
        builder.HasOne(i => i.CrimeGroup).WithMany().HasForeignKey(i => i.CrimeGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Values).WithOne().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Baselines).WithOne().HasForeignKey(b => b.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Targets).WithOne().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.ToTable("IndicatorValues");
        builder.HasIndex(v => new { v.IndicatorId, v.FromMonth, v.ToMonth }).IsUnique();
        builder.Property(v => v.Value).HasPrecision(18, 4);
        builder.Property(v => v.Source).HasMaxLength(400);
        builder.Property(v => v.Comment).HasMaxLength(4000);
        builder.Property(v => v.EnteredBy).HasMaxLength(200);
    }
}

internal sealed class IndicatorBaselineConfiguration : IEntityTypeConfiguration<IndicatorBaseline>
{
    public void Configure(EntityTypeBuilder<IndicatorBaseline> builder)
    {
        builder.ToTable("IndicatorBaselines");
        builder.HasIndex(b => new { b.IndicatorId, b.FromMonth, b.ToMonth }).IsUnique();
        builder.Property(b => b.Value).HasPrecision(18, 4);
        builder.Property(b => b.Source).HasMaxLength(400);
    }
}

internal sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> builder)
    {
        builder.ToTable("IndicatorTargets");
        builder.HasIndex(t => new { t.IndicatorId, t.Year }).IsUnique();
        builder.Property(t => t.Number).HasPrecision(18, 4);
        builder.Property(t => t.AmberTolerance).HasPrecision(18, 4);
        builder.Property(t => t.Wording).HasMaxLength(1000);
        builder.HasOne(t => t.Baseline).WithMany().HasForeignKey(t => t.BaselineId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IndicatorLinkConfiguration : IEntityTypeConfiguration<IndicatorLink>
{
    public void Configure(EntityTypeBuilder<IndicatorLink> builder)
    {
        builder.ToTable("IndicatorLinks");
        builder.HasIndex(l => new { l.IndicatorId, l.PriorityId, l.MilestoneId }).IsUnique();
        builder.HasIndex(l => l.PriorityId);
        builder.HasIndex(l => l.MilestoneId);
        builder.HasOne(l => l.Indicator).WithMany().HasForeignKey(l => l.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Priority>().WithMany().HasForeignKey(l => l.PriorityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Milestone>().WithMany().HasForeignKey(l => l.MilestoneId).OnDelete(DeleteBehavior.Cascade);
    }
}
