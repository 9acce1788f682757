using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Data;
using SaferPlan.Core.Funding;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Plans;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Funding;
using SaferPlan.Web.Tests.Plans;

using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Shared;

/// <summary>
/// A form with a box it cannot read (a date that is no date, a number that is no number) is shown again with that box's
/// error and, at the same time, what the editor's check finds wrong in the rest, and saves nothing: the one way a form saves
/// (<c>EditOutcomes.SaveFormAsync</c>). Each test is a form that, before, stopped at the unreadable box and named only it.
/// </summary>
public abstract class EveryErrorAtOnceTests(SaferPlanFactory app)
{
    /// <summary>Posts the form and reads the boxes its error summary links to.</summary>
    private static async Task<List<string>> RefusedBoxesAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var form = await Forms.PageAsync(client, path);
        using var refused = await Forms.PostAsync(client, path, form, fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(path, refused.RequestMessage!.RequestUri!.PathAndQuery);
        return [.. TestHtml.ErrorSummaryLinks(TestHtml.Parse(await refused.Content.ReadAsStringAsync())).Select(l => l.FieldId)];
    }

    private Task<int> CountAsync(Func<SaferPlanDbContext, Task<int>> count) =>
        app.WithScopeAsync(sp => count(sp.GetRequiredService<SaferPlanDbContext>()));

