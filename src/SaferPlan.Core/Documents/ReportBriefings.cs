using System.Text.Json;
using SaferPlan.Core.Monitoring;

namespace SaferPlan.Core.Documents;

/// <summary>
/// A partner's briefing laid out as it was written: its "To:" line, its own numbered sections (1. Purpose, 2. Background,
/// its further sections, then Risks and Recommendations), and its figures where its text introduces them. The Board
/// report and the task group reports page both show it this way.
/// </summary>
public static class ReportBriefings
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The line in a briefing's sections where its figures go.</summary>
    public const string FiguresMarker = "[figures]";

    /// <summary>The briefing as the report and the pages lay it out.</summary>
    public static ReportBriefing Of(PartnerBriefing b)
    {
        ArgumentNullException.ThrowIfNull(b);
        // The briefing's own numbering: 1. Purpose, 2. Background, its further sections, then Risks and Recommendations.
        var parts = new List<(string Heading, string? Text)> { ("Purpose", b.Purpose), ("Background", b.Background) };
        parts.AddRange(BriefingSections(b.Sections).Select(x => (x.Heading, (string?)x.Text)));
        var furtherEnd = parts.Count;
        parts.Add(("Risks", b.Risks));
        parts.Add(("Recommendations", b.Recommendations));

        var sections = new List<ReportBriefingSection>();
        var lastBeforeClosing = -1;
        for (var i = 0; i < parts.Count; i++)
        {
            var (heading, text) = parts[i];
            var marker = FiguresAt(text);
            if (marker is { } split)
            {
                sections.Add(new ReportBriefingSection(sections.Count + 1, heading, ReportText.Clean(split.Before), true, ReportText.Clean(split.After)));
            }
            else if (ReportText.Clean(text) is { } clean)
            {
                sections.Add(new ReportBriefingSection(sections.Count + 1, heading, clean));
            }
            else
            {
                continue;
            }

            if (i < furtherEnd)
            {
                lastBeforeClosing = sections.Count - 1;
            }
        }

        List<ReportBriefingFigure> figures = [];
        if (!string.IsNullOrWhiteSpace(b.Figures))
        {
            try
            {
                figures = (JsonSerializer.Deserialize<List<BriefingFigureJson?>>(b.Figures, Json) ?? [])
                    .Where(f => f is not null)
                    .Select(f => new ReportBriefingFigure(ReportText.Clean(f!.Label) ?? "", f.Value))
                    .ToList();
            }
            catch (JsonException)
            {
                figures = [];
            }
        }

        if (figures.Count > 0 && !sections.Any(s => s.Figures) && lastBeforeClosing >= 0)
        {
            // Without a place marked for them, the figures close the briefing's last section before its risks.
            sections[lastBeforeClosing] = sections[lastBeforeClosing] with { Figures = true };
        }

        return new ReportBriefing(
            ReportText.Clean(b.Title) ?? "Partner briefing",
            ReportText.Clean(b.ToLine),
            ReportText.Clean(b.FromName),
            b.IssuedOn,
            sections,
            ReportText.Clean(b.FiguresTitle),
            figures,
            b.Marking == ProtectiveMarking.Restricted);
    }

    /// <summary>A section's text split where its "[figures]" line is, or null when it has none.</summary>
    private static (string Before, string After)? FiguresAt(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var at = Array.FindIndex(lines, l => l.Trim() == FiguresMarker);
        return at < 0 ? null : (string.Join('\n', lines[..at]), string.Join('\n', lines[(at + 1)..]));
    }

    private sealed record BriefingFigureJson(string? Label, decimal? Value);

    /// <summary>A briefing's further sections: a line starting "## " is a heading, the text below it the section.</summary>
    private static IEnumerable<(string Heading, string Text)> BriefingSections(string? sections)
    {
        if (string.IsNullOrWhiteSpace(sections))
        {
            yield break;
        }

        string? heading = null;
        var lines = new List<string>();
        foreach (var line in sections.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (heading is not null || lines.Any(l => !string.IsNullOrWhiteSpace(l)))
                {
                    yield return (heading ?? "Update", string.Join('\n', lines));
                }

                heading = line[3..].Trim();
                lines.Clear();
            }
            else
            {
                lines.Add(line);
            }
        }

        if (heading is not null || lines.Any(l => !string.IsNullOrWhiteSpace(l)))
        {
            yield return (heading ?? "Update", string.Join('\n', lines));
        }
    }
}
