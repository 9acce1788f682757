using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Documents;
using SaferPlan.Core.Periods;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Documents;

/// <summary>
/// The demo's Q4 2010/11 Board report against seed 001's wording, in the model, the web page and the Word document
/// (read through LibreOffice's PDF): named lead officers, the PPO/DIP clients on scheme as figures, the ASB year to date
/// brought forward, the DAAT update's charts (Restricted, so not in the public version) and the partner briefing's own
/// "To:" line and numbering.
/// </summary>
public abstract class Seed001FidelityTests(SaferPlanFactory app)
{
    private const string Slug = "south-cambridgeshire";
    private const string Html = $"/api/partnerships/{Slug}/reports/performance/2010-11-q4.html";
    private const string Docx = $"/api/partnerships/{Slug}/reports/performance/2010-11-q4.docx";
    private const string YoungPeople = "Young people from South Cambridgeshire in treatment";
    private static readonly string[] BriefingInOrder =
        ["1. Purpose", "2. Background", "5. Support", "5.1. The number of referrals", "South 40", "Further information on reporting", "6. Risks", "7. Recommendations"];

    private const string BriefingTo = "Cambridgeshire Community Safety / Crime and Disorder Reduction Partnerships / Cambridgeshire Domestic Abuse Partnership";

    private Task<BoardReport> DemoAsync(ReportAudience audience) =>
        app.WithScopeAsync(async sp => (await sp.GetRequiredService<BoardReportBuilder>().BuildAsync(new BoardReportOptions(Slug, ReportingPeriod.Of(2010, 4), audience)))!);

