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
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Slug).HasMaxLength(FieldLengths.Short);
        builder.Property(p => p.Name).HasMaxLength(FieldLengths.Name);
        builder.Property(p => p.ShortName).HasMaxLength(FieldLengths.Name);
        builder.Property(p => p.Area).HasMaxLength(FieldLengths.Name);
        builder.Property(p => p.AreaDefinition).HasMaxLength(FieldLengths.Text);
        builder.HasMany(p => p.Agencies).WithMany(a => a.Partnerships).UsingEntity("PartnershipAgencies");
        builder.HasMany(p => p.Bodies).WithMany(b => b.Partnerships).UsingEntity("PartnershipBodies");
        builder.HasMany(p => p.People).WithOne().HasForeignKey(p => p.PartnershipId);
    }
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.HasIndex(a => a.Key).IsUnique();
        builder.Property(a => a.Key).HasMaxLength(FieldLengths.Short);
        builder.Property(a => a.Name).HasMaxLength(FieldLengths.Name);
        builder.Property(a => a.ShortName).HasMaxLength(FieldLengths.Name);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.HasIndex(p => new { p.PartnershipId, p.Key }).IsUnique();
        builder.Property(p => p.Key).HasMaxLength(FieldLengths.Short);
        builder.Property(p => p.Name).HasMaxLength(FieldLengths.Name);
        builder.Property(p => p.RoleTitle).HasMaxLength(FieldLengths.Name);
        builder.Property(p => p.Email).HasMaxLength(FieldLengths.Name);
        builder.HasOne(p => p.Agency).WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> builder)
    {
        builder.HasIndex(b => b.Key).IsUnique();
        builder.Property(b => b.Key).HasMaxLength(FieldLengths.Short);
        builder.Property(b => b.Name).HasMaxLength(FieldLengths.Name);
        builder.Property(b => b.Description).HasMaxLength(FieldLengths.Text);
        builder.HasOne(b => b.Chair).WithMany().HasForeignKey(b => b.ChairId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(b => b.MemberAgencies).WithMany().UsingEntity("BodyMemberAgencies");
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
        builder.Property(e => e.Label).HasMaxLength(FieldLengths.Short);
        builder.Property(e => e.Title).HasMaxLength(FieldLengths.Name);
        builder.HasMany(e => e.Priorities).WithOne(p => p.Edition).HasForeignKey(p => p.EditionId);
        builder.HasMany(e => e.Sections).WithOne().HasForeignKey(s => s.EditionId);
        builder.HasMany(e => e.Glossary).WithOne().HasForeignKey(g => g.EditionId);
        builder.Ignore(e => e.Year);
        builder.Ignore(e => e.IsPublished);
    }
}

internal sealed class PriorityConfiguration : IEntityTypeConfiguration<Priority>
{
    public void Configure(EntityTypeBuilder<Priority> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(FieldLengths.Name);
        foreach (var narrative in new[] { nameof(Priority.Why), nameof(Priority.WhatWeWillDo), nameof(Priority.Approach), nameof(Priority.MeasuringSuccess), nameof(Priority.DataUsed) })
        {
            builder.Property(narrative).HasMaxLength(FieldLengths.Narrative);
        }

        builder.HasOne(p => p.LeadOfficer).WithMany().HasForeignKey(p => p.LeadOfficerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.Actions).WithOne(a => a.Priority).HasForeignKey(a => a.PriorityId);
        builder.HasIndex(p => new { p.EditionId, p.SortOrder });
    }
}

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> builder)
    {
        builder.ToTable("Actions");
        builder.Property(a => a.Number).HasMaxLength(20);
        builder.Property(a => a.Text).HasMaxLength(FieldLengths.Text);
        builder.Property(a => a.LeadAgency).HasMaxLength(FieldLengths.Text);
        builder.Property(a => a.OtherPartners).HasMaxLength(FieldLengths.Text);
        builder.Property(a => a.CrossReferenceText).HasMaxLength(FieldLengths.Text);
        builder.Property(a => a.CrossReferenceActionNumber).HasMaxLength(20);
        builder.Property(a => a.Note).HasMaxLength(FieldLengths.Text);
        builder.HasOne(a => a.Body).WithMany().HasForeignKey(a => a.BodyId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.LeadOfficer).WithMany().HasForeignKey(a => a.LeadOfficerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Milestones).WithOne(m => m.Action).HasForeignKey(m => m.ActionId);
        builder.HasIndex(a => new { a.PriorityId, a.SortOrder });
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(m => m.Code).HasMaxLength(20);
        builder.Property(m => m.Text).HasMaxLength(FieldLengths.Text);
        builder.Property(m => m.Lead).HasMaxLength(FieldLengths.Text);
        builder.Property(m => m.Measurement).HasMaxLength(FieldLengths.Text);
        builder.Property(m => m.Source).HasMaxLength(FieldLengths.Text);
        builder.Property(m => m.Target).HasMaxLength(FieldLengths.Text);
        builder.Property(m => m.DueQuarters).HasMaxLength(FieldLengths.Name);
        builder.HasOne(m => m.LeadOfficer).WithMany().HasForeignKey(m => m.LeadOfficerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.ActionId, m.SortOrder });
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
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.Property(t => t.TokenHash).HasMaxLength(64);
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
