namespace SaferPlan.Partnerships.Bodies;

/// <summary>Adds a body serving the partnership, or changes one that serves it alone, from the version the editor read.</summary>
[Authorize]
public sealed class BodyFormModel(BodyService bodies, PartnershipService partnerships, CurrentUser current) : PageModel
{
    public sealed class BodyForm
    {
        public string? Name { get; set; }

        public string? Kind { get; set; }

        public string? Cadence { get; set; }

        public string? Description { get; set; }

        public string? ChairId { get; set; }

        public List<string> MemberAgencyIds { get; set; } = [];

        public int Version { get; set; }

        public static BodyForm From(Body body) => new()
        {
            Name = body.Name,
            Kind = body.Kind.ToString(),
            Cadence = body.Cadence.ToString(),
            Description = body.Description,
            ChairId = body.ChairId?.ToString(CultureInfo.InvariantCulture),
            MemberAgencyIds = body.MemberAgencies.Select(a => a.Id.ToString(CultureInfo.InvariantCulture)).ToList(),
            Version = body.Version,
        };
    }

    public Partnership Partnership { get; private set; } = null!;

    public Body? Existing { get; private set; }

    public bool IsNew => Existing is null;

    /// <summary>What refers to the body, which keeps it from being removed.</summary>
    public IReadOnlyList<string> Uses { get; private set; } = [];

    public IEnumerable<Choice> Kinds => GovUkHtml.EnumChoices<BodyKind>(Core.Documents.PlanDocumentBuilder.KindText);

    public IEnumerable<Choice> Cadences => GovUkHtml.EnumChoices<MeetingCadence>(Core.Documents.PlanDocumentBuilder.CadenceText);

    public IEnumerable<Choice> Chairs { get; private set; } = [];

    public IEnumerable<Choice> Agencies { get; private set; } = [];

    [BindProperty]
    public BodyForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, string id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused)
        {
            return refused;
        }

        if (Existing is { } body)
        {
            Input = BodyForm.From(body);
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
        var input = new BodyInput(
            Input.Name,
            Enum.TryParse<BodyKind>(Input.Kind, out var kind) ? kind : null,
            Enum.TryParse<MeetingCadence>(Input.Cadence, out var cadence) ? cadence : null,
            Input.Description,
            FormFields.ChosenId(Input.ChairId),
            Input.MemberAgencyIds.Select(a => FormFields.ChosenId(a) ?? 0).ToList());
        var result = await bodies.SaveAsync(Partnership.Id, Existing?.Id, input, Input.Version, await current.GetAsync(), ct);
        if (this.Refusal(result) is { } refusal)
        {
            return refusal;
        }

        return this.Done(IsNew ? $"{result.Value!.Name} is added" : $"{result.Value!.Name} is saved", $"/partnerships/{slug}/bodies");
    }

    private async Task<IActionResult?> LoadAsync(string slug, string id, CancellationToken ct)
    {
        int? bodyId = null;
        if (id != "new")
        {
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return NotFound();
            }

            bodyId = number;
        }

        var (partnership, body, refusal) = await EditableBody.LoadAsync(this, bodies, partnerships, current, slug, bodyId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        Partnership = partnership!;
        if (body is not null)
        {
            Existing = body;
            Uses = await bodies.UsesAsync(body.Id, ct);
        }

        Chairs = new[] { new Choice("", "No chair") }.Concat((await bodies.ChairChoicesAsync(Partnership.Id, ct))
            .Select(p => new Choice(p.Id.ToString(CultureInfo.InvariantCulture), p.RoleTitle is null ? p.Name : $"{p.Name}, {p.RoleTitle}")));
        Agencies = (await bodies.AgencyChoicesAsync(ct)).Select(a => new Choice(a.Id.ToString(CultureInfo.InvariantCulture), a.Name)).ToList();
        return null;
    }
}
