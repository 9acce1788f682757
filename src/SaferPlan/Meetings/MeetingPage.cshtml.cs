using SaferPlan.Core.Meetings;

namespace SaferPlan.Meetings;

/// <summary>A meeting: when and where, its agenda with links to the papers, and the decisions it recorded.</summary>
public sealed class MeetingPageModel(MeetingReader meetings, CurrentUser current) : PageModel
{
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
        return Page();
    }
}
