using SaferPlan.Accounts;
using SaferPlan.Api;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Plans;

namespace SaferPlan.Auditing;

public sealed record AuditEntryDto(long Id, string Entity, int EntityId, AuditAction Action, string Actor, DateTimeOffset OccurredAt, IReadOnlyList<FieldChange> Changes)
{
    public static AuditEntryDto From(AuditRecord r) => new(r.Id, r.EntityType, r.EntityId, r.Action, r.Actor, r.OccurredAt, r.Changes);
}

public static class AuditEndpoints
{
    public static readonly string[] Entities =
    [
        "Partnership", "Plan", "PlanEdition", "Priority", "PlanAction", "Milestone", "PlanSection", "GlossaryEntry", "Membership",
        "MilestoneUpdate", "CollectionRound", "TaskGroupReport", "FigureTable", "PartnerBriefing", "UpdateLink", "QuarterPublication",
    ];

    public static void MapAuditEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit", async Task<IResult> (string? entity, int? id, AuditReader audit, PlanReader plans, CurrentUser current, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(entity) || !Entities.Contains(entity))
            {
                return ApiErrors.BadRequest($"Give the entity as ?entity=, one of: {string.Join(", ", Entities)}.");
            }

            if (id is not { } entityId)
            {
                return ApiErrors.BadRequest("Give the item's id as ?id=.");
            }

            var partnershipId = await plans.PartnershipOfAsync(entity, entityId, ct) ?? await audit.RecordedPartnershipAsync(entity, entityId, ct);
            if (!Permissions.CanReadAudit(await current.GetAsync(), partnershipId))
            {
                return ApiErrors.NotFound($"There is no history you can see for {entity} {entityId}. Members of the partnership can read its history with a bearer token.");
            }

            return TypedResults.Ok((await audit.HistoryAsync(entity, entityId, ct)).Select(AuditEntryDto.From).ToList());
        }).WithTags("Audit");
}
