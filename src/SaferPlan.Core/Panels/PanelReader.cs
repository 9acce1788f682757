using SaferPlan.Core.Crime;

namespace SaferPlan.Core.Panels;

/// <summary>Who holds a panel priority where it was routed: the people and agencies whose lead officers may record its actions.</summary>
public sealed record PanelRouteHolders(IReadOnlyList<int> PersonIds, IReadOnlyList<int> AgencyIds);

/// <summary>Something done about a priority; <see cref="TakenBy"/> is null in the public shape.</summary>
public sealed record PanelActionView(int Id, DateOnly TakenOn, string Text, string? TakenBy, int Version);

/// <summary>
/// A priority as shown: <see cref="RoutedTo"/> names the team, task group or agency (fit for visitors);
/// <see cref="Contact"/> names the partner agency's contact, for members only (never an e-mail address).
/// </summary>
public sealed record PanelPriorityView(
    int Id, int PanelId, string Text, string? Ward, PanelRoute Route, string RoutedTo, string? Contact, int? RouteBodyId, int? RouteContactId,
    ProtectiveMarking Marking, PanelPriorityStatus Status, PanelMeeting RaisedAt, string? ReportBack, PanelMeeting? ReportedBackAt,
    IReadOnlyList<PanelActionView> Actions, bool CanRecordAction, int Version)
{
    public string StatusText => PanelText.Status(Status);
}

/// <summary>
/// A panel as its page shows it. <see cref="IsPublic"/> marks the visitors' shape: Restricted priorities left out, no
/// contacts' names and no names of who acted.
/// </summary>
public sealed record PanelView(
    NeighbourhoodPanel Panel, string PartnershipSlug, string PartnershipName, IReadOnlyList<PanelMeeting> Meetings, IReadOnlyList<PanelPriorityView> Priorities,
    bool IsPublic, bool CanEdit);

public sealed record PanelSummary(NeighbourhoodPanel Panel, int Meetings, int Priorities, int Open, DateOnly? LastMet);

public sealed record PanelList(Partnership Partnership, IReadOnlyList<PanelSummary> Panels, bool CanEdit, bool CanReadFull);

/// <summary>A panel priority routed to a body, for the body's page: which panel, when raised, and where it stands.</summary>
public sealed record BodyPanelItem(PanelPriorityView Priority, string PanelName, string PartnershipSlug);

/// <summary>Words shared by pages, documents and the API.</summary>
public static class PanelText
{
    public static string Status(PanelPriorityStatus status) => status switch
    {
        PanelPriorityStatus.Open => "Open",
        PanelPriorityStatus.Actioned => "Actioned",
        _ => "Reported back",
    };

    public static string RouteName(PanelRoute route) => route switch
    {
        PanelRoute.NeighbourhoodPolicing => "Neighbourhood policing team",
        PanelRoute.AsbTaskGroup => "Anti-social behaviour task group",
        _ => "Partner agency contact",
    };

    public const string DefaultPolicingTeam = "Neighbourhood policing team";

    /// <summary>The team, body or agency a priority went to, fit for visitors: never a person.</summary>
    public static string RoutedTo(PanelPriority p) => p.Route switch
    {
        PanelRoute.NeighbourhoodPolicing => p.Panel?.PolicingTeam ?? DefaultPolicingTeam,
        PanelRoute.AsbTaskGroup => p.RouteBody?.Name ?? "Anti-social behaviour task group",
        _ => p.RouteContact?.Agency?.Name ?? "A partner agency",
    };
}

/// <summary>
/// Reads neighbourhood panels (issue 13, item 4): the full picture for the partnership's members, the public shape for
/// everyone else, filtered here once, before any page or answer.
/// </summary>
public sealed class PanelReader(SaferPlanDbContext db)
{
    /// <summary>The agency key whose lead officers hold the neighbourhood policing route.</summary>
    public const string PoliceAgencyKey = "police";

