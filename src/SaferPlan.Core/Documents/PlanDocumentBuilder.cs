using SaferPlan.Core.Funding;
namespace SaferPlan.Core.Documents;

/// <summary>
/// Assembles an edition's plan document (seed 000) from the edition as <see cref="PlanReader"/> gives it to a reader. For
/// the public audience every Restricted priority, action, milestone, section and glossary entry and every e-mail address
/// is left out here, once, so no renderer can show them; a visitor only ever gets the public version of an approved edition.
/// </summary>
public sealed class PlanDocumentBuilder(SaferPlanDbContext db, PlanReader plans, FundingService fundingService)
{
    /// <summary>
    /// The document as this reader may see it: null when the edition does not exist or is not theirs to read (a draft, for
    /// a visitor). Readers who may not see Restricted items get the public version whatever they ask for.
    /// </summary>
    public async Task<PlanDocument?> BuildAsync(int editionId, UserContext reader, ReportAudience requested, CancellationToken ct = default)
    {
        var view = await plans.EditionAsync(editionId, reader, ct);
        if (view is null)
        {
            return null;
        }

        var audience = view.ShowsRestricted ? requested : ReportAudience.Public;
        return await BuildAsync(view, audience, ct);
    }

    /// <summary>
    /// The document of a partnership's edition for a financial year, for the command line, which acts for the partnership
    /// itself. A public version is refused for an edition not yet approved: drafts are never published.
    /// </summary>
    public async Task<PlanDocumentOutcome> BuildAsync(string partnershipSlug, ReportingPeriod year, ReportAudience audience, CancellationToken ct = default)
    {
        var partnershipId = await db.Partnerships.AsNoTracking().Where(p => p.Slug == partnershipSlug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (partnershipId is null)
        {
            return new PlanDocumentOutcome(null, $"there is no partnership '{partnershipSlug}'. Give --partnership the slug in the partnership's web address, e.g. south-cambridgeshire.");
        }

        var start = year.FinancialYear.StartYear;
        var edition = await db.Editions.AsNoTracking()
            .Where(e => e.Plan.PartnershipId == partnershipId && e.YearStart == start)
            .OrderByDescending(e => e.Plan.StartYear).ThenByDescending(e => e.Id)
            .Select(e => new { e.Id, e.Status })
            .FirstOrDefaultAsync(ct);
        if (edition is null)
        {
            return new PlanDocumentOutcome(null, $"'{partnershipSlug}' has no plan edition for {year.FinancialYear.Display}.");
        }

        if (audience == ReportAudience.Public && edition.Status is not (EditionStatus.Approved or EditionStatus.Superseded))
        {
            return new PlanDocumentOutcome(null, $"the {year.FinancialYear.Display} edition is a {edition.Status.ToString().ToLowerInvariant()}, not approved: only an approved edition has a public version. Leave out --public for the full draft.");
        }

        // The command line is run by the partnership's own staff on its own database: it reads as the partnership does.
        var view = await plans.EditionAsync(edition.Id, UserContext.ReaderFor(partnershipId.Value, "saferplan command line"), ct);
        return new PlanDocumentOutcome(view is null ? null : await BuildAsync(view, audience, ct), null);
    }

    private async Task<PlanDocument> BuildAsync(EditionView view, ReportAudience audience, CancellationToken ct)
    {
        var text = new AudienceFilter(audience == ReportAudience.Public);
        var partnershipId = view.Partnership.Id;
        var bodies = await db.Set<Body>().AsNoTracking().AsSplitQuery()
            .Include(b => b.Chair)
            .Include(b => b.MemberAgencies)
            .Where(b => b.Partnerships.Any(p => p.Id == partnershipId))
            .ToListAsync(ct);

        var priorities = view.Priorities.Where(p => text.Shown(p.Marking)).Select(p => Priority(p, text)).ToList();
        var sections = view.Sections.Where(s => text.Shown(s.Marking)).ToList();
        ReportPart Part(PlanSection s) => new(text.Of(s.Title) ?? "", text.Of(s.Body), s.Marking == ProtectiveMarking.Restricted);

        var funding = await DocumentFunding.ForAsync(fundingService, partnershipId, view.Edition.Year, text, ct, spentOnly: true);
        return new PlanDocument(
            view.Partnership.Slug,
            view.Partnership.Name,
            text.Of(view.Plan.Title) ?? "",
            view.Plan.Span,
            view.Edition.Year,
            text.Of(view.Edition.Title) ?? "",
            text.Of(view.Edition.Label),
            view.Edition.Status,
            view.Edition.ApprovedOn,
            text.Of(view.Edition.ApprovedBy),
            text.Of(view.Edition.ApprovalMinute),
            audience,
            sections.Where(s => s.Placement == SectionPlacement.BeforePriorities).Select(Part).ToList(),
            priorities.Where(p => p.Kind == PriorityKind.Priority).ToList(),
            priorities.Where(p => p.Kind == PriorityKind.Mainstreamed).ToList(),
            sections.Where(s => s.Placement == SectionPlacement.AfterPriorities).Select(Part).ToList(),
            bodies.OrderBy(b => b.Kind).ThenBy(b => b.Name, StringComparer.OrdinalIgnoreCase).Select(b => new PlanDocumentBody(
                text.Of(b.Name) ?? "",
                KindText(b.Kind),
                CadenceText(b.Cadence),
                text.Of(b.Chair?.Name),
                text.Of(b.Description),
                b.MemberAgencies.Count == 0 ? null : text.Of(string.Join(", ", b.MemberAgencies.Select(a => a.ShortName).Order(StringComparer.OrdinalIgnoreCase))))).ToList(),
            view.Glossary.Where(g => text.Shown(g.Marking))
                .Select(g => new PlanDocumentTerm(text.Of(g.Term) ?? "", text.Of(g.Definition) ?? "", g.Marking == ProtectiveMarking.Restricted)).ToList(),
            text.RestrictedShown)
        {
            Funding = funding?.SpendingByPriority.Count > 0 ? funding : null,
        };
    }

    private static PlanDocumentPriority Priority(Priority priority, AudienceFilter text)
    {
        string?[] narrative = [priority.Why, priority.WhatWeWillDo, priority.Approach, priority.MeasuringSuccess, priority.DataUsed];
        var parts = narrative
            .Select((body, i) => new ReportPart(PlanDocument.NarrativeHeadings[i], text.Of(body), false))
            .Where(p => p.Text is not null)
            .ToList();

        var actions = new List<DocumentAction<PlanDocumentMilestone>>();
        foreach (var action in priority.Actions.Where(a => text.Shown(a.Marking)))
        {
            var milestones = action.Milestones.Where(m => text.Shown(m.Marking))
                .Select(m => new PlanDocumentMilestone(m.Code, text.Of(m.Text) ?? "", text.Of(m.Lead), m.Marking == ProtectiveMarking.Restricted))
                .ToList();
            actions.Add(DocumentAction.Of(action, text.Of, text.Of(action.LeadAgency) ?? text.Of(action.LeadOfficer?.Name), milestones));
        }

        return new PlanDocumentPriority(priority.Number, priority.Kind, text.Of(priority.Title) ?? "", priority.Marking == ProtectiveMarking.Restricted, parts, actions);
    }

    public static string KindText(BodyKind kind) => kind switch
    {
        BodyKind.ExecutiveGroup => "Executive group",
        BodyKind.TaskGroup => "Task group",
        BodyKind.Scrutiny => "Scrutiny",
        _ => "Board",
    };

    public static string CadenceText(MeetingCadence cadence) => cadence switch
    {
        MeetingCadence.Monthly => "Monthly",
        MeetingCadence.EveryTwoMonths => "Every other month",
        MeetingCadence.Quarterly => "Quarterly",
        MeetingCadence.SixMonthly => "Every six months",
        MeetingCadence.Yearly => "Yearly",
        _ => "As required",
    };
}
