using SaferPlan.Accounts;
using SaferPlan.Api;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Editing;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Plans;

namespace SaferPlan.Monitoring;

public sealed record FigureTableDto(string Title, IReadOnlyList<string> Columns, IReadOnlyList<FigureRow> Rows, IReadOnlyList<IReadOnlyList<decimal?>>? YearToDate, string? Note, ProtectiveMarking Marking)
{
    public static FigureTableDto From(FigureTableView v) => new(v.Table.Title, v.Columns, v.Rows, v.YearToDate, v.Table.Note, v.Table.Marking);
}

public sealed record TaskGroupReportDto(
    int Id, string Period, string Title, int? PriorityId, string? LeadOfficerName, string? Achievements, ProtectiveMarking AchievementsMarking,
    string? Concerns, ProtectiveMarking ConcernsMarking, string? Recommendations, ProtectiveMarking RecommendationsMarking, string? PublicityItems,
    IReadOnlyList<FigureTableDto> Figures, int Version)
{
    public static TaskGroupReportDto From(TaskGroupReportView v) => new(
        v.Report.Id, v.Report.Period.Slug, v.Report.Title, v.Report.PriorityId, v.Report.LeadOfficerName, v.Report.Achievements, v.Report.AchievementsMarking,
        v.Report.Concerns, v.Report.ConcernsMarking, v.Report.Recommendations, v.Report.RecommendationsMarking, v.Report.PublicityItems,
        v.Figures.Select(FigureTableDto.From).ToList(), v.Report.Version);
}

public sealed record FigureTableRequest(string? Title, IReadOnlyList<string>? Columns, IReadOnlyList<FigureRow>? Rows, bool? YearToDate, string? Note, ProtectiveMarking? Marking);

public sealed record TaskGroupReportRequest(
    string? Title, int? PriorityId, string? LeadOfficerName, string? Achievements, ProtectiveMarking? AchievementsMarking, string? Concerns,
    ProtectiveMarking? ConcernsMarking, string? Recommendations, ProtectiveMarking? RecommendationsMarking, string? PublicityItems,
    ProtectiveMarking? PublicityMarking, IReadOnlyList<FigureTableRequest>? Figures, int? Version)
{
    public TaskGroupReportInput ToInput() => new()
    {
        Title = Title, PriorityId = PriorityId, LeadOfficerName = LeadOfficerName,
        Achievements = Achievements, AchievementsMarking = AchievementsMarking ?? ProtectiveMarking.Official,
        Concerns = Concerns, ConcernsMarking = ConcernsMarking ?? ProtectiveMarking.Official,
        Recommendations = Recommendations, RecommendationsMarking = RecommendationsMarking ?? ProtectiveMarking.Official,
        PublicityItems = PublicityItems, PublicityMarking = PublicityMarking ?? ProtectiveMarking.Official,
        Figures = Figures?.Select(f => new FigureTableInput(f.Title, f.Columns, f.Rows, f.YearToDate ?? false, f.Note, f.Marking ?? ProtectiveMarking.Official)).ToList(),
    };
}

public sealed record BriefingDto(
    int Id, string Period, string Title, string? FromName, DateOnly? IssuedOn, string? Purpose, string? Background, string? Sections,
    string? FiguresTitle, IReadOnlyList<FigureValue> Figures, string? Risks, string? Recommendations, ProtectiveMarking Marking, int Version)
{
    public static BriefingDto From(PartnerBriefing b) => new(
        b.Id, b.Period.Slug, b.Title, b.FromName, b.IssuedOn, b.Purpose, b.Background, b.Sections, b.FiguresTitle, FigureJson.Values(b), b.Risks, b.Recommendations, b.Marking, b.Version);
}

public sealed record BriefingRequest(
    string? Period, string? Title, string? FromName, DateOnly? IssuedOn, string? Purpose, string? Background, string? Sections,
    string? FiguresTitle, IReadOnlyList<FigureValue>? Figures, string? Risks, string? Recommendations, ProtectiveMarking? Marking, int? Version)
{
    public BriefingInput ToInput() => new()
    {
        Title = Title, FromName = FromName, IssuedOn = IssuedOn, Purpose = Purpose, Background = Background, Sections = Sections,
        FiguresTitle = FiguresTitle, Figures = Figures, Risks = Risks, Recommendations = Recommendations, Marking = Marking ?? ProtectiveMarking.Official,
    };
}

/// <summary>The JSON API for task group quarterly reports and partner briefings; members of the partnership only.</summary>
public static class TaskGroupReportEndpoints
{
    public static void MapTaskGroupReportEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Task group reports").RequireAuthorization();

        api.MapGet("/partnerships/{slug}/periods/{period}/task-group-reports", async Task<IResult> (string slug, string period, PlanReader reader, TaskGroupReportService reports, CurrentUser current, CancellationToken ct) =>
        {
            if (PeriodRoute.Quarter(period) is not { } p)
            {
                return MonitoringEndpoints.BadPeriod(period);
            }

            var user = await current.GetAsync();
            if (await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership || !Permissions.CanReadTaskGroupReports(user, partnership.Id))
            {
                return ApiErrors.NotFound($"There is no partnership '{slug}' that you are a member of.");
            }

            return TypedResults.Ok((await reports.ReportsAsync(partnership.Id, p, true, ct)).Select(TaskGroupReportDto.From).ToList());
        });

