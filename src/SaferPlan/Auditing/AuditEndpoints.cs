using SaferPlan.Core.Auditing;

namespace SaferPlan.Auditing;

public sealed record AuditEntryDto(long Id, string Entity, int EntityId, AuditAction Action, string Actor, DateTimeOffset OccurredAt, IReadOnlyList<FieldChange> Changes)
{
    public static AuditEntryDto From(AuditRecord r) => new(r.Id, r.EntityType, r.EntityId, r.Action, r.Actor, r.OccurredAt, r.Changes);
}

public static class AuditEndpoints
{
    public static void MapAudit(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit", async Task<Results<Ok<List<AuditEntryDto>>, ProblemHttpResult>> (string? entity, int? id, AuditReader audit, CurrentUser current, CancellationToken ct) =>
        {
            // Entity names are the audit trail's own ("IndicatorValue"), matched in any case so "milestone" works too.
            if (audit.EntityNamed(entity) is not { } name)
            {
                return ApiErrors.BadRequest($"Give the entity as ?entity=, one of: {string.Join(", ", audit.Entities())}.");
            }

            if (id is not { } entityId)
            {
                return ApiErrors.BadRequest("Give the item's id as ?id=.");
            }

            var user = await current.GetAsync();
            var scope = await audit.ScopeAsync(name, entityId, ct);
            if (!Permissions.CanReadAudit(user, scope))
            {
                return ApiErrors.NotFound($"There is no history you can see for {name} {entityId}. Members of the partnership can read its history with a bearer token.");
            }

            var withEmailAddresses = scope.PartnershipIds.Any(p => Permissions.CanSeeEmailAddresses(user, p));
            return TypedResults.Ok((await audit.HistoryAsync(name, entityId, withEmailAddresses, ct)).Select(AuditEntryDto.From).ToList());
        }).WithTags("Audit");
}
