using SaferPlan.Accounts;
using SaferPlan.Api;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Periods;
using SaferPlan.Core.Plans;

namespace SaferPlan.Monitoring;

/// <summary>The JSON API for quarterly updates and collection rounds.</summary>
public static class MonitoringEndpoints
{
    public static void MapMonitoringEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Monitoring");
        var writes = api.MapGroup("").RequireAuthorization();

        api.MapGet("/milestones/{id:int}/updates", async Task<IResult> (int id, PlanReader reader, UpdateService updates, CurrentUser current, CancellationToken ct) =>
        {
            var user = await current.GetAsync();
            if (await reader.MilestoneAsync(id, user, ct) is not { } found)
            {
                return ApiErrors.NotFound($"There is no milestone {id}.");
            }

            var history = await updates.HistoryAsync(id, found.PartnershipId, user, ct);
            return TypedResults.Ok(history.Select(u => MilestoneUpdateDto.From(u, found.Milestone.MeasurementKind)).ToList());
        });

        api.MapGet("/milestones/{id:int}/updates/{period}", async Task<IResult> (int id, string period, PlanReader reader, UpdateService updates, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            if (!ReportingPeriod.TryParse(period, out var p))
            {
                return BadPeriod(period);
            }

            var user = await current.GetAsync();
            if (await reader.MilestoneAsync(id, user, ct) is not { } found)
            {
                return ApiErrors.NotFound($"There is no milestone {id}.");
            }

            var update = (await updates.HistoryAsync(id, found.PartnershipId, user, ct)).FirstOrDefault(u => u.Period == p);
            if (update is null)
            {
                return ApiErrors.NotFound($"Milestone {found.Milestone.Code} has no update for {p.Display} yet.");
            }

            http.Response.Headers.ETag = $"\"{update.Version}\"";
            return TypedResults.Ok(MilestoneUpdateDto.From(update, found.Milestone.MeasurementKind));
        });

        writes.MapPut("/milestones/{id:int}/updates/{period}", async Task<IResult> (int id, string period, MilestoneUpdateRequest body, PlanReader reader, UpdateService updates, CurrentUser current, HttpContext http, CancellationToken ct) =>
        {
            if (!ReportingPeriod.TryParse(period, out var p))
            {
                return BadPeriod(period);
            }

            if (ExpectedVersion.Read(http, body.Version) is not { } version)
            {
                return ApiErrors.VersionRequired("Send the version you read in If-Match or as \"version\" in the body; send version 0 for a milestone's first update in a quarter.");
            }

            var user = await current.GetAsync();
            var result = await updates.SaveAsync(id, p, body.ToInput(), version.Value, user, ct);
            if (!result.Succeeded)
            {
                return version.Problem(result);
            }

            var kind = (await reader.MilestoneAsync(id, user, ct))!.Value.Milestone.MeasurementKind;
            http.Response.Headers.ETag = $"\"{result.Value!.Version}\"";
            return TypedResults.Ok(MilestoneUpdateDto.From(result.Value, kind));
        });

        writes.MapPost("/updates/{id:int}/review", async Task<IResult> (int id, ReviewRequest body, UpdateService updates, CurrentUser current, CancellationToken ct) =>
        {
            if (body.Version is not { } version)
            {
                return ApiErrors.VersionRequired("Send the update's version you read as \"version\".");
            }

            var result = await updates.ReviewAsync(id, body.Accept, body.Comment, version, await current.GetAsync(), ct);
            return result.Succeeded
                ? TypedResults.Ok(new { result.Value!.Id, State = result.Value.State, result.Value.Version })
                : ApiErrors.From(result);
        });

