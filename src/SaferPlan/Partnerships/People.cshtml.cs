namespace SaferPlan.Partnerships;

/// <summary>The partnership's people, with their e-mail addresses: for its support officers and administrators.</summary>
[Authorize]
public sealed class PeopleModel(PeopleService people, PartnershipService partnerships, CurrentUser current) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;

    public IReadOnlyList<Person> People { get; private set; } = [];

    /// <summary>The names of the bodies each person sits on, by person id.</summary>
    public ILookup<int, string> Seats { get; private set; } = Enumerable.Empty<int>().ToLookup(i => i, _ => "");

    /// <summary>The partnership each person seated here from another partnership belongs to, by person id.</summary>
    public IReadOnlyDictionary<int, string> From { get; private set; } = new Dictionary<int, string>();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var (partnership, refusal) = await ManagedPartnership.LoadAsync(this, partnerships, current, slug, Permissions.CanManagePeople,
            "Only the partnership's support officers and administrators can see its people and their e-mail addresses.", ct);
        if (refusal is not null)
        {
            return refusal;
        }

        Partnership = partnership!;
        People = await people.PeopleAsync(Partnership.Id, ct);
        var guests = People.Where(p => p.PartnershipId != Partnership.Id).ToList();
        var names = await people.PartnershipNamesAsync(guests.Select(p => p.PartnershipId), ct);
        From = guests.ToDictionary(p => p.Id, p => names.GetValueOrDefault(p.PartnershipId, "another partnership"));
        var bodies = (await people.BodiesAsync(Partnership.Id, ct)).ToDictionary(b => b.Id, b => b.Name);
        var seats = await people.SeatsAsync(Partnership.Id, ct);
        Seats = seats.SelectMany(g => g.Select(b => (Person: g.Key, Body: bodies[b]))).ToLookup(s => s.Person, s => s.Body);
        return Page();
    }
}
