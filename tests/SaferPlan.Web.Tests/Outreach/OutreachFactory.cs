using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Dispose();
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
