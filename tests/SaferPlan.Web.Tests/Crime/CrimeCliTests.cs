using Microsoft.Data.Sqlite;
using SaferPlan.Core.Crime;
using SaferPlan.Web.Tests.Cli;

namespace SaferPlan.Web.Tests.Crime;

/// <summary><c>saferplan crime generate</c> and <c>saferplan crime import</c> as real processes over a SQLite file.</summary>
[Collection(InProcessCli.Collection)]
public sealed class CrimeCliTests : IDisposable
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

    /// <summary>Every crime stored, summed from each row's counts by type.</summary>
    private long StoredCrimes()
    {
        using var connection = new SqliteConnection($"Data Source={database.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Counts\" FROM \"CrimeCounts\"";
        using var reader = command.ExecuteReader();
        long total = 0;
        while (reader.Read())
        {
            total += CrimeTally.ReadCounts(reader.GetString(0)).Sum(c => c.Count);
        }

        return total;
    }

    [Fact]
    public async Task Import_GeneratedFolderWithABadFile_LoadsTheRestPrintsTheRefusalAndExitsNonZero()
    {
        var folder = Path.Combine(database.Folder, "police-uk");
        var generate = await database.RunAsync(null, "crime", "generate", "--out", folder, "--from", "2009-01", "--to", "2009-03", "--crlf");
        Assert.True(generate.ExitCode == 0, generate.ToString());
        Assert.Contains("SYNTHETIC", File.ReadAllText(Path.Combine(folder, CrimeFileFinder.SyntheticMarker)), StringComparison.Ordinal);
        Assert.StartsWith("LSOA code,LSOA name,Ward code,Ward name,Local authority code,Local authority name", File.ReadAllText(Path.Combine(folder, "lsoa-lookup.csv")), StringComparison.Ordinal);
        var good = File.ReadAllText(Path.Combine(folder, "2009-02", "2009-02-cambridgeshire-street.csv"));
        Directory.CreateDirectory(Path.Combine(folder, "2009-04"));
        var badPath = Path.Combine(folder, "2009-04", "2009-04-norfolk-street.csv");
        var badLines = good.Replace("2009-02", "2009-04", StringComparison.Ordinal).Split("\r\n").Take(6).ToList();
        badLines[4] += ",an extra field";
        File.WriteAllText(badPath, string.Join("\r\n", badLines) + "\r\n");

        // Into a new database, with no `db migrate` first: the import brings the tables up to date itself.
        var run = await database.RunAsync(null, "crime", "import", folder);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("Loaded 3 file(s)", run.Out, StringComparison.Ordinal);
        Assert.Contains("Refused 1 file(s).", run.Out, StringComparison.Ordinal);
        Assert.Contains($"Refused {badPath}:5: The row has 13 fields; a police.uk street file has 12.", run.Out, StringComparison.Ordinal);
        var generator = SyntheticPoliceUk.Cambridgeshire();
        var expectedRows = Enumerable.Range(1, 3).Sum(m => generator.Rows(CalendarMonth.Of(2009, m)).Count());
        Assert.Contains($"{expectedRows:N0} rows", run.Out, StringComparison.Ordinal);
        Assert.Equal(3, Scalar("SELECT COUNT(*) FROM \"CrimeImports\" WHERE \"Synthetic\" = 1"));
        Assert.Equal(expectedRows, StoredCrimes());
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM \"PoliceForces\" WHERE \"Key\" = 'norfolk'"));

        var again = await database.RunAsync(null, "crime", "import", Path.Combine(folder, "2009-01"), Path.Combine(folder, "2009-02", "2009-02-cambridgeshire-street.csv"));

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("Loaded 2 file(s)", again.Out, StringComparison.Ordinal);
        Assert.Equal(expectedRows, StoredCrimes());
        Assert.Equal(3, Scalar("SELECT COUNT(*) FROM \"CrimeImports\""));
    }

    [Fact]
    public async Task Import_MissingPath_SaysSoAndExitsNonZero()
    {
        var migrate = await database.RunAsync(null, "db", "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.ToString());

        var run = await database.RunAsync(null, "crime", "import", "/no/such/folder");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Refused /no/such/folder: There is no such file or folder.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_BadMonth_ExitsWithUsage()
    {
        var run = await database.RunAsync(null, "crime", "generate", "--out", database.Folder, "--from", "April 2007");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("YYYY-MM", run.Error, StringComparison.Ordinal);
    }
}
