using Microsoft.EntityFrameworkCore;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Data;
using SaferPlan.Core.Editing;
using SaferPlan.Core.Partnerships;

namespace SaferPlan.Core.Tests.Editing;

/// <summary>An edit's checked fields written to its item by name (Editing/FieldWriter), and a field that names nothing refused.</summary>
public sealed class FieldWriterTests
{
    private sealed record PersonFields(string Name, string? RoleTitle, int? AgencyId);

    private sealed record MisnamedFields(string Name, string? JobTitle);

    private sealed record FieldsWithSeats(string Name, IReadOnlyList<int> BodyIds);

    private sealed record NameLeftOut(string? Name);

    [Fact]
    public void Write_SetsEachFieldOnThePropertyOfItsName_AndLeavesTheRest()
    {
        using var db = Context();
        var person = new Person { Key = "pat", Name = "Old name", Email = "kept@example.org", RoleTitle = "Old role" };

        db.Write(person, new PersonFields("Pat Walker", null, 3));

        Assert.Equal(("Pat Walker", null, 3, "kept@example.org"), (person.Name, person.RoleTitle, person.AgencyId, person.Email));
    }

    [Fact]
    public void Write_RefusesAFieldTheItemHasNoPropertyFor_UnlessNamedAsNotWritten_AndANullForARequiredProperty()
    {
        using var db = Context();
        var person = new Person { Key = "pat", Name = "Old name" };

        var refused = Assert.Throws<InvalidOperationException>(() => db.Write(person, new MisnamedFields("Pat Walker", "Officer")));
        Assert.Contains("MisnamedFields.JobTitle names no property of Person", refused.Message, StringComparison.Ordinal);

        db.Write(person, new FieldsWithSeats("Pat Walker", [1, 2]), nameof(FieldsWithSeats.BodyIds));
        Assert.Equal("Pat Walker", person.Name);

        var nulled = Assert.Throws<InvalidOperationException>(() => db.Write(person, new NameLeftOut(null)));
        Assert.Contains("NameLeftOut.Name is null, but Person.Name must have a value", nulled.Message, StringComparison.Ordinal);
        Assert.Equal("Pat Walker", person.Name);
    }

    private static SaferPlanDbContext Context()
    {
        var builder = new DbContextOptionsBuilder<SaferPlanDbContext>();
        new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=:memory:").Configure(builder);
        return new SaferPlanDbContext(builder.Options, new FixedActorAccessor(AuditActor.System), TimeProvider.System);
    }
}
