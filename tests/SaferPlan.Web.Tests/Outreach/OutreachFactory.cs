using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Data;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Periods;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Outreach;

/// <summary>The real app on Kestrel, as <see cref="SaferPlanFactory"/>, sending its e-mail to a real SMTP server on 127.0.0.1.</summary>
public abstract class OutreachFactory(TestDatabase kind) : SaferPlanFactory(kind), IAsyncLifetime
{
    public SmtpTestServer Smtp { get; } = new();

    /// <summary>
    /// The clock the outreach tests run the app on: it starts on 1 April 2011 at 09:00 UTC (2010/11 Q4 is open, due on 8 April,
    /// locked after 15 April) and runs in real time, so timers and the outbox's polling work.
    /// </summary>
    public ShiftedClock Clock { get; } = new(new DateTimeOffset(2011, 4, 1, 9, 0, 0, TimeSpan.Zero));

    public new async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        await base.InitializeAsync();

        // The e-mailed links start with the site's public address, known only once Kestrel has chosen its port.
        Services.GetRequiredService<IConfiguration>()["SaferPlan:PublicUrl"] = ServerAddress.ToString();

        // On 1 April 2011 the quarter is still being reported on: the demo's record of its publication, at the end of April,
        // lies in this clock's future, and a published quarter is closed to lead officers and their reminders.
        var q4 = ReportingPeriod.Parse("2010/11 Q4");
        await WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<QuarterPublication>().Where(p => p.Period == q4).ExecuteDeleteAsync());
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Dispose();
    }

    /// <summary>Waits (polling the database) until outbox message <paramref name="id"/> satisfies <paramref name="done"/>, or fails after 20 seconds.</summary>
    public async Task<OutboxMessage> WaitForOutboxAsync(long id, Func<OutboxMessage, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var message = await WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id));
            if (done(message))
            {
                return message;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Waited 20 seconds for {what}: attempts {message.Attempts}, last error '{message.LastError}', sent {message.SentAt}");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Waits until every pass of the app's outbox sender that began before this call has finished, so a test can then
    /// check what was (not) sent without sleeping: queues a probe message, due now, and waits until the sender has sent it.
    /// The sender's passes run one after another and each reads the due messages once, at its start; the pass that sends the
    /// probe read them after the probe was queued, so any pass before it is over. Needs the SMTP server running.
    /// </summary>
    public async Task OutboxPassAsync()
    {
        var id = await WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var now = Clock.GetUtcNow();
            var probe = new OutboxMessage { To = "outbox.probe@example.org", Subject = $"Outbox probe {Guid.NewGuid():N}", TextBody = "Marks a pass of the sender.", CreatedAt = now, NextAttemptAt = now };
            db.Add(probe);
            await db.SaveChangesAsync();
            return probe.Id;
        });
        await WaitForOutboxAsync(id, m => m.SentAt is not null, "the outbox probe to be sent");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("SaferPlan:Smtp:Host", "127.0.0.1");
        builder.UseSetting("SaferPlan:Smtp:Port", Smtp.Port.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("SaferPlan:Smtp:From", "SaferPlan <saferplan@example.org>");
        builder.UseSetting("SaferPlan:Smtp:UseStartTls", "false");
        builder.UseSetting("SaferPlan:Smtp:PollSeconds", "0.5");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class OutreachSqliteFactory() : OutreachFactory(TestDatabase.Sqlite);

public sealed class OutreachPostgresFactory() : OutreachFactory(TestDatabase.Postgres);
