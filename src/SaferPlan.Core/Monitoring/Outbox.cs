using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace SaferPlan.Core.Monitoring;

/// <summary>
/// The mail server, from the configuration section <c>SaferPlan:Smtp</c> (for example <c>SaferPlan__Smtp__Host</c>).
/// With no host, nothing is sent and e-mails wait in the outbox until one is set.
/// </summary>
public sealed record SmtpSettings(string? Host, int Port, string From, string? UserName, string? Password, bool UseStartTls, TimeSpan PollInterval)
{
    public const string Section = "SaferPlan:Smtp";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public static SmtpSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var port = section.GetValue<int?>("Port") ?? 25;
        var poll = section.GetValue<double?>("PollSeconds") ?? 5;
        return new SmtpSettings(
            section["Host"]?.Trim(),
            port,
            string.IsNullOrWhiteSpace(section["From"]) ? "SaferPlan <saferplan@localhost>" : section["From"]!.Trim(),
            section["UserName"],
            section["Password"],
            section.GetValue<bool?>("UseStartTls") ?? false,
            TimeSpan.FromSeconds(Math.Clamp(poll, 0.2, 300)));
    }

    /// <summary>STARTTLS when asked for; TLS from the start on port 465; otherwise plain, for a relay on the local network.</summary>
    public SecureSocketOptions Security => UseStartTls ? SecureSocketOptions.StartTls : Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None;
}

