using SaferPlan.Core.Auditing;

namespace SaferPlan.Auditing;

/// <summary>One change: <c>subject</c> names whom an account role concerns (null for other items).</summary>
public sealed record AuditEntryDto(long Id, string Entity, int EntityId, AuditAction Action, string Actor, DateTimeOffset OccurredAt, IReadOnlyList<FieldChange> Changes, string? Subject)
{
    public static AuditEntryDto From(AuditRecord r) => new(r.Id, r.EntityType, r.EntityId, r.Action, r.Actor, r.OccurredAt, r.Changes, r.Subject);
}

/// <summary>A page of a partnership's audit trail, newest first: <c>kinds</c> lists the kinds of item it holds, for <c>?kind=</c>.</summary>
public sealed record AuditTrailDto(int Total, int Page, int Pages, IReadOnlyList<string> Kinds, IReadOnlyList<AuditEntryDto> Entries);

public static class AuditEndpoints
{
    public static void MapAudit(this IEndpointRouteBuilder app)
    {
        MapHistory(app);
        app.MapGet("/api/partnerships/{slug}/audit", async Task<Results<Ok<AuditTrailDto>, ProblemHttpResult>> (string slug, string? kind, int? page, AuditReader audit, PartnershipService partnerships, CurrentUser current, CancellationToken ct) =>
        {
            if (await partnerships.BySlugAsync(slug, ct) is not { } partnership)
            {
                return ApiErrors.NotFound($"There is no partnership '{slug}'.");
            }

            var user = await current.GetAsync();
            if (!Permissions.CanReadAuditTrail(user, partnership.Id))
            {
                return user.IsSignedIn
                    ? ApiErrors.Problem(StatusCodes.Status403Forbidden, "Not allowed", "Only the partnership's administrators and support officers can read its whole audit trail; members read an item's history at /api/audit?entity=&id=.")
                    : ApiErrors.SignInRequired();
            }

            string? name = null;
            if (kind is not null && (name = audit.EntityNamed(kind)) is null)
            {
                return ApiErrors.BadRequest($"Give the kind as ?kind=, one of: {string.Join(", ", audit.Entities())}.");
            }

            var trail = await audit.TrailAsync(partnership.Id, name, page ?? 1, Permissions.CanSeeEmailAddresses(user, partnership.Id), ct);
            return TypedResults.Ok(new AuditTrailDto(trail.Total, trail.Page, trail.Pages, trail.Kinds, trail.Entries.Select(AuditEntryDto.From).ToList()));
        }).WithTags("Audit");
    }

    private static void MapHistory(IEndpointRouteBuilder app) =>
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
