using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Periods;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Plans;

using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Indicators;

/// <summary>
/// The indicators API over HTTP: the list and an indicator with values judged against targets, writing indicators,
/// values, baselines, targets and links with versions, problem details naming the field, and who may write.
/// Each test makes indicators of its own (unique codes), so the tests share the demo partnership safely.
/// </summary>
public abstract class IndicatorApiTests(SaferPlanFactory app)
{
    private const string Demo = "south-cambridgeshire";

    /// <summary>
    /// This test's own partnership (xunit makes the class anew for each test), made on first use: an approved 2010/11 plan of
    /// two priorities, the first led by Dave.
    /// </summary>
    private readonly Lazy<Task<(TestPartnership Partnership, TestPerson Lead)>> own = new(async () =>
    {
        var partnership = await TestData.Partnership().WithPerson(out var lead, "Dave Test").WithEdition().WithPriority(lead: lead).WithPriority().SaveAsync(app);
        return (partnership, lead);
    });

    private async Task<string> SlugAsync() => (await own.Value).Partnership.Slug;

    /// <summary>The id of this test's priority of 2010/11 by its number.</summary>
    private async Task<int> OwnPriorityIdAsync(int number) => (await own.Value).Partnership.PriorityIds[number - 1];

    /// <summary>A caller with the role in this test's partnership, or in <paramref name="partnership"/>.</summary>
    private async Task<HttpClient> ClientAsync(PartnershipRole role, string? person = null, string? partnership = null) =>
        await app.ApiClientAsync(await app.AddUserAsync(role, person, partnership ?? await SlugAsync()));

