using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Cli;

/// <summary>What came of one run of the saferplan command.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
}

/// <summary>
/// The saferplan command over a SQLite database in a folder of its own: its verbs run in this process through the app's
/// entry point (<see cref="SaferPlan.Cli.SaferPlanCommandLine.RunAsync"/>) with the console captured, or, for the few
/// tests that are about the process itself (its name, its working folder, its standard input), as the built executable.
/// </summary>
public sealed class CliDatabase : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public CliDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("saferplan-cli-").FullName;
    }

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "saferplan.db");

    /// <summary>saferplan.dll, built next to the test assembly with its runtimeconfig and deps.</summary>
    public static string CommandPath => typeof(Program).Assembly.Location;

    /// <summary>Runs <c>saferplan args</c> in this process, with stdin as given, the settings in the environment as a real run has them.</summary>
    public Task<CliRun> RunAsync(string? stdin, params string[] args) => InProcessCli.RunAsync(Settings, stdin, args);

    /// <summary>Runs <c>dotnet saferplan.dll args</c> as a process of its own, from the app's folder, with stdin as given.</summary>
    public async Task<CliRun> RunProcessAsync(string? stdin, params string[] args) => await RunInAsync(Path.GetDirectoryName(CommandPath)!, stdin, args);

    /// <summary>The environment the command reads its database from.</summary>
    private Dictionary<string, string?> Settings => new()
    {
        ["ConnectionStrings__SaferPlan"] = $"Data Source={DatabasePath};Pooling=False",
        ["SaferPlan__Database__Provider"] = "Sqlite",
        ["ASPNETCORE_ENVIRONMENT"] = null,
        ["DOTNET_ENVIRONMENT"] = null,
    };

    /// <summary>Runs <c>dotnet saferplan.dll args</c> as a process of its own from the folder given, with stdin as given.</summary>
    public async Task<CliRun> RunInAsync(string workingDirectory, string? stdin, params string[] args)
    {
        // The dotnet host that runs the tests (the SDK sets DOTNET_HOST_PATH for them), else the one on the PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CommandPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in Settings)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteLineAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"saferplan {string.Join(' ', args)} did not finish within {Timeout}.");
        }

        return new CliRun(process.ExitCode, await output, await error);
    }

    public long Count(string table) => Scalar($"SELECT COUNT(*) FROM \"{table}\"");

    public long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        // The commands' connections are not pooled (Pooling=False above), so nothing of this folder's is held; clearing
        // every pool would close the connections of the other tests running beside this one.
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is removed with the machine's temporary files.
        }
    }
}

/// <summary>
/// The demo partnership loaded once by the command, on first use, for the tests that add users and tokens to it (each
/// their own). Loaded lazily so that the tests which do not need it do not depend on it.
/// </summary>
public sealed class LoadedCliDatabase : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly CliDatabase database = new();
    private bool loaded;

    public async Task<CliDatabase> GetAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (!loaded)
            {
                // What `demo load` leaves (CliTests checks that verb on a database of its own): the template's copy.
                await DatabaseTemplates.CopySqliteAsync(database.DatabasePath, demoCrime: true);
                loaded = true;
            }

            return database;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        database.Dispose();
        gate.Dispose();
    }
}

[Collection(InProcessCli.Collection)]
public sealed partial class CliTests(LoadedCliDatabase demo) : IClassFixture<LoadedCliDatabase>
{
    private const string Password = "a long enough passphrase";

    [GeneratedRegex(@"^sp_[A-Za-z0-9_-]{43}$")]
    private static partial Regex TokenPattern();

    private static string NewEmail() => $"cli-{Guid.NewGuid():N}@example.org";

    [Fact]
    public async Task DbMigrate_OnEmptyDatabase_ExitsZeroAndSecondRunSaysUpToDate()
    {
        using var db = new CliDatabase();

        var first = await db.RunAsync(null, "db", "migrate");
        var second = await db.RunAsync(null, "db", "migrate");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Applied", first.Out, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("up to date", second.Out, StringComparison.Ordinal);
        Assert.Equal(0, db.Count("Partnerships"));
    }