    public async Task<PanelList?> ListAsync(string slug, UserContext user, CancellationToken ct = default)
    {
        var partnership = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (partnership is null)
        {
            return null;
        }

        var full = Permissions.CanReadPanels(user, partnership.Id);
        var panels = await db.Set<NeighbourhoodPanel>().AsNoTracking().Where(p => p.PartnershipId == partnership.Id).OrderBy(p => p.Name).ToListAsync(ct);
        var ids = panels.Select(p => p.Id).ToList();
        var meetings = await db.Set<PanelMeeting>().AsNoTracking().Where(m => ids.Contains(m.PanelId)).Select(m => new { m.PanelId, m.HeldOn }).ToListAsync(ct);
        var priorities = await db.Set<PanelPriority>().AsNoTracking().Where(p => ids.Contains(p.PanelId) && (full || p.Marking == ProtectiveMarking.Official))
            .Select(p => new { p.PanelId, p.Status }).ToListAsync(ct);
        var summaries = panels.Select(p => new PanelSummary(
            p,
            meetings.Count(m => m.PanelId == p.Id),
            priorities.Count(x => x.PanelId == p.Id),
            priorities.Count(x => x.PanelId == p.Id && x.Status != PanelPriorityStatus.ReportedBack),
            meetings.Where(m => m.PanelId == p.Id).Select(m => (DateOnly?)m.HeldOn).Max())).ToList();
        return new PanelList(partnership, summaries, Permissions.CanEditPanels(user, partnership.Id), full);
    }

    /// <summary>A panel: in full for the partnership's members, else (or when <paramref name="publicShape"/>) its public shape.</summary>
    public async Task<PanelView?> PanelAsync(int id, UserContext user, bool publicShape = false, CancellationToken ct = default)
    {
        var panel = await db.Set<NeighbourhoodPanel>().AsNoTracking().Include(p => p.Partnership).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (panel is null)
        {
            return null;
        }

        var isPublic = publicShape || !Permissions.CanReadPanels(user, panel.PartnershipId);
        var meetings = await db.Set<PanelMeeting>().AsNoTracking().Where(m => m.PanelId == id).OrderBy(m => m.HeldOn).ThenBy(m => m.Id).ToListAsync(ct);
        var priorities = await PrioritiesAsync(db.Set<PanelPriority>().Where(p => p.PanelId == id), user, isPublic, ct);
        return new PanelView(panel, panel.Partnership.Slug, panel.Partnership.Name, meetings, priorities, isPublic, !isPublic && Permissions.CanEditPanels(user, panel.PartnershipId));
    }

