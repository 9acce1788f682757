using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SaferPlan.Core.Plans;

/// <summary>
/// An entity people edit that may be about one part of an edition's plan: a priority, an action or a milestone, or none
/// (the whole plan). A consultation comment and a funding allocation are; deleting the part keeps the row, unlinked.
/// </summary>
public abstract class PlanLinkedEntity : VersionedEntity
{
    public int? PriorityId { get; set; }

    public Priority? Priority { get; set; }

    public int? ActionId { get; set; }

    public PlanAction? Action { get; set; }

    public int? MilestoneId { get; set; }

    public Milestone? Milestone { get; set; }
}

internal static class PlanLinkedEntityConfiguration
{
    /// <summary>The links to the plan's parts, each set to null when its part is deleted.</summary>
    public static EntityTypeBuilder<T> LinksToPlanParts<T>(this EntityTypeBuilder<T> builder)
        where T : PlanLinkedEntity
    {
        builder.HasOne(e => e.Priority).WithMany().HasForeignKey(e => e.PriorityId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(e => e.Action).WithMany().HasForeignKey(e => e.ActionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(e => e.Milestone).WithMany().HasForeignKey(e => e.MilestoneId).OnDelete(DeleteBehavior.SetNull);
        return builder;
    }
}
