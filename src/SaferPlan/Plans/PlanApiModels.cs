namespace SaferPlan.Plans;

public sealed record PartnershipSummary(string Slug, string Name, string ShortName, string Area)
{
    public static PartnershipSummary From(Partnership p) => new(p.Slug, p.Name, p.ShortName, p.Area);
}

public sealed record EditionSummary(int Id, string Year, string? Label, string Title, EditionStatus Status, DateOnly? ApprovedOn);

public sealed record PlanSummary(int Id, string Title, int StartYear, int EndYear, IReadOnlyList<EditionSummary> Editions)
{
    public static PlanSummary From(Plan p) => new(p.Id, p.Title, p.StartYear, p.EndYear,
        p.Editions.Select(e => new EditionSummary(e.Id, e.Year.Display, e.Label, e.Title, e.Status, e.ApprovedOn)).ToList());
}

public sealed record PersonRef(int Id, string Name)
{
    public static PersonRef? From(Person? p) => p is null ? null : new PersonRef(p.Id, p.Name);
}

public sealed record BodyRef(int Id, string Name);

public sealed record CrossReferenceDto(string? Text, int? PriorityNumber, string? ActionNumber);

public sealed record MilestoneDto(
    int Id, int ActionId, string Code, string Text, string? Lead, PersonRef? LeadOfficer, MeasurementKind MeasurementKind,
    string? Measurement, string? Source, string? Target, IReadOnlyList<string> DueQuarters, ProtectiveMarking Marking, int Version, int? OriginId)
{
    public static MilestoneDto From(Milestone m) => new(
        m.Id, m.ActionId, m.Code, m.Text, m.Lead, PersonRef.From(m.LeadOfficer), m.MeasurementKind, m.Measurement, m.Source, m.Target,
        (m.DueQuarters ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries), m.Marking, m.Version, m.OriginId);
}

public sealed record ActionDto(
    int Id, int PriorityId, string Number, string Text, string? LeadAgency, string? OtherPartners, BodyRef? Body, PersonRef? LeadOfficer,
    CrossReferenceDto? CrossReference, string? Note, ProtectiveMarking Marking, int Version, IReadOnlyList<MilestoneDto> Milestones, int? OriginId)
{
    public static ActionDto From(PlanAction a) => new(
        a.Id, a.PriorityId, a.Number, a.Text, a.LeadAgency, a.OtherPartners, a.Body is null ? null : new BodyRef(a.Body.Id, a.Body.Name),
        PersonRef.From(a.LeadOfficer),
        a.CrossReferenceText is null && a.CrossReferencePriorityNumber is null && a.CrossReferenceActionNumber is null
            ? null
            : new CrossReferenceDto(a.CrossReferenceText, a.CrossReferencePriorityNumber, a.CrossReferenceActionNumber),
        a.Note, a.Marking, a.Version, a.Milestones.Select(MilestoneDto.From).ToList(), a.OriginId);
}

public sealed record PriorityDto(
    int Id, int EditionId, int Number, PriorityKind Kind, string Title, string? Why, string? WhatWeWillDo, string? Approach,
    string? MeasuringSuccess, string? DataUsed, PersonRef? LeadOfficer, ProtectiveMarking Marking, int Version, IReadOnlyList<ActionDto> Actions,
    IReadOnlyList<int> OriginIds)
{
    public static PriorityDto From(Priority p) => new(
        p.Id, p.EditionId, p.Number, p.Kind, p.Title, p.Why, p.WhatWeWillDo, p.Approach, p.MeasuringSuccess, p.DataUsed,
        PersonRef.From(p.LeadOfficer), p.Marking, p.Version, p.Actions.Select(ActionDto.From).ToList(), p.Origins.Select(o => o.OriginId).Order().ToList());
}

public sealed record SectionDto(int Id, string Key, string Title, string Body, SectionPlacement Placement, ProtectiveMarking Marking);

public sealed record GlossaryEntryDto(string Term, string Definition);

public sealed record EditionDto(
    int Id, int PlanId, string Partnership, string PlanTitle, string Year, string? Label, string Title, EditionStatus Status,
    DateOnly? ApprovedOn, string? ApprovedBy, string? ApprovalMinute, int? PreviousEditionId, int Version, IReadOnlyList<SectionDto> Sections, IReadOnlyList<GlossaryEntryDto> Glossary,
    IReadOnlyList<PriorityDto> Priorities)
{
    public static EditionDto From(EditionView v) => new(
        v.Edition.Id, v.Plan.Id, v.Partnership.Slug, v.Plan.Title, v.Edition.Year.Display, v.Edition.Label, v.Edition.Title,
        v.Edition.Status, v.Edition.ApprovedOn, v.Edition.ApprovedBy, v.Edition.ApprovalMinute, v.Edition.PreviousEditionId, v.Edition.Version,
        v.Sections.Select(s => new SectionDto(s.Id, s.Key, s.Title, s.Body, s.Placement, s.Marking)).ToList(),
        v.Glossary.Select(g => new GlossaryEntryDto(g.Term, g.Definition)).ToList(),
        v.Priorities.Select(PriorityDto.From).ToList());
}

