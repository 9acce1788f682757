using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Editing;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Security;

/// <summary>
/// Sessions, tokens, users and the headers every answer carries: what a security probe found missing (issue 9, item 9).
/// </summary>
public abstract class SecurityTests(SaferPlanFactory app)
{
    private const string Slug = "south-cambridgeshire";

    [Fact]
    public async Task SignOut_ThenTheOldCookieReplayed_GetsTheSignInRedirect()
    {
        var email = await app.AddUserAsync(PartnershipRole.SupportOfficer);
        using var browser = new PageSession(app.ServerAddress);
        await browser.SignInOrFailAsync(email);
        var cookie = browser.Cookie("saferplan");
        Assert.NotNull(cookie);
        using (var before = await Replay(cookie, "/my-updates"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (var signOut = await browser.PostFormAsync("/account/sign-out", "/account/sign-out", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        }

        using var after = await Replay(cookie, "/my-updates");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/account/sign-in", new Uri(app.ServerAddress, after.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task SignIn_UnknownAccount_SameMessageAndAsSlowAsAWrongPassword()
    {
        var email = await app.AddUserAsync(PartnershipRole.BoardMember);
        using var browser = new PageSession(app.ServerAddress);
        using (var warmUp = await browser.SignInAsync($"nobody-{Guid.NewGuid():N}@example.org", "not the password at all"))
        {
            Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        }

        // Interleaved, so a busy moment on the machine slows both kinds alike; four wrong passwords stay under the lockout.
        var wrong = new List<double>();
        var unknown = new List<double>();
        string? wrongPage = null, unknownPage = null;
        for (var i = 0; i < 4; i++)
        {
            (var ms, wrongPage) = await TimedSignInAsync(browser, email);
            wrong.Add(ms);
            (ms, unknownPage) = await TimedSignInAsync(browser, $"nobody-{Guid.NewGuid():N}@example.org");
            unknown.Add(ms);
        }

        Assert.Contains("Enter a correct email address and password", wrongPage, StringComparison.Ordinal);
        Assert.Equal(ErrorSummary(wrongPage!), ErrorSummary(unknownPage!));
        Assert.True(Median(unknown) >= 0.5 * Median(wrong),
            $"No account answered in {Median(unknown):F1} ms, a wrong password in {Median(wrong):F1} ms (medians): the difference tells which accounts exist.");
    }

    [Fact]
    public async Task SignIn_LockedAccount_GivesTheSameMessageAsAnUnknownOne()
    {
        var email = await app.AddUserAsync(PartnershipRole.BoardMember);
        using var browser = new PageSession(app.ServerAddress);
        for (var i = 0; i < 5; i++)
        {
            using var attempt = await browser.SignInAsync(email, "not the password at all");
        }

        using var locked = await browser.SignInAsync(email, SaferPlanFactory.Password);
        using var unknown = await browser.SignInAsync($"nobody-{Guid.NewGuid():N}@example.org", SaferPlanFactory.Password);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        var lockedSummary = ErrorSummary(await locked.Content.ReadAsStringAsync());
        Assert.Contains("Enter a correct email address and password", lockedSummary, StringComparison.Ordinal);
        Assert.Equal(ErrorSummary(await unknown.Content.ReadAsStringAsync()), lockedSummary);
    }

    [Theory]
    [InlineData("/café")]
    [InlineData("/\u0645\u0631\u062D\u0628\u0627")]
    [InlineData("//evil.example.org/")]
    [InlineData("https://evil.example.org/")]
    public async Task SignIn_ReturnUrlNotAPlainLocalPath_RedirectsHome(string returnUrl)
    {
        var email = await app.AddUserAsync(PartnershipRole.BoardMember);
        using var browser = new PageSession(app.ServerAddress);

        using var signIn = await browser.PostFormAsync("/account/sign-in", "/account/sign-in",
            new() { ["Email"] = email, ["Password"] = SaferPlanFactory.Password, ["ReturnUrl"] = returnUrl });

        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"{(int)signIn.StatusCode}: {await signIn.Content.ReadAsStringAsync()}");
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Tokens_CreatedWithoutDays_ExpireIn90DaysAndAreListedWithoutTheirHash()
    {
        var email = await app.AddUserAsync(PartnershipRole.BoardMember);

        var listed = await app.WithScopeAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<AccountService>();
            await accounts.CreateTokenAsync(email, "default-expiry", null);
            return await accounts.ListTokensAsync(email);
        });

        Assert.True(listed.Succeeded, listed.Message);
        var token = Assert.Single(listed.Value);
        Assert.Equal("default-expiry", token.Name);
        Assert.Equal(email, token.Email);
        Assert.Equal(TimeSpan.FromDays(AccountService.DefaultTokenDays), token.ExpiresAt - token.CreatedAt);
        Assert.Null(token.RevokedAt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3651)]
    [InlineData(int.MaxValue)]
    public async Task Tokens_DaysOutOfRange_RefusedWithAClearMessage(int days)
    {
        var email = await app.AddUserAsync(PartnershipRole.BoardMember);

        var created = await app.WithScopeAsync(sp => sp.GetRequiredService<AccountService>().CreateTokenAsync(email, "bad-days", days));

        Assert.Equal(EditStatus.Invalid, created.Status);
        Assert.Equal("Enter --days as a whole number of days from 1 to 3650.", created.Message);
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().ApiTokens.CountAsync(t => t.Name == "bad-days" && t.User.Email == email)));
    }

