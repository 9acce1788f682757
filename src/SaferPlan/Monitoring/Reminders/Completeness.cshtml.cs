namespace SaferPlan.Monitoring.Reminders;

/// <summary>Who has reported for a quarter, by priority, agency and lead officer; and the support officer's review.</summary>
[Authorize]
public sealed class CompletenessModel(PlanReader reader, UpdateService updates, ReminderService reminders, CurrentUser current, IConfiguration configuration, TimeProvider time) : PageModel
{
    /// <summary>Today, so that a deadline ahead reads "are due by" and one passed "were due by".</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public Partnership Partnership { get; private set; } = null!;

    public Completeness Completeness { get; private set; } = null!;

    public IReadOnlyList<UpdateSlot> AwaitingReview { get; private set; } = [];

    public bool CanManage { get; private set; }

    public bool EmailConfigured => SmtpSettings.Read(configuration).IsConfigured;

    /// <summary>Lead officers with milestones still to report, with and without an e-mail address.</summary>
    public ReminderPlan? ReminderPlan { get; private set; }

    public async Task<IActionResult> OnPostRemindAsync(string slug, ReportingPeriod? period, CancellationToken ct)
    {
        if (!await LoadAsync(slug, period, ct))
        {
            return NotFound();
        }

        var user = await current.GetAsync();
        if (!CanManage)
        {
            return Forbid();
        }

        if (PublicLinks.BaseUrl(configuration) is not { } publicUrl)
        {
            ModelState.AddModelError(string.Empty, ReminderEndpoints.NoPublicUrl);
            return Page();
        }

        var result = await reminders.QueueRemindersAsync(Partnership.Id, Completeness.Period, user, publicUrl, ct);
        if (this.Refusal(result, prefix: "") is { } refusal)
        {
            return refusal;
        }

        var r = result.Value!;
        var again = r.SkippedRecentlyReminded.Count > 0
            ? $"{string.Join(", ", r.SkippedRecentlyReminded.Select(p => p.Person.Name))} {(r.SkippedRecentlyReminded.Count == 1 ? "was" : "were")} reminded in the last day and not sent another"
            : null;
        var sent = r.EmailedCount == 0
            ? again ?? "Nobody needed a reminder"
            : $"Reminders queued for {r.EmailedCount} lead officer{(r.EmailedCount == 1 ? "" : "s")}, each with a personal link to their update form"
                + (r.SkippedNoEmail.Count > 0 ? $"; {r.SkippedNoEmail.Count} have no e-mail address" : "")
                + (again is null ? "" : $"; {again}");
        return this.Done(sent, $"/partnerships/{slug}/periods/{Completeness.Period.Slug}/completeness");
    }

    public async Task<IActionResult> OnGetAsync(string slug, ReportingPeriod? period, CancellationToken ct) =>
        await LoadAsync(slug, period, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReviewAsync(string slug, ReportingPeriod? period, int updateId, int version, bool accept, CancellationToken ct)
    {
        if (!await LoadAsync(slug, period, ct))
        {
            return NotFound();
        }

        var comment = Request.Form[$"Comment{updateId}"].ToString();
        var result = await updates.ReviewAsync(updateId, accept, comment, version, await current.GetAsync(), ct);
        if (this.Refusal(result, prefix: "", box: f => f == "Comment" ? $"Comment{updateId}" : string.Empty) is { } refusal)
        {
            return refusal;
        }

        return this.Done(accept ? "Update accepted" : "Update returned to its author with your comment", $"/partnerships/{slug}/periods/{Completeness.Period.Slug}/completeness#review");
    }

    private async Task<bool> LoadAsync(string slug, ReportingPeriod? period, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (period is not { IsWholeYear: false } quarter
            || await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership
            || !Permissions.CanSeeUnpublished(user, partnership.Id))
        {
            return false;
        }

        Partnership = partnership;
        CanManage = Permissions.CanManageRounds(user, partnership.Id);
        Completeness = await updates.CompletenessAsync(partnership.Id, quarter, user, ct);
        if (CanManage && (await reminders.PlanAsync(partnership.Id, quarter, user, ct)) is { Succeeded: true } plan)
        {
            ReminderPlan = plan.Value;
        }

        AwaitingReview = (await updates.SlotsAsync(partnership.Id, quarter, user, ct)).Where(s => s.Current?.State == UpdateState.Submitted).ToList();
        return true;
    }
}
