using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SaferPlan.Core.Meetings;

/// <summary>
/// A user's private calendar feed: a secret address a calendar program polls, carrying every meeting and duty the user may
/// see. Only the token's SHA-256 is stored (<see cref="SecretTokens"/>); revoking it stops the address working.
/// </summary>
public sealed class CalendarFeed : IAudited
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>Issues, finds and revokes users' private calendar feeds.</summary>
public sealed class CalendarFeedService(SaferPlanDbContext db, TimeProvider time)
{
    public const string TokenPrefix = "cal_";

    /// <summary>The user's live feed, if they have one (its token is not kept, so it cannot be shown again).</summary>
    public Task<CalendarFeed?> CurrentAsync(UserContext user, CancellationToken ct = default) =>
        db.Set<CalendarFeed>().AsNoTracking().Where(f => f.UserId == user.UserId && f.RevokedAt == null).OrderByDescending(f => f.Id).FirstOrDefaultAsync(ct);

    /// <summary>A new feed address token for the user, revoking the one they had: it is shown once, and only its hash is kept.</summary>
    public async Task<EditResult<string>> IssueAsync(UserContext user, CancellationToken ct = default)
    {
        if (!Permissions.CanHaveCalendarFeed(user))
        {
            return EditResult<string>.Forbidden("Sign in to get your own calendar feed.");
        }

        await RevokeLiveAsync(user, ct);
        var token = SecretTokens.New(TokenPrefix);
        db.Add(new CalendarFeed { UserId = user.UserId!, TokenHash = SecretTokens.Hash(token), CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return EditResult<string>.Ok(token);
    }

    /// <summary>Stops the user's feed address working; true when there was one.</summary>
    public async Task<EditResult<bool>> RevokeAsync(UserContext user, CancellationToken ct = default)
    {
        if (!Permissions.CanHaveCalendarFeed(user))
        {
            return EditResult<bool>.Forbidden("Sign in to manage your calendar feed.");
        }

        var any = await RevokeLiveAsync(user, ct);
        await db.SaveChangesAsync(ct);
        return EditResult<bool>.Ok(any);
    }

    /// <summary>The user id a live feed token belongs to; null for an unknown or revoked token.</summary>
    public async Task<string?> UserOfAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || !token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return null;
        }

        var hash = SecretTokens.Hash(token);
        return await db.Set<CalendarFeed>().AsNoTracking().Where(f => f.TokenHash == hash && f.RevokedAt == null).Select(f => f.UserId).FirstOrDefaultAsync(ct);
    }

    private async Task<bool> RevokeLiveAsync(UserContext user, CancellationToken ct)
    {
        var live = await db.Set<CalendarFeed>().Where(f => f.UserId == user.UserId && f.RevokedAt == null).ToListAsync(ct);
        foreach (var f in live)
        {
            f.RevokedAt = time.GetUtcNow();
        }

        return live.Count > 0;
    }
}

/// <summary>
/// Writes meetings and duties as an RFC 5545 calendar with Ical.Net. Each event's UID is stable and globally unique
/// (meeting-{id}.{host}, duty-{id}.{host}, the host of the site's public address, never the request's Host header; no "@",
/// so no UID reads as an e-mail address on a public feed) and its SEQUENCE rises when it is moved, so calendar programs update the event rather than add
/// another; a cancelled meeting is STATUS:CANCELLED. Meetings are timed in UTC (from UK time), lasting two hours; duties
/// are all-day events over their span. No attendee or organiser is written, so no e-mail address leaves this way.
/// </summary>
public static class CalendarIcs
{
    public static readonly TimeSpan MeetingLength = TimeSpan.FromHours(2);

    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static string Write(string name, string host, string? baseUrl, IReadOnlyDictionary<int, Partnership> partnerships, IEnumerable<Meeting> meetings, IEnumerable<StatutoryDuty> duties, DateTimeOffset stamp, bool showPrivateText)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//SaferPlan//Governance calendar//EN" };
        calendar.AddProperty("X-WR-CALNAME", name);
        var dtStamp = new CalDateTime(stamp.UtcDateTime, CalDateTime.UtcTzId);
        foreach (var m in meetings)
        {
            var start = TimeZoneInfo.ConvertTimeToUtc(m.MeetsOn.ToDateTime(m.StartsAt, DateTimeKind.Unspecified), UkTime);
            var partnership = partnerships[m.PartnershipId];
            var e = new CalendarEvent
            {
                Uid = $"meeting-{m.Id.ToString(CultureInfo.InvariantCulture)}.{host}",
                Sequence = m.Sequence,
                DtStamp = dtStamp,
                DtStart = new CalDateTime(start, CalDateTime.UtcTzId),
                DtEnd = new CalDateTime(start.Add(MeetingLength), CalDateTime.UtcTzId),
                Summary = $"{m.Body.Name} ({partnership.ShortName})",
                Location = Text(m.Place, showPrivateText),
                Status = m.IsCancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                Class = m.IsPublic ? "PUBLIC" : "PRIVATE",
                Description = m.Agenda.Count == 0 ? null : "Agenda:\n" + string.Join('\n', m.Agenda.OrderBy(a => a.SortOrder).Select(a => $"- {Text(a.Title, showPrivateText)}")),
                Url = baseUrl is null ? null : new Uri($"{baseUrl}/meetings/{m.Id.ToString(CultureInfo.InvariantCulture)}"),
            };
            calendar.Events.Add(e);
        }

        foreach (var d in duties)
        {
            var partnership = partnerships[d.PartnershipId];
            var first = d.StartsOn ?? d.DueOn;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"duty-{d.Id.ToString(CultureInfo.InvariantCulture)}.{host}",
                Sequence = d.Version,
                DtStamp = dtStamp,
                DtStart = new CalDateTime(first),
                DtEnd = new CalDateTime(d.DueOn.AddDays(1)),
                Summary = d.DoneOn is null ? $"{d.Title} ({partnership.ShortName})" : $"Done: {d.Title} ({partnership.ShortName})",
                Description = d.DoneOn is { } done ? $"Done on {Dates.Display(done)}." : $"Due by {Dates.Display(d.DueOn)}.",
                Transparency = TransparencyType.Transparent,
                Class = "PUBLIC",
            });
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static string? Text(string? text, bool showPrivateText) => showPrivateText ? text : EmailAddresses.Hide(text);
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.ToTable("CalendarFeeds");
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasUniqueText(f => f.TokenHash, SecretTokens.HashLength);
        builder.HasIndex(f => f.UserId);
    }
}
