using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SaferPlan.Core.Funding;

/// <summary>Whether an allocation's figure is settled, or may still alter ("(provisional)", seed 000).</summary>
public enum AllocationStatus
{
    Provisional,
    Confirmed,
}

/// <summary>
/// A partnership's funding plan for one financial year: the Board agrees it (each April, seed 000), after which its streams
/// and allocations change only by recorded amendment. The row exists once the year has a stream or is agreed.
/// </summary>
public sealed class FundingPlan : VersionedEntity
{
    public int PartnershipId { get; set; }

    /// <summary>The calendar year the financial year starts in (2010 for 2010/11).</summary>
    public int YearStart { get; set; }

    public DateOnly? AgreedOn { get; set; }

    /// <summary>The body whose decision agreed the plan ("South Cambridgeshire CDRP Board").</summary>
    public string? AgreedBy { get; set; }

    public string? AgreementMinute { get; set; }

    public bool IsAgreed => AgreedOn is not null;

    public ReportingPeriod Year => ReportingPeriod.Year(YearStart);
}

/// <summary>Money the partnership receives, or expects, for one year from one funder: "Safer Stronger Communities Fund".</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The partnerships' own word: a funding stream, not an I/O stream.")]
public sealed class FundingStream : VersionedEntity
{
    public int PartnershipId { get; set; }

    public int YearStart { get; set; }

    public required string Name { get; set; }

    public string? Funder { get; set; }

    /// <summary>Pounds and pence received, or expected while <see cref="Received"/> is false.</summary>
    public decimal Amount { get; set; }

    public bool Received { get; set; }

    /// <summary>What the funder requires of the money, in their words.</summary>
    public string? Conditions { get; set; }

    public List<FundingAllocation> Allocations { get; set; } = [];
}

/// <summary>
/// Money from a stream allocated to one project, perhaps for a priority, action or milestone of the year's plan, with what it
/// is for in plain words ("so that people using taxis at night would feel safer") and the results so far.
/// </summary>
public sealed class FundingAllocation : PlanLinkedEntity
{
    public int StreamId { get; set; }

    public FundingStream Stream { get; set; } = null!;

    public required string Name { get; set; }

    public decimal Amount { get; set; }

    public AllocationStatus Status { get; set; }

    /// <summary>"figure may alter".</summary>
    public string? Note { get; set; }

    /// <summary>What the money is for, as the public account says it after "We spent £…": "so that people using taxis at night would feel safer".</summary>
    public string? Outcome { get; set; }

    /// <summary>"So far, two small payments totalling £70 have been provided…".</summary>
    public string? Results { get; set; }

    public ProtectiveMarking Marking { get; set; }

    public List<FundingSpend> Spending { get; set; } = [];
}

/// <summary>One payment against an allocation, with a transaction id that stays the same in every published spending file.</summary>
public sealed class FundingSpend : VersionedEntity
{
    public int PartnershipId { get; set; }

    public int AllocationId { get; set; }

    public FundingAllocation Allocation { get; set; } = null!;

    public DateOnly SpentOn { get; set; }

    public decimal Amount { get; set; }

    /// <summary>Who was paid; published only when <see cref="PayeeIsPublic"/> (a company, not a person).</summary>
    public string? Payee { get; set; }

    public bool PayeeIsPublic { get; set; }

    /// <summary>What the money bought: "three private security staff at the taxi rank on twelve key dates".</summary>
    public required string Purchase { get; set; }

    public required string TransactionId { get; set; }
}

internal sealed class FundingPlanConfiguration : IEntityTypeConfiguration<FundingPlan>
{
    public void Configure(EntityTypeBuilder<FundingPlan> builder)
    {
        builder.ToTable("FundingPlans");
        builder.BelongsToPartnership(p => p.PartnershipId, DeleteBehavior.Cascade);
        builder.HasMaxLength(FieldLengths.Name, p => p.AgreedBy);
        builder.HasMaxLength(FieldLengths.Short, p => p.AgreementMinute);
        builder.HasIndex(p => new { p.PartnershipId, p.YearStart }).IsUnique();
    }
}

internal sealed class FundingStreamConfiguration : IEntityTypeConfiguration<FundingStream>
{
    public void Configure(EntityTypeBuilder<FundingStream> builder)
    {
        builder.ToTable("FundingStreams");
        builder.BelongsToPartnership(s => s.PartnershipId, DeleteBehavior.Cascade);
        builder.HasMaxLength(FieldLengths.Name, s => s.Name, s => s.Funder);
        builder.Property(s => s.Conditions).HasMaxLength(FieldLengths.Text);
        builder.Property(s => s.Amount).HasPrecision(Money.Precision, Money.Scale);
        builder.HasIndex(s => new { s.PartnershipId, s.YearStart, s.Name }).IsUnique();
    }
}

internal sealed class FundingAllocationConfiguration : IEntityTypeConfiguration<FundingAllocation>
{
    public void Configure(EntityTypeBuilder<FundingAllocation> builder)
    {
        builder.ToTable("FundingAllocations");
        builder.HasMaxLength(FieldLengths.Name, a => a.Name, a => a.Note);
        builder.HasMaxLength(FieldLengths.Text, a => a.Outcome, a => a.Results);
        builder.Property(a => a.Amount).HasPrecision(Money.Precision, Money.Scale);
        builder.HasOne(a => a.Stream).WithMany(s => s.Allocations).HasForeignKey(a => a.StreamId).OnDelete(DeleteBehavior.Cascade);
        builder.LinksToPlanParts();
    }
}

internal sealed class FundingSpendConfiguration : IEntityTypeConfiguration<FundingSpend>
{
    public void Configure(EntityTypeBuilder<FundingSpend> builder)
    {
        builder.ToTable("FundingSpending");
        builder.BelongsToPartnership(s => s.PartnershipId, DeleteBehavior.NoAction);
        builder.HasMaxLength(FieldLengths.Name, s => s.Payee);
        builder.Property(s => s.Purchase).HasMaxLength(FieldLengths.Text);
        builder.Property(s => s.TransactionId).HasMaxLength(Money.TransactionIdLength);
        builder.Property(s => s.Amount).HasPrecision(Money.Precision, Money.Scale);
        builder.HasOne(s => s.Allocation).WithMany(a => a.Spending).HasForeignKey(s => s.AllocationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.PartnershipId, s.TransactionId }).IsUnique();
    }
}
