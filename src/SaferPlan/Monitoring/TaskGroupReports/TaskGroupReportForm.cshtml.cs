namespace SaferPlan.Monitoring.TaskGroupReports;

/// <summary>Writes a task group's quarterly report (/partnerships/{slug}/periods/{period}/reports/new) or edits one.</summary>
[Authorize]
public sealed class TaskGroupReportFormModel(PlanReader reader, TaskGroupReportService reports, UpdateService updates, CurrentUser current) : PageModel
{
    public sealed class FigureForm
    {
        public string? Title { get; set; }

        public FigureGrid Table { get; set; } = FigureGrid.Empty();

        public string? YearToDate { get; set; } = "no";

        /// <summary>Whether the Board report draws the table as a bar chart above it ("yes"/"no"), as seed 001 shows some.</summary>
        public string? Chart { get; set; } = "no";

        public string? Note { get; set; }

        /// <summary>
        /// The table's marking, carried through the form unchanged in a hidden field (a new table's is Official): the form
        /// does not offer it, so saving the page must neither lower a Restricted table set through the API nor be refused
        /// for lowering it. A post without it is refused, never taken as Official.
        /// </summary>
        public string? Marking { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Title) && Table.IsBlank && string.IsNullOrWhiteSpace(Note);
    }

    public sealed class Form
    {
        public string? Title { get; set; }

        public string? PriorityId { get; set; }

        public string? LeadOfficerName { get; set; }

        public string? LeadOfficerId { get; set; }

        public string? Achievements { get; set; }

        public string? AchievementsMarking { get; set; }

        public string? Concerns { get; set; }

        public string? ConcernsMarking { get; set; }

        public string? Recommendations { get; set; }

        public string? RecommendationsMarking { get; set; }

        public string? PublicityItems { get; set; }

        public List<FigureForm> Figures { get; set; } = [];

        public int Version { get; set; }

        public string? this[string field] => field switch
        {
            "Achievements" => Achievements,
            "AchievementsMarking" => AchievementsMarking,
            "Concerns" => Concerns,
            "ConcernsMarking" => ConcernsMarking,
            "Recommendations" => Recommendations,
            _ => RecommendationsMarking,
        };
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public Partnership Partnership { get; private set; } = null!;

    public ReportingPeriod Period { get; private set; }

    public int? ReportId { get; private set; }

    public bool IsNew => ReportId is null;

    public IReadOnlyList<Choice> PriorityChoices { get; private set; } = [];

    /// <summary>Whether the user chooses the report's lead officer (support officers and administrators); others carry it unchanged.</summary>
    public bool CanChooseLead { get; private set; }

    public IReadOnlyList<Person> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, string? slug, ReportingPeriod? period, CancellationToken ct)
    {
        if (!await LoadAsync(id, slug, period, ct))
        {
            return forbidden ? this.Refused() : NotFound();
        }

        if (id is { } reportId && await reports.ReportAsync(reportId, true, ct) is { } view)
        {
            var r = view.Report;
            Input = new Form
            {
                Title = r.Title,
                PriorityId = r.PriorityId?.ToString(CultureInfo.InvariantCulture),
                LeadOfficerName = r.LeadOfficerName,
                LeadOfficerId = r.LeadOfficerId?.ToString(CultureInfo.InvariantCulture),
                Achievements = r.Achievements,
                AchievementsMarking = r.AchievementsMarking.ToString(),
                Concerns = r.Concerns,
                ConcernsMarking = r.ConcernsMarking.ToString(),
                Recommendations = r.Recommendations,
                RecommendationsMarking = r.RecommendationsMarking.ToString(),
                PublicityItems = r.PublicityItems,
                Version = r.Version,
                Figures = view.Figures.Select(f => new FigureForm
                {
                    Title = f.Table.Title,
                    Table = FigureGrid.From(f.Columns, f.Rows),
                    YearToDate = f.Table.YearToDate ? "yes" : "no",
                    Chart = f.Table.Chart ? "yes" : "no",
                    Note = f.Table.Note,
                    Marking = f.Table.Marking.ToString(),
                }).ToList(),
            };
        }
        else
        {
            // Only a new report's form starts at Official: a post without a marking is asked for one, never defaulted.
            Input.AchievementsMarking = Input.ConcernsMarking = Input.RecommendationsMarking = nameof(ProtectiveMarking.Official);
        }

        Input.Figures.Add(new FigureForm { Marking = nameof(ProtectiveMarking.Official) });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, string? slug, ReportingPeriod? period, CancellationToken ct)
    {
        if (!await LoadAsync(id, slug, period, ct))
        {
            return forbidden ? this.Refused() : NotFound();
        }

        ModelState.Clear();
        if (FigureGrid.Command(Request.Form[FigureGrid.CommandField]) is { } command)
        {
            if (command.Table < Input.Figures.Count)
            {
                Input.Figures[command.Table].Table.Apply(command.Verb, command.Index);
            }

            return Page();
        }

        var figures = new List<FigureTableInput>();
        for (var i = 0; i < Input.Figures.Count; i++)
        {
            var f = Input.Figures[i];
            if (!f.IsBlank)
            {
                // The hidden marking is always on the page; one left out is refused (on the table's title, the box it can be seen by).
                if (!Enum.TryParse(f.Marking, out ProtectiveMarking marking) || !Enum.IsDefined(marking))
                {
                    ModelState.AddModelError($"Input.Figures[{i}].Title", $"Figure table {i + 1}'s protective marking was not sent: open the report again to edit it");
                }

                var (columns, rows) = f.Table.Read(ModelState, $"Input.Figures[{i}].Table", i == 0 ? null : $"Figure table {i + 1}");
                figures.Add(new FigureTableInput(f.Title, columns, rows, f.YearToDate == "yes", f.Note, marking, f.Chart == "yes"));
            }
        }

        var input = new TaskGroupReportInput
        {
            Title = Input.Title,
            PriorityId = FormFields.OptionalNumber(ModelState, "Input.PriorityId", Input.PriorityId, "Choose a priority from the list"),
            LeadOfficerName = Input.LeadOfficerName,
            LeadOfficerId = FormFields.OptionalNumber(ModelState, "Input.LeadOfficerId", Input.LeadOfficerId, "Choose a lead officer from the list"),
            Achievements = Input.Achievements,
            AchievementsMarking = FormFields.ParseEnum<ProtectiveMarking>(ModelState, "Input.AchievementsMarking", Input.AchievementsMarking, "Select the achievements' protective marking"),
            Concerns = Input.Concerns,
            ConcernsMarking = FormFields.ParseEnum<ProtectiveMarking>(ModelState, "Input.ConcernsMarking", Input.ConcernsMarking, "Select the concerns' protective marking"),
            Recommendations = Input.Recommendations,
            RecommendationsMarking = FormFields.ParseEnum<ProtectiveMarking>(ModelState, "Input.RecommendationsMarking", Input.RecommendationsMarking, "Select the recommendations' protective marking"),
            PublicityItems = Input.PublicityItems,
            Figures = figures,
        };
        return await this.SaveFormAsync(
            async () => (await reports.CheckAsync(Partnership.Id, Period, input, ct)).Errors,
            async () => await reports.SaveAsync(Partnership.Id, Period, ReportId, input, Input.Version, await current.GetAsync(), ct),
            saved => this.Done($"{saved.Title} saved", $"/partnerships/{Partnership.Slug}/periods/{Period.Slug}/reports#report-{saved.Id}"),
            box: FigureBox);
    }

