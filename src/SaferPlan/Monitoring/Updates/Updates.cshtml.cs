namespace SaferPlan.Monitoring.Updates;

/// <summary>The partnership's collection rounds, and opening a quarter for updates.</summary>
[Authorize]
public sealed class UpdatesModel(PlanReader reader, UpdateService updates, CurrentUser current) : PageModel
{
    public sealed class Form
    {
        public string? Period { get; set; }

        public DateParts Deadline { get; set; } = new();

        public DateParts LockOn { get; set; } = new();
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public Partnership Partnership { get; private set; } = null!;

    public IReadOnlyList<CollectionRound> Rounds { get; private set; } = [];

    public bool CanManage { get; private set; }

    public bool CanWriteUpdates { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        ModelState.Clear();
        ReportingPeriod? period = null;
        if (string.IsNullOrWhiteSpace(Input.Period))
        {
            ModelState.AddModelError("Input.Period", "Enter the quarter, like 2010/11 Q4");
        }
        else if (ReportingPeriod.TryParse(Input.Period, out var p) && !p.IsWholeYear)
        {
            period = p;
        }
        else
        {
            ModelState.AddModelError("Input.Period", "Enter the quarter as a financial year and quarter, like 2010/11 Q4");
        }

        var deadline = Input.Deadline.Read(ModelState, "Input.Deadline", "The deadline");

        var lockOn = Input.LockOn.Read(ModelState, "Input.LockOn", "The lock date");
        return await this.SaveFormAsync(
            () => UpdateService.CheckRound(period, deadline, lockOn).Errors,
            async () => await updates.OpenRoundAsync(Partnership.Id, period!.Value, deadline, lockOn, await current.GetAsync(), ct),
            round => this.Done($"{round.Period.Display} is open for updates until {Core.Periods.Dates.Display(round.Deadline)}",
                $"/partnerships/{slug}/periods/{round.Period.Slug}/completeness"));
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership || !Permissions.CanSeeUnpublished(user, partnership.Id))
        {
            return false;
        }

        Partnership = partnership;
        CanManage = Permissions.CanManageRounds(user, partnership.Id);
        CanWriteUpdates = Permissions.PartnershipsToUpdate(user).Contains(partnership.Id);
        Rounds = await updates.RoundsAsync(partnership.Id, ct);
        return true;
    }
}
