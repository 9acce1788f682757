using SaferPlan.Core.Meetings;

namespace SaferPlan.Meetings;

/// <summary>Adds an agenda item to a meeting, linking it to a paper SaferPlan makes when it is one.</summary>
[Authorize]
public sealed class AgendaItemFormModel(MeetingReader meetings, MeetingEditor editor, CurrentUser current) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;

    public Partnership Partnership { get; private set; } = null!;

    /// <summary>The item's boxes as posted: the paper is read in <see cref="OnPostAsync"/>, with its own message.</summary>
    public sealed record Form(string? Title = null, string? Paper = nameof(PaperKind.None), string? PaperKey = null);

    [BindProperty] public Form Input { get; set; } = new();

    public static IEnumerable<Choice> Papers =>
    [
        new(nameof(PaperKind.None), "No paper"),
        new(nameof(PaperKind.BoardReport), "The quarter's Board report", "Enter the quarter, like 2010-11-q4"),
        new(nameof(PaperKind.RefreshReport), "The refresh report of a plan edition", "Enter the edition's number, as in its address /editions/12"),
        new(nameof(PaperKind.StrategicAssessment), "The strategic assessment", "Enter the year, like 2010-11"),
        new(nameof(PaperKind.FundingPlan), "The funding plan", "Enter the year, like 2010-11"),
    ];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var paper = FormFields.ParseEnum<PaperKind>(ModelState, nameof(Form.Paper), Input.Paper, "Choose the paper, or no paper");
        var input = new AgendaItemInput(Input.Title, paper, Input.PaperKey);
        var user = await current.GetAsync();
        return await this.SaveFormAsync(
            () => MeetingEditor.CheckAgendaItem(input).Errors,
            () => editor.AddAgendaItemAsync(id, input, user, ct),
            _ => this.Done("The agenda item is added", $"/meetings/{id}#agenda"),
            prefix: "");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (await meetings.MeetingAsync(id, user, ct) is not { } found)
        {
            return NotFound();
        }

        (Meeting, Partnership, _) = found;
        return Permissions.CanEditMeetings(user, Partnership.Id) ? null : this.Refused("Only the partnership's support officers and administrators can change its meetings.");
    }
}
