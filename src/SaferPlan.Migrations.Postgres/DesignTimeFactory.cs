using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Data;

namespace SaferPlan.Migrations.Postgres;

/// <summary>Lets dotnet ef build the model for this provider's migrations.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SaferPlanDbContext>
{
    public SaferPlanDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SaferPlanDbContext>();
        new DatabaseSettings(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=saferplan_design;Username=postgres").Configure(builder);
        return new SaferPlanDbContext(builder.Options, new FixedActorAccessor(AuditActor.System), TimeProvider.System);
    }
}
