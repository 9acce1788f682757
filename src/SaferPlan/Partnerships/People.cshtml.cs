namespace SaferPlan.Partnerships;

/// <summary>The partnership's people, with their e-mail addresses: for its support officers and administrators.</summary>
[Authorize]
public sealed class PeopleModel(PeopleService people, PartnershipService partnerships, CurrentUser current) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;

    public IReadOnlyList<Person> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await partnerships.BySlugAsync(slug, ct) is not { } partnership)
        {
            return NotFound();
        }

        Partnership = partnership;
        if (!Permissions.CanManagePeople(await current.GetAsync(), partnership.Id))
        {
            return Forbid();
        }

        People = await people.PeopleAsync(partnership.Id, ct);
        return Page();
    }
}
