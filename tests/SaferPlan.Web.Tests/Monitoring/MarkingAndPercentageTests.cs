using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SaferPlan.Core.Accounts;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Indicators;

using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Monitoring;

/// <summary>
/// What a lead officer may not do with what they otherwise edit: move their task group report onto another lead's
/// priority, or lower a protective marking from Restricted to Official (only support officers and administrators
/// can); and percentages outside 0 to 100 refused wherever the unit or measurement kind is a percentage.
/// </summary>
public abstract class MarkingAndPercentageTests(SaferPlanFactory app)
{
    /// <summary>A user of the role in the partnership; with a person key, the user is that person (a lead officer).</summary>
    private async Task<HttpClient> ClientAsync(PartnershipRole role, string slug, string? person = null) =>
        await app.ApiClientAsync(await app.AddUserAsync(role, person, slug));

    /// <summary>
    /// A partnership of the test's own with an approved 2010/11 plan edition (to which an addition is an amendment): Dave
    /// Sargent leads its priority 1 and Jenny Jolley its priority 2, as in the demo.
    /// </summary>
    private async Task<(TestPartnership Partnership, TestPerson Dave, TestPerson Jenny)> PartnershipAsync()
    {
        var partnership = await TestData.Partnership().WithPerson(out var dave, "Dave Sargent").WithPerson(out var jenny, "Jenny Jolley").WithEdition(2010)
            .WithPriority("Reducing Serious Acquisitive Crime", dave).WithPriority("Reducing Re-offending", jenny).SaveAsync(app);
        return (partnership, dave, jenny);
    }

