using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using SaferPlan.TestCommon;
using Xunit.Sdk;

[assembly: SaferPlan.BrowserTests.BrowserTestScope]

namespace SaferPlan.BrowserTests;

/// <summary>
/// One test class's SaferPlan (on Kestrel over a fresh SQLite database with the demo loaded) and the test run's headless
/// Chromium (Debian's /usr/bin/chromium, never a downloaded browser), in which every test has contexts of its own.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// How long an action, a navigation or an expectation waits for its condition before it fails. Each returns as soon as
    /// its condition holds, so this costs time only when a test fails; it is long because the whole test solution runs on two
    /// busy cores (Web.Tests beside these, two browser classes at a time), where a page, an upload or Chromium itself can take
    /// many seconds. Playwright's own defaults (5 s for an expectation) failed a loaded CI run now and then.
    /// </summary>
    public const float Timeout = 60_000;

    /// <summary>Playwright's default page size, set on every context so a page a test resized can be put back.</summary>
    private const int ViewportWidth = 1280;
    private const int ViewportHeight = 720;

    static BrowserFixture() => Assertions.SetDefaultExpectTimeout(Timeout);

    private readonly List<IBrowserContext> contexts = [];
    private readonly Dictionary<bool, Stack<IPage>> idle = new() { [true] = new(), [false] = new() };
    private readonly SemaphoreSlim sharedGate = new(1, 1);
    private readonly Dictionary<PartnershipRole, IBrowserContext> shared = [];
    private readonly Dictionary<PartnershipRole, Stack<IPage>> sharedIdle = [];
    private IBrowser? browser;

    public BrowserApp App { get; } = new() { DemoCrime = true };

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        browser = await SharedChromium.GetAsync();
    }

    public async Task DisposeAsync()
    {
        // The browser outlives this class: close what this class opened in it.
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }

        await App.DisposeAsync();
    }

    /// <summary>
    /// A page in a browser context of its own for this test (its own cookies), at the app's address, as a visitor. The page
    /// and its context may be ones an earlier test of this class used, with the cookies cleared, the page's other tabs closed
    /// and the page itself back on a blank document: Chromium making a new context, or a new page (a renderer process of its
    /// own), was most of the CPU of a test that looks at a page, and a page kept keeps its renderer process.
    /// </summary>
    public async Task<IPage> NewPageAsync(bool javaScriptEnabled = true)
    {
        IPage? page;
        lock (idle)
        {
            idle[javaScriptEnabled].TryPop(out page);
        }

        if (page is null)
        {
            page = await NewPageAsync(await NewContextAsync(javaScriptEnabled));
        }
        else
        {
            // What the earlier test left: other tabs, its cookies (a sign-in, the antiforgery cookie) and its document.
            foreach (var other in page.Context.Pages.Where(p => p != page).ToList())
            {
                await other.CloseAsync();
            }

            page = await ResetAsync(page);
            await page.Context.ClearCookiesAsync();
        }

        // Back to this class's idle pages when the test ends (BrowserTestScope), never to another test while this one runs.
        var leased = page;
        BrowserTestScope.Add(() =>
        {
            lock (idle)
            {
                idle[javaScriptEnabled].Push(leased);
            }
        });
        return page;
    }

    private async Task<IBrowserContext> NewContextAsync(bool javaScriptEnabled)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.ServerAddress.ToString(),
            JavaScriptEnabled = javaScriptEnabled,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = ViewportWidth, Height = ViewportHeight },
        });
        lock (contexts)
        {
            contexts.Add(context);
        }

        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(Timeout);
        return context;
    }

    /// <summary>
    /// An earlier test's page as a new one would be: on a blank document (so no navigation of this test can land on the last
    /// one's content), the default size, nothing in its session storage and no Content-Security-Policy refusal noted. A page
    /// the earlier test closed is replaced by a new one in the same context.
    /// </summary>
    private static async Task<IPage> ResetAsync(IPage page)
    {
        if (page.IsClosed)
        {
            return await NewPageAsync(page.Context);
        }

        if (page.Url.StartsWith("http", StringComparison.Ordinal))
        {
            try
            {
                await page.EvaluateAsync("() => sessionStorage.clear()");
            }
            catch (PlaywrightException)
            {
                // A page without script (a context with JavaScript off, a document whose policy allows none) stored nothing.
            }
        }

        await page.GotoAsync("about:blank");
        if (page.ViewportSize is not { Width: ViewportWidth, Height: ViewportHeight })
        {
            await page.SetViewportSizeAsync(ViewportWidth, ViewportHeight);
        }

        ContentSecurityPolicy.Forget(page);
        return page;
    }

    private static async Task<IPage> NewPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        ContentSecurityPolicy.Watch(page);
        return page;
    }

    /// <summary>A new user with the role, signed in through the sign-in form in a fresh context.</summary>
    public async Task<(IPage Page, string Email)> SignedInPageAsync(PartnershipRole role, string? personKey = null, bool javaScriptEnabled = true)
    {
        var email = await App.AddUserAsync(role, personKey);
        var page = await NewPageAsync(javaScriptEnabled);
        await SignInAsync(page, email);
        return (page, email);
    }

    /// <summary>
    /// One user with the role for the whole class, signed in through the form once, in one browser context: each call gets a
    /// page in it (the same cookies), one no other test is using. For tests that only look at pages or edit plan items, never
    /// their account.
    /// </summary>
    public async Task<IPage> SharedSignedInPageAsync(PartnershipRole role)
    {
        IPage page;
        await sharedGate.WaitAsync();
        try
        {
            if (!shared.TryGetValue(role, out var context))
            {
                var email = await App.AddUserAsync(role);
                context = await NewContextAsync(javaScriptEnabled: true);
                page = await NewPageAsync(context);
                await SignInAsync(page, email);
                shared[role] = context;
                lock (sharedIdle)
                {
                    sharedIdle[role] = new();
                }
            }
            else
            {
                IPage? kept;
                lock (sharedIdle)
                {
                    sharedIdle[role].TryPop(out kept);
                }

                page = kept is null ? await NewPageAsync(context) : await ResetAsync(kept);
            }
        }
        finally
        {
            sharedGate.Release();
        }

        BrowserTestScope.Add(() =>
        {
            lock (sharedIdle)
            {
                sharedIdle[role].Push(page);
            }
        });
        return page;
    }

    public static async Task SignInAsync(IPage page, string email)
    {
        var response = await page.GotoAsync("/account/sign-in");
        Assert.True(response?.Status == 200, $"The sign-in page answered {response?.Status}, not 200");
        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(SaferPlanFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        // The header names the user by the name they go by, never their e-mail address.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Your account", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>The ids of the demo partnership's plan items, read from the public API.</summary>
    public async Task<DemoEdition> EditionAsync(string year)
    {
        using var client = await App.ApiClientAsync();
        var plans = await client.GetFromJsonAsync<List<PlanJson>>("/api/partnerships/south-cambridgeshire/plans");
        var id = plans!.SelectMany(p => p.Editions).Single(e => e.Year == year).Id;
        return new DemoEdition(id, (await client.GetFromJsonAsync<EditionJson>($"/api/editions/{id}"))!);
    }
}

/// <summary>
/// Marks where each browser test begins and ends (on every test of this assembly): what a test leased for itself, such as a
/// browser context, is handed back when it ends, so the next test of its class can use it without sharing it with this one.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class BrowserTestScope : BeforeAfterTestAttribute
{
    private static readonly AsyncLocal<List<Action>?> Releases = new();

    /// <summary>Runs <paramref name="release"/> when the current test ends; outside a test, never.</summary>
    public static void Add(Action release)
    {
        if (Releases.Value is { } releases)
        {
            lock (releases)
            {
                releases.Add(release);
            }
        }
    }

    public override void Before(System.Reflection.MethodInfo methodUnderTest) => Releases.Value = [];

    public override void After(System.Reflection.MethodInfo methodUnderTest)
    {
        var releases = Releases.Value ?? [];
        Releases.Value = null;
        foreach (var release in releases)
        {
            release();
        }
    }
}

/// <summary>
/// The app a browser test class drives: SaferPlan on Kestrel over SQLite, as <see cref="SqliteFactory"/>, on a clock that
/// reads noon of the machine's day when the class starts, so a test that puts "today" into a form (or expects it shown)
/// and the app agree on the date even when the run crosses midnight.
/// </summary>
public sealed class BrowserApp() : SaferPlanFactory(TestDatabase.Sqlite)
{
    public ShiftedClock Clock { get; } = ShiftedClock.MiddayToday();

    /// <summary>The app's today, for the dates a test enters or expects.</summary>
    public DateOnly Today => Clock.Today;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, AxeScript>();
        });
    }
}

