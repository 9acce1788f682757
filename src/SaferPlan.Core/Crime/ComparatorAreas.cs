using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SaferPlan.Core.Crime;

/// <summary>
/// A local authority found in the crime data, for comparing a partnership with similar areas. Every LSOA name begins
/// with its local authority's name ("South Cambridgeshire 012A"), so each authority the imported files mention becomes
/// a comparator area with its LSOAs (<see cref="Lsoa.ComparatorAreaId"/>). Partnerships keep their own areas
/// (<see cref="PartnershipLsoa"/>); comparator areas are shared by the whole installation.
/// </summary>
public sealed class ComparatorArea
{
    public int Id { get; set; }

    /// <summary>"South Cambridgeshire": the LSOA names' prefix; unique.</summary>
    public required string Name { get; set; }

    /// <summary>The ONS local authority code ("E07000012") when a population file or lookup gave one.</summary>
    public string? Code { get; set; }
}

/// <summary>
/// Residents and dwellings of a comparator area in one year (a mid-year estimate), loaded from an ONS-style CSV (area
/// code, name, year, residents, dwellings); marked synthetic when the synthetic generator wrote the file.
/// </summary>
public sealed class AreaPopulation : IAudited
{
    public int Id { get; set; }

    public int ComparatorAreaId { get; set; }

    /// <summary>The calendar year of the estimate.</summary>
    public int Year { get; set; }

    public int Residents { get; set; }

    public int? Dwellings { get; set; }

    /// <summary>Where the figure came from ("ONS mid-year estimates 2021", or the uploaded file's name).</summary>
    public string? Source { get; set; }

    public bool Synthetic { get; set; }
}

/// <summary>An area an analyst chose for a partnership's comparator group (none chosen: the group is computed).</summary>
public sealed class PartnershipPeer
{
    public int PartnershipId { get; set; }

    public int ComparatorAreaId { get; set; }

    public ComparatorArea ComparatorArea { get; set; } = null!;
}

internal sealed class ComparatorAreaConfiguration : IEntityTypeConfiguration<ComparatorArea>
{
    public void Configure(EntityTypeBuilder<ComparatorArea> builder)
    {
        builder.ToTable("ComparatorAreas");
        builder.HasUniqueText(a => a.Name, FieldLengths.Name);
        builder.Property(a => a.Code).HasMaxLength(20);
    }
}

internal sealed class AreaPopulationConfiguration : IEntityTypeConfiguration<AreaPopulation>
{
    public void Configure(EntityTypeBuilder<AreaPopulation> builder)
    {
        builder.ToTable("AreaPopulations");
        builder.HasIndex(p => new { p.ComparatorAreaId, p.Year }).IsUnique();
        builder.Property(p => p.Source).HasMaxLength(400);
        builder.HasOne<ComparatorArea>().WithMany().HasForeignKey(p => p.ComparatorAreaId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PartnershipPeerConfiguration : IEntityTypeConfiguration<PartnershipPeer>
{
    public void Configure(EntityTypeBuilder<PartnershipPeer> builder)
    {
        builder.ToTable("PartnershipPeers");
        builder.HasKey(p => new { p.PartnershipId, p.ComparatorAreaId });
        builder.BelongsToPartnership(p => p.PartnershipId, DeleteBehavior.Cascade);
        builder.HasOne(p => p.ComparatorArea).WithMany().HasForeignKey(p => p.ComparatorAreaId).OnDelete(DeleteBehavior.Cascade);
    }
}
