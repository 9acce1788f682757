using SaferPlan.Core.Meetings;

namespace SaferPlan.Meetings;

/// <summary>Marks a statutory duty done (or not done again) and names the person who owns it.</summary>
[Authorize]
public sealed class DutyFormModel(SaferPlanDbContext db, StatutoryYearService duties, CurrentUser current) : PageModel
{
    public StatutoryDuty Duty { get; private set; } = null!;

    public Partnership Partnership { get; private set; } = null!;

    public IReadOnlyList<Choice> People { get; private set; } = [];

    [BindProperty]
    public DateParts DoneOn { get; set; } = new();

    [BindProperty]
    public string? OwnerPersonId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        DoneOn = DateParts.From(Duty.DoneOn);
        OwnerPersonId = Duty.OwnerPersonId?.ToString(CultureInfo.InvariantCulture);
        Version = Duty.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var doneOn = DoneOn.Read(ModelState, nameof(DoneOn), "The date it was done");

        var owner = FormFields.OptionalNumber(ModelState, nameof(OwnerPersonId), OwnerPersonId, "Choose the person who owns the duty");
        return await this.SaveFormAsync(
            async () => await duties.CheckDoneAsync(Duty.PartnershipId, doneOn, owner, ct),
            async () => await duties.SetDoneAsync(id, doneOn, owner, Version, await current.GetAsync(), ct),
            _ => this.Done(doneOn is null ? "The duty is saved" : "The duty is marked done", $"/partnerships/{Partnership.Slug}/calendar/{ReportingPeriod.Year(Duty.YearStart).Slug}#duty-{id}"),
            prefix: "");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await duties.DutyAsync(id, ct) is not { } duty)
        {
            return NotFound();
        }

        Duty = duty;
        Partnership = await db.Partnerships.AsNoTracking().FirstAsync(p => p.Id == duty.PartnershipId, ct);
        if (!Permissions.CanEditMeetings(await current.GetAsync(), duty.PartnershipId))
        {
            return this.Refused("Only the partnership's support officers and administrators can mark a duty done.");
        }

        People = new[] { new Choice("", MeetingText.Owner(new StatutoryDuty { Key = "", Title = "", OwnerRole = duty.OwnerRole })) }
            .Concat(FormFields.PeopleChoices(await db.People.AsNoTracking().Where(p => p.PartnershipId == duty.PartnershipId).OrderBy(p => p.Name).ToListAsync(ct)).Skip(1))
            .ToList();
        return null;
    }
}