    private static string NewCode(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    private static object Manual(string code, string name = "Test indicator", string unit = "Percentage", string polarity = "LowerIsBetter") =>
        new { code, name, unit, polarity, frequency = "Quarterly", source = "Manual" };

    /// <summary>A new manual indicator of this test's partnership.</summary>
    private async Task<IndicatorDetailJson> CreateIndicatorAsync(HttpClient client, string code, string unit = "Percentage", string polarity = "LowerIsBetter") =>
        await CreatedAsync<IndicatorDetailJson>(await client.PostAsJsonAsync($"/api/partnerships/{await SlugAsync()}/indicators", Manual(code, unit: unit, polarity: polarity)));

    private static async Task<List<IndicatorSummaryJson>> ListAsync(HttpClient client, string slug) =>
        await OkJsonAsync<List<IndicatorSummaryJson>>(await client.GetAsync($"/api/partnerships/{slug}/indicators"));

    private static async Task<IndicatorSummaryJson> IndicatorByCodeAsync(HttpClient client, string slug, string code) =>
        (await ListAsync(client, slug)).Single(i => i.Code == code);

    private static async Task<IndicatorDetailJson> DetailAsync(HttpClient client, int id) => await GetItemAsync<IndicatorDetailJson>(client, $"/api/indicators/{id}");

    private static async Task<IndicatorValueJson> ValueAsync(HttpClient client, int id, string period) =>
        await OkJsonAsync<IndicatorValueJson>(await client.GetAsync($"/api/indicators/{id}/value?period={period}"));

    [Fact]
    public async Task List_Anonymous_ShowsTheDemoIndicatorsWithNI32At34PercentAndItsSentence()
    {
        using var anonymous = await app.ApiClientAsync();

        var list = await ListAsync(anonymous, Demo);

        var codes = list.Select(i => i.Code).ToList();
        Assert.Equal(["NI16", "LOCAL-BURGLARY", "LOCAL-VEHICLE", "NI30", "NI32", "LOCAL-1.5a", "LOCAL-1.5b", "LOCAL-1.9a"], codes.Take(8));
        var ni32 = list.Single(i => i.Code == "NI32");
        var latest = ni32.Latest;
        Assert.NotNull(latest);
        Assert.Equal("34%", latest.ValueText);
        Assert.Equal(34m, latest.Value);
        Assert.Equal("2010-11-q4", latest.Period);
        Assert.Equal("NoTarget", ni32.Status);
        Assert.Equal("No target", ni32.StatusText);
        Assert.Equal("34% with no target set for 2010/11.", ni32.Sentence);
        Assert.Equal(ni32.Sentence, latest.Sentence);

        // LOCAL-1.5a: 97% against at least 95% in 2009/10 is green.
        var local15a = list.Single(i => i.Code == "LOCAL-1.5a");
        Assert.Equal("Green", local15a.Status);
        Assert.Equal("97% against a target of at least 95%: green.", local15a.Sentence);
        Assert.Equal("2009-10", local15a.Target?.Year);
    }

    [Fact]
    public async Task Detail_NI32_HasItsValueSourceSentenceRuleAndLinkToPriority3()
    {
        using var anonymous = await app.ApiClientAsync();
        var id = (await IndicatorByCodeAsync(anonymous, Demo, "NI32")).Id;

        var detail = await DetailAsync(anonymous, id);

        Assert.Equal("Repeat incidents of domestic violence", detail.Name);
        Assert.Equal("Percentage", detail.Unit);
        Assert.Equal("LowerIsBetter", detail.Polarity);
        Assert.False(string.IsNullOrWhiteSpace(detail.EvaluationRule));
        var value = Assert.Single(detail.Values);
        Assert.Equal("34%", value.ValueText);
        Assert.Equal("Domestic Abuse Partnership briefing, Q4 2010/11", value.Source);
        Assert.Equal("34% with no target set for 2010/11.", value.Sentence);
        var link = Assert.Single(detail.Links);
        Assert.StartsWith("Priority 3: ", link.Text, StringComparison.Ordinal);

        var one = await ValueAsync(anonymous, id, "2010-11-q4");
        Assert.Equal("34%", one.ValueText);
        var none = await ValueAsync(anonymous, id, "2010-11-q3");
        Assert.Equal("NoData", none.Status);
        Assert.Null(none.Value);
        await ReadValidationErrorAsync(await anonymous.GetAsync($"/api/indicators/{id}/value?period=2010-11-q9"), "period");
        await AssertNotFoundAsync(anonymous, "/api/indicators/999999");
        await AssertNotFoundAsync(anonymous, "/api/partnerships/nowhere/indicators");
    }

    [Fact]
    public async Task Analyst_CreatesIndicatorWithBaselineTargetValueAndLink_ThenEditsAndDeletesThem()
    {
        using var analyst = await ClientAsync(PartnershipRole.Analyst);
        var code = NewCode("FTE");

        // The indicator: "no more than 130 first time entrants".
        var indicator = await CreateIndicatorAsync(analyst, code, unit: "Count");
        var id = indicator.Id;
        Assert.Equal(code, indicator.Code);
        Assert.Equal("Count", indicator.Unit);
        Assert.Empty(indicator.Values);

        var baseline = await CreatedAsync<IndicatorBaselineJson>(await analyst.PostAsJsonAsync($"/api/indicators/{id}/baselines", new { period = "2008-09", value = 150, source = "YOS 2008/09" }));
        Assert.Equal("2008-09", baseline.Period);
        var target = await CreatedAsync<IndicatorTargetJson>(await analyst.PostAsJsonAsync($"/api/indicators/{id}/targets", new { year = "2010/11", kind = "AtMost", number = 130, amberTolerance = 5 }));
        Assert.Equal("2010-11", target.Year);
        var value = await CreatedAsync<IndicatorValueJson>(await analyst.PostAsJsonAsync($"/api/indicators/{id}/values", new { period = "2010-11", value = 133, source = "YOS", comment = "Year end" }));
        Assert.Equal("Amber", value.Status);
        Assert.Equal("133 against a target of at most 130: amber, missing it by 3 (within the tolerance of 5).", value.Sentence);

        // A listed indicator shows its latest value, the target for that year and the status.
        var listed = await IndicatorByCodeAsync(analyst, await SlugAsync(), code);
        Assert.Equal("133", listed.Latest?.ValueText);
        Assert.Equal("Amber", listed.Status);
        Assert.Equal(130m, listed.Target?.Number);

        // Link to Priority 2 of 2010/11, and read it back on the indicator.
        var priorityId = await OwnPriorityIdAsync(2);
        using (var linked = await analyst.PostAsJsonAsync($"/api/indicators/{id}/links", new { priorityId }))
        {
            Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
        }

        var detail = await DetailAsync(analyst, id);
        var link = Assert.Single(detail.Links);
        Assert.Equal(priorityId, link.PriorityId);
        Assert.Equal("2010/11", link.EditionYear);
        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync($"/api/indicators/{id}/links", new { priorityId }), "priorityId");

        // Edit each with If-Match.
        var indicatorBody = JsonNode.Parse(JsonSerializer.Serialize(Manual(code, "First time entrants to the youth justice system", "Count")))!.AsObject();
        var edited = await PutOkAsync<IndicatorDetailJson>(analyst, $"/api/indicators/{id}", indicatorBody, ifMatch: 1);
        Assert.Equal(2, edited.Version);
        Assert.Equal("First time entrants to the youth justice system", edited.Name);
        var newValue = await PutOkAsync<IndicatorValueJson>(analyst, $"/api/indicator-values/{value.Id}", new JsonObject { ["period"] = "2010-11", ["value"] = 120, ["source"] = "YOS, revised" }, ifMatch: 1);
        Assert.Equal("Green", newValue.Status);
        var earlier = Assert.Single(Assert.Single((await DetailAsync(analyst, id)).Values).Earlier);
        Assert.Equal("133", earlier.Value);
        Assert.Equal("YOS", earlier.Source);
        Assert.Equal("Year end", earlier.Comment);
        var newBaseline = await PutOkAsync<IndicatorBaselineJson>(analyst, $"/api/indicator-baselines/{baseline.Id}", new JsonObject { ["period"] = "2008-09", ["value"] = 155 }, ifMatch: 1);
        Assert.Equal(155m, newBaseline.Value);
        var newTarget = await PutOkAsync<IndicatorTargetJson>(analyst, $"/api/indicator-targets/{target.Id}", new JsonObject
        {
            ["year"] = "2010-11", ["kind"] = "PercentChangeOnBaseline", ["number"] = -10, ["baselineId"] = baseline.Id, ["version"] = 1,
        });
        Assert.Equal("PercentChangeOnBaseline", newTarget.Kind);
        var judged = await ValueAsync(analyst, id, "2010-11");
        Assert.Equal("Green", judged.Status);
        Assert.Equal("120 against a target of a 10% reduction on the 2008/09 baseline of 155 (at most 139.5): green.", judged.Sentence);

        // The baseline cannot go while a target is measured from it.
        await ReadValidationErrorAsync(await DeleteAsync(analyst, $"/api/indicator-baselines/{baseline.Id}", version: 2), "baselineId");

        // Delete each.
        using (var gone = await analyst.DeleteAsync($"/api/indicator-links/{link.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, gone.StatusCode);
        }

        foreach (var (path, version) in new[]
                 {
                     ($"/api/indicator-values/{value.Id}", 2), ($"/api/indicator-targets/{target.Id}", 2),
                     ($"/api/indicator-baselines/{baseline.Id}", 2),
                 })
        {
            using var deleted = await DeleteAsync(analyst, path, ifMatch: version);
            Assert.True(deleted.StatusCode == HttpStatusCode.NoContent, $"DELETE {path}: {(int)deleted.StatusCode} {await deleted.Content.ReadAsStringAsync()}");
        }

        var bare = await DetailAsync(analyst, id);
        Assert.Empty(bare.Values);
        Assert.Empty(bare.Baselines);
        Assert.Empty(bare.Targets);
        Assert.Empty(bare.Links);

        using (var deleted = await DeleteAsync(analyst, $"/api/indicators/{id}", version: 2))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await AssertNotFoundAsync(analyst, $"/api/indicators/{id}");
    }

    [Fact]
    public async Task DeletingAnIndicator_RemovesItsValuesBaselinesTargetsAndLinks()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var indicator = await CreateIndicatorAsync(support, NewCode("GONE"));
        var id = indicator.Id;
        var baseline = await CreatedAsync<IndicatorBaselineJson>(await support.PostAsJsonAsync($"/api/indicators/{id}/baselines", new { period = "2009-10", value = 20 }));
        await CreatedAsync<IndicatorTargetJson>(await support.PostAsJsonAsync($"/api/indicators/{id}/targets", new { year = "2010-11", kind = "BelowBaseline", baselineId = baseline.Id }));
        await CreatedAsync<IndicatorValueJson>(await support.PostAsJsonAsync($"/api/indicators/{id}/values", new { period = "2010-11-q1", value = 19 }));
        using (var linked = await support.PostAsJsonAsync($"/api/indicators/{id}/links", new { priorityId = await OwnPriorityIdAsync(1) }))
        {
            Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
        }

        using var deleted = await DeleteAsync(support, $"/api/indicators/{id}", ifMatch: 1);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await AssertNotFoundAsync(support, $"/api/indicators/{id}");
        await AssertNotFoundAsync(support, $"/api/indicators/{id}/value?period=2010-11-q1");
    }