    private static void AssertBoxes(IEnumerable<string> expected, IEnumerable<string> refused) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), refused.Order(StringComparer.Ordinal));

    [Fact]
    public async Task TaskGroupReportForm_AFigureThatIsNoNumber_AndNoTitle_NamesBoth()
    {
        var partnership = await TestData.Partnership().WithEdition(2010).WithMilestone().SaveAsync(app);
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);

        var boxes = await RefusedBoxesAsync(support, $"/partnerships/{partnership.Slug}/periods/2010-11-q2/reports/new", new()
        {
            ["Input.Title"] = "",
            ["Input.PriorityId"] = "",
            ["Input.AchievementsMarking"] = "Official",
            ["Input.ConcernsMarking"] = "Official",
            ["Input.RecommendationsMarking"] = "Official",
            ["Input.Version"] = "0",
            ["Input.Figures[0].Title"] = "Scheme updates",
            ["Input.Figures[0].Table.Columns[0]"] = "PPO",
            ["Input.Figures[0].Table.Rows[0].Label"] = "New engagements",
            ["Input.Figures[0].Table.Rows[0].Values[0]"] = "twelve",
            ["Input.Figures[0].YearToDate"] = "no",
            ["Input.Figures[0].Marking"] = "Official",
        });

        AssertBoxes(["Input-Title", "Input-Figures-0--Table-Rows-0--Values-0-"], boxes);
        Assert.Equal(0, await CountAsync(db => db.Set<TaskGroupReport>().CountAsync(r => r.PartnershipId == partnership.Id)));
    }

    [Fact]
    public async Task BriefingForm_ADateThatIsNoDate_NoQuarterAndNoTitle_NamesEach()
    {
        var partnership = await TestData.Partnership().WithEdition(2010).WithCountyBody(out var county, "County Briefing Body").SaveAsync(app);
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);

        var boxes = await RefusedBoxesAsync(support, $"/bodies/{county.Key}/briefings/new", new()
        {
            ["Input.Period"] = "",
            ["Input.Title"] = "",
            ["Input.IssuedOn.Day"] = "31",
            ["Input.IssuedOn.Month"] = "2",
            ["Input.IssuedOn.Year"] = "2011",
            ["Input.Marking"] = "Official",
            ["Input.Version"] = "0",
        });

        AssertBoxes(["Input-Period", "Input-Title", "Input-IssuedOn-day"], boxes);
        Assert.Equal(0, await CountAsync(db => db.Set<PartnerBriefing>().CountAsync(b => db.Bodies.Any(x => x.Id == b.BodyId && x.Key == county.Key))));
    }

    [Fact]
    public async Task UpdateForm_AStatusItCannotRead_NoProgressAndACountThatIsNoNumber_NamesEach()
    {
        var partnership = await TestData.Partnership().WithEdition(2010).WithMilestone().WithMeasurementKind(MeasurementKind.Count).SaveAsync(app);
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        var milestone = partnership.Milestones[0].Id;

        var boxes = await RefusedBoxesAsync(support, $"/milestones/{milestone}/updates/2010-11-q3", new()
        {
            ["Input.Progress"] = "",
            ["Input.Value"] = "lots",
            ["Input.Status"] = "Sideways",
            ["Input.Marking"] = "Official",
            ["Input.Version"] = "0",
            ["submit"] = "true",
        });

        AssertBoxes(["Input-Progress", "Input-Value", "Input-Status"], boxes);
        Assert.Equal(0, await CountAsync(db => db.Set<MilestoneUpdate>().CountAsync(u => u.MilestoneId == milestone)));
    }

    [Fact]
    public async Task OpenQuarterForm_AQuarterItCannotRead_AndNoDeadline_NamesBoth()
    {
        var partnership = await TestData.Partnership().WithEdition(2010).WithMilestone().SaveAsync(app);
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);

        var boxes = await RefusedBoxesAsync(support, $"/partnerships/{partnership.Slug}/updates", new()
        {
            ["Input.Period"] = "the third quarter",
            ["Input.Deadline.Day"] = "",
            ["Input.Deadline.Month"] = "",
            ["Input.Deadline.Year"] = "",
        });

        AssertBoxes(["Input-Period", "Input-Deadline-day"], boxes);
        Assert.Equal(0, await CountAsync(db => db.Set<CollectionRound>().CountAsync(r => r.PartnershipId == partnership.Id)));
    }

    [Fact]
    public async Task DenominatorsForm_AYearItCannotRead_AndNoNumber_NamesBoth()
    {
        var partnership = await TestData.Partnership().SaveAsync(app);
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);

        var boxes = await RefusedBoxesAsync(support, $"/partnerships/{partnership.Slug}/denominators", new()
        {
            ["Input.Kind"] = "Residents",
            ["Input.Year"] = "twenty ten",
            ["Input.Value"] = "",
            ["Input.Source"] = "Census",
            ["Version"] = "0",
        });

        AssertBoxes(["Year", "Value"], boxes);
        Assert.Equal(0, await CountAsync(db => db.Set<AreaDenominator>().CountAsync(d => d.PartnershipId == partnership.Id)));
    }

    [Fact]
    public async Task ConsultationForm_ADeadlineThatIsNoDate_AndAnAddressThatIsNone_NamesBoth()
    {
        var partnership = await TestData.Partnership().WithEdition(2011, EditionStatus.Draft).WithAction().SaveAsync(app);
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);

        var boxes = await RefusedBoxesAsync(support, $"/editions/{partnership.EditionId}/consultation", new()
        {
            ["Deadline.Day"] = "31",
            ["Deadline.Month"] = "2",
            ["Deadline.Year"] = "2031",
            ["Consultees"] = "chair@example.org\nthe probation office",
        });

        AssertBoxes(["Deadline-day", "Consultees"], boxes);
        Assert.Equal(0, await CountAsync(db => db.Set<EditionConsultation>().CountAsync(c => c.EditionId == partnership.EditionId)));
        Assert.Equal(1, await CountAsync(db => db.Editions.CountAsync(e => e.Id == partnership.EditionId && e.Status == EditionStatus.Draft)));
    }

    /// <summary>
    /// The payment form, changing a payment, with an allocation it cannot read: asked for on that box (before, the payment was
    /// saved on the allocation it had, the rest of the change with it), with an unreadable date and a wrong amount named too when
    /// they are sent; the payment unchanged.
    /// </summary>
    [Fact]
    public async Task SpendForm_AnAllocationItCannotRead_ADateThatIsNoDate_AndAWrongAmount_NamesEach_AndChangesNothing()
    {
        var partnership = await TestData.Partnership().SaveAsync(app);
        using var api = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug));
        var funding = $"/api/partnerships/{partnership.Slug}/funding";
        var stream = await CreatedAsync<FundingStreamJson>(await api.PostAsJsonAsync($"{funding}/streams?year=2024-25", new { name = "Pooled Fund", amount = 1000, received = true }));
        var allocation = await CreatedAsync<FundingAllocationJson>(await api.PostAsJsonAsync($"{funding}/allocations?year=2024-25",
            new { streamId = stream.Id, name = "Taxi Marshals", amount = 500, status = "Confirmed", marking = "Official" }));
        var spend = await CreatedAsync<FundingSpendJson>(await api.PostAsJsonAsync($"{funding}/spending?year=2024-25",
            new { allocationId = allocation.Id, spentOn = new DateOnly(2024, 5, 1), amount = 120, payee = "Secure Guarding Ltd", payeeIsPublic = true, purchase = "Marshals at the rank" }));
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);

        var path = $"/partnerships/{partnership.Slug}/funding/2024-25/spending/{spend.Id}";
        Dictionary<string, string> Payment(string day, string amount) => new()
        {
            ["AllocationId"] = "the taxi one",
            ["SpentOn.Day"] = day,
            ["SpentOn.Month"] = "2",
            ["SpentOn.Year"] = "2025",
            ["Amount"] = amount,
            ["Purchase"] = "Marshals at the rank, and a van",
            ["Payee"] = "Secure Guarding Ltd",
            ["PayeeIsPublic"] = "true",
            ["TransactionId"] = spend.TransactionId,
            ["Version"] = spend.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        AssertBoxes(["AllocationId", "SpentOn-day", "Amount"], await RefusedBoxesAsync(support, path, Payment("31", "a hundred")));
        AssertBoxes(["AllocationId"], await RefusedBoxesAsync(support, path, Payment("3", "150.00")));
        var kept = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<FundingSpend>().AsNoTracking().SingleAsync(s => s.Id == spend.Id));
        Assert.Equal((spend.Version, "Marshals at the rank", 120m), (kept.Version, kept.Purchase, kept.Amount));
    }

    [Fact]
    public async Task FundingAgreementForm_ADateThatIsNoDate_AndABodyNameTooLong_NamesBoth_AndAgreesNothing()
    {
        var partnership = await TestData.Partnership().SaveAsync(app);
        using var api = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug));
        await CreatedAsync<FundingStreamJson>(await api.PostAsJsonAsync($"/api/partnerships/{partnership.Slug}/funding/streams?year=2040-41", new { name = "Pooled Fund", amount = 1000, received = true }));
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);

        var boxes = await RefusedBoxesAsync(support, $"/partnerships/{partnership.Slug}/funding/2040-41/agreement", new()
        {
            ["DecidedOn.Day"] = "30",
            ["DecidedOn.Month"] = "13",
            ["DecidedOn.Year"] = "2026",
            ["Body"] = new string('B', 201),
            ["Minute"] = "10/04",
        });

        AssertBoxes(["DecidedOn-day", "Body"], boxes);
        Assert.Equal(0, await CountAsync(db => db.Set<FundingPlan>().CountAsync(p => p.PartnershipId == partnership.Id && p.AgreedOn != null)));
    }

    [Fact]
    public async Task DecisionForm_AKindItCannotRead_AndNoText_NamesBoth_AndRecordsNothing()
    {
        var partnership = await TestData.Partnership().WithEdition(2010).WithBody(out var board, "Test Board", Core.Partnerships.BodyKind.Board).SaveAsync(app);
        using var api = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug));
        var bodyId = await CountAsync(db => db.Bodies.Where(b => b.Key == board.Key).Select(b => b.Id).SingleAsync());
        using var added = await api.PostAsJsonAsync($"/api/partnerships/{partnership.Slug}/meetings",
            new { bodyId, year = "2010-11", meetsOn = new DateOnly(2010, 6, 10), startsAt = "14:00" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var meeting = await ReadAsync<ItemVersionJson>(added);
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);

        var boxes = await RefusedBoxesAsync(support, $"/meetings/{meeting.Id}/decision", new()
        {
            ["Text"] = "",
            ["Minute"] = "4/10",
            ["Kind"] = "Adjourned",
            ["EditionId"] = "",
            ["FundingYear"] = "",
        });

        AssertBoxes(["Text", "Kind"], boxes);
        Assert.Equal(0, await CountAsync(db => db.Set<Core.Meetings.MeetingDecision>().CountAsync(d => d.MeetingId == meeting.Id)));
    }

    /// <summary>The person form with an agency it cannot read: that box asked for (before, the person was saved with no agency).</summary>
    [Fact]
    public async Task PersonForm_AnAgencyItCannotRead_IsAskedFor_AndAddsNobody()
    {
        var partnership = await TestData.Partnership().SaveAsync(app);
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);

        var boxes = await RefusedBoxesAsync(support, $"/partnerships/{partnership.Slug}/people/new", new()
        {
            ["Input.Name"] = "Myles Bebbington",
            ["Input.RoleTitle"] = "Community Safety Manager",
            ["Input.AgencyId"] = "the police",
            ["Input.Email"] = "",
            ["Input.Version"] = "0",
        });

        AssertBoxes(["Input-AgencyId"], boxes);
        Assert.Equal(0, await CountAsync(db => db.People.CountAsync(p => p.PartnershipId == partnership.Id)));
    }

    /// <summary>
    /// The comments page with a plan item it cannot read: that box asked for (before, the comment was recorded on the whole
    /// plan), and a change made with a priority it cannot read likewise (before, recorded for the whole plan).
    /// </summary>
    [Fact]
    public async Task CommentsPage_AnItemItCannotRead_IsAskedFor_AndRecordsNothing()
    {
        var partnership = await TestData.Partnership().WithEdition(2011, EditionStatus.Draft).WithPriority().SaveAsync(app);
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        var path = $"/editions/{partnership.EditionId}/comments";

        AssertBoxes(["Item"], await RefusedBoxesAsync(support, path, new() { ["Item"] = "priority one", ["Text"] = "Prepare for IOM", ["MadeBy"] = "", ["Source"] = "" }));
        AssertBoxes(["ChangePriority"], await RefusedBoxesAsync(support, $"{path}?handler=AddChange", new() { ["ChangePriority"] = "priority one", ["ChangeText"] = "IOM added" }));
        Assert.Equal(0, await CountAsync(db => db.Set<ConsultationComment>().CountAsync(c => c.EditionId == partnership.EditionId)));
        Assert.Equal(0, await CountAsync(db => db.Set<RefreshChange>().CountAsync(c => c.EditionId == partnership.EditionId)));
    }
}

/// <summary>Each test has a partnership of its own (<see cref="TestData"/>); what a form reads and names is the same on either database.</summary>
public sealed class EveryErrorAtOnceTestsOnSqlite(SharedSqliteApp shared) : EveryErrorAtOnceTests(shared.App), IClassFixture<SharedSqliteApp>;
