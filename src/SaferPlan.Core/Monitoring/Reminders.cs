using System.Text;
using System.Text.Encodings.Web;

namespace SaferPlan.Core.Monitoring;

/// <summary>A lead officer with milestones still to report on in a quarter.</summary>
public sealed record ReminderRecipient(Person Person, IReadOnlyList<Milestone> Milestones);

/// <summary>
/// Who a reminder would go to: the people with an e-mail address, and those without one (to be chased another way); and who
/// was reminded too recently to be reminded again (<see cref="ReminderService.RemindAgainAfter"/>), with when.
/// </summary>
public sealed record ReminderPlan(
    ReportingPeriod Period, CollectionRound? Round, IReadOnlyList<ReminderRecipient> WithEmail, IReadOnlyList<ReminderRecipient> WithoutEmail,
    IReadOnlyList<(ReminderRecipient Recipient, DateTimeOffset RemindedAt)> RecentlyReminded);

/// <summary>One reminder queued: to whom, the link it carries (its id, to revoke it) and the milestones it lists.</summary>
public sealed record QueuedReminder(int PersonId, string Name, string Email, int LinkId, DateTimeOffset LinkExpiresAt, IReadOnlyList<string> Milestones);

/// <summary>What sending reminders did: who was e-mailed, and who was skipped because they have no e-mail address or were reminded too recently.</summary>
public sealed record ReminderResult(ReportingPeriod Period, IReadOnlyList<QueuedReminder> Emailed, IReadOnlyList<ReminderRecipient> SkippedNoEmail, IReadOnlyList<ReminderRecipient> SkippedRecentlyReminded)
{
    public int EmailedCount => Emailed.Count;
}

/// <summary>
/// Chasing the quarter's updates: one e-mail to each lead officer with milestones still to report, listing them, with a
/// personal link straight to their update form. The e-mails wait in the outbox until <see cref="OutboxSender"/> sends them.
/// </summary>
public sealed class ReminderService(SaferPlanDbContext db, UpdateService updates, UpdateLinkService links, TimeProvider time)
{
    /// <summary>How long a link works after the round's deadline (or after sending, with no round or a deadline long past).</summary>
    public static readonly TimeSpan LinkGraceAfterDeadline = TimeSpan.FromDays(14);

    public static readonly TimeSpan LinkLifetimeWithoutRound = TimeSpan.FromDays(30);

    /// <summary>
    /// A lead officer reminded of a quarter is not reminded of it again within a day: a second press of "Send reminders" (or a
    /// page sent again) would queue a second e-mail with a second live link.
    /// </summary>
    public static readonly TimeSpan RemindAgainAfter = TimeSpan.FromHours(24);

    /// <summary>The subject line, e.g. "Your updates for 2010/11 Q4 are due by 8 April 2011".</summary>
    public static string Subject(ReportingPeriod period, CollectionRound? round) => round is null
        ? $"Your updates for {period.Display} are due"
        : $"Your updates for {period.Display} are due by {Dates.Display(round.Deadline)}";

