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

    /// <summary>The same refusal, for the edit that was checked on this one's behalf.</summary>
    public EditResult<TOther> Refusal<TOther>() =>
        Succeeded ? throw new InvalidOperationException("An edit that succeeded is no refusal.") : new(Status, default, Errors, Message);
}
