namespace SaferPlan.Core.Documents;

/// <summary>
/// The report asking the Board to approve an edition's refresh, laid out as seed 002: a header (partnership, who it is for,
/// its authors, the meeting date: the day the edition was approved once it is, before that the refresh timeline's approval
/// meeting), the title, numbered paragraphs under Purpose, Background, Responses to the consultation,
/// Overview of changes and Recommendation, then Appendix A: per priority the comments received and the changes made,
/// numbered. In the public version every Restricted item and every e-mail address is already left out.
/// </summary>
public sealed record RefreshReport(
    string PartnershipSlug,
    string PartnershipName,
    string ReportTo,
    IReadOnlyList<string> Authors,
    DateOnly? MeetingOn,
    string Title,
    ReportingPeriod Year,
    EditionStatus Status,
    ReportAudience Audience,
    IReadOnlyList<RefreshReportSection> Sections,
    string AppendixHeading,
    string AppendixSummary,
    IReadOnlyList<RefreshReportPriority> Appendix,
    bool IncludesRestricted) : IPartnershipDocument
{
    public const string CommentsHeading = "Comments received";

    public const string ChangesHeading = "Changes made";

    public const string WholePlanHeading = "The whole plan";

    public string Marking => PartnershipDocument.MarkingOf(IncludesRestricted);

    string IPartnershipDocument.TitleNote => $"{(IsDraft ? " (draft)" : "")}{PartnershipDocument.PublicVersion(Audience)}";

    string IPartnershipDocument.Subject => IsDraft ? "Draft" : Year.Display;

    /// <summary>Drafts and editions out for consultation are labelled Draft; an approved edition's report is not.</summary>
    public bool IsDraft => Status is EditionStatus.Draft or EditionStatus.Consultation;

    public string AuthorsLine => Authors.Count == 0 ? "" : string.Join(", ", Authors);

    public string? MeetingLine => MeetingOn is { } on ? Dates.Display(on) : null;

    /// <summary>"south-cambridgeshire-refresh-report-2010-11.docx".</summary>
    public string FileName(string extension) => PartnershipDocument.FileName(PartnershipSlug, "refresh-report", Year.Slug, Audience, extension);
}

/// <summary>A heading with its numbered paragraphs (numbered through the whole report, as the seed's 1–8).</summary>
public sealed record RefreshReportSection(string Heading, IReadOnlyList<RefreshReportParagraph> Paragraphs);

/// <summary>A numbered paragraph, with the bullet points that follow its text.</summary>
public sealed record RefreshReportParagraph(int Number, string Text, IReadOnlyList<string> Bullets);

/// <summary>One priority of Appendix A ("1. Reducing Serious Acquisitive Crime"), or the whole plan, with its numbered comments and changes.</summary>
public sealed record RefreshReportPriority(string Heading, bool Restricted, IReadOnlyList<RefreshReportComment> Comments, IReadOnlyList<RefreshReportChange> Changes);

/// <summary>A comment received ("1.2") with the response recorded to it: "Response: …" or "No change: …".</summary>
public sealed record RefreshReportComment(string Number, string Text, string? Response);

/// <summary>A change made ("1.4"), numbered after its priority's comments.</summary>
public sealed record RefreshReportChange(string Number, string Text);

/// <summary>Where a request for an edition's refresh report by partnership and year ends: the report, or why there is none.</summary>
public sealed record RefreshReportOutcome(RefreshReport? Report, string? Refusal);
