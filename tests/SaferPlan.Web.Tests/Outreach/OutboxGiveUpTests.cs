using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Monitoring;

namespace SaferPlan.Web.Tests.Outreach;

/// <summary>The outbox stops after <see cref="OutboxSender.MaxAttempts"/> attempts, and support officers see what it gave up on.</summary>
public abstract class OutboxGiveUpTests(OutreachFactory app)
{
    private Task<(long Id, string To)> QueueAsync(string subject, int attempts) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SaferPlanDbContext>();
        var person = await db.People.SingleAsync(p => p.Key == "jenny-jolley");
        if (person.Email is null)
        {
            person.Email = "jenny.jolley@example.org";
            db.AuditPartnershipId = person.PartnershipId;
            await db.SaveChangesAsync();
        }

        var message = new OutboxMessage
        {
            To = person.Email,
            Subject = subject,
            TextBody = "Please update your milestones.",
            CreatedAt = app.Clock.GetUtcNow().AddHours(-14),
            NextAttemptAt = app.Clock.GetUtcNow().AddMinutes(-1),
            Attempts = attempts,
            LastError = attempts == 0 ? null : "550 mailbox unavailable",
        };
        db.Add(message);
        await db.SaveChangesAsync();
        return (message.Id, message.To);
    });

    [Fact]
    public async Task MessageTriedMaxAttempts_IsNotTriedAgain_AndShowsOnTheUpdateLinksPage()
    {
        var subject = $"Given up {Guid.NewGuid():N}";
        var (failedId, to) = await QueueAsync(subject, OutboxSender.MaxAttempts);
        var (lastTryId, _) = await QueueAsync($"Last try {Guid.NewGuid():N}", OutboxSender.MaxAttempts - 1);

        // The one with an attempt left is sent by the running sender; the other is left alone: once the sender has finished
        // the pass that sent the last try (and every pass before it, all of which found the given-up message due), it is still unsent.
        await app.WaitForOutboxAsync(lastTryId, m => m.SentAt is not null, "the message with an attempt left to be sent");
        await app.OutboxPassAsync();
        var failed = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == failedId));
        Assert.Null(failed.SentAt);
        Assert.Equal(OutboxSender.MaxAttempts, failed.Attempts);
        Assert.DoesNotContain(app.Smtp.Messages(), m => m.Message.Subject == subject);

        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer);
        var page = await Forms.PageAsync(support, "/partnerships/south-cambridgeshire/periods/2010-11-q4/links");
        Assert.Contains(subject, page, StringComparison.Ordinal);
        Assert.Contains(to, page, StringComparison.Ordinal);
        Assert.Contains("550 mailbox unavailable", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvitationGivenUp_ShowsOnTheUpdateLinksPage_ToSupportOfficersOnly()
    {
        // An invited address belongs to no person yet: the failed list finds it through the partnership's invitation.
        var subject = $"You are invited to SaferPlan {Guid.NewGuid():N}";
        var to = $"invited.{Guid.NewGuid():N}@example.org";
        var otherTo = $"elsewhere.{Guid.NewGuid():N}@example.org";
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var partnership = await db.Partnerships.SingleAsync(p => p.Slug == "south-cambridgeshire");
            var other = await db.Partnerships.FirstAsync(p => p.Id != partnership.Id);
            var now = app.Clock.GetUtcNow();
            foreach (var (partnershipId, address) in new[] { (partnership.Id, to), (other.Id, otherTo) })
            {
                db.Add(new Invitation
                {
                    TokenHash = SecretTokens.Hash(SecretTokens.New(InvitationService.TokenPrefix)),
                    PartnershipId = partnershipId,
                    Email = address,
                    Role = PartnershipRole.LeadOfficer,
                    CreatedAt = now.AddHours(-14),
                    CreatedBy = "An administrator",
                    ExpiresAt = now.Add(InvitationService.Lifetime),
                });
                db.Add(new OutboxMessage
                {
                    To = address,
                    Subject = subject,
                    TextBody = "Open this link to set your name and password.",
                    CreatedAt = now.AddHours(-14),
                    NextAttemptAt = now.AddMinutes(-1),
                    Attempts = OutboxSender.MaxAttempts,
                    LastError = "550 no such user here",
                });
                db.AuditPartnershipId = partnershipId;
                await db.SaveChangesAsync();
            }

            return 0;
        });

        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer);
        var page = await Forms.PageAsync(support, "/partnerships/south-cambridgeshire/periods/2010-11-q4/links");
        Assert.Contains(to, page, StringComparison.Ordinal);
        Assert.Contains(subject, page, StringComparison.Ordinal);
        Assert.Contains("550 no such user here", page, StringComparison.Ordinal);
        Assert.DoesNotContain(otherTo, page, StringComparison.Ordinal);

        // Lead officers do not see the list, nor any address on it.
        using var lead = await Forms.SignedInAsync(app, PartnershipRole.LeadOfficer);
        using var refused = await lead.GetAsync("/partnerships/south-cambridgeshire/periods/2010-11-q4/links");
        Assert.DoesNotContain(to, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(refused.IsSuccessStatusCode);
    }
}

public sealed class OutboxGiveUpTestsOnSqlite(OutreachSqliteFactory app) : OutboxGiveUpTests(app), IClassFixture<OutreachSqliteFactory>;

public sealed class OutboxGiveUpTestsOnPostgres(OutreachPostgresFactory app) : OutboxGiveUpTests(app), IClassFixture<OutreachPostgresFactory>;
