using SaferPlan.Monitoring.Updates;

namespace SaferPlan.Monitoring.Reminders;

public sealed record CompletenessLineDto(string Name, int Expected, int Submitted, int Accepted, int Returned, int Missing)
{
    public static CompletenessLineDto From(CompletenessLine l) => new(l.Name, l.Expected, l.Submitted, l.Accepted, l.Returned, l.Missing);
}

public sealed record MissingUpdateDto(int MilestoneId, string Code, string? Responsible, string? State);

public sealed record CompletenessDto(
    string Period, RoundDto? Round, CompletenessLineDto Total, IReadOnlyList<CompletenessLineDto> ByPriority,
    IReadOnlyList<CompletenessLineDto> ByAgency, IReadOnlyList<CompletenessLineDto> ByLead, IReadOnlyList<MissingUpdateDto> NotReported)
{
    public static CompletenessDto From(Completeness c) => new(
        c.Period.Slug, RoundDto.From(c.Round), CompletenessLineDto.From(c.Total),
        c.ByPriority.Select(CompletenessLineDto.From).ToList(), c.ByAgency.Select(CompletenessLineDto.From).ToList(),
        c.ByLead.Select(CompletenessLineDto.From).ToList(),
        c.NotReported.Select(s => new MissingUpdateDto(s.Milestone.Id, s.Milestone.Code, s.Responsible?.Name, s.Current?.State.ToString())).ToList());
}

/// <summary>A quarter's publication: whether visitors see it, who published it and when, and any withdrawal.</summary>
public sealed record PublicationDto(int? Id, string Period, bool Published, DateTimeOffset? PublishedAt, string? PublishedBy, DateTimeOffset? WithdrawnAt, string? WithdrawnBy, int Version)
{
    public static PublicationDto From(ReportingPeriod period, QuarterPublication? p) => p is null
        ? new(null, period.Slug, false, null, null, null, null, 0)
        : new(p.Id, p.Period.Slug, p.IsPublished, p.PublishedAt, p.PublishedBy, p.WithdrawnAt, p.WithdrawnBy, p.Version);
}

/// <summary>The JSON API for who has reported in a quarter, and the quarter's publication once review is done.</summary>
public static class CompletenessEndpoints
{
    public static void MapCompleteness(RouteGroupBuilder api, RouteGroupBuilder writes)
    {
        api.MapGet("/partnerships/{slug}/periods/{period}/completeness", CompletenessAsync);

        const string publication = "/partnerships/{slug}/periods/{period}/publication";
        api.MapGet(publication, PublicationAsync)
            .WithSummary("Whether a quarter's Board report is published, by whom and when, and whether it was withdrawn.");
        writes.MapPost(publication, (string slug, ReportingPeriod period, PlanReader reader, PublicationService publications, CurrentUser current, CancellationToken ct) =>
                DecideAsync(slug, period, publish: true, reader, publications, current, ct))
            .WithSummary("Publishes a quarter's Board report when review is done: visitors then see its accepted updates and its public report.");
        writes.MapDelete(publication, (string slug, ReportingPeriod period, PlanReader reader, PublicationService publications, CurrentUser current, CancellationToken ct) =>
                DecideAsync(slug, period, publish: false, reader, publications, current, ct))
            .WithSummary("Withdraws a quarter's publication: visitors see the last quarter still published instead.");
    }

    private static async Task<Results<Ok<CompletenessDto>, ProblemHttpResult>> CompletenessAsync(
        string slug, ReportingPeriod period, PlanReader reader, UpdateService updates, CurrentUser current, CancellationToken ct)
    {
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
                : ApiErrors.SignInRequired();
        }

        return TypedResults.Ok(CompletenessDto.From(await updates.CompletenessAsync(partnership.Id, period, user, ct)));
    }

    private static async Task<Results<Ok<PublicationDto>, ProblemHttpResult>> PublicationAsync(
        string slug, ReportingPeriod period, PlanReader reader, PublicationService publications, CancellationToken ct) =>
        await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership
            ? ApiErrors.NotFound($"There is no partnership '{slug}'.")
            : TypedResults.Ok(PublicationDto.From(period, await publications.PublicationAsync(partnership.Id, period, ct)));

    private static async Task<Results<Ok<PublicationDto>, ProblemHttpResult>> DecideAsync(
        string slug, ReportingPeriod period, bool publish, PlanReader reader, PublicationService publications, CurrentUser current, CancellationToken ct)
    {
        if (await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership)
        {
            return ApiErrors.NotFound($"There is no partnership '{slug}'.");
        }

        var user = await current.GetAsync();
        var result = publish
            ? await publications.PublishAsync(partnership.Id, period, user, ct)
            : await publications.WithdrawAsync(partnership.Id, period, user, ct);
        return result.Succeeded ? TypedResults.Ok(PublicationDto.From(period, result.Value)) : ApiErrors.From(result);
    }
}
