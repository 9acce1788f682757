using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SaferPlan.Core.Accounts;

/// <summary>
/// A link e-mailed to one person that works without a password (an invitation, a consultee's link, a lead officer's
/// update link): only its token's hash is stored; it records who made it and when, expires, and can be revoked.
/// </summary>
public abstract class PersonalLink : IAudited
{
    public int Id { get; set; }

    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

internal static class PersonalLinkConfiguration
{
    /// <summary>The columns every personal link shares: a unique token hash and the name of who made it.</summary>
    public static EntityTypeBuilder<T> IsPersonalLink<T>(this EntityTypeBuilder<T> builder)
        where T : PersonalLink
    {
        builder.HasUniqueText(l => l.TokenHash, SecretTokens.HashLength);
        builder.Property(l => l.CreatedBy).HasMaxLength(FieldLengths.Name);
        return builder;
    }
}
