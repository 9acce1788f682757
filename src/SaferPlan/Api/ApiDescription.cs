using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SaferPlan.Api;

/// <summary>
/// What the OpenAPI document at <c>/openapi/v1.json</c> says beyond what each endpoint declares: its title, and that every
/// answer of the API that is not a success is RFC 9457 problem details (<see cref="ApiErrors"/>), so a script's generated
/// client reads a refusal, a conflict or a field's error the same way from every endpoint.
/// </summary>
public static class ApiDescription
{
    /// <summary>The problem schema's name in the document's components.</summary>
    public const string ProblemSchema = "ProblemDetails";

    public static void Describe(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "SaferPlan API";
            document.Info.Description = "Partnerships, plans, priorities, actions and milestones. Authenticate with a bearer token from `saferplan tokens create`. Every answer that is not a success is problem details (RFC 9457): its status, a title, a detail that says what to change, and for a bad field its name in `errors`.";
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(AddProblemAnswerAsync);
    }

    /// <summary>
    /// The operation's <c>default</c> answer (OpenAPI's "any status not listed") is problem details: what every API
    /// endpoint sends for a bad request, a sign-in required, a refusal, something not found, an edit conflict or a version left out.
    /// </summary>
    private static async Task AddProblemAnswerAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (context.Document is not { } document
            || context.Description.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) != true)
        {
            return;
        }

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(ProblemSchema))
        {
            document.AddComponent(ProblemSchema, await context.GetOrCreateSchemaAsync(typeof(HttpValidationProblemDetails), null, ct));
        }

        operation.Responses ??= [];
        operation.Responses["default"] = new OpenApiResponse
        {
            Description = "Problem details (RFC 9457): the status, a title, a detail saying what to change, and each bad field's errors.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
            },
        };
    }
}
