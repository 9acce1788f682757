namespace SaferPlan.Core.Documents;

/// <summary>
/// What both renderers of a partnership's document (<see cref="DocumentHtml"/>, <see cref="Docx.DocxBlocks"/>) need around
/// its content: the partnership's name, the title both forms carry, what the web page's title adds, the Word document's
/// subject, and the protective marking with whether anything Restricted is in it.
/// </summary>
public interface IPartnershipDocument
{
    string PartnershipName { get; }

    /// <summary>The title after the partnership's name: "Performance Report 2010/11 Q4".</summary>
    string Title { get; }

    /// <summary>What the web page's title adds to <see cref="Title"/>: " (public version)", " (draft)", or nothing.</summary>
    string TitleNote { get; }

    /// <summary>The Word document's subject: "Quarter 4 January 2011–March 2011".</summary>
    string Subject { get; }

    /// <summary>"Restricted" or "Official".</summary>
    string Marking { get; }

    bool IncludesRestricted { get; }
}

/// <summary>The lines the partnership's documents share, worded once.</summary>
public static class PartnershipDocument
{
    /// <summary>The protective marking of a whole document: Restricted when anything in it is.</summary>
    public static string MarkingOf(bool includesRestricted) => includesRestricted ? "Restricted" : "Official";

    /// <summary>
    /// A document's file name: "south-cambridgeshire-performance-2010-11-q4.docx", with "-public" before the extension for the
    /// public version, so the version to publish is never mistaken for the full one among a support officer's downloads.
    /// </summary>
    public static string FileName(string partnershipSlug, string kind, string key, ReportAudience audience, string extension) =>
        $"{partnershipSlug}-{kind}-{key}{(audience == ReportAudience.Public ? "-public" : "")}.{extension}";

    /// <summary>What the web page's title adds for the public version of a document.</summary>
    public static string PublicVersion(ReportAudience audience) => audience == ReportAudience.Public ? " (public version)" : "";

    /// <summary>Who the document is for, near its top; <paramref name="what"/> is "document" or "report".</summary>
    public static string AudienceLine(ReportAudience audience, bool includesRestricted, string what = "document") => audience == ReportAudience.Public
        ? "Public version: items with the protective marking Restricted are left out."
        : includesRestricted
            ? $"This {what} contains items marked Restricted. Do not publish it: publish the public version, which leaves them out."
            : $"This {what} contains no items marked Restricted.";

    /// <summary>The quarter's documents' line on the plan they report against.</summary>
    public static string ReportingAgainst(string? editionTitle, ReportingPeriod period) => editionTitle is { } edition
        ? $"Reporting against: {edition}"
        : $"There is no published plan for {period.FinancialYear.Display} to report against.";
}
