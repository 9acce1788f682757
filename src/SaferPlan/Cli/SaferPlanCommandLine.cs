using System.CommandLine;
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

        // A mistyped command gets its one line of error, not the verb's whole help after it (--help shows that).
        var parsed = BuildRoot().Parse(args);
        if (parsed.Action is System.CommandLine.Invocation.ParseErrorAction error)
        {
            error.ShowHelp = false;
        }

        return await parsed.InvokeAsync();
    }

    private static bool IsHelp(string arg) => arg is "--help" or "-h" or "-?" or "--version";

    private static async Task<int> ServeAsync(string[] args)
    {
        // The host logs a failed start with its stack trace; SaferPlan says why in one line instead (below). Once the
        // server has started, the host's errors (a background service failing) are logged as usual.
        var started = false;
        var app = SaferPlanApp.Build(args, builder => builder.Logging.AddFilter(
            "Microsoft.Extensions.Hosting.Internal.Host", level => level >= LogLevel.Information && (level < LogLevel.Error || Volatile.Read(ref started))));
        app.Lifetime.ApplicationStarted.Register(() => Volatile.Write(ref started, true));
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            await Console.Error.WriteLineAsync(AddressInUse(ex.Message));
            return 1;
        }
        catch (DatabaseBusyException ex)
        {
            await Console.Error.WriteLineAsync($"saferplan: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (!Volatile.Read(ref started))
        {
            await Console.Error.WriteLineAsync($"saferplan: the server could not start: {ex}");
            return 1;
        }
    }

    /// <summary>
    /// One line for an address another process listens on. Kestrel names it in its message ("Failed to bind to address
    /// http://127.0.0.1:5080: address already in use.").
    /// </summary>
    internal static string AddressInUse(string kestrelMessage)
    {
        var address = System.Text.RegularExpressions.Regex.Match(kestrelMessage, @"address (\S+): address already in use", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return address.Success && Uri.TryCreate(address.Groups[1].Value.TrimEnd(':'), UriKind.Absolute, out var uri)
            ? $"saferplan: Port {uri.Port} is already in use: stop the other SaferPlan or choose another address, e.g. --urls http://localhost:{(uri.Port == 65535 ? 5081 : uri.Port + 1)}"
            : "saferplan: The address to listen on is already in use: stop the other SaferPlan or choose another address, e.g. --urls http://localhost:5081";
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
            var pending = await DatabaseMigration.MigrateAsync(services, ct);
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
            await DatabaseMigration.MigrateAsync(services, ct);
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
        root.Subcommands.Add(Crime.Import.CrimeImportCommand.Create());
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
            return await SayAsync(result, added => added.Message);
        }));
        users.Subcommands.Add(add);
        users.Subcommands.Add(UsersRemoveCommand());
        users.Subcommands.Add(UsersRemoveRoleCommand());
        return users;
    }

    private static Command TokensCommand()
    {
        var tokens = new Command("tokens", "Manage bearer tokens for the API.");
        var email = new Option<string>("--email") { Description = "The user the token acts as.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for.", DefaultValueFactory = _ => "api" };
        var days = new Option<int?>("--days")
        {
            Description = $"Days until the token expires, 1 to {AccountService.MaxTokenDays} (default: {AccountService.DefaultTokenDays}).",
            CustomParser = TokenDays,
        };
        var create = new Command("create", "Create a bearer token and print it. It is shown once; only its hash is stored.") { email, name, days };
        create.SetAction(async (parse, ct) => await WithServicesAsync(async services =>
        {
            var created = await services.GetRequiredService<AccountService>().CreateTokenAsync(
                parse.GetValue(email)!, parse.GetValue(name)!, parse.GetValue(days), ct);
            if (!created.Succeeded)
            {
                return await RefusedAsync(created);
            }

            // What the token is goes to standard error, the token alone to standard output, for a script to capture.
            await Console.Error.WriteLineAsync(created.Value.Message);
            await Console.Out.WriteLineAsync(created.Value.Token);
            return 0;
        }));
        tokens.Subcommands.Add(create);
        tokens.Subcommands.Add(TokensListCommand());
        tokens.Subcommands.Add(TokensRevokeCommand());
        return tokens;
    }

    private static int? TokenDays(System.CommandLine.Parsing.ArgumentResult result)
    {
        if (result.Tokens.Count == 1
            && int.TryParse(result.Tokens[0].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days)
            && days is >= 1 and <= AccountService.MaxTokenDays)
        {
            return days;
        }

        result.AddError($"Enter --days as a whole number of days from 1 to {AccountService.MaxTokenDays}.");
        return null;
    }

    private static Command TokensListCommand()
    {
        var email = new Option<string?>("--email") { Description = "Only this user's tokens." };
        var list = new Command("list", "List tokens: id, name, user, when created, when they expire and whether revoked. Never the token itself.") { email };
        list.SetAction(async (parse, ct) => await WithServicesAsync(async services =>
        {
            var listed = await services.GetRequiredService<AccountService>().ListTokensAsync(parse.GetValue(email), ct);
            if (!listed.Succeeded)
            {
                return await RefusedAsync(listed);
            }

            var tokens = listed.Value;

            if (tokens.Count == 0)
            {
                await Console.Error.WriteLineAsync("There are no tokens.");
                return 0;
            }

            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            await Console.Out.WriteLineAsync("id\tname\tuser\tcreated\texpires\tstate");
            foreach (var t in tokens)
            {
                var state = t.RevokedAt is { } revoked ? $"revoked {When(revoked)}"
                    : t.ExpiresAt is { } expires && expires <= now ? "expired"
                    : "current";
                await Console.Out.WriteLineAsync($"{t.Id}\t{t.Name}\t{t.Email}\t{When(t.CreatedAt)}\t{(t.ExpiresAt is { } e ? When(e) : "never")}\t{state}");
            }

            return 0;
        }));
        return list;
    }

    private static Command TokensRevokeCommand()
    {
        var id = new Option<int?>("--id") { Description = "The token's id, from saferplan tokens list." };
        var name = new Option<string?>("--name") { Description = "The token's name, with --email." };
        var email = new Option<string?>("--email") { Description = "The user the token acts as, with --name." };
        var revoke = new Command("revoke", "Stop a token working from now on. The record stays, for the audit trail.") { id, name, email };
        revoke.SetAction(async (parse, ct) => await WithServicesAsync(async services =>
        {
            return await SayAsync(await services.GetRequiredService<AccountService>().RevokeTokenAsync(
                parse.GetValue(id), parse.GetValue(name), parse.GetValue(email), ct), done => done);
        }));
        return revoke;
    }

    private static Command UsersRemoveCommand()
    {
        var email = new Option<string>("--email") { Description = "The user's email address.", Required = true };
        var remove = new Command("remove", "Remove a user with all their roles and tokens; they can no longer sign in. What they wrote stays.") { email };
        remove.SetAction(async (parse, ct) => await WithServicesAsync(async services =>
        {
            return await SayAsync(await services.GetRequiredService<AccountService>().RemoveUserAsync(parse.GetValue(email)!, ct), done => done);
        }));
        return remove;
    }

    private static Command UsersRemoveRoleCommand()
    {
        var email = new Option<string>("--email") { Description = "The user's email address.", Required = true };
        var role = new Option<PartnershipRole>("--role") { Description = "Administrator, SupportOfficer, LeadOfficer, BoardMember or Analyst.", Required = true };
        var partnership = new Option<string>("--partnership") { Description = "The partnership's slug, e.g. south-cambridgeshire.", Required = true };
        var removeRole = new Command("remove-role", "Take one role in one partnership away from a user. A partnership keeps at least one Administrator.")
        {
            email, role, partnership,
        };
        removeRole.SetAction(async (parse, ct) => await WithServicesAsync(async services =>
        {
            return await SayAsync(await services.GetRequiredService<AccountService>().RemoveRoleAsync(
                parse.GetValue(email)!, parse.GetValue(role), parse.GetValue(partnership)!, ct), done => done);
        }));
        return removeRole;
    }

    /// <summary>A verb's outcome as one line: what was done on standard output (exit 0), or why nothing was on standard error (exit 1).</summary>
    private static async Task<int> SayAsync<T>(EditResult<T> result, Func<T, string> done)
    {
        if (!result.Succeeded)
        {
            return await RefusedAsync(result);
        }

        await Console.Out.WriteLineAsync(done(result.Value));
        return 0;
    }

    /// <summary>Why a verb did nothing, on standard error; exit 1.</summary>
    private static async Task<int> RefusedAsync<T>(EditResult<T> result)
    {
        await Console.Error.WriteLineAsync(result.Message);
        return 1;
    }

    private static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

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
    /// <summary>
    /// As <see cref="WithServicesAsync"/>, for a verb that needs only the database and the services it names in
    /// <paramref name="services"/>: a generic host, not the web application (no pages, endpoints, identity or security),
    /// with the same settings (appsettings.json and its environment's file, user secrets in Development, environment
    /// variables). Building the whole web application took about as long as `crime import` reading a year of every force.
    /// </summary>
    internal static async Task<int> WithDataServicesAsync(Action<IServiceCollection> services, Func<IServiceProvider, Task<int>> work)
    {
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                Args = ["--hostBuilder:reloadConfigOnChange=false"],
                EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 } environment ? environment : null,
                ApplicationName = typeof(SaferPlanCommandLine).Assembly.GetName().Name,
            });
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddSingleton(sp =>
            {
                var configuration = sp.GetRequiredService<IConfiguration>();
                return DatabaseSettings.From(configuration["SaferPlan:Database:Provider"], configuration.GetConnectionString("SaferPlan"));
            });
            builder.Services.AddSingleton(TimeProvider.System);
            builder.Services.AddHttpContextAccessor();
            builder.Services.AddScoped<SaferPlan.Core.Monitoring.UpdateLinkActor>();
            builder.Services.AddScoped<SaferPlan.Core.Auditing.IActorAccessor, HttpActorAccessor>();
            builder.Services.AddDbContext<SaferPlanDbContext>(
                (sp, options) => CompiledModels.Configure(sp.GetRequiredService<DatabaseSettings>(), options),
                contextLifetime: ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
            services(builder.Services);
            using var host = builder.Build();
            using var scope = host.Services.CreateScope();
            return await work(scope.ServiceProvider);
        }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException or IOException or UnauthorizedAccessException or DbUpdateException or System.Data.Common.DbException)
        {
            await Console.Error.WriteLineAsync($"saferplan: {ex.Message}");
            return 1;
        }
    }

    internal static async Task<int> WithServicesAsync(Func<IServiceProvider, Task<int>> work)
    {
        try
        {
            // Standard output carries only the command's answer (a token, say); logs go to standard error. A verb runs once
            // and ends, so it neither watches the settings files for changes (each watcher holds an inotify instance, of
            // which a user has 128) nor leaves its host undisposed.
            await using var app = SaferPlanApp.BuildServices(["--hostBuilder:reloadConfigOnChange=false"], builder =>
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
