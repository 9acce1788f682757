namespace SaferPlan.Core.Plans;

public sealed record PriorityInput
{
    public int? Number { get; init; }

    public string? Title { get; init; }

    public PriorityKind Kind { get; init; } = PriorityKind.Priority;

    public string? Why { get; init; }

    public string? WhatWeWillDo { get; init; }

    public string? Approach { get; init; }

    public string? MeasuringSuccess { get; init; }

    public string? DataUsed { get; init; }

    public int? LeadOfficerId { get; init; }

    public ProtectiveMarking Marking { get; init; } = ProtectiveMarking.Official;

    /// <summary>Why an approved edition is being changed; needed for every change to one, and kept with the amendment.</summary>
    public string? AmendmentReason { get; init; }

    public static PriorityInput From(Priority p) => new()
    {
        Number = p.Number,
        Title = p.Title,
        Kind = p.Kind,
        Why = p.Why,
        WhatWeWillDo = p.WhatWeWillDo,
        Approach = p.Approach,
        MeasuringSuccess = p.MeasuringSuccess,
        DataUsed = p.DataUsed,
        LeadOfficerId = p.LeadOfficerId,
        Marking = p.Marking,
    };
}

public sealed record ActionInput
{
    /// <summary>Blank on create to take the next number under the priority.</summary>
    public string? Number { get; init; }

    public string? Text { get; init; }

    public string? LeadAgency { get; init; }

    public string? OtherPartners { get; init; }

    public int? BodyId { get; init; }

    public int? LeadOfficerId { get; init; }

    public string? CrossReferenceText { get; init; }

    public int? CrossReferencePriorityNumber { get; init; }

    public string? CrossReferenceActionNumber { get; init; }

    public string? Note { get; init; }

    public ProtectiveMarking Marking { get; init; } = ProtectiveMarking.Official;

    /// <summary>On update, a priority of the same edition to move the action to.</summary>
    public int? PriorityId { get; init; }

    /// <summary>Why an approved edition is being changed; needed for every change to one, and kept with the amendment.</summary>
    public string? AmendmentReason { get; init; }

    public static ActionInput From(PlanAction a) => new()
    {
        Number = a.Number,
        Text = a.Text,
        LeadAgency = a.LeadAgency,
        OtherPartners = a.OtherPartners,
        BodyId = a.BodyId,
        LeadOfficerId = a.LeadOfficerId,
        CrossReferenceText = a.CrossReferenceText,
        CrossReferencePriorityNumber = a.CrossReferencePriorityNumber,
        CrossReferenceActionNumber = a.CrossReferenceActionNumber,
        Note = a.Note,
        Marking = a.Marking,
        PriorityId = a.PriorityId,
    };
}

public sealed record MilestoneInput
{
    /// <summary>Blank on create to take the next letter under the action.</summary>
    public string? Code { get; init; }

    public string? Text { get; init; }

    public string? Lead { get; init; }

    public int? LeadOfficerId { get; init; }

    public MeasurementKind MeasurementKind { get; init; } = MeasurementKind.Text;

    public string? Measurement { get; init; }

    public string? Source { get; init; }

    public string? Target { get; init; }

    /// <summary>Quarters separated by commas, in either form: "2010/11 Q2, 2010-11-q4".</summary>
    public string? DueQuarters { get; init; }

    public ProtectiveMarking Marking { get; init; } = ProtectiveMarking.Official;

    /// <summary>On update, an action of the same edition to move the milestone to.</summary>
    public int? ActionId { get; init; }

    /// <summary>Why an approved edition is being changed; needed for every change to one, and kept with the amendment.</summary>
    public string? AmendmentReason { get; init; }

    public static MilestoneInput From(Milestone m) => new()
    {
        Code = m.Code,
        Text = m.Text,
        Lead = m.Lead,
        LeadOfficerId = m.LeadOfficerId,
        MeasurementKind = m.MeasurementKind,
        Measurement = m.Measurement,
        Source = m.Source,
        Target = m.Target,
        DueQuarters = m.DueQuarters,
        Marking = m.Marking,
        ActionId = m.ActionId,
    };
}

public enum MoveDirection
{
    Up,
    Down,
}
