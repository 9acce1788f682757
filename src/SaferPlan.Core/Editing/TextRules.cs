using System.Diagnostics.CodeAnalysis;

namespace SaferPlan.Core.Editing;

/// <summary>
/// The two rules the editors' text boxes share: one that must be filled in (the form's own words when it is not), and
/// none longer than its column ("The title must be 200 characters or fewer"). The length counts the text trimmed; a limit
/// of four digits is written with a comma (4,000), as GOV.UK writes numbers over 999.
/// </summary>
internal static class TextRules
{
    /// <summary>Adds <paramref name="missing"/> under <paramref name="field"/> when the text is empty or blank, else <see cref="TooLong"/>'s error; true when the text is fine.</summary>
    public static bool Required(IDictionary<string, string> errors, string field, [NotNullWhen(true)] string? text, int max, string missing, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = missing;
            return false;
        }

        return !TooLong(errors, field, text, max, what);
    }

    /// <summary>Adds "<paramref name="what"/> must be <paramref name="max"/> characters or fewer" under <paramref name="field"/> when the text, trimmed, is longer; true when it is.</summary>
    public static bool TooLong(IDictionary<string, string> errors, string field, string? text, int max, string what)
    {
        if (text is null || text.Trim().Length <= max)
        {
            return false;
        }

        errors[field] = $"{what} must be {Limit(max)} characters or fewer";
        return true;
    }

    /// <summary>A length limit as the messages write it: 200, 4,000.</summary>
    public static string Limit(int max) => max.ToString("N0", CultureInfo.InvariantCulture);
}
