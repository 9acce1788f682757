using SaferPlan.Core.Meetings;
using SaferPlan.Documents;

namespace SaferPlan.Meetings;

/// <summary>A paper on an agenda as its reader sees it: its name, and where they read it, or null while it is not published yet for them.</summary>
public sealed record AgendaPaper(string Name, string? Url);

/// <summary>
/// Where each paper SaferPlan makes is read, as the site's own addresses (documents through <see cref="DocumentLinks"/>, so a
/// signed-in member follows them with the site's cookie), and whether the reader can open it yet: a quarter's Board report
/// opens for the readers who may see the quarter (<see cref="PublicationService.VisibleQuartersAsync"/>, the rule the Board
/// report's own route answers by), so a visitor is not sent to a report the route would turn them away from.
/// </summary>
public static class AgendaPapers
{
    public static string? Url(string slug, PaperKind kind, string? key) => kind switch
    {
        PaperKind.BoardReport when Quarter(key) is { } quarter => DocumentLinks.BoardReport(slug, quarter, ReportFormat.Html),
        PaperKind.RefreshReport when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var edition) => DocumentLinks.RefreshReport(edition, ReportFormat.Html),
        PaperKind.StrategicAssessment => $"/partnerships/{slug}/assessment",
        PaperKind.FundingPlan when key is not null => $"/partnerships/{slug}/funding/{key}",
        _ => null,
    };

    /// <summary>The item's paper for a reader who may see <paramref name="visibleQuarters"/> (null: every quarter); null when the item has no paper to read.</summary>
    public static AgendaPaper? For(string slug, AgendaItem item, IReadOnlySet<ReportingPeriod>? visibleQuarters)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (Url(slug, item.Paper, item.PaperKey) is not { } url)
        {
            return null;
        }

        var unpublished = item.Paper == PaperKind.BoardReport && visibleQuarters is not null && Quarter(item.PaperKey) is { } quarter && !visibleQuarters.Contains(quarter);
        return new AgendaPaper(MeetingPapers.Name(item.Paper), unpublished ? null : url);
    }

    private static ReportingPeriod? Quarter(string? key) => ReportingPeriod.TryParse(key, out var quarter) && !quarter.IsWholeYear ? quarter : null;
}
