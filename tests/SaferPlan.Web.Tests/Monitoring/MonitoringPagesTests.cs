using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Data;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Periods;
using SaferPlan.TestCommon;

using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Monitoring;

/// <summary>The partner briefing pages and the update links page, through the real app on both databases.</summary>
public abstract class MonitoringPagesTests(SaferPlanFactory app)
{
    /// <summary>
    /// A partnership of the test's own with an approved 2010/11 plan edition, served by a county-wide body of its own in
    /// place of the demo's Cambridgeshire Domestic Abuse Partnership: the partnership's slug and the body's key.
    /// </summary>
    private async Task<(string Slug, string Body)> PartnershipAsync()
    {
        var partnership = await TestData.Partnership().WithEdition(2010).WithCountyBody(out var county, "Cambridgeshire Domestic Abuse Partnership").SaveAsync(app);
        return (partnership.Slug, county.Key);
    }

    private static Dictionary<string, string> Briefing(string title, int version, string? period = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.ToLine"] = "Cambridgeshire Community Safety Partnerships",
            ["Input.FromName"] = "Domestic Abuse Partnership Manager",
            ["Input.IssuedOn.Day"] = "8",
            ["Input.IssuedOn.Month"] = "4",
            ["Input.IssuedOn.Year"] = "2011",
            ["Input.Purpose"] = "To brief the partnerships on domestic abuse.",
            ["Input.Background"] = "The county-wide partnership reports each quarter.",
            ["Input.Sections"] = "## Performance\nNI32 repeat incidents at 34%.",
            ["Input.FiguresTitle"] = "Referrals to the MARAC by district",
            ["Input.Figures.Rows[0].Label"] = "South Cambridgeshire",
            ["Input.Figures.Rows[0].Values[0]"] = "40",
            ["Input.Figures.Rows[1].Label"] = "City",
            ["Input.Figures.Rows[1].Values[0]"] = "52",
            ["Input.Risks"] = "Funding of the IDVA service ends in March.",
            ["Input.Recommendations"] = "Partners to note the report.",
            ["Input.Marking"] = "Official",
            ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (period is not null)
        {
            fields["Input.Period"] = period;
        }

        return fields;
    }

    [Fact]
    public async Task Briefing_AddedAndEditedOnThePages_IsSharedIntoThePartnership_AndAStaleEditIsRefused()
    {
        var (slug, body) = await PartnershipAsync();
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: slug);
        var reports = await Forms.PageAsync(support, $"/partnerships/{slug}/periods/2010-11-q4/reports");
        Assert.Contains($"href=\"/bodies/{body}/briefings\"", reports, StringComparison.Ordinal);

        // A form with the quarter and title missing and a bad figure: every error in the summary, nothing saved.
        var form = await Forms.PageAsync(support, $"/bodies/{body}/briefings/new?period=2010-11-q3");
        Assert.Contains("value=\"2010-11-q3\"", form, StringComparison.Ordinal);
        var bad = Briefing("", 0, "");
        bad["Input.Figures.Rows[0].Values[0]"] = "forty";
        using (var refused = await Forms.PostAsync(support, $"/bodies/{body}/briefings/new", form, bad))
        {
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
            Assert.Contains("Enter the quarter, like 2010-11-q4", html, StringComparison.Ordinal);
            Assert.Contains("<a href=\"#Input-Figures-Rows-0--Values-0-\">Row 1, column &#x27;Figure&#x27;: enter a number</a>", html, StringComparison.Ordinal);
        }

