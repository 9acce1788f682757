namespace SaferPlan.Api;

public static class ApiGroups
{
    /// <summary>
    /// A feature's API under <c>/api</c> with its OpenAPI tag: the group for reads (open; each handler decides what a
    /// visitor may see) and, inside it, the group for writes (signed in or a token; Permissions decides the rest).
    /// </summary>
    public static (RouteGroupBuilder Reads, RouteGroupBuilder Writes) MapApi(this IEndpointRouteBuilder app, string tag)
    {
        var reads = app.MapGroup("/api").WithTags(tag);
        return (reads, reads.MapGroup("").RequireAuthorization());
    }
}
