using SaferPlan.Monitoring.TaskGroupReports;

namespace SaferPlan.Monitoring.Briefings;

public sealed record BriefingDto(
    int Id, string Period, string Title, string? FromName, DateOnly? IssuedOn, string? Purpose, string? Background, string? Sections,
    string? FiguresTitle, IReadOnlyList<FigureValue> Figures, string? Risks, string? Recommendations, ProtectiveMarking Marking, int Version, string? ToLine)
{
    public static BriefingDto From(PartnerBriefing b) => new(
        b.Id, b.Period.Slug, b.Title, b.FromName, b.IssuedOn, b.Purpose, b.Background, b.Sections, b.FiguresTitle, FigureJson.Values(b), b.Risks, b.Recommendations, b.Marking, b.Version, b.ToLine);
}

public sealed record BriefingRequest(
    string? Period, string? Title, string? FromName, DateOnly? IssuedOn, string? Purpose, string? Background, string? Sections,
    string? FiguresTitle, IReadOnlyList<FigureValue>? Figures, string? Risks, string? Recommendations, ProtectiveMarking? Marking, int? Version, string? ToLine = null)
{
    public BriefingInput ToInput() => new()
    {
        Title = Title, ToLine = ToLine, FromName = FromName, IssuedOn = IssuedOn, Purpose = Purpose, Background = Background, Sections = Sections,
        FiguresTitle = FiguresTitle, Figures = Figures, Risks = Risks, Recommendations = Recommendations, Marking = Marking ?? ProtectiveMarking.Official,
    };
}

/// <summary>The JSON API for partner briefings: written once by a county-wide body, shared into each partnership it serves.</summary>
public static class BriefingEndpoints
{
    public static void MapBriefings(RouteGroupBuilder api)
    {
        api.MapPost("/bodies/{key}/briefings", AddAsync);
        api.MapPut("/bodies/{key}/briefings/{id:int}", SaveAsync);
        api.MapGet("/partnerships/{slug}/periods/{period}/briefings", ListAsync);
    }

    private static async Task<Results<Created<BriefingDto>, ProblemHttpResult>> AddAsync(string key, BriefingRequest body, TaskGroupReportService reports, CurrentUser current, HttpContext http, CancellationToken ct)
    {
        if (RoutePeriods.Quarter(body.Period) is not { } period)
        {
            return RoutePeriods.BadPeriod(body.Period ?? "");
        }

        return await EditResponses.Created(http, await reports.SaveBriefingAsync(key, period, null, body.ToInput(), 0, await current.GetAsync(), ct),
            b => $"/api/bodies/{key}/briefings/{b.Id}", BriefingDto.From);
    }

    private static async Task<Results<Ok<BriefingDto>, ProblemHttpResult>> SaveAsync(
        string key, int id, BriefingRequest body, TaskGroupReportService reports, CurrentUser current, CancellationToken ct)
    {
        if (body.Version is not { } version)
        {
            return ApiErrors.VersionRequired("Send the briefing's version you read as \"version\".");
        }

        // A new briefing starts at Official; a change must say its marking, or a Restricted briefing would be shared as Official.
        if (body.Marking is null)
        {
            var user = await current.GetAsync();
            return await reports.BodyAsync(key, ct) is { } found && Permissions.CanReadBriefings(user, found.Partnerships.Select(p => p.Id))
                && await reports.BriefingAsync(found.Id, id, ct) is not null
                ? ApiErrors.MarkingRequired()
                : ApiErrors.NotFound($"There is no briefing {id} of '{key}'.");
        }

        var result = await reports.SaveBriefingAsync(key, default, id, body.ToInput(), version, await current.GetAsync(), ct);
        return result.Succeeded ? TypedResults.Ok(BriefingDto.From(result.Value!)) : ApiErrors.From(result);
    }

    private static async Task<Results<Ok<List<BriefingDto>>, ProblemHttpResult>> ListAsync(
        string slug, ReportingPeriod period, PlanReader reader, TaskGroupReportService reports, CurrentUser current, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership || !Permissions.CanReadBriefings(user, [partnership.Id]))
        {
            return TaskGroupReportEndpoints.NoPartnership(slug);
        }

        return TypedResults.Ok((await reports.BriefingsAsync(partnership.Id, period, Permissions.CanSeeRestricted(user, partnership.Id), ct)).Select(BriefingDto.From).ToList());
    }
}
