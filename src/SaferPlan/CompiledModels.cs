using Microsoft.EntityFrameworkCore.Metadata;

namespace SaferPlan;

/// <summary>
/// How the app configures its database: the provider's settings, and the provider's EF Core model compiled ahead of time
/// (<c>CompiledModel/</c> in each migrations project, written by scripts/refresh-model.sh) instead of built from the entity
/// configurations at every start, which took a third of a command's start-up. A test checks each compiled model against
/// the one the configurations build.
/// </summary>
public static class CompiledModels
{
    public static IModel For(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite
        ? Migrations.Sqlite.CompiledModel.SaferPlanDbContextModel.Instance
        : Migrations.Postgres.CompiledModel.SaferPlanDbContextModel.Instance;

    /// <summary>Configures a context for <paramref name="settings"/> with the provider's compiled model.</summary>
    public static void Configure(DatabaseSettings settings, DbContextOptionsBuilder options)
    {
        settings.Configure(options);
        options.UseModel(For(settings.Provider));
    }
}
