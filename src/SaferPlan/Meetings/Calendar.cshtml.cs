using SaferPlan.Core.Meetings;

namespace SaferPlan.Meetings;

/// <summary>
/// A partnership's governance calendar for a financial year: its meetings month by month and the statutory duties with
/// their status. Visitors see public meetings only; support officers generate the year from the bodies' cadences here.
/// </summary>
public sealed class CalendarModel(MeetingReader meetings, MeetingEditor editor, StatutoryYearService duties, BodyService bodies, CurrentUser current) : PageModel
{
    public MeetingYear View { get; private set; } = null!;

    public IReadOnlyList<StatutoryDuty> Duties { get; private set; } = [];

    public DateOnly Today => duties.Today;

    public bool CanEdit { get; private set; }

    public bool SignedIn { get; private set; }

    /// <summary>Whether any body serves the partnership: without one there are no meetings to add, and the page says where to add its Board.</summary>
    public bool HasBodies { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string year, CancellationToken ct) =>
        await LoadAsync(slug, year, ct) ?? Page();

    public async Task<IActionResult> OnPostScheduleAsync(string slug, string year, CancellationToken ct)
    {
        if (await LoadAsync(slug, year, ct) is { } missing)
        {
            return missing;
        }

        var user = await current.GetAsync();
        var added = await editor.GenerateYearAsync(View.Partnership.Id, View.Year, user, ct);
        if (this.Refusal(added, prefix: "") is { } refused)
        {
            return refused;
        }

        var dutiesAdded = await duties.GenerateYearAsync(View.Partnership.Id, View.Year, user, ct);
        if (this.Refusal(dutiesAdded, prefix: "") is { } refusedDuties)
        {
            return refusedDuties;
        }

        var (m, d) = (added.Value!, dutiesAdded.Value!);
        var done = m.Added + d.Added == 0
            ? m.LeftOut + d.LeftOut == 0 ? $"The {View.Year.Display} meetings and duties were already there: nothing was added" : $"Nothing was added for {View.Year.Display}"
            : $"Added {m.Added} meetings and {d.Added} statutory duties for {View.Year.Display}";
        return this.Done(GenerationStart.LeftOutSentence(m, d) is { } leftOut ? $"{done}. {leftOut}" : done, $"/partnerships/{slug}/calendar/{View.Year.Slug}");
    }

    private async Task<IActionResult?> LoadAsync(string slug, string year, CancellationToken ct)
    {
        if (!ReportingPeriod.TryParse(year, out var period) || !period.IsWholeYear)
        {
            return NotFound();
        }

        var user = await current.GetAsync();
        if (await meetings.YearAsync(slug, period, user, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        Duties = await duties.YearAsync(view.Partnership.Id, period, ct);
        CanEdit = Permissions.CanEditMeetings(user, view.Partnership.Id);
        HasBodies = !CanEdit || await bodies.AnyAsync(view.Partnership.Id, ct);
        SignedIn = Permissions.CanHaveCalendarFeed(user);
        return null;
    }
}
