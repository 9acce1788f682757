namespace SaferPlan.Core.Documents;

/// <summary>
/// A plan edition as its published document, laid out as seed 000 (the Community Safety Plan 2008–2011, 2010/11
/// refresh): a cover, contents, the sections placed before the priorities, one section per priority with its narrative
/// and action plan table, the mainstreamed activities, the sections placed after the priorities, how the partnership
/// works (its bodies and how often they meet) and the glossary. In the public version every Restricted item and every
/// e-mail address is already left out, so the renderers show everything they are given.
/// </summary>
public sealed record PlanDocument(
    string PartnershipSlug,
    string PartnershipName,
    string PlanTitle,
    string PlanSpan,
    ReportingPeriod Year,
    string EditionTitle,
    string? EditionLabel,
    EditionStatus Status,
    DateOnly? ApprovedOn,
    string? ApprovedBy,
    string? ApprovalMinute,
    ReportAudience Audience,
    IReadOnlyList<ReportPart> Before,
    IReadOnlyList<PlanDocumentPriority> Priorities,
    IReadOnlyList<PlanDocumentPriority> Mainstreamed,
    IReadOnlyList<ReportPart> After,
    IReadOnlyList<PlanDocumentBody> Bodies,
    IReadOnlyList<PlanDocumentTerm> Glossary,
    bool IncludesRestricted) : IPartnershipDocument
{
    public const string ContentsHeading = "Contents";

    /// <summary>The year's public account, "What we spent", when anything was spent; null otherwise.</summary>
    public DocumentFunding? Funding { get; init; }

    public const string MainstreamedHeading = "Mainstreamed activities";

    public const string BodiesHeading = "How the partnership works";

    public const string GlossaryHeading = "Glossary";

    /// <summary>The seed's narrative headings of a priority, in its order.</summary>
    public static readonly IReadOnlyList<string> NarrativeHeadings =
    [
        "Why is this a priority?",
        "What will we do?",
        "What will our approach be?",
        "How will we measure success?",
        "What data will we use to measure the success?",
    ];

    /// <summary>The seed's action plan columns: the action with its number, its lettered milestones, the lead agency and the other partners.</summary>
    public static readonly IReadOnlyList<string> Columns = ["Action", "Milestones", "Lead agency", "Other partners"];

    /// <summary>The columns of the table of the partnership's bodies.</summary>
    public static readonly IReadOnlyList<string> BodyColumns = ["Body", "Kind", "Meets", "What it does"];

    public string Marking => PartnershipDocument.MarkingOf(IncludesRestricted);

    string IPartnershipDocument.Title => $"{PlanHeading}, {YearHeading}";

    string IPartnershipDocument.TitleNote => PartnershipDocument.PublicVersion(Audience);

    string IPartnershipDocument.Subject => EditionTitle;

    /// <summary>"Community Safety Plan 2008–2011".</summary>
    public string PlanHeading => PlanTitle.Contains(PlanSpan, StringComparison.Ordinal) ? PlanTitle : $"{PlanTitle} {PlanSpan}";

    /// <summary>"2010/11 edition".</summary>
    public string YearHeading => $"{Year.Display} edition";

    public bool IsApproved => ApprovedOn is not null && Status is EditionStatus.Approved or EditionStatus.Superseded;

    /// <summary>
    /// The cover's word on where the edition stands: "Approved on 1 February 2010 by the CDRP Board (minute 5)", for a
    /// superseded edition whose approval was not recorded "Superseded by a later edition", or for a draft its label if it has
    /// one ("Draft DRAFT.V3: not yet approved", "Consultation draft: not yet approved").
    /// </summary>
    public string StatusLine
    {
        get
        {
            if (IsApproved)
            {
                var line = $"Approved on {Dates.Display(ApprovedOn!.Value)}{(ApprovedBy is { } body ? $" by {body}" : "")}{BodyDecisions.MinuteAfter(ApprovalMinute)}";
                return Status == EditionStatus.Superseded ? line + "; since superseded by a later edition" : line;
            }

            if (Status == EditionStatus.Superseded)
            {
                return "Superseded by a later edition";
            }

            var stage = Status == EditionStatus.Consultation ? "Consultation draft" : "Draft";
            return $"{stage}{(EditionLabel is { } label ? $" {label}" : "")}: not yet approved";
        }
    }

    public string AudienceLine => PartnershipDocument.AudienceLine(Audience, IncludesRestricted);

    /// <summary>"south-cambridgeshire-plan-2010-11.docx".</summary>
    public string FileName(string extension) => PartnershipDocument.FileName(PartnershipSlug, "plan", Year.Slug, Audience, extension);

    /// <summary>The document's parts in order, each with its anchor, for the contents of both renderers.</summary>
    public IReadOnlyList<(string Anchor, string Heading)> Contents()
    {
        var entries = new List<(string, string)>();
        for (var i = 0; i < Before.Count; i++)
        {
            entries.Add(($"before-{i + 1}", Before[i].Heading));
        }

        foreach (var priority in Priorities)
        {
            entries.Add((priority.Anchor, priority.Heading));
        }

        if (Mainstreamed.Count > 0)
        {
            entries.Add(("mainstreamed", MainstreamedHeading));
        }

        for (var i = 0; i < After.Count; i++)
        {
            entries.Add(($"after-{i + 1}", After[i].Heading));
        }

        if (Bodies.Count > 0)
        {
            entries.Add(("bodies", BodiesHeading));
        }

        if (Glossary.Count > 0)
        {
            entries.Add(("glossary", GlossaryHeading));
        }

        return entries;
    }
}

/// <summary>A priority (or mainstreamed activity) with its narrative under the seed's headings and its action plan.</summary>
public sealed record PlanDocumentPriority(
    int Number,
    PriorityKind Kind,
    string Title,
    bool Restricted,
    IReadOnlyList<ReportPart> Narrative,
    IReadOnlyList<DocumentAction<PlanDocumentMilestone>> Actions)
{
    /// <summary>"Priority 1: Reducing Serious Acquisitive Crime"; a mainstreamed activity by its title.</summary>
    public string Heading => Kind == PriorityKind.Priority ? $"Priority {Number}: {Title}" : Title;

    /// <summary>"Priority 1: Action plan".</summary>
    public string ActionPlanHeading => Kind == PriorityKind.Priority ? $"Priority {Number}: Action plan" : $"Action plan: {Title}";

    public string Anchor => Kind == PriorityKind.Priority ? $"priority-{Number}" : $"mainstreamed-{Number}";
}

/// <summary>A milestone with its code ("1.1a") and its own lead where it differs from the action's.</summary>
public sealed record PlanDocumentMilestone(string Code, string Text, string? Lead, bool Restricted) : IDocumentMilestone;

/// <summary>One of the partnership's bodies: what kind it is, how often it meets, who chairs it and what it does.</summary>
public sealed record PlanDocumentBody(string Name, string Kind, string Meets, string? Chair, string? Description, string? MemberAgencies);

public sealed record PlanDocumentTerm(string Term, string Definition, bool Restricted);

/// <summary>Where a request for an edition's document by partnership and year ends: the document, or why there is none.</summary>
public sealed record PlanDocumentOutcome(PlanDocument? Document, string? Refusal);
