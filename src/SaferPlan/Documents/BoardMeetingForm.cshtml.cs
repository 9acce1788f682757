namespace SaferPlan.Documents;

/// <summary>Sets (or clears) the date of the Board meeting that receives a quarter's performance report; its cover shows it.</summary>
[Authorize]
public sealed class BoardMeetingFormModel(PartnershipService partnerships, BoardMeetingService meetings, CurrentUser current) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;

    public ReportingPeriod Quarter { get; private set; }

    [BindProperty]
    public DateParts MeetsOn { get; set; } = new();

    [BindProperty]
    public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, ReportingPeriod? period, CancellationToken ct)
    {
        if (await LoadAsync(slug, period, ct) is { } refused)
        {
            return refused;
        }

        var meeting = await meetings.MeetingAsync(Partnership.Id, Quarter, ct);
        MeetsOn = DateParts.From(meeting?.MeetsOn);
        Version = meeting?.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, ReportingPeriod? period, CancellationToken ct)
    {
        if (await LoadAsync(slug, period, ct) is { } refused)
        {
            return refused;
        }

        var date = MeetsOn.Read(ModelState, "MeetsOn", "The date of the Board meeting");
        if (ModelState.IsValid && date is null && Version is null)
        {
            ModelState.AddModelError("MeetsOn", "Enter the date of the Board meeting, like 26 4 2011");
        }

        return await this.SaveFormAsync(
            () => BoardMeetingService.Check(Quarter, date),
            async () => await meetings.SetAsync(Partnership.Id, Quarter, date, Version, await current.GetAsync(), ct),
            _ => this.Done(
                date is { } d ? $"The Board meets on {Dates.Display(d)} to receive the {Quarter.Display} report" : $"The Board meeting for the {Quarter.Display} report is cleared",
                $"/partnerships/{Partnership.Slug}/reports#quarter-{Quarter.Slug}"),
            prefix: "");
    }

    private async Task<IActionResult?> LoadAsync(string slug, ReportingPeriod? period, CancellationToken ct)
    {
        if (period is not { IsWholeYear: false } quarter || await partnerships.BySlugAsync(slug, ct) is not { } partnership)
        {
            return NotFound();
        }

        Partnership = partnership;
        Quarter = quarter;
        return Permissions.CanPublish(await current.GetAsync(), partnership.Id) ? null : Forbid();
    }
}