    /// <summary>A response that must have the given status, its body read as the given record.</summary>
    private static async Task<T> JsonAsync<T>(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
            return JsonSerializer.Deserialize<T>(text, Contract)!;
        }
    }

    private static async Task AssertLoweringRefusedAsync(HttpResponseMessage response, string field = "marking") =>
        Assert.Contains("from Restricted to Official", await ReadValidationErrorAsync(response, field), StringComparison.Ordinal);

    /// <summary>A new priority of the partnership's 2010/11 edition led by Dave Sargent, with an action and a milestone of the given kind, all made by a support officer: their ids.</summary>
    private static async Task<(int Priority, int Action, int Milestone)> DavesPriorityAsync(HttpClient support, TestPartnership partnership, TestPerson dave, string measurementKind = "Count")
    {
        var priority = (await NewPriorityAsync(support, partnership.EditionId, $"Marking test {Guid.NewGuid():N}", dave.Id)).Id;
        var action = (await NewActionAsync(support, priority, "An action under Dave's priority")).Id;
        var milestone = await CreatedAsync<Plans.ItemVersionJson>(await support.PostAsJsonAsync($"/api/actions/{action}/milestones",
            new { text = "A milestone under Dave's priority", measurementKind, amendmentReason = AmendmentReason }));
        return (priority, action, milestone.Id);
    }

    [Fact]
    public async Task LeadOfficer_CannotMoveTheirTaskGroupReportOntoAnotherLeadsPriority()
    {
        var (partnership, _, jennyJolley) = await PartnershipAsync();
        using var jenny = await ClientAsync(PartnershipRole.LeadOfficer, partnership.Slug, jennyJolley.Key);
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, partnership.Slug);
        var priority1 = partnership.PriorityIds[0];
        var priority2 = partnership.PriorityIds[1];
        var created = await JsonAsync<TaskGroupReportJson>(await jenny.PostAsJsonAsync($"/api/partnerships/{partnership.Slug}/periods/2010-11-q2/task-group-reports",
            new { title = "Priority 2: Reducing Re-offending", priorityId = priority2, achievements = "Jenny's text" }), HttpStatusCode.Created);
        var id = created.Id;

        var refused = await ReadValidationErrorAsync(await jenny.PutAsJsonAsync($"/api/task-group-reports/{id}",
            new { title = "Now under Priority 1", priorityId = priority1, achievements = "Jenny's text", achievementsMarking = "Official", concernsMarking = "Official", recommendationsMarking = "Official", version = 1 }), "priorityId");

        Assert.Contains("priority you lead", refused, StringComparison.Ordinal);
        var kept = await JsonAsync<TaskGroupReportJson>(await jenny.GetAsync($"/api/task-group-reports/{id}"), HttpStatusCode.OK);
        Assert.Equal(priority2, kept.PriorityId);
        Assert.Equal(1, kept.Version);

        // Her own priority stays hers to write under, and a support officer may move the report anywhere.
        await JsonAsync<TaskGroupReportJson>(await jenny.PutAsJsonAsync($"/api/task-group-reports/{id}",
            new { title = "Still Priority 2", priorityId = priority2, achievements = "Jenny's text", achievementsMarking = "Official", concernsMarking = "Official", recommendationsMarking = "Official", version = 1 }), HttpStatusCode.OK);
        var moved = await JsonAsync<TaskGroupReportJson>(await support.PutAsJsonAsync($"/api/task-group-reports/{id}",
            new { title = "Moved by the support officer", priorityId = priority1, achievements = "Jenny's text", achievementsMarking = "Official", concernsMarking = "Official", recommendationsMarking = "Official", version = 2 }), HttpStatusCode.OK);
        Assert.Equal(priority1, moved.PriorityId);
    }

    [Fact]
    public async Task LeadOfficer_CannotLowerATaskGroupReportsMarking_ButASupportOfficerCan()
    {
        var (partnership, _, jennyJolley) = await PartnershipAsync();
        using var jenny = await ClientAsync(PartnershipRole.LeadOfficer, partnership.Slug, jennyJolley.Key);
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, partnership.Slug);
        var priority2 = partnership.PriorityIds[1];
        var table = new { title = "Caseload", columns = new[] { "This quarter" }, rows = new[] { new { label = "New cases", values = new decimal?[] { 4 } } }, marking = "Restricted" };
        var created = await JsonAsync<TaskGroupReportJson>(await jenny.PostAsJsonAsync($"/api/partnerships/{partnership.Slug}/periods/2010-11-q1/task-group-reports",
            new { title = "Restricted matters", priorityId = priority2, achievements = "Named premises", achievementsMarking = "Restricted", concerns = "A case", concernsMarking = "Restricted", recommendationsMarking = "Official", figures = new[] { table } }),
            HttpStatusCode.Created);
        var id = created.Id;

        await AssertLoweringRefusedAsync(await jenny.PutAsJsonAsync($"/api/task-group-reports/{id}",
            new { title = "Restricted matters", priorityId = priority2, achievements = "Named premises", achievementsMarking = "Official", concerns = "A case", concernsMarking = "Restricted", recommendationsMarking = "Official", figures = new[] { table }, version = 1 }), "achievementsMarking");
        await AssertLoweringRefusedAsync(await jenny.PutAsJsonAsync($"/api/task-group-reports/{id}",
            new { title = "Restricted matters", priorityId = priority2, achievements = "Named premises", achievementsMarking = "Restricted", concerns = "A case", concernsMarking = "Restricted", recommendationsMarking = "Official", figures = new[] { table with { marking = "Official" } }, version = 1 }), "figures[0].Marking");
        var kept = await JsonAsync<TaskGroupReportJson>(await jenny.GetAsync($"/api/task-group-reports/{id}"), HttpStatusCode.OK);
        Assert.Equal("Restricted", kept.AchievementsMarking);
        Assert.Equal("Restricted", kept.Figures[0].Marking);

        // Keeping the marking, she still edits her text; the support officer may lower it.
        await JsonAsync<TaskGroupReportJson>(await jenny.PutAsJsonAsync($"/api/task-group-reports/{id}",
            new { title = "Restricted matters", priorityId = priority2, achievements = "Named premises, revisited", achievementsMarking = "Restricted", concerns = "A case", concernsMarking = "Restricted", recommendationsMarking = "Official", figures = new[] { table }, version = 1 }), HttpStatusCode.OK);
        var lowered = await JsonAsync<TaskGroupReportJson>(await support.PutAsJsonAsync($"/api/task-group-reports/{id}",
            new { title = "Restricted matters", priorityId = priority2, achievements = "Named premises, revisited", achievementsMarking = "Official", concerns = "A case", concernsMarking = "Official", recommendationsMarking = "Official", figures = new[] { table with { marking = "Official" } }, version = 2 }), HttpStatusCode.OK);
        Assert.Equal("Official", lowered.AchievementsMarking);
    }

    [Fact]
    public async Task TaskGroupReportPage_LeadLoweringAMarking_GetsTheErrorOnTheForm_AndSavingKeepsTheTablesMarking()
    {
        var (partnership, _, jennyJolley) = await PartnershipAsync();
        using var jenny = await ClientAsync(PartnershipRole.LeadOfficer, partnership.Slug, jennyJolley.Key);
        using var page = await Forms.SignedInAsync(app, PartnershipRole.LeadOfficer, jennyJolley.Key, partnership.Slug);
        var priority2 = partnership.PriorityIds[1];
        var table = new { title = "Restricted caseload", columns = new[] { "This quarter" }, rows = new[] { new { label = "New cases", values = new decimal?[] { 4 } } }, marking = "Restricted" };
        var created = await JsonAsync<TaskGroupReportJson>(await jenny.PostAsJsonAsync($"/api/partnerships/{partnership.Slug}/periods/2010-11-q1/task-group-reports",
            new { title = "Page marking test", priorityId = priority2, achievements = "Named premises", achievementsMarking = "Restricted", figures = new[] { table } }), HttpStatusCode.Created);
        var path = $"/task-group-reports/{created.Id}/edit";
        var form = await Forms.PageAsync(page, path);
        Dictionary<string, string> Fields(string achievementsMarking) => new()
        {
            ["Input.Title"] = "Page marking test",
            ["Input.PriorityId"] = priority2.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Achievements"] = "Named premises, edited on the page",
            ["Input.AchievementsMarking"] = achievementsMarking,
            ["Input.ConcernsMarking"] = "Official",
            ["Input.RecommendationsMarking"] = "Official",
            ["Input.Version"] = "1",
            ["Input.Figures[0].Title"] = "Restricted caseload",
            ["Input.Figures[0].Table.Columns[0]"] = "This quarter",
            ["Input.Figures[0].Table.Rows[0].Label"] = "New cases",
            ["Input.Figures[0].Table.Rows[0].Values[0]"] = "4",
            ["Input.Figures[0].YearToDate"] = "no",
            ["Input.Figures[0].Marking"] = TestHtml.Parse(form).QuerySelector("input[type=hidden][name=\"Input.Figures[0].Marking\"]")?.GetAttribute("value") ?? "",
        };
        Assert.Equal("Restricted", Fields("Restricted")["Input.Figures[0].Marking"]);

        using (var refused = await Forms.PostAsync(page, path, form, Fields("Official")))
        {
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
            Assert.Contains(Permissions.LowerMarkingRefused, html, StringComparison.Ordinal);
        }

        using (var saved = await Forms.PostAsync(page, path, form, Fields("Restricted")))
        {
            Assert.True(saved.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"POST {path}: {(int)saved.StatusCode}");
            Assert.DoesNotContain("govuk-error-summary", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var kept = await JsonAsync<TaskGroupReportJson>(await jenny.GetAsync($"/api/task-group-reports/{created.Id}"), HttpStatusCode.OK);
        Assert.Equal("Named premises, edited on the page", kept.Achievements);
        Assert.Equal("Restricted", kept.AchievementsMarking);
        Assert.Equal("Restricted", kept.Figures[0].Marking);
    }

    [Fact]
    public async Task LeadOfficer_CannotLowerThePriorityActionMilestoneOrUpdateTheyLead_ButASupportOfficerCan()
    {
        var (partnership, daveSargent, _) = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, partnership.Slug);
        using var dave = await ClientAsync(PartnershipRole.LeadOfficer, partnership.Slug, daveSargent.Key);
        var (priority, action, milestone) = await DavesPriorityAsync(support, partnership, daveSargent);
        var items = new[] { $"/api/priorities/{priority}", $"/api/actions/{action}", $"/api/milestones/{milestone}" };
        foreach (var path in items)
        {
            var body = PutBody(await GetItemAsync(support, path));
            body["marking"] = "Restricted";
            await PutOkAsync<MarkedItemJson>(support, path, body);
        }

        foreach (var path in items)
        {
            var read = await GetItemAsync(dave, path);
            var body = PutBody(read);
            body["marking"] = "Official";
            await AssertLoweringRefusedAsync(await PutAsync(dave, path, body));
            Assert.Equal("Restricted", (await GetItemAsync<MarkedItemJson>(dave, path)).Marking);

            // Raising and keeping are his to do; lowering is the support officer's.
            body["marking"] = "Restricted";
            var kept = await PutOkAsync(dave, path, body);
            var lower = PutBody(kept);
            lower["marking"] = "Official";
            Assert.Equal("Official", (await PutOkAsync<MarkedItemJson>(support, path, lower)).Marking);
        }

        var update = $"/api/milestones/{milestone}/updates/2010-11-q2";
        await JsonAsync<MilestoneUpdateJson>(await dave.PutAsJsonAsync(update, new { progress = "Restricted progress", status = "OnTrack", marking = "Restricted", version = 0 }), HttpStatusCode.OK);
        await AssertLoweringRefusedAsync(await dave.PutAsJsonAsync(update, new { progress = "Restricted progress", status = "OnTrack", marking = "Official", version = 1 }));
        Assert.Equal("Restricted", (await JsonAsync<MilestoneUpdateJson>(await dave.GetAsync(update), HttpStatusCode.OK)).Marking);
        var lowered = await JsonAsync<MilestoneUpdateJson>(await support.PutAsJsonAsync(update, new { progress = "Restricted progress", status = "OnTrack", marking = "Official", version = 1 }), HttpStatusCode.OK);
        Assert.Equal("Official", lowered.Marking);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("100.5")]
    [InlineData("150")]
    public async Task PercentageMilestoneUpdate_OutsideNoughtToAHundred_IsRefusedNamingTheValue(string value)
    {
        var (partnership, dave, _) = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, partnership.Slug);
        var (_, _, milestone) = await DavesPriorityAsync(support, partnership, dave, "Percentage");
        var update = $"/api/milestones/{milestone}/updates/2010-11-q2";

        var problem = await ReadValidationErrorAsync(await support.PutAsJsonAsync(update, new { progress = "Progress", status = "OnTrack", value, version = 0 }), "value");

        Assert.Contains("0 to 100", problem, StringComparison.Ordinal);
        await JsonAsync<MilestoneUpdateJson>(await support.PutAsJsonAsync(update, new { progress = "Progress", status = "OnTrack", value = "100", version = 0 }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task PercentageIndicator_ValuesBaselinesAndTargetsOutsideNoughtToAHundred_AreRefusedNamingTheField()
    {
        var slug = (await TestData.Partnership().SaveAsync(app)).Slug;
        using var analyst = await ClientAsync(PartnershipRole.Analyst, slug);
        var code = $"PCT-{Guid.NewGuid().ToString("N")[..8]}";
        var indicator = await CreatedAsync<IndicatorDetailJson>(await analyst.PostAsJsonAsync($"/api/partnerships/{slug}/indicators",
            new { code, name = "Share of repeat victims", unit = "Percentage", polarity = "LowerIsBetter", frequency = "Quarterly", source = "Manual" }));
        var id = indicator.Id;

        static async Task RefusedAsync(HttpResponseMessage response, string field)
        {
            Assert.Contains("percentage from 0 to 100", await ReadValidationErrorAsync(response, field), StringComparison.Ordinal);
        }

        await RefusedAsync(await analyst.PostAsJsonAsync($"/api/indicators/{id}/values", new { period = "2010-11-q4", value = 134 }), "value");
        await RefusedAsync(await analyst.PostAsJsonAsync($"/api/indicators/{id}/values", new { period = "2010-11-q4", value = -0.5 }), "value");
        await RefusedAsync(await analyst.PostAsJsonAsync($"/api/indicators/{id}/baselines", new { period = "2008-09", value = 101 }), "value");
        await RefusedAsync(await analyst.PostAsJsonAsync($"/api/indicators/{id}/targets", new { year = "2010-11", kind = "AtMost", number = 250 }), "number");

        var value = await CreatedAsync<IndicatorValueJson>(await analyst.PostAsJsonAsync($"/api/indicators/{id}/values", new { period = "2010-11-q4", value = 34 }));
        await RefusedAsync(await PutAsync(analyst, $"/api/indicator-values/{value.Id}", new JsonObject { ["period"] = "2010-11-q4", ["value"] = 340 }, 1), "value");
        await CreatedAsync<IndicatorBaselineJson>(await analyst.PostAsJsonAsync($"/api/indicators/{id}/baselines", new { period = "2008-09", value = 0 }));
        await CreatedAsync<IndicatorTargetJson>(await analyst.PostAsJsonAsync($"/api/indicators/{id}/targets", new { year = "2010-11", kind = "AtMost", number = 100 }));

        // A count is not a share: the same numbers are fine for it.
        var count = await CreatedAsync<IndicatorDetailJson>(await analyst.PostAsJsonAsync($"/api/partnerships/{slug}/indicators",
            new { code = code + "C", name = "Repeat victims", unit = "Count", polarity = "LowerIsBetter", frequency = "Quarterly", source = "Manual" }));
        await CreatedAsync<IndicatorValueJson>(await analyst.PostAsJsonAsync($"/api/indicators/{count.Id}/values", new { period = "2010-11-q4", value = 134 }));
    }
}

/// <summary>
/// Provider-neutral (who may lower a marking and the range of a percentage, decided before anything is stored), so run on
/// SQLite only; each test's plan, lead officers, reports, updates and indicators are in a partnership of its own
/// (<see cref="TestData"/>): on the shared app.
/// </summary>
public sealed class MarkingAndPercentageTestsOnSqlite(SharedSqliteApp shared) : MarkingAndPercentageTests(shared.App), IClassFixture<SharedSqliteApp>;
