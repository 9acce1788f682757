using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SaferPlan.Core.Accounts;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Accounts;

/// <summary>Signing in to the pages with a password: the antiforgery token and the cookie both need data protection keys.</summary>
public abstract class SignInTests(SaferPlanFactory app)
{
    [Fact]
    public async Task SignIn_WithPassword_SetsTheCookieThatShowsEditing()
    {
        var partnership = await TestData.Partnership().WithEdition().SaveAsync(app);
        var email = await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = app.ServerAddress });
        var editionId = partnership.EditionId;

        using var page = await client.GetAsync("/account/sign-in");
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET /account/sign-in: {(int)page.StatusCode}");
        var token = TestHtml.AntiforgeryToken(html, "The sign-in form");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = SaferPlanFactory.Password,
            ["__RequestVerificationToken"] = token,
        });
        using var signIn = await client.PostAsync($"/account/sign-in?ReturnUrl=/editions/{editionId}", form);

        // The test client follows the redirect (its cookie container keeps the sign-in cookie), so the answer is the edition page.
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal($"/editions/{editionId}", signIn.RequestMessage?.RequestUri?.AbsolutePath);
        var edition = await signIn.Content.ReadAsStringAsync();
        Assert.Contains("Add a priority", edition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_StaysOnTheFormWithAnError()
    {
        var email = await app.AddUserAsync(PartnershipRole.BoardMember, partnership: (await TestData.Partnership().SaveAsync(app)).Slug);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = app.ServerAddress });
        using var page = await client.GetAsync("/account/sign-in");
        var token = TestHtml.AntiforgeryToken(await page.Content.ReadAsStringAsync(), $"The sign-in form (status {(int)page.StatusCode})");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = "not the password at all",
            ["__RequestVerificationToken"] = token,
        });

        using var signIn = await client.PostAsync("/account/sign-in", form);

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("Enter a correct email address and password", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(signIn.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("saferplan=", StringComparison.Ordinal)));
    }
}

/// <summary>Provider-neutral (no query of its own to check), so run on SQLite only; each test has a partnership of its own, on the shared app.</summary>
public sealed class SignInTestsOnSqlite(SharedSqliteApp shared) : SignInTests(shared.App), IClassFixture<SharedSqliteApp>;
