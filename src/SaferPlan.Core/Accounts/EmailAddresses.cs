using System.Text.RegularExpressions;

namespace SaferPlan.Core.Accounts;

/// <summary>
/// Names stored before users had display names (update authors, reviewers, indicator values, audit actors) may be
/// e-mail addresses; e-mail addresses are shown only to a partnership's administrators and support officers, so
/// everywhere else such text shows the part before the @.
/// </summary>
public static partial class EmailAddresses
{
    [GeneratedRegex(@"([^\s@<>""(),;:]+)@[^\s@<>""(),;:]+\.[^\s@<>""(),;:]+", RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    /// <summary>The text with every e-mail address in it cut to its part before the @.</summary>
    public static string? Hide(string? text) =>
        text is null || !text.Contains('@', StringComparison.Ordinal) ? text : Address().Replace(text, m => m.Groups[1].Value);
}
