using SaferPlan.Core.Meetings;

namespace SaferPlan.Meetings;

/// <summary>
/// A meeting: when and where, its agenda with links to the papers the reader can open (a Board report not yet published for
/// them named as such), and the decisions it recorded.
/// </summary>
public sealed class MeetingPageModel(MeetingReader meetings, CurrentUser current) : PageModel
{
    private PaperAccess papers = null!;

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

        (Meeting, Partnership, papers) = found;
        CanEdit = Permissions.CanEditMeetings(user, Partnership.Id);
        return Page();
    }

    public AgendaPaper? Paper(AgendaItem item) => AgendaPapers.For(Partnership.Slug, item, papers);

    /// <summary>Where the decision's subject is read, when the reader can open it.</summary>
    public string? SubjectUrl(MeetingDecision decision) => MeetingPapers.DecisionUrl(Partnership.Slug, decision, papers);
}
