using SaferPlan.Core.Monitoring;

namespace SaferPlan.Core.Documents;

/// <summary>What to build: a partnership's milestone monitoring for one quarter, for an audience.</summary>
public sealed record MilestoneMonitoringOptions(string PartnershipSlug, ReportingPeriod Period, ReportAudience Audience = ReportAudience.Full) : IQuarterDocumentOptions;

/// <summary>
/// The quarter's milestone monitoring laid out as seed 004 (the Rolling Plan 2009–2012 with Q1 progress): per action its
/// milestones, each with "Measurement =", "Source:", the quarter's progress and "To meet target – on track / not on
/// track". In the public version every Restricted item, draft plan, unaccepted update and e-mail address is already left
/// out, so the renderers show everything they are given.
/// </summary>
public sealed record MilestoneMonitoring(
    string PartnershipSlug,
    string PartnershipName,
    ReportingPeriod Period,
    ReportAudience Audience,
    string? EditionTitle,
    IReadOnlyList<MonitoringPriority> Priorities,
    IReadOnlyList<ReportPart> Notes,
    bool IncludesRestricted) : IPartnershipDocument
{
    public const string DocumentTitle = "Milestone monitoring";

    /// <summary>The seed's table heading above every priority's actions.</summary>
    public const string ActionPlanHeading = "Action Plan";

    /// <summary>The seed's column headings, in its order.</summary>
    public static readonly IReadOnlyList<string> Columns = ["Number", "Action", "Milestones", "Lead CDRP agency", "Other partners"];

    /// <summary>"Quarter 1 April 2009–June 2009".</summary>
    public string QuarterHeading => BoardReport.QuarterHeadingOf(Period);

    public string Marking => PartnershipDocument.MarkingOf(IncludesRestricted);

    string IPartnershipDocument.Title => $"{DocumentTitle} {Period.Display}";

    string IPartnershipDocument.TitleNote => PartnershipDocument.PublicVersion(Audience);

    string IPartnershipDocument.Subject => QuarterHeading;

    /// <summary>"Q1 Progress", as the seed labels each milestone's progress.</summary>
    public string ProgressLabel => $"Q{Period.Quarter} Progress";

    /// <summary>"Q1 figure", the label of a milestone's measured value for the quarter.</summary>
    public string FigureLabel => $"Q{Period.Quarter} figure";

    /// <summary>"south-cambridgeshire-monitoring-2009-10-q1.docx".</summary>
    public string FileName(string extension) => PartnershipDocument.FileName(PartnershipSlug, "monitoring", Period.Slug, Audience, extension);

    /// <summary>The lines under a milestone's code and text, in the seed's order: measurement, source, progress, figure, target.</summary>
    public IReadOnlyList<MonitoringLine> Lines(MonitoringMilestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        var lines = new List<MonitoringLine>();
        if (milestone.Measurement is { } measurement)
        {
            lines.Add(new MonitoringLine("Measurement = ", measurement));
        }

        if (milestone.Source is { } source)
        {
            lines.Add(new MonitoringLine("Source: ", source));
        }

        var progress = milestone.Progress;
        if (progress?.AwaitingReview == true)
        {
            lines.Add(new MonitoringLine(ReportUpdate.AwaitingReviewText + ": ", "submitted, not yet accepted by the support officer"));
        }

        lines.Add(new MonitoringLine($"{ProgressLabel} – ", progress?.Text ?? "No update", progress?.Restricted == true));
        if (progress?.Value is { } value)
        {
            lines.Add(new MonitoringLine($"{FigureLabel}: ", value));
        }

        lines.Add(new MonitoringLine(TargetPrefix, TargetText(progress?.Status)));
        return lines;
    }

    public const string TargetPrefix = "To meet target – ";

    /// <summary>
    /// The seed's words after "To meet target –": "on track", "not on track", or, while the figures are awaited or nobody
    /// has said, the unanswered "on track/not on track" the seed prints.
    /// </summary>
    public static string TargetText(UpdateStatus? status) => status switch
    {
        UpdateStatus.OnTrack => "on track",
        UpdateStatus.NotOnTrack => "not on track",
        UpdateStatus.Completed => "completed",
        UpdateStatus.Closed => "closed",
        UpdateStatus.NotStarted => "not started",
        _ => "on track/not on track",
    };
}

/// <summary>One labelled line of a milestone's monitoring ("Source: " "Anita Goddard").</summary>
public sealed record MonitoringLine(string Label, string Text, bool Restricted = false);

public sealed record MonitoringPriority(int Number, string Heading, bool Restricted, IReadOnlyList<DocumentAction<MonitoringMilestone>> Actions);

/// <summary>A milestone with how it is measured, where the figure comes from, and the quarter's progress if any.</summary>
public sealed record MonitoringMilestone(string Code, string Text, string? Lead, string? Measurement, string? Source, bool Restricted, MonitoringProgress? Progress) : IDocumentMilestone;

/// <summary>The quarter's update of a milestone: the words, the measured value formatted by its kind (£625.00, 1), the status.</summary>
public sealed record MonitoringProgress(string? Text, string? Value, UpdateStatus? Status, bool Restricted, bool AwaitingReview);

/// <summary>What a reader's request gives: the document; or, when the quarter is not published to this reader, the latest published quarter.</summary>
public sealed record MilestoneMonitoringOutcome(MilestoneMonitoring? Document, bool PartnershipFound, ReportingPeriod? LatestPublished);
