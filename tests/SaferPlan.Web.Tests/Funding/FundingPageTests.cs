using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Funding;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Plans;

namespace SaferPlan.Web.Tests.Funding;

/// <summary>
/// The funding pages a user walks through: the payment form refusing a date outside the plan's year, the spending file page
/// listing every wrong line at once, and the plan page offering a lead officer "Edit payment" and "Delete payment" only for the
/// payments they recorded. The rules are the service's, which <see cref="FundingApiTests"/> checks on both databases; each
/// test works in a partnership of its own (<see cref="TestData"/>).
/// </summary>
public abstract class FundingPageTests(SaferPlanFactory app)
{
    /// <summary>The short name of each test's partnership, which its spending files name as the body.</summary>
    private const string ShortName = "Testshire CDRP";

    private const string Header = "Body name,Date,Expense type,Description,Supplier name,Amount,Transaction number\n";

    /// <summary>A partnership of the test's own with a draft 2011/12 edition whose priority 1 <c>lead</c> leads.</summary>
    private Task<TestPartnership> PartnershipAsync(out TestPerson lead) =>
        TestData.Partnership().WithShortName(ShortName).WithPerson(out lead, "Dave Sargent")
            .WithEdition(2011, Core.Plans.EditionStatus.Draft).WithPriority(lead: lead).SaveAsync(app);

    /// <summary>A stream and one allocation (for <paramref name="priorityId"/> if given) in <paramref name="year"/>, added through the API; the allocation's id.</summary>
    private static async Task<int> AllocationAsync(HttpClient api, string slug, string year, string name, int? priorityId = null)
    {
        var stream = await PlanApi.CreatedAsync<FundingStreamJson>(await api.PostAsJsonAsync($"/api/partnerships/{slug}/funding/streams?year={year}",
            new { name = "Pooled Fund", amount = 10000, received = true }));
        var allocation = await PlanApi.CreatedAsync<FundingAllocationJson>(await api.PostAsJsonAsync($"/api/partnerships/{slug}/funding/allocations?year={year}",
            new { streamId = stream.Id, name, amount = 4400, status = "Confirmed", marking = "Official", priorityId }));
        return allocation.Id;
    }

