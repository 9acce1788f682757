namespace SaferPlan.Plans;

/// <summary>Starts a partnership's plan with its first edition as a draft; priorities, actions and milestones are added on the edition's page.</summary>
[Authorize]
public sealed class NewPlanModel(PartnershipService partnerships, EditionService editions, CurrentUser current) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;

    /// <summary>The plan's boxes as posted: the years are read in <see cref="OnPostAsync"/>, each with its own message.</summary>
    public sealed record Form(string? Title = null, string? StartYear = null, string? EndYear = null, string? EditionLabel = null);

    [BindProperty] public Form Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        var start = FormFields.OptionalNumber(ModelState, nameof(Form.StartYear), Input.StartYear, "The year the plan starts must be a year, like 2011");
        var end = FormFields.OptionalNumber(ModelState, nameof(Form.EndYear), Input.EndYear, "The year the plan ends must be a year, like 2014");
        var input = new PlanInput(Input.Title, start, end, Input.EditionLabel);
        var user = await current.GetAsync();
        return await this.SaveFormAsync(
            () => EditionService.Check(input).Errors,
            () => editions.StartPlanAsync(Partnership.Id, input, user, ct),
            saved => this.Done($"{saved.Title} is started as a draft. Add its priorities, then record the Board's approval.", $"/editions/{saved.Id}"),
            prefix: "");
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        if (await partnerships.BySlugAsync(slug, ct) is not { } partnership)
        {
            return NotFound();
        }

        Partnership = partnership;
        return Permissions.CanManageEditions(await current.GetAsync(), partnership.Id) ? null : Forbid();
    }
}
