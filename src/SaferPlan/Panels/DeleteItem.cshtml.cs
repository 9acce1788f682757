using SaferPlan.Core.Panels;

namespace SaferPlan.Panels;

/// <summary>
/// Confirms and deletes a panel meeting or priority (support officers and administrators) or an action recorded on a
/// priority (also the lead officers who may record its actions, see <see cref="Permissions.CanRecordPanelAction"/>).
/// </summary>
[Authorize]
public sealed class DeleteItemModel(PanelEditor editor, PanelReader reader, CurrentUser current, SaferPlanDbContext db) : PageModel
{
    public PanelView View { get; private set; } = null!;

    /// <summary>"the meeting of 15 September 2010", "the priority", "the action".</summary>
    public string Description { get; private set; } = "";

    public string Text { get; private set; } = "";

    /// <summary>What goes with the item (a priority's actions); null when nothing does.</summary>
    public string? Consequence { get; private set; }

    /// <summary>Why the item cannot be deleted yet (a meeting priorities were set at); null when it can.</summary>
    public string? Blocked { get; private set; }

    public int Version { get; private set; }

    public string Back => $"/panels/{View.Panel.Id}";

    public async Task<IActionResult> OnGetAsync(string kind, int id, CancellationToken ct) => await LoadAsync(kind, id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string kind, int id, int version, CancellationToken ct)
    {
        if (await LoadAsync(kind, id, ct) is { } refused)
        {
            return refused;
        }

        var user = await current.GetAsync();
        var (status, message) = kind switch
        {
            "panel-meetings" => Outcome(await editor.DeleteMeetingAsync(id, version, user, ct)),
            "panel-priorities" => Outcome(await editor.DeletePriorityAsync(id, version, user, ct)),
            _ => Outcome(await editor.DeleteActionAsync(id, version, user, ct)),
        };
        switch (status)
        {
            case EditStatus.Ok:
                return this.Done($"Deleted {Description}", Back);
            case EditStatus.Forbidden:
                return this.Refused(message);
            case EditStatus.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError(string.Empty, message ?? "It could not be deleted.");
                return Page();
        }
    }

    private static (EditStatus, string?) Outcome<T>(EditResult<T> result) => (result.Status, result.Message);

    private async Task<IActionResult?> LoadAsync(string kind, int id, CancellationToken ct)
    {
        var panelId = kind switch
        {
            "panel-meetings" => await db.Set<PanelMeeting>().Where(m => m.Id == id).Select(m => (int?)m.PanelId).FirstOrDefaultAsync(ct),
            "panel-priorities" => await db.Set<PanelPriority>().Where(p => p.Id == id).Select(p => (int?)p.PanelId).FirstOrDefaultAsync(ct),
            _ => await db.Set<PanelAction>().Where(a => a.Id == id).Select(a => (int?)a.Priority.PanelId).FirstOrDefaultAsync(ct),
        };
        if (panelId is null || await reader.PanelAsync(panelId.Value, await current.GetAsync(), ct: ct) is not { IsPublic: false } view)
        {
            return NotFound();
        }

        View = view;
        const string editRefusal = "Only the partnership's support officers and administrators can change its neighbourhood panels.";
        switch (kind)
        {
            case "panel-meetings":
                var meeting = view.Meetings.Single(m => m.Id == id);
                Description = $"the meeting of {Dates.Display(meeting.HeldOn)}";
                Text = meeting.Place;
                Version = meeting.Version;
                var blocked = PanelEditor.MeetingInUse(view.Priorities.Count(p => p.RaisedAt.Id == id), view.Priorities.Count(p => p.ReportedBackAt?.Id == id));
                Blocked = blocked.Length == 0 ? null : blocked;
                return view.CanEdit ? null : this.Refused(editRefusal);
            case "panel-priorities":
                var priority = view.Priorities.Single(p => p.Id == id);
                Description = "the priority";
                Text = priority.Text;
                Version = priority.Version;
                Consequence = priority.Actions.Count switch
                {
                    0 => null,
                    1 => "The action recorded on it will be deleted too.",
                    var n => $"The {n} actions recorded on it will be deleted too.",
                };
                return view.CanEdit ? null : this.Refused(editRefusal);
            default:
                var holder = view.Priorities.Single(p => p.Actions.Any(a => a.Id == id));
                var action = holder.Actions.Single(a => a.Id == id);
                Description = "the action";
                Text = $"{Dates.Display(action.TakenOn)}: {action.Text}";
                Version = action.Version;
                return holder.CanRecordAction
                    ? null
                    : this.Refused($"Only the partnership's support officers and administrators, and the lead officers of {holder.RoutedTo} (where this priority was routed), can change what was done about it.");
        }
    }
}
