using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Data;
using SaferPlan.Core.Indicators;
using SaferPlan.Core.Plans;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Crime;
using SaferPlan.Web.Tests.Indicators;

using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Documents;

/// <summary>
/// A vertical tab pasted from Word (or any control character XML cannot carry) in a title, an indicator's or crime
/// group's name, or an LSOA name from a crime file never breaks a Word document or a chart: it is made a space on the
/// way in, and the writers make text safe whatever was stored before.
/// </summary>
public abstract class ControlCharacterTests(SaferPlanFactory app)
{
    private const string VerticalTab = "\u000B";
    private const string Window = "from=2008-09&to=2009-08";
    private static readonly int[] NightTime = [9, 14, 3];

    private const string Header = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

    [Fact]
    public async Task AssessmentDocxAndChart_NamesHoldingControlCharacters_AreValidAndKeepTheWords()
    {
        await CrimeTestData.EnsureAsync(app);
        using var analyst = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Analyst, partnership: CrimeTestData.Slug));
        await OkJsonAsync<AreaJson>(await analyst.PutAsJsonAsync($"/api/partnerships/{CrimeTestData.Slug}/area", new { localAuthorityName = "Testshire" }));

        var group = await CreatedAsync<CrimeGroupJson>(await analyst.PostAsJsonAsync($"/api/partnerships/{CrimeTestData.Slug}/crime-groups", new { name = $"Night{VerticalTab}time economy", crimeTypeIds = NightTime }));
        var indicator = await CreatedAsync<IndicatorDetailJson>(await analyst.PostAsJsonAsync($"/api/partnerships/{CrimeTestData.Slug}/indicators",
            new { code = $"BUR{VerticalTab}1", name = $"Burglary{VerticalTab}rate", unit = "Count", polarity = "LowerIsBetter", frequency = "Quarterly", source = "RecordedCrime", crimeType = "Burglary" }));

        Assert.Equal("Night time economy", group.Name);
        Assert.Equal("Burglary rate", indicator.Name);
        Assert.Equal("BUR 1", indicator.Code);

        // What was stored before names were cleaned on the way in, and an LSOA name from an old crime file.
        var groupId = group.Id;
        var indicatorId = indicator.Id;
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            await db.Set<CrimeGroup>().Where(g => g.Id == groupId).ExecuteUpdateAsync(s => s.SetProperty(g => g.Name, $"Night{VerticalTab}time\u0001 economy"));
            await db.Set<Indicator>().Where(i => i.Id == indicatorId).ExecuteUpdateAsync(s => s.SetProperty(i => i.Name, $"Burglary{VerticalTab}rate\u001F"));
            await db.Set<Lsoa>().Where(l => l.Code == "E01990002").ExecuteUpdateAsync(s => s.SetProperty(l => l.Name, $"Testshire{VerticalTab}001B"));
            return await CrimeTestData.BumpAllAsync(db);
        });
        using var anonymous = await app.ApiClientAsync();

        using var response = await anonymous.GetAsync($"/api/partnerships/{CrimeTestData.Slug}/assessment.docx?{Window}");
        using var chart = await anonymous.GetAsync($"/api/partnerships/{CrimeTestData.Slug}/assessment/charts/{group.Key}.svg?{Window}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var docx = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(DocumentFiles.ValidationErrors(docx));
        var text = DocumentFiles.AllParts(docx);
        Assert.Contains("Night time  economy", text, StringComparison.Ordinal);
        Assert.Contains("Burglary rate", text, StringComparison.Ordinal);
        Assert.Contains("Testshire 001B", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        var svg = XDocument.Parse(await chart.Content.ReadAsStringAsync());
        Assert.Contains("Night time  economy", svg.Root!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BoardReportDocx_PriorityTitleHoldingAVerticalTab_IsValid()
    {
        var data = await BoardReportTestData.CreateAsync(app);
        using var admin = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Administrator, partnership: data.Slug));
        var editionId = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<PlanEdition>()
            .Where(e => e.Plan.Partnership!.Slug == data.Slug).Select(e => e.Id).SingleAsync());

        var created = await CreatedAsync<Monitoring.PriorityItemJson>(await admin.PostAsJsonAsync($"/api/editions/{editionId}/priorities", new { title = $"Safer{VerticalTab}roads", amendmentReason = AmendmentReason }));
        Assert.Equal("Safer roads", created.Title);

        await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<Priority>()
            .Where(p => p.Edition.Plan!.Partnership.Slug == data.Slug && p.Number == 1)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Title, p => p.Title + VerticalTab + "and more")));
        using var response = await admin.GetAsync($"/api/partnerships/{data.Slug}/reports/performance/2010-11-q4.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var docx = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(DocumentFiles.ValidationErrors(docx));
        Assert.Contains($"{data.PriorityTitles[0]} and more", DocumentFiles.AllParts(docx), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrimeImport_LsoaNameHoldingAVerticalTab_IsKeptWithASpaceAndAFileWithTheCorrectedNameUpdatesIt()
    {
        using var analyst = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Analyst));
        var force = $"cc-{Guid.NewGuid():N}"[..20];
        var code = $"E09{Random.Shared.Next(100_000, 999_999)}";

        await OkJsonAsync<CrimeImportSummaryJson>(await analyst.PostAsync("/api/crime/imports", StreetFile($"2012-03-{force}-street.csv", "2012-03", code, $"Testplace{VerticalTab}001A")));
        var first = await StoredNameAsync(code);
        await OkJsonAsync<CrimeImportSummaryJson>(await analyst.PostAsync("/api/crime/imports", StreetFile($"2012-04-{force}-street.csv", "2012-04", code, "Correctplace 001A")));

        Assert.Equal("Testplace 001A", first);
        Assert.Equal("Correctplace 001A", await StoredNameAsync(code));
    }

    private Task<string> StoredNameAsync(string code) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<Lsoa>().Where(l => l.Code == code).Select(l => l.Name).SingleAsync());

    private static MultipartFormDataContent StreetFile(string name, string month, string code, string lsoaName)
    {
        var text = $"{Header}\nabc,{month},Test Constabulary,Test Constabulary,0.1,52.1,On or near High Street,{code},{lsoaName},Burglary,Under investigation,\n";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { content, "files", name } };
    }
}

public sealed class ControlCharacterTestsOnSqlite(SqliteFactory app) : ControlCharacterTests(app), IClassFixture<SqliteFactory>;

public sealed class ControlCharacterTestsOnPostgres(PostgresFactory app) : ControlCharacterTests(app), IClassFixture<PostgresFactory>;