        // The client follows the redirect after a save, to the body's list.
        using (var added = await Forms.PostAsync(support, $"/bodies/{body}/briefings/new", form, Briefing("Q3 briefing written on the page", 0, "2010-11-q3")))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            Assert.Equal($"/bodies/{body}/briefings", added.RequestMessage?.RequestUri?.AbsolutePath);
            Assert.Contains("Q3 briefing written on the page (2010/11 Q3) saved", await added.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var list = await Forms.PageAsync(support, $"/bodies/{body}/briefings");
        Assert.Contains("Q3 briefing written on the page", list, StringComparison.Ordinal);
        using var api = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember, partnership: slug));
        var shared = (await OkJsonAsync<List<BriefingJson>>(await api.GetAsync($"/api/partnerships/{slug}/periods/2010-11-q3/briefings")))
            .Single(b => b.Title == "Q3 briefing written on the page");
        Assert.Equal("Funding of the IDVA service ends in March.", shared.Risks);
        Assert.Equal("Cambridgeshire Community Safety Partnerships", shared.ToLine);
        var id = shared.Id;

        // Someone else saves it (version 1 → 2) while this form, read at version 1, is open: the form's save is refused.
        var edit = await Forms.PageAsync(support, $"/bodies/{body}/briefings/{id}/edit");
        Assert.Contains("name=\"Input.Figures.Rows[0].Label\" type=\"text\" value=\"South Cambridgeshire\"", edit, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Figures.Rows[0].Values[0]\" type=\"text\" value=\"40\"", edit, StringComparison.Ordinal);
        using var other = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: slug));
        using (var theirs = await other.PutAsJsonAsync($"/api/bodies/{body}/briefings/{id}", new { title = "Their title", marking = "Official", version = 1 }))
        {
            Assert.True(theirs.IsSuccessStatusCode, await theirs.Content.ReadAsStringAsync());
        }

        using (var stale = await Forms.PostAsync(support, $"/bodies/{body}/briefings/{id}/edit", edit, Briefing("My stale title", 1)))
        {
            var html = await stale.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
            Assert.Contains("was changed after you opened it", html, StringComparison.Ordinal);
            Assert.Contains("value=\"My stale title\"", html, StringComparison.Ordinal);
        }

        edit = await Forms.PageAsync(support, $"/bodies/{body}/briefings/{id}/edit");
        using (var saved = await Forms.PostAsync(support, $"/bodies/{body}/briefings/{id}/edit", edit, Briefing("Q3 briefing, second version", 2)))
        {
            Assert.Equal($"/bodies/{body}/briefings", saved.RequestMessage?.RequestUri?.AbsolutePath);
        }

        var after = (await OkJsonAsync<List<BriefingJson>>(await api.GetAsync($"/api/partnerships/{slug}/periods/2010-11-q3/briefings"))).Single(b => b.Id == id);
        Assert.Equal("Q3 briefing, second version", after.Title);
        Assert.Equal(3, after.Version);
    }

    [Fact]
    public async Task BriefingForm_IsNotForABoardMember()
    {
        var (slug, body) = await PartnershipAsync();
        using var board = await Forms.SignedInAsync(app, PartnershipRole.BoardMember, partnership: slug);

        var list = await Forms.PageAsync(board, $"/bodies/{body}/briefings");
        using var form = await board.GetAsync($"/bodies/{body}/briefings/new");

        Assert.DoesNotContain("Add a briefing", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
    }

    [Fact]
    public async Task UpdateLinksPage_ListsALinkAndRevokesIt_Audited()
    {
        // Jenny leads a milestone of the partnership's 2010/11 plan.
        var partnership = await TestData.Partnership().WithPerson(out var jenny, "Jenny Jolley").WithEdition(2010).WithMilestone(jenny).SaveAsync(app);
        var slug = partnership.Slug;
        var personId = jenny.Id;
        var token = await app.WithScopeAsync(sp =>
            sp.GetRequiredService<UpdateLinkService>().CreateAsync(partnership.Id, personId, ReportingPeriod.Parse("2010-11-q4"), "links page test", TimeSpan.FromDays(14)));
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: slug);
        Assert.Contains($"/partnerships/{slug}/periods/2010-11-q4/links", await Forms.PageAsync(support, $"/partnerships/{slug}/periods/2010-11-q4/completeness"), StringComparison.Ordinal);

        var page = await Forms.PageAsync(support, $"/partnerships/{slug}/periods/2010-11-q4/links");
        var linkId = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<UpdateLink>().Where(l => l.PersonId == personId && l.CreatedBy == "links page test").Select(l => l.Id).SingleAsync());
        Assert.Contains("Jenny Jolley", page, StringComparison.Ordinal);
        Assert.Contains("Active", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"linkId\" value=\"{linkId}\"", page, StringComparison.Ordinal);

        using (var revoke = await Forms.PostAsync(support, $"/partnerships/{slug}/periods/2010-11-q4/links?handler=Revoke", page, new() { ["linkId"] = linkId.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
            Assert.Contains("The link sent to Jenny Jolley", await revoke.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var after = await Forms.PageAsync(support, $"/partnerships/{slug}/periods/2010-11-q4/links");
        Assert.Contains("Revoked", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"name=\"linkId\" value=\"{linkId}\"", after, StringComparison.Ordinal);
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = app.ServerAddress });
        using var opened = await anonymous.GetAsync($"/u/{token}");
        Assert.Equal(HttpStatusCode.Gone, opened.StatusCode);
        var history = await app.WithScopeAsync(sp => sp.GetRequiredService<AuditReader>().HistoryAsync("UpdateLink", linkId));
        Assert.Contains(history, h => h.Changes.Any(c => c.Field == "RevokedAt" && c.Old is null && c.New is not null));
    }

    [Fact]
    public async Task UpdateLinksPage_IsNotForABoardMember_AndRevokeNeedsTheAntiforgeryToken()
    {
        var slug = (await TestData.Partnership().WithEdition(2010).WithMilestone().SaveAsync(app)).Slug;
        using var board = await Forms.SignedInAsync(app, PartnershipRole.BoardMember, partnership: slug);
        using var page = await board.GetAsync($"/partnerships/{slug}/periods/2010-11-q4/links");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);

        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: slug);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["linkId"] = "1" });
        using var forged = await support.PostAsync($"/partnerships/{slug}/periods/2010-11-q4/links?handler=Revoke", form);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}

