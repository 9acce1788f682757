using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Plans;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Auditing;
using SaferPlan.Web.Tests.Plans;

using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Monitoring;

/// <summary>Quarterly milestone updates through the API: who may write them, typed values, locking, conflicts, review and completeness.</summary>
public abstract class MonitoringApiTests(SaferPlanFactory app)
{
    /// <summary>The demo partnership, whose seed quarters one test reads (and changes nothing of).</summary>
    private const string DemoSlug = "south-cambridgeshire";

    /// <summary>A user of the role in the partnership; with a person key, the user is that person (a lead officer).</summary>
    private async Task<HttpClient> ClientAsync(PartnershipRole role, string slug, string? person = null) =>
        await app.ApiClientAsync(await app.AddUserAsync(role, person, slug));

    /// <summary>
    /// A partnership of the test's own with an approved 2010/11 plan edition: Dave Sargent leads its priority 1 (two
    /// milestones, the first also led by him by name) and Jenny Jolley its priority 2 (one milestone), as in the demo.
    /// </summary>
    private async Task<(TestPartnership Partnership, TestPerson Dave, TestPerson Jenny)> PartnershipAsync()
    {
        var partnership = await TestData.Partnership().WithPerson(out var dave, "Dave Sargent").WithPerson(out var jenny, "Jenny Jolley").WithEdition(2010)
            .WithPriority(lead: dave).WithMilestone(dave).WithMilestone().WithPriority(lead: jenny).WithMilestone().SaveAsync(app);
        return (partnership, dave, jenny);
    }

    private static async Task<int> DemoMilestoneIdAsync(HttpClient client, string year, string code)
    {
        var edition = await PlanApi.EditionOfYearAsync(client, year);
        return edition.Milestones.Single(m => m.Code == code).Id;
    }

