namespace SaferPlan.Monitoring.TaskGroupReports;

public sealed record FigureTableDto(string Title, IReadOnlyList<string> Columns, IReadOnlyList<FigureRow> Rows, IReadOnlyList<IReadOnlyList<decimal?>>? YearToDate, string? Note, ProtectiveMarking Marking, bool Chart)
{
    public static FigureTableDto From(FigureTableView v) => new(v.Table.Title, v.Columns, v.Rows, v.YearToDate, v.Table.Note, v.Table.Marking, v.Table.Chart);
}

/// <param name="LeadOfficerName">The lead officer's name as printed, when written for the report.</param>
/// <param name="LeadOfficerId">The person who leads the report and may write it.</param>
public sealed record TaskGroupReportDto(
    int Id, string Period, string Title, int? PriorityId, string? LeadOfficerName, int? LeadOfficerId, string? Achievements, ProtectiveMarking AchievementsMarking,
    string? Concerns, ProtectiveMarking ConcernsMarking, string? Recommendations, ProtectiveMarking RecommendationsMarking, string? PublicityItems,
    IReadOnlyList<FigureTableDto> Figures, int Version)
{
    public static TaskGroupReportDto From(TaskGroupReportView v) => new(
        v.Report.Id, v.Report.Period.Slug, v.Report.Title, v.Report.PriorityId, v.Report.LeadOfficerName, v.Report.LeadOfficerId, v.Report.Achievements, v.Report.AchievementsMarking,
        v.Report.Concerns, v.Report.ConcernsMarking, v.Report.Recommendations, v.Report.RecommendationsMarking, v.Report.PublicityItems,
        v.Figures.Select(FigureTableDto.From).ToList(), v.Report.Version);
}

/// <param name="Chart">Whether the Board report draws the table as a bar chart above it; left out, it is not.</param>
public sealed record FigureTableRequest(string? Title, IReadOnlyList<string>? Columns, IReadOnlyList<FigureRow>? Rows, bool? YearToDate, string? Note, ProtectiveMarking? Marking, bool? Chart = null);

/// <param name="LeadOfficerId">One of the partnership's people, who may then write the report; only support officers and administrators may change it, and a change that leaves it out takes it away.</param>
public sealed record TaskGroupReportRequest(
    string? Title, int? PriorityId, string? LeadOfficerName, int? LeadOfficerId, string? Achievements, ProtectiveMarking? AchievementsMarking, string? Concerns,
    ProtectiveMarking? ConcernsMarking, string? Recommendations, ProtectiveMarking? RecommendationsMarking, string? PublicityItems,
    ProtectiveMarking? PublicityMarking, IReadOnlyList<FigureTableRequest>? Figures, int? Version)
{
    /// <summary>
    /// The markings a change left out, named as the API's other errors name them (<c>figures[0].Marking</c> as the editor does): a new report's start at Official, but a change
    /// must say each, or a Restricted section or table would be published. Publicity is always Official.
    /// </summary>
    public string[] MarkingsLeftOut() =>
    [
        .. new[] { ("achievementsMarking", AchievementsMarking), ("concernsMarking", ConcernsMarking), ("recommendationsMarking", RecommendationsMarking) }
            .Where(m => m.Item2 is null).Select(m => m.Item1),
        .. (Figures ?? []).Select((f, i) => (f, i)).Where(x => x.f.Marking is null).Select(x => $"figures[{x.i.ToString(CultureInfo.InvariantCulture)}].Marking"),
    ];

    public TaskGroupReportInput ToInput() => new()
    {
        Title = Title, PriorityId = PriorityId, LeadOfficerName = LeadOfficerName, LeadOfficerId = LeadOfficerId,
        Achievements = Achievements, AchievementsMarking = AchievementsMarking ?? ProtectiveMarking.Official,
        Concerns = Concerns, ConcernsMarking = ConcernsMarking ?? ProtectiveMarking.Official,
        Recommendations = Recommendations, RecommendationsMarking = RecommendationsMarking ?? ProtectiveMarking.Official,
        PublicityItems = PublicityItems, PublicityMarking = PublicityMarking ?? ProtectiveMarking.Official,
        Figures = Figures?.Select(f => new FigureTableInput(f.Title, f.Columns, f.Rows, f.YearToDate ?? false, f.Note, f.Marking ?? ProtectiveMarking.Official, f.Chart ?? false)).ToList(),
    };
}