        api.MapPost("/partnerships/{slug}/periods/{period}/task-group-reports", async Task<IResult> (string slug, string period, TaskGroupReportRequest body, PlanReader reader, TaskGroupReportService reports, CurrentUser current, CancellationToken ct) =>
        {
            if (PeriodRoute.Quarter(period) is not { } p)
            {
                return MonitoringEndpoints.BadPeriod(period);
            }

            var user = await current.GetAsync();
            if (await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership || !Permissions.CanReadTaskGroupReports(user, partnership.Id))
            {
                return ApiErrors.NotFound($"There is no partnership '{slug}' that you are a member of.");
            }

            var result = await reports.SaveAsync(partnership.Id, p, null, body.ToInput(), 0, user, ct);
            return result.Succeeded
                ? TypedResults.Created($"/api/task-group-reports/{result.Value!.Id}", TaskGroupReportDto.From((await reports.ReportAsync(result.Value.Id, true, ct))!))
                : ApiErrors.From(result);
        });

        api.MapGet("/task-group-reports/{id:int}", async Task<IResult> (int id, TaskGroupReportService reports, CurrentUser current, CancellationToken ct) =>
        {
            var user = await current.GetAsync();
            return await reports.ReportAsync(id, true, ct) is { } view && Permissions.CanReadTaskGroupReports(user, view.Report.PartnershipId)
                ? TypedResults.Ok(TaskGroupReportDto.From(view))
                : ApiErrors.NotFound($"There is no task group report {id}.");
        });

        api.MapPut("/task-group-reports/{id:int}", async Task<IResult> (int id, TaskGroupReportRequest body, TaskGroupReportService reports, CurrentUser current, CancellationToken ct) =>
        {
            if (body.Version is not { } version)
            {
                return ApiErrors.VersionRequired("Send the report's version you read as \"version\".");
            }

            var result = await reports.SaveAsync(0, default, id, body.ToInput(), version, await current.GetAsync(), ct);
            return result.Succeeded ? TypedResults.Ok(TaskGroupReportDto.From((await reports.ReportAsync(id, true, ct))!)) : ApiErrors.From(result);
        });

        api.MapDelete("/task-group-reports/{id:int}", async Task<IResult> (int id, int? version, TaskGroupReportService reports, CurrentUser current, CancellationToken ct) =>
        {
            if (version is not { } v)
            {
                return ApiErrors.VersionRequired("Send the report's version you read as ?version=.");
            }

            var result = await reports.DeleteAsync(id, v, await current.GetAsync(), ct);
            return result.Succeeded ? TypedResults.NoContent() : ApiErrors.From(result);
        });

        api.MapPost("/bodies/{key}/briefings", async Task<IResult> (string key, BriefingRequest body, TaskGroupReportService reports, CurrentUser current, CancellationToken ct) =>
        {
            if (PeriodRoute.Quarter(body.Period) is not { } p)
            {
                return MonitoringEndpoints.BadPeriod(body.Period ?? "");
            }

            var result = await reports.SaveBriefingAsync(key, p, null, body.ToInput(), 0, await current.GetAsync(), ct);
            return result.Succeeded ? TypedResults.Created($"/api/bodies/{key}/briefings/{result.Value!.Id}", BriefingDto.From(result.Value)) : ApiErrors.From(result);
        });

        api.MapPut("/bodies/{key}/briefings/{id:int}", async Task<IResult> (string key, int id, BriefingRequest body, TaskGroupReportService reports, CurrentUser current, CancellationToken ct) =>
        {
            if (body.Version is not { } version)
            {
                return ApiErrors.VersionRequired("Send the briefing's version you read as \"version\".");
            }

            var result = await reports.SaveBriefingAsync(key, default, id, body.ToInput(), version, await current.GetAsync(), ct);
            return result.Succeeded ? TypedResults.Ok(BriefingDto.From(result.Value!)) : ApiErrors.From(result);
        });

        api.MapGet("/partnerships/{slug}/periods/{period}/briefings", async Task<IResult> (string slug, string period, PlanReader reader, TaskGroupReportService reports, CurrentUser current, CancellationToken ct) =>
        {
            if (PeriodRoute.Quarter(period) is not { } p)
            {
                return MonitoringEndpoints.BadPeriod(period);
            }

            var user = await current.GetAsync();
            if (await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership || !Permissions.CanReadBriefings(user, [partnership.Id]))
            {
                return ApiErrors.NotFound($"There is no partnership '{slug}' that you are a member of.");
            }

            return TypedResults.Ok((await reports.BriefingsAsync(partnership.Id, p, Permissions.CanSeeRestricted(user, partnership.Id), ct)).Select(BriefingDto.From).ToList());
        });
    }
}