    /// <summary>Opens a quarter that stays open.</summary>
    private static async Task OpenAsync(HttpClient support, string slug, string period)
    {
        using var response = await support.PostAsJsonAsync($"/api/partnerships/{slug}/periods/{period}/round", new { deadline = "2099-04-08" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Task<HttpResponseMessage> PutUpdateAsync(HttpClient client, int milestoneId, string period, object body) =>
        client.PutAsJsonAsync($"/api/milestones/{milestoneId}/updates/{period}", body);

    private static async Task<MilestoneUpdateJson> UpdateOkAsync(HttpResponseMessage response) => await OkJsonAsync<MilestoneUpdateJson>(response);

    private static async Task<CompletenessJson> CompletenessAsync(HttpClient client, string slug, string period) =>
        await OkJsonAsync<CompletenessJson>(await client.GetAsync($"/api/partnerships/{slug}/periods/{period}/completeness"));

    private static async Task<List<AuditEntryJson>> AuditAsync(HttpClient client, int updateId) =>
        await OkJsonAsync<List<AuditEntryJson>>(await client.GetAsync($"/api/audit?entity=MilestoneUpdate&id={updateId}"));

    [Fact]
    public async Task DemoData_HasSeed001Q4UpdatesAndSeed004Q1Progress()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, DemoSlug);

        var q4 = await CompletenessAsync(support, DemoSlug, "2010-11-q4");
        var q1 = await UpdateOkAsync(await support.GetAsync($"/api/milestones/{await DemoMilestoneIdAsync(support, "2009/10", "1.1a")}/updates/2009-10-q1"));

        Assert.Equal(23, q4.Total.Accepted);
        Assert.Equal(47, q4.Total.Expected);
        Assert.Equal("2011-04-08", q4.Round?.Deadline);
        Assert.Equal("Multi-Agency Meetings held in April, May, June", q1.Progress);
        Assert.Equal("OnTrack", q1.Status);
    }

    [Fact]
    public async Task LeadOfficer_OpenQuarter_SubmitsUpdateThatShowsInHistoryAndCompleteness()
    {
        var (partnership, daveSargent, _) = await PartnershipAsync();
        var slug = partnership.Slug;
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        await OpenAsync(support, slug, "2010-11-q3");
        using var dave = await ClientAsync(PartnershipRole.LeadOfficer, slug, daveSargent.Key);
        var id = partnership.Milestones[0].Id;
        var before = await CompletenessAsync(support, slug, "2010-11-q3");

        var saved = await UpdateOkAsync(await PutUpdateAsync(dave, id, "2010-11-q3", new { progress = "42 calls about rogue traders answered", status = "OnTrack", version = 0 }));

        Assert.Equal("Submitted", saved.State);
        Assert.Equal(1, saved.Version);
        Assert.Equal("Dave Sargent", saved.Author);
        var history = await OkJsonAsync<List<MilestoneUpdateJson>>(await support.GetAsync($"/api/milestones/{id}/updates"));
        Assert.Contains(history, u => u.Period == "2010-11-q3" && u.Progress == "42 calls about rogue traders answered");
        var completeness = await CompletenessAsync(support, slug, "2010-11-q3");
        Assert.Equal(before.Total.Submitted + 1, completeness.Total.Submitted);
        Assert.Contains(before.NotReported, m => m.MilestoneId == id);
        Assert.DoesNotContain(completeness.NotReported, m => m.MilestoneId == id);
        var audit = await AuditAsync(support, saved.Id);
        Assert.Equal("Dave Sargent", audit[0].Actor);
    }

    [Fact]
    public async Task LeadOfficer_MilestoneTheyDoNotLead_IsForbiddenAndNothingSaved()
    {
        var (partnership, _, jennyJolley) = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, partnership.Slug);
        await OpenAsync(support, partnership.Slug, "2010-11-q2");
        using var jenny = await ClientAsync(PartnershipRole.LeadOfficer, partnership.Slug, jennyJolley.Key);
        var id = partnership.Milestones[0].Id;

        await ReadProblemAsync(await PutUpdateAsync(jenny, id, "2010-11-q2", new { progress = "Not mine", status = "OnTrack", version = 0 }), HttpStatusCode.Forbidden);

        await ReadProblemAsync(await support.GetAsync($"/api/milestones/{id}/updates/2010-11-q2"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BoardMember_CannotUpdateAnything()
    {
        var (partnership, _, _) = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, partnership.Slug);
        await OpenAsync(support, partnership.Slug, "2010-11-q2");
        using var board = await ClientAsync(PartnershipRole.BoardMember, partnership.Slug);
        var id = partnership.Milestones[2].Id;

        await ReadProblemAsync(await PutUpdateAsync(board, id, "2010-11-q2", new { progress = "Board text", status = "OnTrack", version = 0 }), HttpStatusCode.Forbidden);
        using var anonymous = await app.ApiClientAsync();
        await ReadProblemAsync(await PutUpdateAsync(anonymous, id, "2010-11-q2", new { progress = "Anonymous", status = "OnTrack", version = 0 }), HttpStatusCode.Unauthorized);
    }

    /// <summary>
    /// A quarter opened with updates due before it starts (1 January 2010 for 2010/11 Q3, a mistyped year) is refused on the
    /// deadline, by the API and the form, naming the quarter's first day; nothing is opened. Its first day is accepted.
    /// </summary>
    [Fact]
    public async Task OpenQuarter_WithADeadlineBeforeTheQuarterStarts_IsRefusedNamingItsFirstDay()
    {
        var (partnership, _, _) = await PartnershipAsync();
        var slug = partnership.Slug;
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        const string Message = "The date updates are due must be on or after 1 October 2010, when 2010/11 Q3 starts";

        Assert.Equal(Message, await ReadValidationErrorAsync(await support.PostAsJsonAsync($"/api/partnerships/{slug}/periods/2010-11-q3/round", new { deadline = "2010-01-01" }), "deadline"));
        using (var browser = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: slug))
        {
            var path = $"/partnerships/{slug}/updates";
            using var refused = await Forms.PostAsync(browser, path, await Forms.PageAsync(browser, path), new()
            {
                ["Input.Period"] = "2010/11 Q3", ["Input.Deadline.Day"] = "1", ["Input.Deadline.Month"] = "1", ["Input.Deadline.Year"] = "2010",
            });
            Assert.Equal([("Input-Deadline-day", Message)], TestHtml.ErrorSummaryLinks(TestHtml.Parse(await refused.Content.ReadAsStringAsync())));
        }

        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<Core.Data.SaferPlanDbContext>().Set<Core.Monitoring.CollectionRound>().CountAsync(r => r.PartnershipId == partnership.Id)));
        using var opened = await support.PostAsJsonAsync($"/api/partnerships/{slug}/periods/2010-11-q3/round", new { deadline = "2010-10-01" });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
    }

    [Fact]
    public async Task LockedQuarter_LeadOfficerRefused_SupportOfficerChangesItAndItIsAudited()
    {
        // As in the demo's 2010/11 Q4: Dave's update written while the quarter was open, then the quarter locked on 15 April 2011.
        var (partnership, daveSargent, _) = await PartnershipAsync();
        var slug = partnership.Slug;
        using var dave = await ClientAsync(PartnershipRole.LeadOfficer, slug, daveSargent.Key);
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, slug);
        var id = partnership.Milestones[0].Id;
        using (var opened = await support.PostAsJsonAsync($"/api/partnerships/{slug}/periods/2010-11-q4/round", new { deadline = "2011-04-08" }))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }

        await UpdateOkAsync(await PutUpdateAsync(dave, id, "2010-11-q4", new { progress = "Discussions ongoing.", status = "OnTrack", version = 0 }));
        using (var locked = await support.PostAsJsonAsync($"/api/partnerships/{slug}/periods/2010-11-q4/round", new { deadline = "2011-04-08", lockOn = "2011-04-15" }))
        {
            Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        }

        var current = await UpdateOkAsync(await support.GetAsync($"/api/milestones/{id}/updates/2010-11-q4"));
        var (version, marking) = (current.Version, current.Marking);

        var refused = await ReadProblemAsync(await PutUpdateAsync(dave, id, "2010-11-q4", new { progress = "Late change", status = "OnTrack", marking, version }), HttpStatusCode.Forbidden);
        var changed = await UpdateOkAsync(await PutUpdateAsync(support, id, "2010-11-q4", new { progress = "Discussions ongoing; corrected after the lock.", status = "OnTrack", marking, version }));

        Assert.Contains("locked", refused.Detail, StringComparison.Ordinal);
        Assert.Equal("Discussions ongoing; corrected after the lock.", changed.Progress);
        var audit = await AuditAsync(support, changed.Id);
        Assert.Contains(audit[0].Changes, c => c.Field == "Progress" && c.Old == "Discussions ongoing.");
    }

    [Fact]
    public async Task TwoOfficers_SameVersion_SecondGetsConflictAndFirstTextSurvives()
    {
        var (partnership, daveSargent, _) = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, partnership.Slug);
        await OpenAsync(support, partnership.Slug, "2010-11-q1");
        using var dave = await ClientAsync(PartnershipRole.LeadOfficer, partnership.Slug, daveSargent.Key);
        var id = partnership.Milestones[0].Id;

        await UpdateOkAsync(await PutUpdateAsync(dave, id, "2010-11-q1", new { progress = "Dave's research brief", status = "OnTrack", version = 0 }));
        using var second = await PutUpdateAsync(support, id, "2010-11-q1", new { progress = "Support officer's text", status = "OnTrack", version = 0 });

        var problem = await ReadProblemAsync(second, HttpStatusCode.Conflict);
        Assert.Contains("Dave Sargent", problem.Detail, StringComparison.Ordinal);
        var kept = await UpdateOkAsync(await support.GetAsync($"/api/milestones/{id}/updates/2010-11-q1"));
        Assert.Equal("Dave's research brief", kept.Progress);
        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/milestones/{id}/updates/2010-11-q1") { Content = JsonContent.Create(new { progress = "Stale", status = "OnTrack", marking = "Official" }) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"7\""));
        await ReadProblemAsync(await support.SendAsync(stale), HttpStatusCode.PreconditionFailed);
    }

    [Theory]
    [InlineData(MeasurementKind.Percentage, "120", "value")]
    [InlineData(MeasurementKind.Percentage, "lots", "value")]
    [InlineData(MeasurementKind.YesNo, "maybe", "value")]
    [InlineData(MeasurementKind.Count, "2.5", "value")]
    [InlineData(MeasurementKind.Money, "-5", "value")]
    public async Task Value_WrongForMeasurementKind_IsRefusedNamingValue(MeasurementKind kind, string value, string field)
    {
        // A milestone of the partnership's 2009/10 plan measured as the demo's 1.9a, 1.1c, 1.3a or 1.2a is.
        var partnership = await TestData.Partnership().WithEdition(2009).WithMilestone().WithMeasurementKind(kind).SaveAsync(app);
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, partnership.Slug);
        await OpenAsync(support, partnership.Slug, "2009-10-q2");
        var id = partnership.Milestones[0].Id;

        await ReadValidationErrorAsync(await PutUpdateAsync(support, id, "2009-10-q2", new { progress = "Quarter two", status = "OnTrack", value, version = 0 }), field);

        await ReadProblemAsync(await support.GetAsync($"/api/milestones/{id}/updates/2009-10-q2"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Value_RightForEachKind_IsStoredTyped()
    {
        // Milestones of the partnership's 2009/10 plan measured as a percentage, yes or no, and money (as the demo's 1.9a, 1.1c and 1.2a).
        var partnership = await TestData.Partnership().WithEdition(2009)
            .WithMilestone().WithMeasurementKind(MeasurementKind.Percentage)
            .WithMilestone().WithMeasurementKind(MeasurementKind.YesNo)
            .WithMilestone().WithMeasurementKind(MeasurementKind.Money).SaveAsync(app);
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, partnership.Slug);
        await OpenAsync(support, partnership.Slug, "2009-10-q3");

        var percentage = await UpdateOkAsync(await PutUpdateAsync(support, partnership.Milestones[0].Id, "2009-10-q3", new { progress = "Youth clubs", status = "OnTrack", value = "28.5%", version = 0 }));
        var yesNo = await UpdateOkAsync(await PutUpdateAsync(support, partnership.Milestones[1].Id, "2009-10-q3", new { progress = "Strategy", status = "Completed", value = "Yes", version = 0 }));
        var money = await UpdateOkAsync(await PutUpdateAsync(support, partnership.Milestones[2].Id, "2009-10-q3", new { progress = "Mediation", status = "OnTrack", value = "£625.00", version = 0 }));

        Assert.Equal("28.5", percentage.Value);
        Assert.Equal("yes", yesNo.Value);
        Assert.Equal("625.00", money.Value);
    }

    [Fact]
    public async Task Submit_WithoutProgressOrStatus_IsRefused_ButDraftIsKept()
    {
        var (partnership, _, _) = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, partnership.Slug);
        await OpenAsync(support, partnership.Slug, "2010-11-q1");
        var id = partnership.Milestones[2].Id;

        var problem = await ReadProblemAsync(await PutUpdateAsync(support, id, "2010-11-q1", new { progress = "  ", version = 0 }), HttpStatusCode.BadRequest);
        var draft = await UpdateOkAsync(await PutUpdateAsync(support, id, "2010-11-q1", new { progress = "Half written", submit = false, version = 0 }));

        Assert.NotNull(problem.Errors);
        Assert.Equal("Enter the progress made this quarter", problem.Errors["progress"][0]);
        Assert.Equal("Select the milestone's status", problem.Errors["status"][0]);
        Assert.Equal("Draft", draft.State);
    }

    [Fact]
    public async Task Review_ReturnNeedsComment_ThenResubmitAndAccept()
    {
        var (partnership, daveSargent, _) = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, partnership.Slug);
        await OpenAsync(support, partnership.Slug, "2010-11-q2");
        using var dave = await ClientAsync(PartnershipRole.LeadOfficer, partnership.Slug, daveSargent.Key);
        var id = partnership.Milestones[0].Id;
        var first = await UpdateOkAsync(await PutUpdateAsync(dave, id, "2010-11-q2", new { progress = "Bobby Scheme referrals", status = "OnTrack", version = 0 }));
        var updateId = first.Id;

        await ReadValidationErrorAsync(await support.PostAsJsonAsync($"/api/updates/{updateId}/review", new { accept = false, version = 1 }), "comment");
        var returned = await OkJsonAsync<ReviewedUpdateJson>(await support.PostAsJsonAsync($"/api/updates/{updateId}/review", new { accept = false, comment = "Give the number of referrals", version = 1 }));
        await ReadProblemAsync(await dave.PostAsJsonAsync($"/api/updates/{updateId}/review", new { accept = true, version = 2 }), HttpStatusCode.Forbidden);
        var resubmitted = await UpdateOkAsync(await PutUpdateAsync(dave, id, "2010-11-q2", new { progress = "12 referrals to the Bobby Scheme", status = "OnTrack", marking = "Official", version = 2 }));
        var accepted = await OkJsonAsync<ReviewedUpdateJson>(await support.PostAsJsonAsync($"/api/updates/{updateId}/review", new { accept = true, version = 3 }));

        Assert.Equal("Returned", returned.State);
        Assert.Equal("Submitted", resubmitted.State);
        Assert.Equal("Accepted", accepted.State);
    }

    [Fact]
    public async Task RestrictedUpdate_NeverReachesAnonymousReaders()
    {
        var (partnership, _, _) = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, partnership.Slug);
        await OpenAsync(support, partnership.Slug, "2010-11-q3");
        var id = partnership.Milestones[2].Id;
        var marker = $"restricted-{Guid.NewGuid():N}";

        await UpdateOkAsync(await PutUpdateAsync(support, id, "2010-11-q3", new { progress = $"PPO named case {marker}", status = "OnTrack", marking = "Restricted", version = 0 }));

        using var anonymous = await app.ApiClientAsync();
        var history = await anonymous.GetStringAsync($"/api/milestones/{id}/updates");
        var page = await anonymous.GetStringAsync($"/milestones/{id}");
        using var single = await anonymous.GetAsync($"/api/milestones/{id}/updates/2010-11-q3");
        Assert.DoesNotContain(marker, history, StringComparison.Ordinal);
        Assert.DoesNotContain(marker, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, single.StatusCode);
        Assert.Contains(marker, await support.GetStringAsync($"/api/milestones/{id}/updates"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadPeriod_IsProblemNamingPeriod()
    {
        var (partnership, _, _) = await PartnershipAsync();
        using var support = await ClientAsync(PartnershipRole.SupportOfficer, partnership.Slug);

        var period = await ReadValidationErrorAsync(await support.GetAsync($"/api/partnerships/{partnership.Slug}/periods/2010-13-q9/completeness"), "period");

        Assert.Contains("2010-11-q4", period, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completeness_Anonymous_IsUnauthorised()
    {
        var (partnership, _, _) = await PartnershipAsync();
        using var anonymous = await app.ApiClientAsync();

        await ReadProblemAsync(await anonymous.GetAsync($"/api/partnerships/{partnership.Slug}/periods/2010-11-q4/completeness"), HttpStatusCode.Unauthorized);
    }
}

/// <summary>
/// The Demo… test reads the demo's seed quarters, with a user of its own added to it; every round opened and update written
/// is in a partnership of the test's own (<see cref="TestData"/>): on the shared app.
/// </summary>
public sealed class MonitoringApiTestsOnSqlite(SharedSqliteApp shared) : MonitoringApiTests(shared.App), IClassFixture<SharedSqliteApp>;

/// <inheritdoc cref="MonitoringApiTestsOnSqlite"/>
public sealed class MonitoringApiTestsOnPostgres(SharedPostgresApp shared) : MonitoringApiTests(shared.App), IClassFixture<SharedPostgresApp>;