/// <summary>The JSON API for task group quarterly reports; members of the partnership only.</summary>
public static class TaskGroupReportEndpoints
{
    public static void MapTaskGroupReports(RouteGroupBuilder api)
    {
        api.MapGet("/partnerships/{slug}/periods/{period}/task-group-reports", ListAsync);
        api.MapPost("/partnerships/{slug}/periods/{period}/task-group-reports", AddAsync);
        api.MapGet("/task-group-reports/{id:int}", GetAsync);
        api.MapPut("/task-group-reports/{id:int}", SaveAsync);
        api.MapDelete("/task-group-reports/{id:int}", DeleteAsync);
    }

    private static async Task<Results<Ok<List<TaskGroupReportDto>>, ProblemHttpResult>> ListAsync(
        string slug, ReportingPeriod period, PlanReader reader, TaskGroupReportService reports, CurrentUser current, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership || !Permissions.CanReadTaskGroupReports(user, partnership.Id))
        {
            return NoPartnership(slug);
        }

        return TypedResults.Ok((await reports.ReportsAsync(partnership.Id, period, true, ct)).Select(TaskGroupReportDto.From).ToList());
    }

    private static async Task<Results<Created<TaskGroupReportDto>, ProblemHttpResult>> AddAsync(
        string slug, ReportingPeriod period, TaskGroupReportRequest body, PlanReader reader, TaskGroupReportService reports, CurrentUser current, HttpContext http, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership || !Permissions.CanReadTaskGroupReports(user, partnership.Id))
        {
            return NoPartnership(slug);
        }

        return await EditResponses.CreatedAsync(http, await reports.SaveAsync(partnership.Id, period, null, body.ToInput(), 0, user, ct),
            r => $"/api/task-group-reports/{r.Id}", async r => TaskGroupReportDto.From((await reports.ReportAsync(r.Id, true, ct))!));
    }

    private static async Task<Results<Ok<TaskGroupReportDto>, ProblemHttpResult>> GetAsync(int id, TaskGroupReportService reports, CurrentUser current, CancellationToken ct)
    {
        var user = await current.GetAsync();
        return await reports.ReportAsync(id, true, ct) is { } view && Permissions.CanReadTaskGroupReports(user, view.Report.PartnershipId)
            ? TypedResults.Ok(TaskGroupReportDto.From(view))
            : ApiErrors.NotFound($"There is no task group report {id}.");
    }

    private static async Task<Results<Ok<TaskGroupReportDto>, ProblemHttpResult>> SaveAsync(
        int id, TaskGroupReportRequest body, TaskGroupReportService reports, CurrentUser current, CancellationToken ct)
    {
        if (body.Version is not { } version)
        {
            return ApiErrors.VersionRequired("Send the report's version you read as \"version\".");
        }

        if (body.MarkingsLeftOut() is { Length: > 0 } leftOut)
        {
            return await reports.ReportAsync(id, true, ct) is { } view && Permissions.CanReadTaskGroupReports(await current.GetAsync(), view.Report.PartnershipId)
                ? ApiErrors.MarkingRequired(leftOut)
                : ApiErrors.NotFound($"There is no task group report {id}.");
        }

        var result = await reports.SaveAsync(0, default, id, body.ToInput(), version, await current.GetAsync(), ct);
        return result.Succeeded ? TypedResults.Ok(TaskGroupReportDto.From((await reports.ReportAsync(id, true, ct))!)) : ApiErrors.From(result);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(int id, int? version, TaskGroupReportService reports, CurrentUser current, CancellationToken ct)
    {
        if (version is not { } v)
        {
            return ApiErrors.VersionRequired("Send the report's version you read as ?version=.");
        }

        var result = await reports.DeleteAsync(id, v, await current.GetAsync(), ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiErrors.From(result);
    }

    internal static ProblemHttpResult NoPartnership(string slug) => ApiErrors.NotFound($"There is no partnership '{slug}' that you are a member of.");
}
