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

    [BindProperty]
    public string? BodyId { get; set; }

    [BindProperty]
    public DateParts MeetsOn { get; set; } = new();

    [BindProperty]
    public string? StartsAt { get; set; }

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public string? IsPublic { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, string year, int? id, CancellationToken ct)
    {
        if (await LoadAsync(slug, year, id, ct) is { } refused)
        {
            return refused;
        }

        if (Existing is { } m)
        {
            BodyId = m.BodyId.ToString(CultureInfo.InvariantCulture);
            MeetsOn = DateParts.From(m.MeetsOn);
            StartsAt = MeetingText.Time(m.StartsAt);
            Place = m.Place;
            IsPublic = m.IsPublic ? "true" : "false";
            Version = m.Version;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string year, int? id, CancellationToken ct)
    {
        if (await LoadAsync(slug, year, id, ct) is { } refused)
        {
            return refused;
        }

        var meetsOn = MeetsOn.Parse("The date of the meeting", out var dateError);
        if (dateError is not null)
        {
            ModelState.AddModelError(nameof(MeetsOn), dateError);
        }

        var startsAt = MeetingText.ParseTime(StartsAt);
        if (!string.IsNullOrWhiteSpace(StartsAt) && startsAt is null)
        {
            ModelState.AddModelError(nameof(StartsAt), "Enter the time the meeting starts as hours and minutes, like 14:00");
        }

        var bodyId = FormFields.OptionalNumber(ModelState, nameof(BodyId), BodyId, "Choose the body that meets");
        var input = new MeetingInput(bodyId, Year, meetsOn, startsAt, Place, IsPublic switch { "true" => true, "false" => false, _ => null });
        static string Box(string field) => field == "Year" ? nameof(MeetsOn) : field;
        if (!ModelState.IsValid)
        {
            ModelState.AddEditErrors(MeetingEditor.Check(input), prefix: "", box: Box);
            return Page();
        }

        var user = await current.GetAsync();
        var result = Existing is null
            ? await editor.AddAsync(Partnership.Id, input, user, ct)
            : await editor.UpdateAsync(Existing.Id, input, Version, user, ct);
        if (this.Refusal(result, prefix: "", box: Box) is { } answer)
        {
            return answer;
        }

        TempData["Success"] = Existing is null ? "The meeting is added" : "The meeting is saved";
        return Redirect($"/meetings/{result.Value!.Id}");
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
        if (this.Refusal(result, prefix: "") is { } answer)
        {
            return answer;
        }

        TempData["Success"] = "The meeting is cancelled";
        return Redirect($"/meetings/{Existing.Id}");
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
