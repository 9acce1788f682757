using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SaferPlan.Core.Accounts;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests;

/// <summary>
/// Posting the app's own forms as a browser would, with the antiforgery token of the page the form is on: the one way the
/// web tests post a form, whether through a client that follows redirects (<see cref="SignedInAsync"/>) or a
/// <see cref="PageSession"/> that shows each answer as it came.
/// </summary>
internal static class Forms
{
    /// <summary>The id GOV.UK gives a field's element: its name with dots and brackets as dashes.</summary>
    public static string FieldId(string field) => field.Replace('.', '-').Replace('[', '-').Replace(']', '-');

    /// <summary>Posts the form: it is shown again with the error on <paramref name="errorField"/> and its summary link.</summary>
    public static async Task AssertFieldErrorAsync(HttpClient client, string path, Dictionary<string, string> fields, string errorField, string message)
    {
        var form = await PageAsync(client, path);
        using var refused = await PostAsync(client, path, form, fields);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.OK, $"POST {path}: {(int)refused.StatusCode}");
        var id = FieldId(errorField);
        Assert.Contains($"<a href=\"#{id}\">{WebUtility.HtmlEncode(message).Replace("&#39;", "&#x27;", StringComparison.Ordinal)}</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<p id=\"{id}-error\" class=\"govuk-error-message\">", html, StringComparison.Ordinal);
    }

    /// <summary>Posts the form: it is saved (no error summary) and the client, following the redirect, ends on another page.</summary>
    public static async Task AssertSavedAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var form = await PageAsync(client, path);
        using var saved = await PostAsync(client, path, form, fields);
        var html = await saved.Content.ReadAsStringAsync();
        var summary = html.IndexOf("govuk-error-summary", StringComparison.Ordinal);
        Assert.True(saved.StatusCode == HttpStatusCode.OK && summary < 0 && saved.RequestMessage!.RequestUri!.AbsolutePath != path,
            $"POST {path}: {(int)saved.StatusCode} {(summary < 0 ? "" : html[summary..html.IndexOf("</ul>", summary, StringComparison.Ordinal)])}");
    }

    /// <summary>
    /// A new user of the role in the partnership (the demo's unless another is given), signed in with a cookie; with a person
    /// key, the user is that person. The client keeps its cookies and follows redirects, as a browser does.
    /// </summary>
    public static async Task<HttpClient> SignedInAsync(SaferPlanFactory app, PartnershipRole role, string? personKey = null, string partnership = "south-cambridgeshire")
    {
        var email = await app.AddUserAsync(role, personKey, partnership);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = app.ServerAddress });
        var html = await PageAsync(client, "/account/sign-in");
        using var signIn = await PostAsync(client, "/account/sign-in", html, new() { ["Email"] = email, ["Password"] = SaferPlanFactory.Password });
        var answer = await signIn.Content.ReadAsStringAsync();
        Assert.True(signIn.StatusCode == HttpStatusCode.OK && !answer.Contains("govuk-error-summary", StringComparison.Ordinal), $"Sign-in failed: {(int)signIn.StatusCode}");
        return client;
    }

    public static async Task<string> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        return html;
    }

    /// <summary>Posts fields with the antiforgery token of the page the form is on.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string pageHtml, Dictionary<string, string> fields, string where = "The page") =>
        PostAsync(client, path, pageHtml, (IEnumerable<KeyValuePair<string, string>>)fields, where);

    /// <summary>Posts fields in which a name may come more than once, as a form's checkboxes send it.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string pageHtml, IEnumerable<KeyValuePair<string, string>> fields, string where = "The page")
    {
        using var form = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", TestHtml.AntiforgeryToken(pageHtml, where))));
        return await client.PostAsync(path, form);
    }
}

/// <summary>A browser's session with the pages, over a real socket: its own cookies, no redirects followed.</summary>
public sealed class PageSession : IDisposable
{
    private readonly HttpClientHandler handler;

    public PageSession(Uri server)
    {
        handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        Client = new HttpClient(handler) { BaseAddress = server };
    }

