using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SaferPlan.Core.Auditing;

namespace SaferPlan.Core.Data;

internal static class FieldLengths
{
    public const int Name = 200;
    public const int Short = 100;
    public const int Text = 4000;
    public const int Narrative = 20000;
}

internal sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> builder)
    {
        builder.HasUniqueText(p => p.Slug, FieldLengths.Short);
        builder.HasMaxLength(FieldLengths.Name, p => p.Name, p => p.ShortName, p => p.Area);
        builder.Property(p => p.AreaDefinition).HasMaxLength(FieldLengths.Text);
        builder.HasMany(p => p.Agencies).WithMany(a => a.Partnerships).UsingEntity("PartnershipAgencies");
        builder.HasMany(p => p.Bodies).WithMany(b => b.Partnerships).UsingEntity("PartnershipBodies");
        builder.HasOne(p => p.Board).WithMany().HasForeignKey(p => p.BoardId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.People).WithOne().HasForeignKey(p => p.PartnershipId);
    }
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.HasUniqueText(a => a.Key, FieldLengths.Short);
        builder.HasMaxLength(FieldLengths.Name, a => a.Name, a => a.ShortName);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.HasIndex(p => new { p.PartnershipId, p.Key }).IsUnique();
        builder.Property(p => p.Key).HasMaxLength(FieldLengths.Short);
        builder.HasMaxLength(FieldLengths.Name, p => p.Name, p => p.RoleTitle, p => p.Email);
        builder.Property(p => p.Honorific).HasMaxLength(PeopleService.HonorificLength);
        builder.HasOne(p => p.Agency).WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> builder)
    {
        builder.HasUniqueText(b => b.Key, FieldLengths.Short);
        builder.Property(b => b.Name).HasMaxLength(FieldLengths.Name);
        builder.Property(b => b.Description).HasMaxLength(FieldLengths.Text);
        builder.HasOne(b => b.Chair).WithMany().HasForeignKey(b => b.ChairId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(b => b.MemberAgencies).WithMany().UsingEntity("BodyMemberAgencies");
    }
}

internal sealed class BodyMemberConfiguration : IEntityTypeConfiguration<BodyMember>
{
    public void Configure(EntityTypeBuilder<BodyMember> builder)
    {
        builder.ToTable("BodyMembers");
        builder.HasIndex(m => new { m.BodyId, m.PersonId }).IsUnique();
        builder.HasOne(m => m.Body).WithMany().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(FieldLengths.Name);
        builder.HasOne(p => p.Partnership).WithMany().HasForeignKey(p => p.PartnershipId);
        builder.HasMany(p => p.Editions).WithOne(e => e.Plan).HasForeignKey(e => e.PlanId);
    }
}

internal sealed class PlanEditionConfiguration : IEntityTypeConfiguration<PlanEdition>
{
    public void Configure(EntityTypeBuilder<PlanEdition> builder)
    {
        builder.ToTable("PlanEditions");
        builder.HasMaxLength(FieldLengths.Short, e => e.Label, e => e.ApprovalMinute);
        builder.HasMaxLength(FieldLengths.Name, e => e.Title, e => e.ApprovedBy);
        builder.HasMany(e => e.Priorities).WithOne(p => p.Edition).HasForeignKey(p => p.EditionId);
        builder.HasMany(e => e.Sections).WithOne().HasForeignKey(s => s.EditionId);
        builder.HasMany(e => e.Glossary).WithOne().HasForeignKey(g => g.EditionId);
        builder.Ignore(e => e.Year);
        builder.Ignore(e => e.IsPublished);
        builder.HasOne<PlanEdition>().WithMany().HasForeignKey(e => e.PreviousEditionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => new { e.PlanId, e.YearStart }).IsUnique();
    }
}

