using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SaferPlan.Core.Meetings;

/// <summary>
/// A meeting of a board, executive group or task group for one partnership, in one financial year: generated from the
/// body's cadence (see <see cref="MeetingSchedule"/>) or added by a support officer. A moved or cancelled meeting keeps its
/// id, so calendar feeds update the event rather than add another; <see cref="Sequence"/> counts the moves, as RFC 5545's
/// SEQUENCE does.
/// </summary>
public sealed class Meeting : VersionedEntity
{
    public int PartnershipId { get; set; }

    public int BodyId { get; set; }

    public Body Body { get; set; } = null!;

    /// <summary>The first calendar year of the financial year the meeting belongs to: 2010 for 2010/11.</summary>
    public int YearStart { get; set; }

    public DateOnly MeetsOn { get; set; }

    /// <summary>The start time, UK local time.</summary>
    public TimeOnly StartsAt { get; set; }

    public string? Place { get; set; }

    /// <summary>Open to the public (the Board, the Scrutiny Committee): on visitors' pages and the public calendar feed.</summary>
    public bool IsPublic { get; set; }

    public bool IsCancelled { get; set; }

    /// <summary>How many times the meeting was moved or cancelled: the SEQUENCE of its calendar event.</summary>
    public int Sequence { get; set; }

    /// <summary>Which slot of the cadence the meeting was generated for ("2010-11-10" for October), so generating again adds nothing; null for an added meeting.</summary>
    public string? ScheduleSlot { get; set; }

    public List<AgendaItem> Agenda { get; set; } = [];

    public List<MeetingDecision> Decisions { get; set; } = [];

    public ReportingPeriod Year => ReportingPeriod.Year(YearStart);
}

/// <summary>A paper SaferPlan makes that an agenda item can link to.</summary>
public enum PaperKind
{
    None,

    /// <summary>The quarter's Board (performance) report; the key is the quarter, "2010-11-q4".</summary>
    BoardReport,

    /// <summary>The refresh report of an edition; the key is the edition's id.</summary>
    RefreshReport,

    /// <summary>The strategic assessment; the key is the year it is produced in, "2010-11".</summary>
    StrategicAssessment,

    /// <summary>The funding plan of a year; the key is the year, "2010-11".</summary>
    FundingPlan,
}

public sealed class AgendaItem : IAudited
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public int SortOrder { get; set; }

    public required string Title { get; set; }

    public PaperKind Paper { get; set; }

    public string? PaperKey { get; set; }
}

/// <summary>What a decision decided.</summary>
public enum DecisionKind
{
    /// <summary>Approves a plan edition: recording it approves the edition (the key is the edition's id).</summary>
    ApproveEdition,

    /// <summary>Agrees the funding plan of a year (the key is the year, "2010-11").</summary>
    AgreeFundingPlan,

    /// <summary>Sets the priorities of an edition's year (the key is the edition's id).</summary>
    SetPriorities,

    Other,
}

public sealed class MeetingDecision : IAudited
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public required string Text { get; set; }

    /// <summary>The minute that records it: "Minute 4/10".</summary>
    public string? Minute { get; set; }

    public DecisionKind Kind { get; set; }

    /// <summary>What it decided: an edition's id or a year, as <see cref="Kind"/> says.</summary>
    public string? SubjectKey { get; set; }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("Meetings");
        builder.HasOne<Partnership>().WithMany().HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Body).WithMany().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.Place).HasMaxLength(MeetingEditor.PlaceLength);
        builder.Property(m => m.ScheduleSlot).HasMaxLength(20);
        builder.HasIndex(m => new { m.PartnershipId, m.YearStart, m.MeetsOn });
        builder.HasIndex(m => new { m.PartnershipId, m.BodyId, m.ScheduleSlot }).IsUnique();
        builder.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Decisions).WithOne().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(m => m.Year);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.ToTable("AgendaItems");
        builder.Property(a => a.Title).HasMaxLength(MeetingEditor.TitleLength);
        builder.Property(a => a.PaperKey).HasMaxLength(40);
    }
}

internal sealed class MeetingDecisionConfiguration : IEntityTypeConfiguration<MeetingDecision>
{
    public void Configure(EntityTypeBuilder<MeetingDecision> builder)
    {
        builder.ToTable("MeetingDecisions");
        builder.Property(d => d.Text).HasMaxLength(MeetingEditor.DecisionLength);
        builder.Property(d => d.Minute).HasMaxLength(100);
        builder.Property(d => d.SubjectKey).HasMaxLength(40);
    }
}
