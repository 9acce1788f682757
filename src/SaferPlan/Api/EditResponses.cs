namespace SaferPlan.Api;

/// <summary>
/// The API's answers with an item's version as the ETag (what a change of it must send back in If-Match): 201 for an add,
/// with the new item's location, and 200 for a read or a change; a refused add is the edit's problem.
/// </summary>
public static class EditResponses
{
    public static async Task<Results<Created<TDto>, ProblemHttpResult>> CreatedAsync<T, TDto>(
        HttpContext http, EditResult<T> result, Func<T, string> location, Func<T, Task<TDto>> dto)
        where T : IVersioned
    {
        if (!result.Succeeded)
        {
            return ApiErrors.From(result);
        }

        return Added(http, location(result.Value), await dto(result.Value), result.Value.Version);
    }

    /// <summary>As <see cref="CreatedAsync"/>, for a shape made from the saved item itself.</summary>
    public static Task<Results<Created<TDto>, ProblemHttpResult>> Created<T, TDto>(HttpContext http, EditResult<T> result, Func<T, string> location, Func<T, TDto> dto)
        where T : IVersioned =>
        CreatedAsync(http, result, location, item => Task.FromResult(dto(item)));

    /// <summary>201 with the new item's <paramref name="location"/>, <paramref name="body"/> and its <paramref name="version"/> as the ETag.</summary>
    public static Created<T> Added<T>(HttpContext http, string location, T body, int version)
    {
        SetVersion(http, version);
        return TypedResults.Created(location, body);
    }

    /// <summary>200 with <paramref name="body"/> and, as the ETag, the <paramref name="version"/> a change of it must send.</summary>
    public static Ok<T> Versioned<T>(HttpContext http, T body, int version)
    {
        SetVersion(http, version);
        return TypedResults.Ok(body);
    }

    private static void SetVersion(HttpContext http, int version)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.ETag = $"\"{version}\"";
    }
}