    /// <summary>Who would be reminded, without sending anything: for the "Send reminders" button to say to whom.</summary>
    public async Task<EditResult<ReminderPlan>> PlanAsync(int partnershipId, ReportingPeriod period, UserContext user, CancellationToken ct = default)
    {
        if (!Permissions.CanManageRounds(user, partnershipId))
        {
            return EditResult<ReminderPlan>.Forbidden("Only the partnership's support officers and administrators can send reminders.");
        }

        if (period.IsWholeYear)
        {
            return EditResult<ReminderPlan>.Invalid("Period", "Reminders are for a quarter, like 2010/11 Q4, not a whole year");
        }

        if (await updates.ClosedToLeadsAsync(partnershipId, period, ct) is { } closed)
        {
            return EditResult<ReminderPlan>.Invalid("Period",
                $"{period.Display} was {closed.Why}, so lead officers can no longer update it: {(closed.Published ? "withdraw its publication" : "set a later lock date")} before sending reminders");
        }

        var round = await updates.RoundAsync(partnershipId, period, ct);
        var outstanding = (await updates.SlotsAsync(partnershipId, period, user, ct))
            .Where(s => s.Current is null or { State: UpdateState.Draft or UpdateState.Returned })
            .Where(s => s.Responsible is not null)
            .GroupBy(s => s.Responsible!.Id)
            .Select(g => new ReminderRecipient(g.First().Responsible!, g.Select(s => s.Milestone).ToList()))
            .OrderBy(r => r.Person.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var since = time.GetUtcNow() - RemindAgainAfter;
        var reminded = (await db.Set<UpdateLink>().AsNoTracking().Where(l => l.PartnershipId == partnershipId && l.Period == period && l.RevokedAt == null)
                .Select(l => new { l.PersonId, l.CreatedAt }).ToListAsync(ct))
            .Where(l => l.CreatedAt > since).GroupBy(l => l.PersonId).ToDictionary(g => g.Key, g => g.Max(l => l.CreatedAt));
        var withEmail = outstanding.Where(r => !string.IsNullOrWhiteSpace(r.Person.Email)).ToList();
        return EditResult<ReminderPlan>.Ok(new ReminderPlan(
            period,
            round,
            withEmail.Where(r => !reminded.ContainsKey(r.Person.Id)).ToList(),
            outstanding.Where(r => string.IsNullOrWhiteSpace(r.Person.Email)).ToList(),
            withEmail.Where(r => reminded.ContainsKey(r.Person.Id)).Select(r => (r, reminded[r.Person.Id])).ToList()));
    }

    /// <summary>
    /// Queues one e-mail to each lead officer with milestones not yet submitted or accepted in the quarter, each with a new
    /// personal update link at <c>{baseUrl}/u/{token}</c>, but not to one reminded of the quarter within
    /// <see cref="RemindAgainAfter"/>. The links (and so the reminders) are audited as the caller's.
    /// </summary>
    public async Task<EditResult<ReminderResult>> QueueRemindersAsync(int partnershipId, ReportingPeriod period, UserContext user, string baseUrl, CancellationToken ct = default)
    {
        var planned = await PlanAsync(partnershipId, period, user, ct);
        if (!planned.Succeeded)
        {
            return new EditResult<ReminderResult>(planned.Status, null, planned.Errors, planned.Message);
        }

        var plan = planned.Value!;
        var partnership = await db.Partnerships.FindAsync([partnershipId], ct)
            ?? throw new InvalidOperationException($"There is no partnership {partnershipId}.");
        var now = time.GetUtcNow();
        var expiresAt = ExpiryOf(plan.Round, now);
        var subject = Subject(period, plan.Round);
        var root = baseUrl.TrimEnd('/');
        var queued = new List<(ReminderRecipient Recipient, UpdateLink Link)>();
        foreach (var recipient in plan.WithEmail)
        {
            var token = links.Add(partnershipId, recipient.Person.Id, period, user.Name, expiresAt, out var link);
            var url = $"{root}/u/{token}";
            db.Add(new OutboxMessage
            {
                To = recipient.Person.Email!.Trim(),
                Subject = subject,
                TextBody = TextBody(partnership, recipient, period, plan.Round, url, expiresAt),
                HtmlBody = HtmlBody(partnership, recipient, period, plan.Round, url, expiresAt),
                CreatedAt = now,
                NextAttemptAt = now,
            });
            queued.Add((recipient, link));
        }

        if (queued.Count > 0)
        {
            db.AuditPartnershipId = partnershipId;
            await db.SaveChangesAsync(ct);
        }

        return EditResult<ReminderResult>.Ok(new ReminderResult(
            period,
            queued.Select(q => new QueuedReminder(q.Recipient.Person.Id, q.Recipient.Person.Name, q.Recipient.Person.Email!.Trim(), q.Link.Id, q.Link.ExpiresAt,
                q.Recipient.Milestones.Select(m => m.Code).ToList())).ToList(),
            plan.WithoutEmail,
            plan.RecentlyReminded.Select(r => r.Recipient).ToList()));
    }

    /// <summary>14 days after the deadline (to the end of that day, UTC), and never less than 14 days from now; 30 days with no round.</summary>
    private static DateTimeOffset ExpiryOf(CollectionRound? round, DateTimeOffset now)
    {
        if (round is null)
        {
            return now.Add(LinkLifetimeWithoutRound);
        }

        var afterDeadline = new DateTimeOffset(round.Deadline.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).Add(LinkGraceAfterDeadline);
        var fromNow = now.Add(LinkGraceAfterDeadline);
        return afterDeadline > fromNow ? afterDeadline : fromNow;
    }

    private static string Due(ReportingPeriod period, CollectionRound? round) => round is null
        ? $"Your updates for {period.Display} are due now."
        : $"Your updates for {period.Display} are due by {Dates.Display(round.Deadline)}.";

    /// <summary>
    /// An e-mail leaves the system over SMTP and sits in the outbox, so it carries a milestone's text only when nothing
    /// above it is Restricted either: a milestone inherits the marking of its action and priority.
    /// </summary>
    private static bool IsOfficial(Milestone m) =>
        m.Marking == ProtectiveMarking.Official
        && m.Action is { Marking: ProtectiveMarking.Official, Priority.Marking: ProtectiveMarking.Official };

    private static string MilestoneLine(Milestone m) => IsOfficial(m)
        ? $"{m.Code}: {OneLine(m.Text)}"
        : $"{m.Code} (restricted: open the link to read it)";

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string TextBody(Partnership partnership, ReminderRecipient recipient, ReportingPeriod period, CollectionRound? round, string url, DateTimeOffset expiresAt)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Dear {recipient.Person.Name},\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{Due(period, round)} This is for {partnership.Name}'s community safety plan.\n\n");
        text.Append(recipient.Milestones.Count == 1 ? "This milestone you lead still needs an update:\n\n" : "These milestones you lead still need an update:\n\n");
        foreach (var m in recipient.Milestones)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {MilestoneLine(m)}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\nOpen this link to write your updates. You do not need to sign in, and where you reported last quarter, that text is there to start from:\n\n{url}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"The link is personal to you, so please do not forward it. It works for {period.Display} only, until {Dates.Display(DateOnly.FromDateTime(expiresAt.UtcDateTime.AddTicks(-1)))}. ");
        text.Append("If it has stopped working, ask the partnership's support officer for a new one.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{partnership.Name}\n");
        return text.ToString();
    }

    private static string HtmlBody(Partnership partnership, ReminderRecipient recipient, ReportingPeriod period, CollectionRound? round, string url, DateTimeOffset expiresAt)
    {
        static string E(string text) => HtmlEncoder.Default.Encode(text);
        const string Body = "font-family: Arial, sans-serif; font-size: 16px; line-height: 1.4; color: #0b0c0c;";
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{E(Subject(period, round))}</title></head>\n<body style=\"{Body}\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>Dear {E(recipient.Person.Name)},</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(Due(period, round))} This is for {E(partnership.Name)}'s community safety plan.</p>\n");
        html.Append(recipient.Milestones.Count == 1 ? "<p>This milestone you lead still needs an update:</p>\n<ul>\n" : "<p>These milestones you lead still need an update:</p>\n<ul>\n");
        foreach (var m in recipient.Milestones)
        {
            html.Append(IsOfficial(m)
                ? $"<li><strong>{E(m.Code)}</strong>: {E(OneLine(m.Text))}</li>\n"
                : $"<li><strong>{E(m.Code)}</strong> (restricted: open the link to read it)</li>\n");
        }

        html.Append("</ul>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(url)}\" style=\"color: #1d70b8; font-weight: bold;\">Write your updates for {E(period.Display)}</a></p>\n");
        html.Append("<p>You do not need to sign in, and where you reported last quarter, that text is there to start from. If the link does not open, copy this address into your browser:</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"word-break: break-all;\">{E(url)}</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>The link is personal to you, so please do not forward it. It works for {E(period.Display)} only, until {E(Dates.Display(DateOnly.FromDateTime(expiresAt.UtcDateTime.AddTicks(-1))))}. ");
        html.Append("If it has stopped working, ask the partnership's support officer for a new one.</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(partnership.Name)}</p>\n</body></html>\n");
        return html.ToString();
    }
}
