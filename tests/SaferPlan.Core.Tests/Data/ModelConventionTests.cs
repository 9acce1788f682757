using Microsoft.EntityFrameworkCore;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Data;
using SaferPlan.Core.Periods;

namespace SaferPlan.Core.Tests.Data;

/// <summary>What an entity gets by convention rather than by a line in its own configuration.</summary>
public sealed class ModelConventionTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=unused")]
    public void Model_VersionedAndPeriodProperties_AreConcurrencyTokensAndTwelveCharacterSlugs(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<SaferPlanDbContext>();
        new DatabaseSettings(provider, connectionString).Configure(builder);
        using var db = new SaferPlanDbContext(builder.Options, new FixedActorAccessor(AuditActor.System), TimeProvider.System);

        var versioned = db.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)).ToList();
        var periods = db.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.ClrType == typeof(ReportingPeriod)).ToList();

        var withVersion = db.Model.GetEntityTypes().Where(e => e.FindProperty(nameof(IVersioned.Version)) is not null).ToList();
        Assert.NotEmpty(versioned);
        Assert.Equal(withVersion.Select(e => e.ClrType.Name).Order(), versioned.Select(e => e.ClrType.Name).Order());
        Assert.All(versioned, e => Assert.True(e.FindProperty(nameof(IVersioned.Version))?.IsConcurrencyToken == true, e.ClrType.Name));
        Assert.NotEmpty(periods);
        Assert.All(periods, p => Assert.Equal(12, p.GetMaxLength()));
        Assert.All(periods, p => Assert.IsType<PeriodConversion>(p.GetValueConverter()));
    }
}
