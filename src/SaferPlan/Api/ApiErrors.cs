namespace SaferPlan.Api;

/// <summary>Every API error is RFC 9457 problem details.</summary>
public static class ApiErrors
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
    }

    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    public static ProblemHttpResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);

    /// <summary>401 for a caller who sent no token, where a member of the partnership would be let in.</summary>
    public static ProblemHttpResult SignInRequired() =>
        Problem(StatusCodes.Status401Unauthorized, "Sign in required", "Send a bearer token from 'saferplan tokens create'.");

    public static ProblemHttpResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "Bad request", detail);

    /// <summary>
    /// 428 Precondition Required: an edit came without the version its sender read, so it could overwrite a change made
    /// since. <paramref name="detail"/> says where to send it when an endpoint takes it in one place only.
    /// </summary>
    public static ProblemHttpResult VersionRequired(string detail = "Send the version you read, in an If-Match header (the ETag of your GET) or as \"version\" in the body (or ?version= for DELETE), so a change made since cannot be overwritten.") =>
        Problem(StatusCodes.Status428PreconditionRequired, "Version required", detail);

    /// <summary>Turns a failed edit into problem details; validation errors name each field.</summary>
    public static ProblemHttpResult From<T>(EditResult<T> result) => result.Status switch
    {
        EditStatus.NotFound => NotFound(result.Message!),
        EditStatus.Forbidden => Problem(StatusCodes.Status403Forbidden, "Not allowed", result.Message!),
        EditStatus.Conflict => Problem(StatusCodes.Status409Conflict, "Edit conflict", result.Message!),
        EditStatus.Invalid => Invalid(result.Errors.ToDictionary(e => JsonName(e.Key), e => new[] { e.Value }), result.Message),
        _ => throw new InvalidOperationException("A successful edit is not an error."),
    };

    /// <summary>
    /// A failed read or edit of something a visitor may see in part (a consultation's comments): refused to a caller who sent
    /// no token, it asks them to sign in (401), as a page sends a visitor to the sign-in page; otherwise as <see cref="From{T}(EditResult{T})"/>.
    /// </summary>
    public static ProblemHttpResult From<T>(EditResult<T> result, UserContext user) =>
        result.Status == EditStatus.Forbidden && !user.IsSignedIn ? SignInRequired() : From(result);

    /// <summary>400 with each field's errors, as <c>TypedResults.ValidationProblem</c> writes it, typed as the other problems are.</summary>
    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors, string? detail) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Check what you sent",
            Detail = detail,
        });

    /// <summary>
    /// 400 for a change to an item sent without its protective marking: taking none as Official would publish a Restricted
    /// item without anyone choosing to. <paramref name="fields"/> names the markings left out (<c>marking</c> when none is named).
    /// </summary>
    public static ProblemHttpResult MarkingRequired(params string[] fields) => Invalid(
        (fields.Length == 0 ? ["marking"] : fields).ToDictionary(f => f, _ => MarkingMessage),
        "Send the protective marking (\"Official\" or \"Restricted\") with every change: a change never guesses it.");

    private static readonly string[] MarkingMessage = ["Select the protective marking: Official or Restricted"];

    public static string JsonName(string property) =>
        string.IsNullOrEmpty(property) ? property : char.ToLowerInvariant(property[0]) + property[1..];

    /// <summary>
    /// Unknown API paths get problem details rather than the HTML error page. A plain request delegate: the request
    /// delegate generator maps a fallback with a pattern and a handler as if it had no pattern (every path).
    /// </summary>
    public static void MapFallback(WebApplication app)
    {
        RequestDelegate unknown = context =>
            NotFound($"There is no API endpoint /api/{context.GetRouteValue("path")}.").ExecuteAsync(context);
        app.MapFallback("/api/{**path}", unknown);
    }
}
