namespace SaferPlan.Core.Documents;

/// <summary>
/// Assembles an edition's refresh report (seed 002) from its refresh timeline, consultation, comments with their responses
/// and changes made. For the public version every Restricted priority (with its comments and changes), every comment on a
/// Restricted action or milestone, and every e-mail address is left out here, once, so no renderer can show them; a
/// visitor only ever gets the public version of an approved edition.
/// </summary>
public sealed class RefreshReportBuilder(SaferPlanDbContext db, RefreshChangeService changes)
{
    /// <summary>
    /// The report as this reader may see it: the partnership's members get the full version at any stage; everyone else the
    /// public version of an approved edition, and null for a draft (as for an edition that does not exist).
    /// </summary>
    public async Task<RefreshReport?> BuildAsync(int editionId, UserContext reader, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().Include(e => e.Plan).ThenInclude(p => p.Partnership).FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null)
        {
            return null;
        }

        var partnershipId = edition.Plan.PartnershipId;
        if (Permissions.CanReadFullRefreshReport(reader, partnershipId))
        {
            return await BuildAsync(edition, ReportAudience.Full, ct);
        }

        return edition.IsPublished ? await BuildAsync(edition, ReportAudience.Public, ct) : null;
    }

    /// <summary>The full report of a partnership's edition for a financial year, for the command line, which acts for the partnership itself.</summary>
    public async Task<RefreshReportOutcome> BuildAsync(string partnershipSlug, ReportingPeriod year, CancellationToken ct = default)
    {
        var partnershipId = await db.Partnerships.AsNoTracking().Where(p => p.Slug == partnershipSlug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (partnershipId is null)
        {
            return new RefreshReportOutcome(null, $"there is no partnership '{partnershipSlug}'. Give --partnership the slug in the partnership's web address, e.g. south-cambridgeshire.");
        }

        var start = year.FinancialYear.StartYear;
        var edition = await db.Editions.AsNoTracking().Include(e => e.Plan).ThenInclude(p => p.Partnership)
            .Where(e => e.Plan.PartnershipId == partnershipId && e.YearStart == start)
            .OrderByDescending(e => e.Plan.StartYear).ThenByDescending(e => e.Id)
            .FirstOrDefaultAsync(ct);
        return edition is null
            ? new RefreshReportOutcome(null, $"'{partnershipSlug}' has no plan edition for {year.FinancialYear.Display}.")
            : new RefreshReportOutcome(await BuildAsync(edition, ReportAudience.Full, ct), null);
    }

    private async Task<RefreshReport> BuildAsync(PlanEdition edition, ReportAudience audience, CancellationToken ct)
    {
        var text = new AudienceFilter(audience == ReportAudience.Public);
        var partnershipId = edition.Plan.PartnershipId;
        var timeline = await db.Set<RefreshTimeline>().AsNoTracking().FirstOrDefaultAsync(t => t.EditionId == edition.Id, ct);
        var consultation = await db.Set<EditionConsultation>().AsNoTracking().FirstOrDefaultAsync(c => c.EditionId == edition.Id, ct);
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.EditionId == edition.Id)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Number).ToListAsync(ct);
        var comments = await db.Set<ConsultationComment>().AsNoTracking().Include(c => c.Action).Include(c => c.Milestone)
            .Where(c => c.EditionId == edition.Id).ToListAsync(ct);
        var numbered = await changes.NumberedAsync(edition.Id, ct);
        var bodies = await db.Set<Body>().AsNoTracking()
            .Where(b => b.Partnerships.Any(p => p.Id == partnershipId) && (b.Kind == BodyKind.Board || b.Kind == BodyKind.ExecutiveGroup))
            .Select(b => new { b.Kind, b.Name }).ToListAsync(ct);

        var words = new Wording(
            text.Of(bodies.Where(b => b.Kind == BodyKind.Board).Select(b => b.Name).Order(StringComparer.Ordinal).FirstOrDefault() ?? edition.ApprovedBy) ?? "Board",
            text.Of(bodies.Where(b => b.Kind == BodyKind.ExecutiveGroup).Select(b => b.Name).Order(StringComparer.Ordinal).FirstOrDefault()) ?? "Executive Group",
            text.Of(edition.Plan.Title) ?? "",
            edition.Year.Display);
        var (board, executive, planTitle, year) = words;
        var authors = await AuthorsAsync(edition, consultation, numbered, text, ct);
        var appendix = Appendix(priorities, comments, numbered, text);

        var para = new Paragraphs();
        var purpose = para.Next($"For {board} members to approve the {year} refresh of the {planTitle}.");
        var background = Background(para, edition, timeline, consultation, priorities, authors, text, words);

        var shownComments = appendix.Sum(p => p.Comments.Count);
        var shownChanges = appendix.Sum(p => p.Changes.Count);
        var from = timeline?.ExecutiveDiscussionOn is { } meeting ? $"both from the {executive} meeting on {On(meeting)} and from consultation with {board} members" : $"from consultation with {board} members";
        var responses = para.Next(shownComments == 0
            ? "No comments were received in the consultation on the draft plan."
            : $"Responses to the consultation on the draft plan, {from}, provided {Count(shownComments, "comment")}, which have been taken into consideration in developing the refreshed plan. Appendix A summarises the comments made and the response to each.");
        var overview = para.Next(shownChanges == 0
            ? "No changes made have been recorded for this refresh."
            : $"A summary of the {Count(shownChanges, "change")} made to the {planTitle} as part of this refresh is listed in Appendix A.");
        var recommendation = para.Next($"It is recommended that the {board} approve the content of the {year} refresh.");

        return new RefreshReport(
            edition.Plan.Partnership.Slug,
            text.Of(edition.Plan.Partnership.Name) ?? "",
            board,
            authors,
            edition.ApprovedOn ?? timeline?.ApprovalMeetingOn,
            $"{year} {planTitle} refresh".ToUpperInvariant(),
            edition.Year,
            edition.Status,
            audience,
            [
                new RefreshReportSection("Purpose", [purpose]),
                new RefreshReportSection("Background", background),
                new RefreshReportSection("Responses to the consultation", [responses]),
                new RefreshReportSection("Overview of changes", [overview]),
                new RefreshReportSection("Recommendation", [recommendation]),
            ],
            "Appendix A",
            $"Summary of comments received from {board} members and the {executive}, and changes made to the plan",
            appendix,
            text.RestrictedShown);
    }

    /// <summary>The appendix: the whole plan first, then each priority in order; only what has a comment or a change.</summary>
    private static List<RefreshReportPriority> Appendix(List<Priority> priorities, List<ConsultationComment> comments, IReadOnlyList<NumberedChange> numbered, AudienceFilter text)
    {
        var appendix = new List<RefreshReportPriority>();
        foreach (var priority in new Priority?[] { null }.Concat(priorities))
        {
            if (priority is not null && !text.Shown(priority.Marking))
            {
                continue;
            }

            var itsComments = comments.Where(c => c.PriorityId == priority?.Id && Shown(c, text)).OrderBy(c => c.Sequence)
                .Select(c => new RefreshReportComment($"{priority?.Number ?? 0}.{c.Sequence}", text.Of(c.Text) ?? "", Response(c, text))).ToList();
            var itsChanges = numbered.Where(n => n.Change.PriorityId == priority?.Id)
                .Select(n => new RefreshReportChange(n.Number, text.Of(n.Change.Text) ?? "")).ToList();
            if (itsComments.Count == 0 && itsChanges.Count == 0)
            {
                continue;
            }

            var heading = priority is null ? RefreshReport.WholePlanHeading : $"{priority.Number}. {text.Of(priority.Title)}";
            appendix.Add(new RefreshReportPriority(heading, priority?.Marking == ProtectiveMarking.Restricted, itsComments, itsChanges));
        }

        return appendix;
    }

    /// <summary>The background section: how the plan came about and how the draft was consulted on.</summary>
    private static List<RefreshReportParagraph> Background(Paragraphs para, PlanEdition edition, RefreshTimeline? timeline, EditionConsultation? consultation,
        List<Priority> priorities, IReadOnlyList<string> authors, AudienceFilter text, Wording words)
    {
        var (board, executive, planTitle, year) = words;
        var background = new List<RefreshReportParagraph>();
        var introduced = $"The current {planTitle} was introduced in April {edition.Plan.StartYear}. It is refreshed ahead of each financial year.";
        if (edition.YearStart == edition.Plan.EndYear - 1)
        {
            introduced += $" This is the last year of the current plan, which runs up until March {edition.Plan.EndYear}.";
        }

        if (authors.Count > 0)
        {
            introduced += $" The refresh has been carried out by {Join(authors)}, reporting to the {executive}.";
        }

        background.Add(para.Next(introduced));
        var titles = priorities.Where(p => p.Kind == PriorityKind.Priority && text.Shown(p.Marking)).Select(p => text.Of(p.Title) ?? "").ToList();
        var decided = timeline?.PrioritiesDecidedOn is { } decidedOn
            ? $"The development of the refreshed plan was informed by decisions on priorities for {year}, taken by the {board} at its meeting on {On(decidedOn)}."
            : $"The refreshed plan sets the partnership's priorities for {year}.";
        background.Add(para.Next(titles.Count > 0 ? $"{decided} The refreshed plan's priorities are:" : decided, titles));
        var mainstreamed = priorities.Where(p => p.Kind == PriorityKind.Mainstreamed && text.Shown(p.Marking)).Select(p => text.Of(p.Title) ?? "").ToList();
        if (mainstreamed.Count > 0)
        {
            background.Add(para.Next($"The following work is mainstreamed into the partnership's core work rather than listed as a priority: {Join(mainstreamed)}."));
        }

        var input = new List<string>();
        if (timeline is { InputOpensOn: { } opens, InputClosesOn: { } closes })
        {
            input.Add($"Input and comments from lead officers on each priority were gathered between {On(opens)} and {On(closes)}, and incorporated into the draft plan.");
        }

        if (timeline?.ExecutiveDiscussionOn is { } discussed)
        {
            input.Add($"The draft plan was discussed at a meeting of the {executive} on {On(discussed)}.");
        }

        if (input.Count > 0)
        {
            background.Add(para.Next(string.Join(' ', input)));
        }

        var circulatedOn = timeline?.CirculatedOn ?? (consultation is null ? null : DateOnly.FromDateTime(consultation.StartedAt.UtcDateTime));
        var deadline = timeline?.CommentDeadline ?? consultation?.Deadline;
        if (circulatedOn is not null || deadline is not null)
        {
            var circulated = circulatedOn is { } c ? $"The draft plan was circulated to {board} members on {On(c)}" : $"The draft plan was circulated to {board} members";
            background.Add(para.Next(deadline is { } d ? $"{circulated}, with a deadline for comments of {On(d)}." : $"{circulated}."));
        }

        return background;
    }

    /// <summary>The names the report's wording repeats.</summary>
    private sealed record Wording(string Board, string Executive, string PlanTitle, string Year);

    /// <summary>Numbers the report's paragraphs in the order they are written, across sections.</summary>
    private sealed class Paragraphs
    {
        private int number;

        public RefreshReportParagraph Next(string words, IReadOnlyList<string>? bullets = null) => new(++number, words, bullets ?? []);
    }

    private static string On(DateOnly date) => Dates.Display(date);

    /// <summary>
    /// Who wrote the report: the support officers who wrote up the changes made or sent the draft out for comments, else
    /// whoever signed in and started the edition (from its audit trail; not the command line or the demo loader); names
    /// only, never e-mail addresses.
    /// </summary>
    private async Task<List<string>> AuthorsAsync(PlanEdition edition, EditionConsultation? consultation, IReadOnlyList<NumberedChange> numbered, AudienceFilter text, CancellationToken ct)
    {
        var names = (consultation is null ? [] : new[] { consultation.StartedBy }).Concat(numbered.Select(n => n.Change.WrittenBy)).ToList();
        if (names.Count == 0)
        {
            var creator = await db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == nameof(PlanEdition) && a.EntityId == edition.Id && a.UserId != null)
                .OrderBy(a => a.Id).Select(a => a.Actor).FirstOrDefaultAsync(ct);
            if (creator is not null)
            {
                names.Add(creator);
            }
        }

        return names.Select(n => Accounts.EmailAddresses.Hide(text.Of(n)) ?? "").Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static bool Shown(ConsultationComment comment, AudienceFilter text) =>
        (comment.Action is null || text.Shown(comment.Action.Marking)) && (comment.Milestone is null || text.Shown(comment.Milestone.Marking));

    private static string? Response(ConsultationComment comment, AudienceFilter text) =>
        comment.ResponseKind switch
        {
            CommentResponseKind.Changed => $"Response: {text.Of(comment.Response)}",
            CommentResponseKind.NoChange => $"No change: {text.Of(comment.Response)}",
            _ => null,
        };

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Join(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";
}
