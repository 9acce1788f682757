using System.Net;
using AngleSharp.Dom;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Plans;

/// <summary>
/// What changed between editions (<c>/editions/{id}/compare</c> and <c>/api/editions/{a}/compare/{b}</c>): with no edition
/// chosen it compares with the one before, else the one after, and it always reads from the earlier edition to the later.
/// Which editions are paired and in which order is decided in memory once they are read, so run on SQLite only; each test's
/// editions are in a partnership of its own (<see cref="TestData"/>), on the shared app.
/// </summary>
public abstract class ComparePageTests(SaferPlanFactory app)
{
    private static async Task<IDocument> PageAsync(PageSession session, string path)
    {
        var (status, html) = await session.PageAsync(path);
        Assert.True(status == HttpStatusCode.OK, $"GET {path} answered {(int)status}");
        return TestHtml.Parse(html);
    }

    /// <summary>The years the page says it compares, from and to, as its "From … to …" line reads them.</summary>
    private static (string From, string To) FromTo(IDocument page)
    {
        var line = TestHtml.WithText(page, "main p.govuk-body", "From ");
        var years = line.QuerySelectorAll("strong").Select(s => s.TextContent).ToList();
        Assert.Equal(2, years.Count);
        return (years[0], years[1]);
    }

    private static Task<TestPartnership> TwoEditionsAsync(SaferPlanFactory app) =>
        TestData.Partnership().WithEdition(2010).WithMilestone(text: "Hold four surgeries").WithEdition(2011).WithMilestone(text: "Hold six surgeries").SaveAsync(app);

    [Fact]
    public async Task ComparePage_FirstEditionWithALaterOne_ComparesWithTheLaterByDefault()
    {
        var partnership = await TwoEditionsAsync(app);
        var (first, later) = (partnership.EditionIds[0], partnership.EditionIds[1]);
        using var visitor = new PageSession(app.ServerAddress);

        var page = await PageAsync(visitor, $"/editions/{first}/compare");

        Assert.DoesNotContain("There is no other edition", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(later.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("select#With option[selected]")?.GetAttribute("value"));
        Assert.Equal(("2010/11", "2011/12"), FromTo(page));
    }

    [Fact]
    public async Task ComparePage_LaterEditionWithNoneChosen_ComparesWithTheEarlier()
    {
        var partnership = await TwoEditionsAsync(app);
        using var visitor = new PageSession(app.ServerAddress);

        var page = await PageAsync(visitor, $"/editions/{partnership.EditionIds[1]}/compare");

        Assert.Equal(("2010/11", "2011/12"), FromTo(page));
    }

    [Fact]
    public async Task Compare_LaterEditionChosenFromTheEarlier_ReadsFromTheEarlierToTheLater_OnThePageAndInTheApi()
    {
        var partnership = await TwoEditionsAsync(app);
        var (first, later) = (partnership.EditionIds[0], partnership.EditionIds[1]);
        using var visitor = new PageSession(app.ServerAddress);

        var page = await PageAsync(visitor, $"/editions/{first}/compare?With={later}");
        var compared = await PlanApi.OkJsonAsync<ComparisonJson>(await visitor.Client.GetAsync($"/api/editions/{later}/compare/{first}"));

        Assert.Equal(("2010/11", "2011/12"), FromTo(page));
        Assert.Equal((first, later), (compared.From.Id, compared.To.Id));
        var milestone = Assert.Single(compared.Milestones);
        Assert.Contains(new WordChangeJson("Inserted", "six"), milestone.Text);
        Assert.Contains(new WordChangeJson("Deleted", "four"), milestone.Text);
    }

    [Fact]
    public async Task ComparePage_OnlyEdition_SaysThereIsNoOtherAndOffersNone()
    {
        var partnership = await TestData.Partnership().WithEdition(2010).WithMilestone().SaveAsync(app);
        using var visitor = new PageSession(app.ServerAddress);

        var page = await PageAsync(visitor, $"/editions/{partnership.EditionId}/compare");

        Assert.Contains("There is no other edition to compare with.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("select#With"));
    }
}

public sealed class ComparePageTestsOnSqlite(SharedSqliteApp shared) : ComparePageTests(shared.App), IClassFixture<SharedSqliteApp>;