        api.MapGet("/partnerships/{slug}/periods/{period}/completeness", async Task<IResult> (string slug, string period, PlanReader reader, UpdateService updates, CurrentUser current, CancellationToken ct) =>
        {
            if (!ReportingPeriod.TryParse(period, out var p) || p.IsWholeYear)
            {
                return BadPeriod(period);
            }

            var partnership = await reader.PartnershipBySlugAsync(slug, ct);
            var user = await current.GetAsync();
            if (partnership is null)
            {
                return ApiErrors.NotFound($"There is no partnership '{slug}'.");
            }

            if (!Permissions.CanSeeUnpublished(user, partnership.Id))
            {
                return user.IsSignedIn
                    ? ApiErrors.Problem(StatusCodes.Status403Forbidden, "Not allowed", "Only members of the partnership can see who has reported.")
                    : ApiErrors.Problem(StatusCodes.Status401Unauthorized, "Sign in required", "Send a bearer token from 'saferplan tokens create'.");
            }

            return TypedResults.Ok(CompletenessDto.From(await updates.CompletenessAsync(partnership.Id, p, user, ct)));
        });

        MapPublication(api, writes);

        writes.MapPost("/partnerships/{slug}/periods/{period}/round", async Task<IResult> (string slug, string period, RoundRequest body, PlanReader reader, UpdateService updates, CurrentUser current, CancellationToken ct) =>
        {
            if (!ReportingPeriod.TryParse(period, out var p))
            {
                return BadPeriod(period);
            }

            if (await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership)
            {
                return ApiErrors.NotFound($"There is no partnership '{slug}'.");
            }

            var result = await updates.OpenRoundAsync(partnership.Id, p, body.Deadline, body.LockOn, await current.GetAsync(), ct);
            return result.Succeeded ? TypedResults.Ok(RoundDto.From(result.Value)) : ApiErrors.From(result);
        });
    }

    /// <summary>A quarter's publication: anyone may ask whether it is published; support officers publish and withdraw it.</summary>
    private static void MapPublication(RouteGroupBuilder api, RouteGroupBuilder writes)
    {
        const string path = "/partnerships/{slug}/periods/{period}/publication";
        api.MapGet(path, async Task<IResult> (string slug, string period, PlanReader reader, PublicationService publications, CancellationToken ct) =>
        {
            if (!ReportingPeriod.TryParse(period, out var p) || p.IsWholeYear)
            {
                return BadPeriod(period);
            }

            if (await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership)
            {
                return ApiErrors.NotFound($"There is no partnership '{slug}'.");
            }

            return TypedResults.Ok(PublicationDto.From(p, await publications.PublicationAsync(partnership.Id, p, ct)));
        })
        .WithSummary("Whether a quarter's Board report is published, by whom and when, and whether it was withdrawn.");

        writes.MapPost(path, (string slug, string period, PlanReader reader, PublicationService publications, CurrentUser current, CancellationToken ct) =>
            DecideAsync(slug, period, publish: true, reader, publications, current, ct))
        .WithSummary("Publishes a quarter's Board report when review is done: visitors then see its accepted updates and its public report.");

        writes.MapDelete(path, (string slug, string period, PlanReader reader, PublicationService publications, CurrentUser current, CancellationToken ct) =>
            DecideAsync(slug, period, publish: false, reader, publications, current, ct))
        .WithSummary("Withdraws a quarter's publication: visitors see the last quarter still published instead.");
    }

    private static async Task<IResult> DecideAsync(string slug, string period, bool publish, PlanReader reader, PublicationService publications, CurrentUser current, CancellationToken ct)
    {
        if (!ReportingPeriod.TryParse(period, out var p) || p.IsWholeYear)
        {
            return BadPeriod(period);
        }

        if (await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership)
        {
            return ApiErrors.NotFound($"There is no partnership '{slug}'.");
        }

        var user = await current.GetAsync();
        var result = publish
            ? await publications.PublishAsync(partnership.Id, p, user, ct)
            : await publications.WithdrawAsync(partnership.Id, p, user, ct);
        return result.Succeeded ? TypedResults.Ok(PublicationDto.From(p, result.Value)) : ApiErrors.From(result);
    }

    internal static IResult BadPeriod(string period) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["period"] = [$"'{period}' is not a reporting period: write a quarter like 2010-11-q4"] },
            detail: $"'{period}' is not a reporting period: write a quarter like 2010-11-q4",
            title: "Check what you sent");
}
