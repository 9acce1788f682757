using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Periods;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Documents;

using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Security;

/// <summary>
/// Everything a visitor can reach, after the partnership has written drafts, submitted and returned updates, reviewers'
/// comments and Restricted items, each carrying a canary, and every person has an e-mail address: every page linked from
/// the home page, every GET route of the API with the ids we know, and every quarter's public report in HTML and Word.
/// No canary and no e-mail address may be found anywhere.
/// </summary>
public abstract partial class VisitorCrawlTests(SaferPlanFactory app)
{
    private const string Slug = "south-cambridgeshire";

    /// <summary>How many pages the crawl reads at most, and how many query-string variants of one path.</summary>
    private const int MaxPages = 2500;

    private const int VariantsPerPath = 2;

    private static readonly string[] WrittenMilestones = ["1.6a", "1.6b", "1.6c", "1.6d", "1.6e", "1.7a", "1.7b", "1.4a", "1.5a"];

    [GeneratedRegex(@"\{(?<name>[^}:]+)(?::[^}]*)?\}")]
    private static partial Regex RouteParameter();

    [Fact]
    public async Task Visitor_CrawlOfEveryPageApiRouteAndPublicReport_FindsNoCanaryAndNoEmailAddress()
    {
        var canary = $"CANARY{Guid.NewGuid():N}"[..18];
        var publishedWords = $"Published words {Guid.NewGuid():N}";
        var known = await WriteWorkInProgressAsync(canary, publishedWords);
        using var visitor = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = app.ServerAddress, HandleCookies = false });
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);

        await CrawlSiteAsync(visitor, bodies);
        var pages = bodies.Count;
        await CrawlApiAsync(visitor, known, bodies);
        await ReadPublicReportsAsync(visitor, bodies);

        var leaks = bodies
            .SelectMany(b => Leaks(b.Value, canary).Select(leak => $"{b.Key}: {leak}"))
            .ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} leaks:\n{string.Join("\n", leaks.Take(40))}");
        Assert.True(pages > 40, $"The crawl reached only {pages} pages");
        Assert.Contains(bodies, b => b.Key.StartsWith("/milestones/", StringComparison.Ordinal) && b.Value.Contains(publishedWords, StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.Key.StartsWith("/api/milestones/", StringComparison.Ordinal) && b.Value.Contains(publishedWords, StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.Key.Contains("2010-11-q2.docx", StringComparison.Ordinal) && b.Value.Contains(publishedWords, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Leaks(string body, string canary)
    {
        for (var at = body.IndexOf(canary, StringComparison.Ordinal); at >= 0; at = body.IndexOf(canary, at + 1, StringComparison.Ordinal))
        {
            yield return $"canary …{body[Math.Max(0, at - 60)..Math.Min(body.Length, at + 40)]}…";
        }

        foreach (Match email in Monitoring.PublicationTests.EmailAddress().Matches(body))
        {
            yield return $"e-mail address {email.Value}";
        }
    }

    /// <summary>The ids the API crawl fills its routes with.</summary>
    private sealed record KnownIds(Dictionary<string, List<string>> ByCollection, List<string> Any);

    /// <summary>Writes the quarter's work in progress and Restricted items, every one carrying the canary, and publishes 2010/11 Q2.</summary>
    private async Task<KnownIds> WriteWorkInProgressAsync(string canary, string publishedWords)
    {
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            foreach (var person in await db.People.Where(p => p.Email == null).ToListAsync())
            {
                person.Email = $"{person.Key}@people.example.org";
            }

            await db.SaveChangesAsync();
            return 0;
        });
        using var support = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer));
        using var dave = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.LeadOfficer, "dave-sargent"));
        var editionId = await EditionIdAsync(support, "2010/11");
        var edition = await EditionAsync(support, editionId);
        var milestones = edition.GetProperty("priorities").EnumerateArray()
            .SelectMany(p => p.GetProperty("actions").EnumerateArray())
            .SelectMany(a => a.GetProperty("milestones").EnumerateArray())
            .ToDictionary(m => m.GetProperty("code").GetString()!, m => m.GetProperty("id").GetInt32());
        var priority1 = edition.GetProperty("priorities").EnumerateArray().First(p => p.GetProperty("number").GetInt32() == 1 && p.GetProperty("kind").GetString() == "Priority");
        var action = priority1.GetProperty("actions")[0].GetProperty("id").GetInt32();

        var restrictedPriority = await CreatedAsync(await support.PostAsJsonAsync($"/api/editions/{editionId}/priorities", new { title = $"Priority {canary}", why = $"Why {canary}", marking = "Restricted", amendmentReason = AmendmentReason }));
        var restrictedAction = await CreatedAsync(await support.PostAsJsonAsync($"/api/priorities/{priority1.GetProperty("id").GetInt32()}/actions", new { text = $"Action {canary}", marking = "Restricted", amendmentReason = AmendmentReason }));
        var restrictedMilestone = await CreatedAsync(await support.PostAsJsonAsync($"/api/actions/{action}/milestones", new { text = $"Milestone {canary}", marking = "Restricted", amendmentReason = AmendmentReason }));

        foreach (var quarter in new[] { "2010-11-q2", "2010-11-q3" })
        {
            await OkJsonAsync(await support.PostAsJsonAsync($"/api/partnerships/{Slug}/periods/{quarter}/round", new { deadline = "2099-04-08" }));
        }

        var updateIds = new List<string>();
        async Task<JsonElement> Put(string code, string quarter, string progress, bool submit, string marking = "Official")
        {
            var saved = await OkJsonAsync(await dave.PutAsJsonAsync($"/api/milestones/{milestones[code]}/updates/{quarter}", new { progress, value = progress, status = "OnTrack", submit, marking, version = 0 }));
            updateIds.Add(saved.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
            return saved;
        }

        async Task Review(JsonElement update, bool accept, string? comment = null) =>
            await OkJsonAsync(await support.PostAsJsonAsync($"/api/updates/{update.GetProperty("id").GetInt32()}/review", new { accept, comment, version = update.GetProperty("version").GetInt32() }));

        // 2010/11 Q3 is still under review: nothing of it is public, accepted or not.
        await Put("1.6a", "2010-11-q3", $"Draft {canary}", submit: false);
        await Put("1.6b", "2010-11-q3", $"Submitted {canary}", submit: true);
        await Review(await Put("1.6c", "2010-11-q3", $"Returned {canary}", submit: true), accept: false, $"Review comment {canary}");
        await Review(await Put("1.6d", "2010-11-q3", $"Accepted in an unpublished quarter {canary}", submit: true), accept: true);

        // 2010/11 Q2 is published: only its accepted Official updates are public.
        await Review(await Put("1.6e", "2010-11-q2", publishedWords, submit: true), accept: true);
        await Review(await Put("1.7a", "2010-11-q2", $"Restricted update {canary}", submit: true, marking: "Restricted"), accept: true);
        await Review(await Put("1.7b", "2010-11-q2", $"Returned in a published quarter {canary}", submit: true), accept: false, $"Review comment in a published quarter {canary}");
        await Put("1.4a", "2010-11-q2", $"Draft in a published quarter {canary}", submit: false);
        await Put("1.5a", "2010-11-q2", $"Submitted in a published quarter {canary}", submit: true);

        var reports = new List<string>();
        foreach (var (quarter, marking) in new[] { ("2010-11-q3", "Official"), ("2010-11-q2", "Restricted") })
        {
            using var created = await support.PostAsJsonAsync($"/api/partnerships/{Slug}/periods/{quarter}/task-group-reports", new
            {
                title = $"Task group {quarter}",
                achievements = quarter == "2010-11-q3" ? $"Achievements of an unpublished quarter {canary}" : "Published achievements",
                concerns = $"Concerns {canary}",
                concernsMarking = marking == "Restricted" ? "Restricted" : "Official",
            });
            var body = await created.Content.ReadAsStringAsync();
            Assert.True(created.IsSuccessStatusCode, body);
            reports.Add(JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await OkJsonAsync(await support.PostAsync($"/api/partnerships/{Slug}/periods/2010-11-q2/publication", null));

        string Id(JsonElement e) => e.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var milestoneIds = WrittenMilestones.Select(c => milestones[c].ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(Id(restrictedMilestone)).ToList();
        var indicators = await support.GetFromJsonAsync<JsonElement>($"/api/partnerships/{Slug}/indicators");
        var byCollection = new Dictionary<string, List<string>>(StringComparer.Ordinal)
        {
            ["milestones"] = milestoneIds,
            ["priorities"] = [Id(restrictedPriority), Id(priority1)],
            ["actions"] = [Id(restrictedAction), action.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            ["editions"] = [editionId.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            ["updates"] = updateIds,
            ["task-group-reports"] = reports,
            ["indicators"] = indicators.EnumerateArray().Take(3).Select(i => Id(i)).ToList(),
        };
        return new KnownIds(byCollection, byCollection.Values.SelectMany(v => v.Take(2)).Distinct().ToList());
    }

    /// <summary>Follows every same-site link from the home page, breadth first.</summary>
    private async Task CrawlSiteAsync(HttpClient visitor, Dictionary<string, string> bodies)
    {
        var queue = new Queue<string>(["/"]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var variants = new Dictionary<string, int>(StringComparer.Ordinal);
        while (queue.Count > 0 && bodies.Count < MaxPages)
        {
            var path = queue.Dequeue();
            var (body, isHtml) = await ReadAsync(visitor, path);
            bodies[path] = body;
            if (!isHtml)
            {
                continue;
            }

            // Every address an attribute gives (href, src, and any other ending so), up to its fragment.
            foreach (var address in TestHtml.Parse(body).All.SelectMany(e => e.Attributes).Where(a => a.Name.EndsWith("href", StringComparison.Ordinal) || a.Name.EndsWith("src", StringComparison.Ordinal)))
            {
                var url = address.Value.Split('#')[0];
                if (url.StartsWith(app.ServerAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal))
                {
                    url = url[app.ServerAddress.GetLeftPart(UriPartial.Authority).Length..];
                }

                if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith("/lib/", StringComparison.Ordinal) || !seen.Add(url))
                {
                    continue;
                }

                var bare = url.Split('?')[0];
                if (url.Contains('?', StringComparison.Ordinal) && (variants[bare] = variants.GetValueOrDefault(bare) + 1) > VariantsPerPath)
                {
                    continue;
                }

                queue.Enqueue(url);
            }
        }
    }

    /// <summary>Every GET route of the OpenAPI description, its path parameters filled from what we know.</summary>
    private static async Task CrawlApiAsync(HttpClient visitor, KnownIds known, Dictionary<string, string> bodies)
    {
        var openApi = await visitor.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        bodies["/openapi/v1.json"] = openApi.GetRawText();
        string[] periods = ["2010-11-q2", "2010-11-q3", "2010-11-q4"];
        foreach (var route in openApi.GetProperty("paths").EnumerateObject().Where(p => p.Value.TryGetProperty("get", out _)).Select(p => p.Name))
        {
            var collection = route.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).FirstOrDefault() ?? "";
            var paths = new List<string> { route };
            foreach (Match parameter in RouteParameter().Matches(route))
            {
                IReadOnlyList<string> values = parameter.Groups["name"].Value switch
                {
                    "slug" => [Slug],
                    "period" => periods,
                    "id" => known.ByCollection.GetValueOrDefault(collection) ?? known.Any,
                    _ => [.. known.Any.Take(2), "x"],
                };
                paths = paths.SelectMany(p => values.Select(v => p.Replace(parameter.Value, v, StringComparison.Ordinal))).ToList();
            }

            foreach (var path in paths.Distinct())
            {
                bodies[path] = (await ReadAsync(visitor, path)).Body;
            }
        }

        foreach (var id in known.ByCollection["updates"].Concat(known.ByCollection["milestones"]))
        {
            foreach (var entity in new[] { "MilestoneUpdate", "Milestone" })
            {
                var path = $"/api/audit?entity={entity}&id={id}";
                bodies[path] = (await ReadAsync(visitor, path)).Body;
            }
        }
    }

    /// <summary>Every quarter's public Board report, as a web page and as a Word document, through the API and the site.</summary>
    private static async Task ReadPublicReportsAsync(HttpClient visitor, Dictionary<string, string> bodies)
    {
        for (var year = 2007; year <= 2011; year++)
        {
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                var period = ReportingPeriod.Of(year, quarter).Slug;
                foreach (var prefix in new[] { "/api/partnerships", "/partnerships" })
                {
                    foreach (var extension in new[] { "html", "docx" })
                    {
                        var path = $"{prefix}/{Slug}/reports/performance/{period}.{extension}";
                        bodies[path] = (await ReadAsync(visitor, path)).Body;
                    }
                }
            }
        }
    }

    /// <summary>A response's text: a Word document's XML parts, or the body as it came.</summary>
    private static async Task<(string Body, bool IsHtml)> ReadAsync(HttpClient visitor, string path)
    {
        using var response = await visitor.GetAsync(path);
        Assert.True((int)response.StatusCode < 500, $"GET {path} answered {(int)response.StatusCode}");
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        if (type.Contains("wordprocessingml", StringComparison.Ordinal))
        {
            return (DocumentFiles.AllParts(await response.Content.ReadAsByteArrayAsync()), false);
        }

        return (await response.Content.ReadAsStringAsync(), type == "text/html");
    }
}

/// <summary>
/// Provider-neutral: what a visitor may see is filtered by the same code on both providers, and the visitor checks of each
/// feature run on PostgreSQL in its own tests (PublicationTests, AmendmentTests), so the crawl runs on SQLite only.
/// </summary>
public sealed class VisitorCrawlTestsOnSqlite(SqliteFactory app) : VisitorCrawlTests(app), IClassFixture<SqliteFactory>;