internal sealed class PriorityConfiguration : IEntityTypeConfiguration<Priority>
{
    public void Configure(EntityTypeBuilder<Priority> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(FieldLengths.Name);
        builder.HasMaxLength(FieldLengths.Narrative, p => p.Why, p => p.WhatWeWillDo, p => p.Approach, p => p.MeasuringSuccess, p => p.DataUsed);
        builder.HasOne(p => p.LeadOfficer).WithMany().HasForeignKey(p => p.LeadOfficerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.Actions).WithOne(a => a.Priority).HasForeignKey(a => a.PriorityId);
        builder.HasIndex(p => new { p.EditionId, p.SortOrder });
        builder.HasMany(p => p.Origins).WithOne().HasForeignKey(o => o.PriorityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PriorityOriginConfiguration : IEntityTypeConfiguration<PriorityOrigin>
{
    public void Configure(EntityTypeBuilder<PriorityOrigin> builder)
    {
        builder.HasOne(o => o.Origin).WithMany().HasForeignKey(o => o.OriginId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.PriorityId, o.OriginId }).IsUnique();
    }
}

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> builder)
    {
        builder.ToTable("Actions");
        builder.HasMaxLength(20, a => a.Number, a => a.CrossReferenceActionNumber);
        builder.HasMaxLength(FieldLengths.Text, a => a.Text, a => a.LeadAgency, a => a.OtherPartners, a => a.CrossReferenceText, a => a.Note);
        builder.HasOne(a => a.Body).WithMany().HasForeignKey(a => a.BodyId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.LeadOfficer).WithMany().HasForeignKey(a => a.LeadOfficerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Milestones).WithOne(m => m.Action).HasForeignKey(m => m.ActionId);
        builder.HasIndex(a => new { a.PriorityId, a.SortOrder });
        builder.HasOne<PlanAction>().WithMany().HasForeignKey(a => a.OriginId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(m => m.Code).HasMaxLength(20);
        builder.HasMaxLength(FieldLengths.Text, m => m.Text, m => m.Lead, m => m.Measurement, m => m.Source, m => m.Target);
        builder.Property(m => m.DueQuarters).HasMaxLength(FieldLengths.Name);
        builder.HasOne(m => m.LeadOfficer).WithMany().HasForeignKey(m => m.LeadOfficerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.ActionId, m.SortOrder });
        builder.HasOne<Milestone>().WithMany().HasForeignKey(m => m.OriginId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PlanSectionConfiguration : IEntityTypeConfiguration<PlanSection>
{
    public void Configure(EntityTypeBuilder<PlanSection> builder)
    {
        builder.Property(s => s.Key).HasMaxLength(FieldLengths.Short);
        builder.Property(s => s.Title).HasMaxLength(FieldLengths.Name);
        builder.Property(s => s.Body).HasMaxLength(FieldLengths.Narrative);
    }
}

internal sealed class AmendmentConfiguration : IEntityTypeConfiguration<Amendment>
{
    public void Configure(EntityTypeBuilder<Amendment> builder)
    {
        builder.HasMaxLength(FieldLengths.Short, a => a.ItemReference, a => a.UserId);
        builder.HasMaxLength(FieldLengths.Name, a => a.Changes, a => a.AmendedBy);
        builder.Property(a => a.Reason).HasMaxLength(Editing.Amendments.ReasonLength);
        builder.BelongsToPartnership(a => a.PartnershipId);
        builder.HasIndex(a => new { a.Record, a.RecordId });
    }
}

internal sealed class GlossaryEntryConfiguration : IEntityTypeConfiguration<GlossaryEntry>
{
    public void Configure(EntityTypeBuilder<GlossaryEntry> builder)
    {
        builder.ToTable("GlossaryEntries");
        builder.Property(g => g.Term).HasMaxLength(FieldLengths.Name);
        builder.Property(g => g.Definition).HasMaxLength(FieldLengths.Narrative);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.HasIndex(m => new { m.UserId, m.PartnershipId, m.Role }).IsUnique();
        builder.HasOne(m => m.User).WithMany(u => u.Memberships).HasForeignKey(m => m.UserId);
        builder.HasOne(m => m.Partnership).WithMany().HasForeignKey(m => m.PartnershipId);
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.HasOne(u => u.Person).WithMany().HasForeignKey(u => u.PersonId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(u => u.DisplayName).HasMaxLength(FieldLengths.Name);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.HasUniqueText(t => t.TokenHash, SecretTokens.HashLength);
        builder.Property(t => t.Name).HasMaxLength(FieldLengths.Name);
        builder.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.EntityType).HasMaxLength(FieldLengths.Short);
        builder.Property(a => a.Actor).HasMaxLength(FieldLengths.Name);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}
