using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using SaferPlan.Core.Accounts;
using SaferPlan.TestCommon;

using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Indicators;

/// <summary>The indicator pages over HTTP as a browser without JavaScript uses them: reading, and posting the forms with the antiforgery token.</summary>
public abstract partial class IndicatorPageTests(SaferPlanFactory app)
{
    private const string Demo = "south-cambridgeshire";

    /// <summary>
    /// This test's own partnership (xunit makes the class anew for each test), made on first use: an approved 2010/11 plan
    /// with a priority, and a lead officer, Dave, who leads its one milestone.
    /// </summary>
    private readonly Lazy<Task<(TestPartnership Partnership, TestPerson Lead)>> own = new(async () =>
    {
        var partnership = await TestData.Partnership().WithPerson(out var lead, "Dave Test").WithEdition().WithPriority().WithMilestone(lead).SaveAsync(app);
        return (partnership, lead);
    });

    private async Task<string> SlugAsync() => (await own.Value).Partnership.Slug;

    private static string NewCode(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    [Fact]
    public async Task List_Anonymous_ShowsNI32At34PercentWithItsStatusTagAndSentence()
    {
        using var browser = new PageSession(app.ServerAddress);

        var (status, html) = await browser.PageAsync($"/partnerships/{Demo}/indicators");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("NI32", html, StringComparison.Ordinal);
        Assert.Contains("34%", html, StringComparison.Ordinal);
        Assert.Contains("34% with no target set for 2010/11.", html, StringComparison.Ordinal);
        Assert.Contains("No target", TestHtml.Parse(html).QuerySelectorAll(".govuk-tag").Select(t => t.TextContent.Trim()));
        Assert.DoesNotContain("Add an indicator", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.PageAsync("/partnerships/nowhere/indicators")).Status);
    }

    [Fact]
    public async Task IndicatorPage_Anonymous_ShowsDefinitionValuesAndLinksButNoForms()
    {
        using var api = await app.ApiClientAsync();
        var ni30 = (await OkJsonAsync(await api.GetAsync($"/api/partnerships/{Demo}/indicators"))).EnumerateArray().Single(i => i.Str("code") == "NI30");
        using var browser = new PageSession(app.ServerAddress);

        var (status, html) = await browser.PageAsync($"/indicators/{ni30.Id()}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Re-offending rate of prolific and priority offenders", html, StringComparison.Ordinal);
        Assert.Contains("46% reduction", html, StringComparison.Ordinal);
        Assert.Contains("Reducing Re-offending task group, Q4 2010/11 report", html, StringComparison.Ordinal);
        Assert.Contains("Priority 2", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/indicators/{ni30.Id()}/values/new", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.PageAsync("/indicators/999999")).Status);
    }

    [Fact]
    public async Task Forms_AnonymousAreSentToSignIn_ReadersAreRefused()
    {
        var slug = await SlugAsync();
        using var analystApi = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Analyst, partnership: slug));
        var id = (await CreatedAsync(await analystApi.PostAsJsonAsync($"/api/partnerships/{slug}/indicators", Indicator(NewCode("PG"))))).Id();
        var forms = new[]
        {
            $"/partnerships/{slug}/indicators/new", $"/indicators/{id}/edit", $"/indicators/{id}/values/new",
            $"/indicators/{id}/baselines/new", $"/indicators/{id}/targets/new", $"/indicators/{id}/links/new",
        };

        using var anonymous = new PageSession(app.ServerAddress);
        using var board = await SignedInAsync(PartnershipRole.BoardMember);
        using var lead = await SignedInAsync(PartnershipRole.LeadOfficer, (await own.Value).Lead.Key);
        foreach (var form in forms)
        {
            using var toSignIn = await anonymous.Client.GetAsync(form);
            Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
            Assert.StartsWith("/account/sign-in", toSignIn.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
            foreach (var reader in new[] { board, lead })
            {
                using var refused = await reader.Client.GetAsync(form);
                Assert.True(
                    refused.StatusCode == HttpStatusCode.Forbidden
                    || (refused.StatusCode == HttpStatusCode.Redirect && refused.Headers.Location!.PathAndQuery().StartsWith("/account/access-denied", StringComparison.Ordinal)),
                    $"GET {form}: {(int)refused.StatusCode} {refused.Headers.Location}");
            }
        }
    }

