using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SaferPlan.Core.Crime;

/// <summary>police.uk's crime types, current and historic, with fixed ids.</summary>
public static class CrimeTypes
{
    public const short AntiSocialBehaviour = 1;

    public static readonly IReadOnlyList<CrimeType> All =
    [
        new() { Id = 1, Name = "Anti-social behaviour", IsAntiSocialBehaviour = true },
        new() { Id = 2, Name = "Bicycle theft" },
        new() { Id = 3, Name = "Burglary" },
        new() { Id = 4, Name = "Criminal damage and arson" },
        new() { Id = 5, Name = "Drugs" },
        new() { Id = 6, Name = "Other crime" },
        new() { Id = 7, Name = "Other theft" },
        new() { Id = 8, Name = "Possession of weapons" },
        new() { Id = 9, Name = "Public order" },
        new() { Id = 10, Name = "Robbery" },
        new() { Id = 11, Name = "Shoplifting" },
        new() { Id = 12, Name = "Theft from the person" },
        new() { Id = 13, Name = "Vehicle crime" },
        new() { Id = 14, Name = "Violence and sexual offences" },
        new() { Id = 15, Name = "Violent crime" },
        new() { Id = 16, Name = "Public disorder and weapons" },
    ];
}

internal sealed class PoliceForceConfiguration : IEntityTypeConfiguration<PoliceForce>
{
    public void Configure(EntityTypeBuilder<PoliceForce> builder)
    {
        builder.ToTable("PoliceForces");
        builder.HasUniqueText(f => f.Key, 100);
        builder.Property(f => f.Name).HasMaxLength(200);
    }
}

internal sealed class LsoaConfiguration : IEntityTypeConfiguration<Lsoa>
{
    public void Configure(EntityTypeBuilder<Lsoa> builder)
    {
        builder.ToTable("Lsoas");
        builder.HasIndex(l => l.Code).IsUnique();
        builder.HasIndex(l => l.LocalAuthorityName);

        // A plain index, not a foreign key: adding one to SQLite's Lsoas would rebuild the table (see ComparatorArea).
        builder.HasIndex(l => l.ComparatorAreaId);
        builder.HasMaxLength(20, l => l.Code, l => l.WardCode, l => l.LocalAuthorityCode);
        builder.HasMaxLength(FieldLengths.Name, l => l.Name, l => l.WardName, l => l.LocalAuthorityName);
    }
}

internal sealed class CrimeTypeConfiguration : IEntityTypeConfiguration<CrimeType>
{
    public void Configure(EntityTypeBuilder<CrimeType> builder)
    {
        builder.ToTable("CrimeTypes");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasUniqueText(t => t.Name, 100);
        builder.HasData(CrimeTypes.All.Select(t => new CrimeType { Id = t.Id, Name = t.Name, IsAntiSocialBehaviour = t.IsAntiSocialBehaviour }));
    }
}

internal sealed class CrimeOutcomeConfiguration : IEntityTypeConfiguration<CrimeOutcome>
{
    public void Configure(EntityTypeBuilder<CrimeOutcome> builder)
    {
        builder.ToTable("CrimeOutcomes");
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.HasUniqueText(o => o.Name, 200);
    }
}

internal sealed class CrimeImportConfiguration : IEntityTypeConfiguration<CrimeImport>
{
    public void Configure(EntityTypeBuilder<CrimeImport> builder)
    {
        builder.ToTable("CrimeImports");
        builder.HasIndex(i => new { i.ForceId, i.Month }).IsUnique();
        builder.Property(i => i.FileName).HasMaxLength(400);
        builder.Property(i => i.ImportedBy).HasMaxLength(200);
        builder.HasOne(i => i.Force).WithMany().HasForeignKey(i => i.ForceId);
    }
}

internal sealed class CrimeCountConfiguration : IEntityTypeConfiguration<CrimeCount>
{
    public void Configure(EntityTypeBuilder<CrimeCount> builder)
    {
        builder.ToTable("CrimeCounts");
        builder.HasKey(c => new { c.ForceId, c.Month, c.LsoaId });
        builder.Property(c => c.Counts).IsUnicode(false);
        builder.Property(c => c.Outcomes).IsUnicode(false);

        // The area queries: a partnership's LSOAs over a span of months.
        builder.HasIndex(c => new { c.LsoaId, c.Month });
    }
}

internal sealed class PartnershipLsoaConfiguration : IEntityTypeConfiguration<PartnershipLsoa>
{
    public void Configure(EntityTypeBuilder<PartnershipLsoa> builder)
    {
        builder.ToTable("PartnershipLsoas");
        builder.HasKey(a => new { a.PartnershipId, a.LsoaId });
        builder.BelongsToPartnership(a => a.PartnershipId, DeleteBehavior.Cascade);
        builder.HasOne(a => a.Lsoa).WithMany().HasForeignKey(a => a.LsoaId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CrimeGroupConfiguration : IEntityTypeConfiguration<CrimeGroup>
{
    public void Configure(EntityTypeBuilder<CrimeGroup> builder)
    {
        builder.ToTable("CrimeGroups");
        builder.HasIndex(g => new { g.PartnershipId, g.Key }).IsUnique();
        builder.Property(g => g.Key).HasMaxLength(100);
        builder.Property(g => g.Name).HasMaxLength(200);
        builder.BelongsToPartnership(g => g.PartnershipId, DeleteBehavior.Cascade);
        builder.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CrimeGroupMemberConfiguration : IEntityTypeConfiguration<CrimeGroupMember>
{
    public void Configure(EntityTypeBuilder<CrimeGroupMember> builder)
    {
        builder.ToTable("CrimeGroupMembers");
        builder.HasKey(m => new { m.GroupId, m.CrimeTypeId });
        builder.HasOne(m => m.CrimeType).WithMany().HasForeignKey(m => m.CrimeTypeId);
    }
}

internal sealed class AreaDenominatorConfiguration : IEntityTypeConfiguration<AreaDenominator>
{
    public void Configure(EntityTypeBuilder<AreaDenominator> builder)
    {
        builder.ToTable("AreaDenominators");
        builder.HasIndex(d => new { d.PartnershipId, d.Kind, d.Year }).IsUnique();
        builder.Property(d => d.Value).HasPrecision(18, 2);
        builder.Property(d => d.Source).HasMaxLength(400);
        builder.BelongsToPartnership(d => d.PartnershipId, DeleteBehavior.Cascade);
    }
}
