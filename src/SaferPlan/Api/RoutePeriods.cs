using System.Collections.Concurrent;
using System.Reflection;

namespace SaferPlan.Api;

/// <summary>
/// API handlers take the <c>{period}</c> in their route as a bound <see cref="ReportingPeriod"/>. A period that does not read
/// as one, or a whole year where only a quarter will do, is answered here before binding, with one validation problem for
/// every endpoint (binding alone would answer a bare "Failed to bind parameter").
/// </summary>
public static class RoutePeriods
{
    private sealed record WholeYearsAllowed;

    /// <summary>The endpoint takes a whole financial year ("2010-11") as well as a quarter.</summary>
    public static TBuilder AllowingWholeYears<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new WholeYearsAllowed());

    public static IApplicationBuilder UseRoutePeriods(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.RouteValues["period"] is string text
            && context.GetEndpoint() is { } endpoint
            && BindsPeriod(endpoint)
            && !Accepts(text, endpoint.Metadata.GetMetadata<WholeYearsAllowed>() is not null))
        {
            await BadPeriod(text).ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    private static readonly ConcurrentDictionary<MethodInfo, bool> Binding = new();

    private static bool BindsPeriod(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<MethodInfo>() is { } handler
        && Binding.GetOrAdd(handler, h => h.GetParameters().Any(p => p.Name == "period" && p.ParameterType == typeof(ReportingPeriod)));

    private static bool Accepts(string text, bool wholeYears) =>
        ReportingPeriod.TryParse(text, out var period) && (wholeYears || !period.IsWholeYear);

    /// <summary>A quarter sent in a request body, or null when it does not read as one.</summary>
    public static ReportingPeriod? Quarter(string? text) =>
        ReportingPeriod.TryParse(text, out var period) && !period.IsWholeYear ? period : null;

    public static ProblemHttpResult BadPeriod(string period) => ApiErrors.Invalid(
        new Dictionary<string, string[]> { ["period"] = [$"'{period}' is not a reporting period: write a quarter like 2010-11-q4"] },
        $"'{period}' is not a reporting period: write a quarter like 2010-11-q4");
}