/// <summary>
/// Serves axe-core to the pages under test at <see cref="Path"/>, a script of the site's own origin (which its
/// Content-Security-Policy allows), cached by the browser: each browser context fetches and compiles it once, and each
/// page after that runs it from Chromium's caches. Handed to every page through the debugging protocol instead, its
/// half a megabyte was sent and compiled again for each scan, as much CPU as the scan itself. Test set-up only: nothing
/// else of the app is changed, and it is the first thing in the pipeline so no page of the app is affected.
/// </summary>
public sealed class AxeScript : IStartupFilter
{
    public const string Path = "/_browser-tests/axe.min.js";

    private static readonly Lazy<byte[]> Content = new(() =>
    {
        var file = System.IO.Path.Combine(AppContext.BaseDirectory, "axe.min.js");
        Assert.True(File.Exists(file), $"{file} is missing: the build copies it from node_modules/axe-core after npm ci.");
        return File.ReadAllBytes(file);
    });

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(Path, script => script.Run(async context =>
        {
            context.Response.ContentType = "text/javascript";
            context.Response.Headers.CacheControl = "public, max-age=86400, immutable";
            await context.Response.Body.WriteAsync(Content.Value);
        }));
        next(app);
    };

    private static readonly Lazy<string> Source = new(() => System.Text.Encoding.UTF8.GetString(Content.Value));

    /// <summary>The script as text, for a page that runs no script element (JavaScript off, a self-contained document).</summary>
    public static string Text => Source.Value;
}

