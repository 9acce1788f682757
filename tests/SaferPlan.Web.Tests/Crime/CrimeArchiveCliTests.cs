using System.IO.Compression;
using Microsoft.Data.Sqlite;
using SaferPlan.Core.Crime;
using SaferPlan.Web.Tests.Cli;

namespace SaferPlan.Web.Tests.Crime;

/// <summary>
/// <c>saferplan crime generate --forces</c>, <c>crime import</c> of the zip police.uk serves and <c>crime population</c>
/// over a SQLite file: a national-shaped synthetic archive, every force and month into one database, every local
/// authority a comparator area, and the generator's population figures loaded as synthetic.
/// </summary>
[Collection(InProcessCli.Collection)]
public sealed class CrimeArchiveCliTests : IDisposable
{
    private readonly CliDatabase database = new();

    public void Dispose() => database.Dispose();

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task ImportZip_NationalSyntheticArchive_LoadsEveryForceMonthMakesEveryAuthorityAnAreaAndLoadsSyntheticPopulation()
    {
        var folder = Path.Combine(database.Folder, "national");
        var generate = await database.RunAsync(null, "crime", "generate", "--out", folder, "--from", "2019-11", "--to", "2020-01", "--forces", "4", "--scale", "0.05");
        Assert.True(generate.ExitCode == 0, generate.ToString());
        var forces = SyntheticPoliceUk.National(4, 0.05);
        var authorities = forces.SelectMany(f => f.Districts).ToList();
        Assert.All(forces, f => Assert.InRange(f.Districts.Count, 3, 6));
        Assert.Equal(authorities.Count, authorities.Select(d => d.Name).Distinct().Count());
        Assert.All(forces, f => Assert.All(f.Lookup, l => Assert.StartsWith(l.LocalAuthorityName + " ", l.LsoaName, StringComparison.Ordinal)));
        File.WriteAllText(Path.Combine(folder, "2019-11", "2019-11-" + forces[0].ForceKey + "-outcomes.csv"), "Crime ID,Month\n");
        var zip = Path.Combine(database.Folder, "police-uk.zip");
        ZipFile.CreateFromDirectory(folder, zip);

        var run = await database.RunAsync(null, "crime", "import", zip);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Loaded 12 file(s)", run.Out, StringComparison.Ordinal);
        Assert.Contains("12 of the files are SYNTHETIC", run.Out, StringComparison.Ordinal);
        Assert.Contains("Skipped 1 outcomes or stop-and-search file(s).", run.Out, StringComparison.Ordinal);
        Assert.Equal(12, Scalar("SELECT COUNT(*) FROM \"CrimeImports\" WHERE \"Synthetic\" = 1"));
        Assert.Equal(authorities.Count, Scalar("SELECT COUNT(*) FROM \"ComparatorAreas\""));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM \"Lsoas\" WHERE \"ComparatorAreaId\" IS NULL"));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM \"Lsoas\" l JOIN \"ComparatorAreas\" a ON a.\"Id\" = l.\"ComparatorAreaId\" WHERE substr(l.\"Name\", 1, length(a.\"Name\") + 1) <> a.\"Name\" || ' '"));

        var population = await database.RunAsync(null, "crime", "population", Path.Combine(folder, "population.csv"));

        Assert.True(population.ExitCode == 0, population.ToString());
        Assert.Contains($"Loaded {authorities.Count * 2} area-year figure(s); {authorities.Count * 2} of them SYNTHETIC; 0 new comparator area(s).", population.Out, StringComparison.Ordinal);
        Assert.Equal(authorities.Count * 2, Scalar("SELECT COUNT(*) FROM \"AreaPopulations\" WHERE \"Synthetic\" = 1"));
        Assert.Equal(authorities.Count, Scalar("SELECT COUNT(*) FROM \"ComparatorAreas\" WHERE \"Code\" LIKE 'E07%'"));
    }

    [Fact]
    public async Task Population_BadLines_IsRefusedWholeNamingEachLineAndExitsNonZero()
    {
        var file = Path.Combine(database.Folder, "population.csv");
        File.WriteAllText(file, "Area name,Year,Residents,Dwellings\nSomewhere,2021,100,40\nSomewhere,20x1,100,40\nElsewhere,2021,1.5,40\n");

        var run = await database.RunAsync(null, "crime", "population", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Line 3: the year '20x1' is not a year like 2021", run.Out, StringComparison.Ordinal);
        Assert.Contains("Line 4: residents '1.5' is not a whole number", run.Out, StringComparison.Ordinal);
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM \"AreaPopulations\""));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM \"ComparatorAreas\""));
    }
}
