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
        builder.Property(i => i.Description).HasMaxLength(FieldLengths.Text);
        builder.BelongsToPartnership(i => i.PartnershipId, DeleteBehavior.Cascade);
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
        builder.OverSpanOfMonths("IndicatorValues");
        builder.Property(v => v.Comment).HasMaxLength(FieldLengths.Text);
        builder.Property(v => v.EnteredBy).HasMaxLength(FieldLengths.Name);
    }
}

internal sealed class IndicatorBaselineConfiguration : IEntityTypeConfiguration<IndicatorBaseline>
{
    public void Configure(EntityTypeBuilder<IndicatorBaseline> builder)
    {
        builder.OverSpanOfMonths("IndicatorBaselines");
    }
}

internal static class IndicatorPartConfiguration
{
    /// <summary>A value or baseline: one figure with its source for a span of months, one per span of each indicator.</summary>
    public static void OverSpanOfMonths<T>(this EntityTypeBuilder<T> builder, string table)
        where T : class, IIndicatorPart
    {
        builder.ToTable(table);
        builder.HasIndex(nameof(IIndicatorPart.IndicatorId), nameof(IndicatorValue.FromMonth), nameof(IndicatorValue.ToMonth)).IsUnique();
        builder.Property(nameof(IndicatorValue.Value)).HasPrecision(18, 4);
        builder.Property(nameof(IndicatorValue.Source)).HasMaxLength(400);
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
