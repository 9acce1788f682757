namespace SaferPlan.Partnerships;

/// <summary>Adds a person to the partnership, or changes or removes one, from the version the editor read.</summary>
[Authorize]
public sealed class PersonFormModel(PeopleService people, PartnershipService partnerships, CurrentUser current) : PageModel
{
    public sealed class PersonForm
    {
        public string? Name { get; set; }

        public string? Honorific { get; set; }

        public string? RoleTitle { get; set; }

        public string? AgencyId { get; set; }

        public string? Email { get; set; }

        /// <summary>The bodies the person sits on, by id.</summary>
        public List<string> BodyIds { get; set; } = [];

        public int Version { get; set; }

        public static PersonForm From(Person person, IEnumerable<int> seats) => new()
        {
            BodyIds = seats.Select(b => b.ToString(CultureInfo.InvariantCulture)).ToList(),
            Name = person.Name,
            Honorific = person.Honorific,
            RoleTitle = person.RoleTitle,
            AgencyId = person.AgencyId?.ToString(CultureInfo.InvariantCulture),
            Email = person.Email,
            Version = person.Version,
        };
    }

    public Partnership Partnership { get; private set; } = null!;

    public Person? Existing { get; private set; }

    public bool IsNew => Existing is null;

    public IReadOnlyList<string> Leads { get; private set; } = [];

    public IEnumerable<Choice> Agencies { get; private set; } = [];

    public IEnumerable<Choice> Bodies { get; private set; } = [];

    private IEnumerable<int> seats = [];

    [BindProperty]
    public PersonForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, string id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused)
        {
            return refused;
        }

        if (Existing is { } p)
        {
            Input = PersonForm.From(p, seats);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        var bodyIds = Input.BodyIds.Select(b => FormFields.ChosenId(b) ?? 0).ToList();
        var input = new PersonInput(Input.Name, Input.RoleTitle, FormFields.ChosenId(Input.AgencyId), Input.Email, Input.Honorific, bodyIds);
        var result = await people.SaveAsync(Partnership.Id, Existing?.Id, input, Input.Version, await current.GetAsync(), ct);
        if (this.Refusal(result) is { } refusal)
        {
            return refusal;
        }

        return this.Done(IsNew ? $"{result.Value!.Name} is added" : $"{result.Value!.Name} is saved", $"/partnerships/{slug}/people");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string slug, string id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused)
        {
            return refused;
        }

        if (Existing is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        var result = await people.RemoveAsync(Partnership.Id, Existing.Id, Input.Version, await current.GetAsync(), ct);
        if (result.Status == EditStatus.Forbidden)
        {
            return Forbid();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Message ?? "The person could not be removed.");
            Input = PersonForm.From(Existing, seats);
            return Page();
        }

        return this.Done($"{Existing.Name} is removed", $"/partnerships/{slug}/people");
    }

    private async Task<IActionResult?> LoadAsync(string slug, string id, CancellationToken ct)
    {
        var (partnership, refusal) = await ManagedPartnership.LoadAsync(this, partnerships, current, slug, Permissions.CanManagePeople,
            "Only the partnership's support officers and administrators can change its people.", ct);
        if (refusal is not null)
        {
            return refusal;
        }

        Partnership = partnership!;

        if (id != "new")
        {
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var personId)
                || await people.PersonAsync(Partnership.Id, personId, ct) is not { } person)
            {
                return NotFound();
            }

            Existing = person;
            Leads = await people.LeadsAsync(person.Id, ct);
            seats = (await people.SeatsAsync(Partnership.Id, ct))[person.Id];
        }

        Bodies = (await people.BodiesAsync(Partnership.Id, ct)).Select(b => new Choice(b.Id.ToString(CultureInfo.InvariantCulture), b.Name)).ToList();

        Agencies = new[] { new Choice("", "No agency") }.Concat((await people.AgenciesAsync(ct))
            .Select(x => new Choice(x.Id.ToString(CultureInfo.InvariantCulture), x.Name)));
        return null;
    }
}
