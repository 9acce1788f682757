using SaferPlan.Core.Funding;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Indicators;

namespace SaferPlan.Core.Documents;

/// <summary>
/// Assembles a year's public plan update (seed 003) from the year's approved edition, its Board's seats, the indicators and
/// the year's public account of spending. It is only ever public: Restricted priorities and sections, restricted spending
/// and every e-mail address are left out here, once, through <see cref="AudienceFilter"/>, so no renderer can show them.
/// </summary>
/// <remarks>
/// Where the parts come from (Demo/FORMAT.md, "The plan update"): the edition's sections keyed <c>foreword</c>,
/// <c>what-we-did</c>, <c>plan-update</c> and <c>how-chosen</c> (other sections before the priorities follow it), the
/// sections after the priorities (<c>contact</c>) at the end; the achievements are the partnership's percentage-reduction
/// indicators with a value for a period ending in the year before; the targets are the year's targets of the indicators
/// linked to each priority.
/// </remarks>
public sealed class PlanUpdateBuilder(SaferPlanDbContext db, FundingService fundingService)
{
    private static readonly string[] PlacedKeys = ["foreword", "what-we-did", "plan-update", "how-chosen"];

    public async Task<PlanUpdateOutcome> BuildAsync(string partnershipSlug, ReportingPeriod year, CancellationToken ct = default)
    {
        var partnership = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == partnershipSlug, ct);
        if (partnership is null)
        {
            return new PlanUpdateOutcome(null, $"there is no partnership '{partnershipSlug}'. Give --partnership the slug in the partnership's web address, e.g. cambridge.", NoPartnership: true);
        }

        var start = year.FinancialYear.StartYear;
        var edition = await db.Editions.AsNoTracking().AsSplitQuery()
            .Include(e => e.Sections)
            .Include(e => e.Priorities).ThenInclude(p => p.LeadOfficer).ThenInclude(o => o!.Agency)
            .Published()
            .Where(e => e.Plan.PartnershipId == partnership.Id && e.YearStart == start)
            .OrderByDescending(e => e.Plan.StartYear).ThenByDescending(e => e.Id)
            .FirstOrDefaultAsync(ct);
        if (edition is null)
        {
            return new PlanUpdateOutcome(null, $"'{partnershipSlug}' has no approved plan edition for {year.FinancialYear.Display}: only an approved edition has a public update.");
        }

        var text = new AudienceFilter(isPublic: true);
        var sections = edition.Sections.Where(s => text.Shown(s.Marking)).OrderBy(s => s.SortOrder).ToList();
        ReportPart Part(PlanSection s) => new(text.Of(s.Title) ?? "", text.Of(s.Body), false);
        ReportPart? Keyed(string key) => sections.FirstOrDefault(s => s.Key == key) is { } s ? Part(s) : null;

        var priorities = edition.Priorities.Where(p => p.Kind == PriorityKind.Priority && text.Shown(p.Marking)).OrderBy(p => p.SortOrder).ThenBy(p => p.Number).ToList();
        var targets = await TargetsAsync(partnership.Id, priorities.Select(p => p.Id).ToList(), start, ct);
        var (achievementsYear, intro, achievements) = await AchievementsAsync(partnership.Id, year.FinancialYear, ct);
        var funding = await DocumentFunding.ForAsync(fundingService, partnership.Id, year.FinancialYear, text, ct, spentOnly: true);

