using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Editing;
using SaferPlan.Core.Funding;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Partnerships;
using SaferPlan.Core.Periods;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Funding;

using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Monitoring;

/// <summary>
/// The monitoring forms and APIs (task group reports, briefings, body action plan progress, action updates, the e-mailed
/// update link, funding allocations) and the plan forms' kind fields, sent an edit without a marking or kind: each is
/// asked for on its field (400 naming it on the API), and the stored item keeps its value and its version.
/// </summary>
public abstract class MonitoringMarkingLeftOutTests(SaferPlanFactory app)
{
    private static readonly string[] Columns = ["This quarter"];

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The fields with <paramref name="field"/> left out (null) or sent as <paramref name="value"/>.</summary>
    private static Dictionary<string, string> Without(Dictionary<string, string> fields, string field, string? value)
    {
        var copy = new Dictionary<string, string>(fields);
        if (value is null)
        {
            copy.Remove(field);
        }
        else
        {
            copy[field] = value;
        }

        return copy;
    }

    /// <summary>An API client of a new support officer of the partnership.</summary>
    private async Task<HttpClient> SupportApiAsync(string slug) => await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: slug));

    private Task<T> StoredAsync<T>(Func<SaferPlanDbContext, Task<T>> read) =>
        app.WithScopeAsync(sp => read(sp.GetRequiredService<SaferPlanDbContext>()));

    /// <summary>A 201 answer's item (task group reports and briefings carry their version in the body, not an ETag).</summary>
    private static async Task<T> CreatedJsonAsync<T>(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
            return JsonSerializer.Deserialize<T>(text, Contract)!;
        }
    }

    [Fact]
    public async Task TaskGroupReportEdit_AMarkingLeftOut_IsAskedForOnItsField_AndTheReportStaysRestricted()
    {
        var slug = (await TestData.Partnership().WithEdition(2010).SaveAsync(app)).Slug;
        using var api = await SupportApiAsync(slug);
        var title = $"Restricted report {Guid.NewGuid():N}";
        var created = await CreatedJsonAsync<TaskGroupReportJson>(await api.PostAsJsonAsync($"/api/partnerships/{slug}/periods/2010-11-q3/task-group-reports", new
        {
            title, achievements = "Named offender", achievementsMarking = "Restricted", concerns = "A named family", concernsMarking = "Restricted",
            recommendations = "Refer the family", recommendationsMarking = "Restricted",
            figures = new[] { new { title = "PPO caseload", columns = Columns, rows = new[] { new { label = "Named cases", values = new decimal?[] { 3 } } }, marking = "Restricted" } },
        }));
        var id = created.Id;
        var version = created.Version;
        var path = $"/task-group-reports/{id}/edit";
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: slug);
        Assert.Contains("name=\"Input.Figures[0].Marking\" value=\"Restricted\"", await Forms.PageAsync(support, path), StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Figures[0].Marking\" value=\"Official\"", await Forms.PageAsync(support, $"/partnerships/{slug}/periods/2010-11-q3/reports/new"), StringComparison.Ordinal);
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.PriorityId"] = "", ["Input.Achievements"] = "Named offender, reworded", ["Input.AchievementsMarking"] = "Restricted",
            ["Input.Concerns"] = "A named family", ["Input.ConcernsMarking"] = "Restricted", ["Input.Recommendations"] = "Refer the family",
            ["Input.RecommendationsMarking"] = "Restricted", ["Input.Version"] = Text(version),
            ["Input.Figures[0].Title"] = "PPO caseload", ["Input.Figures[0].Table.Columns[0]"] = "This quarter", ["Input.Figures[0].Table.Rows[0].Label"] = "Named cases",
            ["Input.Figures[0].Table.Rows[0].Values[0]"] = "3", ["Input.Figures[0].YearToDate"] = "no", ["Input.Figures[0].Marking"] = "Restricted",
        };

        foreach (var (field, errorField, message) in new[]
        {
            ("Input.AchievementsMarking", "Input.AchievementsMarking", "Select the achievements' protective marking"),
            ("Input.ConcernsMarking", "Input.ConcernsMarking", "Select the concerns' protective marking"),
            ("Input.RecommendationsMarking", "Input.RecommendationsMarking", "Select the recommendations' protective marking"),
            ("Input.Figures[0].Marking", "Input.Figures[0].Title", "Figure table 1's protective marking was not sent: open the report again to edit it"),
        })
        {
            foreach (var marking in new[] { null, "" })
            {
                await Forms.AssertFieldErrorAsync(support, path, Without(fields, field, marking), errorField, message);
            }
        }

        // The API names each marking a change left out.
        var problem = await ReadProblemAsync(await api.PutAsJsonAsync($"/api/task-group-reports/{id}", new
        {
            title, achievements = "Changed through the API", concernsMarking = "Restricted",
            figures = new[] { new { title = "PPO caseload", columns = Columns, rows = new[] { new { label = "Named cases", values = new decimal?[] { 3 } } } } },
            version,
        }), HttpStatusCode.BadRequest);
        Assert.NotNull(problem.Errors);
        Assert.Equal(["achievementsMarking", "figures[0].Marking", "recommendationsMarking"], problem.Errors.Keys.Order());
        Assert.All(problem.Errors.Values, messages => Assert.False(string.IsNullOrWhiteSpace(messages[0])));
        await ReadProblemAsync(await api.PutAsJsonAsync("/api/task-group-reports/999999", new { title, version }), HttpStatusCode.NotFound);

        var report = await StoredAsync(db => db.Set<TaskGroupReport>().Include(r => r.Figures).AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((ProtectiveMarking.Restricted, ProtectiveMarking.Restricted, ProtectiveMarking.Restricted, version, "Named offender"),
            (report.AchievementsMarking, report.ConcernsMarking, report.RecommendationsMarking, report.Version, report.Achievements));
        Assert.Equal(ProtectiveMarking.Restricted, Assert.Single(report.Figures).Marking);

        await Forms.AssertSavedAsync(support, path, fields);
        report = await StoredAsync(db => db.Set<TaskGroupReport>().Include(r => r.Figures).AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((ProtectiveMarking.Restricted, "Named offender, reworded"), (report.AchievementsMarking, report.Achievements));
        Assert.Equal(ProtectiveMarking.Restricted, Assert.Single(report.Figures).Marking);
    }

    [Fact]
    public async Task BriefingEdit_MarkingLeftOut_IsAskedForOnTheField_AndTheBriefingStaysRestricted()
    {
        // A county-wide body of the test's own serving its partnership, in place of the demo's Cambridgeshire Domestic Abuse Partnership.
        var partnership = await TestData.Partnership().WithEdition(2010).WithBody(out var county, "Cambridgeshire Domestic Abuse Partnership", BodyKind.Board).SaveAsync(app);
        var countyBody = county.Key;
        using var api = await SupportApiAsync(partnership.Slug);
        var title = $"Restricted briefing {Guid.NewGuid():N}";
        var created = await CreatedJsonAsync<BriefingJson>(await api.PostAsJsonAsync($"/api/bodies/{countyBody}/briefings", new { period = "2010-11-q3", title, risks = "A named refuge", marking = "Restricted" }));
        var (id, version) = (created.Id, created.Version);
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        Assert.Contains("name=\"Input.Marking\" type=\"radio\" value=\"Official\" checked", await Forms.PageAsync(support, $"/bodies/{countyBody}/briefings/new?period=2010-11-q3"), StringComparison.Ordinal);
        var path = $"/bodies/{countyBody}/briefings/{id}/edit";
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.IssuedOn.Day"] = "8", ["Input.IssuedOn.Month"] = "4", ["Input.IssuedOn.Year"] = "2011", ["Input.Risks"] = "A named refuge, reworded", ["Input.Marking"] = "Restricted", ["Input.Version"] = Text(version),
        };

        foreach (var marking in new[] { null, "" })
        {
            await Forms.AssertFieldErrorAsync(support, path, Without(fields, "Input.Marking", marking), "Input.Marking", "Select the briefing's protective marking");
        }

        var problem = await ReadValidationErrorAsync(await api.PutAsJsonAsync($"/api/bodies/{countyBody}/briefings/{id}", new { title, risks = "Changed through the API", version }), "marking");
        Assert.Equal("Select the protective marking: Official or Restricted", problem);
        await ReadProblemAsync(await api.PutAsJsonAsync($"/api/bodies/{countyBody}/briefings/999999", new { title, version }), HttpStatusCode.NotFound);

        var briefing = await StoredAsync(db => db.Set<PartnerBriefing>().AsNoTracking().SingleAsync(b => b.Id == id));
        Assert.Equal((ProtectiveMarking.Restricted, version, "A named refuge"), (briefing.Marking, briefing.Version, briefing.Risks));

        await Forms.AssertSavedAsync(support, path, fields);
        Assert.Equal(ProtectiveMarking.Restricted, (await StoredAsync(db => db.Set<PartnerBriefing>().AsNoTracking().SingleAsync(b => b.Id == id))).Marking);
    }

    [Fact]
    public async Task FundingAllocationChange_WithoutMarking_Is400NamingMarking_AndTheAllocationStaysRestricted()
    {
        var slug = (await TestData.Partnership().SaveAsync(app)).Slug;
        using var api = await SupportApiAsync(slug);
        var start = 2600 + Random.Shared.Next(300);
        var year = string.Create(CultureInfo.InvariantCulture, $"{start}-{(start + 1) % 100:00}");
        var stream = await CreatedAsync<FundingStreamJson>(await api.PostAsJsonAsync($"/api/partnerships/{slug}/funding/streams?year={year}", new { name = "Pooled Fund", amount = 1000, received = true, funder = "Home Office" }));
        var allocation = await CreatedAsync<FundingAllocationJson>(await api.PostAsJsonAsync($"/api/partnerships/{slug}/funding/allocations?year={year}",
            new { streamId = stream.Id, name = "Named refuge", amount = 100, status = "Confirmed", marking = "Restricted" }));
        var path = $"/api/funding/allocations/{allocation.Id}";

        var problem = await ReadValidationErrorAsync(await api.PutAsJsonAsync(path, new { streamId = stream.Id, name = "Renamed", amount = 150, status = "Confirmed", version = allocation.Version }), "marking");
        await ReadProblemAsync(await api.PutAsJsonAsync("/api/funding/allocations/999999", new { streamId = stream.Id, name = "Renamed", amount = 150, status = "Confirmed", version = 1 }), HttpStatusCode.NotFound);

        Assert.Equal("Select the protective marking: Official or Restricted", problem);
        var kept = await StoredAsync(db => db.Set<FundingAllocation>().AsNoTracking().SingleAsync(a => a.Id == allocation.Id));
        Assert.Equal((ProtectiveMarking.Restricted, allocation.Version, "Named refuge"), (kept.Marking, kept.Version, kept.Name));
    }

    [Fact]
    public async Task BodyActionPlanProgressEdit_MarkingLeftOut_IsAskedForOnTheField_AndTheProgressStaysRestricted()
    {
        // A task group of the test's own serving its partnership, in place of the demo's Southern Domestic Abuse Task Group.
        var partnership = await TestData.Partnership().WithBody(out var group, "Southern Domestic Abuse Task Group").SaveAsync(app);
        var taskGroup = group.Key;
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        var newPlan = await Forms.PageAsync(support, $"/bodies/{taskGroup}/action-plans/new");
        string planPath;
        using (var added = await Forms.PostAsync(support, $"/bodies/{taskGroup}/action-plans/new", newPlan, new()
        {
            ["Input.Year"] = "2013-14", ["Input.Title"] = $"Progress plan {Guid.NewGuid():N}", ["Input.Marking"] = "Official", ["Input.Version"] = "0",
        }))
        {
            planPath = added.RequestMessage!.RequestUri!.AbsolutePath;
            Assert.Matches($"^/bodies/{taskGroup}/action-plans/\\d+$", planPath);
        }

        using (await Forms.PostAsync(support, $"{planPath}/items/new", await Forms.PageAsync(support, $"{planPath}/items/new"), new()
        {
            ["Input.Number"] = "1.1", ["Input.Text"] = "Refuge work", ["Input.Marking"] = "Official", ["Input.Version"] = "0",
        }))
        {
        }

        var progressPath = $"{planPath}/progress/2013-14-q1";
        var progressForm = await Forms.PageAsync(support, progressPath);
        Assert.Contains("name=\"Items[0].Marking\" type=\"radio\" value=\"Official\" checked", progressForm, StringComparison.Ordinal);
        var itemId = TestHtml.Parse(progressForm).QuerySelector("input[name=\"Items[0].ItemId\"]")!.GetAttribute("value")!;
        var fields = new Dictionary<string, string>
        {
            ["Items[0].ItemId"] = itemId, ["Items[0].Progress"] = "Refuge address agreed", ["Items[0].Marking"] = "Restricted", ["Items[0].Version"] = "0",
        };
        await Forms.AssertSavedAsync(support, progressPath, fields);
        var item = int.Parse(itemId, CultureInfo.InvariantCulture);
        var saved = await StoredAsync(db => db.Set<BodyActionPlanProgress>().AsNoTracking().SingleAsync(p => p.ItemId == item));
        Assert.Equal(ProtectiveMarking.Restricted, saved.Marking);
        fields["Items[0].Version"] = Text(saved.Version);
        fields["Items[0].Progress"] = "Refuge address agreed, reworded";

        foreach (var marking in new[] { null, "" })
        {
            await Forms.AssertFieldErrorAsync(support, progressPath, Without(fields, "Items[0].Marking", marking), "Items[0].Marking", "Select the protective marking of item 1.1's progress");
        }

        var kept = await StoredAsync(db => db.Set<BodyActionPlanProgress>().AsNoTracking().SingleAsync(p => p.ItemId == item));
        Assert.Equal((ProtectiveMarking.Restricted, saved.Version, "Refuge address agreed"), (kept.Marking, kept.Version, kept.Progress));
    }

    [Fact]
    public async Task ActionUpdateEdit_MarkingLeftOut_IsAskedForOnTheField_AndTheUpdateStaysRestricted()
    {
        // An action of the partnership's 2010/11 plan with several milestones, as the demo's 2.2.
        var partnership = await TestData.Partnership().WithEdition(2010).WithMilestone().WithMilestone().WithMilestone().SaveAsync(app);
        using var api = await SupportApiAsync(partnership.Slug);
        using (var round = await api.PostAsJsonAsync($"/api/partnerships/{partnership.Slug}/periods/2010-11-q3/round", new { deadline = "2099-04-08" }))
        {
            Assert.Equal(HttpStatusCode.OK, round.StatusCode);
        }

        var action = (Id: partnership.ActionIds[0], Milestones: partnership.Milestones);
        var milestones = action.Milestones.Select(m => m.Id).ToList();
        var path = $"/api/actions/{action.Id}/updates/2010-11-q3";
        var created = await OkJsonAsync<ActionUpdateJson>(await api.PutAsJsonAsync(path, new { milestones, progress = "A named offender", status = "OnTrack", marking = "Restricted", version = 0 }));
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        var formPath = $"/actions/{action.Id}/updates/2010-11-q3";
        var fields = new Dictionary<string, string>
        {
            ["Input.Milestones"] = Text(milestones[0]), ["Input.Progress"] = "A named offender, reworded", ["Input.Status"] = "OnTrack",
            ["Input.Marking"] = "Restricted", ["Input.Version"] = Text(created.Version), ["submit"] = "false",
        };

        foreach (var marking in new[] { null, "" })
        {
            await Forms.AssertFieldErrorAsync(support, formPath, Without(fields, "Input.Marking", marking), "Input.Marking", "Select the update's protective marking");
        }

        var updates = await StoredAsync(db => db.Set<MilestoneUpdate>().AsNoTracking().Where(u => u.ActionUpdateId == created.Id).ToListAsync());
        Assert.Equal(milestones.Count, updates.Count);
        Assert.All(updates, u => Assert.Equal((ProtectiveMarking.Restricted, "A named offender"), (u.Marking, u.Progress)));
        Assert.Equal(created.Version, await StoredAsync(db => db.Set<ActionUpdate>().Where(u => u.Id == created.Id).Select(u => u.Version).SingleAsync()));
    }

    [Fact]
    public async Task UpdateLinkEdit_MarkingLeftOut_IsAskedForOnTheField_AndTheUpdateStaysRestricted()
    {
        const string quarter = "2010-11-q2";
        // Dave leads two milestones of the partnership's 2010/11 plan.
        var partnership = await TestData.Partnership().WithPerson(out var dave, "Dave Sargent").WithEdition(2010).WithMilestone(dave).WithMilestone(dave).SaveAsync(app);
        using (var support = await SupportApiAsync(partnership.Slug))
        using (var opened = await support.PostAsJsonAsync($"/api/partnerships/{partnership.Slug}/periods/{quarter}/round", new { deadline = "2099-07-08" }))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }

        var personId = dave.Id;
        var token = await app.WithScopeAsync(sp =>
            sp.GetRequiredService<UpdateLinkService>().CreateAsync(partnership.Id, personId, ReportingPeriod.Parse(quarter), "marking left out", TimeSpan.FromDays(14)));
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = app.ServerAddress, HandleCookies = true });
        var path = $"/u/{token}";
        var html = await Forms.PageAsync(browser, path);
        var label = TestHtml.Parse(html).QuerySelectorAll("label[for^=\"Updates-\"][for$=\"--Progress\"]").First(l => l.TextContent.StartsWith("Progress on ", StringComparison.Ordinal));
        var milestoneId = int.Parse(label.GetAttribute("for")!["Updates-".Length..^"--Progress".Length], CultureInfo.InvariantCulture);
        var code = label.TextContent["Progress on ".Length..^" this quarter".Length];
        var prefix = $"Updates[{Text(milestoneId)}]";
        var fields = new Dictionary<string, string>
        {
            [$"{prefix}.Progress"] = "A named victim", [$"{prefix}.Status"] = "OnTrack", [$"{prefix}.Marking"] = "Restricted",
            [$"{prefix}.Version"] = TestHtml.Parse(html).QuerySelector($"input[name=\"{prefix}.Version\"]")!.GetAttribute("value")!,
        };
        using (var first = await Forms.PostAsync(browser, path, html, fields))
        {
            var page = await first.Content.ReadAsStringAsync();
            var summary = page.IndexOf("govuk-error-summary", StringComparison.Ordinal);
            // The client follows the redirect after a save, back to the link's page.
            Assert.True(first.StatusCode == HttpStatusCode.OK && summary < 0, summary < 0 ? $"{(int)first.StatusCode}" : page[summary..page.IndexOf("</ul>", summary, StringComparison.Ordinal)]);
        }

        var period = ReportingPeriod.Parse(quarter);
        var saved = await StoredAsync(db => db.Set<MilestoneUpdate>().AsNoTracking().SingleAsync(u => u.MilestoneId == milestoneId && u.Period == period));
        Assert.Equal(ProtectiveMarking.Restricted, saved.Marking);
        fields[$"{prefix}.Version"] = Text(saved.Version);
        fields[$"{prefix}.Progress"] = "A named victim, reworded";

        foreach (var marking in new[] { null, "" })
        {
            await Forms.AssertFieldErrorAsync(browser, path, Without(fields, $"{prefix}.Marking", marking), $"{prefix}.Marking", $"{code}: select the update's protective marking");
        }

        var kept = await StoredAsync(db => db.Set<MilestoneUpdate>().AsNoTracking().SingleAsync(u => u.MilestoneId == milestoneId && u.Period == period));
        Assert.Equal((ProtectiveMarking.Restricted, saved.Version, "A named victim"), (kept.Marking, kept.Version, kept.Progress));
    }

    [Fact]
    public async Task PlanKindEdits_KindOrMeasurementKindLeftOut_AreAskedForOnTheField_AndKeepTheirValue()
    {
        // A partnership with an approved 2010/11 plan edition, to which an addition is an amendment.
        var partnership = await TestData.Partnership().WithEdition(2010).SaveAsync(app);
        using var api = await SupportApiAsync(partnership.Slug);
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        var priority = await CreatedAsync<PriorityItemJson>(await api.PostAsJsonAsync($"/api/editions/{partnership.EditionId}/priorities",
            new { title = $"Mainstreamed {Guid.NewGuid():N}", kind = "Mainstreamed", marking = "Official", amendmentReason = AmendmentReason }));
        var action = await CreatedAsync<ActionItemJson>(await api.PostAsJsonAsync($"/api/priorities/{priority.Id}/actions", new { text = "An action", marking = "Official", amendmentReason = AmendmentReason }));
        var milestone = await CreatedAsync<MilestoneItemJson>(await api.PostAsJsonAsync($"/api/actions/{action.Id}/milestones",
            new { text = "A counted milestone", measurementKind = "Count", marking = "Official", amendmentReason = AmendmentReason }));
        Assert.Contains("name=\"Input.Kind\" type=\"radio\" value=\"Priority\" checked", await Forms.PageAsync(support, $"/editions/{partnership.EditionId}/priorities/new"), StringComparison.Ordinal);

        var priorityFields = new Dictionary<string, string>
        {
            ["Input.Number"] = Text(priority.Number), ["Input.Title"] = "Retitled", ["Input.Kind"] = "Mainstreamed",
            ["Input.LeadOfficerId"] = "", ["Input.Marking"] = "Official", ["Input.Version"] = "1", ["Input.AmendmentReason"] = AmendmentReason,
        };
        var milestoneFields = new Dictionary<string, string>
        {
            ["Input.Code"] = milestone.Code, ["Input.Text"] = "Reworded", ["Input.MeasurementKind"] = "Count", ["Input.ActionId"] = Text(action.Id),
            ["Input.LeadOfficerId"] = "", ["Input.Marking"] = "Official", ["Input.Version"] = "1", ["Input.AmendmentReason"] = AmendmentReason,
        };

        foreach (var value in new[] { null, "", "Unknown" })
        {
            await Forms.AssertFieldErrorAsync(support, $"/priorities/{priority.Id}/edit", Without(priorityFields, "Input.Kind", value), "Input.Kind", "Select whether this is a priority or mainstreamed work");
            await Forms.AssertFieldErrorAsync(support, $"/milestones/{milestone.Id}/edit", Without(milestoneFields, "Input.MeasurementKind", value), "Input.MeasurementKind", "Select how the milestone is measured");
        }

        var keptPriority = await StoredAsync(db => db.Set<Core.Plans.Priority>().AsNoTracking().SingleAsync(p => p.Id == priority.Id));
        var keptMilestone = await StoredAsync(db => db.Set<Core.Plans.Milestone>().AsNoTracking().SingleAsync(m => m.Id == milestone.Id));
        Assert.Equal((Core.Plans.PriorityKind.Mainstreamed, 1), (keptPriority.Kind, keptPriority.Version));
        Assert.Equal((Core.Plans.MeasurementKind.Count, 1), (keptMilestone.MeasurementKind, keptMilestone.Version));

        await Forms.AssertSavedAsync(support, $"/priorities/{priority.Id}/edit", priorityFields);
        await Forms.AssertSavedAsync(support, $"/milestones/{milestone.Id}/edit", milestoneFields);
        Assert.Equal(Core.Plans.PriorityKind.Mainstreamed, (await StoredAsync(db => db.Set<Core.Plans.Priority>().AsNoTracking().SingleAsync(p => p.Id == priority.Id))).Kind);
    }
}

/// <summary>
/// Provider-neutral (a request refused before anything is stored; stored markings are read back on PostgreSQL by the editing
/// tests), so run on SQLite only; each test's plan, bodies, rounds, reports and updates are in a partnership of its own
/// (<see cref="TestData"/>): on the shared app.
/// </summary>
public sealed class MonitoringMarkingLeftOutTestsOnSqlite(SharedSqliteApp shared) : MonitoringMarkingLeftOutTests(shared.App), IClassFixture<SharedSqliteApp>;