/// <summary>
/// Sends the outbox. Every few seconds it claims the messages that are due (unsent, next attempt reached, not claimed by a
/// live sender) by a conditional update, so two web servers over one database never send the same message; sends them
/// over SMTP; and marks each sent, or records the error and tries again later (after 1, 5, 15 and 60 minutes, then every
/// 4 hours), giving up after <see cref="MaxAttempts"/> attempts (about 13 hours): a failed message stays in the outbox
/// with its last error, and support officers see it on the update links page.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<OutboxSender> logger) : BackgroundService
{
    /// <summary>How long a claim holds: a sender that dies mid-batch leaves its messages to the others after this.</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    /// <summary>Attempts after which a message is left unsent as failed.</summary>
    public const int MaxAttempts = 8;

    private const int BatchSize = 20;

    private static readonly TimeSpan[] Backoff =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60), TimeSpan.FromHours(4),
    ];

    /// <summary>This sender, as written in <see cref="OutboxMessage.ClaimedBy"/>: machine, process and instance.</summary>
    public string Instance { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>How long to wait before the next attempt after <paramref name="attempts"/> failed attempts.</summary>
    public static TimeSpan BackoffAfter(int attempts) => Backoff[Math.Clamp(attempts, 1, Backoff.Length) - 1];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var warnedUnconfigured = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var settings = SmtpSettings.Read(configuration);
            if (!settings.IsConfigured && !warnedUnconfigured)
            {
                logger.LogInformation("No mail server is set (SaferPlan:Smtp:Host), so e-mails wait in the outbox.");
                warnedUnconfigured = true;
            }

            try
            {
                await SendDueAsync(settings, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException or IOException)
            {
                logger.LogWarning(ex, "The outbox could not be read or updated; trying again shortly.");
            }

            try
            {
                await Task.Delay(settings.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends what is due now; returns how many messages were sent. Does nothing when no mail server is set.</summary>
    public async Task<int> SendDueAsync(SmtpSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.IsConfigured)
        {
            return 0;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaferPlanDbContext>();
        var claimed = await ClaimAsync(db, ct);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var messages = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => claimed.Contains(m.Id) && m.ClaimedBy == Instance && m.SentAt == null)
            .OrderBy(m => m.Id)
            .ToListAsync(ct);
        var sent = 0;
        using var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, settings.Security, ct);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var error = $"Could not reach the mail server {settings.Host}:{settings.Port.ToString(CultureInfo.InvariantCulture)}: {ex.Message}";
            logger.LogWarning("{Error} ({Count} e-mails wait in the outbox)", error, messages.Count);
            foreach (var message in messages)
            {
                await FailedAsync(db, message, error, CancellationToken.None);
            }

            return 0;
        }

        foreach (var message in messages)
        {
            try
            {
                await client.SendAsync(Mime(settings, message), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogWarning("E-mail {Id} to {To} was not sent: {Error}", message.Id, message.To, ex.Message);
                await FailedAsync(db, message, ex.Message, CancellationToken.None);
                if (!client.IsConnected)
                {
                    foreach (var rest in messages.SkipWhile(m => m.Id != message.Id).Skip(1))
                    {
                        await FailedAsync(db, rest, $"The mail server closed the connection: {ex.Message}", CancellationToken.None);
                    }

                    return sent;
                }

                continue;
            }

            var now = time.GetUtcNow();
            await db.Set<OutboxMessage>().Where(m => m.Id == message.Id && m.ClaimedBy == Instance)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now).SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
            sent++;
        }

        await client.DisconnectAsync(true, CancellationToken.None);
        if (sent > 0)
        {
            logger.LogInformation("Sent {Count} e-mails from the outbox", sent);
        }

        return sent;
    }

    /// <summary>
    /// Claims up to a batch of due messages. Each claim is a compare-and-set on what was read (not sent, same attempts, same
    /// claim), so when two senders race for a message exactly one update matches and the other claims nothing.
    /// </summary>
    private async Task<List<long>> ClaimAsync(SaferPlanDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow();

        // Unsent messages are few (one per lead officer per reminder), and SQLite cannot compare DateTimeOffset values in a
        // query, so the due ones are picked here rather than in SQL.
        var unsent = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.SentAt == null && m.Attempts < MaxAttempts)
            .Select(m => new { m.Id, m.NextAttemptAt, m.Attempts, m.ClaimedUntil })
            .ToListAsync(ct);
        var due = unsent
            .Where(m => m.NextAttemptAt <= now && (m.ClaimedUntil is null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Take(BatchSize)
            .ToList();
        var until = now.Add(ClaimFor);
        var claimed = new List<long>();
        foreach (var m in due)
        {
            var seenUntil = m.ClaimedUntil;
            var seenAttempts = m.Attempts;
            var rows = await db.Set<OutboxMessage>()
                .Where(x => x.Id == m.Id && x.SentAt == null && x.Attempts == seenAttempts && x.ClaimedUntil == seenUntil)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimedBy, Instance).SetProperty(x => x.ClaimedUntil, until), ct);
            if (rows == 1)
            {
                claimed.Add(m.Id);
            }
        }

        return claimed;
    }

    private async Task FailedAsync(SaferPlanDbContext db, OutboxMessage message, string error, CancellationToken ct)
    {
        var attempts = message.Attempts + 1;
        var next = time.GetUtcNow().Add(BackoffAfter(attempts));
        if (attempts >= MaxAttempts)
        {
            logger.LogWarning("E-mail {Id} was not sent after {Attempts} attempts and will not be tried again: {Error}", message.Id, attempts, error);
        }

        var trimmed = error.Length > 4000 ? error[..4000] : error;
        await db.Set<OutboxMessage>().Where(m => m.Id == message.Id && m.ClaimedBy == Instance)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.LastError, trimmed)
                    .SetProperty(m => m.NextAttemptAt, next)
                    .SetProperty(m => m.ClaimedBy, (string?)null)
                    .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null),
                ct);
    }

    private static MimeMessage Mime(SmtpSettings settings, OutboxMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(MailboxAddress.Parse(settings.From).Domain is { Length: > 0 } domain ? domain : "saferplan.local");
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        return mime;
    }
}

/// <summary>What support officers see of the outbox: the e-mails to their partnership's people that could not be sent.</summary>
public sealed class OutboxReader(SaferPlanDbContext db)
{
    /// <summary>
    /// Messages given up after <see cref="OutboxSender.MaxAttempts"/> attempts, newest first: to a person of the
    /// partnership, or to an address the partnership invited (<see cref="Accounts.Invitation"/>), who has no account yet.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> FailedAsync(int partnershipId, CancellationToken ct = default)
    {
        var addresses = db.People.Where(p => p.PartnershipId == partnershipId && p.Email != null).Select(p => p.Email!);
        var invited = db.Set<Accounts.Invitation>().Where(i => i.PartnershipId == partnershipId).Select(i => i.Email);
        return (await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.SentAt == null && m.Attempts >= OutboxSender.MaxAttempts && (addresses.Contains(m.To) || invited.Contains(m.To)))
                .ToListAsync(ct))
            .OrderByDescending(m => m.Id).ToList();
    }
}
