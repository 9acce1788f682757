namespace SaferPlan.Plans.Consultation;

/// <summary>A comment on an edition: on the whole plan, or on the one priority, action or milestone named.</summary>
public sealed record CommentRequest(int? PriorityId, int? ActionId, int? MilestoneId, string? Text, string? Source, string? MadeBy);

/// <summary>The response to a comment: <c>kind</c> "Changed" or "NoChange", the change made or the reason, and the version read.</summary>
public sealed record CommentResponseRequest(CommentResponseKind? Kind, string? Text, int? Version);

/// <summary>Sending a draft out for comments: the last day for comments.</summary>
public sealed record ConsultationRequest(DateOnly? Deadline, IReadOnlyList<string>? Consultees);

public sealed record CommentDto(
    int Id, int EditionId, string Number, string Subject, int? PriorityId, int? ActionId, int? MilestoneId, string Text, string MadeBy, DateTimeOffset MadeAt,
    string? Source, string? RecordedBy, string? ResponseKind, string? Response, string? RespondedBy, DateTimeOffset? RespondedAt, int Version)
{
    public static CommentDto From(ConsultationComment c) => new(
        c.Id, c.EditionId, c.Number, c.Subject, c.PriorityId, c.ActionId, c.MilestoneId, c.Text, c.MadeBy, c.MadeAt,
        c.Source, c.RecordedBy, c.ResponseKind?.ToString(), c.Response, c.RespondedBy, c.RespondedAt, c.Version);
}

public sealed record ConsultationDto(int EditionId, string Status, DateOnly Deadline, DateTimeOffset StartedAt, string StartedBy, int Version);

/// <summary>The consultation API: sending a draft out for comments, its comments, and the responses to them. Members only.</summary>
public static class ConsultationEndpoints
{
    public static void MapConsultation(this IEndpointRouteBuilder app)
    {
        var (api, writes) = app.MapApi("Consultation");

        api.MapGet("/editions/{id:int}/comments", CommentsAsync);
        writes.MapPost("/editions/{id:int}/comments", AddCommentAsync);
        writes.MapPut("/comments/{id:int}", RespondAsync);
        writes.MapPost("/editions/{id:int}/consultation", StartAsync);
        writes.MapGet("/editions/{id:int}/consultation/links", async (int id, ConsultationService consultation, CurrentUser current, CancellationToken ct) =>
            TypedResults.Ok((await consultation.LinksAsync(id, await current.GetAsync(), ct))
                .Select(l => new ConsultationLinkDto(l.Id, l.Email, l.Name, l.ExpiresAt, l.RevokedAt, l.LastUsedAt)).ToList()));
        writes.MapPost("/consultation-links/{id:int}/revoke", RevokeLinkAsync);
    }

    private static async Task<Results<Ok<List<CommentDto>>, ProblemHttpResult>> CommentsAsync(int id, ConsultationService consultation, CurrentUser current, CancellationToken ct)
    {
        var user = await current.GetAsync();
        var result = await consultation.CommentsAsync(id, user, ct);
        if (result.Succeeded)
        {
            return TypedResults.Ok(result.Value.Comments.Select(CommentDto.From).ToList());
        }

        return ApiErrors.From(result, user);
    }

    private static async Task<Results<Created<CommentDto>, ProblemHttpResult>> AddCommentAsync(
        int id, CommentRequest body, ConsultationService consultation, CurrentUser current, HttpContext http, CancellationToken ct) =>
        await EditResponses.Created(http, await consultation.AddAsync(id, new CommentInput(body.PriorityId, body.ActionId, body.MilestoneId, body.Text, body.Source, body.MadeBy), await current.GetAsync(), ct),
            c => $"/api/comments/{c.Id}", CommentDto.From);

    private static async Task<Results<Ok<CommentDto>, ProblemHttpResult>> RespondAsync(
        int id, CommentResponseRequest body, ConsultationService consultation, CurrentUser current, HttpContext http, CancellationToken ct)
    {
        var user = await current.GetAsync();
        return await ExpectedVersion.SavedAsync(http, body.Version, v => consultation.RespondAsync(id, new CommentResponseInput(body.Kind, body.Text), v, user, ct),
            saved => Task.FromResult(CommentDto.From(saved)));
    }

    private static async Task<Results<Created<ConsultationDto>, ProblemHttpResult>> StartAsync(
        int id, ConsultationRequest body, ConsultationService consultation, CurrentUser current, IConfiguration configuration, HttpContext http, CancellationToken ct)
    {
        if (PublicLinks.BaseUrl(configuration) is not { } publicUrl)
        {
            return ApiErrors.Problem(StatusCodes.Status409Conflict, "The site's public address is not set", NoPublicUrl);
        }

        return await EditResponses.Created(http, await consultation.StartAsync(id, body.Deadline, body.Consultees ?? [], publicUrl, await current.GetAsync(), ct),
            _ => $"/api/editions/{id}/consultation", c => new ConsultationDto(id, "Consultation", c.Deadline, c.StartedAt, c.StartedBy, c.Version));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeLinkAsync(int id, ConsultationService consultation, CurrentUser current, CancellationToken ct)
    {
        var result = await consultation.RevokeLinkAsync(id, await current.GetAsync(), ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiErrors.From(result);
    }

    public const string NoPublicUrl =
        "A draft cannot be sent out for comments until the site's public address is set: whoever runs SaferPlan sets SaferPlan:PublicUrl (for example https://saferplan.example.org), which the e-mailed links start with.";
}

/// <summary>A consultation link as the support officer's list shows it (never its token).</summary>
public sealed record ConsultationLinkDto(int Id, string Email, string Name, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);
