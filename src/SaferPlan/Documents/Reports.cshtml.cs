using SaferPlan.Core.Documents;

namespace SaferPlan.Documents;

/// <summary>
/// The partnership's quarterly Board Performance Reports, to download as Word or read as a web page. Visitors see the
/// published quarters; members see every quarter and whether it is published, and support officers publish and withdraw.
/// </summary>
public sealed class ReportsModel(SaferPlanDbContext db, BoardReportBuilder builder, PublicationService publications, BoardMeetingService meetings, UpdateService updates, CurrentUser current) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;

    public IReadOnlyList<ReportingPeriod> Quarters { get; private set; } = [];

    /// <summary>Members get the full reports, with Restricted items, and the public versions beside them.</summary>
    public bool SeesRestricted { get; private set; }

    /// <summary>Members see which quarters are published; visitors are shown published quarters only.</summary>
    public bool SeesUnpublished { get; private set; }

    public bool CanPublish { get; private set; }

    /// <summary>Each quarter's publication, if it was ever published (withdrawn ones included).</summary>
    public IReadOnlyDictionary<ReportingPeriod, QuarterPublication> Publications { get; private set; } = new Dictionary<ReportingPeriod, QuarterPublication>();

    /// <summary>For the one who publishes: each unpublished quarter's review so far, said beside its Publish button.</summary>
    public IReadOnlyDictionary<ReportingPeriod, CompletenessLine> Review { get; private set; } = new Dictionary<ReportingPeriod, CompletenessLine>();

    /// <summary>The Board meeting each quarter's report goes to, where one is set.</summary>
    public IReadOnlyDictionary<ReportingPeriod, BoardMeeting> Meetings { get; private set; } = new Dictionary<ReportingPeriod, BoardMeeting>();

    /// <summary>The query a quarter's document sends a visitor back here with when the quarter is not published yet.</summary>
    public const string UnpublishedQuery = "unpublished";

    /// <summary>The quarter a visitor asked for that is not published yet, said at the top of the page.</summary>
    public ReportingPeriod? Unpublished { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = UnpublishedQuery)] string? unpublished, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused)
        {
            return refused;
        }

        // Only a real quarter the reader cannot see is named: the page never echoes anything else it was sent.
        if (ReportingPeriod.TryParse(unpublished, out var asked) && !asked.IsWholeYear && !Quarters.Contains(asked))
        {
            Unpublished = asked;
        }

        return Page();
    }

    /// <summary>The quarter whose publishing waits for a second press, with what the publisher should know first.</summary>
    public (ReportingPeriod Quarter, IReadOnlyList<string> Warnings)? Confirming { get; private set; }

    /// <summary>
    /// Publishes a quarter, after asking once when it is early (not ended, lead officers' deadline ahead) or has updates under
    /// review: the page then says so and offers "Publish anyway". The API publishes when asked, as scripts do.
    /// </summary>
    public async Task<IActionResult> OnPostPublishAsync(string slug, ReportingPeriod? period, bool confirmed, CancellationToken ct)
    {
        if (!confirmed && await LoadAsync(slug, ct) is null && period is { IsWholeYear: false } quarter && Quarters.Contains(quarter) && CanPublish
            && Publications.GetValueOrDefault(quarter) is not { IsPublished: true } && Review.GetValueOrDefault(quarter) is { } review
            && await publications.PublishWarningsAsync(Partnership.Id, quarter, review, ct) is { Count: > 0 } warnings)
        {
            Confirming = (quarter, warnings);
            return Page();
        }

        return await DecideAsync(slug, period, publish: true, ct);
    }

    public Task<IActionResult> OnPostWithdrawAsync(string slug, ReportingPeriod? period, CancellationToken ct) => DecideAsync(slug, period, publish: false, ct);

    private async Task<IActionResult> DecideAsync(string slug, ReportingPeriod? period, bool publish, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } missing)
        {
            return missing;
        }

        if (period is not { IsWholeYear: false } quarter || !Quarters.Contains(quarter))
        {
            return NotFound();
        }

        var user = await current.GetAsync();
        var result = publish
            ? await publications.PublishAsync(Partnership.Id, quarter, user, ct)
            : await publications.WithdrawAsync(Partnership.Id, quarter, user, ct);
        if (result.Status == EditStatus.Forbidden)
        {
            return this.Refused(result.Message);
        }

        // Publishing twice, or withdrawing a report that is not published (a second press), leaves it as asked: back to the list.
        var back = $"/partnerships/{Partnership.Slug}/reports#quarter-{quarter.Slug}";
        return !result.Succeeded ? Redirect(back) : this.Done(publish
            ? $"The {quarter.Display} report is published: visitors now see its accepted updates"
            : $"The {quarter.Display} report is withdrawn: visitors no longer see it", back);
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        var partnership = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (partnership is null)
        {
            return NotFound();
        }

        Partnership = partnership;
        var user = await current.GetAsync();
        SeesRestricted = Permissions.CanSeeRestricted(user, partnership.Id);
        SeesUnpublished = Permissions.CanSeeUnpublished(user, partnership.Id);
        CanPublish = Permissions.CanPublish(user, partnership.Id);
        Quarters = await builder.QuartersAsync(partnership.Id, user, ct);
        Meetings = await meetings.MeetingsAsync(partnership.Id, ct);
        if (SeesUnpublished)
        {
            Publications = (await db.Set<QuarterPublication>().AsNoTracking().Where(p => p.PartnershipId == partnership.Id).ToListAsync(ct))
                .ToDictionary(p => p.Period);
        }

        if (CanPublish)
        {
            var review = new Dictionary<ReportingPeriod, CompletenessLine>();
            foreach (var quarter in Quarters.Where(q => Publications.GetValueOrDefault(q) is not { IsPublished: true }))
            {
                review[quarter] = (await updates.CompletenessAsync(partnership.Id, quarter, user, ct)).Total;
            }

            Review = review;
        }

        return null;
    }

    public string Link(ReportingPeriod period, ReportFormat format, bool publicVersion = false) =>
        DocumentLinks.BoardReport(Partnership.Slug, period, format, publicVersion);

    public static string Months(ReportingPeriod period) => BoardReport.MonthsOf(period);

    /// <summary>"1 of 91 milestones accepted, 2 awaiting review, 88 not reported": what publishing now would show visitors.</summary>
    public static string ReviewText(CompletenessLine line) =>
        $"{line.Accepted} of {line.Expected} {(line.Expected == 1 ? "milestone" : "milestones")} accepted, {line.Submitted} awaiting review, {line.Returned} returned, {line.Missing} not reported";
}