    private async Task<(string Html, string Pdf, byte[] Docx)> BoardVersionAsync()
    {
        using var client = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember));
        var docx = await client.GetByteArrayAsync(Docx);
        return (await client.GetStringAsync(Html), System.Net.WebUtility.HtmlDecode(await DocumentFiles.PdfTextAsync(docx)), docx);
    }

    private static int Pictures(byte[] docx)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(docx), System.IO.Compression.ZipArchiveMode.Read);
        return zip.Entries.Count(e => e.FullName.EndsWith(".png", StringComparison.OrdinalIgnoreCase));
    }

    private static ReportSection Section(BoardReport report, string title) =>
        report.Priorities.SelectMany(p => p.Reports).Concat(report.OtherReports).Single(s => s.Title == title);

    [Fact]
    public async Task LeadColumn_NamesTheLeadOfficers_AsSeed001PrintsThem()
    {
        var report = await DemoAsync(ReportAudience.Full);
        var (html, pdf, _) = await BoardVersionAsync();

        var sac = report.Priorities.Single(p => p.Number == 1).Actions.ToDictionary(a => a.Number);
        Assert.Equal(["Police – CI Dave Sargent"], sac["1.1"].Leads);
        Assert.Equal(["Police, SAC Task Group – Rachel Carr", "Police", "SCDC – Bridget Fairley"], sac["1.3"].Leads);
        Assert.Equal(["Police – CI Dave Sargent", "SCDC Planning & Sustainable Communities Service"], sac["1.7"].Leads);
        Assert.Equal("Police, SAC Task Group – Rachel Carr", sac["1.3"].Milestones[0].Lead);
        foreach (var text in new[] { html, pdf })
        {
            Assert.Contains("Police – CI Dave Sargent", text, StringComparison.Ordinal);
            Assert.Contains("Rachel Carr", text, StringComparison.Ordinal);
            Assert.Contains("SCDC – Bridget Fairley", text, StringComparison.Ordinal);
        }

        // Action 1.1's lead cell spans its two rows: the action-level update for 1.1a–c, then 1.1d.
        Assert.Contains("<td rowspan=\"2\">Police – CI Dave Sargent</td>", html, StringComparison.Ordinal);
        Assert.Contains("Police – CI Dave Sargent<br>SCDC Planning &amp; Sustainable Communities Service", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PpoAndDipClientsOnScheme_AreFigures_NotText()
    {
        var report = await DemoAsync(ReportAudience.Public);
        using var visitor = await app.ApiClientAsync();
        var html = await visitor.GetStringAsync(Html);
        var pdf = await DocumentFiles.PdfTextAsync(await visitor.GetByteArrayAsync(Docx));

        var table = Section(report, "Priority 2: Reducing Re-offending").Figures.Single();
        Assert.Equal(["PPO", "DIP"], table.Columns);
        var rows = table.Rows.ToDictionary(r => r.Label, r => r.Values);
        Assert.Equal([2m, null], rows["Clients on scheme – Deter"]);
        Assert.Equal([5m, null], rows["Clients on scheme – C+C and R+R"]);
        Assert.Equal([null, 4m], rows["Clients on scheme – January"]);
        Assert.Equal([null, 4m], rows["Clients on scheme – March"]);
        Assert.Equal([1m, 0m], rows["New engagements"]);
        Assert.Equal([1m, 2m], rows["Removals"]);
        Assert.DoesNotContain("Clients on scheme:", table.Note ?? "", StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">Clients on scheme – Deter</th><td class=\"number\">2</td><td class=\"number\">–</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">Clients on scheme – February</th><td class=\"number\">–</td><td class=\"number\">4</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("Clients on scheme – C+C and R+R 5", pdf, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsbCumulative72_IsTheYearToDateBroughtForward_WhenEarlierQuartersWereNotEntered()
    {
        var report = await DemoAsync(ReportAudience.Public);
        using var visitor = await app.ApiClientAsync();
        var html = await visitor.GetStringAsync(Html);
        var pdf = await DocumentFiles.PdfTextAsync(await visitor.GetByteArrayAsync(Docx));

        var table = Section(report, "Update on Anti Social Behaviour").Figures.Single();
        var newCases = table.Rows.Single(r => r.Label == "New cases");
        Assert.Equal([5m], newCases.Values);
        Assert.Equal([72m], newCases.YearToDate);
        Assert.Equal([true], newCases.BroughtForward);
        Assert.Equal([47m], table.Rows.Single(r => r.Label == "Individuals").YearToDate);
        Assert.Equal([15m], table.Rows.Single(r => r.Label == "Families").YearToDate);
        Assert.StartsWith(ReportFigureTable.BroughtForwardNote, table.Note, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">New cases</th><td class=\"number\">5</td><td class=\"number\">72 (brought forward)</td>", html, StringComparison.Ordinal);
        Assert.Contains("earlier quarters were not entered", html, StringComparison.Ordinal);
        Assert.Contains("New cases 5 72 (brought forward)", pdf, StringComparison.Ordinal);
        Assert.Contains("earlier quarters were not entered", System.Net.WebUtility.HtmlDecode(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DaatCharts_AreInTheBoardsVersionAsSvgAndPicture_WithTheirNumbers_AndNotInThePublicVersion()
    {
        var full = await DemoAsync(ReportAudience.Full);
        var (html, pdf, docx) = await BoardVersionAsync();
        using var visitor = await app.ApiClientAsync();
        var publicHtml = await visitor.GetStringAsync(Html);
        var publicDocx = await visitor.GetByteArrayAsync(Docx);

        var charts = Section(full, "Update from Drug and Alcohol Action Team").Figures;
        Assert.All(charts, c => Assert.True(c.Chart && c.Restricted));
        Assert.Equal([18m], charts.Single(c => c.Title == YoungPeople).Rows.Single(r => r.Label == "CASUS").Values);
        Assert.Equal([7m], charts.Single(c => c.Title == YoungPeople).Rows.Single(r => r.Label == "Youth Offending Team").Values);
        Assert.Contains("<figure class=\"chart\">", html, StringComparison.Ordinal);
        Assert.Contains($"<title id=\"s", html, StringComparison.Ordinal);
        Assert.Contains($"Bar chart: {YoungPeople}</title>", html, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"", html, StringComparison.Ordinal);
        Assert.Contains("CASUS: 18; Youth Offending Team: 7</desc>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">CASUS</th><td class=\"number\">18</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Drug treatment</th><td class=\"number\">63</td>", html, StringComparison.Ordinal);
        var parts = DocumentFiles.AllParts(docx);
        Assert.Equal(2, Pictures(docx));
        Assert.Contains($"Bar chart: {YoungPeople}. CASUS: 18; Youth Offending Team: 7", parts, StringComparison.Ordinal);
        Assert.Contains($"{YoungPeople} (Restricted) (chart; the figures are in the table below)", pdf, StringComparison.Ordinal);
        Assert.Contains("CASUS 18", pdf, StringComparison.Ordinal);
        BoardReportTests.AssertValid(docx);

        Assert.DoesNotContain(YoungPeople, publicHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", publicHtml, StringComparison.Ordinal);
        Assert.Equal(0, Pictures(publicDocx));
        Assert.DoesNotContain(YoungPeople, DocumentFiles.AllParts(publicDocx), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartnerBriefing_KeepsItsToLineAndItsOwnNumbering_WithItsFiguresInSection5()
    {
        var report = await DemoAsync(ReportAudience.Public);
        using var visitor = await app.ApiClientAsync();
        var html = await visitor.GetStringAsync(Html);
        var pdf = System.Net.WebUtility.HtmlDecode(await DocumentFiles.PdfTextAsync(await visitor.GetByteArrayAsync(Docx)));

        var briefing = report.Briefings.Single();
        Assert.Equal(BriefingTo, briefing.To);
        Assert.Equal(
            ["1. Purpose", "2. Background", "3. Prevention and Early Intervention", "4. Protection and Justice", "5. Support", "6. Risks", "7. Recommendations"],
            briefing.Sections.Select(s => s.NumberedHeading));
        var support = briefing.Sections.Single(s => s.Figures);
        Assert.Equal(5, support.Number);
        Assert.StartsWith("5.1. The number of referrals", support.Text, StringComparison.Ordinal);
        Assert.StartsWith("Further information", support.TextAfterFigures, StringComparison.Ordinal);

        Assert.Contains($"<dt>To</dt><dd>{BriefingTo}</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("[figures]", html, StringComparison.Ordinal);
        Assert.Contains("<h3>7. Recommendations</h3>", html, StringComparison.Ordinal);
        var page = TestHtml.Parse(html);
        var south = page.QuerySelectorAll("th[scope=row]").FirstOrDefault(th => th.TextContent == "South" && th.NextElementSibling?.TextContent == "40");
        Assert.True(south is not null, "The briefing's figures should have South's 40 referrals.");
        int[] positions =
        [
            TestHtml.PositionOf(page, TestHtml.WithText(page, "p", "5.1. The number of referrals")),
            TestHtml.PositionOf(page, south),
            TestHtml.PositionOf(page, TestHtml.WithText(page, "p", "Further information on reporting")),
            TestHtml.PositionOf(page, TestHtml.WithText(page, "h3", "6. Risks")),
        ];
        Assert.True(positions.SequenceEqual(positions.Order()), "The referrals per district belong in section 5, after 5.1 introduces them.");

        Assert.Contains($"To: {BriefingTo}", pdf, StringComparison.Ordinal);
        Assert.DoesNotContain("[figures]", pdf, StringComparison.Ordinal);
        var order = BriefingInOrder.Select(t => pdf.IndexOf(t, pdf.IndexOf("State of the Partnership Briefing: 4th Quarter", StringComparison.Ordinal), StringComparison.Ordinal))
            .ToList();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);
    }
}

/// <summary>Provider-neutral (the wording of one report; BoardReportTests reads the report's figures on PostgreSQL), so run on SQLite only.</summary>
public sealed class Seed001FidelityTestsOnSqlite(SharedSqliteApp shared) : Seed001FidelityTests(shared.App), IClassFixture<SharedSqliteApp>;