    [Fact]
    public async Task Analyst_AddsAnIndicatorBaselineTargetAndValueThroughTheForms_AndSeesTheStatus()
    {
        using var browser = await SignedInAsync(PartnershipRole.Analyst);
        var code = NewCode("FORM");

        // The indicator form, first with the code left out.
        var newIndicator = $"/partnerships/{await SlugAsync()}/indicators/new";
        var refused = await browser.SubmitAsync(newIndicator, new()
        {
            ["Input.Name"] = "Clients seen a month", ["Input.Unit"] = "Count", ["Input.Polarity"] = "HigherIsBetter",
            ["Input.Frequency"] = "Monthly", ["Input.Source"] = "Manual",
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("govuk-error-summary", refused.Html, StringComparison.Ordinal);
        Assert.Contains("Enter the indicator&#x27;s code", refused.Html, StringComparison.Ordinal);
        Assert.Contains("value=\"Clients seen a month\"", refused.Html, StringComparison.Ordinal);

        var saved = await browser.SubmitAsync(newIndicator, new()
        {
            ["Input.Code"] = code, ["Input.Name"] = "Clients seen a month", ["Input.Unit"] = "Count", ["Input.Polarity"] = "HigherIsBetter",
            ["Input.Frequency"] = "Monthly", ["Input.Source"] = "Manual", ["Input.CrimeType"] = "", ["Input.CrimeGroup"] = "",
        });
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"{(int)saved.Status}: {ErrorSummary(saved.Html)}");
        var id = int.Parse(Regex.Match(saved.Location!, "^/indicators/(\\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        // A baseline and "a minimum of 70 clients a month" for 2010/11.
        var baseline = await browser.SubmitAsync($"/indicators/{id}/baselines/new", new() { ["Input.Period"] = "2009-10", ["Input.Value"] = "64", ["Input.Source"] = "Last year" });
        Assert.True(baseline.Status == HttpStatusCode.Redirect, ErrorSummary(baseline.Html));
        var badTarget = await browser.SubmitAsync($"/indicators/{id}/targets/new", new() { ["Input.Year"] = "2010/11", ["Input.Kind"] = "AtLeast", ["Input.Number"] = "seventy" });
        Assert.Equal(HttpStatusCode.OK, badTarget.Status);
        Assert.Contains("govuk-error-summary", badTarget.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input-Number\">Enter the target&#x27;s number, like 130 or -10</a>", badTarget.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input-Number\"", badTarget.Html, StringComparison.Ordinal);
        // Errors found by the page and by the editor, in no order of their own: the summary lists them as the form shows its fields.
        var fourErrors = await browser.SubmitAsync($"/indicators/{id}/targets/new", new() { ["Input.Year"] = "next year", ["Input.Kind"] = "Sideways", ["Input.Number"] = "70", ["Input.AmberTolerance"] = "five", ["Input.BaselineId"] = "last" });
        Assert.Equal(HttpStatusCode.OK, fourErrors.Status);
        var fourErrorsPage = TestHtml.Parse(fourErrors.Html);
        var links = TestHtml.ErrorSummaryLinks(fourErrorsPage).Select(l => l.FieldId).ToList();
        Assert.Equal(["Input-Year", "Input-Kind", "Input-BaselineId", "Input-AmberTolerance"], links);
        Assert.Equal(TestHtml.PositionsOf(fourErrorsPage, links).Order(), TestHtml.PositionsOf(fourErrorsPage, links));
        var target = await browser.SubmitAsync($"/indicators/{id}/targets/new", new() { ["Input.Year"] = "2010/11", ["Input.Kind"] = "AtLeast", ["Input.Number"] = "70", ["Input.AmberTolerance"] = "5" });
        Assert.True(target.Status == HttpStatusCode.Redirect, ErrorSummary(target.Html));

        // A value that is not a number, then one that is.
        var badValue = await browser.SubmitAsync($"/indicators/{id}/values/new", new() { ["Input.Period"] = "2010-09", ["Input.Value"] = "lots" });
        Assert.Equal(HttpStatusCode.OK, badValue.Status);
        Assert.Contains("Enter the value as a number", badValue.Html, StringComparison.Ordinal);
        var value = await browser.SubmitAsync($"/indicators/{id}/values/new", new() { ["Input.Period"] = "2010-09", ["Input.Value"] = "67", ["Input.Source"] = "Referral log" });
        Assert.True(value.Status == HttpStatusCode.Redirect, ErrorSummary(value.Html));
        Assert.Equal($"/indicators/{id}#values", value.Location);

        var (status, page) = await browser.PageAsync($"/indicators/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"{code} value saved", page, StringComparison.Ordinal);
        Assert.Contains("67 against a target of at least 70: amber, missing it by 3 (within the tolerance of 5).", page, StringComparison.Ordinal);
        Assert.Contains("Amber", TestHtml.Parse(page).QuerySelectorAll(".govuk-tag--orange").Select(t => t.TextContent.Trim()));
        Assert.Contains("Referral log", page, StringComparison.Ordinal);

        // The link form: Priority 1 of 2010/11.
        using var api = await app.ApiClientAsync();
        var priorityId = (await own.Value).Partnership.PriorityIds[0];
        var link = await browser.SubmitAsync($"/indicators/{id}/links/new", new() { ["Input.PriorityId"] = priorityId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.MilestoneId"] = "" });
        Assert.True(link.Status == HttpStatusCode.Redirect, ErrorSummary(link.Html));
        var detail = await GetItemAsync<IndicatorDetailJson>(api, $"/api/indicators/{id}");
        Assert.Equal(priorityId, Assert.Single(detail.Links).PriorityId);
        Assert.Equal("Amber", Assert.Single(detail.Values).Status);
    }

    /// <summary>
    /// Each edit page's "Delete this …" button posts to its own page's delete handler (its form had no address, so it posted
    /// to the save handler and deleted nothing): the value, target, baseline and indicator go, each in turn.
    /// </summary>
    [Fact]
    public async Task DeleteButtons_OnTheEditPages_DeleteTheValueTargetBaselineAndIndicator()
    {
        var slug = await SlugAsync();
        var analystEmail = await app.AddUserAsync(PartnershipRole.Analyst, partnership: slug);
        using var analystApi = await app.ApiClientAsync(analystEmail);
        var id = (await CreatedAsync(await analystApi.PostAsJsonAsync($"/api/partnerships/{slug}/indicators", Indicator(NewCode("GONE"))))).Id();
        var valueId = (await CreatedAsync(await analystApi.PostAsJsonAsync($"/api/indicators/{id}/values", new { period = "2010-11-q1", value = 10 }))).Id();
        var baselineId = (await CreatedAsync(await analystApi.PostAsJsonAsync($"/api/indicators/{id}/baselines", new { period = "2009-10", value = 20 }))).Id();
        var targetId = (await CreatedAsync(await analystApi.PostAsJsonAsync($"/api/indicators/{id}/targets", new { year = "2010/11", kind = "AtMost", number = 15 }))).Id();
        using var browser = new PageSession(app.ServerAddress);
        await browser.SignInOrFailAsync(analystEmail);

        foreach (var (path, button) in new[]
        {
            ($"/indicator-values/{valueId}/edit", "Delete this value"),
            ($"/indicator-targets/{targetId}/edit", "Delete this target"),
            ($"/indicator-baselines/{baselineId}/edit", "Delete this baseline"),
            ($"/indicators/{id}/edit", "Delete this indicator"),
        })
        {
            var (status, html) = await browser.PageAsync(path);
            Assert.Equal(HttpStatusCode.OK, status);
            var form = TestHtml.Parse(html).QuerySelectorAll("main form").Single(f => f.TextContent.Contains(button, StringComparison.Ordinal));
            var action = form.GetAttribute("action") ?? "";
            Assert.Equal($"{path}?handler=Delete", action);
            Assert.NotNull(form.QuerySelector("input[name='__RequestVerificationToken']"));
            var fields = form.QuerySelectorAll("input[type=hidden]").Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
                .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
            using var deleted = await Forms.PostAsync(browser.Client, action, html, fields, path);
            Assert.True(deleted.StatusCode == HttpStatusCode.Redirect, $"{button}: {(int)deleted.StatusCode}");
            Assert.Equal(HttpStatusCode.NotFound, (await browser.PageAsync(path)).Status);
        }
    }

    [Fact]
    public async Task ValueForm_EditWithAStaleVersion_KeepsTheFirstWritersValue()
    {
        var slug = await SlugAsync();
        using var analystApi = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Analyst, partnership: slug));
        var id = (await CreatedAsync(await analystApi.PostAsJsonAsync($"/api/partnerships/{slug}/indicators", Indicator(NewCode("STALE"))))).Id();
        var valueId = (await CreatedAsync(await analystApi.PostAsJsonAsync($"/api/indicators/{id}/values", new { period = "2010-11-q1", value = 10 }))).Id();
        using var browser = await SignedInAsync(PartnershipRole.SupportOfficer);
        var (_, form) = await browser.PageAsync($"/indicator-values/{valueId}/edit");
        Assert.Contains("name=\"Input.Version\" value=\"1\"", form, StringComparison.Ordinal);

        // Someone else saves first.
        await PutOkAsync(analystApi, $"/api/indicator-values/{valueId}", new System.Text.Json.Nodes.JsonObject { ["period"] = "2010-11-q1", ["value"] = 11 }, ifMatch: 1);

        var stale = await browser.SubmitAsync($"/indicator-values/{valueId}/edit", new() { ["Input.Period"] = "2010-11-q1", ["Input.Value"] = "99", ["Input.Version"] = "1" }, form);

        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("govuk-error-summary", stale.Html, StringComparison.Ordinal);
        Assert.Contains("version 1", stale.Html, StringComparison.Ordinal);
        var value = Assert.Single((await GetItemAsync<IndicatorDetailJson>(analystApi, $"/api/indicators/{id}")).Values);
        Assert.Equal(11m, value.Value);
    }

    /// <summary>
    /// The indicator page's Remove link: the link goes and the page says so; a second press finds no link (404, where it
    /// used to show "There is no indicator link" in the success banner); a board member is refused.
    /// </summary>
    [Fact]
    public async Task RemoveLink_OnThePage_RemovesIt_ThenFindsNone_AndBoardMembersAreRefused()
    {
        var slug = await SlugAsync();
        using var analystApi = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Analyst, partnership: slug));
        var id = (await CreatedAsync(await analystApi.PostAsJsonAsync($"/api/partnerships/{slug}/indicators", Indicator(NewCode("UNLINK"))))).Id();
        var priorityId = (await own.Value).Partnership.PriorityIds[0];
        using var linked = await analystApi.PostAsJsonAsync($"/api/indicators/{id}/links", new { priorityId });
        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
        var linkId = (await ReadAsync<Plans.IdJson>(linked)).Id;
        using var analyst = await SignedInAsync(PartnershipRole.Analyst);
        using var board = await SignedInAsync(PartnershipRole.BoardMember);
        var (_, page) = await analyst.PageAsync($"/indicators/{id}");
        var unlink = $"/indicators/{id}?handler=Unlink";
        var fields = new Dictionary<string, string> { ["linkId"] = linkId.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        var refused = await board.SubmitAsync(unlink, new(fields), (await board.PageAsync($"/indicators/{id}")).Html);
        Assert.True(refused.Status == HttpStatusCode.Forbidden || (refused.Location is { } to && new Uri(to, UriKind.RelativeOrAbsolute).PathAndQuery().StartsWith("/account/access-denied", StringComparison.Ordinal)), $"{(int)refused.Status} {refused.Location}");
        Assert.Single((await GetItemAsync<IndicatorDetailJson>(analystApi, $"/api/indicators/{id}")).Links);

        var removed = await analyst.SubmitAsync(unlink, new(fields), page);
        Assert.Equal((HttpStatusCode.Redirect, $"/indicators/{id}#links"), (removed.Status, removed.Location));
        Assert.Contains("Link removed", (await analyst.PageAsync($"/indicators/{id}")).Html, StringComparison.Ordinal);
        Assert.Empty((await GetItemAsync<IndicatorDetailJson>(analystApi, $"/api/indicators/{id}")).Links);

        Assert.Equal(HttpStatusCode.NotFound, (await analyst.SubmitAsync(unlink, new(fields), page)).Status);
    }

    private static object Indicator(string code) =>
        new { code, name = "Page test indicator", unit = "Percentage", polarity = "LowerIsBetter", frequency = "Quarterly", source = "Manual" };

    private static string ErrorSummary(string html) =>
        TestHtml.Parse(html).QuerySelector("div.govuk-error-summary") is { } summary ? TestHtml.SpacedText(summary) : "(no error summary)";

    private async Task<PageSession> SignedInAsync(PartnershipRole role, string? person = null) =>
        await PageSession.SignedInAsync(app, role, person, await SlugAsync());
}

public sealed class IndicatorPageTestsOnSqlite(SharedSqliteApp shared) : IndicatorPageTests(shared.App), IClassFixture<SharedSqliteApp>;

public sealed class IndicatorPageTestsOnPostgres(SharedPostgresApp shared) : IndicatorPageTests(shared.App), IClassFixture<SharedPostgresApp>;
