using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using SaferPlan.Core.Accounts;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Security;

/// <summary>The app with the per-address limits low enough to reach in a test (the other hosts raise them out of the way).</summary>
public sealed class RateLimitedFactory() : SaferPlanFactory(TestDatabase.Sqlite)
{
    public const int SignInPerMinute = 3;

    public const int DocumentsPerMinute = 2;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("SaferPlan:RateLimits:SignInPerMinute", SignInPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("SaferPlan:RateLimits:DocumentsPerMinute", DocumentsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// Password guessing and anonymous document downloads are limited per client address. Each test speaks for an address
/// of its own through X-Forwarded-For (believed from loopback, as from a proxy on the same machine).
/// </summary>
public sealed class RateLimitTests(RateLimitedFactory app) : IClassFixture<RateLimitedFactory>
{
    private const string Report = "/api/partnerships/south-cambridgeshire/reports/performance/2010-11-q4.html";

    [Fact]
    public async Task SignIn_MoreAttemptsThanTheLimitFromOneAddress_Gets429WithTheErrorPage_OtherAddressesDoNot()
    {
        var email = await app.AddUserAsync(PartnershipRole.BoardMember);
        using var guesser = new PageSession(app.ServerAddress);
        guesser.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.21");
        for (var i = 0; i < RateLimitedFactory.SignInPerMinute; i++)
        {
            using var attempt = await guesser.SignInAsync(email, $"guess number {i} of many");
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        using var refused = await guesser.SignInAsync(email, SaferPlanFactory.Password);
        using var form = await guesser.Client.GetAsync("/account/sign-in");
        using var someoneElse = new PageSession(app.ServerAddress);
        someoneElse.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.22");
        using var other = await someoneElse.SignInAsync(email, SaferPlanFactory.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Too many attempts", page, StringComparison.Ordinal);
        Assert.Contains("govuk-template", page, StringComparison.Ordinal);
        Assert.Null(guesser.Cookie("saferplan"));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task AnonymousDocuments_MoreThanTheLimitFromOneAddress_Get429ProblemDetails_TokensAreNotLimited()
    {
        using var visitor = await app.ApiClientAsync();
        visitor.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        for (var i = 0; i < RateLimitedFactory.DocumentsPerMinute; i++)
        {
            using var allowed = await visitor.GetAsync(Report);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await visitor.GetAsync(Report);
        using var docx = await visitor.GetAsync("/partnerships/south-cambridgeshire/reports/performance/2010-11-q4.docx");
        using var assessment = await visitor.GetAsync("/api/partnerships/south-cambridgeshire/assessment.docx");
        using var page = await visitor.GetAsync("/partnerships/south-cambridgeshire");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, docx.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, assessment.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        using var member = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember));
        member.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        for (var i = 0; i < RateLimitedFactory.DocumentsPerMinute + 2; i++)
        {
            using var signedIn = await member.GetAsync(Report);
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        }
    }

    [Fact]
    public async Task Documents_SignedInWithTheSiteCookie_AreNotLimited()
    {
        var email = await app.AddUserAsync(PartnershipRole.BoardMember);
        using var member = new PageSession(app.ServerAddress);
        member.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.8");
        await member.SignInOrFailAsync(email);

        for (var i = 0; i < RateLimitedFactory.DocumentsPerMinute + 2; i++)
        {
            using var report = await member.Client.GetAsync("/partnerships/south-cambridgeshire/reports/performance/2010-11-q4.docx");
            Assert.Equal(HttpStatusCode.OK, report.StatusCode);
            Assert.Equal(new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document").MediaType, report.Content.Headers.ContentType?.MediaType);
        }
    }
}
