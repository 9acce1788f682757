using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Documents;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Documents;

/// <summary>The quarterly Board Performance Report (seed 001): its content, its Word and web forms, and who gets which version.</summary>
public abstract class BoardReportTests(SaferPlanFactory app)
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [Fact]
    public async Task Docx_FullVersion_IsValidAndItsPdfHasEveryPriorityMilestoneUpdateAndPageNumbers()
    {
        var data = await BoardReportTestData.CreateAsync(app);
        var report = await BuildAsync(data, ReportAudience.Full);

        var docx = BoardReportDocx.ToBytes(report);

        AssertValid(docx);
        var pdf = await DocumentFiles.PdfTextAsync(docx);
        Assert.Contains(data.Name, pdf, StringComparison.Ordinal);
        Assert.Contains("Performance Report Quarter 4 January 2011–March 2011", pdf, StringComparison.Ordinal);
        Assert.Contains("26 APRIL 2011", pdf, StringComparison.Ordinal);
        foreach (var title in data.PriorityTitles.Take(2))
        {
            Assert.Contains(title, pdf, StringComparison.Ordinal);
        }

        Assert.Contains("Restricted priority", pdf, StringComparison.Ordinal);
        foreach (var code in data.MilestoneCodes)
        {
            Assert.Contains(code, pdf, StringComparison.Ordinal);
        }

        foreach (var text in data.UpdateTexts)
        {
            Assert.Contains(text, pdf, StringComparison.Ordinal);
        }

        Assert.Contains("Q4 update", pdf, StringComparison.Ordinal);
        Assert.Contains("Page 1 of", pdf, StringComparison.Ordinal);
        Assert.Contains("RESTRICTED", pdf, StringComparison.Ordinal);
        Assert.DoesNotContain(data.Q3Text, pdf, StringComparison.Ordinal);
        Assert.DoesNotContain(data.DraftText, pdf, StringComparison.Ordinal);
        Assert.DoesNotContain("Briefing for another partnership", pdf, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docx_FullVersion_HasRestrictedItemsAndSaysRestrictedInHeaderAndFooter()
    {
        var data = await BoardReportTestData.CreateAsync(app);
        var report = await BuildAsync(data, ReportAudience.Full);

        var docx = BoardReportDocx.ToBytes(report);

        Assert.True(report.IncludesRestricted);
        Assert.Contains(data.Marker, DocumentFiles.AllParts(docx), StringComparison.Ordinal);
        Assert.Contains("Restricted", DocumentFiles.Parts(docx, "word/header"), StringComparison.Ordinal);
        var footer = DocumentFiles.Parts(docx, "word/footer");
        Assert.Contains("Restricted", footer, StringComparison.Ordinal);
        Assert.Contains(" PAGE ", footer, StringComparison.Ordinal);
        Assert.Contains(" NUMPAGES ", footer, StringComparison.Ordinal);
        Assert.Contains("w:tblHeader", DocumentFiles.Parts(docx, "word/document.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docx_PublicVersion_IsValidAndLeavesOutEveryRestrictedItem()
    {
        var data = await BoardReportTestData.CreateAsync(app);
        var report = await BuildAsync(data, ReportAudience.Public);

        var docx = BoardReportDocx.ToBytes(report);

        AssertValid(docx);
        Assert.False(report.IncludesRestricted);
        var parts = DocumentFiles.AllParts(docx);
        Assert.DoesNotContain(data.Marker, parts, StringComparison.Ordinal);
        Assert.DoesNotContain("Restricted priority", parts, StringComparison.Ordinal);
        Assert.DoesNotContain("Concern about a named offender", parts, StringComparison.Ordinal);
        Assert.Contains("Official", DocumentFiles.Parts(docx, "word/header"), StringComparison.Ordinal);
        Assert.DoesNotContain("Restricted", DocumentFiles.Parts(docx, "word/footer"), StringComparison.Ordinal);

        // The official parts around the restricted ones are all there.
        Assert.Contains(data.PriorityTitles[0], parts, StringComparison.Ordinal);
        Assert.Contains($"Recommendation {data.Id}", parts, StringComparison.Ordinal);
        Assert.Contains("Update 1.1a", parts, StringComparison.Ordinal);
        Assert.DoesNotContain("1.3a", parts, StringComparison.Ordinal);
        Assert.DoesNotContain("2.1b", parts, StringComparison.Ordinal);
        Assert.DoesNotContain("Update 1.1b", parts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_PublicVersion_IsAccessibleAndLeavesOutEveryRestrictedItem()
    {
        var data = await BoardReportTestData.CreateAsync(app);
        var report = await BuildAsync(data, ReportAudience.Public);

        var html = BoardReportHtml.Render(report);

        Assert.DoesNotContain(data.Marker, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Restricted priority", html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en-GB\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">", html, StringComparison.Ordinal);
        Assert.Contains("@page", html, StringComparison.Ordinal);
        Assert.Contains("break-before: page", html, StringComparison.Ordinal);
        Assert.Contains("Protective marking: Official", html, StringComparison.Ordinal);
        Assert.Contains(data.UpdateTexts[0], html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_FullVersion_SaysRestrictedAtTopAndBottom()
    {
        var data = await BoardReportTestData.CreateAsync(app);
        var report = await BuildAsync(data, ReportAudience.Full);

        var html = BoardReportHtml.Render(report);

        Assert.Contains(data.Marker, html, StringComparison.Ordinal);
        var page = TestHtml.Parse(html);
        Assert.Equal("Protective marking: Restricted", page.GetElementById("marking-top")?.TextContent.Trim());
        Assert.Equal("Protective marking: Restricted", page.GetElementById("marking-bottom")?.TextContent.Trim());
        var markings = TestHtml.PositionsOf(page, ["marking-top", "marking-bottom"]);
        var main = TestHtml.PositionOf(page, page.QuerySelector("main")!);
        Assert.True(markings[0] < main && main < markings[1], "The full version should say Restricted above the report and below it.");
        Assert.Null(page.QuerySelector("main #marking-bottom"));
        Assert.Contains("content: \"RESTRICTED\"", html, StringComparison.Ordinal);

        // Every part of the page is in a landmark, the top marking in a named region.
        Assert.All(page.Body!.Children, e => Assert.True(
            e.LocalName is "header" or "main" or "footer" || (e.LocalName == "section" && e.HasAttribute("aria-label")), $"<{e.LocalName}> stands outside any landmark"));
        Assert.NotNull(page.QuerySelector("section[aria-label='Protective marking'] #marking-top"));
    }

    [Fact]
    public async Task Report_FollowsTheSeedsOrder_PrioritiesThenBriefingsThenOtherReports()
    {
        var data = await BoardReportTestData.CreateAsync(app);

        var report = await BuildAsync(data, ReportAudience.Full);
        var main = TestHtml.SpacedText(TestHtml.Parse(BoardReportHtml.Render(report)).QuerySelector("main")!);

        Assert.Equal(data.PriorityTitles, report.Priorities.Select(p => p.Heading[(p.Heading.IndexOf(": ", StringComparison.Ordinal) + 2)..]));
        var sac = report.Priorities[0];
        Assert.Equal("Ch Insp. Dana Test", sac.Reports.Single().LeadOfficer);
        Assert.Equal(["1.1", "1.2", "1.3"], sac.Actions.Select(a => a.Number));
        Assert.Equal("See Priority 2 Action Plan for more information", sac.Actions[1].CrossReference);
        var update = sac.Actions[0].Milestones[0].Update!;
        Assert.Equal(data.UpdateTexts[0], update.Progress);
        Assert.Equal("On track", update.Status);
        var draft = report.Priorities[1].Actions.Single(a => a.Number == "2.2").Milestones.Single();
        Assert.Equal(BoardReportTestData.DraftMilestone, draft.Code);
        Assert.Null(draft.Update);
        Assert.Equal(["Update on Anti Social Behaviour", $"Update from Road Safety Partnership {data.Id}"], report.OtherReports.Select(r => r.Title));
        Assert.Equal([$"State of the Partnership Briefing {data.Id}", $"Restricted briefing {data.Marker}"], report.Briefings.Select(b => b.Title));
        // Seed 001: priority 3, then the Southern Domestic Abuse Task Group's plan and the partnership briefing, then ASB, the DAAT and road safety.
        var lastPriority = main.IndexOf(report.Priorities[^1].Heading, StringComparison.Ordinal);
        var briefing = main.IndexOf($"State of the Partnership Briefing {data.Id}", StringComparison.Ordinal);
        var asb = main.IndexOf("Update on Anti Social Behaviour", StringComparison.Ordinal);
        Assert.True(lastPriority >= 0 && lastPriority < briefing && briefing < asb, $"priority {lastPriority}, briefing {briefing}, ASB {asb}");
        Assert.Equal("Quarter 4 January 2011–March 2011", report.QuarterHeading);
        Assert.Equal($"{data.Slug}-performance-2010-11-q4.docx", report.FileName("docx"));
    }

    [Fact]
    public async Task YearToDate_IsTheSumOfTheSameTableOverTheYearsQuartersSoFar()
    {
        var data = await BoardReportTestData.CreateAsync(app);

        var full = await BuildAsync(data, ReportAudience.Full);
        var published = await BuildAsync(data, ReportAudience.Public);

        var table = full.OtherReports.Single(r => r.Title == "Update on Anti Social Behaviour").Figures.Single();
        Assert.Equal(BoardReportTestData.YtdTable, table.Title);
        Assert.Equal(["This quarter"], table.Columns);
        Assert.Equal(["Year to date (Q1–Q4)"], table.YearToDateColumns);
        Assert.Equal([11m], table.Rows.Single(r => r.Label == "New cases").Values);
        Assert.Equal([BoardReportTestData.NewCasesYtdFull], table.Rows.Single(r => r.Label == "New cases").YearToDate);
        Assert.Equal([BoardReportTestData.IndividualsYtd], table.Rows.Single(r => r.Label == "Individuals").YearToDate);

        // A restricted copy of the table in Q2 counts in the full version only.
        var publicTable = published.OtherReports.Single(r => r.Title == "Update on Anti Social Behaviour").Figures.Single();
        Assert.Equal([BoardReportTestData.NewCasesYtdPublic], publicTable.Rows.Single(r => r.Label == "New cases").YearToDate);

        var q2 = await app.WithScopeAsync(sp => sp.GetRequiredService<BoardReportBuilder>().BuildAsync(new BoardReportOptions(data.Slug, Core.Periods.ReportingPeriod.Of(2010, 2), ReportAudience.Public)));
        Assert.Equal([8m], q2!.OtherReports.Single().Figures.Single().Rows.Single(r => r.Label == "New cases").YearToDate);
        var html = BoardReportHtml.Render(published);
        Assert.Contains($"<td class=\"number\">{BoardReportTestData.NewCasesYtdPublic}</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_AnonymousDownload_IsThePublicDocxAsAnAttachment()
    {
        var data = await BoardReportTestData.CreateAsync(app);
        using var client = await app.ApiClientAsync();

        using var response = await client.GetAsync($"/api/partnerships/{data.Slug}/reports/performance/2010-11-q4.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocxType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"{data.Slug}-performance-2010-11-q4-public.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var docx = await response.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain(data.Marker, DocumentFiles.AllParts(docx), StringComparison.Ordinal);
        Assert.Contains(data.PriorityTitles[0], DocumentFiles.AllParts(docx), StringComparison.Ordinal);
        AssertValid(docx);
    }

    [Fact]
    public async Task DemoReport_Indicators_ReadAsSeed001_AReductionNotARate_AndAValueWithoutTargetSaysNoTarget()
    {
        using var client = await app.ApiClientAsync();

        var html = await client.GetStringAsync("/api/partnerships/south-cambridgeshire/reports/performance/2010-11-q4.html");
        var pdf = await DocumentFiles.PdfTextAsync(await client.GetByteArrayAsync("/api/partnerships/south-cambridgeshire/reports/performance/2010-11-q4.docx"));

        foreach (var text in new[] { html, System.Net.WebUtility.HtmlDecode(pdf) })
        {
            Assert.Contains("46% reduction", text, StringComparison.Ordinal);
            Assert.DoesNotContain("rate of 46%", text, StringComparison.Ordinal);
            Assert.Contains("No target", text, StringComparison.Ordinal);
            Assert.Contains("34% with no target set for 2010/11.", text.ReplaceLineEndings(" "), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Api_AnonymousWebPage_IsThePublicVersion()
    {
        var data = await BoardReportTestData.CreateAsync(app);
        using var client = await app.ApiClientAsync();

        using var response = await client.GetAsync($"/api/partnerships/{data.Slug}/reports/performance/2010-11-q4.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(data.Marker, html, StringComparison.Ordinal);
        Assert.Contains(data.PriorityTitles[0], html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_Member_GetsTheFullVersionUnlessTheyAskForThePublicOne()
    {
        var data = await BoardReportTestData.CreateAsync(app);
        using var client = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember, partnership: data.Slug));

        var full = await client.GetByteArrayAsync($"/api/partnerships/{data.Slug}/reports/performance/2010-11-q4.docx");
        var published = await client.GetByteArrayAsync($"/api/partnerships/{data.Slug}/reports/performance/2010-11-q4.docx?audience=public");
        var publishedHtml = await client.GetStringAsync($"/api/partnerships/{data.Slug}/reports/performance/2010-11-q4.html?audience=public");

        Assert.Contains(data.Marker, DocumentFiles.AllParts(full), StringComparison.Ordinal);
        Assert.Contains("Restricted", DocumentFiles.Parts(full, "word/header"), StringComparison.Ordinal);
        Assert.Contains("Restricted", DocumentFiles.Parts(full, "word/footer"), StringComparison.Ordinal);
        Assert.DoesNotContain(data.Marker, DocumentFiles.AllParts(published), StringComparison.Ordinal);
        Assert.DoesNotContain(data.Marker, publishedHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_MemberOfAnotherPartnership_GetsThePublicVersion()
    {
        var data = await BoardReportTestData.CreateAsync(app);
        var another = await TestData.Partnership().SaveAsync(app);
        using var client = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: another.Slug));

        var docx = await client.GetByteArrayAsync($"/api/partnerships/{data.Slug}/reports/performance/2010-11-q4.docx");

        Assert.DoesNotContain(data.Marker, DocumentFiles.AllParts(docx), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2010-11-q5")]
    [InlineData("2010-11")]
    [InlineData("last-quarter")]
    public async Task Api_BadPeriod_IsBadRequestProblemNamingThePeriodAndItsForm(string period)
    {
        using var client = await app.ApiClientAsync();

        using var response = await client.GetAsync($"/api/partnerships/south-cambridgeshire/reports/performance/{period}.docx");

        var problem = await Plans.PlanApi.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.Errors?.ContainsKey("period") == true, problem.ToString());
        Assert.Contains("2010-11-q4", problem.Detail, StringComparison.Ordinal);
        Assert.Contains(period, problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_UnknownPartnership_IsNotFoundProblem()
    {
        using var client = await app.ApiClientAsync();

        using var response = await client.GetAsync("/api/partnerships/nowhere/reports/performance/2010-11-q4.html");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nowhere", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsPage_ListsQuartersWithWordAndWebPageLinks_ThatServeThePublicVersionToVisitors()
    {
        var data = await BoardReportTestData.CreateAsync(app);
        using var client = await app.ApiClientAsync();

        var page = await client.GetStringAsync($"/partnerships/{data.Slug}/reports");

        Assert.Contains("Performance reports", page, StringComparison.Ordinal);
        foreach (var quarter in new[] { "2010-11-q4", "2010-11-q3", "2010-11-q1", "2009-10-q4" })
        {
            Assert.Contains($"href=\"/partnerships/{data.Slug}/reports/performance/{quarter}.docx\"", page, StringComparison.Ordinal);
            Assert.Contains($"href=\"/partnerships/{data.Slug}/reports/performance/{quarter}.html\"", page, StringComparison.Ordinal);
        }

        Assert.Contains("Download Word document", page, StringComparison.Ordinal);
        Assert.Contains("View as web page", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("2010/11 Q4", StringComparison.Ordinal) < page.IndexOf("2010/11 Q3", StringComparison.Ordinal), "Newest quarter first");
        var html = await client.GetStringAsync($"/partnerships/{data.Slug}/reports/performance/2010-11-q4.html");
        Assert.DoesNotContain(data.Marker, html, StringComparison.Ordinal);
        using var missing = await client.GetAsync("/partnerships/nowhere/reports");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    internal static void AssertValid(byte[] docx)
    {
        var errors = DocumentFiles.ValidationErrors(docx);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private Task<BoardReport> BuildAsync(BoardReportTestData data, ReportAudience audience) =>
        app.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<BoardReportBuilder>().BuildAsync(new BoardReportOptions(data.Slug, BoardReportTestData.Q4, audience, new DateOnly(2011, 4, 26))))!);
}

public sealed class BoardReportTestsOnSqlite(SharedSqliteApp shared) : BoardReportTests(shared.App), IClassFixture<SharedSqliteApp>;

public sealed class BoardReportTestsOnPostgres(SharedPostgresApp shared) : BoardReportTests(shared.App), IClassFixture<SharedPostgresApp>;
