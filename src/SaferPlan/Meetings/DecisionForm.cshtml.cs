using SaferPlan.Core.Meetings;

namespace SaferPlan.Meetings;

/// <summary>Records a decision of a meeting; a decision approving an edition approves it in the same step.</summary>
[Authorize]
public sealed class DecisionFormModel(SaferPlanDbContext db, MeetingReader meetings, MeetingEditor editor, CurrentUser current) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;

    public Partnership Partnership { get; private set; } = null!;

    public IReadOnlyList<Choice> Editions { get; private set; } = [];

    /// <summary>The decision's boxes as posted: the kind is read in <see cref="OnPostAsync"/>, with its own message.</summary>
    public sealed record Form(string? Text = null, string? Minute = null, string? Kind = nameof(DecisionKind.Other), string? EditionId = null, string? FundingYear = null);

    [BindProperty] public Form Input { get; set; } = new();

    public static IEnumerable<Choice> Kinds =>
    [
        new(nameof(DecisionKind.ApproveEdition), "Approves a plan edition", "The edition is approved, dated the meeting's day, and the edition it replaces is superseded"),
        new(nameof(DecisionKind.SetPriorities), "Sets the year's priorities"),
        new(nameof(DecisionKind.AgreeFundingPlan), "Agrees the funding plan", "Enter its year below, like 2010-11"),
        new(nameof(DecisionKind.Other), "Another decision"),
    ];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var kind = FormFields.ParseEnum<DecisionKind>(ModelState, nameof(Form.Kind), Input.Kind, "Choose what the decision decided");
        // A kind it cannot read is asked for; the rest of the form is checked as another decision's, which names no subject.
        kind = ModelState.IsValid ? kind : DecisionKind.Other;
        var funding = kind == DecisionKind.AgreeFundingPlan;
        var input = new DecisionInput(Input.Text, Input.Minute, kind, funding ? Input.FundingYear : Input.EditionId);
        return await this.SaveFormAsync(
            async () => (await editor.CheckDecisionAsync(Partnership.Id, input, ct)).Errors,
            async () => await editor.RecordDecisionAsync(id, input, await current.GetAsync(), ct),
            _ => this.Done(kind == DecisionKind.ApproveEdition ? "The decision is recorded and the edition is approved" : "The decision is recorded", $"/meetings/{id}#decisions"),
            prefix: "",
            box: f => f == "SubjectKey" ? (funding ? nameof(Form.FundingYear) : nameof(Form.EditionId)) : f);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (await meetings.MeetingAsync(id, user, ct) is not { } found)
        {
            return NotFound();
        }

        (Meeting, Partnership, _) = found;
        if (!Permissions.CanEditMeetings(user, Partnership.Id))
        {
            return this.Refused("Only the partnership's support officers and administrators can record a meeting's decisions.");
        }

        var partnershipId = Partnership.Id;
        Editions = new[] { new Choice("", "Not about a plan edition") }
            .Concat((await db.Editions.AsNoTracking().Where(e => e.Plan.PartnershipId == partnershipId).OrderByDescending(e => e.YearStart).ToListAsync(ct))
                .Select(e => new Choice(e.Id.ToString(CultureInfo.InvariantCulture), $"{e.Title} ({e.Year.Display}, {e.Status})")))
            .ToList();
        return null;
    }
}
