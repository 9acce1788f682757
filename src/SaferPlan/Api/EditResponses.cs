namespace SaferPlan.Api;

/// <summary>Typed answers to an add: 201 with the new item's location, its version as the ETag and its shape; else the edit's problem.</summary>
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

        var body = await dto(result.Value);
        http.Response.Headers.ETag = $"\"{result.Value.Version}\"";
        return TypedResults.Created(location(result.Value), body);
    }

    /// <summary>As <see cref="CreatedAsync"/>, for a shape made from the saved item itself.</summary>
    public static Task<Results<Created<TDto>, ProblemHttpResult>> Created<T, TDto>(HttpContext http, EditResult<T> result, Func<T, string> location, Func<T, TDto> dto)
        where T : IVersioned =>
        CreatedAsync(http, result, location, item => Task.FromResult(dto(item)));

    /// <summary>200 with <paramref name="body"/> and, as the ETag, the <paramref name="version"/> a change of it must send.</summary>
    public static Ok<T> Versioned<T>(HttpContext http, T body, int version)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.ETag = $"\"{version}\"";
        return TypedResults.Ok(body);
    }
}
