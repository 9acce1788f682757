using SaferPlan.Core.Panels;

namespace SaferPlan.Panels;

/// <summary>Recording the outcome reported back at a later meeting of the panel.</summary>
[Authorize]
public sealed class ReportBackFormModel(PanelEditor editor, PanelReader reader, CurrentUser current, SaferPlanDbContext db) : PageModel
{
    [BindProperty]
    public string? MeetingId { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public PanelView View { get; private set; } = null!;

    public PanelPriorityView Priority { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        MeetingId = (Priority.ReportedBackAt ?? View.Meetings.FirstOrDefault(m => m.HeldOn > Priority.RaisedAt.HeldOn))?.Id.ToString(CultureInfo.InvariantCulture);
        Text = Priority.ReportBack;
        Version = Priority.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var meeting = FormFields.OptionalNumber(ModelState, nameof(MeetingId), MeetingId, "Select the panel meeting the outcome was reported back at");
        var result = await editor.ReportBackAsync(id, new ReportBackInput(meeting, Text), Version, await current.GetAsync(), ct);
        if (this.Refusal(result, prefix: "") is { } shown)
        {
            return shown;
        }

        TempData["Success"] = "Report back recorded";
        return Redirect($"/panels/{View.Panel.Id}#priority-{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (view, priority, refusal) = await ActablePriority.LoadAsync(this, reader, await current.GetAsync(), db, id, ct);
        (View, Priority) = (view!, priority!);
        return refusal;
    }
}
