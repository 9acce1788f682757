using SaferPlan.Core.Panels;

namespace SaferPlan.Panels;

/// <summary>The priority a form acts on, once the user may record its actions (see <see cref="Permissions.CanRecordPanelAction"/>).</summary>
internal static class ActablePriority
{
    public static async Task<(PanelView? View, PanelPriorityView? Priority, IActionResult? Refusal)> LoadAsync(PageModel page, PanelReader reader, UserContext user, SaferPlanDbContext db, int priorityId, CancellationToken ct)
    {
        var panelId = await db.Set<PanelPriority>().Where(p => p.Id == priorityId).Select(p => (int?)p.PanelId).FirstOrDefaultAsync(ct);
        if (panelId is null || await reader.PanelAsync(panelId.Value, user, ct: ct) is not { IsPublic: false } view)
        {
            return (null, null, page.NotFound());
        }

        var priority = view.Priorities.Single(p => p.Id == priorityId);
        return priority.CanRecordAction
            ? (view, priority, null)
            : (null, null, page.Refused($"Only the partnership's support officers and administrators, and the lead officers of {priority.RoutedTo} (where this priority was routed), can record what was done about it."));
    }
}

/// <summary>Recording an action taken on a panel priority.</summary>
[Authorize]
public sealed class ActionFormModel(PanelEditor editor, PanelReader reader, CurrentUser current, SaferPlanDbContext db) : PageModel
{
    /// <summary>The form's boxes but the date, which is read from <see cref="TakenOn"/>.</summary>
    [BindProperty] public PanelActionInput Input { get; set; } = new(null, null, null);
    [BindProperty] public DateParts TakenOn { get; set; } = new();

    public PanelView View { get; private set; } = null!;

    public PanelPriorityView Priority { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        Input = Input with { TakenBy = (await current.GetAsync()).Name };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var input = Input with { TakenOn = TakenOn.Read(ModelState, nameof(TakenOn), "The date of the action") };
        return await this.SaveFormAsync(
            () => PanelEditor.CheckAction(input).Errors,
            async () => await editor.AddActionAsync(id, input, await current.GetAsync(), ct),
            _ => this.Done("Action recorded", $"/panels/{View.Panel.Id}#priority-{id}"),
            prefix: "");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (view, priority, refusal) = await ActablePriority.LoadAsync(this, reader, await current.GetAsync(), db, id, ct);
        (View, Priority) = (view!, priority!);
        return refusal;
    }
}
