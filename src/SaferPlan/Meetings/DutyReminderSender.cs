using SaferPlan.Core.Meetings;

namespace SaferPlan.Meetings;

/// <summary>
/// Every hour, reminds the owners of overdue statutory duties through the outbox (<see cref="StatutoryYearService.RemindOverdueAsync"/>
/// sends each duty's reminder at most once a day, however many servers run this). The e-mails carry the site's public
/// address when it is set (<c>SaferPlan:PublicUrl</c>), else the page's path.
/// </summary>
public sealed class DutyReminderSender(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<DutyReminderSender> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
                using var scope = scopes.CreateScope();
                var duties = scope.ServiceProvider.GetRequiredService<StatutoryYearService>();
                var reminded = await duties.RemindOverdueAsync(duties.Today, PublicLinks.BaseUrl(configuration), stoppingToken);
                if (reminded > 0)
                {
                    logger.LogInformation("Reminded the owners of {Count} overdue statutory duties", reminded);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
            {
                logger.LogWarning(ex, "Overdue duties could not be checked; trying again in an hour.");
            }
        }
    }
}
