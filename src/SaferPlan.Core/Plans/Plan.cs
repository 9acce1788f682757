namespace SaferPlan.Core.Plans;

/// <summary>A three-year community safety plan, refreshed each year as a new edition.</summary>
public sealed class Plan : IAudited
{
    public int Id { get; set; }

    public int PartnershipId { get; set; }

    public Partnership Partnership { get; set; } = null!;

    public required string Title { get; set; }

    public int StartYear { get; set; }

    public int EndYear { get; set; }

    public List<PlanEdition> Editions { get; set; } = [];

    public string Span => $"{StartYear}–{EndYear}";
}

/// <summary>One year's edition of a plan (the 2010/11 refresh), from draft to approval.</summary>
public sealed class PlanEdition : VersionedEntity
{
    public int PlanId { get; set; }

    public Plan Plan { get; set; } = null!;

    /// <summary>The calendar year the edition's financial year starts in (2010 for 2010/11).</summary>
    public int YearStart { get; set; }

    /// <summary>
    /// How the partnership names this version ("DRAFT.V3", "2012/2013 Update"); null when it gives none. It never stands in
    /// for the edition's standing, which is <see cref="Status"/> (a label does not change when the edition is approved).
    /// </summary>
    public string? Label { get; set; }

    public required string Title { get; set; }

    public EditionStatus Status { get; set; }

    public DateOnly? ApprovedOn { get; set; }

    /// <summary>The edition this one was refreshed from; null for a plan's first edition.</summary>
    public int? PreviousEditionId { get; set; }

    /// <summary>The body whose decision approved the edition ("South Cambridgeshire CDRP Board").</summary>
    public string? ApprovedBy { get; set; }

    /// <summary>The minute that records the decision, as the body numbers its minutes.</summary>
    public string? ApprovalMinute { get; set; }

    public List<Priority> Priorities { get; set; } = [];

    public List<PlanSection> Sections { get; set; } = [];

    public List<GlossaryEntry> Glossary { get; set; } = [];

    public Periods.ReportingPeriod Year => Periods.ReportingPeriod.Year(YearStart);

    /// <summary>
    /// Approved editions are published, and stay published when a later edition supersedes them (as the public plan
    /// document of a superseded edition says, "since superseded by a later edition"); visitors never see drafts or
    /// editions out for comments.
    /// </summary>
    public bool IsPublished => Status is EditionStatus.Approved or EditionStatus.Superseded;

    /// <summary>"DRAFT.V3, Approved", or the status alone for an edition without a label: how lists name an edition's version.</summary>
    public static string LabelAndStatus(string? label, EditionStatus status) => label is null ? status.ToString() : $"{label}, {status}";
}

/// <summary>Queries of editions the database answers.</summary>
public static class EditionQueries
{
    /// <summary>The published editions (approved or superseded), as <see cref="PlanEdition.IsPublished"/> says of one in hand.</summary>
    public static IQueryable<PlanEdition> Published(this IQueryable<PlanEdition> editions) =>
        editions.Where(e => e.Status == EditionStatus.Approved || e.Status == EditionStatus.Superseded);
}

public sealed class Priority : VersionedEntity, ISorted
{
    public int EditionId { get; set; }

    public PlanEdition Edition { get; set; } = null!;

    public int Number { get; set; }

    public int SortOrder { get; set; }

    public PriorityKind Kind { get; set; }

    public required string Title { get; set; }

    public string? Why { get; set; }

    public string? WhatWeWillDo { get; set; }

    public string? Approach { get; set; }

    public string? MeasuringSuccess { get; set; }

    public string? DataUsed { get; set; }

    public int? LeadOfficerId { get; set; }

    public Person? LeadOfficer { get; set; }

    public ProtectiveMarking Marking { get; set; }

    public List<PlanAction> Actions { get; set; } = [];

    /// <summary>The priorities of the previous edition this one came from: one when carried forward, several when merged.</summary>
    public List<PriorityOrigin> Origins { get; set; } = [];
}

/// <summary>A priority of the previous edition that a refreshed priority came from, so its history can be followed across years.</summary>
public sealed class PriorityOrigin : IAudited
{
    public int Id { get; set; }

    public int PriorityId { get; set; }

    public int OriginId { get; set; }

    public Priority Origin { get; set; } = null!;
}

public sealed class PlanAction : VersionedEntity, ISorted
{
    public int PriorityId { get; set; }

    public Priority Priority { get; set; } = null!;

    /// <summary>"1.3": the priority's number, a dot, and the action's place.</summary>
    public required string Number { get; set; }

    public int SortOrder { get; set; }

    public required string Text { get; set; }

    public string? LeadAgency { get; set; }

    public string? OtherPartners { get; set; }

    public int? BodyId { get; set; }

    public Body? Body { get; set; }

    public int? LeadOfficerId { get; set; }

    public Person? LeadOfficer { get; set; }

    /// <summary>Wording such as "See Priority 2 Action Plan for more information".</summary>
    public string? CrossReferenceText { get; set; }

    public int? CrossReferencePriorityNumber { get; set; }

    public string? CrossReferenceActionNumber { get; set; }

    public string? Note { get; set; }

    public ProtectiveMarking Marking { get; set; }

    public List<Milestone> Milestones { get; set; } = [];

    /// <summary>The action of the previous edition this one was carried forward from.</summary>
    public int? OriginId { get; set; }
}

public sealed class Milestone : VersionedEntity, ISorted
{
    public int ActionId { get; set; }

    public PlanAction Action { get; set; } = null!;

    /// <summary>"1.3a": the action's number and a letter.</summary>
    public required string Code { get; set; }

    public int SortOrder { get; set; }

    public required string Text { get; set; }

    /// <summary>The milestone's own lead where it differs from the action's.</summary>
    public string? Lead { get; set; }

    public int? LeadOfficerId { get; set; }

    public Person? LeadOfficer { get; set; }

    public MeasurementKind MeasurementKind { get; set; } = MeasurementKind.Text;

    /// <summary>The milestone of the previous edition this one was carried forward from.</summary>
    public int? OriginId { get; set; }

    /// <summary>How it is measured, in the plan's words: "yes or no", "total cases actioned".</summary>
    public string? Measurement { get; set; }

    /// <summary>Where the figure comes from: a person, "Lead Agency", the performance system.</summary>
    public string? Source { get; set; }

    public string? Target { get; set; }

    /// <summary>Quarters the milestone is due, as period slugs separated by commas ("2010-11-q2,2010-11-q4").</summary>
    public string? DueQuarters { get; set; }

    public ProtectiveMarking Marking { get; set; }
}

/// <summary>A free section of the plan: the introduction, how the partnership works, funding.</summary>
public sealed class PlanSection : VersionedEntity
{
    public int EditionId { get; set; }

    public required string Key { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public SectionPlacement Placement { get; set; }

    public int SortOrder { get; set; }

    public ProtectiveMarking Marking { get; set; }
}

public sealed class GlossaryEntry : VersionedEntity
{
    public int EditionId { get; set; }

    public required string Term { get; set; }

    public required string Definition { get; set; }

    public int SortOrder { get; set; }

    public ProtectiveMarking Marking { get; set; }
}

/// <summary>A priority, action or milestone: shown in its own order among its siblings, which the editor can swap.</summary>
public interface ISorted
{
    int SortOrder { get; set; }
}
