using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SaferPlan.Core.Monitoring;

/// <summary>
/// A task group's own action plan for a financial year (seed 001's "Southern Domestic Abuse Task Group, Action Plan:
/// 2010-2011"), kept by the body and shared, like its briefings, into the Board reports of every partnership it serves.
/// </summary>
public sealed class BodyActionPlan : VersionedEntity
{
    public int BodyId { get; set; }

    /// <summary>The financial year the plan covers, a whole-year period (2010/11).</summary>
    public ReportingPeriod Year { get; set; }

    /// <summary>"2010-2011 Action Plan".</summary>
    public required string Title { get; set; }

    /// <summary>"To Measure Performance Against Key Indicators That Support The Community Safety Plan Priorities".</summary>
    public string? StrategicAim { get; set; }

    /// <summary>"SCDATG Chair".</summary>
    public string? PlanLead { get; set; }

    public ProtectiveMarking Marking { get; set; }

    public List<BodyActionPlanItem> Items { get; set; } = [];
}

/// <summary>
/// One row of a body's action plan: its number ("1.10"), lead (initials, as the group writes them), the item, its
/// milestones, and the group's own priority heading it sits under ("Priority 2: To Reduce Repeat Victimisation").
/// </summary>
public sealed class BodyActionPlanItem : VersionedEntity
{
    public int PlanId { get; set; }

    public string? Heading { get; set; }

    public required string Number { get; set; }

    public string? Lead { get; set; }

    public required string Text { get; set; }

    public string? Milestones { get; set; }

    public int SortOrder { get; set; }

    public ProtectiveMarking Marking { get; set; }

    public List<BodyActionPlanProgress> Progress { get; set; } = [];
}

/// <summary>An item's quarterly progress, the plan's last column ("£5,300 allocated for Freedom programmes in South Cambs.").</summary>
public sealed class BodyActionPlanProgress : VersionedEntity
{
    public int ItemId { get; set; }

    public ReportingPeriod Period { get; set; }

    public required string Progress { get; set; }

    public ProtectiveMarking Marking { get; set; }
}

internal sealed class BodyActionPlanConfiguration : IEntityTypeConfiguration<BodyActionPlan>
{
    public void Configure(EntityTypeBuilder<BodyActionPlan> builder)
    {
        builder.ToTable("BodyActionPlans");
        builder.HasIndex(p => new { p.BodyId, p.Year });
        builder.HasMaxLength(FieldLengths.Name, p => p.Title, p => p.PlanLead);
        builder.Property(p => p.StrategicAim).HasMaxLength(FieldLengths.Text);
        builder.HasOne<Body>().WithMany().HasForeignKey(p => p.BodyId);
        builder.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BodyActionPlanItemConfiguration : IEntityTypeConfiguration<BodyActionPlanItem>
{
    public void Configure(EntityTypeBuilder<BodyActionPlanItem> builder)
    {
        builder.ToTable("BodyActionPlanItems");
        builder.HasIndex(i => new { i.PlanId, i.SortOrder });
        builder.Property(i => i.Number).HasMaxLength(20);
        builder.HasMaxLength(FieldLengths.Name, i => i.Lead);
        builder.Property(i => i.Heading).HasMaxLength(400);
        builder.HasMaxLength(FieldLengths.Text, i => i.Text, i => i.Milestones);
        builder.HasMany(i => i.Progress).WithOne().HasForeignKey(p => p.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BodyActionPlanProgressConfiguration : IEntityTypeConfiguration<BodyActionPlanProgress>
{
    public void Configure(EntityTypeBuilder<BodyActionPlanProgress> builder)
    {
        builder.ToTable("BodyActionPlanProgress");
        builder.HasIndex(p => new { p.ItemId, p.Period }).IsUnique();
        builder.Property(p => p.Progress).HasMaxLength(FieldLengths.Text);
    }
}