    [Fact]
    public async Task Versions_StaleIfMatchIs412_StaleBodyVersionIs409_NoneIs428_AndTheFirstWriterWins()
    {
        using var analyst = await ClientAsync(PartnershipRole.Analyst);
        using var other = await ClientAsync(PartnershipRole.SupportOfficer);
        var code = NewCode("VER");
        var id = (await CreateIndicatorAsync(analyst, code)).Id;
        var value = await CreatedAsync<IndicatorValueJson>(await analyst.PostAsJsonAsync($"/api/indicators/{id}/values", new { period = "2010-11-q2", value = 10 }));
        var baseline = await CreatedAsync<IndicatorBaselineJson>(await analyst.PostAsJsonAsync($"/api/indicators/{id}/baselines", new { period = "2008-09", value = 10 }));
        var target = await CreatedAsync<IndicatorTargetJson>(await analyst.PostAsJsonAsync($"/api/indicators/{id}/targets", new { year = "2010-11", kind = "AtMost", number = 10 }));
        static string Number(decimal? d) => d?.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) ?? "";

        var cases = new (string Path, Func<string, JsonObject> Body, Func<IndicatorDetailJson, string> Read)[]
        {
            ($"/api/indicators/{id}", name => JsonNode.Parse(JsonSerializer.Serialize(Manual(code, name)))!.AsObject(), i => i.Name),
            ($"/api/indicator-values/{value.Id}", v => new JsonObject { ["period"] = "2010-11-q2", ["value"] = decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture) },
                i => Number(i.Values.Single().Value)),
            ($"/api/indicator-baselines/{baseline.Id}", v => new JsonObject { ["period"] = "2008-09", ["value"] = decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture) },
                i => Number(i.Baselines.Single().Value)),
            ($"/api/indicator-targets/{target.Id}", v => new JsonObject { ["year"] = "2010-11", ["kind"] = "AtMost", ["number"] = decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture) },
                i => Number(i.Targets.Single().Number)),
        };
        var first = new[] { "First writer's name", "41", "42", "43" };
        var second = new[] { "Second writer's name", "51", "52", "53" };

        for (var i = 0; i < cases.Length; i++)
        {
            var (path, body, read) = cases[i];

            // Both read version 1; the first saves.
            var saved = await PutOkAsync<ItemVersionJson>(analyst, path, body(first[i]), ifMatch: 1);
            Assert.Equal(2, saved.Version);

            // The second, still holding version 1, is refused every way, and nothing of theirs is saved.
            var stale = await ReadProblemAsync(await PutAsync(other, path, body(second[i]), ifMatch: 1), HttpStatusCode.PreconditionFailed);
            Assert.Contains("version 1", stale.Detail, StringComparison.Ordinal);
            var withVersion = body(second[i]);
            withVersion["version"] = 1;
            await ReadProblemAsync(await PutAsync(other, path, withVersion), HttpStatusCode.Conflict);
            await ReadProblemAsync(await PutAsync(other, path, body(second[i])), HttpStatusCode.PreconditionRequired);
            await ReadProblemAsync(await DeleteAsync(other, path), HttpStatusCode.PreconditionRequired);
            await ReadProblemAsync(await DeleteAsync(other, path, version: 1), HttpStatusCode.Conflict);
            await ReadProblemAsync(await DeleteAsync(other, path, ifMatch: 1), HttpStatusCode.PreconditionFailed);

            var detail = await DetailAsync(other, id);
            Assert.Equal(first[i], read(detail));
        }
    }

    /// <summary>
    /// A value or a baseline is for a period that has begun (2040/41 Q1 typed for 2010/11 Q1 is refused, by the API and the
    /// form, naming the day it starts); the quarter under way takes a value, and a target may be for a year to come.
    /// </summary>
    [Fact]
    public async Task ValueOrBaseline_ForAPeriodNotYetBegun_IsRefusedNamingItsStart_WhileATargetMayLookAhead()
    {
        using var analyst = await ClientAsync(PartnershipRole.Analyst);
        var id = (await CreateIndicatorAsync(analyst, NewCode("FUTURE"), unit: "Count")).Id;
        const string Message = "must be for a period that has begun: 2040/41 Q1 starts on 1 April 2040";

        Assert.Equal($"The value {Message}", await ReadValidationErrorAsync(await analyst.PostAsJsonAsync($"/api/indicators/{id}/values", new { period = "2040-41-q1", value = 3 }), "period"));
        Assert.Equal($"The baseline {Message}", await ReadValidationErrorAsync(await analyst.PostAsJsonAsync($"/api/indicators/{id}/baselines", new { period = "2040-41-q1", value = 3 }), "period"));
        using (var browser = await Forms.SignedInAsync(app, PartnershipRole.Analyst, partnership: await SlugAsync()))
        {
            await Forms.AssertFieldErrorAsync(browser, $"/indicators/{id}/values/new", new() { ["Input.Period"] = "2040/41 Q1", ["Input.Value"] = "3" }, "Input.Period", $"The value {Message}");
        }

        var now = ReportingPeriod.QuarterContaining(DateOnly.FromDateTime(DateTime.UtcNow));
        var value = await CreatedAsync<IndicatorValueJson>(await analyst.PostAsJsonAsync($"/api/indicators/{id}/values", new { period = now.Slug, value = 3 }));
        Assert.Equal(now.Slug, value.Period);
        await ReadValidationErrorAsync(await PutAsync(analyst, $"/api/indicator-values/{value.Id}", new JsonObject { ["period"] = "2040-41-q1", ["value"] = 3 }, 1), "period");
        await CreatedAsync<IndicatorTargetJson>(await analyst.PostAsJsonAsync($"/api/indicators/{id}/targets", new { year = "2040-41", kind = "AtMost", number = 2 }));

        var detail = await DetailAsync(analyst, id);
        Assert.Equal([now.Slug], detail.Values.Select(v => v.Period));
        Assert.Empty(detail.Baselines);
    }

    [Fact]
    public async Task BadInput_IsProblemDetailsNamingTheField()
    {
        using var analyst = await ClientAsync(PartnershipRole.Analyst);
        var existing = await CreateIndicatorAsync(analyst, NewCode("BAD"));
        var id = existing.Id;
        var indicators = $"/api/partnerships/{await SlugAsync()}/indicators";

        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync(indicators, new { name = "No code", unit = "Count", polarity = "LowerIsBetter", frequency = "Yearly", source = "Manual" }), "code");
        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync(indicators, new { code = NewCode("X"), unit = "Count", polarity = "LowerIsBetter", frequency = "Yearly", source = "Manual" }), "name");
        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync(indicators, Manual(existing.Code)), "code");
        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync(indicators, new { code = NewCode("X"), name = "n", polarity = "LowerIsBetter", frequency = "Yearly", source = "Manual" }), "unit");
        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync(indicators, new { code = NewCode("X"), name = "n", unit = "Count", polarity = "LowerIsBetter", frequency = "Yearly", source = "RecordedCrime", crimeType = "Jaywalking" }), "crimeType");
        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync(indicators, new { code = NewCode("X"), name = "n", unit = "Percentage", polarity = "LowerIsBetter", frequency = "Yearly", source = "RecordedCrime", crimeType = "Burglary" }), "unit");
        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync(indicators, new { code = NewCode("X"), name = "n", unit = "Count", polarity = "LowerIsBetter", frequency = "Yearly", source = "RecordedCrime", crimeGroup = "no-such-group" }), "crimeGroup");

        // A word that is not one of the enum's names cannot be read at all: the problem says where in the JSON.
        var unreadable = await ReadProblemAsync(await analyst.PostAsJsonAsync(indicators, new { code = NewCode("X"), name = "n", unit = "Furlongs", polarity = "LowerIsBetter", frequency = "Yearly", source = "Manual" }), HttpStatusCode.BadRequest);
        Assert.Contains("$.unit", unreadable.Detail, StringComparison.Ordinal);

        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync($"/api/indicators/{id}/values", new { period = "2010-11-q5", value = 1 }), "period");
        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync($"/api/indicators/{id}/values", new { period = "2010-11-q1" }), "value");
        await CreatedAsync<IndicatorValueJson>(await analyst.PostAsJsonAsync($"/api/indicators/{id}/values", new { period = "2010-11-q1", value = 1 }));
        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync($"/api/indicators/{id}/values", new { period = "2010-11-q1", value = 2 }), "period");
        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync($"/api/indicators/{id}/values", new { period = "2010-11-q2", value = 1e20 }), "value");

        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync($"/api/indicators/{id}/baselines", new { period = "last year", value = 1 }), "period");
        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync($"/api/indicators/{id}/baselines", new { period = "2008-09" }), "value");

        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync($"/api/indicators/{id}/targets", new { year = "2010-11-q1", kind = "AtMost", number = 1 }), "year");
        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync($"/api/indicators/{id}/targets", new { year = "2010-11", kind = "AtMost" }), "number");
        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync($"/api/indicators/{id}/targets", new { year = "2010-11", kind = "BelowBaseline" }), "baselineId");
        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync($"/api/indicators/{id}/targets", new { year = "2010-11", kind = "PercentChangeOnBaseline", number = -100, baselineId = 1 }), "number");
        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync($"/api/indicators/{id}/targets", new { year = "2010-11", kind = "AtMost", number = 1, amberTolerance = -1 }), "amberTolerance");

        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync($"/api/indicators/{id}/links", new { }), "priorityId");
        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync($"/api/indicators/{id}/links", new { priorityId = 1, milestoneId = 1 }), "priorityId");
        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync($"/api/indicators/{id}/links", new { milestoneId = 999999 }), "milestoneId");

        // Values of a recorded-crime indicator are computed, never entered.
        var burglaries = await CreatedAsync<IndicatorDetailJson>(await analyst.PostAsJsonAsync(indicators, new { code = NewCode("CRIME"), name = "Burglaries", unit = "Count", polarity = "LowerIsBetter", frequency = "Yearly", source = "RecordedCrime", crimeType = "Burglary" }));
        await ReadValidationErrorAsync(await analyst.PostAsJsonAsync($"/api/indicators/{burglaries.Id}/values", new { period = "2010-11", value = 1 }), "value");

        // Nothing of the refused writes was kept.
        var detail = await DetailAsync(analyst, id);
        Assert.Single(detail.Values);
        Assert.Empty(detail.Baselines);
        Assert.Empty(detail.Targets);
        Assert.Empty(detail.Links);
        await ReadProblemAsync(await analyst.PostAsJsonAsync("/api/indicators/999999/values", new { period = "2010-11-q1", value = 1 }), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(PartnershipRole.Analyst)]
    [InlineData(PartnershipRole.SupportOfficer)]
    [InlineData(PartnershipRole.Administrator)]
    public async Task Writers_CanCreateEditAndDelete(PartnershipRole role)
    {
        using var client = await ClientAsync(role);
        var indicator = await CreateIndicatorAsync(client, NewCode(role.ToString()));
        var value = await CreatedAsync<IndicatorValueJson>(await client.PostAsJsonAsync($"/api/indicators/{indicator.Id}/values", new { period = "2010-11-q3", value = 5 }));
        var changed = await PutOkAsync<IndicatorValueJson>(client, $"/api/indicator-values/{value.Id}", new JsonObject { ["period"] = "2010-11-q3", ["value"] = 6 }, ifMatch: 1);
        Assert.Equal(6m, changed.Value);
        using var deleted = await DeleteAsync(client, $"/api/indicators/{indicator.Id}", ifMatch: 1);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task Readers_CannotWrite_AndNothingChanges()
    {
        using var analyst = await ClientAsync(PartnershipRole.Analyst);
        var code = NewCode("RO");
        var indicator = await CreateIndicatorAsync(analyst, code);
        var id = indicator.Id;
        var value = await CreatedAsync<IndicatorValueJson>(await analyst.PostAsJsonAsync($"/api/indicators/{id}/values", new { period = "2010-11-q3", value = 5 }));
        var baseline = await CreatedAsync<IndicatorBaselineJson>(await analyst.PostAsJsonAsync($"/api/indicators/{id}/baselines", new { period = "2009-10", value = 5 }));
        var target = await CreatedAsync<IndicatorTargetJson>(await analyst.PostAsJsonAsync($"/api/indicators/{id}/targets", new { year = "2010-11", kind = "AtMost", number = 5 }));
        int linkId;
        using (var linked = await analyst.PostAsJsonAsync($"/api/indicators/{id}/links", new { priorityId = await OwnPriorityIdAsync(1) }))
        {
            Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
            linkId = (await ReadAsync<IndicatorLinkCreatedJson>(linked)).Id;
        }

        var priority2 = await OwnPriorityIdAsync(2);
        var slug = await SlugAsync();
        var callers = new (string Who, HttpClient Client, HttpStatusCode Expected)[]
        {
            ("anonymous", await app.ApiClientAsync(), HttpStatusCode.Unauthorized),
            ("board member", await ClientAsync(PartnershipRole.BoardMember), HttpStatusCode.Forbidden),
            ("lead officer of Priority 1", await ClientAsync(PartnershipRole.LeadOfficer, (await own.Value).Lead.Key), HttpStatusCode.Forbidden),
            ("analyst of another partnership", await ClientAsync(PartnershipRole.Analyst, partnership: await OtherPartnershipAsync()), HttpStatusCode.Forbidden),
        };
        foreach (var (who, client, expected) in callers)
        {
            using (client)
            {
                var writes = new Func<Task<HttpResponseMessage>>[]
                {
                    () => client.PostAsJsonAsync($"/api/partnerships/{slug}/indicators", Manual(NewCode("NO"))),
                    () => PutAsync(client, $"/api/indicators/{id}", JsonNode.Parse(JsonSerializer.Serialize(Manual(code, "Changed")))!.AsObject(), 1),
                    () => DeleteAsync(client, $"/api/indicators/{id}", ifMatch: 1),
                    () => client.PostAsJsonAsync($"/api/indicators/{id}/values", new { period = "2010-11-q4", value = 1 }),
                    () => PutAsync(client, $"/api/indicator-values/{value.Id}", new JsonObject { ["period"] = "2010-11-q3", ["value"] = 99 }, 1),
                    () => DeleteAsync(client, $"/api/indicator-values/{value.Id}", ifMatch: 1),
                    () => client.PostAsJsonAsync($"/api/indicators/{id}/baselines", new { period = "2007-08", value = 1 }),
                    () => PutAsync(client, $"/api/indicator-baselines/{baseline.Id}", new JsonObject { ["period"] = "2009-10", ["value"] = 99 }, 1),
                    () => DeleteAsync(client, $"/api/indicator-baselines/{baseline.Id}", ifMatch: 1),
                    () => client.PostAsJsonAsync($"/api/indicators/{id}/targets", new { year = "2011-12", kind = "AtMost", number = 1 }),
                    () => PutAsync(client, $"/api/indicator-targets/{target.Id}", new JsonObject { ["year"] = "2010-11", ["kind"] = "AtMost", ["number"] = 99 }, 1),
                    () => DeleteAsync(client, $"/api/indicator-targets/{target.Id}", ifMatch: 1),
                    () => client.PostAsJsonAsync($"/api/indicators/{id}/links", new { priorityId = priority2 }),
                    () => client.DeleteAsync($"/api/indicator-links/{linkId}"),
                };
                for (var i = 0; i < writes.Length; i++)
                {
                    using var response = await writes[i]();
                    var text = await response.Content.ReadAsStringAsync();
                    Assert.True(response.StatusCode == expected, $"{who}, write {i}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
                    Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
                }

                // Reading is open to all of them.
                await DetailAsync(client, id);
            }
        }

        var after = await DetailAsync(analyst, id);
        Assert.Equal(1, after.Version);
        Assert.Equal("Test indicator", after.Name);
        Assert.Equal(5m, after.Values.Single().Value);
        Assert.Equal(5m, after.Baselines.Single().Value);
        Assert.Equal(5m, after.Targets.Single().Number);
        Assert.Single(after.Links);
    }

    [Fact]
    public async Task Dashboard_ShowsTheLinkedIndicatorsStatusSentenceUnderItsPriority()
    {
        using var board = await ClientAsync(PartnershipRole.BoardMember, partnership: Demo);

        var dashboard = await OkJsonAsync<Monitoring.DashboardJson>(await board.GetAsync($"/api/partnerships/{Demo}/periods/2010-11-q4/dashboard"));

        var ni32 = dashboard.Priority(3).Indicators.Single(i => i.Code == "NI32");
        Assert.Equal("34%", ni32.Value);
        Assert.Equal("NoTarget", ni32.Status);
        Assert.Equal("34% with no target set for 2010/11.", ni32.Sentence);
        Assert.Contains(dashboard.Priority(2).Indicators, i => i.Code == "NI30" && i.Value == "46% reduction");
    }

    [Fact]
    public async Task BoardReport_HtmlAndDocx_ShowTheLinkedIndicatorsStatusSentence()
    {
        using var board = await ClientAsync(PartnershipRole.BoardMember, partnership: Demo);
        const string Sentence = "34% with no target set for 2010/11.";

        var html = await board.GetStringAsync($"/api/partnerships/{Demo}/reports/performance/2010-11-q4.html");
        var docx = await board.GetByteArrayAsync($"/api/partnerships/{Demo}/reports/performance/2010-11-q4.docx");

        Assert.Contains("NI32 Repeat incidents of domestic violence", html, StringComparison.Ordinal);
        Assert.Contains(Sentence, html, StringComparison.Ordinal);
        var text = DocxText(docx);
        Assert.Contains("NI32", text, StringComparison.Ordinal);
        Assert.Contains(Sentence, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestrictedMilestoneLinks_NeverReachThePublicReportOrPublicReaders()
    {
        var data = await Documents.BoardReportTestData.CreateAsync(app);
        using var analyst = await ClientAsync(PartnershipRole.Analyst, partnership: data.Slug);
        using var board = await ClientAsync(PartnershipRole.BoardMember, partnership: data.Slug);
        using var anonymous = await app.ApiClientAsync();
        var milestones = await MilestoneIdsAsync(data.Slug);

        // One indicator shown openly against Priority 1, one only through restricted milestone 2.1b, one only through
        // milestone 3.1a of the restricted priority 3. The second and third codes are markers: the public must never see them.
        var open = NewCode("OPEN");
        var secret = NewCode("SECRET");
        var underRestrictedPriority = NewCode("HIDDEN");
        var openId = (await CreatedAsync<IndicatorDetailJson>(await analyst.PostAsJsonAsync($"/api/partnerships/{data.Slug}/indicators", Manual(open)))).Id;
        var secretId = (await CreatedAsync<IndicatorDetailJson>(await analyst.PostAsJsonAsync($"/api/partnerships/{data.Slug}/indicators", Manual(secret)))).Id;
        var hiddenId = (await CreatedAsync<IndicatorDetailJson>(await analyst.PostAsJsonAsync($"/api/partnerships/{data.Slug}/indicators", Manual(underRestrictedPriority)))).Id;
        foreach (var id in new[] { openId, secretId, hiddenId })
        {
            await CreatedAsync<IndicatorValueJson>(await analyst.PostAsJsonAsync($"/api/indicators/{id}/values", new { period = "2010-11-q4", value = 12 }));
        }

        var priority1 = await PriorityIdAsync(data.Slug, 1);
        await LinkAsync(analyst, openId, new { priorityId = priority1 });
        await LinkAsync(analyst, secretId, new { milestoneId = milestones["2.1b"] });
        await LinkAsync(analyst, hiddenId, new { milestoneId = milestones["3.1a"] });

        var publicHtml = await anonymous.GetStringAsync($"/api/partnerships/{data.Slug}/reports/performance/2010-11-q4.html");
        var publicDocx = DocxText(await anonymous.GetByteArrayAsync($"/api/partnerships/{data.Slug}/reports/performance/2010-11-q4.docx"));
        var fullHtml = await board.GetStringAsync($"/api/partnerships/{data.Slug}/reports/performance/2010-11-q4.html");
        var fullDocx = DocxText(await board.GetByteArrayAsync($"/api/partnerships/{data.Slug}/reports/performance/2010-11-q4.docx"));

        Assert.Contains(open, publicHtml, StringComparison.Ordinal);
        Assert.Contains(open, publicDocx, StringComparison.Ordinal);
        foreach (var text in new[] { publicHtml, publicDocx })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(underRestrictedPriority, text, StringComparison.Ordinal);
            Assert.DoesNotContain(data.Marker, text, StringComparison.Ordinal);
        }

        Assert.Contains(secret, fullHtml, StringComparison.Ordinal);
        Assert.Contains(secret, fullDocx, StringComparison.Ordinal);
        Assert.Contains(underRestrictedPriority, fullHtml, StringComparison.Ordinal);

        // The indicator itself is public, but not the restricted milestone or priority it is linked through.
        foreach (var id in new[] { secretId, hiddenId })
        {
            var seen = await DetailAsync(anonymous, id);
            Assert.Empty(seen.Links);

            // What is left out is checked on the raw JSON: a record cannot show an absence.
            Assert.DoesNotContain(data.Marker, await anonymous.GetStringAsync($"/api/indicators/{id}"), StringComparison.Ordinal);
            var page = await anonymous.GetStringAsync($"/indicators/{id}");
            Assert.DoesNotContain(data.Marker, page, StringComparison.Ordinal);
            Assert.DoesNotContain("Restricted priority milestone", page, StringComparison.Ordinal);
            Assert.Single((await DetailAsync(board, id)).Links);
        }

        Assert.DoesNotContain(data.Marker, await anonymous.GetStringAsync($"/partnerships/{data.Slug}/indicators"), StringComparison.Ordinal);
    }

    private static async Task LinkAsync(HttpClient client, int indicatorId, object body)
    {
        using var response = await client.PostAsJsonAsync($"/api/indicators/{indicatorId}/links", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Link: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private Task<Dictionary<string, int>> MilestoneIdsAsync(string slug) => app.WithScopeAsync(async sp =>
    {
        var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Core.Data.SaferPlanDbContext>(sp);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(
            db.Milestones.Where(m => m.Action.Priority!.Edition.Plan!.Partnership.Slug == slug), m => m.Code, m => m.Id);
    });

    private Task<int> PriorityIdAsync(string slug, int number) => app.WithScopeAsync(sp =>
    {
        var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Core.Data.SaferPlanDbContext>(sp);
        return Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Priorities.Where(p => p.Edition.Plan!.Partnership.Slug == slug && p.Number == number && p.Kind == Core.Plans.PriorityKind.Priority).Select(p => p.Id));
    });

    /// <summary>A partnership other than the demo one, for a user who is a member elsewhere.</summary>
    private async Task<string> OtherPartnershipAsync() => (await Documents.BoardReportTestData.CreateAsync(app)).Slug;

    /// <summary>The text of a .docx as Word shows it: every paragraph of the body, one per line.</summary>
    private static string DocxText(byte[] docx)
    {
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        return string.Join('\n', body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}

public sealed class IndicatorApiTestsOnSqlite(SharedSqliteApp shared) : IndicatorApiTests(shared.App), IClassFixture<SharedSqliteApp>;

public sealed class IndicatorApiTestsOnPostgres(SharedPostgresApp shared) : IndicatorApiTests(shared.App), IClassFixture<SharedPostgresApp>;
