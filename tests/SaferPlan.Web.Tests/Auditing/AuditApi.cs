namespace SaferPlan.Web.Tests.Auditing;

// The audit API's JSON as its tests read it: the tests' own description of the documented contract (see PlanApi.Contract).

/// <summary>One entry of GET /api/audit, newest first: who did what to which item, field by field.</summary>
internal sealed record AuditEntryJson(long Id, string Entity, int EntityId, string Action, string Actor, DateTimeOffset OccurredAt, IReadOnlyList<FieldChangeJson> Changes);

internal sealed record FieldChangeJson(string Field, string? Old, string? New);

/// <summary>GET /api/partnerships/{slug}/audit: a page of the partnership's trail, newest first.</summary>
internal sealed record AuditTrailJson(int Total, int Page, int Pages, IReadOnlyList<string> Kinds, IReadOnlyList<AuditTrailEntryJson> Entries);

/// <summary>An entry of the trail: as <see cref="AuditEntryJson"/>, with whom an account role concerns.</summary>
internal sealed record AuditTrailEntryJson(long Id, string Entity, int EntityId, string Action, string Actor, IReadOnlyList<FieldChangeJson> Changes, string? Subject);
