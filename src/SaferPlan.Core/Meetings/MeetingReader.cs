using SaferPlan.Core.Funding;
using SaferPlan.Core.Monitoring;

namespace SaferPlan.Core.Meetings;

/// <summary>
/// A year's meetings of a partnership as the user may see them, with the bodies' names and which papers the user can open;
/// <paramref name="Previous"/> and <paramref name="Next"/> are the years either side while the partnership's calendar
/// runs on (its plans' years and meetings, and the year after this one), else null.
/// </summary>
public sealed record MeetingYear(
    Partnership Partnership, ReportingPeriod Year, IReadOnlyList<Meeting> Meetings, bool ShowsPrivate, PaperAccess Papers, ReportingPeriod? Previous, ReportingPeriod? Next);

/// <summary>A meeting as the user may see it, with its partnership and which of its papers the user can open.</summary>
public sealed record MeetingView(Meeting Meeting, Partnership Partnership, PaperAccess Papers);

/// <summary>
/// Which of a partnership's papers a reader can open, by the rules the papers' own pages answer by: a quarter's Board report
/// once the quarter is published (<see cref="PublicationService.VisibleQuartersAsync"/>), an edition and its refresh report
/// once the edition is approved, a year's funding plan once it is agreed; the strategic assessment always. A null set means
/// every one (a member of the partnership). An agenda names a paper the reader cannot open yet without linking to it, so a
/// visitor is neither turned away nor told where an unpublished paper will be.
/// </summary>
public sealed record PaperAccess(IReadOnlySet<ReportingPeriod>? Quarters, IReadOnlySet<int>? Editions, IReadOnlySet<ReportingPeriod>? FundingYears)
{
    public bool CanOpen(PaperKind kind, string? key) => kind switch
    {
        PaperKind.BoardReport => Quarters is null || (ReportingPeriod.TryParse(key, out var quarter) && Quarters.Contains(quarter)),
        PaperKind.RefreshReport => CanOpenEdition(key),
        PaperKind.FundingPlan => CanOpenFundingPlan(key),
        _ => true,
    };

    public bool CanOpen(DecisionKind kind, string? key) => kind switch
    {
        DecisionKind.ApproveEdition or DecisionKind.SetPriorities => CanOpenEdition(key),
        DecisionKind.AgreeFundingPlan => CanOpenFundingPlan(key),
        _ => true,
    };

    private bool CanOpenEdition(string? key) =>
        Editions is null || (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && Editions.Contains(id));

    private bool CanOpenFundingPlan(string? key) =>
        FundingYears is null || (ReportingPeriod.TryParse(key, out var year) && FundingYears.Contains(year.FinancialYear));
}

/// <summary>
/// Reads meetings: the partnership's members see every meeting; visitors see public meetings only, with their agendas and
/// decisions (nothing of a meeting carries an e-mail address: a place or a title typed with one has it hidden).
/// </summary>
public sealed class MeetingReader(SaferPlanDbContext db, PublicationService publications, TimeProvider time)
{
    public async Task<MeetingYear?> YearAsync(string slug, ReportingPeriod year, UserContext user, CancellationToken ct = default)
    {
        var partnership = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (partnership is null)
        {
            return null;
        }

        var all = Permissions.CanSeePrivateMeetings(user, partnership.Id);
        var meetings = await db.Set<Meeting>().AsNoTracking()
            .Include(m => m.Body).Include(m => m.Agenda).Include(m => m.Decisions)
            .Where(m => m.PartnershipId == partnership.Id && m.YearStart == year.StartYear && (all || m.IsPublic))
            .ToListAsync(ct);
        var (first, last) = await CalendarYearsAsync(partnership.Id, ct);
        var shown = year.FinancialYear;
        return new MeetingYear(partnership, shown, Ordered(meetings, all), all, await PapersAsync(partnership.Id, user, ct),
            shown.StartYear > first ? shown.Previous.FinancialYear : null, shown.StartYear < last ? shown.Next.FinancialYear : null);
    }