    [Fact]
    public async Task DemoLoad_Twice_SecondSaysNothingChangedAndCountsStayTheSame()
    {
        using var db = new CliDatabase();

        var first = await db.RunAsync(null, "demo", "load");
        var milestones = db.Count("Milestones");
        var audit = db.Count("AuditEntries");
        var second = await db.RunAsync(null, "demo", "load");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Loaded south-cambridgeshire", first.Out, StringComparison.Ordinal);
        Assert.Contains($"{milestones} milestones", first.Out, StringComparison.Ordinal);
        Assert.True(milestones > 100, $"Only {milestones} milestones loaded");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("south-cambridgeshire is already loaded; nothing changed.", second.Out, StringComparison.Ordinal);
        Assert.Equal(milestones, db.Count("Milestones"));
        Assert.Contains("Loaded cambridge", first.Out, StringComparison.Ordinal);
        Assert.Equal(2, db.Count("Partnerships"));
        Assert.Equal(audit, db.Count("AuditEntries"));
    }

    [Fact]
    public async Task UsersAdd_WithPasswordOnStdin_ExitsZeroAndAddsTheMembership()
    {
        var db = await demo.GetAsync();
        var email = NewEmail();
        var memberships = db.Count("Memberships");

        var run = await db.RunAsync(Password, "users", "add", "--email", email, "--role", "SupportOfficer", "--partnership", "south-cambridgeshire");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"{email} is SupportOfficer of South Cambridgeshire", run.Out, StringComparison.Ordinal);
        Assert.Equal(memberships + 1, db.Count("Memberships"));
    }

    /// <summary>Adding a user who exists gives them the role and resets their password (an Identity reset token, so data protection keys).</summary>
    [Fact]
    public async Task UsersAdd_ExistingUserWithAnotherRole_ExitsZeroAndAddsTheRole()
    {
        var db = await demo.GetAsync();
        var email = NewEmail();
        var first = await db.RunAsync(Password, "users", "add", "--email", email, "--role", "BoardMember", "--partnership", "south-cambridgeshire");
        Assert.True(first.ExitCode == 0, first.ToString());
        var memberships = db.Count("Memberships");

        var second = await db.RunAsync("another long passphrase", "users", "add", "--email", email, "--role", "LeadOfficer", "--partnership", "south-cambridgeshire");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains($"{email} is LeadOfficer of South Cambridgeshire", second.Out, StringComparison.Ordinal);
        Assert.Equal(memberships + 1, db.Count("Memberships"));
    }

    /// <summary>A refused <c>users add</c>: the password given (null for none), role and partnership; the table it must leave as it was; what the error names.</summary>
    public static TheoryData<string, string?, string, string, string, string[]> RefusedUserAdds => new()
    {
        { "an unknown partnership", Password, "SupportOfficer", "nowhere", "Memberships", ["'nowhere'"] },
        { "an unknown role, naming the roles", Password, "Wizard", "south-cambridgeshire", "AspNetUsers", ["Wizard", "SupportOfficer"] },
        { "no password, asking for one", null, "BoardMember", "south-cambridgeshire", "AspNetUsers", ["password"] },
    };

    [Theory]
    [MemberData(nameof(RefusedUserAdds))]
    public async Task UsersAdd_Refused_ExitsNonZeroNamingWhy_AndAddsNothing(string why, string? password, string role, string partnership, string table, string[] named)
    {
        var db = await demo.GetAsync();
        var rows = db.Count(table);

        var run = await db.RunAsync(password, "users", "add", "--email", NewEmail(), "--role", role, "--partnership", partnership);

        Assert.True(run.ExitCode != 0, $"{why}: {run}");
        Assert.All(named, text => Assert.Contains(text, run.Error, StringComparison.Ordinal));
        Assert.Equal(rows, db.Count(table));
    }

    [Fact]
    public async Task TokensCreate_ForAUser_PrintsOnlyAnSpTokenOnStdout()
    {
        var db = await demo.GetAsync();
        var email = NewEmail();
        var add = await db.RunAsync(Password, "users", "add", "--email", email, "--role", "SupportOfficer", "--partnership", "south-cambridgeshire");
        Assert.True(add.ExitCode == 0, add.ToString());
        var tokens = db.Count("ApiTokens");

        var run = await db.RunAsync(null, "tokens", "create", "--email", email, "--name", "ci", "--days", "30");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(TokenPattern(), run.Out.Trim());
        Assert.Contains(email, run.Error, StringComparison.Ordinal);
        Assert.Equal(tokens + 1, db.Count("ApiTokens"));
    }

    /// <summary>A script captures the token with TOKEN=$(saferplan tokens create ...), from wherever it runs (a real process).</summary>
    [Fact]
    public async Task TokensCreate_RunFromAnotherFolder_PrintsOnlyTheTokenOnStdout()
    {
        var db = await demo.GetAsync();
        var email = NewEmail();
        // Both as real processes: the password on a real standard input, the token from a real process in another folder.
        var add = await db.RunProcessAsync(Password, "users", "add", "--email", email, "--role", "BoardMember", "--partnership", "south-cambridgeshire");
        Assert.True(add.ExitCode == 0, add.ToString());

        var run = await db.RunInAsync(db.Folder, null, "tokens", "create", "--email", email);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(run.Out.Split('\n'), line => TokenPattern().IsMatch(line.Trim()));
        Assert.True(TokenPattern().IsMatch(run.Out.Trim()), $"stdout should be the token alone, but was:\n{run.Out[..Math.Min(run.Out.Length, 2000)]}");
    }

    [Fact]
    public async Task TokensCreate_UnknownEmail_ExitsNonZeroWithoutAToken()
    {
        var db = await demo.GetAsync();
        var tokens = db.Count("ApiTokens");

        var run = await db.RunAsync(null, "tokens", "create", "--email", "nobody@example.org");

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains("nobody@example.org", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("sp_", run.Out, StringComparison.Ordinal);
        Assert.Equal(tokens, db.Count("ApiTokens"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("3651")]
    [InlineData("99999999999")]
    [InlineData("ninety")]
    public async Task TokensCreate_DaysOutOfRange_ExitsNonZeroWithOneClearLine(string days)
    {
        var db = await demo.GetAsync();
        var email = await AddUserAsync(db, "BoardMember");
        var tokens = db.Count("ApiTokens");

        var run = await db.RunAsync(null, "tokens", "create", "--email", email, "--days", days);

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Equal("Enter --days as a whole number of days from 1 to 3650.", run.Error.Trim());
        Assert.Equal("", run.Out);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("sp_", run.Out, StringComparison.Ordinal);
        Assert.Equal(tokens, db.Count("ApiTokens"));
    }

    [Fact]
    public async Task TokensListAndRevoke_ShowNameOwnerDatesAndState_NeverTheHash()
    {
        var db = await demo.GetAsync();
        var email = await AddUserAsync(db, "SupportOfficer");
        var create = await db.RunAsync(null, "tokens", "create", "--email", email, "--name", "dashboard-feed");
        Assert.True(create.ExitCode == 0, create.ToString());
        Assert.Contains("valid for 90 days", create.Error, StringComparison.Ordinal);
        var token = create.Out.Trim();

        var listed = await db.RunAsync(null, "tokens", "list", "--email", email);

        Assert.True(listed.ExitCode == 0, listed.ToString());
        var row = Assert.Single(listed.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains(email, StringComparison.Ordinal)).Split('\t');
        Assert.Equal("dashboard-feed", row[1]);
        Assert.Equal(DateTime.UtcNow.AddDays(90).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), row[4][..10]);
        Assert.Equal("current", row[5].Trim());
        Assert.DoesNotContain(token, listed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))), listed.Out, StringComparison.Ordinal);

        var revoke = await db.RunAsync(null, "tokens", "revoke", "--id", row[0]);
        var after = await db.RunAsync(null, "tokens", "list", "--email", email);

        Assert.True(revoke.ExitCode == 0, revoke.ToString());
        Assert.Contains($"Revoked token {row[0]} 'dashboard-feed' for {email}", revoke.Out, StringComparison.Ordinal);
        Assert.Contains("\trevoked ", after.Out, StringComparison.Ordinal);
        Assert.Equal(1, db.Scalar($"SELECT COUNT(*) FROM \"AuditEntries\" WHERE \"EntityType\" = 'ApiToken' AND \"EntityId\" = {int.Parse(row[0], System.Globalization.CultureInfo.InvariantCulture)} AND \"Changes\" LIKE '%RevokedAt%'"));
    }

    [Fact]
    public async Task TokensRevoke_UnknownId_ExitsNonZeroWithOneLine()
    {
        var db = await demo.GetAsync();

        var run = await db.RunAsync(null, "tokens", "revoke", "--id", "999999");

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Equal("There is no token with id 999999.", run.Error.Trim());
    }

    [Fact]
    public async Task UsersRemoveRoleThenRemove_TakeTheRoleThenTheUserAndTheirTokens()
    {
        var db = await demo.GetAsync();
        var email = await AddUserAsync(db, "BoardMember");
        await AddUserAsync(db, "LeadOfficer", email);
        var token = await db.RunAsync(null, "tokens", "create", "--email", email);
        Assert.True(token.ExitCode == 0, token.ToString());
        var (users, memberships, tokens) = (db.Count("AspNetUsers"), db.Count("Memberships"), db.Count("ApiTokens"));

        var removeRole = await db.RunAsync(null, "users", "remove-role", "--email", email, "--role", "LeadOfficer", "--partnership", "south-cambridgeshire");
        var memberships1 = db.Count("Memberships");
        var remove = await db.RunAsync(null, "users", "remove", "--email", email);
        var again = await db.RunAsync(null, "users", "remove", "--email", email);

        Assert.True(removeRole.ExitCode == 0, removeRole.ToString());
        Assert.Contains($"{email} is no longer LeadOfficer of South Cambridgeshire", removeRole.Out, StringComparison.Ordinal);
        Assert.Equal(memberships - 1, memberships1);
        Assert.True(remove.ExitCode == 0, remove.ToString());
        Assert.Equal(users - 1, db.Count("AspNetUsers"));
        Assert.Equal(memberships - 2, db.Count("Memberships"));
        Assert.Equal(tokens - 1, db.Count("ApiTokens"));
        Assert.True(again.ExitCode != 0, again.ToString());
        Assert.Equal($"There is no user with the email address {email}.", again.Error.Trim());
    }

    [Fact]
    public async Task UsersRemoveRole_LastAdministrator_ExitsNonZeroWithOneLine()
    {
        var db = await demo.GetAsync();
        var email = await AddUserAsync(db, "Administrator");
        var memberships = db.Count("Memberships");
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM \"Memberships\" WHERE \"Role\" = 'Administrator'"));

        var removeRole = await db.RunAsync(null, "users", "remove-role", "--email", email, "--role", "Administrator", "--partnership", "south-cambridgeshire");
        var remove = await db.RunAsync(null, "users", "remove", "--email", email);

        Assert.True(removeRole.ExitCode != 0, removeRole.ToString());
        Assert.Matches($"^{Regex.Escape(email)} is the last Administrator of South Cambridgeshire[^\n]*; add another Administrator first\\.$", removeRole.Error.Trim());
        Assert.True(remove.ExitCode != 0, remove.ToString());
        Assert.Matches($"^{Regex.Escape(email)} is the last Administrator of South Cambridgeshire[^\n]*; add another Administrator first\\.$", remove.Error.Trim());
        Assert.Equal(memberships, db.Count("Memberships"));
    }

    private static async Task<string> AddUserAsync(CliDatabase db, string role, string? email = null)
    {
        email ??= NewEmail();
        var add = await db.RunAsync(Password, "users", "add", "--email", email, "--role", role, "--partnership", "south-cambridgeshire");
        Assert.True(add.ExitCode == 0, add.ToString());
        return email;
    }

    [Theory]
    [InlineData("users remove", "saferplan users remove [options]")]
    [InlineData("users remove-role", "saferplan users remove-role [options]")]
    [InlineData("tokens list", "saferplan tokens list [options]")]
    [InlineData("tokens revoke", "saferplan tokens revoke [options]")]
    [InlineData("", "saferplan [command] [options]")]
    [InlineData("serve", "saferplan serve [options]")]
    [InlineData("db", "saferplan db [command] [options]")]
    [InlineData("db migrate", "saferplan db migrate [options]")]
    [InlineData("demo", "saferplan demo [command] [options]")]
    [InlineData("demo load", "saferplan demo load [options]")]
    [InlineData("users", "saferplan users [command] [options]")]
    [InlineData("users add", "saferplan users add [options]")]
    [InlineData("tokens", "saferplan tokens [command] [options]")]
    [InlineData("tokens create", "saferplan tokens create [options]")]
    public async Task Help_OnEachVerb_ExitsZeroAndPrintsUsage(string verb, string usage)
    {
        using var db = new CliDatabase();
        var args = verb.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("--help").ToArray();

        var run = await db.RunAsync(null, args);

        // In this process the usage names the test host; the real executable's name is checked below.
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
        Assert.Contains(string.Concat(System.CommandLine.RootCommand.ExecutableName, usage.AsSpan("saferplan".Length)), run.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(db.DatabasePath), "Asking for help should not create a database");
    }

    /// <summary>The built executable (a real process) calls itself saferplan in its usage.</summary>
    [Fact]
    public async Task Help_AsARealProcess_NamesTheCommandSaferplan()
    {
        using var db = new CliDatabase();

        var run = await db.RunProcessAsync(null, "users", "add", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("saferplan users add [options]", run.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(db.DatabasePath), "Asking for help should not create a database");
    }
}
