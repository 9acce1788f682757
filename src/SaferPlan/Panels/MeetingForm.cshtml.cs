using SaferPlan.Core.Panels;

namespace SaferPlan.Panels;

/// <summary>Adding a panel meeting: its date and place.</summary>
[Authorize]
public sealed class MeetingFormModel(PanelEditor editor, PanelReader reader, CurrentUser current) : PageModel
{
    [BindProperty]
    public DateParts HeldOn { get; set; } = new();

    [BindProperty]
    public string? Place { get; set; }

    public PanelView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var heldOn = HeldOn.Parse("The date of the meeting", out var error);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(HeldOn), error);
        }

        var result = await editor.AddMeetingAsync(id, new PanelMeetingInput(heldOn, Place), await current.GetAsync(), ct);
        if (error is not null && result.Status is EditStatus.Ok or EditStatus.Invalid)
        {
            ModelState.AddEditErrors(result.Errors, prefix: "");
            return Page();
        }

        if (this.Refusal(result, prefix: "") is { } shown)
        {
            return shown;
        }

        TempData["Success"] = "Meeting added";
        return Redirect($"/panels/{id}#meetings");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await reader.PanelAsync(id, await current.GetAsync(), ct: ct) is not { } view || view.IsPublic)
        {
            return NotFound();
        }

        View = view;
        return view.CanEdit ? null : this.Refused("Only the partnership's support officers and administrators can change its neighbourhood panels.");
    }
}
