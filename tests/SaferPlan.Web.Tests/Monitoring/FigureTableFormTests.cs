using System.Net;
using SaferPlan.Core.Accounts;
using SaferPlan.TestCommon;

using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Monitoring;

/// <summary>
/// A task group report's figure table edited as a table of boxes, its rows added and removed by plain form posts (no
/// JavaScript); and the error summary listing a form's errors in the order of its fields.
/// </summary>
public abstract class FigureTableFormTests(SaferPlanFactory app)
{
    /// <summary>A partnership of the test's own with an approved 2010/11 plan edition: its slug and its form for a new 2010/11 Q2 task group report.</summary>
    private async Task<(string Slug, string NewReport)> PartnershipAsync()
    {
        var slug = (await TestData.Partnership().WithEdition(2010).WithMilestone().SaveAsync(app)).Slug;
        return (slug, $"/partnerships/{slug}/periods/2010-11-q2/reports/new");
    }

    private static Dictionary<string, string> Report(string title, params (string Label, string Ppo, string Dip)[] rows)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.PriorityId"] = "",
            ["Input.AchievementsMarking"] = "Official",
            ["Input.ConcernsMarking"] = "Official",
            ["Input.RecommendationsMarking"] = "Official",
            ["Input.Version"] = "0",
            ["Input.Figures[0].Title"] = "Scheme updates",
            ["Input.Figures[0].Table.Columns[0]"] = "PPO",
            ["Input.Figures[0].Table.Columns[1]"] = "DIP",
            ["Input.Figures[0].YearToDate"] = "no",
            ["Input.Figures[0].Marking"] = "Official",
        };
        for (var i = 0; i < rows.Length; i++)
        {
            fields[$"Input.Figures[0].Table.Rows[{i}].Label"] = rows[i].Label;
            fields[$"Input.Figures[0].Table.Rows[{i}].Values[0]"] = rows[i].Ppo;
            fields[$"Input.Figures[0].Table.Rows[{i}].Values[1]"] = rows[i].Dip;
        }

        return fields;
    }

    private static string Box(string name, string value) => $"name=\"{name}\" type=\"text\" value=\"{value}\"";

    [Fact]
    public async Task TaskGroupReportForm_AddAndRemoveRowsByPlainPosts_KeepsWhatWasTypedAndSavesNothing()
    {
        var (slug, newReport) = await PartnershipAsync();
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: slug);
        var form = await Forms.PageAsync(support, newReport);
        Assert.Contains("Heading of column 1", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Figures[0].Rows\"", form, StringComparison.Ordinal);

        var add = Report("Row test", ("New engagements", "1", "0"));
        add["FigureCommand"] = "add-row 0";
        using (var added = await Forms.PostAsync(support, newReport, form, add))
        {
            var html = await added.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            Assert.DoesNotContain("govuk-error-summary", html, StringComparison.Ordinal);
            Assert.Contains(Box("Input.Figures[0].Table.Rows[0].Label", "New engagements"), html, StringComparison.Ordinal);
            Assert.Contains(Box("Input.Figures[0].Table.Rows[0].Values[1]", "0"), html, StringComparison.Ordinal);
            Assert.Contains(Box("Input.Figures[0].Table.Rows[1].Label", ""), html, StringComparison.Ordinal);
            Assert.Contains(Box("Input.Figures[0].Table.Rows[1].Values[1]", ""), html, StringComparison.Ordinal);
            Assert.Contains(">New engagements, DIP</label>", html, StringComparison.Ordinal);
            Assert.Contains(Box("Input.Title", "Row test"), html, StringComparison.Ordinal);
        }

        var remove = Report("Row test", ("New engagements", "1", "0"), ("Burglary", "3", "4"), ("Closed", "2", ""));
        remove["FigureCommand"] = "remove-row 0 1";
        using (var removed = await Forms.PostAsync(support, newReport, form, remove))
        {
            var html = await removed.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
            Assert.Contains(Box("Input.Figures[0].Table.Rows[1].Label", "Closed"), html, StringComparison.Ordinal);
            Assert.Contains(Box("Input.Figures[0].Table.Rows[1].Values[0]", "2"), html, StringComparison.Ordinal);
            Assert.DoesNotContain("Burglary", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Input.Figures[0].Table.Rows[2]", html, StringComparison.Ordinal);
        }

        using var api = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: slug));
        var reports = await OkJsonAsync<List<TaskGroupReportJson>>(await api.GetAsync($"/api/partnerships/{slug}/periods/2010-11-q2/task-group-reports"));
        Assert.DoesNotContain(reports, r => r.Title == "Row test");
    }

    [Fact]
    public async Task TaskGroupReportForm_UnreadableFigure_NamesItsCellAndLinksToIt_ThenATableSaves()
    {
        var (slug, newReport) = await PartnershipAsync();
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: slug);
        var form = await Forms.PageAsync(support, newReport);

        using (var refused = await Forms.PostAsync(support, newReport, form, Report("Cell test", ("New engagements", "1", "0"), ("Burglary", "3", "4"), ("Closed", "2", "two"))))
        {
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("<a href=\"#Input-Figures-0--Table-Rows-2--Values-1-\">Row 3, column &#x27;DIP&#x27;: enter a number</a>", html, StringComparison.Ordinal);
            Assert.Contains("id=\"Input-Figures-0--Table-Rows-2--Values-1-\" name=\"Input.Figures[0].Table.Rows[2].Values[1]\" type=\"text\" value=\"two\"", html, StringComparison.Ordinal);
            Assert.Contains("aria-describedby=\"Input-Figures-0--Table-Rows-2--Values-1--error\"", html, StringComparison.Ordinal);
        }

        var good = Report("Cell test", ("New engagements", "1", "0"), ("", "", ""), ("Closed", "2", "–"));
        using (var saved = await Forms.PostAsync(support, newReport, form, good))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Contains("Cell test saved", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var api = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: slug));
        var report = (await OkJsonAsync<List<TaskGroupReportJson>>(await api.GetAsync($"/api/partnerships/{slug}/periods/2010-11-q2/task-group-reports")))
            .Single(r => r.Title == "Cell test");
        var table = report.Figures[0];
        Assert.Equal(["PPO", "DIP"], table.Columns);
        var rows = table.Rows;
        Assert.Equal(["New engagements", "Closed"], rows.Select(r => r.Label));
        Assert.Equal(2m, rows[1].Values[0]);
        Assert.Null(rows[1].Values[1]);
    }

    [Fact]
    public async Task TaskGroupReportForm_TableChosenAsAChart_IsDrawnInTheBoardReport_AndTheEditFormKeepsTheChoice()
    {
        var (slug, newReport) = await PartnershipAsync();
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: slug);
        var form = await Forms.PageAsync(support, newReport);
        Assert.True(TestHtml.IsChecked(TestHtml.Parse(form), "Input.Figures[0].Chart", "no"), "A new table is not drawn as a chart unless asked");
        var fields = Report("Chart test", ("New engagements", "4", "2"), ("Closed", "3", "1"));
        fields["Input.Figures[0].Title"] = "Engagements drawn";
        fields["Input.Figures[0].Chart"] = "yes";

        using (var saved = await Forms.PostAsync(support, newReport, form, fields))
        {
            Assert.Contains("Chart test saved", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var api = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: slug));
        var report = (await OkJsonAsync<List<TaskGroupReportJson>>(await api.GetAsync($"/api/partnerships/{slug}/periods/2010-11-q2/task-group-reports")))
            .Single(r => r.Title == "Chart test");
        Assert.True(report.Figures[0].Chart);
        var board = TestHtml.Parse(await api.GetStringAsync($"/api/partnerships/{slug}/reports/performance/2010-11-q2.html"));
        var chart = TestHtml.WithText(board, "figure.chart", "Engagements drawn (chart; the figures are in the table below)");
        Assert.NotNull(chart.QuerySelector("svg"));

        // Saving the report again from its form keeps the table a chart (the form used to drop it).
        var edit = TestHtml.Parse(await Forms.PageAsync(support, $"/task-group-reports/{report.Id}/edit"));
        Assert.True(TestHtml.IsChecked(edit, "Input.Figures[0].Chart", "yes"));
    }

    [Fact]
    public async Task ErrorSummary_ReportWithAFigureAndOtherErrors_ListsTheFigureCellLast()
    {
        var (slug, newReport) = await PartnershipAsync();
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: slug);
        var form = await Forms.PageAsync(support, newReport);
        // The page reads the figures first, then the priority and the markings; the form shows the table last.
        var fields = Report("Order test", ("New engagements", "one", "0"));
        fields["Input.PriorityId"] = "first";
        fields["Input.AchievementsMarking"] = "Secret";
        fields["Input.RecommendationsMarking"] = "Secret";

        using var refused = await Forms.PostAsync(support, newReport, form, fields);

        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = TestHtml.Parse(html);
        var links = TestHtml.ErrorSummaryLinks(page).Select(l => l.FieldId).ToList();
        Assert.Equal(["Input-PriorityId", "Input-AchievementsMarking", "Input-RecommendationsMarking", "Input-Figures-0--Table-Rows-0--Values-0-"], links);
        Assert.True(TestHtml.PositionsOf(page, links).Order().SequenceEqual(TestHtml.PositionsOf(page, links)), "The fields are not in the summary's order on the page");
    }
}

/// <summary>Each test's reports are in a partnership of its own (<see cref="TestData"/>): on the shared app.</summary>
public sealed class FigureTableFormTestsOnSqlite(SharedSqliteApp shared) : FigureTableFormTests(shared.App), IClassFixture<SharedSqliteApp>;
