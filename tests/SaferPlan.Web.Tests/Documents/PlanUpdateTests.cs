using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Data;
using SaferPlan.Core.Documents;
using SaferPlan.Core.Funding;
using SaferPlan.Core.Indicators;
using SaferPlan.Core.Partnerships;
using SaferPlan.Core.Plans;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Plans;

namespace SaferPlan.Web.Tests.Documents;

/// <summary>
/// Cambridge Community Safety Partnership (seed 003) as the demo's second partnership, and its 2012/13 public plan update
/// regenerated as a web page and a Word document: the priorities, the Board with Dave Sargent seated from South
/// Cambridgeshire, every "We spent £…" line with its total, the targets still to be confirmed and the two numeric ones.
/// </summary>
public abstract class PlanUpdateTests(SaferPlanFactory app)
{
    private const string Slug = "cambridge";

    /// <summary>Seed 003's public account, word for word, and the amounts in the same order.</summary>
    public static readonly string[] SpentLines =
    [
        "We spent £4,207 so that people using taxis at night would feel safer.",
        "We spent £2,500 so that people in town for the night could get help if they needed it.",
        "We spent £1,586 on a safe place for people needing help in town at night.",
        "We spent £2,500 on accredited safety guardians to help protect young people.",
        "We spent £1,000 to help with Cambridge Businesses Against Crime (CAMBAC) training.",
        "We spent £1,000 helping to promote a scheme to tackle violent drinkers.",
        "We spent £18,864 on work to help young people to avoid getting involved in crime.",
        "We spent £12,000 on work to change people who had committed domestic violent.",
        "We spent £9,078 to provide people at risk of domestic violence with a safe place in their home.",
        "We spent £5,500 to help people break free of violent relationships.",
        "We spent £1,000 on a programme working with repeat offenders.",
    ];

    private static readonly decimal[] SpentAmounts = [4207m, 2500m, 1586m, 2500m, 1000m, 1000m, 18864m, 12000m, 9078m, 5500m, 1000m];

    public static readonly string[] PriorityTitles =
    [
        "Reducing alcohol related violent crime", "Reducing anti-social behaviour", "Reducing repeat victims of domestic violence", "Reducing re-offending",
    ];

