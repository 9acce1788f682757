using SaferPlan.Core.Funding;

namespace SaferPlan.Core.Documents;

/// <summary>
/// A year's public plan update, laid out as seed 003 (Cambridge CSP, Community Safety Plan 2012/2013 update): a foreword from
/// the Board's members with their names and agencies, the past year's achievements as percentage changes, what the
/// partnership did and spent per priority ("We spent £4,207 so that…"), the year's plan (why each priority continues, what
/// it aims to achieve, how, its targets, its lead officer) and how to get in touch. It is public by nature: every
/// Restricted item and every e-mail address is left out by the builder, so the renderers show everything they are given.
/// </summary>
public sealed record PlanUpdate(
    string PartnershipSlug,
    string PartnershipName,
    ReportingPeriod Year,
    string Title,
    string Label,
    ReportPart? Foreword,
    string BoardMembersHeading,
    IReadOnlyList<PlanUpdateMember> BoardMembers,
    ReportingPeriod AchievementsYear,
    string? AchievementsIntro,
    IReadOnlyList<string> Achievements,
    ReportPart? WhatWeDid,
    DocumentFunding? Funding,
    ReportPart? PlanIntroduction,
    IReadOnlyList<ReportPart> PlanParts,
    IReadOnlyList<PlanUpdatePriority> Priorities,
    IReadOnlyList<ReportPart> After) : IPartnershipDocument
{
    public const string Marking = "Official";

    string IPartnershipDocument.TitleNote => "";

    string IPartnershipDocument.Subject => Label;

    string IPartnershipDocument.Marking => Marking;

    bool IPartnershipDocument.IncludesRestricted => false;

    public const string ContentsHeading = "Contents";

    /// <summary>"1. Achievements in 2011/12".</summary>
    public string AchievementsHeading => $"1. Achievements in {AchievementsYear.Display}";

    /// <summary>"2. What did we do in each priority area?".</summary>
    public string WhatWeDidHeading => $"2. {WhatWeDid?.Heading ?? "What did we do in each priority area?"}";

    /// <summary>"3. Community Safety Plan: 2012/2013 update".</summary>
    public string PlanHeading => $"3. {PlanIntroduction?.Heading ?? Title}";

    /// <summary>"In total we spent £59,235 on these projects."</summary>
    public string? SpentTotalSentence => Funding is { } f && f.Spent > 0 ? $"In total we spent {Money.Plain(f.Spent)} on these projects." : null;

    /// <summary>The document's parts in order with their anchors, for the contents of both renderers.</summary>
    public IReadOnlyList<(string Anchor, string Heading)> Contents()
    {
        var entries = new List<(string, string)> { ("achievements", AchievementsHeading), ("what-we-did", WhatWeDidHeading), ("plan", PlanHeading) };
        for (var i = 0; i < After.Count; i++)
        {
            entries.Add(($"after-{i + 1}", $"{4 + i}. {After[i].Heading}"));
        }

        return entries;
    }

    /// <summary>"cambridge-update-2012-13.docx".</summary>
    public string FileName(string extension) => $"{PartnershipSlug}-update-{Year.Slug}.{extension}";

    /// <summary>"In the past year to October 2011 we have seen: total recorded crime reduce by 20 percent; …; and pedal cycle theft reduce by 30 percent."</summary>
    public static IReadOnlyList<string> AchievementLines(IReadOnlyList<(string Name, decimal Reduction)> changes)
    {
        var lines = new List<string>();
        for (var i = 0; i < changes.Count; i++)
        {
            var (name, reduction) = changes[i];
            var what = name.Length > 1 && !char.IsUpper(name[1]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;
            var change = reduction >= 0 ? $"reduce by {Percent(reduction)} percent" : $"rise by {Percent(-reduction)} percent";
            var end = i == changes.Count - 1 ? "." : i == changes.Count - 2 ? "; and" : ";";
            lines.Add($"{what} {change}{end}");
        }

        return lines;
    }

    private static string Percent(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>A member of the Board as the foreword lists them: their agency and name.</summary>
public sealed record PlanUpdateMember(string Agency, string Name);

/// <summary>A priority of the year's plan under seed 003's headings, with its targets and lead officer.</summary>
public sealed record PlanUpdatePriority(int Number, string Title, IReadOnlyList<ReportPart> Narrative, IReadOnlyList<PlanUpdateTarget> Targets, string? LeadOfficer)
{
    public string Heading => $"Priority {Number}: {Title}";

    public string Anchor => $"priority-{Number}";

    public const string TargetsHeading = "Targets";

    public const string LeadOfficerHeading = "Lead Officer";

    /// <summary>Seed 003's headings of a priority's narrative, in its order.</summary>
    public static readonly IReadOnlyList<string> NarrativeHeadings =
    [
        "Why is this priority being continued?",
        "What do we aim to achieve?",
        "How will we do this?",
    ];
}

/// <summary>An indicator's target for the year: "At most 130", "At least 70", or "To be confirmed".</summary>
public sealed record PlanUpdateTarget(string Indicator, string Target, string? Wording)
{
    public string Line => $"{Indicator}: {Target}";
}

/// <summary>Where a request for a year's plan update ends: the document, or why there is none.</summary>
public sealed record PlanUpdateOutcome(PlanUpdate? Document, string? Refusal, bool NoPartnership = false);