    [Fact]
    public async Task Tokens_Revoked_AreRefusedByTheApiAndAudited()
    {
        var email = await app.AddUserAsync(PartnershipRole.SupportOfficer);
        using var client = await app.ApiClientAsync(email);
        using (var before = await client.GetAsync($"/api/partnerships/{Slug}/periods/2010-11-q4/update-links"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var (revoked, id) = await app.WithScopeAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<AccountService>();
            var tokens = await accounts.ListTokensAsync(email);
            return (await accounts.RevokeTokenAsync(null, "test", email), Assert.Single(tokens.Value!).Id);
        });

        Assert.True(revoked.Succeeded, revoked.Message);
        Assert.Equal($"Revoked token {id} 'test' for {email}.", revoked.Value);
        using var after = await client.GetAsync($"/api/partnerships/{Slug}/periods/2010-11-q4/update-links");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        var audited = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().AuditEntries
            .CountAsync(a => a.EntityType == nameof(ApiToken) && a.EntityId == id && a.Changes.Contains("RevokedAt")));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task RemoveUser_TheirSessionAndTokenStopWorkingAndRolesAreAudited()
    {
        var email = await app.AddUserAsync(PartnershipRole.SupportOfficer);
        using var api = await app.ApiClientAsync(email);
        using var browser = new PageSession(app.ServerAddress);
        await browser.SignInOrFailAsync(email);
        var membershipId = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Memberships
            .Where(m => m.User.Email == email).Select(m => m.Id).SingleAsync());

        var removed = await app.WithScopeAsync(sp => sp.GetRequiredService<AccountService>().RemoveUserAsync(email));

