using SaferPlan.Core.Panels;

namespace SaferPlan.Panels;

/// <summary>Adding a panel meeting, or changing its date and place: support officers and administrators.</summary>
[Authorize]
public sealed class MeetingFormModel(PanelEditor editor, PanelReader reader, CurrentUser current) : PageModel
{
    /// <summary>The form's boxes but the date, which is read from <see cref="HeldOn"/>.</summary>
    [BindProperty] public PanelMeetingInput Input { get; set; } = new(null, null);
    [BindProperty] public DateParts HeldOn { get; set; } = new();
    [BindProperty] public int Version { get; set; }

    public PanelView View { get; private set; } = null!;

    /// <summary>The meeting being changed; null when one is being added.</summary>
    public PanelMeeting? Meeting { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? meetingId, CancellationToken ct)
    {
        if (await LoadAsync(id, meetingId, ct) is { } refused)
        {
            return refused;
        }

        if (Meeting is { } m)
        {
            (Input, HeldOn, Version) = (new(null, m.Place), DateParts.From(m.HeldOn), m.Version);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? meetingId, CancellationToken ct)
    {
        if (await LoadAsync(id, meetingId, ct) is { } refused)
        {
            return refused;
        }

        var input = Input with { HeldOn = HeldOn.Read(ModelState, nameof(HeldOn), "The date of the meeting") };
        return await this.SaveFormAsync(
            () => PanelEditor.CheckMeeting(input).Errors,
            async () => meetingId is { } changed
                ? await editor.UpdateMeetingAsync(changed, input, Version, await current.GetAsync(), ct)
                : await editor.AddMeetingAsync(id, input, await current.GetAsync(), ct),
            _ => this.Done(meetingId is null ? "Meeting added" : "Meeting changed", $"/panels/{id}#meetings"),
            prefix: "");
    }

    private async Task<IActionResult?> LoadAsync(int id, int? meetingId, CancellationToken ct)
    {
        if (await reader.PanelAsync(id, await current.GetAsync(), ct: ct) is not { } view || view.IsPublic)
        {
            return NotFound();
        }

        View = view;
        if (meetingId is { } mid && (Meeting = view.Meetings.FirstOrDefault(m => m.Id == mid)) is null)
        {
            return NotFound();
        }

        return view.CanEdit ? null : this.Refused("Only the partnership's support officers and administrators can change its neighbourhood panels.");
    }
}
