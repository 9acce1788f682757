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

        public string? Figures { get; set; }

        public string? Risks { get; set; }

        public string? Recommendations { get; set; }

        public string? Marking { get; set; } = nameof(ProtectiveMarking.Official);

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
                Figures = string.Join("\n", FigureJson.Values(b).Select(f => $"{f.Label}: {f.Value?.ToString("0.##", CultureInfo.InvariantCulture)}")),
                Risks = b.Risks,
                Recommendations = b.Recommendations,
                Marking = b.Marking.ToString(),
                Version = b.Version,
            };
        }
        else
        {
            Input.Period = period is { IsWholeYear: false } q ? q.Slug : null;
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
        var period = Period ?? default;
        if (IsNew)
        {
            if (!ReportingPeriod.TryParse(Input.Period?.Trim(), out var typed) || typed.IsWholeYear)
            {
                ModelState.AddModelError("Input.Period", "Enter the quarter, like 2010-11-q4");
            }
            else
            {
                period = typed;
            }
        }

        var issuedOn = Input.IssuedOn.Parse("The date it was issued", out var dateError);
        if (dateError is not null)
        {
            ModelState.AddModelError("Input.IssuedOn", dateError);
        }

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
            Figures = ParseFigures(Input.Figures),
            Risks = Input.Risks,
            Recommendations = Input.Recommendations,
            Marking = FormFields.ParseEnum<ProtectiveMarking>(ModelState, "Input.Marking", Input.Marking, "Select the briefing's protective marking"),
        };
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await reports.SaveBriefingAsync(Body.Key, period, BriefingId, input, Input.Version, await current.GetAsync(), ct);
        if (this.Refusal(result) is { } refusal)
        {
            return refusal;
        }

        TempData["Success"] = $"{result.Value!.Title} ({result.Value.Period.Display}) saved";
        return Redirect($"/bodies/{Body.Key}/briefings");
    }

    /// <summary>One figure a line: "South: 40"; a blank value is no figure. Unreadable lines are errors on the box.</summary>
    private List<FigureValue>? ParseFigures(string? text)
    {
        var lines = (text ?? "").ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            return null;
        }

        var figures = new List<FigureValue>();
        for (var n = 0; n < lines.Length; n++)
        {
            var colon = lines[n].LastIndexOf(':');
            if (colon <= 0)
            {
                ModelState.AddModelError("Input.Figures", $"Figure {n + 1} needs its label, a colon, then its value, like South: 40");
                continue;
            }

            var cell = lines[n][(colon + 1)..].Trim();
            decimal? value = null;
            if (cell.Length > 0 && cell is not ("–" or "-"))
            {
                if (!decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
                {
                    ModelState.AddModelError("Input.Figures", $"Figure {n + 1}: '{cell}' is not a number");
                    continue;
                }

                value = parsed;
            }

            figures.Add(new FigureValue(lines[n][..colon].Trim(), value));
        }

        return figures;
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