    /// <summary>
    /// Figure table errors are numbered among the non-blank tables; this names the form's box they belong to. The editor's
    /// complaints about a table's headings or rows as a whole go against its first heading or first row.
    /// </summary>
    private string FigureBox(string field)
    {
        var filled = Input.Figures.Select((f, i) => (f, i)).Where(x => !x.f.IsBlank).Select(x => x.i).ToList();
        if (!field.StartsWith("Figures[", StringComparison.Ordinal) || !int.TryParse(field[8..field.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture, out var n) || n >= filled.Count)
        {
            return field;
        }

        var rest = field[(field.IndexOf(']', StringComparison.Ordinal) + 1)..] switch
        {
            ".Columns" => ".Table.Columns[0]",
            ".Rows" => ".Table.Rows[0].Label",
            var other => other,
        };
        return $"Figures[{filled[n]}]{rest}";
    }

    /// <summary>Whether the report (or its partnership, for a new one) was found but the user may not write it.</summary>
    private bool forbidden;

    private async Task<bool> LoadAsync(int? id, string? slug, ReportingPeriod? period, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (id is { } reportId)
        {
            if (await reports.ReportAsync(reportId, true, ct) is not { } view || !Permissions.CanReadTaskGroupReports(user, view.Report.PartnershipId))
            {
                return false;
            }

            if (!await reports.CanWriteAsync(user, view.Report, ct))
            {
                forbidden = true;
                return false;
            }

            ReportId = reportId;
            Period = view.Report.Period;
            Partnership = (await reader.PartnershipsAsync(ct)).Single(p => p.Id == view.Report.PartnershipId);
        }
        else
        {
            if (slug is null || period is not { IsWholeYear: false } quarter || await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership || !Permissions.CanReadTaskGroupReports(user, partnership.Id))
            {
                return false;
            }

            if (!Permissions.CanAddTaskGroupReport(user, partnership.Id))
            {
                forbidden = true;
                return false;
            }

            Partnership = partnership;
            Period = quarter;
        }

        var edition = await updates.EditionForAsync(Partnership.Id, Period, ct);
        var outline = edition is null ? [] : await reader.OutlineAsync(edition.Id, ct);
        // A new report is offered under the priorities the user may write it under: a lead officer's own, not another's.
        var offered = IsNew ? outline.Where(p => Permissions.CanWriteTaskGroupReport(user, Partnership.Id, null, p.LeadOfficerId)).ToList() : outline;
        var offerNone = !IsNew || Permissions.CanWriteTaskGroupReport(user, Partnership.Id, null, null);
        if (!offerNone && offered.Count == 0)
        {
            forbidden = true;
            return false;
        }

        CanChooseLead = Permissions.CanManageRounds(user, Partnership.Id);
        People = CanChooseLead ? await reader.PeopleAsync(Partnership.Id, ct) : [];
        PriorityChoices = (offerNone ? new[] { new Choice("", "None: a report on other work") } : [])
            .Concat(offered.Select(p => new Choice(p.Id.ToString(CultureInfo.InvariantCulture), UpdateService.PriorityName(p)))).ToList();
        return true;
    }
}
