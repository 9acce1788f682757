using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Periods;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Documents;

/// <summary>The Board meeting a quarter's report goes to, set in the browser by a support officer and shown on the report's cover.</summary>
public abstract class BoardMeetingTests(SaferPlanFactory app)
{
    private const string Demo = "south-cambridgeshire";

    /// <summary>This test's own partnership, with an approved 2010/11 plan (xunit makes the class anew for each test).</summary>
    private readonly Lazy<Task<TestPartnership>> partnership = new(() => TestData.Partnership().WithEdition().WithMilestone().SaveAsync(app));

    private async Task<string> SlugAsync() => (await partnership.Value).Slug;

    private async Task<string> Q3FormAsync() => $"/partnerships/{await SlugAsync()}/reports/2010-11-q3/meeting";

    private async Task<PageSession> SignedInAsync(PartnershipRole role)
    {
        var session = new PageSession(app.ServerAddress);
        await session.SignInOrFailAsync(await app.AddUserAsync(role, partnership: await SlugAsync()));
        return session;
    }

    private async Task<BoardMeeting?> MeetingAsync(ReportingPeriod quarter)
    {
        var partnershipId = (await partnership.Value).Id;
        return await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<BoardMeeting>().AsNoTracking()
            .SingleOrDefaultAsync(m => m.PartnershipId == partnershipId && m.ReportPeriod == quarter));
    }

    [Fact]
    public async Task DemoQ4Report_WithoutAMeetingDateAsked_ShowsTheBoardMeetingOnItsCover()
    {
        using var visitor = new PageSession(app.ServerAddress);

        var html = await visitor.Client.GetStringAsync($"/api/partnerships/{Demo}/reports/performance/2010-11-q4.html");
        var pdf = await DocumentFiles.PdfTextAsync(await visitor.Client.GetByteArrayAsync($"/api/partnerships/{Demo}/reports/performance/2010-11-q4.docx"));

        Assert.Contains("26 April 2011", html, StringComparison.Ordinal);
        Assert.Contains("26 APRIL 2011", pdf, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupportOfficer_SetsChangesAndClearsTheDate_OnThePage_AndTheReportsPageAndCoverFollow()
    {
        using var support = await SignedInAsync(PartnershipRole.SupportOfficer);
        var (slug, q3Form) = (await SlugAsync(), await Q3FormAsync());

        using var set = await support.PostFormAsync(q3Form, q3Form, new() { ["MeetsOn.Day"] = "25", ["MeetsOn.Month"] = "1", ["MeetsOn.Year"] = "2011" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var meeting = await MeetingAsync(ReportingPeriod.Of(2010, 3));
        Assert.Equal(new DateOnly(2011, 1, 25), meeting?.MeetsOn);
        var reports = await support.Client.GetStringAsync($"/partnerships/{slug}/reports");
        Assert.Contains("25 January 2011", reports, StringComparison.Ordinal);
        var cover = await support.Client.GetStringAsync($"/partnerships/{slug}/reports/performance/2010-11-q3.html");
        Assert.Contains("25 January 2011", cover, StringComparison.Ordinal);

        using var change = await support.PostFormAsync(q3Form, q3Form, new() { ["MeetsOn.Day"] = "1", ["MeetsOn.Month"] = "2", ["MeetsOn.Year"] = "2011", ["Version"] = meeting!.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        var changed = await MeetingAsync(ReportingPeriod.Of(2010, 3));
        Assert.Equal(new DateOnly(2011, 2, 1), changed?.MeetsOn);

        // Someone still holding the first version is told, not silently overwritten.
        using var stale = await support.PostFormAsync(q3Form, q3Form, new() { ["MeetsOn.Day"] = "8", ["MeetsOn.Month"] = "2", ["MeetsOn.Year"] = "2011", ["Version"] = meeting.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("govuk-error-summary", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2011, 2, 1), (await MeetingAsync(ReportingPeriod.Of(2010, 3)))?.MeetsOn);

        using var clear = await support.PostFormAsync(q3Form, q3Form, new() { ["MeetsOn.Day"] = "", ["MeetsOn.Month"] = "", ["MeetsOn.Year"] = "", ["Version"] = changed!.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, clear.StatusCode);
        Assert.Null(await MeetingAsync(ReportingPeriod.Of(2010, 3)));
    }

    [Theory]
    [InlineData("31", "2", "2011", "The date of the Board meeting must be a real date", "day month year")]
    [InlineData("20", "12", "2010", "The Board meeting must be after the quarter ends (31 December 2010)", "day month year")]
    [InlineData("1", "1", "2040", "The Board meeting must be within a year of the quarter ending: on or before 31 December 2011", "day month year")]
    [InlineData("", "", "", "Enter the date of the Board meeting", "day month year")]
    [InlineData("", "2", "2011", "The date of the Board meeting must include a day", "day")]
    [InlineData("1", "", "", "The date of the Board meeting must include a month and year", "month year")]
    [InlineData("1", "Feb", "11", "The date of the Board meeting must have a year of 4 numbers, like 2011", "year")]
    public async Task BadDate_IsRefusedAgainstTheField_OnlyTheBoxesAtFaultMarked_AndNothingSaved(string day, string month, string year, string message, string boxesInError)
    {
        using var support = await SignedInAsync(PartnershipRole.SupportOfficer);
        var q3Form = await Q3FormAsync();

        using var response = await support.PostFormAsync(q3Form, q3Form, new() { ["MeetsOn.Day"] = day, ["MeetsOn.Month"] = month, ["MeetsOn.Year"] = year });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html, StringComparison.Ordinal);
        var page = TestHtml.Parse(html);
        var marked = page.QuerySelectorAll("#MeetsOn input.govuk-input--error").Select(i => i.Id!["MeetsOn-".Length..]).ToList();
        Assert.Equal(boxesInError.Split(' '), marked);
        Assert.Equal($"MeetsOn-{marked[0]}", Assert.Single(TestHtml.ErrorSummaryLinks(page)).FieldId);
        Assert.Null(await MeetingAsync(ReportingPeriod.Of(2010, 3)));
    }

    [Fact]
    public async Task Date_WithTheMonthAsAName_IsRead()
    {
        using var support = await SignedInAsync(PartnershipRole.SupportOfficer);
        var q3Form = await Q3FormAsync();

        using var response = await support.PostFormAsync(q3Form, q3Form, new() { ["MeetsOn.Day"] = "1", ["MeetsOn.Month"] = "February", ["MeetsOn.Year"] = "2011" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new DateOnly(2011, 2, 1), (await MeetingAsync(ReportingPeriod.Of(2010, 3)))?.MeetsOn);
        using var clear = await support.PostFormAsync(q3Form, q3Form, new() { ["MeetsOn.Day"] = "", ["MeetsOn.Month"] = "", ["MeetsOn.Year"] = "", ["Version"] = (await MeetingAsync(ReportingPeriod.Of(2010, 3)))!.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, clear.StatusCode);
    }

    [Theory]
    [InlineData(PartnershipRole.LeadOfficer)]
    [InlineData(PartnershipRole.BoardMember)]
    public async Task OtherRoles_GetNoForm_AndNoLinkToIt(PartnershipRole role)
    {
        using var member = await SignedInAsync(role);

        using var form = await member.Client.GetAsync(await Q3FormAsync());
        var reports = await member.Client.GetStringAsync($"/partnerships/{await SlugAsync()}/reports");

        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.StartsWith("/account/access-denied", form.Headers.Location?.OriginalString.Replace(app.ServerAddress.ToString().TrimEnd('/'), "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("/meeting\"", reports, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Visitor_IsSentToSignIn()
    {
        using var visitor = new PageSession(app.ServerAddress);

        using var form = await visitor.Client.GetAsync(await Q3FormAsync());

        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.Contains("/account/sign-in", form.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}

public sealed class BoardMeetingTestsOnSqlite(SharedSqliteApp shared) : BoardMeetingTests(shared.App), IClassFixture<SharedSqliteApp>;

public sealed class BoardMeetingTestsOnPostgres(SharedPostgresApp shared) : BoardMeetingTests(shared.App), IClassFixture<SharedPostgresApp>;
