using System.Text;

namespace SaferPlan.Core.Documents;

/// <summary>A paragraph, or a bulleted list when every line starts "- ".</summary>
public sealed record TextBlock(bool IsList, IReadOnlyList<string> Lines);

/// <summary>
/// Narrative text as the plans store it (docs/FORMAT.md): paragraphs separated by a blank line, a paragraph whose
/// lines start "- " a bulleted list. Both renderers read it the same way.
/// </summary>
public static class ReportText
{
    public static IReadOnlyList<TextBlock> Blocks(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var blocks = new List<TextBlock>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lines = paragraph.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (lines.Length == 0)
            {
                continue;
            }

            if (lines.All(IsBullet))
            {
                blocks.Add(new TextBlock(true, lines.Select(l => l[1..].Trim()).ToList()));
            }
            else
            {
                blocks.Add(new TextBlock(false, lines));
            }
        }

        return blocks;
    }

    /// <summary>Text with characters that XML 1.0 cannot carry removed, so a stray control character never breaks a document.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (!trimmed.Any(c => IsInvalid(c)))
        {
            return trimmed;
        }

        var builder = new StringBuilder(trimmed.Length);
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsHighSurrogate(c) && i + 1 < trimmed.Length && char.IsLowSurrogate(trimmed[i + 1]))
            {
                builder.Append(c).Append(trimmed[++i]);
            }
            else if (!IsInvalid(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsBullet(string line) => line.Length > 1 && line[0] is '-' or '•' && char.IsWhiteSpace(line[1]);

    private static bool IsInvalid(char c) =>
        (c < 0x20 && c is not '\t' and not '\n' and not '\r') || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF';
}
