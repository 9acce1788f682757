using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SaferPlan.Core.Panels;

/// <summary>
/// Where a neighbourhood panel's priority is carried forward, as seed 000's Section 5 lists the three ways: policing
/// actions to the neighbourhood policing team, anti-social behaviour to the partnership's ASB task group, and other
/// matters (street lighting, refuse, fire safety) to a contact point in the partner agency concerned.
/// </summary>
public enum PanelRoute
{
    NeighbourhoodPolicing,
    AsbTaskGroup,
    PartnerAgency,
}

/// <summary>Where a panel priority stands: raised, acted on, or its outcome reported back at a later panel meeting.</summary>
public enum PanelPriorityStatus
{
    Open,
    Actioned,
    ReportedBack,
}

/// <summary>
/// A neighbourhood panel of a partnership: residents who meet with the police and partner agencies to set local
/// priorities. It covers one or more wards, named as the partnership's area names them (the ward names of its LSOAs).
/// </summary>
public sealed class NeighbourhoodPanel : VersionedEntity
{
    public int PartnershipId { get; set; }

    public Partnership Partnership { get; set; } = null!;

    public required string Name { get; set; }

    /// <summary>The wards covered, one per line, as stored; read through <see cref="Wards"/>.</summary>
    public required string WardList { get; set; }

    /// <summary>The name of the neighbourhood policing team that takes its policing priorities ("Cambourne Neighbourhood Policing Team").</summary>
    public string? PolicingTeam { get; set; }

    public List<PanelMeeting> Meetings { get; set; } = [];

    public List<PanelPriority> Priorities { get; set; } = [];

    public IReadOnlyList<string> Wards => SplitWards(WardList);

    public static IReadOnlyList<string> SplitWards(string? list) =>
        (list ?? "").Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}

/// <summary>A meeting of a panel: when and where it was held.</summary>
public sealed class PanelMeeting : VersionedEntity
{
    public int PanelId { get; set; }

    public NeighbourhoodPanel Panel { get; set; } = null!;

    public DateOnly HeldOn { get; set; }

    public required string Place { get; set; }
}

/// <summary>
/// A priority residents set at a panel meeting ("ASB at the recreation ground"), the ward it is in, where it was routed,
/// what was done, and the outcome reported back at a later meeting of the same panel.
/// </summary>
public sealed class PanelPriority : VersionedEntity
{
    public int PanelId { get; set; }

    public NeighbourhoodPanel Panel { get; set; } = null!;

    public int RaisedAtId { get; set; }

    public PanelMeeting RaisedAt { get; set; } = null!;

    public required string Text { get; set; }

    /// <summary>One of the panel's wards, or null when the priority is panel-wide.</summary>
    public string? Ward { get; set; }

    public PanelRoute Route { get; set; }

    /// <summary>For <see cref="PanelRoute.AsbTaskGroup"/>: the partnership's body that takes it.</summary>
    public int? RouteBodyId { get; set; }

    public Body? RouteBody { get; set; }

    /// <summary>For <see cref="PanelRoute.PartnerAgency"/>: the named contact in the partner agency.</summary>
    public int? RouteContactId { get; set; }

    public Person? RouteContact { get; set; }

    public ProtectiveMarking Marking { get; set; }

    public PanelPriorityStatus Status { get; set; }

    public string? ReportBack { get; set; }

    public int? ReportedBackAtId { get; set; }

    public PanelMeeting? ReportedBackAt { get; set; }

    public List<PanelAction> Actions { get; set; } = [];
}

/// <summary>Something done about a panel priority: when, what, and by whom (a name, never an e-mail address).</summary>
public sealed class PanelAction : VersionedEntity
{
    public int PriorityId { get; set; }

    public PanelPriority Priority { get; set; } = null!;

    public DateOnly TakenOn { get; set; }

    public required string Text { get; set; }

    public required string TakenBy { get; set; }
}

internal sealed class NeighbourhoodPanelConfiguration : IEntityTypeConfiguration<NeighbourhoodPanel>
{
    public void Configure(EntityTypeBuilder<NeighbourhoodPanel> builder)
    {
        builder.ToTable("NeighbourhoodPanels");
        builder.HasMaxLength(FieldLengths.Name, p => p.Name, p => p.PolicingTeam);
        builder.Property(p => p.WardList).HasMaxLength(FieldLengths.Text);
        builder.Ignore(p => p.Wards);
        builder.HasOne(p => p.Partnership).WithMany().HasForeignKey(p => p.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.PartnershipId, p.Name }).IsUnique();
    }
}

internal sealed class PanelMeetingConfiguration : IEntityTypeConfiguration<PanelMeeting>
{
    public void Configure(EntityTypeBuilder<PanelMeeting> builder)
    {
        builder.ToTable("PanelMeetings");
        builder.Property(m => m.Place).HasMaxLength(FieldLengths.Name);
        builder.HasOne(m => m.Panel).WithMany(p => p.Meetings).HasForeignKey(m => m.PanelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.PanelId, m.HeldOn });
    }
}

internal sealed class PanelPriorityConfiguration : IEntityTypeConfiguration<PanelPriority>
{
    public void Configure(EntityTypeBuilder<PanelPriority> builder)
    {
        builder.ToTable("PanelPriorities");
        builder.HasMaxLength(FieldLengths.Text, p => p.Text, p => p.ReportBack);
        builder.Property(p => p.Ward).HasMaxLength(FieldLengths.Name);
        builder.HasOne(p => p.Panel).WithMany(p => p.Priorities).HasForeignKey(p => p.PanelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.RaisedAt).WithMany().HasForeignKey(p => p.RaisedAtId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.ReportedBackAt).WithMany().HasForeignKey(p => p.ReportedBackAtId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.RouteBody).WithMany().HasForeignKey(p => p.RouteBodyId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(p => p.RouteContact).WithMany().HasForeignKey(p => p.RouteContactId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => p.RouteBodyId);
    }
}

internal sealed class PanelActionConfiguration : IEntityTypeConfiguration<PanelAction>
{
    public void Configure(EntityTypeBuilder<PanelAction> builder)
    {
        builder.ToTable("PanelActions");
        builder.Property(a => a.Text).HasMaxLength(FieldLengths.Text);
        builder.Property(a => a.TakenBy).HasMaxLength(FieldLengths.Name);
        builder.HasOne(a => a.Priority).WithMany(p => p.Actions).HasForeignKey(a => a.PriorityId).OnDelete(DeleteBehavior.Cascade);
    }
}
