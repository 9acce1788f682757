using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Demo;
using SaferPlan.Documents;

namespace SaferPlan.Cli;

/// <summary>The saferplan command: the web server by default, and the administration verbs.</summary>
public static class SaferPlanCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        // Host options such as --urls or --environment go straight to the server, as with any ASP.NET Core app.
        if (args.Length == 0 || (args[0].StartsWith('-') && !IsHelp(args[0])) || (args[0] == "serve" && !args.Skip(1).Any(IsHelp)))
        {
            return await ServeAsync(args.Length > 0 && args[0] == "serve" ? args[1..] : args);
        }

        return await BuildRoot().Parse(args).InvokeAsync();
    }

    private static bool IsHelp(string arg) => arg is "--help" or "-h" or "-?" or "--version";

    private static async Task<int> ServeAsync(string[] args)
    {
        await SaferPlanApp.Build(args).RunAsync();
        return 0;
    }

    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("SaferPlan: planning and performance for Community Safety Partnerships. With no verb, runs the web server.");

        var serve = new Command("serve", "Run the web server (the default). ASP.NET Core options such as --urls http://localhost:5080 pass through.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serve.SetAction((_, _) => Task.FromResult(0));
        root.Subcommands.Add(serve);

        var db = new Command("db", "Manage the database.");
        var migrate = new Command("migrate", "Apply the database migrations for the configured provider (SaferPlan__Database__Provider).");
        migrate.SetAction(async (_, ct) => await WithServicesAsync(async services =>
        {
            var context = services.GetRequiredService<SaferPlanDbContext>();
            var pending = (await context.Database.GetPendingMigrationsAsync(ct)).ToList();
            await context.Database.MigrateAsync(ct);
            await Console.Out.WriteLineAsync(pending.Count == 0
                ? $"The {services.GetRequiredService<DatabaseSettings>().Provider} database is up to date."
                : $"Applied {pending.Count} migration(s) to the {services.GetRequiredService<DatabaseSettings>().Provider} database: {string.Join(", ", pending)}.");
            return 0;
        }));
        db.Subcommands.Add(migrate);
        root.Subcommands.Add(db);

        var demo = new Command("demo", "Demo data transcribed from real partnership papers.");
        var load = new Command("load", "Load the demo partnerships that are not in the database yet. Running it again changes nothing.");
        load.SetAction(async (_, ct) => await WithServicesAsync(async services =>
        {
            await services.GetRequiredService<SaferPlanDbContext>().Database.MigrateAsync(ct);
            foreach (var r in await services.GetRequiredService<DemoLoader>().LoadAllAsync(ct))
            {
                await Console.Out.WriteLineAsync(r.Loaded
                    ? $"Loaded {r.Slug}: {r.Editions} plan editions, {r.Priorities} priorities, {r.Actions} actions, {r.Milestones} milestones."
                    : $"{r.Slug} is already loaded; nothing changed.");
            }

            return 0;
        }));
        demo.Subcommands.Add(load);
        root.Subcommands.Add(demo);

        root.Subcommands.Add(UsersCommand());
        root.Subcommands.Add(TokensCommand());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(Crime.CrimeImportCommand.Create());
        return root;
    }

    private static Command UsersCommand()
    {
        var users = new Command("users", "Manage who can sign in.");
        var email = new Option<string>("--email") { Description = "The user's email address, which they sign in with.", Required = true };
        var role = new Option<PartnershipRole>("--role") { Description = "Administrator, SupportOfficer, LeadOfficer or BoardMember.", Required = true };
        var partnership = new Option<string>("--partnership") { Description = "The partnership's slug, e.g. south-cambridgeshire.", Required = true };
        var name = new Option<string?>("--name") { Description = "The name the user goes by, e.g. \"Dave Sargent\": what their updates and changes are recorded under." };
        var add = new Command("add", "Add a user, or give an existing user a role in another partnership. Reads the password from standard input.")
        {
            email, role, partnership, name,
        };
        add.SetAction(async (parse, ct) => await WithServicesAsync(async services =>
        {
            var password = await ReadPasswordAsync();
            if (password is null)
            {
                await Console.Error.WriteLineAsync("Enter a password on standard input (at least 12 characters), e.g. echo 'a long passphrase' | saferplan users add ...");
                return 2;
            }

            var result = await services.GetRequiredService<AccountService>().AddUserAsync(
                parse.GetValue(email)!, password, parse.GetValue(role), parse.GetValue(partnership)!, parse.GetValue(name), ct);
            await (result.Succeeded ? Console.Out : Console.Error).WriteLineAsync(result.Message);
            return result.Succeeded ? 0 : 1;
        }));
        users.Subcommands.Add(add);
        return users;
    }

    private static Command TokensCommand()
    {
        var tokens = new Command("tokens", "Manage bearer tokens for the API.");
        var email = new Option<string>("--email") { Description = "The user the token acts as.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for.", DefaultValueFactory = _ => "api" };
        var days = new Option<int?>("--days") { Description = "Days until the token expires (default: never)." };
        var create = new Command("create", "Create a bearer token and print it. It is shown once; only its hash is stored.") { email, name, days };
        create.SetAction(async (parse, ct) => await WithServicesAsync(async services =>
        {
            var (token, message) = await services.GetRequiredService<AccountService>().CreateTokenAsync(
                parse.GetValue(email)!, parse.GetValue(name)!, parse.GetValue(days), ct);
            if (token is null)
            {
                await Console.Error.WriteLineAsync(message);
                return 1;
            }

            await Console.Error.WriteLineAsync(message);
            await Console.Out.WriteLineAsync(token);
            return 0;
        }));
        tokens.Subcommands.Add(create);
        return tokens;
    }

    private static async Task<string?> ReadPasswordAsync()
    {
        if (!Console.IsInputRedirected)
        {
            await Console.Error.WriteAsync("Password: ");
        }

        var line = await Console.In.ReadLineAsync();
        return string.IsNullOrWhiteSpace(line) ? null : line.TrimEnd('\r', '\n');
    }

    /// <summary>Runs a verb's work with the app's services and settings; expected failures become a message and exit code 1.</summary>
    internal static async Task<int> WithServicesAsync(Func<IServiceProvider, Task<int>> work)
    {
        try
        {
            // Standard output carries only the command's answer (a token, say); logs go to standard error.
            var app = SaferPlanApp.Build([], builder =>
            {
                builder.Logging.ClearProviders();
                builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
            });
            using var scope = app.Services.CreateScope();
            return await work(scope.ServiceProvider);
        }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException or IOException or UnauthorizedAccessException or DbUpdateException or System.Data.Common.DbException)
        {
            await Console.Error.WriteLineAsync($"saferplan: {ex.Message}");
            return 1;
        }
    }
}
