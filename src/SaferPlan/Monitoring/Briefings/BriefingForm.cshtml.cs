namespace SaferPlan.Monitoring.Briefings;

/// <summary>
/// Adds a county-wide body's briefing for a quarter (/bodies/{key}/briefings/new) or edits one
/// (/bodies/{key}/briefings/{id}/edit): purpose, background, sections, figures per district, risks, recommendations
/// and its marking. A stale version is refused with a message and the typed text kept.
/// </summary>
[Authorize]
public sealed class BriefingFormModel(TaskGroupReportService reports, CurrentUser current) : PageModel
{
    public sealed class Form
    {
        public string? Period { get; set; }

        public string? Title { get; set; }

        public string? ToLine { get; set; }

        public string? FromName { get; set; }

        public DateParts IssuedOn { get; set; } = new();

        public string? Purpose { get; set; }

        public string? Background { get; set; }

        public string? Sections { get; set; }

        public string? FiguresTitle { get; set; }

        public FigureGrid Figures { get; set; } = FigureGrid.Empty(FigureColumn);

        public string? Risks { get; set; }

        public string? Recommendations { get; set; }

        /// <summary>No default (a new briefing's form starts at Official in OnGet): a post without it is asked for it.</summary>
        public string? Marking { get; set; }

        public int Version { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public Body Body { get; private set; } = null!;

    public int? BriefingId { get; private set; }

    /// <summary>The quarter of the briefing being edited (a new one's quarter is typed).</summary>
    public ReportingPeriod? Period { get; private set; }

    public bool IsNew => BriefingId is null;

    public async Task<IActionResult> OnGetAsync(string key, int? id, ReportingPeriod? period, CancellationToken ct)
    {
        if (await LoadAsync(key, id, ct) is { } refused)
        {
            return refused;
        }

        if (id is { } briefingId && await reports.BriefingAsync(Body.Id, briefingId, ct) is { } b)
        {
            Input = new Form
            {
                Title = b.Title,
                ToLine = b.ToLine,
                FromName = b.FromName,
                IssuedOn = DateParts.From(b.IssuedOn),
                Purpose = b.Purpose,
                Background = b.Background,
                Sections = b.Sections,
                FiguresTitle = b.FiguresTitle,
                Figures = FigureJson.Values(b) is { Count: > 0 } figures
                    ? FigureGrid.From([FigureColumn], [.. figures.Select(f => new FigureRow(f.Label, [f.Value]))])
                    : FigureGrid.Empty(FigureColumn),
                Risks = b.Risks,
                Recommendations = b.Recommendations,
                Marking = b.Marking.ToString(),
                Version = b.Version,
            };
        }
        else
        {
            Input.Period = period is { IsWholeYear: false } q ? q.Slug : null;
            Input.Marking = nameof(ProtectiveMarking.Official);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, int? id, CancellationToken ct)
    {
        if (await LoadAsync(key, id, ct) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        if (FigureGrid.Command(Request.Form[FigureGrid.CommandField]) is { } command)
        {
            Input.Figures.Apply(command.Verb, command.Index);
            return Page();
        }

        var period = Period;
        if (IsNew)
        {
            period = ReportingPeriod.TryParse(Input.Period?.Trim(), out var typed) && !typed.IsWholeYear ? typed : null;
            if (period is null)
            {
                ModelState.AddModelError("Input.Period", "Enter the quarter, like 2010-11-q4");
            }
        }

        var issuedOn = Input.IssuedOn.Read(ModelState, "Input.IssuedOn", "The date it was issued");

        var input = new BriefingInput
        {
            Title = Input.Title,
            ToLine = Input.ToLine,
            FromName = Input.FromName,
            IssuedOn = issuedOn,
            Purpose = Input.Purpose,
            Background = Input.Background,
            Sections = Input.Sections,
            FiguresTitle = Input.FiguresTitle,
            Figures = ReadFigures(),
            Risks = Input.Risks,
            Recommendations = Input.Recommendations,
            Marking = FormFields.ParseEnum<ProtectiveMarking>(ModelState, "Input.Marking", Input.Marking, "Select the briefing's protective marking"),
        };
        return await this.SaveFormAsync(
            () => TaskGroupReportService.CheckBriefing(period, input).Errors,
            async () => await reports.SaveBriefingAsync(Body.Key, period!.Value, BriefingId, input, Input.Version, await current.GetAsync(), ct),
            saved => this.Done($"{saved.Title} ({saved.Period.Display}) saved", $"/bodies/{Body.Key}/briefings"));
    }

    /// <summary>The heading of a briefing's one column of figures, as the form shows it.</summary>
    public const string FigureColumn = "Figure";

    /// <summary>The figures per district as typed (a blank figure is none), or null when none were; unreadable boxes are errors.</summary>
    private List<FigureValue>? ReadFigures()
    {
        var (_, rows) = Input.Figures.Read(ModelState, "Input.Figures", null, [FigureColumn]);
        return rows.Count == 0 ? null : [.. rows.Select(r => new FigureValue(r.Label, r.Values.Count == 0 ? null : r.Values[0]))];
    }

    private async Task<IActionResult?> LoadAsync(string key, int? id, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (await reports.BodyAsync(key, ct) is not { } body || !Permissions.CanReadBriefings(user, body.Partnerships.Select(p => p.Id)))
        {
            return NotFound();
        }

        if (!Permissions.CanWriteBriefing(user, body.Partnerships.Select(p => p.Id)))
        {
            return Forbid();
        }

        Body = body;
        if (id is { } briefingId)
        {
            if (await reports.BriefingAsync(body.Id, briefingId, ct) is not { } briefing)
            {
                return NotFound();
            }

            BriefingId = briefingId;
            Period = briefing.Period;
        }

        return null;
    }
}
