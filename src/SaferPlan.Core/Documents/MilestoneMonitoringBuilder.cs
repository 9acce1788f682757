using SaferPlan.Core.Monitoring;

namespace SaferPlan.Core.Documents;

/// <summary>
/// Assembles a quarter's milestone monitoring (seed 004) from the plan edition the quarter reports against and the
/// milestones' updates. For the public audience every Restricted item, a draft edition, every update not accepted and
/// every e-mail address is left out here, once, so no renderer can show them. Review comments and authors are not part of
/// the document.
/// </summary>
public sealed class MilestoneMonitoringBuilder(SaferPlanDbContext db, UpdateService updateService, PublicationService publications)
{
    /// <summary>
    /// The document as this reader may see it: the public version unless they may see Restricted items in the
    /// partnership; a reader outside the partnership gets a quarter only once it is published.
    /// </summary>
    public async Task<MilestoneMonitoringOutcome> BuildAsync(MilestoneMonitoringOptions options, UserContext reader, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var access = await QuarterDocumentAccess.ForAsync(db, publications, options, reader, ct);
        return access.Audience is { } audience
            ? new MilestoneMonitoringOutcome(await BuildAsync(options with { Audience = audience }, ct), true, null)
            : new MilestoneMonitoringOutcome(null, access.PartnershipFound, access.LatestPublished);
    }

    /// <summary>The document for the audience asked for; null when there is no such partnership. The caller decides who may have the full version.</summary>
    public async Task<MilestoneMonitoring?> BuildAsync(MilestoneMonitoringOptions options, CancellationToken ct = default)
    {
        var partnership = await QuarterDocumentAccess.PartnershipAsync(db, options, "Milestone monitoring", "2009-10-q1", ct);
        if (partnership is null)
        {
            return null;
        }

        var isPublic = options.Audience == ReportAudience.Public;
        var text = new AudienceFilter(isPublic);
        var edition = await updateService.EditionForAsync(partnership.Id, options.Period, ct);
        if (edition is not null && isPublic && !edition.IsPublished)
        {
            // Visitors read approved editions only.
            edition = null;
        }

        if (edition is null)
        {
            return new MilestoneMonitoring(partnership.Slug, partnership.Name, options.Period, options.Audience, null, [], [], false);
        }

        var priorities = await db.Priorities.AsNoTracking().AsSplitQuery()
            .Include(p => p.Actions).ThenInclude(a => a.LeadOfficer)
            .Include(p => p.Actions).ThenInclude(a => a.Milestones)
            .Where(p => p.EditionId == edition.Id)
            .ToListAsync(ct);
        // A draft is still being written and a returned update is being corrected: neither is shown. A submitted update is
        // in the members' version marked as awaiting review; only accepted updates are public.
        var period = options.Period;
        var updateFor = await db.Set<MilestoneUpdate>().AsNoTracking()
            .Where(u => u.Period == period && u.Milestone.Action.Priority.EditionId == edition.Id)
            .Where(u => u.State == UpdateState.Accepted || (!isPublic && u.State == UpdateState.Submitted))
            .ToDictionaryAsync(u => u.MilestoneId, ct);

        var result = new List<MonitoringPriority>();
        foreach (var priority in priorities.Where(p => text.Shown(p.Marking)).OrderBy(p => p.SortOrder).ThenBy(p => p.Number))
        {
            var actions = priority.Actions.Where(a => text.Shown(a.Marking)).OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
                .Select(action => MonitoredAction(action, updateFor, text)).ToList();

            result.Add(new MonitoringPriority(priority.Number, text.Of(UpdateService.PriorityName(priority)) ?? "", priority.Marking == ProtectiveMarking.Restricted, actions));
        }

        // The edition's closing notes ("2009/10 figures will be the base line…") follow the action plan, as in the seed.
        var notes = (await db.Set<PlanSection>().AsNoTracking()
                .Where(s => s.EditionId == edition.Id && s.Placement == SectionPlacement.AfterPriorities)
                .ToListAsync(ct))
            .Where(s => text.Shown(s.Marking))
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new ReportPart(text.Of(s.Title) ?? "", text.Of(s.Body), s.Marking == ProtectiveMarking.Restricted))
            .ToList();

        return new MilestoneMonitoring(partnership.Slug, partnership.Name, period, options.Audience, text.Of(edition.Title), result, notes, text.RestrictedShown);
    }

    /// <summary>An action with its lead and the milestones this audience may see.</summary>
    private static DocumentAction<MonitoringMilestone> MonitoredAction(PlanAction action, Dictionary<int, MilestoneUpdate> updateFor, AudienceFilter text)
    {
        var milestones = action.Milestones.Where(m => text.Shown(m.Marking)).OrderBy(m => m.SortOrder).ThenBy(m => m.Id)
            .Select(milestone => MonitoredMilestone(milestone, updateFor, text)).ToList();
        var lead = text.Of(action.LeadAgency);
        if (action.LeadOfficer is { } officer)
        {
            lead = lead is null ? text.Of(officer.Name) : $"{lead} – {text.Of(officer.Name)}";
        }

        return DocumentAction.Of(action, text.Of, lead, milestones);
    }

    /// <summary>A milestone with its progress this quarter, when its update may be shown.</summary>
    private static MonitoringMilestone MonitoredMilestone(Milestone milestone, Dictionary<int, MilestoneUpdate> updateFor, AudienceFilter text)
    {
        MonitoringProgress? progress = null;
        if (updateFor.TryGetValue(milestone.Id, out var u) && text.Shown(u.Marking))
        {
            progress = new MonitoringProgress(
                text.Of(u.Progress),
                text.Of(BoardReportBuilder.ValueText(milestone.MeasurementKind, u)),
                u.Status,
                u.Marking == ProtectiveMarking.Restricted,
                u.State != UpdateState.Accepted);
        }

        return new MonitoringMilestone(
            milestone.Code,
            text.Of(milestone.Text) ?? "",
            text.Of(milestone.Lead),
            text.Of(milestone.Measurement),
            text.Of(milestone.Source),
            milestone.Marking == ProtectiveMarking.Restricted,
            progress);
    }
}
