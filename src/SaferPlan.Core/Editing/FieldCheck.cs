using System.Diagnostics.CodeAnalysis;
using SaferPlan.Core.Documents;

namespace SaferPlan.Core.Editing;

/// <summary>
/// Reads an edit's input into the values the edit writes, noting what is wrong by field as it goes: each rule answers the
/// value to write (a text trimmed, a date that was given) and notes its error when the input breaks it; <see cref="Result"/>
/// then gives the checked fields when nothing was noted, or the errors. The one way an editor checks its input, so an edit
/// writes values that were checked instead of reading its input again with <c>!</c>
/// (<c>if (Check(input).Refused(out var fields, out EditResult&lt;Item&gt;? refusal)) return refusal;</c>).
/// </summary>
public sealed class FieldCheck
{
    /// <summary>What is wrong so far, by field; rules of an editor's own (money, dates) add to it.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    public bool Failed(string field) => Errors.ContainsKey(field);

    /// <summary>Notes <paramref name="message"/> against <paramref name="field"/>.</summary>
    public void Add(string field, string message) => Errors[field] = message;

    /// <summary>
    /// A text that must be filled in and fit its column (<see cref="TextRules.Required"/>): trimmed, with any character XML
    /// cannot carry made a space (<see cref="ReportText.XmlSafe"/>: Word's line break, pasted), or "" with its error.
    /// </summary>
    public string Required(string field, string? text, int max, string missing, string what) =>
        TextRules.Required(Errors, field, text, max, missing, what) ? ReportText.XmlSafe(text).Trim() : "";

    /// <summary>A text of paragraphs that must be filled in, as <see cref="Required"/>, its lines ended the one way ("\n").</summary>
    public string RequiredText(string field, string? text, int max, string missing, string what) =>
        Required(field, text, max, missing, what).ReplaceLineEndings("\n");

    /// <summary>A text that may be left blank: as <see cref="Required"/> made safe and trimmed, null when blank, and its error when it is longer than its column.</summary>
    public string? Optional(string field, string? text, int max, string what) =>
        TextRules.TooLong(Errors, field, text, max, what) ? null : ReportText.Clean(text);

    /// <summary>A text of paragraphs that may be left blank, as <see cref="Optional"/>, its lines ended the one way ("\n").</summary>
    public string? OptionalText(string field, string? text, int max, string what) => Optional(field, text, max, what)?.ReplaceLineEndings("\n");

    /// <summary>A value that must be given (a date, a choice): itself, or the type's default with <paramref name="missing"/> noted.</summary>
    public T Given<T>(string field, T? value, string missing)
        where T : struct
    {
        if (value is { } given)
        {
            return given;
        }

        Errors[field] = missing;
        return default;
    }

    /// <summary>
    /// For an edit that checks its input where it writes it: true, with the errors as the edit's answer, when a rule was broken
    /// (<c>if (check.Refused(out EditResult&lt;Item&gt;? invalid)) return invalid;</c>).
    /// </summary>
    public bool Refused<T>([NotNullWhen(true)] out EditResult<T>? invalid)
    {
        invalid = Errors.Count > 0 ? EditResult<T>.Invalid(Errors) : null;
        return invalid is not null;
    }

    /// <summary>One of an enumeration's choices that must be made: itself, or the default with <paramref name="missing"/> noted when none or no choice of it was given.</summary>
    public T Chosen<T>(string field, T? value, string missing)
        where T : struct, Enum
    {
        if (value is { } chosen && Enum.IsDefined(chosen))
        {
            return chosen;
        }

        Errors[field] = missing;
        return default;
    }

    /// <summary>A choice a form always sends (it has a default), as <see cref="Chosen{T}(string, T?, string)"/>: a value no choice stands for is refused.</summary>
    public T Chosen<T>(string field, T value, string missing)
        where T : struct, Enum =>
        Chosen<T>(field, (T?)value, missing);

    /// <summary>The fields <paramref name="fields"/> makes when no rule was broken; else the errors, every one at once.</summary>
    public EditResult<T> Result<T>(Func<T> fields) => Errors.Count == 0 ? EditResult<T>.Ok(fields()) : EditResult<T>.Invalid(Errors);
}
