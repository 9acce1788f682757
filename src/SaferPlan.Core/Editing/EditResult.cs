using System.Diagnostics.CodeAnalysis;
namespace SaferPlan.Core.Editing;

public enum EditStatus
{
    Ok,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

/// <summary>What came of an edit: the saved item, or why nothing was changed.</summary>
public sealed record EditResult<T>(EditStatus Status, T? Value, IReadOnlyDictionary<string, string> Errors, string? Message)
{
    private static readonly Dictionary<string, string> None = [];

    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Status == EditStatus.Ok;

    public static EditResult<T> Ok(T value) => new(EditStatus.Ok, value, None, null);

    public static EditResult<T> NotFound(string message) => new(EditStatus.NotFound, default, None, message);

    public static EditResult<T> Forbidden(string message) => new(EditStatus.Forbidden, default, None, message);

    public static EditResult<T> Conflict(string message) => new(EditStatus.Conflict, default, None, message);

    public static EditResult<T> Invalid(IReadOnlyDictionary<string, string> errors) =>
        new(EditStatus.Invalid, default, errors, errors.Values.FirstOrDefault());

    /// <summary>Refused for one rule broken: <paramref name="message"/> against <paramref name="field"/>.</summary>
    public static EditResult<T> Invalid(string field, string message) => Invalid(new Dictionary<string, string> { [field] = message });

    /// <summary>
    /// For a lookup made for an edit: false with the item found, or true with why not, as <paramref name="refusal"/> for
    /// the edit to answer (<c>if (found.Refused(out var item, out var refusal)) return refusal;</c>).
    /// </summary>
    public bool Refused([NotNullWhen(false)] out T? value, [NotNullWhen(true)] out EditResult<T>? refusal) =>
        Refused<T>(out value, out refusal);

    /// <summary>As <see cref="Refused(out T, out EditResult{T})"/>, the refusal for an edit of another kind of item.</summary>
    public bool Refused<TOther>([NotNullWhen(false)] out T? value, [NotNullWhen(true)] out EditResult<TOther>? refusal)
    {
        if (Succeeded)
        {
            value = Value;
            refusal = null;
            return false;
        }

        value = default;
        refusal = new(Status, default, Errors, Message);
        return true;
    }

    /// <summary>
    /// For a check (<see cref="FieldCheck"/>): the same with one more rule broken, <paramref name="message"/> against
    /// <paramref name="field"/> after the errors so far; a field that has an error keeps it.
    /// </summary>
    public EditResult<T> WithError(string field, string message)
    {
        if (Status is not (EditStatus.Ok or EditStatus.Invalid))
        {
            return this;
        }

        var errors = Errors.ToDictionary();
        errors.TryAdd(field, message);
        return Invalid(errors);
    }

    /// <summary>The same refusal, for the edit that was checked on this one's behalf.</summary>
    public EditResult<TOther> Refusal<TOther>() =>
        Succeeded ? throw new InvalidOperationException("An edit that succeeded is no refusal.") : new(Status, default, Errors, Message);
}