    /// <summary>The panel priorities routed to a body, for the partnership's members (empty for anyone else).</summary>
    public async Task<IReadOnlyList<BodyPanelItem>> RoutedToBodyAsync(int bodyId, UserContext user, CancellationToken ct = default)
    {
        var partnershipIds = await db.Set<PanelPriority>().Where(p => p.RouteBodyId == bodyId).Select(p => p.Panel.PartnershipId).Distinct().ToListAsync(ct);
        var readable = partnershipIds.Where(id => Permissions.CanReadPanels(user, id)).ToList();
        if (readable.Count == 0)
        {
            return [];
        }

        var query = db.Set<PanelPriority>().Where(p => p.RouteBodyId == bodyId && readable.Contains(p.Panel.PartnershipId));
        var views = await PrioritiesAsync(query, user, isPublic: false, ct);
        var panels = await db.Set<NeighbourhoodPanel>().AsNoTracking().Include(p => p.Partnership)
            .Where(p => views.Select(v => v.PanelId).Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return views.Select(v => new BodyPanelItem(v, panels[v.PanelId].Name, panels[v.PanelId].Partnership.Slug))
            .OrderBy(i => i.Priority.Status == PanelPriorityStatus.ReportedBack).ThenByDescending(i => i.Priority.RaisedAt.HeldOn).ToList();
    }

    /// <summary>Who holds a priority where it was routed, for <see cref="Permissions.CanRecordPanelAction"/>.</summary>
    public static PanelRouteHolders HoldersOf(PanelPriority p, IReadOnlyList<int> policeAgencyIds) => p.Route switch
    {
        PanelRoute.NeighbourhoodPolicing => new([], policeAgencyIds),
        PanelRoute.AsbTaskGroup => new(p.RouteBody?.ChairId is { } chair ? [chair] : [], p.RouteBody?.MemberAgencies.Select(a => a.Id).ToList() ?? []),
        _ => new(p.RouteContactId is { } c ? [c] : [], p.RouteContact?.AgencyId is { } a ? [a] : []),
    };

    /// <summary>The agency of the person the user is in the plans, for <see cref="Permissions.CanRecordPanelAction"/>.</summary>
    public Task<int?> AgencyOfAsync(UserContext user, CancellationToken ct = default) =>
        user.PersonIds.Count > 0
            ? db.People.Where(p => user.PersonIds.Contains(p.Id)).OrderBy(p => p.Id == user.PersonId ? 0 : 1).Select(p => p.AgencyId).FirstOrDefaultAsync(ct)
            : Task.FromResult<int?>(null);

    public Task<List<int>> PoliceAgencyIdsAsync(int partnershipId, CancellationToken ct = default) =>
        db.Agencies.Where(a => a.Key == PoliceAgencyKey && a.Partnerships.Any(p => p.Id == partnershipId)).Select(a => a.Id).ToListAsync(ct);

    /// <summary>The wards of the partnership's area as its LSOAs name them; empty when no ward lookup has been loaded.</summary>
    public Task<List<string>> AreaWardsAsync(int partnershipId, CancellationToken ct = default) =>
        db.Set<PartnershipLsoa>().Where(a => a.PartnershipId == partnershipId && a.Lsoa.WardName != null)
            .Select(a => a.Lsoa.WardName!).Distinct().OrderBy(w => w).ToListAsync(ct);

    private async Task<IReadOnlyList<PanelPriorityView>> PrioritiesAsync(IQueryable<PanelPriority> query, UserContext user, bool isPublic, CancellationToken ct)
    {
        var priorities = await query.AsNoTracking()
            .Where(p => !isPublic || p.Marking == ProtectiveMarking.Official)
            .Include(p => p.Panel).Include(p => p.RaisedAt).Include(p => p.ReportedBackAt).Include(p => p.Actions)
            .Include(p => p.RouteBody).ThenInclude(b => b!.MemberAgencies)
            .Include(p => p.RouteContact).ThenInclude(c => c!.Agency)
            .AsSplitQuery()
            .ToListAsync(ct);
        var agency = isPublic ? null : await AgencyOfAsync(user, ct);
        var police = new Dictionary<int, IReadOnlyList<int>>();
        var views = new List<PanelPriorityView>();
        foreach (var p in priorities.OrderBy(p => p.RaisedAt.HeldOn).ThenBy(p => p.Id))
        {
            var partnershipId = p.Panel.PartnershipId;
            if (!police.TryGetValue(partnershipId, out var policeIds))
            {
                policeIds = police[partnershipId] = await PoliceAgencyIdsAsync(partnershipId, ct);
            }

            var canAct = !isPublic && Permissions.CanRecordPanelAction(user, partnershipId, HoldersOf(p, policeIds), agency);
            string? contact = isPublic || p.RouteContact is null ? null
                : p.RouteContact.RoleTitle is { } role ? $"{p.RouteContact.PrintedName}, {role}" : p.RouteContact.PrintedName;
            views.Add(new PanelPriorityView(
                p.Id, p.PanelId, p.Text, p.Ward, p.Route, PanelText.RoutedTo(p), contact, p.RouteBodyId, p.RouteContactId, p.Marking, p.Status,
                p.RaisedAt, p.ReportBack, p.ReportedBackAt,
                p.Actions.OrderBy(a => a.TakenOn).ThenBy(a => a.Id).Select(a => new PanelActionView(a.Id, a.TakenOn, a.Text, isPublic ? null : a.TakenBy, a.Version)).ToList(),
                canAct, p.Version));
        }

        return views;
    }
}
