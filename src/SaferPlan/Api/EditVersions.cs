using Microsoft.Net.Http.Headers;

namespace SaferPlan.Api;

/// <summary>A version the client read, from If-Match (preferred) or the body or query; which one says how a mismatch is reported.</summary>
public readonly record struct ExpectedVersion(int Value, bool FromIfMatch)
{
    public static ExpectedVersion? Read(HttpContext http, int? fromBody)
    {
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (!string.IsNullOrWhiteSpace(ifMatch)
            && EntityTagHeaderValue.TryParse(ifMatch, out var tag)
            && int.TryParse(tag.Tag.AsSpan().Trim('"'), out var version))
        {
            return new ExpectedVersion(version, true);
        }

        return fromBody is { } v ? new ExpectedVersion(v, false) : null;
    }

    /// <summary>A failed edit as problem details: a stale If-Match is 412 Precondition Failed; a stale body version is 409 Conflict.</summary>
    public ProblemHttpResult Problem<T>(EditResult<T> result) =>
        result.Status == EditStatus.Conflict && FromIfMatch
            ? ApiErrors.Problem(StatusCodes.Status412PreconditionFailed, "Edit conflict", result.Message!)
            : ApiErrors.From(result);

    /// <summary>A delete that names the version its sender read: 428 without one, 204 once deleted, else the edit's problem.</summary>
    public static Task<Results<NoContent, ProblemHttpResult>> DeletedAsync<T>(HttpContext http, int? version, Func<int, Task<EditResult<T>>> delete) =>
        EditAsync(http, version, delete, _ => Task.FromResult(TypedResults.NoContent()));

    /// <summary>A typed update: 428 without a version, 200 with the saved item's version as the ETag and <paramref name="dto"/>'s shape of it, else the edit's problem.</summary>
    public static Task<Results<Ok<TDto>, ProblemHttpResult>> SavedAsync<T, TDto>(HttpContext http, int? version, Func<int, Task<EditResult<T>>> update, Func<T, Task<TDto>> dto)
        where T : IVersioned =>
        EditAsync(http, version, update, async saved => EditResponses.Versioned(http, await dto(saved), saved.Version));

    /// <summary>An edit that names the version its sender read: 428 without one, <paramref name="done"/>'s answer once made, else the edit's problem.</summary>
    public static async Task<Results<TDone, ProblemHttpResult>> EditAsync<T, TDone>(HttpContext http, int? version, Func<int, Task<EditResult<T>>> edit, Func<T, Task<TDone>> done)
        where TDone : IResult
    {
        if (Read(http, version) is not { } expected)
        {
            return ApiErrors.VersionRequired();
        }

        var result = await edit(expected.Value);
        return result.Succeeded ? await done(result.Value) : expected.Problem(result);
    }

    /// <summary>As <see cref="EditAsync{T, TDone}(HttpContext, int?, Func{int, Task{EditResult{T}}}, Func{T, Task{TDone}})"/>, where the answer is a read of the saved item that may itself be a problem (the item gone meanwhile).</summary>
    public static async Task<Results<TDone, ProblemHttpResult>> EditThenReadAsync<T, TDone>(HttpContext http, int? version, Func<int, Task<EditResult<T>>> edit, Func<T, Task<Results<TDone, ProblemHttpResult>>> read)
        where TDone : IResult
    {
        if (Read(http, version) is not { } expected)
        {
            return ApiErrors.VersionRequired();
        }

        var result = await edit(expected.Value);
        return result.Succeeded ? await read(result.Value) : expected.Problem(result);
    }
}