    public HttpClient Client { get; }

    public string? Cookie(string name) => handler.CookieContainer.GetCookies(Client.BaseAddress!)[name]?.Value;

    /// <summary>The session's cookies as a Cookie header, for a request written by hand.</summary>
    public string CookieHeader => handler.CookieContainer.GetCookieHeader(Client.BaseAddress!);

    /// <summary>A new user of the role in the partnership (the demo's unless another is given) signed in through the form; with a person key, that person.</summary>
    public static async Task<PageSession> SignedInAsync(SaferPlanFactory app, PartnershipRole role, string? personKey = null, string partnership = "south-cambridgeshire")
    {
        var session = new PageSession(app.ServerAddress);
        await session.SignInOrFailAsync(await app.AddUserAsync(role, personKey, partnership));
        return session;
    }

    /// <summary>A page as the browser gets it: its status and its HTML.</summary>
    public async Task<(HttpStatusCode Status, string Html)> PageAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A page refused to a signed-in user: the redirect to the access-denied page, and that page's words (HTML-decoded).</summary>
    public async Task<string> AccessDeniedAsync(HttpResponseMessage refused, string what)
    {
        ArgumentNullException.ThrowIfNull(refused);
        Assert.True(refused.StatusCode == HttpStatusCode.Redirect, $"{what} answered {(int)refused.StatusCode}");
        Assert.Contains("access-denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var denied = await Client.GetAsync(refused.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        return WebUtility.HtmlDecode(await denied.Content.ReadAsStringAsync());
    }

    /// <summary>The page at <paramref name="path"/>, refused to this signed-in user: the access-denied page's words.</summary>
    public async Task<string> AccessDeniedAsync(string path)
    {
        using var refused = await Client.GetAsync(path);
        return await AccessDeniedAsync(refused, $"GET {path}");
    }

    /// <summary>
    /// Posts the form at <paramref name="path"/> (read first, unless its page is given) with the page's antiforgery token, and
    /// the version the page holds when the fields leave it out, as a browser without JavaScript does.
    /// </summary>
    public async Task<FormAnswer> SubmitAsync(string path, Dictionary<string, string> fields, string? pageHtml = null)
    {
        if (pageHtml is null)
        {
            var (status, html) = await PageAsync(path);
            Assert.True(status == HttpStatusCode.OK, $"GET {path}: {(int)status}");
            pageHtml = html;
        }

        if (!fields.ContainsKey("Input.Version") && TestHtml.Value(TestHtml.Parse(pageHtml), "Input.Version") is { Length: > 0 } version && version.All(char.IsAsciiDigit))
        {
            fields["Input.Version"] = version;
        }

        using var response = await Forms.PostAsync(Client, path, pageHtml, fields, path);
        return new FormAnswer(response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts a form to <paramref name="action"/> as the page at <paramref name="formPage"/> would, with its antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        using var page = await Client.GetAsync(formPage);
        return await Forms.PostAsync(Client, action, await page.Content.ReadAsStringAsync(), fields, $"GET {formPage} ({(int)page.StatusCode})");
    }

    public Task<HttpResponseMessage> SignInAsync(string email, string password, string action = "/account/sign-in") =>
        PostFormAsync("/account/sign-in", action, new() { ["Email"] = email, ["Password"] = password });

    public async Task SignInOrFailAsync(string email)
    {
        using var signIn = await SignInAsync(email, SaferPlanFactory.Password);
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"Sign-in answered {(int)signIn.StatusCode}: {await signIn.Content.ReadAsStringAsync()}");
    }

    public void Dispose()
    {
        Client.Dispose();
        handler.Dispose();
    }
}

/// <summary>What a form's post answered: its status, where a redirect sends the browser, and the page it showed.</summary>
public sealed record FormAnswer(HttpStatusCode Status, string? Location, string Html);

/// <summary>Where a redirect's Location sends the browser, relative or absolute.</summary>
internal static class UriPaths
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
