using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SaferPlan.Security;

/// <summary>
/// Per client address limits on what is cheap to ask for and costly to answer: password guesses at sign-in, and the
/// documents anyone may download without signing in. Signed-in users and API tokens are not limited on documents.
/// The limits are settings (<c>SaferPlan:RateLimits:SignInPerMinute</c>, <c>…:DocumentsPerMinute</c>) so tests and
/// benchmarks that ask many times from one address can raise them.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";

    public const string Documents = "anonymous-documents";

    public const int DefaultSignInPerMinute = 10;

    public const int DefaultDocumentsPerMinute = 30;

    public static IServiceCollection AddSaferPlanRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var signIn = configuration.GetValue("SaferPlan:RateLimits:SignInPerMinute", DefaultSignInPerMinute);
            var documents = configuration.GetValue("SaferPlan:RateLimits:DocumentsPerMinute", DefaultDocumentsPerMinute);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;

            // Only the form's POST is a guess; showing the form is not.
            options.AddPolicy(SignIn, context => HttpMethods.IsPost(context.Request.Method)
                ? PerMinute(context, signIn)
                : RateLimitPartition.GetNoLimiter(string.Empty));
            options.AddPolicy(Documents, context => context.User.Identity?.IsAuthenticated == true
                ? RateLimitPartition.GetNoLimiter(string.Empty)
                : PerMinute(context, documents));
            options.OnRejected = RejectedAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> PerMinute(HttpContext context, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    private static async ValueTask RejectedAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var http = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await ApiErrors.WriteAsync(http, StatusCodes.Status429TooManyRequests, "Too many requests",
                "This address has asked too often in the last minute. Wait a minute and try again, or send a bearer token.");
        }

        // Pages leave the body empty: the site's error page for 429 explains, in the site's own layout.
    }
}
