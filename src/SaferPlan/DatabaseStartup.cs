using SaferPlan.Core.Demo;

namespace SaferPlan;

/// <summary>
/// Before the server takes requests: brings the schema up to date and, on an empty database, loads the
/// demo partnership (unless SaferPlan:LoadDemoData is false), then says how to create the first administrator.
/// </summary>
public sealed class DatabaseStartup(IServiceProvider services, IConfiguration configuration, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaferPlanDbContext>();
        await DatabaseMigration.MigrateAsync(scope.ServiceProvider, cancellationToken);
        if (configuration.GetValue("SaferPlan:LoadDemoData", true) && !await db.Partnerships.AnyAsync(cancellationToken))
        {
            foreach (var result in await scope.ServiceProvider.GetRequiredService<DemoLoader>().LoadAllAsync(cancellationToken))
            {
                logger.LogInformation("Loaded demo partnership {Slug}: {Priorities} priorities, {Actions} actions, {Milestones} milestones", result.Slug, result.Priorities, result.Actions, result.Milestones);
            }
        }

        if (configuration.GetValue(DemoTryOut.Setting, false) && await scope.ServiceProvider.GetRequiredService<DemoTryOut>().PrepareAsync(cancellationToken))
        {
            logger.LogWarning(
                "Demo accounts are on ({Setting}): sign in as {Email} (and the others in the README) with the password {Password}, and submit an update for {Quarter}. Never turn this on for real data.",
                DemoTryOut.Setting, "myles.bebbington@example.org", DemoTryOut.Password, DemoTryOut.OpenQuarter.Display);
        }

        if (!await scope.ServiceProvider.GetRequiredService<AccountService>().AnyAdministratorAsync(cancellationToken))
        {
            logger.LogWarning(
                "No administrator yet. Create the first one, typing its password when asked: dotnet run --project src/SaferPlan -- users add --email you@example.org --role Administrator --partnership {Slug}",
                "south-cambridgeshire");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
