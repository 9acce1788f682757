namespace SaferPlan.Partnerships;

/// <summary>Creates a partnership; whoever creates it becomes its first administrator, and invites the rest.</summary>
[Authorize]
public sealed class NewPartnershipModel(PartnershipService partnerships, CurrentUser current) : PageModel
{
    [BindProperty]
    public string? Slug { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Area { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        Permissions.CanCreatePartnership(await current.GetAsync()) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await partnerships.CreateAsync(new PartnershipInput(Slug, Name, Area), await current.GetAsync(), ct);
        if (result.Status == EditStatus.Forbidden)
        {
            return Forbid();
        }

        if (!result.Succeeded)
        {
            foreach (var field in new[] { "Name", "Slug", "Area" })
            {
                if (result.Errors.TryGetValue(field, out var message))
                {
                    ModelState.AddModelError(field, message);
                }
            }

            return Page();
        }

        TempData["Success"] = $"{result.Value.Name} is created, with you as its administrator. Invite its support officers next.";
        return Redirect($"/partnerships/{result.Value.Slug}/users");
    }
}
