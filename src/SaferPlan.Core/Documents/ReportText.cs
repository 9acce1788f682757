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

    /// <summary>Text with characters that XML 1.0 cannot carry made spaces (see <see cref="XmlSafe"/>), trimmed; null when nothing is left.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : NullIfBlank(XmlSafe(text).Trim());

    /// <summary>
    /// Text that XML 1.0 can carry, so a stray control character never breaks a Word document or an SVG: a vertical tab
    /// (Word's line break, pasted) or any other control character but tab, newline and carriage return becomes a space,
    /// so the words either side stay apart; a lone surrogate or U+FFFE/U+FFFF is dropped. Text with none comes back as it is.
    /// Every document and chart writer passes its text through this, and edits of names pass through it on the way in.
    /// </summary>
    public static string XmlSafe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.AsSpan().ContainsAny(Invalid) && !HasSurrogate(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (c < 0x20 && c is not '\t' and not '\n' and not '\r')
            {
                builder.Append(' ');
            }
            else if (!char.IsSurrogate(c) && c is not '\uFFFE' and not '\uFFFF')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A name or title as it is kept: <see cref="XmlSafe"/>, trimmed. Null stays null.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Name(string? text) => text is null ? null : XmlSafe(text).Trim();

    private static readonly System.Buffers.SearchValues<char> Invalid = System.Buffers.SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    private static bool HasSurrogate(string text) => text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    private static string? NullIfBlank(string text) => text.Length == 0 ? null : text;

    private static bool IsBullet(string line) => line.Length > 1 && line[0] is '-' or '•' && char.IsWhiteSpace(line[1]);

}