/// <summary>Each test's briefings, people and update links are in a partnership of its own (<see cref="TestData"/>): on the shared app.</summary>
public sealed class MonitoringPagesTestsOnSqlite(SharedSqliteApp shared) : MonitoringPagesTests(shared.App), IClassFixture<SharedSqliteApp>;

/// <inheritdoc cref="MonitoringPagesTestsOnSqlite"/>
public sealed class MonitoringPagesTestsOnPostgres(SharedPostgresApp shared) : MonitoringPagesTests(shared.App), IClassFixture<SharedPostgresApp>;

/// <summary>Keeps every log line the app writes, with the scopes it was written in.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            logs.Lines.Enqueue($"scope {category}: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
    }
}

/// <summary>The app with every ASP.NET Core log at Information, captured.</summary>
public sealed class LoggedFactory() : SaferPlanFactory(TestDatabase.Sqlite)
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:Default", "Information");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Information");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}

public sealed class UpdateLinkLoggingTests(LoggedFactory app) : IClassFixture<LoggedFactory>
{
    [Fact]
    public async Task UpdateLinkToken_NeverReachesTheLogs_AndTheLinkStillOpens()
    {
        var personId = await app.PersonIdAsync("jenny-jolley");
        var token = await app.WithScopeAsync(async sp =>
        {
            var partnershipId = await sp.GetRequiredService<SaferPlanDbContext>().Partnerships.Where(p => p.Slug == "south-cambridgeshire").Select(p => p.Id).SingleAsync();
            return await sp.GetRequiredService<UpdateLinkService>().CreateAsync(partnershipId, personId, ReportingPeriod.Parse("2010-11-q4"), "logging test", TimeSpan.FromDays(14));
        });
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = app.ServerAddress });

        using var response = await client.GetAsync($"/u/{token}?from=email");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Jenny Jolley", html, StringComparison.Ordinal);
        var lines = app.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("/u/link", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(token, StringComparison.Ordinal) || l.Contains(token[3..20], StringComparison.Ordinal));
    }
}
