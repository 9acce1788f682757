namespace SaferPlan.Monitoring.Reminders;

public sealed record ReminderPersonDto(int PersonId, string Name, IReadOnlyList<string> Milestones)
{
    public static ReminderPersonDto From(ReminderRecipient r) => new(r.Person.Id, r.Person.Name, r.Milestones.Select(m => m.Code).ToList());
}

public sealed record QueuedReminderDto(int PersonId, string Name, string Email, int LinkId, DateTimeOffset LinkExpiresAt, IReadOnlyList<string> Milestones)
{
    public static QueuedReminderDto From(QueuedReminder r) => new(r.PersonId, r.Name, r.Email, r.LinkId, r.LinkExpiresAt, r.Milestones);
}

/// <summary>
/// What sending reminders did. <c>skippedRecentlyReminded</c>: those reminded of the quarter within the last day, not sent
/// another. <c>emailConfigured</c> is false when no mail server is set: the e-mails wait until one is.
/// </summary>
public sealed record ReminderResultDto(
    string Period, int Emailed, IReadOnlyList<QueuedReminderDto> Recipients, IReadOnlyList<ReminderPersonDto> SkippedNoEmail,
    IReadOnlyList<ReminderPersonDto> SkippedRecentlyReminded, bool EmailConfigured);

/// <summary>A lead officer reminded of the quarter within the last day, and when: not reminded again until a day has passed.</summary>
public sealed record RecentReminderDto(int PersonId, string Name, DateTimeOffset RemindedAt);

/// <summary>Who reminders would go to now, without sending anything.</summary>
public sealed record ReminderPlanDto(
    string Period, DateOnly? Deadline, string Subject, IReadOnlyList<ReminderPersonDto> WithEmail, IReadOnlyList<ReminderPersonDto> WithoutEmail,
    IReadOnlyList<RecentReminderDto> RecentlyReminded, bool EmailConfigured);

/// <summary>The JSON API for chasing updates: who reminders would go to, and e-mailing them with personal update links.</summary>
public static class ReminderEndpoints
{
    public static void MapReminders(RouteGroupBuilder api)
    {
        api.MapGet("/partnerships/{slug}/periods/{period}/reminders", PlanAsync).AllowingWholeYears();
        api.MapPost("/partnerships/{slug}/periods/{period}/reminders", SendAsync).AllowingWholeYears();
    }

    private static async Task<Results<Ok<ReminderPlanDto>, ProblemHttpResult>> PlanAsync(
        string slug, ReportingPeriod period, PlanReader reader, ReminderService reminders, CurrentUser current, IConfiguration configuration, CancellationToken ct)
    {
        if (await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership)
        {
            return ApiErrors.NotFound($"There is no partnership '{slug}'.");
        }

        var result = await reminders.PlanAsync(partnership.Id, period, await current.GetAsync(), ct);
        if (!result.Succeeded)
        {
            return ApiErrors.From(result);
        }

        var plan = result.Value!;
        return TypedResults.Ok(new ReminderPlanDto(
            plan.Period.Slug, plan.Round?.Deadline, ReminderService.Subject(plan.Period, plan.Round),
            plan.WithEmail.Select(ReminderPersonDto.From).ToList(), plan.WithoutEmail.Select(ReminderPersonDto.From).ToList(),
            plan.RecentlyReminded.Select(r => new RecentReminderDto(r.Recipient.Person.Id, r.Recipient.Person.Name, r.RemindedAt)).ToList(),
            SmtpSettings.Read(configuration).IsConfigured));
    }

    private static async Task<Results<Ok<ReminderResultDto>, ProblemHttpResult>> SendAsync(
        string slug, ReportingPeriod period, PlanReader reader, ReminderService reminders, CurrentUser current, IConfiguration configuration, CancellationToken ct)
    {
        if (await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership)
        {
            return ApiErrors.NotFound($"There is no partnership '{slug}'.");
        }

        var user = await current.GetAsync();
        if (PublicLinks.BaseUrl(configuration) is not { } publicUrl)
        {
            return Permissions.CanManageRounds(user, partnership.Id)
                ? ApiErrors.Problem(StatusCodes.Status409Conflict, "The site's public address is not set", NoPublicUrl)
                : ApiErrors.Problem(StatusCodes.Status403Forbidden, "Not allowed", "Your account may not do this.");
        }

        var result = await reminders.QueueRemindersAsync(partnership.Id, period, user, publicUrl, ct);
        if (!result.Succeeded)
        {
            return ApiErrors.From(result);
        }

        var sent = result.Value!;
        return TypedResults.Ok(new ReminderResultDto(
            sent.Period.Slug, sent.EmailedCount, sent.Emailed.Select(QueuedReminderDto.From).ToList(),
            sent.SkippedNoEmail.Select(ReminderPersonDto.From).ToList(), sent.SkippedRecentlyReminded.Select(ReminderPersonDto.From).ToList(),
            SmtpSettings.Read(configuration).IsConfigured));
    }

    public const string NoPublicUrl =
        "Reminders cannot be sent until the site's public address is set: whoever runs SaferPlan sets SaferPlan:PublicUrl (for example https://saferplan.example.org), which the e-mailed links start with.";
}
