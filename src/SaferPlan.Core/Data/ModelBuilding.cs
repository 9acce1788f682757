using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SaferPlan.Core.Data;

/// <summary>The shapes the entity configurations share, each said once: text columns of one length, a text a row is found by, and rows a partnership owns.</summary>
internal static class ModelBuilding
{
    /// <summary>Gives every one of <paramref name="properties"/> the same maximum length.</summary>
    public static EntityTypeBuilder<T> HasMaxLength<T>(this EntityTypeBuilder<T> builder, int maxLength, params Expression<Func<T, string?>>[] properties)
        where T : class
    {
        foreach (var property in properties)
        {
            builder.Property(property).HasMaxLength(maxLength);
        }

        return builder;
    }

    /// <summary>Gives every one of the properties named the same maximum length (for properties the builder reaches by name).</summary>
    public static EntityTypeBuilder<T> HasMaxLength<T>(this EntityTypeBuilder<T> builder, int maxLength, params string[] properties)
        where T : class
    {
        foreach (var property in properties)
        {
            builder.Property(property).HasMaxLength(maxLength);
        }

        return builder;
    }

    /// <summary>
    /// A text the row is found by (a key, a slug, a name, a secret token's hash): no two rows share it, and it is no longer
    /// than <paramref name="maxLength"/>.
    /// </summary>
    public static EntityTypeBuilder<T> HasUniqueText<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, string?>> property, int maxLength)
        where T : class
    {
        builder.Property(property).HasMaxLength(maxLength);
        builder.HasIndex(((MemberExpression)property.Body).Member.Name).IsUnique();
        return builder;
    }

    /// <summary>
    /// The row belongs to one partnership through <paramref name="partnershipId"/>, with no navigation to it; deleting the
    /// partnership does what <paramref name="onDelete"/> says, or the convention's default when null.
    /// </summary>
    public static EntityTypeBuilder<T> BelongsToPartnership<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, object?>> partnershipId, DeleteBehavior? onDelete = null)
        where T : class
    {
        var relation = builder.HasOne<Partnership>().WithMany().HasForeignKey(partnershipId);
        if (onDelete is { } behaviour)
        {
            relation.OnDelete(behaviour);
        }

        return builder;
    }
}
