using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Crime.Peers;
using SaferPlan.Core.Data;
using SaferPlan.Core.Editing;
using SaferPlan.TestCommon;

using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Crime;

/// <summary>
/// A partnership against its comparator group through <c>GET /api/partnerships/{slug}/peers</c>: Testshire (1,079 serious
/// acquisitive crimes among 143,000 residents in September 2008 to August 2009) and twenty "Peerton" areas of hand-set
/// counts and residents, the group, rates, intervals, pooled mean, rank and significance all worked out again here.
/// </summary>
public abstract class PeersApiTests(SaferPlanFactory app)
{
    private const string Slug = CrimeTestData.Slug;
    private const string Window = "from=2008-09&to=2009-08";
    private const int Residents = 143_000;

    /// <summary>Testshire's counts in the window by crime type (CrimeTestData): vehicle crime 658, burglary 400, robbery 21, anti-social behaviour 450.</summary>
    private static readonly Dictionary<short, int> Testshire = new() { [13] = 658, [3] = 400, [10] = 21, [1] = 450 };

    private static int PeertonResidents(int i) => 60_000 + (((i * 37) % 20) * 9_000);

    /// <summary>Peerton i's counts in January 2009 by crime type.</summary>
    private static Dictionary<short, int> PeertonCounts(int i) => new()
    {
        [3] = 100 + (20 * i), [13] = 300 + (15 * i), [10] = 5 + i, [14] = 500 + (10 * i), [2] = 50 + i, [1] = 200 + (5 * i),
    };

    private static string PeertonName(int i) => $"Peerton {i:00}";

