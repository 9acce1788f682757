using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Data;

namespace SaferPlan.Web.Tests.Database;

/// <summary>
/// The app loads each provider's EF Core model compiled ahead of time (<see cref="CompiledModels"/>) instead of building it
/// from the entity configurations at every start. It must be the model the configurations build today: the same tables and
/// columns as far as the database can tell, and the same properties, conversions, keys, relationships and indexes as far
/// as EF Core can. Every other test that goes through the app's host then runs on the compiled model.
/// </summary>
public sealed class CompiledModelTests
{
    private const string OutOfDate = "is out of date: run scripts/refresh-model.sh after changing the model.";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void CompiledModel_IsTheModelTheEntityConfigurationsBuild(DatabaseProvider provider)
    {
        var settings = new DatabaseSettings(provider, provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(Path.GetTempPath(), "saferplan-compiled-model-test.db")}"
            : "Host=127.0.0.1;Database=compiled_model_test");
        using var built = Context(settings, compiled: false);
        using var compiled = Context(settings, compiled: true);

        Assert.Same(CompiledModels.For(provider), compiled.Model);
        var expected = Describe(built.Model);
        var actual = Describe(compiled.Model);
        Assert.True(expected.Count > 500, $"only {expected.Count} facts read from the model");
        Assert.True(expected.SequenceEqual(actual),
            $"The compiled {provider} model {OutOfDate} Only in the configurations: {string.Join("; ", expected.Except(actual).Take(5))}. Only in the compiled model: {string.Join("; ", actual.Except(expected).Take(5))}.");
    }

    private static SaferPlanDbContext Context(DatabaseSettings settings, bool compiled)
    {
        var builder = new DbContextOptionsBuilder<SaferPlanDbContext>();
        if (compiled)
        {
            CompiledModels.Configure(settings, builder);
        }
        else
        {
            settings.Configure(builder);
        }

        return new SaferPlanDbContext(builder.Options, new FixedActorAccessor(AuditActor.System), TimeProvider.System);
    }

    /// <summary>One line for each fact about an entity, property, key, relationship, index and navigation, sorted.</summary>
    private static List<string> Describe(IModel model)
    {
        var facts = new List<string>();
        foreach (var entity in model.GetEntityTypes())
        {
            var name = entity.Name;
            facts.Add($"{name} table {entity.GetTableName()} view {entity.GetViewName()} base {entity.BaseType?.Name} owned {entity.IsOwned()} filters {entity.GetDeclaredQueryFilters().Count}");
            foreach (var property in entity.GetDeclaredProperties())
            {
                var converter = property.GetValueConverter();
                facts.Add($"{name}.{property.Name} {property.ClrType} column {property.GetColumnName()} nullable {property.IsNullable} max {property.GetMaxLength()} " +
                    $"precision {property.GetPrecision()} unicode {property.IsUnicode()} generated {property.ValueGenerated} concurrency {property.IsConcurrencyToken} " +
                    $"converter {converter?.GetType().Name} {converter?.ProviderClrType} sentinel {property.Sentinel} default {property.GetDefaultValueSql()}");
            }

            foreach (var key in entity.GetDeclaredKeys())
            {
                facts.Add($"{name} key {key.GetName()} ({string.Join(", ", key.Properties.Select(p => p.Name))}) primary {key.IsPrimaryKey()}");
            }

            foreach (var foreignKey in entity.GetDeclaredForeignKeys())
            {
                facts.Add($"{name} foreign key {foreignKey.GetConstraintName()} ({string.Join(", ", foreignKey.Properties.Select(p => p.Name))}) -> {foreignKey.PrincipalEntityType.Name} " +
                    $"delete {foreignKey.DeleteBehavior} required {foreignKey.IsRequired} unique {foreignKey.IsUnique} " +
                    $"navigations {foreignKey.DependentToPrincipal?.Name}/{foreignKey.PrincipalToDependent?.Name}");
            }

            foreach (var index in entity.GetDeclaredIndexes())
            {
                facts.Add($"{name} index {index.GetDatabaseName()} ({string.Join(", ", index.Properties.Select(p => p.Name))}) unique {index.IsUnique} filter {index.GetFilter()}");
            }

            foreach (var navigation in entity.GetDeclaredSkipNavigations())
            {
                facts.Add($"{name} skip navigation {navigation.Name} -> {navigation.TargetEntityType.Name}");
            }
        }

        // The database's view of it: tables, columns and their store types, constraints and indexes.
        foreach (var table in model.GetRelationalModel().Tables)
        {
            foreach (var column in table.Columns)
            {
                facts.Add($"table {table.Name}.{column.Name} {column.StoreType} nullable {column.IsNullable} default {column.DefaultValueSql} {column.DefaultValue}");
            }

            facts.AddRange(table.UniqueConstraints.Select(u => $"table {table.Name} unique {u.Name} ({string.Join(", ", u.Columns.Select(c => c.Name))})"));
            facts.AddRange(table.ForeignKeyConstraints.Select(f => $"table {table.Name} constraint {f.Name} ({string.Join(", ", f.Columns.Select(c => c.Name))}) -> {f.PrincipalTable.Name} on delete {f.OnDeleteAction}"));
            facts.AddRange(table.Indexes.Select(i => $"table {table.Name} index {i.Name} ({string.Join(", ", i.Columns.Select(c => c.Name))}) unique {i.IsUnique} filter {i.Filter}"));
        }

        facts.Sort(StringComparer.Ordinal);
        return facts;
    }
}
