namespace SaferPlan.Core.Meetings;

/// <summary>A year's meetings of a partnership as the user may see them, with the bodies' names.</summary>
public sealed record MeetingYear(Partnership Partnership, ReportingPeriod Year, IReadOnlyList<Meeting> Meetings, bool ShowsPrivate);

/// <summary>
/// Reads meetings: the partnership's members see every meeting; visitors see public meetings only, with their agendas and
/// decisions (nothing of a meeting carries an e-mail address: a place or a title typed with one has it hidden).
/// </summary>
public sealed class MeetingReader(SaferPlanDbContext db)
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
        return new MeetingYear(partnership, year.FinancialYear, Ordered(meetings, all), all);
    }

    /// <summary>A meeting with its partnership; null when there is none or the user may not see it.</summary>
    public async Task<(Meeting Meeting, Partnership Partnership)?> MeetingAsync(int id, UserContext user, CancellationToken ct = default)
    {
        var meeting = await db.Set<Meeting>().AsNoTracking().Include(m => m.Body).Include(m => m.Agenda).Include(m => m.Decisions)
            .FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null || (!meeting.IsPublic && !Permissions.CanSeePrivateMeetings(user, meeting.PartnershipId)))
        {
            return null;
        }

        var partnership = await db.Partnerships.AsNoTracking().FirstAsync(p => p.Id == meeting.PartnershipId, ct);
        return (Visible(meeting, Permissions.CanSeePrivateMeetings(user, meeting.PartnershipId)), partnership);
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
    public static string? DecisionUrl(string slug, DecisionKind kind, string? key) => kind switch
    {
        DecisionKind.ApproveEdition or DecisionKind.SetPriorities when key is not null => $"/editions/{key}",
        DecisionKind.AgreeFundingPlan when key is not null => $"/partnerships/{slug}/funding/{key}",
        _ => null,
    };

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
