using System.Net;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Shared;

/// <summary>
/// The layout every page shares: its icon (a browser asks for /favicon.ico of any site whose page names none, and a 404
/// there is an error in the browser's console) and every stylesheet, script, icon and image a page links to is served.
/// </summary>
public abstract class LayoutTests(SaferPlanFactory app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/sign-in")]
    [InlineData("/partnerships/south-cambridgeshire")]
    [InlineData("/no-such-page")]
    public async Task Page_EveryFileItLinksTo_IsServed_IconsIncluded(string path)
    {
        using var client = await app.ApiClientAsync();
        using var response = await client.GetAsync(path);
        var page = TestHtml.Parse(await response.Content.ReadAsStringAsync());

        var icons = TestHtml.Hrefs(page, "link[rel=icon]");
        Assert.Equal(["/favicon.svg", "/favicon.ico"], icons);
        var files = icons
            .Concat(TestHtml.Hrefs(page, "link[rel=stylesheet]"))
            .Concat(page.QuerySelectorAll("script[src], img[src]").Select(e => e.GetAttribute("src")!))
            .Where(f => f.StartsWith('/') && !f.StartsWith("//", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count >= 4, $"{path} links to {string.Join(", ", files)}");
        foreach (var file in files)
        {
            using var answer = await client.GetAsync(file);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{path} links to {file}, which answers {(int)answer.StatusCode}");
        }
    }

    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task Icon_AskedForWithoutAPage_IsServed(string path, string type)
    {
        using var client = await app.ApiClientAsync();

        using var answer = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(type, answer.Content.Headers.ContentType?.MediaType);
        Assert.True((await answer.Content.ReadAsByteArrayAsync()).Length > 100);
    }
}

/// <summary>Provider-neutral (static files and the layout), so run on SQLite only; it only reads, so on the shared app.</summary>
public sealed class LayoutTestsOnSqlite(SharedSqliteApp shared) : LayoutTests(shared.App), IClassFixture<SharedSqliteApp>;
