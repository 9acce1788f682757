using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using Xunit;

namespace SaferPlan.TestCommon;

/// <summary>
/// The real SaferPlan app on Kestrel at a free port on 127.0.0.1, over a fresh database of its own
/// with the demo partnership loaded (copied from a template loaded once, see <see cref="DatabaseTemplates"/>).
/// The test assembly's one app per database (<see cref="SharedApp"/>), for tests that make their own partnerships
/// (<see cref="TestData"/>); or a test class's own (an xunit class fixture), for a class that changes the demo's data.
/// </summary>
public class SaferPlanFactory(TestDatabase kind) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    private readonly SemaphoreSlim sharedUsersGate = new(1, 1);
    private readonly Dictionary<PartnershipRole, string> sharedUsers = [];
    private int? draftEditionId;
    private TestDatabaseInstance? database;

    public TestDatabase Kind { get; } = kind;

    public Uri ServerAddress => ClientOptions.BaseAddress;

    /// <summary>This app's database, e.g. for a second instance of the app over the same one.</summary>
    public TestDatabaseInstance Database => database ?? throw new InvalidOperationException("The factory has not started yet.");

    public async Task InitializeAsync()
    {
        database = await TestDatabaseInstance.CreateWithDemoAsync(Kind, DemoCrime);
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        ClientOptions.BaseAddress = new Uri(addresses.First());
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("SaferPlan:Database:Provider", database!.Provider);
        builder.UseSetting("ConnectionStrings:SaferPlan", database.ConnectionString);
        builder.UseSetting("SaferPlan:LoadDemoCrime", DemoCrime ? "true" : "false");

        // Every test signs in and downloads from 127.0.0.1: the per-address limits are for the internet, not for this.
        builder.UseSetting("SaferPlan:RateLimits:SignInPerMinute", "1000000");
        builder.UseSetting("SaferPlan:RateLimits:DocumentsPerMinute", "1000000");

        if (!ProductionPasswordHashing)
        {
            builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestPasswordIterations));
        }
    }

    /// <summary>
    /// PBKDF2 rounds for the passwords of users a test adds (the demo's own users keep the production count they were hashed
    /// with: a hash records its rounds). The same algorithm as in production with a smaller work factor: the 100,000 rounds that
    /// make guessing slow for an attacker were a tenth of a second of CPU for every user a test added or signed in, about a
    /// seventh of the web tests' CPU.
    /// </summary>
    public const int TestPasswordIterations = 1_000;

    /// <summary>Hash passwords with the production work factor, for the tests of sign-in timing and of the work factor itself.</summary>
    public bool ProductionPasswordHashing { get; init; }

    /// <summary>
    /// Whether the demo's synthetic recorded crime (about 50,000 rows, a few seconds) is loaded with the demo. Off by
    /// default so the many test hosts start quickly; crime tests put in figures of their own.
    /// </summary>
    public bool DemoCrime { get; init; }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    public Task<int> PersonIdAsync(string key) =>
        WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().People.Where(p => p.Key == key).Select(p => p.Id).SingleAsync());

    /// <summary>Adds a user with a role in the demo partnership; with a person key, the user is that person (a lead officer).</summary>
    public async Task<string> AddUserAsync(PartnershipRole role, string? personKey = null, string partnership = "south-cambridgeshire")
    {
        return await WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var email = personKey is null
                ? $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.org"
                : (await db.People.Where(p => p.Key == personKey).Select(p => p.Email).SingleAsync())!;
            var result = await sp.GetRequiredService<AccountService>().AddUserAsync(email, Password, role, partnership);
            Assert.True(result.Succeeded, result.Message);
            return email;
        });
    }

    /// <summary>
    /// One user with the role for this host, added on first use: for tests that need a caller of that role but nothing of
    /// the user's own (adding a user hashes a password, much of a short API test's time). Each client still gets its own token.
    /// </summary>
    public async Task<string> SharedUserAsync(PartnershipRole role)
    {
        await sharedUsersGate.WaitAsync();
        try
        {
            if (!sharedUsers.TryGetValue(role, out var email))
            {
                email = await AddUserAsync(role);
                sharedUsers[role] = email;
            }

            return email;
        }
        finally
        {
            sharedUsersGate.Release();
        }
    }

    /// <summary>
    /// A Draft 2011/12 edition beside the demo's approved 2010/11 one (made on first use), holding a copy of 2010/11's
    /// priority 1 with its actions, milestones and lead officers: for tests that delete or reorder, which an approved
    /// edition refuses. Its id.
    /// </summary>
    public async Task<int> DraftEditionIdAsync()
    {
        await sharedUsersGate.WaitAsync();
        try
        {
            draftEditionId ??= await WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<SaferPlanDbContext>();
                var approved = await db.Editions.Include(e => e.Plan)
                    .Include(e => e.Priorities).ThenInclude(p => p.Actions).ThenInclude(a => a.Milestones)
                    .AsNoTracking().SingleAsync(e => e.YearStart == 2010 && e.Plan.Partnership.Slug == "south-cambridgeshire");
                var first = approved.Priorities.Single(p => p.Number == 1 && p.Kind == Core.Plans.PriorityKind.Priority);
                var draft = new Core.Plans.PlanEdition
                {
                    PlanId = approved.PlanId, YearStart = 2011, Label = "Draft refresh", Title = "Community Safety Plan 2011/12 (draft)",
                    Status = Core.Plans.EditionStatus.Draft,
                    Priorities =
                    [
                        new Core.Plans.Priority
                        {
                            Number = 1, SortOrder = 1, Title = first.Title, LeadOfficerId = first.LeadOfficerId, Marking = first.Marking,
                            Actions = first.Actions.Select(a => new Core.Plans.PlanAction
                            {
                                Number = a.Number, SortOrder = a.SortOrder, Text = a.Text, LeadAgency = a.LeadAgency, LeadOfficerId = a.LeadOfficerId, Marking = a.Marking,
                                Milestones = a.Milestones.Select(m => new Core.Plans.Milestone
                                {
                                    Code = m.Code, SortOrder = m.SortOrder, Text = m.Text, LeadOfficerId = m.LeadOfficerId, Marking = m.Marking,
                                }).ToList(),
                            }).ToList(),
                        },
                    ],
                };
                db.Editions.Add(draft);
                db.AuditPartnershipId = approved.Plan.PartnershipId;
                await db.SaveChangesAsync();
                return draft.Id;
            });
            return draftEditionId.Value;
        }
        finally
        {
            sharedUsersGate.Release();
        }
    }

    public Task<string> CreateTokenAsync(string email) =>
        WithScopeAsync(async sp => (await sp.GetRequiredService<AccountService>().CreateTokenAsync(email, "test", null)).Value!.Token);

    /// <summary>An HTTP client for the API, signed in with a fresh bearer token for the user when one is given.</summary>
    public async Task<HttpClient> ApiClientAsync(string? email = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ServerAddress });
        if (email is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await CreateTokenAsync(email));
        }

        return client;
    }
}

public sealed class SqliteFactory() : SaferPlanFactory(TestDatabase.Sqlite);

public sealed class PostgresFactory() : SaferPlanFactory(TestDatabase.Postgres);