        Assert.True(removed.Succeeded, removed.Message);
        using var page = await browser.Client.GetAsync("/my-updates");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        using var call = await api.GetAsync($"/api/partnerships/{Slug}/periods/2010-11-q4/update-links");
        Assert.Equal(HttpStatusCode.Unauthorized, call.StatusCode);
        using var again = new PageSession(app.ServerAddress);
        using var signIn = await again.SignInAsync(email, SaferPlanFactory.Password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var deleted = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().AuditEntries
            .CountAsync(a => a.EntityType == nameof(Membership) && a.EntityId == membershipId && a.Action == Core.Auditing.AuditAction.Deleted));
        Assert.Equal(1, deleted);
    }

    [Fact]
    public async Task RemoveRole_LastAdministrator_RefusedWithAClearLine_AnotherAdministratorCanGo()
    {
        var slug = await NewPartnershipAsync();
        var first = await app.AddUserAsync(PartnershipRole.Administrator, partnership: slug);
        var second = await app.AddUserAsync(PartnershipRole.Administrator, partnership: slug);

        var firstGone = await app.WithScopeAsync(sp => sp.GetRequiredService<AccountService>().RemoveRoleAsync(first, PartnershipRole.Administrator, slug));
        var lastGone = await app.WithScopeAsync(sp => sp.GetRequiredService<AccountService>().RemoveRoleAsync(second, PartnershipRole.Administrator, slug));
        var userGone = await app.WithScopeAsync(sp => sp.GetRequiredService<AccountService>().RemoveUserAsync(second));

        Assert.True(firstGone.Succeeded, firstGone.Message);
        Assert.Equal(EditStatus.Conflict, lastGone.Status);
        Assert.Contains("is the last Administrator of", lastGone.Message, StringComparison.Ordinal);
        Assert.Equal(EditStatus.Conflict, userGone.Status);
        Assert.Contains("is the last Administrator of", userGone.Message, StringComparison.Ordinal);
        var admins = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Memberships
            .CountAsync(m => m.Partnership.Slug == slug && m.Role == PartnershipRole.Administrator));
        Assert.Equal(1, admins);
    }

    [Fact]
    public async Task Reminders_WithoutPublicUrl_AreRefusedRatherThanLinkedToTheRequestsHost()
    {
        var email = await app.AddUserAsync(PartnershipRole.SupportOfficer);
        using var client = await app.ApiClientAsync(email);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/partnerships/{Slug}/periods/2010-11-q4/reminders");
        request.Headers.Host = "evil.example.org";

        using var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("SaferPlan:PublicUrl", body, StringComparison.Ordinal);
        var links = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<Core.Monitoring.OutboxMessage>().CountAsync(m => m.TextBody.Contains("evil.example.org")));
        Assert.Equal(0, links);
    }

    [Fact]
    public async Task Reminders_FromTheCompletenessPageWithoutPublicUrl_ShowAnErrorSummary()
    {
        var email = await app.AddUserAsync(PartnershipRole.SupportOfficer);
        using var browser = new PageSession(app.ServerAddress);
        await browser.SignInOrFailAsync(email);
        var page = $"/partnerships/{Slug}/periods/2010-11-q4/completeness";

        using var response = await browser.PostFormAsync(page, page + "?handler=Remind", []);

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html}");
        Assert.Contains("SaferPlan:PublicUrl", ErrorSummary(html), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/sign-in")]
    [InlineData("/partnerships/south-cambridgeshire")]
    [InlineData("/no-such-page")]
    public async Task Pages_CarryAContentSecurityPolicy_AndHaveNoInlineScript(string path)
    {
        using var client = await app.ApiClientAsync();

        using var response = await client.GetAsync(path);

        var csp = string.Join(";", response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values : []);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        var page = TestHtml.Parse(html);
        Assert.Empty(page.QuerySelectorAll("script").Where(s => !s.HasAttribute("src")).Select(s => s.OuterHtml));
        Assert.Empty(page.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).Select(a => a.Name));
        Assert.Empty(page.All.Where(e => e.HasAttribute("style")).Select(e => e.OuterHtml));
    }

    [Fact]
    public async Task BehindATlsProxy_AnswersCarryHstsAndSecureCookies_PlainHttpDoesNot()
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.ServerAddress };
        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
        proxied.Headers.Host = "saferplan.example.org";
        proxied.Headers.Add("X-Forwarded-Proto", "https");
        proxied.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var direct = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
        direct.Headers.Host = "saferplan.example.org";

        using var overTls = await client.SendAsync(proxied);
        using var overHttp = await client.SendAsync(direct);

        Assert.True(overTls.Headers.TryGetValues("Strict-Transport-Security", out var hsts), "No HSTS header behind a TLS proxy");
        Assert.Contains("max-age=", Assert.Single(hsts), StringComparison.Ordinal);
        Assert.All(overTls.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));
        Assert.All(overHttp.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));

        // Signing in through the proxy: the browser holds the Secure antiforgery cookie (it speaks HTTPS to the proxy).
        var email = await app.AddUserAsync(PartnershipRole.BoardMember);
        var antiforgery = overTls.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        var token = TestHtml.AntiforgeryToken(await overTls.Content.ReadAsStringAsync(), "The sign-in page behind a TLS proxy");
        using var signInRequest = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email,
                ["Password"] = SaferPlanFactory.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        signInRequest.Headers.Host = "saferplan.example.org";
        signInRequest.Headers.Add("X-Forwarded-Proto", "https");
        signInRequest.Headers.Add("Cookie", antiforgery);
        using var cookieless = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.ServerAddress };
        using var signIn = await cookieless.SendAsync(signInRequest);
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"{(int)signIn.StatusCode}: {await signIn.Content.ReadAsStringAsync()}");
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("saferplan=", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<HttpResponseMessage> Replay(string cookie, string path)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.ServerAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"saferplan={cookie}");
        return await client.SendAsync(request);
    }

    private static async Task<(double Ms, string Page)> TimedSignInAsync(PageSession browser, string email)
    {
        var clock = Stopwatch.StartNew();
        using var response = await browser.SignInAsync(email, "not the password at all");
        var ms = clock.Elapsed.TotalMilliseconds;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (ms, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AddedUser_PasswordIsHashedWithPbkdf2Sha512_AtTheProductionWorkFactor()
    {
        var email = await app.AddUserAsync(PartnershipRole.BoardMember);
        var hash = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Users
            .Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync());

        // ASP.NET Core Identity's version 3 format: a marker byte, then the PRF, the rounds and the salt's length, big-endian.
        var bytes = Convert.FromBase64String(hash!);
        Assert.Equal(0x01, bytes[0]);
        Assert.Equal(2, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1))); // HMAC-SHA512
        Assert.Equal(100_000, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(5)));
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>The page's error summary alone (its markup), without the form's own values (which hold the email address typed).</summary>
    private static string ErrorSummary(string html) => TestHtml.ErrorSummary(TestHtml.Parse(html)).OuterHtml;

    private async Task<string> NewPartnershipAsync() => (await TestData.Partnership().SaveAsync(app)).Slug;
}

/// <summary>Provider-neutral (sessions, tokens, headers and sign-in rules; accounts and tokens are stored on PostgreSQL by every API test there and PeopleAndAccountsTests), so run on SQLite only.</summary>
public sealed class SecurityTestsOnSqlite(SecurityTestsOnSqlite.ProductionHashingFactory app) : SecurityTests(app), IClassFixture<SecurityTestsOnSqlite.ProductionHashingFactory>
{
    /// <summary>The app as in production down to the password work factor: these tests time sign-ins and check the factor.</summary>
    public sealed class ProductionHashingFactory : SaferPlanFactory
    {
        public ProductionHashingFactory()
            : base(TestDatabase.Sqlite) => ProductionPasswordHashing = true;
    }
}