        var document = new PlanUpdate(
            partnership.Slug,
            partnership.Name,
            year.FinancialYear,
            text.Of(edition.Title) ?? "",
            text.Of(edition.Label) ?? edition.Year.Display,
            Keyed("foreword"),
            $"Board Members of {partnership.Name}",
            await BoardMembersAsync(partnership.Id, text, ct),
            achievementsYear,
            intro,
            achievements,
            Keyed("what-we-did"),
            funding?.SpendingByPriority.Count > 0 ? funding : null,
            Keyed("plan-update"),
            [.. new[] { Keyed("how-chosen") }.OfType<ReportPart>(),
             .. sections.Where(s => s.Placement == SectionPlacement.BeforePriorities && !PlacedKeys.Contains(s.Key)).Select(Part)],
            priorities.Select(p => Priority(p, targets[p.Id].ToList(), text)).ToList(),
            sections.Where(s => s.Placement == SectionPlacement.AfterPriorities).Select(Part).ToList());
        return new PlanUpdateOutcome(document, null);
    }

    private static PlanUpdatePriority Priority(Priority priority, IReadOnlyList<PlanUpdateTarget> targets, AudienceFilter text)
    {
        string?[] narrative = [priority.Why, priority.WhatWeWillDo, priority.Approach];
        var parts = narrative.Select((body, i) => new ReportPart(PlanUpdatePriority.NarrativeHeadings[i], text.Of(body), false)).Where(p => p.Text is not null).ToList();
        if (text.Of(priority.MeasuringSuccess) is { } measuring)
        {
            parts.Add(new ReportPart(PlanUpdatePriority.TargetsHeading, measuring, false));
        }

        var officer = priority.LeadOfficer is { } lead
            ? lead.Agency is { } agency && !lead.Name.Contains(agency.Name, StringComparison.OrdinalIgnoreCase) ? $"{lead.PrintedName}, {agency.Name}" : lead.PrintedName
            : null;
        return new PlanUpdatePriority(priority.Number, text.Of(priority.Title) ?? "", parts, targets, text.Of(officer));
    }

    /// <summary>The Board's members in the order they were seated, each with their agency: people of other partnerships too.</summary>
    private async Task<IReadOnlyList<PlanUpdateMember>> BoardMembersAsync(int partnershipId, AudienceFilter text, CancellationToken ct)
    {
        var seats = await db.Set<BodyMember>().AsNoTracking()
            .Where(m => m.Body.Kind == BodyKind.Board && m.Body.Partnerships.Any(p => p.Id == partnershipId))
            .OrderBy(m => m.Id)
            .Select(m => new { m.Person.Name, m.Person.Honorific, Agency = m.Person.Agency == null ? null : m.Person.Agency.Name })
            .ToListAsync(ct);
        return seats.Select(s => new PlanUpdateMember(text.Of(s.Agency) ?? "", text.Of(s.Name) ?? "")).ToList();
    }

    /// <summary>The year's targets of the indicators linked to each priority: "At most 130", or "To be confirmed".</summary>
    private async Task<ILookup<int, PlanUpdateTarget>> TargetsAsync(int partnershipId, List<int> priorityIds, int yearStart, CancellationToken ct)
    {
        var links = await db.Set<IndicatorLink>().AsNoTracking()
            .Where(l => l.PriorityId != null && priorityIds.Contains(l.PriorityId.Value))
            .Join(db.Set<Indicator>().Where(i => i.PartnershipId == partnershipId), l => l.IndicatorId, i => i.Id, (l, i) => new { PriorityId = l.PriorityId!.Value, Indicator = i })
            .ToListAsync(ct);
        var indicatorIds = links.Select(l => l.Indicator.Id).Distinct().ToList();
        var targets = (await db.Set<IndicatorTarget>().AsNoTracking().Where(t => indicatorIds.Contains(t.IndicatorId) && t.Year == yearStart).ToListAsync(ct))
            .ToDictionary(t => t.IndicatorId);
        return links.Where(l => targets.ContainsKey(l.Indicator.Id))
            .OrderBy(l => l.Indicator.SortOrder)
            .Select(l =>
            {
                var target = targets[l.Indicator.Id];
                var baseline = target.BaselineId is null ? null : "baseline";
                return (l.PriorityId, Target: new PlanUpdateTarget(l.Indicator.Name, IndicatorEvaluation.Describe(target.Kind, target.Number, l.Indicator.Unit, baseline), target.Wording));
            })
            .ToLookup(x => x.PriorityId, x => x.Target);
    }

    /// <summary>
    /// The year before's achievements: the partnership's percentage-reduction indicators entered by hand with a value for a
    /// period ending in that year, the latest such value of each, and the line before them ("In the past year to October 2011 we have seen:").
    /// </summary>
    private async Task<(ReportingPeriod Year, string? Intro, IReadOnlyList<string> Lines)> AchievementsAsync(int partnershipId, ReportingPeriod year, CancellationToken ct)
    {
        var before = year.Previous;
        var from = CalendarMonth.Containing(before.Start).Key;
        var to = CalendarMonth.Containing(before.End).Key;
        var values = await db.Set<IndicatorValue>().AsNoTracking()
            .Where(v => v.ToMonth >= from && v.ToMonth <= to)
            .Join(db.Set<Indicator>().Where(i => i.PartnershipId == partnershipId && i.Unit == IndicatorUnit.PercentageReduction && i.Source == IndicatorSource.Manual),
                v => v.IndicatorId, i => i.Id, (v, i) => new { i.Name, i.SortOrder, v.FromMonth, v.ToMonth, v.Value })
            .ToListAsync(ct);
        var latest = values.GroupBy(v => v.Name).Select(g => g.OrderByDescending(v => v.ToMonth).First()).OrderBy(v => v.SortOrder).ToList();
        if (latest.Count == 0)
        {
            return (before, null, []);
        }

        var end = CalendarMonth.FromKey(latest.Max(v => v.ToMonth));
        var months = latest.Select(v => CalendarMonth.FromKey(v.FromMonth).MonthsUntil(CalendarMonth.FromKey(v.ToMonth)) + 1).Max();
        var span = months == 12 ? "the past year" : $"the {months} months";
        return (before, $"In {span} to {end.Display} we have seen:", PlanUpdate.AchievementLines(latest.Select(v => (v.Name, v.Value)).ToList()));
    }
}
