namespace SaferPlan.Monitoring.TaskGroupReports;

/// <summary>A quarter's task group reports, with year-to-date figures, and the partner briefings shared with the partnership.</summary>
[Authorize]
public sealed class TaskGroupReportsModel(PlanReader reader, TaskGroupReportService reports, UpdateService updates, CurrentUser current) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;

    public ReportingPeriod Period { get; private set; }

    public IReadOnlyList<TaskGroupReportView> Reports { get; private set; } = [];

    public IReadOnlyList<PartnerBriefing> Briefings { get; private set; } = [];

    public bool CanAdd { get; private set; }

    /// <summary>The reports the user may edit: each offers its Edit link.</summary>
    public IReadOnlySet<int> Editable { get; private set; } = new HashSet<int>();

    /// <summary>The county-wide bodies (serving more than this partnership, or with a briefing) whose briefings reach this partnership.</summary>
    public IReadOnlyList<Body> BriefingBodies { get; private set; } = [];

    public bool CanWriteBriefings { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, ReportingPeriod? period, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (period is not { IsWholeYear: false } quarter || await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership || !Permissions.CanReadTaskGroupReports(user, partnership.Id))
        {
            return NotFound();
        }

        Partnership = partnership;
        Period = quarter;
        Reports = await reports.ReportsAsync(partnership.Id, quarter, true, ct);
        Briefings = await reports.BriefingsAsync(partnership.Id, quarter, Permissions.CanSeeRestricted(user, partnership.Id), ct);
        CanAdd = Permissions.CanAddTaskGroupReport(user, partnership.Id)
            && (Permissions.CanWriteTaskGroupReport(user, partnership.Id, null, null)
                || (await updates.EditionForAsync(partnership.Id, quarter, ct) is { } edition
                    && (await reader.OutlineAsync(edition.Id, ct)).Any(p => Permissions.CanWriteTaskGroupReport(user, partnership.Id, null, p.LeadOfficerId))));
        var editable = new HashSet<int>();
        foreach (var v in Reports)
        {
            if (await reports.CanWriteAsync(user, v.Report, ct))
            {
                editable.Add(v.Report.Id);
            }
        }

        Editable = editable;
        CanWriteBriefings = Permissions.CanWriteBriefing(user, [partnership.Id]);
        BriefingBodies = await reports.BriefingBodiesAsync(partnership.Id, ct);
        return Page();
    }
}
