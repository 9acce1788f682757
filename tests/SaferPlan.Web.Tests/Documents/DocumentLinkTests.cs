using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Meetings;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Documents;

/// <summary>
/// Pages link to documents at the site's own addresses, where the sign-in cookie is honoured: an <c>/api</c> address takes
/// bearer tokens only, so a signed-in member who followed one would be given the visitor's version and the visitors' rate
/// limit. Read from the served HTML of a signed-in member's pages: those that link to documents, and the pages a short crawl
/// from the partnership's page reaches. On SQLite only: which address a page writes is decided before anything is stored.
/// </summary>
public abstract class DocumentLinkTests(SaferPlanFactory app)
{
    private const string Slug = "south-cambridgeshire";

    /// <summary>How many pages the crawl reads at most, and how many links deep it goes from the partnership's page.</summary>
    private const int MaxPages = 250;

    private const int Depth = 2;

    [Fact]
    public async Task PagesThatLinkToDocuments_AsASignedInMember_LinkToTheSitesOwnAddresses()
    {
        using var member = await Forms.SignedInAsync(app, PartnershipRole.BoardMember);
        var (meeting, edition) = await RefreshReportMeetingAsync();
        string[] pages =
        [
            $"/partnerships/{Slug}", $"/partnerships/{Slug}/reports", $"/partnerships/{Slug}/assessment", $"/editions/{edition}",
            $"/editions/{edition}/comments", $"/meetings/{meeting}",
        ];

        var documents = new List<string>();
        foreach (var path in pages)
        {
            documents.AddRange(DocumentLinks(path, TestHtml.Parse(await Forms.PageAsync(member, path))));
        }

        AssertNoneOnTheApi(documents);
        foreach (var expected in new[] { "/reports/performance/", "/reports/monitoring/", "/reports/update/", "/assessment.docx", "/document.", "/refresh-report." })
        {
            Assert.True(documents.Exists(d => d.Contains(expected, StringComparison.Ordinal)), $"No page links to a document at …{expected}:\n{string.Join("\n", documents)}");
        }
    }

    [Fact]
    public async Task CrawlFromThePartnershipsPage_AsASignedInMember_FindsNoDocumentLinkOnTheApi()
    {
        using var member = await Forms.SignedInAsync(app, PartnershipRole.BoardMember);
        var seen = new HashSet<string>(StringComparer.Ordinal) { $"/partnerships/{Slug}" };
        var next = new List<string>(seen);
        var documents = new List<string>();
        for (var depth = 0; depth <= Depth && next.Count > 0; depth++)
        {
            var found = new List<string>();
            foreach (var path in next)
            {
                using var answer = await member.GetAsync(path);
                if (answer.StatusCode != HttpStatusCode.OK || answer.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }

                var page = TestHtml.Parse(await answer.Content.ReadAsStringAsync());
                documents.AddRange(DocumentLinks(path, page));
                found.AddRange(page.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!.Split('#')[0]).Where(Crawlable));
            }

            next = found.Where(p => seen.Count < MaxPages && seen.Add(p)).ToList();
        }

        Assert.True(seen.Count > 40, $"The crawl reached only {seen.Count} pages");
        Assert.NotEmpty(documents);
        AssertNoneOnTheApi(documents);
    }

    [Fact]
    public async Task AgendasRefreshReportLink_FollowedByASignedInMember_GivesTheMembersVersion()
    {
        using var member = await Forms.SignedInAsync(app, PartnershipRole.BoardMember);
        using var visitor = await app.ApiClientAsync();
        var meeting = $"/meetings/{(await RefreshReportMeetingAsync()).Meeting}";

        var link = TestHtml.Parse(await Forms.PageAsync(member, meeting))
            .QuerySelectorAll("#agenda + ol a").SingleOrDefault(a => a.TextContent.Trim() == "Refresh report")?.GetAttribute("href");
        Assert.False(link is null, $"{meeting} has no Refresh report link in its agenda");
        var full = await TitleAsync(member, link);
        var forVisitor = await TitleAsync(visitor, link);

        Assert.StartsWith("/editions/", link, StringComparison.Ordinal);
        Assert.DoesNotContain("(public version)", full, StringComparison.Ordinal);
        Assert.Contains("(public version)", forVisitor, StringComparison.Ordinal);
    }

    /// <summary>A document link: an address ending .docx or .html (before its query).</summary>
    private static IEnumerable<string> DocumentLinks(string page, IDocument html) =>
        html.QuerySelectorAll("a[href]")
            .Select(a => a.GetAttribute("href")!)
            .Where(href => href.Split('?', '#')[0] is var path && (path.EndsWith(".docx", StringComparison.Ordinal) || path.EndsWith(".html", StringComparison.Ordinal)))
            .Select(href => $"{href} (on {page})");

    private static void AssertNoneOnTheApi(List<string> documents)
    {
        var onTheApi = documents.Where(d => d.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)).Distinct().ToList();
        Assert.True(onTheApi.Count == 0, $"Pages link to documents on the API, where the sign-in cookie is not honoured:\n{string.Join("\n", onTheApi)}");
    }

    /// <summary>A page of the site to read: not the API, a document, a form's action or signing out.</summary>
    private static bool Crawlable(string path) =>
        path.Length > 1
        && !path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWith("/account/", StringComparison.Ordinal)
        && !path.StartsWith("/openapi/", StringComparison.Ordinal)
        && !path.StartsWith("/lib/", StringComparison.Ordinal)
        && path.Split('?')[0] is var bare && !bare.EndsWith(".docx", StringComparison.Ordinal) && !bare.EndsWith(".html", StringComparison.Ordinal)
        && !bare.EndsWith(".csv", StringComparison.Ordinal) && !bare.EndsWith(".ics", StringComparison.Ordinal) && !bare.EndsWith(".svg", StringComparison.Ordinal);

    private static async Task<string> TitleAsync(HttpClient client, string path)
    {
        using var answer = await client.GetAsync(path);
        var html = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)answer.StatusCode}");
        return TestHtml.Parse(html).Title ?? "";
    }

    /// <summary>The demo's Board meeting that approved the 2010/11 refresh, with the edition's refresh report on its agenda.</summary>
    private Task<(int Meeting, int Edition)> RefreshReportMeetingAsync() =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var demo = await db.Partnerships.Where(p => p.Slug == Slug).Select(p => p.Id).SingleAsync();
            var item = await db.Set<AgendaItem>().AsNoTracking()
                .Where(a => a.Paper == PaperKind.RefreshReport && db.Set<Meeting>().Any(m => m.Id == a.MeetingId && m.PartnershipId == demo))
                .Select(a => new { a.MeetingId, a.PaperKey })
                .FirstAsync();
            return (item.MeetingId, int.Parse(item.PaperKey!, System.Globalization.CultureInfo.InvariantCulture));
        });
}

public sealed class DocumentLinkTestsOnSqlite(SharedSqliteApp shared) : DocumentLinkTests(shared.App), IClassFixture<SharedSqliteApp>;
