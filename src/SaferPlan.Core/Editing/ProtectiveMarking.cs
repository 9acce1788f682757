namespace SaferPlan.Core.Editing;

/// <summary>Government protective marking of a narrative item. Restricted content is never published.</summary>
public enum ProtectiveMarking
{
    Official,
    Restricted,
}