    private async Task EnsureAsync()
    {
        await CrimeTestData.EnsureAsync(app);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            if (await db.Set<ComparatorArea>().AnyAsync(a => a.Name == "Testshire"))
            {
                return 0;
            }

            var partnership = await db.Partnerships.SingleAsync(p => p.Slug == Slug);
            var force = await db.Set<PoliceForce>().SingleAsync(f => f.Key == "testshire-test");
            var lsoas = await db.Set<Lsoa>().Where(l => l.Code.StartsWith("E01990")).ToListAsync();
            var own = new ComparatorArea { Name = "Testshire" };
            var other = new ComparatorArea { Name = "Otherplace" };
            var peertons = Enumerable.Range(1, 20).Select(i => new ComparatorArea { Name = PeertonName(i), Code = $"E0799{i:0000}" }).ToList();
            db.AddRange(own, other);
            db.AddRange(peertons);
            await db.SaveChangesAsync();
            foreach (var l in lsoas)
            {
                l.ComparatorAreaId = l.Name.StartsWith("Testshire", StringComparison.Ordinal) ? own.Id : other.Id;
                if (l.ComparatorAreaId == own.Id)
                {
                    db.Add(new PartnershipLsoa { PartnershipId = partnership.Id, LsoaId = l.Id });
                }
            }

            var peertonLsoas = peertons.Select((a, n) => new Lsoa { Code = $"E0188{n + 1:0000}", Name = $"{a.Name} 001A", ComparatorAreaId = a.Id }).ToList();
            db.AddRange(peertonLsoas);
            db.Add(new AreaPopulation { ComparatorAreaId = own.Id, Year = 2009, Residents = Residents, Source = "test" });
            db.AddRange(peertons.Select((a, n) => new AreaPopulation { ComparatorAreaId = a.Id, Year = 2009, Residents = PeertonResidents(n + 1), Source = "test" }));
            db.Add(new AreaDenominator { PartnershipId = partnership.Id, Kind = DenominatorKind.Residents, Year = 2009, Value = Residents, Source = "test" });
            db.Add(new CrimeGroup
            {
                PartnershipId = partnership.Id, Key = "serious-acquisitive-crime", Name = "Serious acquisitive crime", SortOrder = 1,
                Members = [new CrimeGroupMember { CrimeTypeId = 3 }, new CrimeGroupMember { CrimeTypeId = 10 }, new CrimeGroupMember { CrimeTypeId = 13 }],
            });
            await db.SaveChangesAsync();
            db.AddRange(peertonLsoas.Select((l, n) => CrimeCount.Of(force.Id, 200901, l.Id, PeertonCounts(n + 1).OrderBy(c => c.Key).Select(c => (c.Key, c.Value)).ToArray())));
            await db.SaveChangesAsync();
            await CrimeTestData.BumpAllAsync(db);
            return 0;
        });
    }

    /// <summary>The comparator group worked out again: z-scores of the usual groups' rates and log residents over every area with residents, 15 nearest.</summary>
    private static List<(string Name, int Residents)> ExpectedGroup()
    {
        static double[] Measures(IReadOnlyDictionary<short, int> counts, int residents) =>
        [
            .. CrimeGroupService.Usual.Select(g => g.CrimeTypeIds.Sum(t => counts.GetValueOrDefault(t)) * 1000.0 / residents),
            Math.Log(residents),
        ];

        var areas = Enumerable.Range(1, 20).Select(i => (Name: PeertonName(i), Residents: PeertonResidents(i), Measures: Measures(PeertonCounts(i), PeertonResidents(i))))
            .Append((Name: "Testshire", Residents, Measures: Measures(Testshire, Residents))).ToList();
        var n = areas[0].Measures.Length;
        var mean = Enumerable.Range(0, n).Select(i => areas.Average(a => a.Measures[i])).ToArray();
        var sd = Enumerable.Range(0, n).Select(i => Math.Sqrt(areas.Average(a => Math.Pow(a.Measures[i] - mean[i], 2)))).ToArray();
        var own = Measures(Testshire, Residents);
        double Distance(double[] m) => Math.Sqrt(Enumerable.Range(0, n).Sum(i => sd[i] == 0 ? 0 : Math.Pow((m[i] - own[i]) / sd[i], 2)));
        return areas.Where(a => a.Name != "Testshire").OrderBy(a => Distance(a.Measures)).ThenBy(a => a.Name, StringComparer.Ordinal)
            .Take(15).Select(a => (a.Name, a.Residents)).ToList();
    }

    /// <summary>The exact 95% interval of a count by its definition, by bisection on Poisson probabilities summed in logs.</summary>
    private static (double Lower, double Upper) ByDefinition(int k)
    {
        static double Cdf(int k, double lambda)
        {
            var sum = 0.0;
            var log = -lambda;
            for (var i = 0; i <= k; i++)
            {
                log += i == 0 ? 0 : Math.Log(lambda) - Math.Log(i);
                sum += Math.Exp(log);
            }

            return sum;
        }

        static double Solve(Func<double, double> f)
        {
            double lo = 0, hi = 5000;
            for (var i = 0; i < 200; i++)
            {
                var mid = (lo + hi) / 2;
                (lo, hi) = f(mid) > 0 ? (lo, mid) : (mid, hi);
            }

            return (lo + hi) / 2;
        }

        return (k == 0 ? 0 : Solve(l => 1 - Cdf(k - 1, l) - 0.025), Solve(u => 0.025 - Cdf(k, u)));
    }

    private static async Task<PeersJson> PeersAsync(HttpClient client, string query) =>
        await OkJsonAsync<PeersJson>(await client.GetAsync($"/api/partnerships/{Slug}/peers?{query}"));

    [Fact]
    public async Task Peers_Computed_AreTheFifteenNearestWithoutTheOwnArea()
    {
        await EnsureAsync();
        using var anonymous = await app.ApiClientAsync();

        var json = await PeersAsync(anonymous, $"{Window}&group=serious-acquisitive-crime");

        var group = json.ComparatorGroup;
        Assert.False(group.Chosen);
        var names = group.Areas.Select(a => (string?)a.Name).ToList();
        Assert.Equal(ExpectedGroup().Select(a => (string?)a.Name).ToList(), names);
        Assert.DoesNotContain("Testshire", names);
        Assert.DoesNotContain("Otherplace", names);
    }

    [Fact]
    public async Task Peers_Group_GivesRateExactIntervalPooledMeanRankAndSignificance()
    {
        await EnsureAsync();
        using var anonymous = await app.ApiClientAsync();

        var json = await PeersAsync(anonymous, $"{Window}&group=serious-acquisitive-crime");

        var row = Assert.Single(json.Rows);
        var expected = ExpectedGroup();
        short[] sac = [3, 10, 13];
        var peerRates = expected.Select(a => (a.Name, Count: sac.Sum(t => PeertonCounts(int.Parse(a.Name[^2..], CultureInfo.InvariantCulture)).GetValueOrDefault(t)), a.Residents)).ToList();
        var pooled = peerRates.Sum(p => (double)p.Count) * 1000 / peerRates.Sum(p => (double)p.Residents);
        var rate = 1079 * 1000.0 / Residents;
        var (lower, upper) = ByDefinition(1079);
        Assert.Equal(1079, row.Count);
        Assert.Equal(rate, row.Rate ?? double.NaN, 1e-9);
        Assert.Equal(lower * 1000 / Residents, row.LowerCi ?? double.NaN, 1e-6);
        Assert.Equal(upper * 1000 / Residents, row.UpperCi ?? double.NaN, 1e-6);
        Assert.Equal(pooled, row.PeerMean ?? double.NaN, 1e-9);
        Assert.Equal(1 + peerRates.Count(p => p.Count * 1000.0 / p.Residents > rate), row.Rank);
        Assert.Equal(16, row.Of);
        var significance = pooled < lower * 1000 / Residents ? "above" : pooled > upper * 1000 / Residents ? "below" : "not significant";
        Assert.Equal(significance, row.Significance);
        Assert.Equal(15, row.Peers.Count);
        var first = row.Peers[0];
        Assert.Equal(peerRates[0].Count * 1000.0 / peerRates[0].Residents, first.Rate ?? double.NaN, 1e-9);
    }

    [Fact]
    public async Task Peers_NoGroup_GivesEachCrimeType()
    {
        await EnsureAsync();
        using var anonymous = await app.ApiClientAsync();

        var json = await PeersAsync(anonymous, Window);

        var rows = json.Rows;
        var burglary = rows.Single(r => r.Name == "Burglary");
        Assert.Equal("burglary", burglary.Key);
        Assert.Equal(400, burglary.Count);
        Assert.Contains(rows, r => r.Name == "Violence and sexual offences" && r.Count == 0 && r.Rank == 16);
    }

    [Fact]
    public async Task AssessmentDocx_TwelveMonths_HasTheFunnelPlotSectionWithItsTable()
    {
        await EnsureAsync();
        using var anonymous = await app.ApiClientAsync();

        var response = await anonymous.GetAsync($"/api/partnerships/{Slug}/assessment.docx?{Window}");

        response.EnsureSuccessStatusCode();
        var docx = await response.Content.ReadAsByteArrayAsync();
        var text = Documents.DocumentFiles.AllParts(docx);
        Assert.Contains(PeersDocx.Heading, text, StringComparison.Ordinal);
        Assert.Contains("Funnel plot of serious acquisitive crime per 1,000 residents", text, StringComparison.Ordinal);
        Assert.Contains("Peer mean (pooled)", text, StringComparison.Ordinal);
        Assert.Empty(Documents.DocumentFiles.ValidationErrors(docx));
    }

    [Fact]
    public async Task FunnelSvg_Group_IsAnSvgImageWithItsTextAlternative_KeptByTheBrowser()
    {
        await EnsureAsync();
        using var anonymous = await app.ApiClientAsync();

        var response = await anonymous.GetAsync($"/api/partnerships/{Slug}/peers/funnels/serious-acquisitive-crime.svg?{Window}");

        response.EnsureSuccessStatusCode();
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("public", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var svg = await response.Content.ReadAsStringAsync();
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("Funnel plot of serious acquisitive crime per 1,000 residents, September 2008 to August 2009", svg, StringComparison.Ordinal);
        Assert.Contains(ExpectedGroup()[0].Name, svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunnelSvg_BadWindowUnknownGroupOrPartnership_AreProblems()
    {
        await EnsureAsync();
        using var anonymous = await app.ApiClientAsync();

        await ReadValidationErrorAsync(await anonymous.GetAsync($"/api/partnerships/{Slug}/peers/funnels/serious-acquisitive-crime.svg?from=2008-09&to=2009-06"), "to");
        await ReadProblemAsync(await anonymous.GetAsync($"/api/partnerships/{Slug}/peers/funnels/no-such-group.svg?{Window}"), HttpStatusCode.NotFound);
        await ReadProblemAsync(await anonymous.GetAsync($"/api/partnerships/nowhere/peers/funnels/serious-acquisitive-crime.svg?{Window}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AssessmentPage_TwelveMonths_ShowsFunnelPlotsAsImagesBesideTheirTables_AndLinksThePeersForItsWindow()
    {
        await EnsureAsync();
        using var anonymous = await app.ApiClientAsync();

        var html = await anonymous.GetStringAsync($"/partnerships/{Slug}/assessment?{Window}");

        Assert.Contains("<img id=\"funnel-serious-acquisitive-crime\"", html, StringComparison.Ordinal);
        Assert.Contains($"src=\"/api/partnerships/{Slug}/peers/funnels/serious-acquisitive-crime.svg?from=2008-09&amp;to=2009-08&amp;v=", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"Funnel plot of serious acquisitive crime per 1,000 residents, September 2008 to August 2009", html, StringComparison.Ordinal);
        Assert.Contains("id=\"funnel-serious-acquisitive-crime-table\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("against its comparator group</title>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/partnerships/{Slug}/peers?from=2008-09&amp;to=2009-08\">See the comparator areas", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PeersPage_Window_ShowsThatWindowsGroup_AndLinksTheAssessmentForIt()
    {
        await EnsureAsync();
        using var anonymous = await app.ApiClientAsync();

        var html = await anonymous.GetStringAsync($"/partnerships/{Slug}/peers?{Window}");

        Assert.Contains("The comparator group for September 2008 to August 2009", html, StringComparison.Ordinal);
        Assert.Contains(ExpectedGroup()[0].Name, html, StringComparison.Ordinal);
        Assert.Contains("value=\"2008-09\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/partnerships/{Slug}/assessment?from=2008-09&amp;to=2009-08\">strategic assessment for September 2008 to August 2009", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2008-9&to=2009-08", "From", "write the first month like 2008-09")]
    [InlineData("from=2008-09&to=August", "To", "write the last month like 2009-08")]
    [InlineData("from=2008-09&to=2009-06", "To", "The last month must be 11 months after the first month (12 months in all)")]
    [InlineData("from=2009-09&to=2008-09", "To", "The last month (2008-09) must be the same as or after the first month (2009-09)")]
    public async Task PeersPage_BadWindow_IsAnErrorSummaryNamingTheField(string query, string field, string message)
    {
        await EnsureAsync();
        using var anonymous = await app.ApiClientAsync();

        var html = await anonymous.GetStringAsync($"/partnerships/{Slug}/peers?{query}");

        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"#{field}\">", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"{field}-error\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("The comparator group for", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2008-9&to=2009-08", "from")]
    [InlineData("from=2008-09&to=August", "to")]
    [InlineData("from=2008-09&to=2009-12", "to")]
    public async Task Peers_BadMonths_AreProblemsNamingTheField(string query, string field)
    {
        await EnsureAsync();
        using var anonymous = await app.ApiClientAsync();

        await ReadValidationErrorAsync(await anonymous.GetAsync($"/api/partnerships/{Slug}/peers?{query}"), field);
    }

    [Fact]
    public async Task Peers_UnknownPartnershipOrGroup_IsNotFound()
    {
        await EnsureAsync();
        using var anonymous = await app.ApiClientAsync();

        await ReadProblemAsync(await anonymous.GetAsync($"/api/partnerships/nowhere/peers?{Window}"), HttpStatusCode.NotFound);
        await ReadProblemAsync(await anonymous.GetAsync($"/api/partnerships/{Slug}/peers?{Window}&group=no-such-group"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Choose_ByAnalyst_UsesTheChosenAreasAndIsAudited_AndClearingGoesBackToComputed()
    {
        await EnsureAsync();
        using var anonymous = await app.ApiClientAsync();
        var (partnershipId, chosen) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var id = await db.Partnerships.Where(p => p.Slug == Slug).Select(p => p.Id).SingleAsync();
            var areas = await db.Set<ComparatorArea>().Where(a => a.Name == "Peerton 01" || a.Name == "Peerton 02").Select(a => a.Id).ToListAsync();
            return (id, areas);
        });
        var analyst = new UserContext("analyst", "Ann Analyst", null, [new PartnershipMembership(partnershipId, PartnershipRole.Analyst)]);
        var reader = new UserContext("reader", "Rita Reader", null, [new PartnershipMembership(partnershipId, PartnershipRole.BoardMember)]);

        var refused = await app.WithScopeAsync(sp => sp.GetRequiredService<PeerService>().ChooseAsync(partnershipId, chosen, reader));
        var saved = await app.WithScopeAsync(sp => sp.GetRequiredService<PeerService>().ChooseAsync(partnershipId, chosen, analyst));
        var json = await PeersAsync(anonymous, $"{Window}&group=serious-acquisitive-crime");
        var audit = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().AuditEntries
            .Where(a => a.EntityType == nameof(PartnershipPeer) && a.PartnershipId == partnershipId).OrderBy(a => a.Id).Select(a => a.Changes).ToListAsync());
        await app.WithScopeAsync(sp => sp.GetRequiredService<PeerService>().ChooseAsync(partnershipId, [], analyst));
        var computed = await PeersAsync(anonymous, $"{Window}&group=serious-acquisitive-crime");

        Assert.Equal(EditStatus.Forbidden, refused.Status);
        Assert.True(saved.Succeeded);
        var group = json.ComparatorGroup;
        Assert.True(group.Chosen);
        Assert.Equal(["Peerton 01", "Peerton 02"], group.Areas.Select(a => a.Name).ToList());
        Assert.Equal(3, json.Rows[0].Of);
        var change = JsonSerializer.Deserialize<List<Auditing.FieldChangeJson>>(audit[^1], Contract)![0];
        Assert.Equal("Peers", change.Field);
        Assert.Equal("Computed", change.Old);
        Assert.Equal("Peerton 01; Peerton 02", change.New);
        Assert.False(computed.ComparatorGroup.Chosen);
        Assert.Equal(15, computed.ComparatorGroup.Areas.Count);
    }
}

public sealed class PeersApiTestsOnSqlite(SqliteFactory app) : PeersApiTests(app), IClassFixture<SqliteFactory>;

public sealed class PeersApiTestsOnPostgres(PostgresFactory app) : PeersApiTests(app), IClassFixture<PostgresFactory>;
