using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Documents;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Periods;
using SaferPlan.Core.Plans;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Documents;

/// <summary>
/// A quarter's milestone monitoring laid out as seed 004 (Rolling Plan 2009–2012 with Q1 progress): regenerated from the
/// demo for 2009/10 Q1, its Word and web forms, and who gets which version.
/// </summary>
public abstract class MilestoneMonitoringTests(SaferPlanFactory app)
{
    private const string Demo = "south-cambridgeshire";

    private static readonly ReportingPeriod Q1 = ReportingPeriod.Of(2009, 1);

    [Fact]
    public async Task Demo_2009_10_Q1_HoldsTheSeedsFiguresAsValuesOfEachMilestonesKind()
    {
        var values = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<MilestoneUpdate>().AsNoTracking()
            .Where(u => u.Period == Q1 && u.Milestone.Action.Priority.Edition.Plan.Partnership.Slug == Demo)
            .Where(u => u.Milestone.Code == "1.2a" || u.Milestone.Code == "1.2c" || u.Milestone.Code == "1.5a")
            .Select(u => new { u.Milestone.Code, u.Milestone.MeasurementKind, u.NumberValue })
            .ToListAsync());

        Assert.Contains(new { Code = "1.2a", MeasurementKind = MeasurementKind.Money, NumberValue = (decimal?)625.00m }, values);
        Assert.Contains(new { Code = "1.2c", MeasurementKind = MeasurementKind.Count, NumberValue = (decimal?)1m }, values);
        Assert.Contains(new { Code = "1.5a", MeasurementKind = MeasurementKind.Percentage, NumberValue = (decimal?)97m }, values);
    }

    [Fact]
    public async Task Demo_2009_10_Q1_EachMilestoneHasMeasurementSourceProgressFigureAndTarget_InTheSeedsOrder()
    {
        var document = await BuildAsync(Demo, Q1, ReportAudience.Public);

        Assert.Equal("South Cambridgeshire CDRP Rolling Plan 2009–2012", document.EditionTitle);
        Assert.Equal("Quarter 1 April 2009–June 2009", document.QuarterHeading);
        var mediation = document.Priorities[0].Actions.Single(a => a.Number == "1.2");
        Assert.Equal("Make use of mediation service in neighbour disputes", mediation.Text);
        var funding = mediation.Milestones.Single(m => m.Code == "1.2a");
        Assert.Equal(
            [
                ("Measurement = ", "yes or no & total funds allocated YTD"),
                ("Source: ", "Anita Goddard"),
                ("Q1 Progress – ", "£2,500 to be funded annually by SCDC – £625.00 quarterly"),
                ("Q1 figure: ", "£625.00"),
                ("To meet target – ", "on track"),
            ],
            document.Lines(funding).Select(l => (l.Label, l.Text)));
        var referrals = mediation.Milestones.Single(m => m.Code == "1.2c");
        Assert.Equal("1", referrals.Progress!.Value);
        Assert.Equal("Yinka Ogunsuyi – SCDC Housing", referrals.Source);
        Assert.Equal("not on track", MilestoneMonitoring.TargetText(mediation.Milestones.Single(m => m.Code == "1.2b").Progress!.Status));
        var graffiti = document.Priorities[0].Actions.Single(a => a.Number == "1.3").Milestones[0];
        Assert.Equal("To meet target – on track/not on track", string.Concat(document.Lines(graffiti)[^1].Label, document.Lines(graffiti)[^1].Text));
        Assert.Equal("See Action 2.1 for more information", document.Priorities.Single(p => p.Number == 4).Actions.Single(a => a.Number == "4.2").CrossReference);
        Assert.Contains(document.Notes, n => n.Text!.Contains("2009/10 figures will be the base line", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Demo_Html_ReadsAsSeed004_WordForWordAndInOrder()
    {
        var document = await BuildAsync(Demo, Q1, ReportAudience.Public);

        var html = MilestoneMonitoringHtml.Render(document);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Lead CDRP agency</th>", html, StringComparison.Ordinal);
        Assert.Contains("Protective marking: Official", html, StringComparison.Ordinal);
        var text = WebUtility.HtmlDecode(html);
        AssertInOrder(
            text,
            "Number", "Action", "Milestones", "Lead CDRP agency", "Other partners",
            "1.2a", "Contribute funding to Cambridgeshire Mediation Service",
            "Measurement = yes or no & total funds allocated YTD",
            "Source: Anita Goddard",
            "Q1 Progress – £2,500 to be funded annually by SCDC – £625.00 quarterly",
            "Q1 figure: £625.00",
            "To meet target – on track",
            "1.2b", "To meet target – not on track",
            "1.2c", "Measurement = total of cases referred", "Source: Yinka Ogunsuyi – SCDC Housing", "Q1 Progress – One case referred for mediation", "Q1 figure: 1<", "To meet target – on track",
            "1.3a", "Q1 Progress – Stats awaited", "To meet target – on track/not on track");
    }

    [Fact]
    public async Task Demo_Docx_IsValidAndItsPdfReadsAsSeed004()
    {
        var document = await BuildAsync(Demo, Q1, ReportAudience.Public);

        var docx = MilestoneMonitoringDocx.ToBytes(document);

        BoardReportTests.AssertValid(docx);
        Assert.Contains("w:tblHeader", DocumentFiles.Parts(docx, "word/document.xml"), StringComparison.Ordinal);
        Assert.Contains("Official", DocumentFiles.Parts(docx, "word/header"), StringComparison.Ordinal);
        var pdf = await DocumentFiles.PdfTextAsync(docx);
        AssertInOrder(
            pdf,
            "Milestone monitoring Quarter 1 April 2009–June 2009",
            "Lead CDRP agency",
            "1.2a Contribute funding to Cambridgeshire",
            "Measurement = yes or no & total funds allocated YTD",
            "Source: Anita Goddard",
            "Q1 Progress – £2,500 to be funded annually by SCDC – £625.00 quarterly",
            "Q1 figure: £625.00",
            "To meet target – on track",
            "1.2b", "To meet target – not on track",
            "1.2c", "Measurement = total of cases referred", "Q1 figure: 1 ", "To meet target – on track");
    }

    [Fact]
    public async Task PublicVersion_LeavesOutRestrictedItemsDraftsAndUpdatesNotAccepted_TheFullVersionMarksThemRestrictedOrAwaitingReview()
    {
        var data = await BoardReportTestData.CreateAsync(app);

        var published = await BuildAsync(data.Slug, BoardReportTestData.Q4, ReportAudience.Public);
        var full = await BuildAsync(data.Slug, BoardReportTestData.Q4, ReportAudience.Full);

        Assert.False(published.IncludesRestricted);
        Assert.True(full.IncludesRestricted);
        var publishedDocx = MilestoneMonitoringDocx.ToBytes(published);
        foreach (var text in new[] { MilestoneMonitoringHtml.Render(published), DocumentFiles.AllParts(publishedDocx) })
        {
            Assert.DoesNotContain(data.Marker, text, StringComparison.Ordinal);
            Assert.DoesNotContain(data.DraftText, text, StringComparison.Ordinal);
            Assert.DoesNotContain(data.SubmittedText, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Restricted priority", text, StringComparison.Ordinal);
            Assert.Contains("Update 1.1a", text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Restricted", DocumentFiles.Parts(publishedDocx, "word/footer"), StringComparison.Ordinal);

        var fullHtml = MilestoneMonitoringHtml.Render(full);
        Assert.Contains(data.Marker, fullHtml, StringComparison.Ordinal);
        Assert.Contains(data.SubmittedText, fullHtml, StringComparison.Ordinal);
        Assert.Contains("Awaiting review: submitted, not yet accepted", fullHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(data.DraftText, fullHtml, StringComparison.Ordinal);
        Assert.Contains("Protective marking: Restricted", fullHtml, StringComparison.Ordinal);
        Assert.Contains("Restricted", DocumentFiles.Parts(MilestoneMonitoringDocx.ToBytes(full), "word/header"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturnedUpdateAndItsReviewComment_AreInNeitherVersion_AndThePublicVersionHidesEmailAddresses()
    {
        var data = await BoardReportTestData.CreateAsync(app);
        var comment = $"Please give the figure {data.Id}";
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var returned = await db.Set<MilestoneUpdate>().SingleAsync(u => u.Period == BoardReportTestData.Q4 && u.Milestone.Code == BoardReportTestData.SubmittedMilestone && u.Milestone.Action.Priority.Edition.Plan.Partnership.Slug == data.Slug);
            returned.State = UpdateState.Returned;
            returned.ReviewComment = comment;
            var milestone = await db.Milestones.SingleAsync(m => m.Code == "1.1a" && m.Action.Priority.Edition.Plan.Partnership.Slug == data.Slug);
            milestone.Source = $"dana.test.{data.Id}@example.org";
            await db.SaveChangesAsync();
            return 0;
        });

        var published = MilestoneMonitoringHtml.Render(await BuildAsync(data.Slug, BoardReportTestData.Q4, ReportAudience.Public));
        var full = MilestoneMonitoringHtml.Render(await BuildAsync(data.Slug, BoardReportTestData.Q4, ReportAudience.Full));

        foreach (var html in new[] { published, full })
        {
            Assert.DoesNotContain(data.SubmittedText, html, StringComparison.Ordinal);
            Assert.DoesNotContain(comment, html, StringComparison.Ordinal);
        }

        Assert.Contains($"Source: dana.test.{data.Id}<", published, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.org", published, StringComparison.Ordinal);
        Assert.Contains($"dana.test.{data.Id}@example.org", full, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_AnonymousDownloads_AreThePublicDocxAndWebPageOfThePublishedQuarter()
    {
        using var client = await app.ApiClientAsync();

        using var docxResponse = await client.GetAsync($"/api/partnerships/{Demo}/reports/monitoring/2009-10-q1.docx");
        using var htmlResponse = await client.GetAsync($"/api/partnerships/{Demo}/reports/monitoring/2009-10-q1.html");

        Assert.Equal(HttpStatusCode.OK, docxResponse.StatusCode);
        Assert.Equal(DocumentMediaTypes.Docx, docxResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", docxResponse.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"{Demo}-monitoring-2009-10-q1-public.docx", docxResponse.Content.Headers.ContentDisposition?.FileNameStar ?? docxResponse.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var docx = await docxResponse.Content.ReadAsByteArrayAsync();
        BoardReportTests.AssertValid(docx);
        Assert.Contains("£625.00", DocumentFiles.Parts(docx, "word/document.xml"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, htmlResponse.StatusCode);
        Assert.Equal("text/html", htmlResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", htmlResponse.Headers.CacheControl?.ToString());
        var html = WebUtility.HtmlDecode(await htmlResponse.Content.ReadAsStringAsync());
        Assert.Contains("Measurement = yes or no & total funds allocated YTD", html, StringComparison.Ordinal);
        Assert.Contains("To meet target – on track", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsPage_LinksEachQuartersMilestoneMonitoring_ThatServesTheWebPageOverHttp()
    {
        using var client = await app.ApiClientAsync();

        var page = await client.GetStringAsync($"/partnerships/{Demo}/reports");
        var html = await client.GetStringAsync($"/partnerships/{Demo}/reports/monitoring/2009-10-q1.html");
        using var docx = await client.GetAsync($"/partnerships/{Demo}/reports/monitoring/2009-10-q1.docx");

        Assert.Contains("Milestone monitoring", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/partnerships/{Demo}/reports/monitoring/2009-10-q1.docx\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/partnerships/{Demo}/reports/monitoring/2009-10-q1.html\"", page, StringComparison.Ordinal);
        Assert.Contains("Q1 figure: £625.00", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
    }

    [Fact]
    public async Task Api_Member_GetsTheFullVersionUnlessTheyAskForThePublicOne_AVisitorOnlyPublishedQuarters()
    {
        var data = await BoardReportTestData.CreateAsync(app, publishQ4: false);
        using var member = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember, partnership: data.Slug));
        using var visitor = await app.ApiClientAsync();

        var full = await member.GetStringAsync($"/api/partnerships/{data.Slug}/reports/monitoring/2010-11-q4.html");
        var published = await member.GetStringAsync($"/api/partnerships/{data.Slug}/reports/monitoring/2010-11-q4.html?audience=public");
        using var unpublished = await visitor.GetAsync($"/api/partnerships/{data.Slug}/reports/monitoring/2010-11-q4.docx");

        Assert.Contains(data.Marker, full, StringComparison.Ordinal);
        Assert.DoesNotContain(data.Marker, published, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unpublished.StatusCode);
        Assert.Equal("application/problem+json", unpublished.Content.Headers.ContentType?.MediaType);
        Assert.Contains("2010/11 Q3", await unpublished.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2009-10-q5", "period")]
    [InlineData("2009-10", "period")]
    [InlineData("2009-10-q1?audience=everyone", "audience")]
    public async Task Api_BadRequest_IsAProblemNamingTheParameter(string request, string parameter)
    {
        using var client = await app.ApiClientAsync();
        var path = request.Contains('?', StringComparison.Ordinal) ? request.Replace("?", ".html?", StringComparison.Ordinal) : request + ".html";

        using var response = await client.GetAsync($"/api/partnerships/{Demo}/reports/monitoring/{path}");

        var problem = await Plans.PlanApi.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.Errors?.ContainsKey(parameter) == true, problem.ToString());
    }

    private static void AssertInOrder(string text, params string[] parts)
    {
        var at = 0;
        foreach (var part in parts)
        {
            var next = text.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(next >= 0, $"'{part}' should follow in order, after position {at}: {text[at..Math.Min(text.Length, at + 1500)]}");
            at = next + part.Length;
        }
    }

    private Task<MilestoneMonitoring> BuildAsync(string slug, ReportingPeriod period, ReportAudience audience) =>
        app.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<MilestoneMonitoringBuilder>().BuildAsync(new MilestoneMonitoringOptions(slug, period, audience)))!);
}

public sealed class MilestoneMonitoringTestsOnSqlite(SharedSqliteApp shared) : MilestoneMonitoringTests(shared.App), IClassFixture<SharedSqliteApp>;

public sealed class MilestoneMonitoringTestsOnPostgres(SharedPostgresApp shared) : MilestoneMonitoringTests(shared.App), IClassFixture<SharedPostgresApp>;
