using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace SaferPlan.Api;

/// <summary>Turns a request the API could not read (malformed JSON, a wrong type) into problem details saying what and where.</summary>
public sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (exception is BadHttpRequestException bad)
        {
            var detail = bad.InnerException is JsonException json
                ? $"The request body is not valid JSON for this endpoint: {json.Message}"
                : bad.Message;
            await ApiErrors.WriteAsync(httpContext, bad.StatusCode, "Bad request", detail);
            return true;
        }

        logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
        await ApiErrors.WriteAsync(httpContext, StatusCodes.Status500InternalServerError, "Server error",
            "Something went wrong on the server. Nothing was changed. Try again, and tell the partnership's administrator if it happens again.");
        return true;
    }
}
