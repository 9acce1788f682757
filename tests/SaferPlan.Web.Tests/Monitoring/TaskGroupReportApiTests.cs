using System.Net;
using System.Net.Http.Json;
using SaferPlan.Core.Accounts;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Plans;

namespace SaferPlan.Web.Tests.Monitoring;

/// <summary>Task group quarterly reports and partner briefings through the API.</summary>
public abstract class TaskGroupReportApiTests(SaferPlanFactory app)
{
    /// <summary>The demo partnership, whose seed 001 quarter one test reads (and changes nothing of).</summary>
    private const string DemoSlug = "south-cambridgeshire";

    /// <summary>A partnership of the test's own with an approved 2010/11 plan edition.</summary>
    private async Task<string> PartnershipAsync() => (await TestData.Partnership().WithEdition(2010).SaveAsync(app)).Slug;

    /// <summary>A user of the role in the partnership; with a person key, the user is that person (a lead officer).</summary>
    private async Task<HttpClient> ClientAsync(PartnershipRole role, string slug, string? person = null) =>
        await app.ApiClientAsync(await app.AddUserAsync(role, person, slug));

    /// <summary>A response with the given status, its body as the given record.</summary>
    private static async Task<T> JsonAsync<T>(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return await PlanApi.ReadAsync<T>(response);
        }
    }

    /// <summary>A response with the given status, whatever its body.</summary>
    private static async Task StatusAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static object Table(string title, int value, bool yearToDate = true) => new
    {
        title,
        columns = new[] { "This quarter" },
        rows = new[] { new { label = "New cases", values = new decimal?[] { value } } },
        yearToDate,
    };

    [Fact]
    public async Task DemoQuarter_HasSeed001ReportsAndTheDomesticAbuseBriefing()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, DemoSlug);

        var reports = await JsonAsync<List<TaskGroupReportJson>>(await support.GetAsync($"/api/partnerships/{DemoSlug}/periods/2010-11-q4/task-group-reports"), HttpStatusCode.OK);
        var briefings = await JsonAsync<List<BriefingJson>>(await support.GetAsync($"/api/partnerships/{DemoSlug}/periods/2010-11-q4/briefings"), HttpStatusCode.OK);

        Assert.Equal(6, reports.Count);
        var ppo = reports.Single(r => r.LeadOfficerName == "Jenny Jolley").Figures[0];
        Assert.Equal(["PPO", "DIP"], ppo.Columns);
        var asb = reports.Single(r => r.Title.Contains("Anti Social Behaviour", StringComparison.Ordinal)).Figures[0];
        // Q1–Q3 were not entered, so the year to date is the group's own cumulative figure, brought forward.
        Assert.Equal(5, asb.Rows[0].Values[0]);
        Assert.Equal(72, asb.Rows[0].YearToDate?[0]);
        Assert.Equal(72, asb.YearToDate?[0][0]);
        var daat = reports.Single(r => r.LeadOfficerName == "Laura Hutson");
        Assert.Equal("Restricted", daat.AchievementsMarking);
        var briefing = Assert.Single(briefings);
        Assert.Contains("34%", briefing.Sections, StringComparison.Ordinal);
        Assert.Contains(briefing.Figures, f => f.Label == "South" && f.Value == 40);
    }

    [Fact]
    public async Task YearToDate_SumsTheSameTableOverTheYearsQuarters()
    {
        var slug = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        var title = $"Arson referrals {Guid.NewGuid():N}";
        var q1 = new { title, figures = new[] { Table("Fire setters", 3) } };
        var q2 = new { title, figures = new[] { Table("Fire setters", 4) } };

        await StatusAsync(await support.PostAsJsonAsync($"/api/partnerships/{slug}/periods/2010-11-q1/task-group-reports", q1), HttpStatusCode.Created);
        var second = await JsonAsync<TaskGroupReportJson>(await support.PostAsJsonAsync($"/api/partnerships/{slug}/periods/2010-11-q2/task-group-reports", q2), HttpStatusCode.Created);
        await StatusAsync(await support.PostAsJsonAsync($"/api/partnerships/{slug}/periods/2009-10-q4/task-group-reports", new { title, figures = new[] { Table("Fire setters", 100) } }), HttpStatusCode.Created);

        var table = second.Figures[0];
        Assert.Equal(4, table.Rows[0].Values[0]);
        Assert.Equal(7, table.YearToDate?[0][0]);
    }

    [Fact]
    public async Task PublicityMarkedRestricted_IsRefusedWithAClearMessage()
    {
        var slug = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);

        var problem = await PlanApi.ReadValidationErrorAsync(await support.PostAsJsonAsync($"/api/partnerships/{slug}/periods/2010-11-q3/task-group-reports",
            new { title = "Road safety", publicityItems = "Names of offenders", publicityMarking = "Restricted" }), "publicityItems");

        Assert.StartsWith("Items for publicity are published, so they cannot be Restricted", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FigureRowWithWrongNumberOfValues_IsRefusedNamingTableAndRow()
    {
        var slug = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        var body = new
        {
            title = "PPO",
            figures = new[] { new { title = "Scheme", columns = new[] { "PPO", "DIP" }, rows = new[] { new { label = "Removals", values = new decimal?[] { 1 } } } } },
        };

        var problem = await PlanApi.ReadValidationErrorAsync(await support.PostAsJsonAsync($"/api/partnerships/{slug}/periods/2010-11-q3/task-group-reports", body), "figures[0].Rows");

        Assert.Equal("Row 1 of figure table 1 (Removals) has 1 values but the table has 2 columns", problem);
    }

    [Fact]
    public async Task LeadOfficer_WritesTheirPrioritysReport_ButNotAnothersAndBoardMemberNeither()
    {
        // Dave leads priority 1, Jenny priority 2.
        var partnership = await TestData.Partnership().WithPerson(out var jennyJolley, "Jenny Jolley").WithPerson(out var daveSargent, "Dave Sargent")
            .WithEdition(2010).WithPriority("Reducing Serious Acquisitive Crime", daveSargent).WithPriority("Reducing Re-offending", jennyJolley).SaveAsync(app);
        var slug = partnership.Slug;
        using var jenny = await ClientAsync(PartnershipRole.LeadOfficer, slug, jennyJolley.Key);
        using var dave = await ClientAsync(PartnershipRole.LeadOfficer, slug, daveSargent.Key);
        using var board = await ClientAsync(PartnershipRole.BoardMember, slug);
        var priority2 = partnership.PriorityIds[1];

        var created = await JsonAsync<TaskGroupReportJson>(await jenny.PostAsJsonAsync($"/api/partnerships/{slug}/periods/2010-11-q3/task-group-reports",
            new { title = "Priority 2: Reducing Re-offending", priorityId = priority2, achievements = "IOM scoring matrix agreed" }), HttpStatusCode.Created);
        var id = created.Id;
        await StatusAsync(await dave.PutAsJsonAsync($"/api/task-group-reports/{id}", new { title = "Taken over", priorityId = priority2, achievementsMarking = "Official", concernsMarking = "Official", recommendationsMarking = "Official", version = 1 }), HttpStatusCode.Forbidden);
        await StatusAsync(await board.PostAsJsonAsync($"/api/partnerships/{slug}/periods/2010-11-q3/task-group-reports", new { title = "Board" }), HttpStatusCode.Forbidden);

        var kept = await JsonAsync<TaskGroupReportJson>(await jenny.GetAsync($"/api/task-group-reports/{id}"), HttpStatusCode.OK);
        Assert.Equal("Priority 2: Reducing Re-offending", kept.Title);
    }

    [Fact]
    public async Task LeadOfficerChosenForAReportOnOtherWork_WritesIt_ButNeitherTheyNorAnotherLeadChooseWhoLeads()
    {
        var partnership = await TestData.Partnership().WithPerson(out var dana, "Dana Test").WithPerson(out var sam, "Sam Test")
            .WithEdition(2010).SaveAsync(app);
        var slug = partnership.Slug;
        await TestData.Partnership().WithPerson(out var outsider, "Olly Elsewhere").SaveAsync(app);
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        using var danaClient = await ClientAsync(PartnershipRole.LeadOfficer, slug, dana.Key);
        using var samClient = await ClientAsync(PartnershipRole.LeadOfficer, slug, sam.Key);
        var reports = $"/api/partnerships/{slug}/periods/2010-11-q3/task-group-reports";

        // Someone of another partnership cannot lead this one's report; a lead officer cannot name a lead for a new report.
        Assert.Equal("Choose a lead officer from the partnership's people", await PlanApi.ReadValidationErrorAsync(
            await support.PostAsJsonAsync(reports, new { title = "Update on Anti Social Behaviour", leadOfficerId = outsider.Id }), "leadOfficerId"));

        var created = await JsonAsync<TaskGroupReportJson>(
            await support.PostAsJsonAsync(reports, new { title = "Update on Anti Social Behaviour", leadOfficerId = dana.Id }), HttpStatusCode.Created);
        Assert.Equal(dana.Id, created.LeadOfficerId);
        Assert.Null(created.LeadOfficerName);
        var change = new { title = "Update on Anti Social Behaviour", leadOfficerId = dana.Id, achievements = "Two dispersal orders agreed", achievementsMarking = "Official", concernsMarking = "Official", recommendationsMarking = "Official", version = 1 };

        // Sam leads neither the report nor a priority it is under; Dana, its lead, writes it.
        await StatusAsync(await samClient.PutAsJsonAsync($"/api/task-group-reports/{created.Id}", change), HttpStatusCode.Forbidden);
        var saved = await JsonAsync<TaskGroupReportJson>(await danaClient.PutAsJsonAsync($"/api/task-group-reports/{created.Id}", change), HttpStatusCode.OK);
        Assert.Equal("Two dispersal orders agreed", saved.Achievements);

        // Handing it to Sam, or taking her name off it, is for support officers and administrators.
        Assert.Equal("Only support officers and administrators can choose a report's lead officer", await PlanApi.ReadValidationErrorAsync(
            await danaClient.PutAsJsonAsync($"/api/task-group-reports/{created.Id}", change with { leadOfficerId = sam.Id, version = 2 }), "leadOfficerId"));
        Assert.Equal("Only support officers and administrators can choose a report's lead officer", await PlanApi.ReadValidationErrorAsync(
            await danaClient.PutAsJsonAsync($"/api/task-group-reports/{created.Id}", new { change.title, achievementsMarking = "Official", concernsMarking = "Official", recommendationsMarking = "Official", version = 2 }), "leadOfficerId"));
        var handedOn = await JsonAsync<TaskGroupReportJson>(
            await support.PutAsJsonAsync($"/api/task-group-reports/{created.Id}", change with { leadOfficerId = sam.Id, version = 2 }), HttpStatusCode.OK);
        Assert.Equal(sam.Id, handedOn.LeadOfficerId);
        await StatusAsync(await danaClient.PutAsJsonAsync($"/api/task-group-reports/{created.Id}", change with { version = 3 }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task StaleVersion_IsConflictAndTheFirstTextSurvives()
    {
        var slug = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        var created = await JsonAsync<TaskGroupReportJson>(await support.PostAsJsonAsync($"/api/partnerships/{slug}/periods/2010-11-q3/task-group-reports", new { title = "DAAT", achievements = "First" }), HttpStatusCode.Created);
        var id = created.Id;

        await StatusAsync(await support.PutAsJsonAsync($"/api/task-group-reports/{id}", new { title = "DAAT", achievements = "Second", achievementsMarking = "Official", concernsMarking = "Official", recommendationsMarking = "Official", version = 1 }), HttpStatusCode.OK);
        await StatusAsync(await support.PutAsJsonAsync($"/api/task-group-reports/{id}", new { title = "DAAT", achievements = "Third from a stale copy", achievementsMarking = "Official", concernsMarking = "Official", recommendationsMarking = "Official", version = 1 }), HttpStatusCode.Conflict);

        var kept = await JsonAsync<TaskGroupReportJson>(await support.GetAsync($"/api/task-group-reports/{id}"), HttpStatusCode.OK);
        Assert.Equal("Second", kept.Achievements);
        await StatusAsync(await support.DeleteAsync($"/api/task-group-reports/{id}?version=2"), HttpStatusCode.NoContent);
        await StatusAsync(await support.GetAsync($"/api/task-group-reports/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Briefing_WrittenOnceByTheCountyBody_IsSharedIntoThePartnershipAndVersioned()
    {
        // The partnership with a body of its own serving it, in place of the demo's county-wide Domestic Abuse Partnership.
        var partnership = await TestData.Partnership().WithEdition(2010).WithBody(out var county, "County Domestic Abuse Partnership").SaveAsync(app);
        var slug = partnership.Slug;
        var briefings = $"/api/bodies/{county.Key}/briefings";
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        using var board = await ClientAsync(PartnershipRole.BoardMember, slug);
        var title = $"State of the Partnership Briefing: 1st Quarter 2010/11 {Guid.NewGuid():N}";
        var body = new
        {
            period = "2010-11-q1",
            title,
            fromName = "Domestic Abuse Partnership Manager",
            sections = "## Support\n\nReferrals to the IDVA service per district.",
            figuresTitle = "Referrals per district",
            figures = new[] { new { label = "South", value = 35m }, new { label = "City", value = 61m } },
        };

        var created = await JsonAsync<BriefingJson>(await support.PostAsJsonAsync(briefings, body), HttpStatusCode.Created);
        await StatusAsync(await board.PostAsJsonAsync(briefings, body), HttpStatusCode.Forbidden);
        var id = created.Id;
        await StatusAsync(await support.PutAsJsonAsync($"{briefings}/{id}", body with { }), HttpStatusCode.PreconditionRequired);
        var changed = await JsonAsync<BriefingJson>(await support.PutAsJsonAsync($"{briefings}/{id}", new { title, risks = "IDVA funding ends in March", marking = "Official", version = 1 }), HttpStatusCode.OK);
        await StatusAsync(await support.PutAsJsonAsync($"{briefings}/{id}", new { title, risks = "Stale", marking = "Official", version = 1 }), HttpStatusCode.Conflict);

        Assert.Equal(2, changed.Version);
        var shared = await JsonAsync<List<BriefingJson>>(await board.GetAsync($"/api/partnerships/{slug}/periods/2010-11-q1/briefings"), HttpStatusCode.OK);
        var briefing = shared.Single(b => b.Title == title);
        Assert.Equal("IDVA funding ends in March", briefing.Risks);
        await PlanApi.ReadValidationErrorAsync(await support.PostAsJsonAsync(briefings, new { period = "2010-11-q1" }), "title");
    }

    [Fact]
    public async Task Anonymous_CannotReadReports()
    {
        var slug = await PartnershipAsync();
        using var anonymous = await app.ApiClientAsync();

        using var response = await anonymous.GetAsync($"/api/partnerships/{slug}/periods/2010-11-q4/task-group-reports");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

/// <summary>
/// The demo's quarter is only read, with a user of the test's own added to it; every report and briefing written is in a
/// partnership of the test's own (<see cref="TestData"/>): on the shared app.
/// </summary>
public sealed class TaskGroupReportApiTestsOnSqlite(SharedSqliteApp shared) : TaskGroupReportApiTests(shared.App), IClassFixture<SharedSqliteApp>;

/// <inheritdoc cref="TaskGroupReportApiTestsOnSqlite"/>
public sealed class TaskGroupReportApiTestsOnPostgres(SharedPostgresApp shared) : TaskGroupReportApiTests(shared.App), IClassFixture<SharedPostgresApp>;
