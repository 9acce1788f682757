using SaferPlan.Core.Meetings;

namespace SaferPlan.Meetings;

/// <summary>
/// A meeting: when and where, its agenda with links to the papers the reader can open (a Board report not yet published for
/// them named as such), and the decisions it recorded.
/// </summary>
public sealed class MeetingPageModel(MeetingReader meetings, PublicationService publications, CurrentUser current) : PageModel
{
    private IReadOnlySet<ReportingPeriod>? visibleQuarters;

    public Meeting Meeting { get; private set; } = null!;

    public Partnership Partnership { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (await meetings.MeetingAsync(id, user, ct) is not { } found)
        {
            return NotFound();
        }

        (Meeting, Partnership) = found;
        CanEdit = Permissions.CanEditMeetings(user, Partnership.Id);
        visibleQuarters = await publications.VisibleQuartersAsync(user, Partnership.Id, ct);
        return Page();
    }

    public AgendaPaper? Paper(AgendaItem item) => AgendaPapers.For(Partnership.Slug, item, visibleQuarters);
}