/// <summary>A new plan: its title, the years of its first and last April, and the first edition's version label (optional).</summary>
/// <summary>An edition's new title and version label (blank for none), with the version read.</summary>
public sealed record EditionNameRequest(string? Title, string? Label, int? Version);

public sealed record PlanRequest(string? Title, int? StartYear, int? EndYear, string? EditionLabel);

/// <summary>
/// The decision approving an edition: its date, the body (the partnership's Board when left out) and the minute reference;
/// <c>version</c> (or If-Match), when sent, must be the edition's version you read.
/// </summary>
/// <summary>The Board's approval: <c>label</c> left out keeps the edition's version label, blank clears it, text replaces it.</summary>
public sealed record ApprovalRequest(DateOnly? DecidedOn, string? Body, string? Minute, int? Version, string? Label = null);

/// <summary>The next year's edition: <c>year</c> like "2011-12" (the year after when left out), each priority's fate, and whether to carry finished milestones.</summary>
public sealed record NextEditionRequest(string? Year, IReadOnlyList<PriorityChoiceRequest>? Priorities, bool CarryFinished = false);

/// <summary>A priority's fate at the refresh: Carry (the default), Drop, or Merge <c>into</c> another priority of the same edition.</summary>
public sealed record PriorityChoiceRequest(int Id, PriorityFate Fate, int? Into);

/// <summary>A change made to an approved edition: which item, which fields, who, when and why.</summary>
public sealed record AmendmentDto(
    int Id, string ItemKind, int ItemId, string ItemReference, string Changes, string Reason, ProtectiveMarking Marking, string AmendedBy,
    DateTimeOffset AmendedAt)
{
    public static AmendmentDto From(Amendment a) =>
        new(a.Id, a.ItemKind.ToString(), a.ItemId, a.ItemReference, a.Changes, a.Reason, a.Marking, a.AmendedBy, a.AmendedAt);
}

/// <summary>A priority as sent to the API; <c>version</c> is the one you read (or send it in If-Match).</summary>
public sealed record PriorityRequest(
    int? Number, string? Title, PriorityKind? Kind, string? Why, string? WhatWeWillDo, string? Approach, string? MeasuringSuccess,
    string? DataUsed, int? LeadOfficerId, ProtectiveMarking? Marking, int? Version, string? AmendmentReason = null)
{
    public PriorityInput ToInput() => new()
    {
        Number = Number, Title = Title, Kind = Kind ?? PriorityKind.Priority, Why = Why, WhatWeWillDo = WhatWeWillDo, Approach = Approach,
        MeasuringSuccess = MeasuringSuccess, DataUsed = DataUsed, LeadOfficerId = LeadOfficerId, Marking = Marking ?? ProtectiveMarking.Official,
        AmendmentReason = AmendmentReason,
    };
}

public sealed record ActionRequest(
    string? Number, string? Text, string? LeadAgency, string? OtherPartners, int? BodyId, int? LeadOfficerId, string? CrossReferenceText,
    int? CrossReferencePriorityNumber, string? CrossReferenceActionNumber, string? Note, ProtectiveMarking? Marking, int? PriorityId, int? Version,
    string? AmendmentReason = null)
{
    public ActionInput ToInput() => new()
    {
        Number = Number, Text = Text, LeadAgency = LeadAgency, OtherPartners = OtherPartners, BodyId = BodyId, LeadOfficerId = LeadOfficerId,
        CrossReferenceText = CrossReferenceText, CrossReferencePriorityNumber = CrossReferencePriorityNumber,
        CrossReferenceActionNumber = CrossReferenceActionNumber, Note = Note, Marking = Marking ?? ProtectiveMarking.Official, PriorityId = PriorityId,
        AmendmentReason = AmendmentReason,
    };
}

public sealed record MilestoneRequest(
    string? Code, string? Text, string? Lead, int? LeadOfficerId, MeasurementKind? MeasurementKind, string? Measurement, string? Source,
    string? Target, IReadOnlyList<string>? DueQuarters, ProtectiveMarking? Marking, int? ActionId, int? Version, string? AmendmentReason = null)
{
    public MilestoneInput ToInput() => new()
    {
        Code = Code, Text = Text, Lead = Lead, LeadOfficerId = LeadOfficerId, MeasurementKind = MeasurementKind ?? Core.Plans.MeasurementKind.Text,
        Measurement = Measurement, Source = Source, Target = Target, DueQuarters = DueQuarters is null ? null : string.Join(',', DueQuarters),
        Marking = Marking ?? ProtectiveMarking.Official, ActionId = ActionId, AmendmentReason = AmendmentReason,
    };
}
