using System.Net;
using System.Text.Json;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Api;

/// <summary>The OpenAPI document describes the API for anyone who wants to call it.</summary>
public abstract class OpenApiTests(SaferPlanFactory app)
{
    [Fact]
    public async Task OpenApiDocument_IsJsonListingThePlanPaths()
    {
        using var client = await app.ApiClientAsync();

        using var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("SaferPlan API", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/partnerships", "/api/editions/{id}", "/api/milestones/{id}", "/api/partnerships/{slug}/plans", "/api/audit" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"The OpenAPI document has no path {path}");
        }

        var milestone = paths.GetProperty("/api/milestones/{id}");
        Assert.True(milestone.TryGetProperty("get", out _));
        Assert.True(milestone.TryGetProperty("put", out _));
        Assert.True(milestone.TryGetProperty("delete", out _));
        Assert.True(paths.GetProperty("/api/actions/{id}/milestones").TryGetProperty("post", out _));
    }

    [Fact]
    public async Task EveryOperation_SaysItsOtherAnswersAreProblemDetails_AsARealProblemIs()
    {
        using var client = await app.ApiClientAsync();
        using var response = await client.GetAsync("/openapi/v1.json");
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Name: $"{operation.Name} {path.Name}", operation.Value)))
            .ToList();
        Assert.True(operations.Count > 100, $"Only {operations.Count} operations described");
        var undescribed = operations
            .Where(o => !(o.Value.GetProperty("responses").TryGetProperty("default", out var other)
                && other.GetProperty("content").TryGetProperty("application/problem+json", out var problem)
                && problem.GetProperty("schema").GetProperty("$ref").GetString() == "#/components/schemas/ProblemDetails"))
            .Select(o => o.Name)
            .ToList();
        Assert.True(undescribed.Count == 0, "No problem-details answer described for: " + string.Join(", ", undescribed));

        // The schema names what a problem the API really sends carries.
        var schema = document.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails").GetProperty("properties");
        using var notFound = await client.GetAsync("/api/milestones/0");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("application/problem+json", notFound.Content.Headers.ContentType?.MediaType);
        var sent = JsonDocument.Parse(await notFound.Content.ReadAsStringAsync()).RootElement;
        foreach (var field in new[] { "status", "title", "detail" })
        {
            Assert.True(sent.TryGetProperty(field, out _), $"The problem sent has no {field}");
            Assert.True(schema.TryGetProperty(field, out _), $"The ProblemDetails schema has no {field}");
        }

        Assert.True(schema.TryGetProperty("errors", out _), "The ProblemDetails schema has no errors (a bad field's messages)");
    }

    [Theory]
    [InlineData("/api/partnerships/{slug}/funding/agreement", "post", "200", "AgreementDto")]
    [InlineData("/api/partnerships/{slug}/funding/streams", "post", "201", "SavedStreamDto")]
    [InlineData("/api/funding/streams/{id}", "put", "200", "UpdatedStreamDto")]
    [InlineData("/api/partnerships/{slug}/funding/allocations", "post", "201", "SavedAllocationDto")]
    [InlineData("/api/funding/allocations/{id}", "put", "200", "UpdatedAllocationDto")]
    [InlineData("/api/partnerships/{slug}/funding/spending", "post", "201", "SavedSpendDto")]
    [InlineData("/api/funding/spending/{id}", "put", "200", "SavedSpendDto")]
    [InlineData("/api/partnerships/{slug}/spending.csv", "post", "200", "SpendingImportDto")]
    [InlineData("/api/partnerships/{slug}/meetings", "post", "201", "MeetingDto")]
    [InlineData("/api/meetings/{id}", "put", "200", "MeetingDto")]
    [InlineData("/api/meetings/{id}/cancellation", "post", "200", "MeetingDto")]
    [InlineData("/api/duties/{id}", "put", "200", "DutyDto")]
    [InlineData("/api/partnerships/{slug}/indicators", "post", "201", "IndicatorDetailDto")]
    [InlineData("/api/indicators/{id}", "put", "200", "IndicatorDetailDto")]
    [InlineData("/api/indicators/{id}/values", "post", "201", "IndicatorValueDto")]
    [InlineData("/api/indicator-baselines/{id}", "put", "200", "SavedBaselineDto")]
    [InlineData("/api/indicators/{id}/spc-baseline", "put", "200", "IndicatorSpcDto")]
    [InlineData("/api/crime-groups/{id}", "put", "200", "CrimeGroupDto")]
    [InlineData("/api/crime/imports", "post", "200", "CrimeImportSummaryDto")]
    [InlineData("/api/partnerships/{slug}/peers", "get", "200", "PeersDto")]
    [InlineData("/api/partnerships/{slug}/plans", "post", "201", "EditionDto")]
    [InlineData("/api/priorities/{id}", "get", "200", "PriorityDto")]
    [InlineData("/api/actions/{id}/milestones", "post", "201", "MilestoneDto")]
    public async Task Edit_DescribesItsAnswer_WithANamedSchema(string path, string verb, string status, string schema)
    {
        using var client = await app.ApiClientAsync();

        using var response = await client.GetAsync("/openapi/v1.json");

        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var answer = document.GetProperty("paths").GetProperty(path).GetProperty(verb).GetProperty("responses").GetProperty(status)
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal($"#/components/schemas/{schema}", answer.GetProperty("$ref").GetString());
        Assert.NotEmpty(document.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties").EnumerateObject());
    }
}

/// <summary>Provider-neutral (no query of its own to check), so run on SQLite only; it only reads, so on the shared app.</summary>
public sealed class OpenApiTestsOnSqlite(SharedSqliteApp shared) : OpenApiTests(shared.App), IClassFixture<SharedSqliteApp>;
