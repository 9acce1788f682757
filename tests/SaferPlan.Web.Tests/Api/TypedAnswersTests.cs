using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Api;

/// <summary>
/// Every API endpoint says what it answers: its handler returns typed results (<c>Results&lt;Ok&lt;T&gt;, ProblemHttpResult&gt;</c>
/// and the like), so the OpenAPI document tells a script each status and the shape of each body. One that returns a bare
/// <c>IResult</c> declares nothing, and a script has to guess.
/// </summary>
public abstract class TypedAnswersTests(SaferPlanFactory app)
{
    [Fact]
    public void EveryApiEndpoint_DeclaresItsSuccessfulAnswer()
    {
        var endpoints = app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .Where(e => e.Order != int.MaxValue) // the fallback, which answers an unknown path with 404 problem details
            .ToList();
        Assert.NotEmpty(endpoints);

        var undeclared = endpoints
            .Where(e => !e.Metadata.OfType<IProducesResponseTypeMetadata>().Any(Declared))
            .Select(e => $"{string.Join(',', e.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods))} {e.RoutePattern.RawText}")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(undeclared.Count == 0, "API endpoints that do not declare what they answer on success:\n" + string.Join('\n', undeclared));
    }

    /// <summary>A success with nothing to say (204), or one that names its body: a JSON shape, or a file's or calendar's media type.</summary>
    private static bool Declared(IProducesResponseTypeMetadata answer) =>
        answer.StatusCode is >= 200 and < 300
        && (answer.StatusCode == 204
            || (answer.Type is { } type && type != typeof(void))
            || answer.ContentTypes.Any(c => !c.Contains("json", StringComparison.OrdinalIgnoreCase)));
}

/// <summary>Provider-neutral (the endpoints' metadata only), so run on SQLite only, on the shared app.</summary>
public sealed class TypedAnswersTestsOnSqlite(SharedSqliteApp shared) : TypedAnswersTests(shared.App), IClassFixture<SharedSqliteApp>;