/// <summary>
/// One Chromium for the whole test assembly: started by the first class that needs it, closed when the test process ends.
/// Each test opens its own browser context (its own cookies and storage), so sharing the browser shares no state.
/// </summary>
public static class SharedChromium
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? playwright;
    private static IBrowser? browser;

    public static async Task<IBrowser> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (browser is { IsConnected: true })
            {
                return browser;
            }

            Assert.True(File.Exists(BrowserFixture.ChromiumPath), $"{BrowserFixture.ChromiumPath} is missing: install Debian's chromium package (./test.sh does).");
            playwright ??= await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = BrowserFixture.ChromiumPath,
                Headless = true,
                Timeout = BrowserFixture.Timeout,
                // No spare renderer: Chromium starts a renderer process ahead of the next page, for the profile it last used; with a
                // browser context (a profile) for each test's user, most spares were started for a context no page came to, and
                // thrown away (63 renderer processes for 25 tests with them, 14 without).
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-features=SpareRendererForSitePerProcess"],
            });
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Close();
            return browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static void Close()
    {
        try
        {
            browser?.CloseAsync().Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // The browser has gone already; the driver ends with this process.
        }

        playwright?.Dispose();
    }
}

/// <summary>
/// What Chromium refused under the site's Content-Security-Policy on a page (it says so on the console), so every
/// page that is scanned with axe-core is also shown to work under the policy.
/// </summary>
public static class ContentSecurityPolicy
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> Refusals = [];

    public static void Watch(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var refused = Refusals.GetOrCreateValue(page);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (refused)
                {
                    refused.Add($"{message.Type}: {message.Text}");
                }
            }
        };
    }

    /// <summary>Forgets the refusals noted on a page kept for another test, which starts with none.</summary>
    public static void Forget(IPage page)
    {
        if (Refusals.TryGetValue(page, out var refused))
        {
            lock (refused)
            {
                refused.Clear();
            }
        }
    }

    public static void AssertNoViolations(IPage page)
    {
        if (Refusals.TryGetValue(page, out var refused))
        {
            lock (refused)
            {
                Assert.True(refused.Count == 0, $"Content-Security-Policy violations on {page.Url}:\n{string.Join("\n", refused)}");
            }
        }
    }
}

/// <summary>One edition of the demo plan as the API shows it, for finding the ids of its priorities, actions and milestones.</summary>
public sealed record DemoEdition(int Id, EditionJson Edition)
{
    private IEnumerable<ActionJson> Actions => Edition.Priorities.SelectMany(p => p.Actions);

    public int PriorityId(int number) => Edition.Priorities.Single(p => p.Number == number && p.Kind == "Priority").Id;

    public int ActionId(string number) => Actions.Single(a => a.Number == number).Id;

    public int MilestoneId(string code) => Milestone(code).Id;

    public string MilestoneText(string code) => Milestone(code).Text;

    private MilestoneJson Milestone(string code) => Actions.SelectMany(a => a.Milestones).Single(m => m.Code == code);
}
