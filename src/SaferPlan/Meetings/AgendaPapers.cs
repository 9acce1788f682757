using SaferPlan.Core.Meetings;
using SaferPlan.Documents;

namespace SaferPlan.Meetings;

/// <summary>
/// A paper on an agenda as its reader sees it: its name, and where they read it; or, while they cannot open it yet, its name
/// saying so ("Funding plan (not agreed yet)") and no address.
/// </summary>
public sealed record AgendaPaper(string Name, string? Url);

/// <summary>
/// Where each paper SaferPlan makes is read, as the site's own addresses (documents through <see cref="DocumentLinks"/>, so a
/// signed-in member follows them with the site's cookie), and whether the reader can open it yet (<see cref="PaperAccess"/>:
/// the rules the papers' own routes answer by), so a visitor is not sent to a paper its route would turn them away from.
/// </summary>
public static class AgendaPapers
{
    /// <summary>The paper's address for a reader who can open it (<paramref name="papers"/>); null when they cannot yet, or it has none.</summary>
    public static string? Url(string slug, AgendaItem item, PaperAccess papers)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(papers);
        return papers.CanOpen(item.Paper, item.PaperKey) ? Url(slug, item.Paper, item.PaperKey) : null;
    }

    private static string? Url(string slug, PaperKind kind, string? key) => kind switch
    {
        PaperKind.BoardReport when Quarter(key) is { } quarter => DocumentLinks.BoardReport(slug, quarter, ReportFormat.Html),
        PaperKind.RefreshReport when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var edition) => DocumentLinks.RefreshReport(edition, ReportFormat.Html),
        PaperKind.StrategicAssessment => $"/partnerships/{slug}/assessment",
        PaperKind.FundingPlan when ReportingPeriod.TryParse(key, out var year) => $"/partnerships/{slug}/funding/{year.FinancialYear.Slug}",
        _ => null,
    };

    /// <summary>The item's paper as <paramref name="papers"/>' reader finds it; null when the item has no paper to read.</summary>
    public static AgendaPaper? For(string slug, AgendaItem item, PaperAccess papers)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (Url(slug, item.Paper, item.PaperKey) is null)
        {
            return null;
        }

        var name = MeetingPapers.Name(item.Paper);
        return Url(slug, item, papers) is { } url
            ? new AgendaPaper(name, url)
            : new AgendaPaper(item.Paper == PaperKind.FundingPlan ? $"{name} (not agreed yet)" : $"{name} (not published yet)", null);
    }

    private static ReportingPeriod? Quarter(string? key) => ReportingPeriod.TryParse(key, out var quarter) && !quarter.IsWholeYear ? quarter : null;
}
