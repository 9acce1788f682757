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

public enum SectionPlacement
{
    BeforePriorities,
    AfterPriorities,
}
