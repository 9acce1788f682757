using SaferPlan.Core.Meetings;

namespace SaferPlan.Meetings;

/// <summary>Adds a meeting to a year, or moves or changes one (a move bumps its calendar sequence), or cancels it.</summary>
[Authorize]
public sealed class MeetingFormModel(SaferPlanDbContext db, MeetingReader meetings, MeetingEditor editor, CurrentUser current) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;

    public ReportingPeriod Year { get; private set; }

    public Meeting? Existing { get; private set; }

    public IReadOnlyList<Choice> Bodies { get; private set; } = [];

    /// <summary>The meeting's boxes as posted but its date: the body, time and openness (which must be answered) are read in <see cref="OnPostAsync"/>, each with its own message.</summary>
    public sealed record Form(string? BodyId, string? StartsAt, string? Place, string? IsPublic);

    [BindProperty] public Form Input { get; set; } = new(null, null, null, null);
    [BindProperty] public DateParts MeetsOn { get; set; } = new();
    [BindProperty] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, string year, int? id, CancellationToken ct)
    {
        if (await LoadAsync(slug, year, id, ct) is { } refused)
        {
            return refused;
        }

        if (Existing is { } m)
        {
            Input = new(m.BodyId.ToString(CultureInfo.InvariantCulture), MeetingText.Time(m.StartsAt), m.Place, m.IsPublic ? "true" : "false");
            (MeetsOn, Version) = (DateParts.From(m.MeetsOn), m.Version);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string year, int? id, CancellationToken ct)
    {
        if (await LoadAsync(slug, year, id, ct) is { } refused)
        {
            return refused;
        }

        var meetsOn = MeetsOn.Read(ModelState, nameof(MeetsOn), "The date of the meeting");
        var startsAt = MeetingText.ParseTime(Input.StartsAt);
        if (!string.IsNullOrWhiteSpace(Input.StartsAt) && startsAt is null)
        {
            ModelState.AddModelError(nameof(Form.StartsAt), "Enter the time the meeting starts as hours and minutes, like 14:00");
        }

        var bodyId = FormFields.OptionalNumber(ModelState, nameof(Form.BodyId), Input.BodyId, "Choose the body that meets");

        // The API leaves openness to the body's kind when it is not said; the form asks, so an unanswered question is an error.
        var isPublic = FormFields.YesOrNo(ModelState, nameof(Form.IsPublic), Input.IsPublic, "Select whether the meeting is open to the public");
        var input = new MeetingInput(bodyId, Year, meetsOn, startsAt, Input.Place, isPublic);
        static string Box(string field) => field == "Year" ? nameof(MeetsOn) : field;
        var user = await current.GetAsync();
        return await this.SaveFormAsync(
            () => MeetingEditor.Check(input).Errors,
            () => Existing is null ? editor.AddAsync(Partnership.Id, input, user, ct) : editor.UpdateAsync(Existing.Id, input, Version, user, ct),
            saved => this.Done(Existing is null ? "The meeting is added" : "The meeting is saved", $"/meetings/{saved.Id}"),
            prefix: "",
            box: Box);
    }

    public async Task<IActionResult> OnPostCancelAsync(string slug, string year, int? id, CancellationToken ct)
    {
        if (await LoadAsync(slug, year, id, ct) is { } refused)
        {
            return refused;
        }

        if (Existing is null)
        {
            return NotFound();
        }

        var result = await editor.CancelAsync(Existing.Id, Version, await current.GetAsync(), ct);
        return this.Saved(result, _ => "The meeting is cancelled", _ => $"/meetings/{Existing.Id}");
    }

    private async Task<IActionResult?> LoadAsync(string slug, string year, int? id, CancellationToken ct)
    {
        if (!ReportingPeriod.TryParse(year, out var period) || !period.IsWholeYear
            || await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct) is not { } partnership)
        {
            return NotFound();
        }

        var user = await current.GetAsync();
        Partnership = partnership;
        Year = period;
        if (id is { } meetingId)
        {
            if (await meetings.MeetingAsync(meetingId, user, ct) is not { } found || found.Partnership.Id != partnership.Id || found.Meeting.YearStart != period.StartYear)
            {
                return NotFound();
            }

            Existing = found.Meeting;
        }

        if (!Permissions.CanEditMeetings(user, partnership.Id))
        {
            return this.Refused("Only the partnership's support officers and administrators can change its meetings.");
        }

        Bodies = new[] { new Choice("", "Choose a body") }
            .Concat((await db.Bodies.AsNoTracking().Where(b => b.Partnerships.Any(p => p.Id == partnership.Id)).OrderBy(b => b.Name).ToListAsync(ct))
                .Select(b => new Choice(b.Id.ToString(CultureInfo.InvariantCulture), b.Name)))
            .ToList();
        return null;
    }
}
