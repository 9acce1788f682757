using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SaferPlan.Shared;

/// <summary>
/// What every page answers when an edit is refused, as <c>Api/ApiErrors</c> is for the API: a forbidden edit is 403 (or the
/// sign-in page for a visitor), a missing item 404, and anything else the form again, with each validation error against
/// its box and a conflict in the error summary.
/// </summary>
public static class EditOutcomes
{
    /// <summary>Null when the edit succeeded; otherwise the page's answer.</summary>
    /// <param name="prefix">What the form's boxes are bound under ("Input" for <c>Input.Title</c>; "" for none).</param>
    /// <param name="box">Names the box for an editor's field where the two differ.</param>
    public static IActionResult? Refusal<T>(this PageModel page, EditResult<T> result, string prefix = "Input", Func<string, string>? box = null) =>
        result.Status switch
        {
            EditStatus.Ok => null,
            EditStatus.Forbidden => page.Refused(result.Message),
            EditStatus.NotFound => page.NotFound(),
            _ => page.ShowErrors(result, prefix, box),
        };

    /// <summary>
    /// Saves a form that adds or changes one item: when some boxes could not be read, the form again with their errors and
    /// whatever the editor's check finds in the rest; otherwise the save, answered by <see cref="Refusal"/> or <paramref name="saved"/>.
    /// </summary>
    /// <param name="prefix">What the form's boxes are bound under, as for <see cref="Refusal"/>.</param>
    /// <param name="box">Names the box for an editor's field where the two differ.</param>
    public static async Task<IActionResult> SaveFormAsync<T>(this PageModel page, Func<Task<IReadOnlyDictionary<string, string>>> check,
        Func<Task<EditResult<T>>> save, Func<T, IActionResult> saved, string prefix = "Input", Func<string, string>? box = null)
    {
        if (!page.ModelState.IsValid)
        {
            page.ModelState.AddEditErrors(await check(), prefix, box);
            return page.Page();
        }

        var result = await save();
        return page.Refusal(result, prefix, box) ?? saved(result.Value!);
    }

    /// <summary>As <see cref="SaveFormAsync{T}(PageModel, Func{Task{IReadOnlyDictionary{string, string}}}, Func{Task{EditResult{T}}}, Func{T, IActionResult}, string, Func{string, string}?)"/>, where the editor's check needs nothing from the database.</summary>
    public static Task<IActionResult> SaveFormAsync<T>(this PageModel page, Func<IReadOnlyDictionary<string, string>> check,
        Func<Task<EditResult<T>>> save, Func<T, IActionResult> saved, string prefix = "Input", Func<string, string>? box = null) =>
        page.SaveFormAsync(() => Task.FromResult(check()), save, saved, prefix, box);

    /// <summary>Back to <paramref name="next"/> once an edit is saved, with <paramref name="done"/> in the success banner.</summary>
    public static RedirectResult Done(this PageModel page, string done, string next)
    {
        page.TempData["Success"] = done;
        return new RedirectResult(next);
    }

    /// <summary>
    /// The answer to a save: <see cref="Refusal"/> when it was refused (boxes bound without a prefix), otherwise on to
    /// <paramref name="next"/> with <paramref name="done"/> in the success banner.
    /// </summary>
    public static IActionResult Saved<T>(this PageModel page, EditResult<T> result, Func<T, string> done, Func<T, string> next, Func<string, string>? box = null)
    {
        if (page.Refusal(result, prefix: "", box: box) is { } refused)
        {
            return refused;
        }

        return page.Done(done(result.Value!), next(result.Value!));
    }

    /// <summary>
    /// A page or form the user may not have: 403 on the access-denied page, which gives <paramref name="reason"/> (a locked
    /// quarter says it is locked) or else a plain refusal; the sign-in page for a visitor.
    /// </summary>
    public static IActionResult Refused(this PageModel page, string? reason = null)
    {
        if (page.User.Identity?.IsAuthenticated != true)
        {
            return page.Challenge();
        }

        if (reason is not null)
        {
            page.TempData[RefusalKey] = reason;
        }

        return page.Forbid();
    }

    /// <summary>Where <see cref="Refused"/> leaves its reason for the access-denied page.</summary>
    public const string RefusalKey = "Refusal";

    private static PageResult ShowErrors<T>(this PageModel page, EditResult<T> result, string prefix, Func<string, string>? box)
    {
        page.ModelState.AddEditErrors(result, prefix, box);
        return page.Page();
    }

    /// <summary>Puts the editor's validation errors against the form's boxes, or its message in the error summary.</summary>
    public static void AddEditErrors<T>(this ModelStateDictionary state, EditResult<T> result, string prefix = "Input", Func<string, string>? box = null)
    {
        if (result.Errors.Count == 0)
        {
            state.AddModelError(string.Empty, result.Message ?? "Your change could not be saved.");
        }

        state.AddEditErrors(result.Errors, prefix, box);
    }

    /// <summary>Puts the errors found for <paramref name="fields"/> against those boxes (bound without a prefix), in that order.</summary>
    public static void AddFieldErrors(this ModelStateDictionary state, IReadOnlyDictionary<string, string> errors, params string[] fields)
    {
        foreach (var field in fields)
        {
            if (errors.TryGetValue(field, out var message))
            {
                state.AddModelError(field, message);
            }
        }
    }

    /// <summary>
    /// Puts validation errors against the form's boxes, unless a box already has its own: a page that found some boxes
    /// unreadable shows what the editor's check found in the rest, every error at once.
    /// </summary>
    public static void AddEditErrors(this ModelStateDictionary state, IReadOnlyDictionary<string, string> errors, string prefix = "Input", Func<string, string>? box = null)
    {
        foreach (var (field, text) in errors)
        {
            var name = box?.Invoke(field) ?? field;
            var key = prefix.Length == 0 || name.Length == 0 ? name : $"{prefix}.{name}";
            if (!state.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
            {
                state.AddModelError(key, text);
            }
        }
    }
}
