namespace SaferPlan.Partnerships;

/// <summary>Creates a partnership; whoever creates it becomes its first administrator, and invites the rest.</summary>
[Authorize]
public sealed class NewPartnershipModel(PartnershipService partnerships, CurrentUser current) : PageModel
{
    [BindProperty]
    public PartnershipInput Input { get; set; } = new(null, null, null);

    public async Task<IActionResult> OnGetAsync() =>
        Permissions.CanCreatePartnership(await current.GetAsync()) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await partnerships.CreateAsync(Input, await current.GetAsync(), ct);
        if (result.Status == EditStatus.Forbidden)
        {
            return Forbid();
        }

        if (!result.Succeeded)
        {
            ModelState.AddFieldErrors(result.Errors, "Name", "Slug", "Area");
            return Page();
        }

        return this.Done($"{result.Value.Name} is created, with you as its administrator. Invite its support officers next.", $"/partnerships/{result.Value.Slug}/users");
    }
}