    [Fact]
    public async Task Demo_Cambridge_LoadsPrioritiesBoardSpendingAndTargets_DaveSargentIsOnePersonSeatedOnBothBoards()
    {
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var cambridge = await db.Partnerships.SingleAsync(p => p.Slug == Slug);
            var south = await db.Partnerships.SingleAsync(p => p.Slug == "south-cambridgeshire");
            var edition = await db.Editions.Include(e => e.Priorities)
                .SingleAsync(e => e.Plan.PartnershipId == cambridge.Id && e.YearStart == 2012 && e.Status == EditionStatus.Approved);
            Assert.Equal(PriorityTitles, edition.Priorities.OrderBy(p => p.Number).Select(p => p.Title));
            Assert.All(edition.Priorities, p => Assert.False(string.IsNullOrWhiteSpace(p.Why)));

            var dave = Assert.Single(await db.People.Where(p => p.Name == "Dave Sargent").ToListAsync());
            Assert.Equal(south.Id, dave.PartnershipId);
            var board = await db.Bodies.SingleAsync(b => b.Key == "cambridge-csp-board");
            var seated = await db.Set<BodyMember>().Where(m => m.BodyId == board.Id).OrderBy(m => m.Id).Select(m => m.Person.Name).ToListAsync();
            Assert.Equal(["Liz Bisset", "Tim Bick", "Dave Sargent", "Sarah Ferguson", "Julian Fountain", "Kevin Wilkins", "Inger O'Meara", "Mark Freeman", "Graeme Seddon"], seated);
            // One person on both partnerships' Boards (issue 13: "Dave Sargent sits on both boards").
            Assert.True(await db.Set<BodyMember>().AnyAsync(m => m.PersonId == dave.Id && m.Body.Key == "cdrp-board"));
            var people = sp.GetRequiredService<PeopleService>();
            Assert.Contains(await people.PeopleAsync(cambridge.Id), p => p.Id == dave.Id);
            Assert.Contains(await people.PeopleAsync(south.Id), p => p.Id == dave.Id);
            Assert.DoesNotContain(await people.PeopleAsync(south.Id), p => p.Name == "Liz Bisset");

            var spending = await db.Set<FundingSpend>().Where(s => s.PartnershipId == cambridge.Id).OrderBy(s => s.TransactionId).Select(s => s.Amount).ToListAsync();
            Assert.Equal(SpentAmounts, spending);
            Assert.Equal(59235m, spending.Sum());

            var targets = (await db.Set<Indicator>().Include(i => i.Targets).Where(i => i.PartnershipId == cambridge.Id).ToListAsync())
                .SelectMany(i => i.Targets.Where(t => t.Year == 2012).Select(t => new { i.Code, t.Kind, t.Number })).ToList();
            Assert.Contains(targets, t => t.Code == "CAM-FTE" && t.Kind == TargetKind.AtMost && t.Number == 130);
            Assert.Contains(targets, t => t.Code == "CAM-IOM-CLIENTS" && t.Kind == TargetKind.AtLeast && t.Number == 70);
            Assert.Equal(4, targets.Count(t => t.Kind == TargetKind.ToBeConfirmed && t.Number == null));
            return 0;
        });
    }

    [Fact]
    public async Task SpendingApi_2012_13_ReturnsEverySeedLineAndTheTotal()
    {
        using var visitor = await app.ApiClientAsync();

        using var response = await visitor.GetAsync($"/api/partnerships/{Slug}/spending?year=2012-13");

        var spending = await PlanApi.OkJsonAsync<Funding.PublicSpendingJson>(response);
        Assert.Equal(SpentAmounts, spending.Lines.Select(l => l.Amount));
        Assert.Equal(59235m, spending.Total);
    }

    [Fact]
    public async Task UpdateHtml_AsAVisitor_HoldsEverySpentSentencePriorityTitleAchievementAndTarget_AndNoEmailAddress()
    {
        using var visitor = await app.ApiClientAsync();

        using var response = await visitor.GetAsync($"/api/partnerships/{Slug}/reports/update/2012-13.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("@", html.Replace("@media", "", StringComparison.Ordinal).Replace("@page", "", StringComparison.Ordinal).Replace("@top-center", "", StringComparison.Ordinal).Replace("@bottom-center", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var text = TextOf(html);
        foreach (var line in SpentLines)
        {
            Assert.Contains(line, text, StringComparison.Ordinal);
        }

        foreach (var title in PriorityTitles)
        {
            Assert.Contains(title, text, StringComparison.Ordinal);
        }

        AssertInOrder(text,
            "Foreword from Cambridge Community Safety Partnership Board Members", "Cambridgeshire Constabulary", "Dave Sargent", "Graeme Seddon",
            "1. Achievements in 2011/12", "In the past year to October 2011 we have seen:", "total recorded crime reduce by 20 percent;",
            "criminal damage reduce by 15.5 percent; and", "pedal cycle theft reduce by 30 percent.",
            "2. What did we do in each priority area?", SpentLines[0], "In total we spent £59,235 on these projects.",
            "3. Community Safety Plan: 2012/2013 update", "How were these priorities chosen?", "Priority 1: Reducing alcohol related violent crime",
            "Why is this priority being continued?", "Targets", "Alcohol related violent crime", "To be confirmed", "Lead Officer",
            "Communities Chief Inspector, Cambridgeshire Constabulary", "Priority 2: Reducing anti-social behaviour",
            "First time entrants to the criminal justice system from Cambridge", "At most 130",
            "Priority 4: Reducing re-offending", "At least 70", "4. Contact us", "Tom Kingsley", "01223 457042");
    }

    [Fact]
    public async Task UpdateDocx_IsValid_AndLibreOfficesPdfHoldsEverySpentSentenceAndPriority()
    {
        using var visitor = await app.ApiClientAsync();

        using var response = await visitor.GetAsync($"/api/partnerships/{Slug}/reports/update/2012-13.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocumentMediaTypes.Docx, response.Content.Headers.ContentType?.MediaType);
        var docx = await response.Content.ReadAsByteArrayAsync();
        BoardReportTests.AssertValid(docx);
        Assert.DoesNotContain("@example.org", DocumentFiles.AllParts(docx), StringComparison.Ordinal);
        var words = WordText(docx);
        foreach (var line in SpentLines)
        {
            Assert.Contains(line, words, StringComparison.Ordinal);
        }

        var pdf = await DocumentFiles.PdfTextAsync(docx);
        foreach (var title in PriorityTitles)
        {
            Assert.Contains(title, pdf, StringComparison.Ordinal);
        }

        Assert.Contains("We spent £4,207 so that people using taxis at night would feel safer.", pdf, StringComparison.Ordinal);
        Assert.Contains("To be confirmed", pdf, StringComparison.Ordinal);
        Assert.Contains("Page 1 of ", pdf, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nowhere", "2012-13", HttpStatusCode.NotFound)]
    [InlineData(Slug, "2030-31", HttpStatusCode.NotFound)]
    [InlineData(Slug, "2012-13-q1", HttpStatusCode.BadRequest)]
    public async Task Update_UnknownPartnershipYearOrNotAYear_IsAProblem(string slug, string year, HttpStatusCode expected)
    {
        using var visitor = await app.ApiClientAsync();

        using var response = await visitor.GetAsync($"/api/partnerships/{slug}/reports/update/{year}.html");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PartnershipPage_AsAVisitor_LinksThePublicUpdateAtTheSitesOwnAddress_WhichServesIt()
    {
        using var visitor = await app.ApiClientAsync();

        var links = TestHtml.Parse(await visitor.GetStringAsync($"/partnerships/{Slug}"))
            .QuerySelectorAll("a[href*='/reports/update/']").Select(a => a.GetAttribute("href")!).ToList();

        Assert.Equal(["/partnerships/cambridge/reports/update/2012-13.html", "/partnerships/cambridge/reports/update/2012-13.docx"], links);
        using var html = await visitor.GetAsync(links[0]);
        using var docx = await visitor.GetAsync(links[1]);
        using var missing = await visitor.GetAsync("/partnerships/cambridge/reports/update/2030-31.html");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("text/html", missing.Content.Headers.ContentType?.MediaType);
    }

    private static void AssertInOrder(string text, params string[] parts)
    {
        var at = 0;
        foreach (var part in parts)
        {
            var found = text.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{part}' is missing after position {at}.");
            at = found + part.Length;
        }
    }

    internal static string WordText(byte[] docx)
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var text = new StringBuilder();
        foreach (var paragraph in word.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>())
        {
            text.Append(string.Concat(paragraph.Descendants<Text>().Select(t => t.Text))).Append('\n');
        }

        return text.ToString();
    }

    internal static string TextOf(string html) => TestHtml.Parse(html).DocumentElement.TextContent;
}

public sealed class PlanUpdateTestsOnSqlite(SqliteFactory app) : PlanUpdateTests(app), IClassFixture<SqliteFactory>;

public sealed class PlanUpdateTestsOnPostgres(PostgresFactory app) : PlanUpdateTests(app), IClassFixture<PostgresFactory>;
