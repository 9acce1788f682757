using SaferPlan.Core.Panels;

namespace SaferPlan.Panels;

/// <summary>Recording the outcome reported back at a later meeting of the panel.</summary>
[Authorize]
public sealed class ReportBackFormModel(PanelEditor editor, PanelReader reader, CurrentUser current, SaferPlanDbContext db) : PageModel
{
    /// <summary>The form's boxes as posted: the meeting is read in <see cref="OnPostAsync"/>, so it has its own message.</summary>
    public sealed record Form(string? MeetingId, string? Text);

    [BindProperty] public Form Input { get; set; } = new(null, null);
    [BindProperty] public int Version { get; set; }

    public PanelView View { get; private set; } = null!;

    public PanelPriorityView Priority { get; private set; } = null!;

    /// <summary>The panel's meetings the outcome can be reported back at: those after the one the priority was raised at.</summary>
    public IEnumerable<PanelMeeting> LaterMeetings => View.Meetings.Where(m => PanelEditor.IsLaterPanel(m.HeldOn, Priority.RaisedAt.HeldOn));

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        Input = new((Priority.ReportedBackAt ?? LaterMeetings.FirstOrDefault())?.Id.ToString(CultureInfo.InvariantCulture), Priority.ReportBack);
        Version = Priority.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var meeting = FormFields.OptionalNumber(ModelState, nameof(Form.MeetingId), Input.MeetingId, "Select the panel meeting the outcome was reported back at");
        var result = await editor.ReportBackAsync(id, new ReportBackInput(meeting, Input.Text), Version, await current.GetAsync(), ct);
        return this.Saved(result, _ => "Report back recorded", _ => $"/panels/{View.Panel.Id}#priority-{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (view, priority, refusal) = await ActablePriority.LoadAsync(this, reader, await current.GetAsync(), db, id, ct);
        (View, Priority) = (view!, priority!);
        return refusal;
    }
}