    private Task<List<FundingSpend>> PaymentsAsync(int allocationId) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<FundingSpend>().AsNoTracking().Where(s => s.AllocationId == allocationId).ToListAsync());

    private static Dictionary<string, string> Payment(int allocationId, int day, int month, int year, string transactionId) => new()
    {
        ["AllocationId"] = allocationId.ToString(CultureInfo.InvariantCulture),
        ["SpentOn.Day"] = day.ToString(CultureInfo.InvariantCulture),
        ["SpentOn.Month"] = month.ToString(CultureInfo.InvariantCulture),
        ["SpentOn.Year"] = year.ToString(CultureInfo.InvariantCulture),
        ["Amount"] = "120.00",
        ["Purchase"] = "Marshals at the rank",
        ["Payee"] = "Secure Guarding Ltd",
        ["PayeeIsPublic"] = "true",
        ["TransactionId"] = transactionId,
        ["Version"] = "0",
    };

    /// <summary>Uploads <paramref name="csv"/> on the spending file page as a browser does: the file with the page's antiforgery token.</summary>
    private static async Task<string> UploadAsync(HttpClient client, string path, string csv)
    {
        var page = await Forms.PageAsync(client, path);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(TestHtml.AntiforgeryToken(page, path)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "SpendingFile", "spending.csv" },
        };
        using var answer = await client.PostAsync(path, form);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return await answer.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// The payment form refuses a date outside the plan's financial year on the date boxes, and saves nothing (before, a
    /// payment dated 1 1 2011 was saved in 2012/13); the year's last day is taken.
    /// </summary>
    [Fact]
    public async Task SpendForm_ADateOutsideThePlansYear_IsNamedOnTheDate_AndNothingIsSaved()
    {
        var partnership = await PartnershipAsync(out _);
        using var api = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug));
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        var allocation = await AllocationAsync(api, partnership.Slug, "2012-13", "Taxi marshals");
        var path = $"/partnerships/{partnership.Slug}/funding/2012-13/spending?allocation={allocation}";

        var page = await Forms.PageAsync(support, path);
        using (var refused = await Forms.PostAsync(support, path, page, Payment(allocation, 1, 1, 2011, "T-1")))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var links = TestHtml.ErrorSummaryLinks(TestHtml.Parse(await refused.Content.ReadAsStringAsync()));
            Assert.Equal([("SpentOn-day", "The date of the payment is outside 2012/13 (1 April 2012 to 31 March 2013)")], links);
        }

        Assert.Empty(await PaymentsAsync(allocation));
        await Forms.AssertSavedAsync(support, path, Payment(allocation, 31, 3, 2013, "T-2"));
        Assert.Equal(new DateOnly(2013, 3, 31), Assert.Single(await PaymentsAsync(allocation)).SpentOn);
    }

    /// <summary>
    /// The spending file page lists every wrong line of a refused file at once, lines with the wrong number of fields among
    /// them, and saves nothing (before, a line of the wrong shape was all it named).
    /// </summary>
    [Fact]
    public async Task SpendingFilePage_ListsEveryWrongLine_AWrongNumberOfFieldsAmongThem_AndSavesNothing()
    {
        var partnership = await PartnershipAsync(out _);
        using var api = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug));
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        var allocation = await AllocationAsync(api, partnership.Slug, "2012-13", "Street Football Project");
        var csv = Header
            + $"{ShortName},01/05/2012,Pooled Fund,Street Football Project: pitch hire,Sports Ltd,400.00\n"
            + $"{ShortName},01/05/2012,Pooled Fund,Street Football Project: coaching,Sports Ltd,150.00,P-2\n"
            + $"{ShortName},10/05/2015,Pooled Fund,Street Football Project: balls,Sports Ltd,10.00,P-3\n";

        var html = await UploadAsync(support, $"/partnerships/{partnership.Slug}/funding/2012-13/spending-file", csv);
        var summary = TestHtml.SpacedText(TestHtml.ErrorSummary(TestHtml.Parse(html)));
        Assert.Contains("spending.csv was not loaded: 2 lines are wrong, so nothing from it has been saved", summary, StringComparison.Ordinal);
        Assert.Contains("Line 2: The line has 6 fields; a spending line has 7", summary, StringComparison.Ordinal);
        Assert.Contains("Line 4: the date 10/05/2015 is outside 2012/13 (1 April 2012 to 31 March 2013)", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Line 3:", summary, StringComparison.Ordinal);
        Assert.Empty(await PaymentsAsync(allocation));
    }

    /// <summary>
    /// On the funding plan, a lead officer is offered "Edit payment" and "Delete payment" only for a payment they recorded, not
    /// for one loaded from a finance system's file, whose edit page refuses them (before, both links were offered, the edit
    /// taken and the delete refused); a support officer is offered both for every payment.
    /// </summary>
    [Fact]
    public async Task FundingPlanPage_OffersALeadOfficerEditAndDeleteOnlyForThePaymentsTheyRecorded()
    {
        var partnership = await PartnershipAsync(out var person);
        using var api = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug));
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        using var lead = await Forms.SignedInAsync(app, PartnershipRole.LeadOfficer, person.Key, partnership.Slug);
        var allocation = await AllocationAsync(api, partnership.Slug, "2011-12", "Their project", partnership.PriorityIds[0]);
        var plan = $"/partnerships/{partnership.Slug}/funding/2011-12";
        using (var loaded = await api.PostAsync($"/api/partnerships/{partnership.Slug}/spending.csv?year=2011-12",
            new StringContent(Header + $"{ShortName},01/05/2011,Pooled Fund,Their project: radios,Radio Ltd,300.00,SC-0001\n", Encoding.UTF8, "text/csv")))
        {
            Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        }

        await Forms.AssertSavedAsync(lead, $"{plan}/spending?allocation={allocation}", Payment(allocation, 2, 5, 2011, "L-1"));
        var payments = await PaymentsAsync(allocation);
        var fromFile = payments.Single(p => p.TransactionId == "SC-0001").Id;
        var theirs = payments.Single(p => p.TransactionId == "L-1").Id;

        var offered = TestHtml.Hrefs(TestHtml.Parse(await Forms.PageAsync(lead, plan)));
        Assert.Contains($"{plan}/spending/{theirs}", offered);
        Assert.Contains($"{plan}/spending/{theirs}/delete", offered);
        Assert.DoesNotContain($"{plan}/spending/{fromFile}", offered);
        Assert.DoesNotContain($"{plan}/spending/{fromFile}/delete", offered);
        using (var edit = await lead.GetAsync($"{plan}/spending/{fromFile}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
            Assert.Contains("a lead officer can change or delete only the payments they recorded", await edit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var offeredToSupport = TestHtml.Hrefs(TestHtml.Parse(await Forms.PageAsync(support, plan)));
        Assert.Contains($"{plan}/spending/{fromFile}", offeredToSupport);
        Assert.Contains($"{plan}/spending/{fromFile}/delete", offeredToSupport);
        Assert.Contains($"{plan}/spending/{theirs}", offeredToSupport);
        Assert.Contains($"{plan}/spending/{theirs}/delete", offeredToSupport);
    }

    /// <summary>
    /// An agreement naming no body is recorded under the partnership's Board by its name (as an edition's approval is), and its
    /// minute reads once however it was typed (before, "Minute 5/26" read "(minute Minute 5/26)").
    /// </summary>
    [Fact]
    public async Task Agreement_NamesTheBoardByItsName_AndItsMinuteOnce()
    {
        var partnership = await TestData.Partnership().WithShortName(ShortName).WithBody(out _, "Testshire Board", Core.Partnerships.BodyKind.Board)
            .WithEdition(2011, Core.Plans.EditionStatus.Draft).WithPriority().SaveAsync(app);
        using var api = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug));
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        await AllocationAsync(api, partnership.Slug, "2011-12", "Their project");
        var plan = $"/partnerships/{partnership.Slug}/funding/2011-12";
        var form = TestHtml.Parse(await Forms.PageAsync(support, $"{plan}/agreement"));
        Assert.Contains("Leave empty for the Testshire Board", TestHtml.SpacedText(form.Body!), StringComparison.Ordinal);

        await Forms.AssertSavedAsync(support, $"{plan}/agreement", new()
        {
            ["DecidedOn.Day"] = "26", ["DecidedOn.Month"] = "4", ["DecidedOn.Year"] = "2011", ["Body"] = "", ["Minute"] = "Minute 5/26", ["Version"] = "0",
        });

        var page = TestHtml.SpacedText(TestHtml.Parse(await Forms.PageAsync(support, plan)).Body!);
        Assert.Contains("Agreed by the Testshire Board on 26 April 2011 (Minute 5/26).", page, StringComparison.Ordinal);
        Assert.DoesNotContain("minute Minute", page, StringComparison.Ordinal);
    }
}

/// <summary>What the pages offer and list is decided by the service, which runs on both databases in <see cref="FundingApiTests"/>: on the shared app.</summary>
public sealed class FundingPageTestsOnSqlite(SharedSqliteApp shared) : FundingPageTests(shared.App), IClassFixture<SharedSqliteApp>;