    /// <summary>The first and last financial years (by start) the partnership's calendar runs over: its plans, its meetings, and up to the year after this one.</summary>
    private async Task<(int First, int Last)> CalendarYearsAsync(int partnershipId, CancellationToken ct)
    {
        var plans = db.Plans.AsNoTracking().Where(p => p.PartnershipId == partnershipId);
        var meetings = db.Set<Meeting>().AsNoTracking().Where(m => m.PartnershipId == partnershipId);
        var next = ReportingPeriod.QuarterContaining(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)).StartYear + 1;
        var first = new[] { await plans.MinAsync(p => (int?)p.StartYear, ct), await meetings.MinAsync(m => (int?)m.YearStart, ct), next - 1 }.Min()!.Value;
        var last = new[] { await plans.MaxAsync(p => (int?)p.EndYear, ct), await meetings.MaxAsync(m => (int?)m.YearStart, ct), next }.Max()!.Value;
        return (first, last);
    }

    /// <summary>A meeting with its partnership; null when there is none or the user may not see it.</summary>
    public async Task<MeetingView?> MeetingAsync(int id, UserContext user, CancellationToken ct = default)
    {
        var meeting = await db.Set<Meeting>().AsNoTracking().Include(m => m.Body).Include(m => m.Agenda).Include(m => m.Decisions)
            .FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null || (!meeting.IsPublic && !Permissions.CanSeePrivateMeetings(user, meeting.PartnershipId)))
        {
            return null;
        }

        var partnership = await db.Partnerships.AsNoTracking().FirstAsync(p => p.Id == meeting.PartnershipId, ct);
        return new MeetingView(Visible(meeting, Permissions.CanSeePrivateMeetings(user, meeting.PartnershipId)), partnership, await PapersAsync(partnership.Id, user, ct));
    }

    /// <summary>Which of the partnership's papers this user can open.</summary>
    public async Task<PaperAccess> PapersAsync(int partnershipId, UserContext user, CancellationToken ct = default)
    {
        var editions = Permissions.CanReadFullRefreshReport(user, partnershipId)
            ? null
            : (await db.Editions.AsNoTracking().Published()
                .Where(e => e.Plan.PartnershipId == partnershipId)
                .Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        var fundingYears = Permissions.CanReadFunding(user, partnershipId)
            ? null
            : (await db.Set<FundingPlan>().AsNoTracking().Where(p => p.PartnershipId == partnershipId && p.AgreedOn != null)
                .Select(p => p.YearStart).ToListAsync(ct)).Select(ReportingPeriod.Year).ToHashSet();
        return new PaperAccess(await publications.VisibleQuartersAsync(user, partnershipId, ct), editions, fundingYears);
    }

    /// <summary>Every meeting of the partnerships, for a calendar feed: public ones only unless <paramref name="all"/>.</summary>
    public async Task<IReadOnlyList<Meeting>> ForFeedAsync(IReadOnlyCollection<int> partnershipIds, bool all, CancellationToken ct = default) =>
        Ordered(await db.Set<Meeting>().AsNoTracking().Include(m => m.Body).Include(m => m.Agenda)
            .Where(m => partnershipIds.Contains(m.PartnershipId) && (all || m.IsPublic))
            .ToListAsync(ct), all);

    private static List<Meeting> Ordered(List<Meeting> meetings, bool all)
    {
        foreach (var m in meetings)
        {
            Visible(m, all);
        }

        return meetings.OrderBy(m => m.MeetsOn).ThenBy(m => m.StartsAt).ThenBy(m => m.Body.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static Meeting Visible(Meeting m, bool all)
    {
        m.Agenda = m.Agenda.OrderBy(a => a.SortOrder).ThenBy(a => a.Id).ToList();
        m.Decisions = m.Decisions.OrderBy(d => d.Id).ToList();
        if (!all)
        {
            m.Place = EmailAddresses.Hide(m.Place);
            foreach (var a in m.Agenda)
            {
                a.Title = EmailAddresses.Hide(a.Title)!;
            }

            foreach (var d in m.Decisions)
            {
                d.Text = EmailAddresses.Hide(d.Text)!;
            }
        }

        return m;
    }
}

/// <summary>The names of papers and decisions, and where a decision's subject is read (a paper's address is the site's: <c>Meetings/AgendaPapers</c>).</summary>
public static class MeetingPapers
{
    /// <summary>Where a decision's subject is read: the edition it approved or set priorities for, the funding plan it agreed.</summary>
    private static string? DecisionUrl(string slug, DecisionKind kind, string? key) => kind switch
    {
        DecisionKind.ApproveEdition or DecisionKind.SetPriorities when key is not null => $"/editions/{key}",
        DecisionKind.AgreeFundingPlan when ReportingPeriod.TryParse(key, out var year) => $"/partnerships/{slug}/funding/{year.FinancialYear.Slug}",
        _ => null,
    };

    /// <summary>Where a decision's subject is read, for a reader who can open it (<paramref name="papers"/>); null otherwise.</summary>
    public static string? DecisionUrl(string slug, MeetingDecision decision, PaperAccess papers)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(papers);
        return papers.CanOpen(decision.Kind, decision.SubjectKey) ? DecisionUrl(slug, decision.Kind, decision.SubjectKey) : null;
    }

    public static string Name(PaperKind kind) => kind switch
    {
        PaperKind.BoardReport => "Board report",
        PaperKind.RefreshReport => "Refresh report",
        PaperKind.StrategicAssessment => "Strategic assessment",
        PaperKind.FundingPlan => "Funding plan",
        _ => "No paper",
    };

    public static string Name(DecisionKind kind) => kind switch
    {
        DecisionKind.ApproveEdition => "Approves a plan edition",
        DecisionKind.AgreeFundingPlan => "Agrees the funding plan",
        DecisionKind.SetPriorities => "Sets the priorities",
        _ => "Other decision",
    };
}
