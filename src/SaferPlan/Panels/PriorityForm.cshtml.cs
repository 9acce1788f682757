using SaferPlan.Core.Panels;

namespace SaferPlan.Panels;

/// <summary>Adding or changing a priority set at a panel meeting, and where it was routed: support officers and administrators.</summary>
[Authorize]
public sealed class PriorityFormModel(PanelEditor editor, PanelReader reader, CurrentUser current, SaferPlanDbContext db) : PageModel
{
    /// <summary>The form's boxes as posted: numbers and choices are read in <see cref="OnPostAsync"/>, so each has its own message.</summary>
    public sealed record Form(string? RaisedAtId, string? Text, string? Ward, string? Route, string? RouteBodyId, string? RouteContactId, string? Marking);

    [BindProperty] public Form Input { get; set; } = new(null, null, null, null, null, null, null);
    [BindProperty] public int Version { get; set; }

    public PanelView View { get; private set; } = null!;

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    public IReadOnlyList<Person> People { get; private set; } = [];

    public static IEnumerable<Choice> Routes =>
    [
        new(nameof(PanelRoute.NeighbourhoodPolicing), "The neighbourhood policing team", "Policing actions"),
        new(nameof(PanelRoute.AsbTaskGroup), "The anti-social behaviour task group", "Anti-social behaviour: choose the task group below"),
        new(nameof(PanelRoute.PartnerAgency), "A contact in a partner agency", "Other matters, such as street lighting, refuse or fire safety: choose the contact below"),
    ];

    public async Task<IActionResult> OnGetAsync(int panelId, int? id, CancellationToken ct)
    {
        if (await LoadAsync(panelId, ct) is { } refused)
        {
            return refused;
        }

        if (id is { } priorityId)
        {
            var p = await db.Set<PanelPriority>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == priorityId && x.PanelId == panelId, ct);
            if (p is null)
            {
                return NotFound();
            }

            Input = new(p.RaisedAtId.ToString(CultureInfo.InvariantCulture), p.Text, p.Ward, p.Route.ToString(),
                p.RouteBodyId?.ToString(CultureInfo.InvariantCulture), p.RouteContactId?.ToString(CultureInfo.InvariantCulture), p.Marking.ToString());
            Version = p.Version;
        }
        else
        {
            Input = Input with
            {
                RaisedAtId = View.Meetings.Count > 0 ? View.Meetings[^1].Id.ToString(CultureInfo.InvariantCulture) : null,
                RouteBodyId = Bodies.FirstOrDefault(b => b.Key == PanelEditor.AsbTaskGroupKey)?.Id.ToString(CultureInfo.InvariantCulture),
                Marking = nameof(ProtectiveMarking.Official),
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int panelId, int? id, CancellationToken ct)
    {
        if (await LoadAsync(panelId, ct) is { } refused)
        {
            return refused;
        }

        var raisedAt = FormFields.OptionalNumber(ModelState, nameof(Form.RaisedAtId), Input.RaisedAtId, "Select the panel meeting the priority was set at");
        var route = Input.Route;
        // Asked for when left empty: the editor would take no marking as Official (or the marking unchanged).
        var marking = FormFields.ParseEnum<ProtectiveMarking>(ModelState, nameof(Form.Marking), Input.Marking, "Select the priority's protective marking");
        var input = new PanelPriorityInput(
            raisedAt, Input.Text, Input.Ward, route,
            route == nameof(PanelRoute.AsbTaskGroup) ? FormFields.OptionalNumber(ModelState, nameof(Form.RouteBodyId), Input.RouteBodyId, "Select the task group") : null,
            route == nameof(PanelRoute.PartnerAgency) ? FormFields.OptionalNumber(ModelState, nameof(Form.RouteContactId), Input.RouteContactId, "Select the contact") : null,
            marking);
        var user = await current.GetAsync();
        return await this.SaveFormAsync(
            () => editor.CheckPriorityAsync(panelId, input, ct),
            () => id is { } priorityId ? editor.UpdatePriorityAsync(priorityId, input, Version, user, ct) : editor.AddPriorityAsync(panelId, input, user, ct),
            saved => this.Done("Priority saved", $"/panels/{panelId}#priority-{saved.Id}"),
            prefix: "");
    }

    private async Task<IActionResult?> LoadAsync(int panelId, CancellationToken ct)
    {
        if (await reader.PanelAsync(panelId, await current.GetAsync(), ct: ct) is not { } view || view.IsPublic)
        {
            return NotFound();
        }

        if (!view.CanEdit)
        {
            return this.Refused("Only the partnership's support officers and administrators can change its neighbourhood panels.");
        }

        View = view;
        var pid = view.Panel.PartnershipId;
        Bodies = await db.Bodies.AsNoTracking().Where(b => b.Partnerships.Any(p => p.Id == pid)).OrderBy(b => b.Name).ToListAsync(ct);
        People = await db.People.AsNoTracking().Include(p => p.Agency).Where(p => p.PartnershipId == pid).OrderBy(p => p.Name).ToListAsync(ct);
        return null;
    }
}
