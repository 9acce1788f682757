namespace SaferPlan.Core.Plans;

public enum EditionStatus
{
    Draft,
    Consultation,
    Approved,
    Superseded,
}

public enum PriorityKind
{
    Priority,
    Mainstreamed,
}

public enum MeasurementKind
{
    YesNo,
    Count,
    Percentage,
    Money,
    Text,
}

/// <summary>Government protective marking of a narrative item. Restricted content is never published.</summary>
public enum ProtectiveMarking
{
    Official,
    Restricted,
}

public enum SectionPlacement
{
    BeforePriorities,
    AfterPriorities,
}
