using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Editing;
using SaferPlan.Core.Funding;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Plans;

namespace SaferPlan.Web.Tests.Funding;

/// <summary>
/// Funding and the public account (issue 13, items 1 and 2) through the API: money read by one rule and refused by field,
/// who may change what, versions, the flags of an over-allocated stream and an over-spent allocation, the Board's agreement
/// and the amendments after it, the public account without restricted projects, and the spending CSV both ways. Each test
/// works in a partnership of its own (<see cref="TestData"/>).
/// </summary>
public abstract class FundingApiTests(SaferPlanFactory app)
{
    /// <summary>
    /// The funding year of each test: the partnership is the test's own, so no other test has funding in it. A past year, so a
    /// payment can be dated within it and not after today.
    /// </summary>
    private const string Year = "2020-21";

    /// <summary>The short name of each test's partnership, which its spending CSV names as the body.</summary>
    private const string ShortName = "Testshire CDRP";

    /// <summary>Another funding year, for an allocation of another year.</summary>
    private const string OtherYear = "2021-22";

    private static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("O", CultureInfo.InvariantCulture);

    /// <summary>
    /// The test's partnership (made on first use: xunit makes the class anew for each test), with a draft 2011/12 edition whose
    /// priority 1 its lead officer leads.
    /// </summary>
    private readonly Lazy<Task<Own>> own = new(async () =>
    {
        var partnership = await TestData.Partnership().WithShortName(ShortName).WithPerson(out var lead, "Dave Sargent")
            .WithEdition(2011, Core.Plans.EditionStatus.Draft).WithPriority(lead: lead).SaveAsync(app);
        return new Own(partnership, lead);
    });

    private sealed record Own(TestPartnership Partnership, TestPerson Lead);

    /// <summary>The test's partnership, made by the first client the test asks for.</summary>
    private Own Made => own.IsValueCreated && own.Value.IsCompletedSuccessfully
        ? own.Value.Result
        : throw new InvalidOperationException("Ask for a client first: it makes the test's partnership.");

    private string Slug => Made.Partnership.Slug;

    private async Task<HttpClient> ClientAsync(PartnershipRole role)
    {
        await own.Value;
        return await app.ApiClientAsync(await app.AddUserAsync(role, partnership: Slug));
    }

    private Task<HttpResponseMessage> PostStreamAsync(HttpClient client, string year, string name, object amount, bool received = true) =>
        client.PostAsJsonAsync($"/api/partnerships/{Slug}/funding/streams?year={year}", new { name, amount, received, funder = "Home Office" });

    private async Task<FundingStreamJson> AddStreamAsync(HttpClient client, string year, string name, object amount, bool received = true) =>
        await PlanApi.CreatedAsync<FundingStreamJson>(await PostStreamAsync(client, year, name, amount, received));

    private Task<HttpResponseMessage> PostAllocationAsync(HttpClient client, string year, int streamId, string name, object amount,
        string marking = "Official", int? priorityId = null, string? outcome = null, string status = "Confirmed", string? slug = null) =>
        client.PostAsJsonAsync($"/api/partnerships/{slug ?? Slug}/funding/allocations?year={year}",
            new { streamId, name, amount, status, marking, priorityId, outcome, note = status == "Provisional" ? "figure may alter" : null });

    private async Task<FundingAllocationJson> AddAllocationAsync(HttpClient client, string year, int streamId, string name, object amount,
        string marking = "Official", int? priorityId = null, string? outcome = null, string status = "Confirmed", string? slug = null) =>
        await PlanApi.CreatedAsync<FundingAllocationJson>(await PostAllocationAsync(client, year, streamId, name, amount, marking, priorityId, outcome, status, slug));

    /// <summary>1 May of the financial year "2020-21": a date within it.</summary>
    private static string InYear(string year) => $"{year[..4]}-05-01";

    private Task<HttpResponseMessage> PostSpendAsync(HttpClient client, string year, int allocationId, object amount, string? payee = "Secure Guarding Ltd", bool payeeIsPublic = true,
        string? transactionId = null, string? spentOn = null) =>
        client.PostAsJsonAsync($"/api/partnerships/{Slug}/funding/spending?year={year}",
            new { allocationId, spentOn = spentOn ?? InYear(year), amount, payee, payeeIsPublic, purchase = "Security staff at the taxi rank", transactionId });

    private async Task<FundingPlanJson> PlanAsync(HttpClient client, string year) =>
        await PlanApi.OkJsonAsync<FundingPlanJson>(await client.GetAsync($"/api/partnerships/{Slug}/funding?year={year}"));

    /// <summary>The plan's raw JSON, for a check that something is left out: a record cannot show an absence.</summary>
    private async Task<string> PlanTextAsync(HttpClient client, string year) =>
        await client.GetStringAsync(new Uri($"/api/partnerships/{Slug}/funding?year={year}", UriKind.Relative));

    private async Task AgreeAsync(HttpClient client, string year)
    {
        using var agreed = await client.PostAsJsonAsync($"/api/partnerships/{Slug}/funding/agreement?year={year}", new { decidedOn = Today, minute = "10/04" });
        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
    }

    [Theory]
    [InlineData("-5.00")]
    [InlineData("five pounds")]
    [InlineData("12.345")]
    [InlineData("")]
    public async Task Amount_NegativeNonNumericFinerThanPenceOrMissing_IsRefusedNamingTheField(string amount)
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        const string year = Year;
        var problem = await PlanApi.ReadValidationErrorAsync(
            await support.PostAsJsonAsync($"/api/partnerships/{Slug}/funding/streams?year={year}", new { name = "Pooled Fund", amount, received = true }), "amount");
        Assert.Contains("amount", problem, StringComparison.Ordinal);

        var stream = await AddStreamAsync(support, year, "Pooled Fund", 100);
        await PlanApi.ReadValidationErrorAsync(await support.PostAsJsonAsync($"/api/partnerships/{Slug}/funding/allocations?year={year}",
            new { streamId = stream.Id, name = "Street Football Project", amount = -1, status = "Confirmed" }), "amount");
    }

    [Fact]
    public async Task Amount_WrittenAsPoundsWithCommasOrANumber_IsKeptToThePenny()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        const string year = Year;
        var typed = await AddStreamAsync(support, year, "Safer Stronger Communities Fund", "£5,847.00");
        var number = await AddStreamAsync(support, year, "Pooled Fund", 3175.81);
        Assert.Equal(5847.00m, typed.Amount);
        Assert.Equal(3175.81m, number.Amount);
        Assert.Equal(9022.81m, (await PlanAsync(support, year)).Received);
    }

    [Fact]
    public async Task Plan_OverAllocatedAndOverSpent_IsFlaggedWithTheFigures_AndTotalledPerStreamAndPriority()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        const string year = Year;
        var stream = await AddStreamAsync(support, year, "Safer Stronger Communities Fund", "5847.00");
        var smart = await AddAllocationAsync(support, year, stream.Id, "Smart Water", "5000.00");
        await AddAllocationAsync(support, year, stream.Id, "Home Security Project", "1000.00", status: "Provisional");
        using (var spent = await PostSpendAsync(support, year, smart.Id, "5200.50"))
        {
            Assert.Equal(HttpStatusCode.Created, spent.StatusCode);
        }

        var plan = await PlanAsync(support, year);
        var flags = plan.Flags;
        Assert.Contains("Safer Stronger Communities Fund: £6,000.00 allocated against £5,847.00 received: £153.00 over", flags);
        Assert.Contains("Smart Water: £5,200.50 spent against £5,000.00 allocated: £200.50 over", flags);
        var line = plan.Streams[0];
        Assert.Equal(6000.00m, line.Allocated);
        Assert.Equal(5200.50m, line.Spent);
        Assert.Equal(646.50m, line.Left);
        var other = Assert.Single(plan.Priorities);
        Assert.Equal("Other projects", other.Priority);
        Assert.Equal(799.50m, other.Left);
    }

    [Fact]
    public async Task Funding_IsChangedBySupportOfficers_ReadByBoardMembers_AndHiddenFromVisitorsUntilAgreed()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        using var board = await ClientAsync(PartnershipRole.BoardMember);
        using var visitor = await app.ApiClientAsync();
        const string year = Year;
        var stream = await AddStreamAsync(support, year, "Pooled Fund", 500);

        Assert.Equal("Pooled Fund", (await PlanAsync(board, year)).Streams[0].Name);
        await PlanApi.ReadProblemAsync(await board.PostAsJsonAsync($"/api/partnerships/{Slug}/funding/streams?year={year}", new { name = "Another", amount = 1, received = true }), HttpStatusCode.Forbidden);
        await PlanApi.ReadProblemAsync(await board.PostAsJsonAsync($"/api/partnerships/{Slug}/funding/allocations?year={year}", new { streamId = stream.Id, name = "X", amount = 1, status = "Confirmed" }), HttpStatusCode.Forbidden);
        await PlanApi.ReadProblemAsync(await visitor.GetAsync($"/api/partnerships/{Slug}/funding?year={year}"), HttpStatusCode.Unauthorized);
        await PlanApi.ReadProblemAsync(await visitor.GetAsync($"/api/partnerships/{Slug}/spending?year={year}"), HttpStatusCode.NotFound);

        await AgreeAsync(support, year);
        Assert.Equal(500.00m, (await PlanAsync(visitor, year)).Received);
    }

    [Fact]
    public async Task Spending_ByALeadOfficer_IsTakenForWhatTheyLead_AndRefusedForTheRest()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var priorityId = Made.Partnership.PriorityIds[0];
        using var lead = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.LeadOfficer, Made.Lead.Key, Slug));
        const string year = "2011-12";
        var stream = await AddStreamAsync(support, year, $"Stream {Guid.NewGuid():N}", 2000);
        var theirs = await AddAllocationAsync(support, year, stream.Id, "Their project", 1000, priorityId: priorityId);
        var notTheirs = await AddAllocationAsync(support, year, stream.Id, "Someone else's project", 1000);

        using (var taken = await PostSpendAsync(lead, year, theirs.Id, 250))
        {
            Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        }

        await PlanApi.ReadProblemAsync(await PostSpendAsync(lead, year, notTheirs.Id, 250), HttpStatusCode.Forbidden);
        await PlanApi.ReadProblemAsync(await lead.PostAsJsonAsync($"/api/partnerships/{Slug}/funding/streams?year={year}", new { name = "Mine", amount = 1, received = true }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Spending_AgainstAnAllocationOfAnotherYearOrPartnership_IsRefusedNamingTheAllocation()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        const string year = Year;
        const string otherYear = OtherYear;
        var stream = await AddStreamAsync(support, otherYear, "Pooled Fund", 100);
        var allocation = await AddAllocationAsync(support, otherYear, stream.Id, "Street Football Project", 100);
        var refused = await PlanApi.ReadValidationErrorAsync(await PostSpendAsync(support, year, allocation.Id, 10), "allocationId");
        Assert.Contains($"this one is in {otherYear.Replace('-', '/')}", refused, StringComparison.Ordinal);

        var other = await TestData.Partnership("Elsewhere CSP").SaveAsync(app);
        var elsewhere = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var theirStream = new FundingStream { PartnershipId = other.Id, YearStart = int.Parse(year[..4], CultureInfo.InvariantCulture), Name = "Their fund", Amount = 10m, Received = true };
            var theirs = new FundingAllocation { Stream = theirStream, Name = "Their project", Amount = 10m };
            db.AddRange(theirStream, theirs);
            db.AuditPartnershipId = other.Id;
            await db.SaveChangesAsync();
            return theirs.Id;
        });
        var foreign = await PlanApi.ReadValidationErrorAsync(await PostSpendAsync(support, year, elsewhere, 10), "allocationId");
        Assert.Contains("another partnership", foreign, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_EditedFromAnOldVersion_Is409_OrWithIfMatch412_AndWithoutAVersion428()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        const string year = Year;
        var stream = await AddStreamAsync(support, year, "Pooled Fund", 100);
        var path = $"/api/funding/streams/{stream.Id}";
        JsonObject Body(int? version, decimal amount) => new() { ["name"] = "Pooled Fund", ["amount"] = amount, ["received"] = true, ["version"] = version };

        var saved = await PlanApi.PutOkAsync<ItemVersionJson>(support, path, Body(1, 200));
        Assert.Equal(2, saved.Version);
        await PlanApi.ReadProblemAsync(await PlanApi.PutAsync(support, path, Body(1, 300)), HttpStatusCode.Conflict);
        await PlanApi.ReadProblemAsync(await PlanApi.PutAsync(support, path, Body(null, 300), ifMatch: 1), HttpStatusCode.PreconditionFailed);
        await PlanApi.ReadProblemAsync(await PlanApi.PutAsync(support, path, Body(null, 300)), HttpStatusCode.PreconditionRequired);
        Assert.Equal(200.00m, (await PlanAsync(support, year)).Streams[0].Amount);
    }

    [Fact]
    public async Task Edits_AnswerWithTheirNamedCamelCaseFields()
    {
        // The exact property names are the check here, so this test reads the raw JSON.
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        const string year = Year;
        static string[] Keys(JsonElement item) => item.EnumerateObject().Select(p => p.Name).ToArray();

        var stream = await PlanApi.CreatedAsync(await PostStreamAsync(support, year, "Pooled Fund", 500));
        Assert.Equal(["id", "name", "funder", "amount", "received", "conditions", "version"], Keys(stream));
        var stream2 = await PlanApi.PutOkAsync(support, $"/api/funding/streams/{stream.Id()}",
            new JsonObject { ["name"] = "Pooled Fund", ["amount"] = 600, ["received"] = true, ["version"] = stream.Version() });
        Assert.Equal(["id", "name", "amount", "received", "version"], Keys(stream2));

        var allocation = await PlanApi.CreatedAsync(await PostAllocationAsync(support, year, stream.Id(), "Smart Water", 100));
        Assert.Equal(["id", "streamId", "name", "amount", "status", "note", "priorityId", "actionId", "milestoneId", "outcome", "results", "marking", "version"], Keys(allocation));
        Assert.Equal("Confirmed", allocation.Str("status"));
        Assert.Equal("Official", allocation.Str("marking"));
        var allocation2 = await PlanApi.PutOkAsync(support, $"/api/funding/allocations/{allocation.Id()}",
            new JsonObject { ["streamId"] = stream.Id(), ["name"] = "Smart Water", ["amount"] = 150, ["status"] = "Confirmed", ["marking"] = allocation.Str("marking"), ["version"] = allocation.Version() });
        Assert.Equal(["id", "name", "amount", "status", "version"], Keys(allocation2));

        var spend = await PlanApi.CreatedAsync(await PostSpendAsync(support, year, allocation.Id(), "40.00"));
        Assert.Equal(["id", "allocationId", "spentOn", "amount", "transactionId", "version"], Keys(spend));
        var spend2 = await PlanApi.PutOkAsync(support, $"/api/funding/spending/{spend.Id()}",
            new JsonObject { ["allocationId"] = allocation.Id(), ["spentOn"] = InYear(year), ["amount"] = "45.00", ["payee"] = "Secure Guarding Ltd", ["payeeIsPublic"] = true,
                ["purchase"] = "Security staff at the taxi rank", ["transactionId"] = spend.Str("transactionId"), ["version"] = spend.Version() });
        Assert.Equal(["id", "allocationId", "spentOn", "amount", "transactionId", "version"], Keys(spend2));

        var agreed = await PlanApi.OkJsonAsync(await support.PostAsJsonAsync($"/api/partnerships/{Slug}/funding/agreement?year={year}", new { decidedOn = Today, minute = "10/04" }));
        Assert.Equal(["agreedOn", "agreedBy", "agreementMinute", "version"], Keys(agreed));
        Assert.Equal("10/04", agreed.Str("agreementMinute"));
    }

    [Fact]
    public async Task AgreedPlan_ChangesOnlyWithAnAmendmentReason_WhichIsRecorded()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        const string year = Year;
        var stream = await AddStreamAsync(support, year, "Safer Stronger Communities Fund", "5847.00");
        await AgreeAsync(support, year);
        var plan = await PlanAsync(support, year);
        Assert.Equal("10/04", plan.AgreementMinute);

        var path = $"/api/funding/streams/{stream.Id}";
        var body = new JsonObject { ["name"] = "Safer Stronger Communities Fund", ["funder"] = "Home Office", ["amount"] = "6000.00", ["received"] = true, ["version"] = 1 };
        await PlanApi.ReadValidationErrorAsync(await PlanApi.PutAsync(support, path, body), "amendmentReason");
        await PlanApi.ReadValidationErrorAsync(await support.PostAsJsonAsync($"/api/partnerships/{Slug}/funding/allocations?year={year}",
            new { streamId = stream.Id, name = "Smart Water", amount = 10, status = "Confirmed" }), "amendmentReason");

        body["amendmentReason"] = "The Home Office confirmed a larger grant.";
        await PlanApi.PutOkAsync<ItemVersionJson>(support, path, body);
        var amendment = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Amendments
            .SingleAsync(a => a.Record == AmendedRecord.FundingPlan && a.ItemKind == AmendedItem.FundingStream && a.ItemId == stream.Id));
        Assert.Equal("amount", amendment.Changes);
        Assert.Equal("The Home Office confirmed a larger grant.", amendment.Reason);
        await PlanApi.ReadValidationErrorAsync(await support.PostAsJsonAsync($"/api/partnerships/{Slug}/funding/agreement?year={year}", new { decidedOn = Today }), "decidedOn");
    }

    [Fact]
    public async Task AgreedPlan_AmendingAStreamWithALongName_KeepsItsReferenceWithinTheColumn()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var column = await app.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<SaferPlanDbContext>().Model
            .FindEntityType(typeof(Amendment))?.FindProperty(nameof(Amendment.ItemReference))?.GetMaxLength() ?? 0));
        var name = "Safer Stronger Communities Fund for the " + string.Concat(Enumerable.Repeat("neighbourhoods of the north and south ", 4)).Trim();
        Assert.InRange(name.Length, column + 1, 200);
        var stream = await AddStreamAsync(support, Year, name, "5847.00");
        await AgreeAsync(support, Year);

        var body = new JsonObject { ["name"] = name, ["funder"] = "Home Office", ["amount"] = "6000.00", ["received"] = true, ["version"] = 1,
            ["amendmentReason"] = "The Home Office confirmed a larger grant." };
        await PlanApi.PutOkAsync<ItemVersionJson>(support, $"/api/funding/streams/{stream.Id}", body);

        var amendment = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Amendments
            .SingleAsync(a => a.Record == AmendedRecord.FundingPlan && a.ItemKind == AmendedItem.FundingStream && a.ItemId == stream.Id));
        Assert.Equal(name[..(column - 1)] + "…", amendment.ItemReference);
    }

    [Fact]
    public async Task PublicAccount_LeavesRestrictedProjectsOut_AndWithholdsPeoplesNames_InJsonCsvAndThePage()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        using var visitor = await app.ApiClientAsync();
        const string year = Year;
        var stream = await AddStreamAsync(support, year, "Safer Stronger Communities Fund", 20000);
        var taxis = await AddAllocationAsync(support, year, stream.Id, "Taxi marshals", 5000, outcome: "so that people using taxis at night would feel safer");
        var secret = await AddAllocationAsync(support, year, stream.Id, "Covert surveillance kit", 5000, marking: "Restricted");
        using (await PostSpendAsync(support, year, taxis.Id, "4000.00", transactionId: $"T-{year}-1")) { }
        using (await PostSpendAsync(support, year, taxis.Id, "207.00", payee: "Jane Smith", payeeIsPublic: false, transactionId: $"T-{year}-2")) { }
        using (await PostSpendAsync(support, year, secret.Id, "999.00", transactionId: $"T-{year}-3")) { }
        await AgreeAsync(support, year);

        using var spending = await visitor.GetAsync($"/api/partnerships/{Slug}/spending?year={year}");
        var raw = await spending.Content.ReadAsStringAsync();
        var json = await PlanApi.OkJsonAsync<PublicSpendingJson>(spending);
        Assert.Equal(4207.00m, json.Total);
        Assert.Equal(2, json.Lines.Count);

        // What is left out is checked on the raw JSON: a record cannot show an absence.
        Assert.DoesNotContain("Covert", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane Smith", raw, StringComparison.Ordinal);

        using var csvResponse = await visitor.GetAsync($"/api/partnerships/{Slug}/spending.csv?year={year}");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var lines = (await csvResponse.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Body name,Date,Expense type,Description,Supplier name,Amount,Transaction number", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains($"Redacted – personal data,207.00,T-{year}-2", lines[2], StringComparison.Ordinal);
        Assert.Contains("Taxi marshals: Security staff at the taxi rank,Secure Guarding Ltd,4000.00", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("Covert", StringComparison.Ordinal));

        var page = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/partnerships/{Slug}/what-we-spent/{year}"));
        Assert.Contains("We spent £4,207 so that people using taxis at night would feel safer.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Covert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Covert", await PlanTextAsync(visitor, year), StringComparison.Ordinal);
        Assert.Contains("Covert", await PlanTextAsync(support, year), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpendingCsv_WithAnyWrongLine_IsRefusedWholeWithItsLineNumbers_AndAGoodFileIsRecorded()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        const string year = Year;
        var stream = await AddStreamAsync(support, year, "Pooled Fund", 10000);
        await AddAllocationAsync(support, year, stream.Id, "Street Football Project", 4400);
        const string header = "Body name,Date,Expense type,Description,Supplier name,Amount,Transaction number\n";
        var bad = header
            + $"{ShortName},01/05/2020,Pooled Fund,Street Football Project: pitch hire,Sports Ltd,400.00,C-{year}-1\n"
            + $"{ShortName},01/05/2020,Pooled Fund,Street Football Project: coaching,Sports Ltd,-3,C-{year}-2\n"
            + $"{ShortName},31/02/2020,Pooled Fund,No such project: balls,Sports Ltd,10.00,C-{year}-3\n";
        var body = await PostCsvAsync(support, year, bad);
        var problem = await PlanApi.ReadProblemAsync(body, HttpStatusCode.BadRequest);
        var errors = problem.Errors;
        Assert.NotNull(errors);
        Assert.True(errors.TryGetValue("line 3", out var line3), string.Join(", ", errors.Keys));
        Assert.Contains("negative", line3[0], StringComparison.Ordinal);
        Assert.True(errors.ContainsKey("line 4"), string.Join(", ", errors.Keys));
        Assert.False(errors.ContainsKey("line 2"));
        Assert.Equal(0m, (await PlanAsync(support, year)).Spent);

        var good = header
            + $"{ShortName},01/05/2020,Pooled Fund,Street Football Project: pitch hire,Sports Ltd,400.00,C-{year}-1\n"
            + $"{ShortName},2020-06-01,Pooled Fund,Street Football Project: coaching,Redacted,150.50,C-{year}-2\n";
        var recorded = await PlanApi.OkJsonAsync<SpendingImportJson>(await PostCsvAsync(support, year, good));
        Assert.Equal(2, recorded.Recorded);
        Assert.Equal(550.50m, (await PlanAsync(support, year)).Spent);
        var again = await PlanApi.ReadValidationErrorAsync(await PostCsvAsync(support, year, good), "line 2");
        Assert.Contains("already been recorded", again, StringComparison.Ordinal);
    }

    /// <summary>
    /// A payment is dated within its plan's financial year, 1 April to 31 March (before, one dated 1 January 2011 was recorded
    /// in 2012/13 and published in its spending file): refused naming the date when added or changed, its first and last day
    /// taken.
    /// </summary>
    [Fact]
    public async Task Spending_DatedOutsideThePlansYear_IsRefusedNamingTheDate_WhenAddedOrChanged_AndTheYearsFirstAndLastDaysAreTaken()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        const string year = "2012-13";
        const string outside = "The date of the payment is outside 2012/13 (1 April 2012 to 31 March 2013)";
        var stream = await AddStreamAsync(support, year, "Pooled Fund", 1000);
        var allocation = await AddAllocationAsync(support, year, stream.Id, "Taxi marshals", 1000);

        foreach (var date in new[] { "2011-01-01", "2012-03-31", "2013-04-01", "2015-05-10" })
        {
            Assert.Equal(outside, await PlanApi.ReadValidationErrorAsync(await PostSpendAsync(support, year, allocation.Id, 10, spentOn: date), "spentOn"));
        }

        var first = await PlanApi.CreatedAsync<FundingSpendJson>(await PostSpendAsync(support, year, allocation.Id, 10, spentOn: "2012-04-01"));
        await PlanApi.CreatedAsync<FundingSpendJson>(await PostSpendAsync(support, year, allocation.Id, 20, spentOn: "2013-03-31"));

        var moved = new JsonObject { ["allocationId"] = allocation.Id, ["spentOn"] = "2011-01-01", ["amount"] = "10.00", ["payee"] = "Secure Guarding Ltd", ["payeeIsPublic"] = true,
            ["purchase"] = "Security staff at the taxi rank", ["version"] = first.Version };
        Assert.Equal(outside, await PlanApi.ReadValidationErrorAsync(await PlanApi.PutAsync(support, $"/api/funding/spending/{first.Id}", moved), "spentOn"));
        var kept = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<FundingSpend>().AsNoTracking().SingleAsync(s => s.Id == first.Id));
        Assert.Equal((new DateOnly(2012, 4, 1), first.Version), (kept.SpentOn, kept.Version));
        Assert.Equal(30m, (await PlanAsync(support, year)).Spent);
    }

    /// <summary>
    /// A spending file with a line dated outside the plan's year is refused whole, naming the line and its date (before, the
    /// line was recorded in the year and published).
    /// </summary>
    [Fact]
    public async Task SpendingCsv_ALineDatedOutsideThePlansYear_IsRefusedWholeNamingTheLineAndTheDate()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        const string year = "2012-13";
        var stream = await AddStreamAsync(support, year, "Pooled Fund", 10000);
        await AddAllocationAsync(support, year, stream.Id, "Street Football Project", 4400);
        var file = "Body name,Date,Expense type,Description,Supplier name,Amount,Transaction number\n"
            + $"{ShortName},01/05/2012,Pooled Fund,Street Football Project: pitch hire,Sports Ltd,400.00,Y-1\n"
            + $"{ShortName},31/03/2013,Pooled Fund,Street Football Project: coaching,Sports Ltd,150.00,Y-2\n"
            + $"{ShortName},10/05/2015,Pooled Fund,Street Football Project: balls,Sports Ltd,10.00,Y-3\n";

        var problem = await PlanApi.ReadProblemAsync(await PostCsvAsync(support, year, file), HttpStatusCode.BadRequest);
        Assert.NotNull(problem.Errors);
        Assert.Equal(["line 4"], problem.Errors.Keys.ToArray());
        Assert.Equal("Line 4: the date 10/05/2015 is outside 2012/13 (1 April 2012 to 31 March 2013)", problem.Errors["line 4"][0]);
        Assert.Equal(0m, (await PlanAsync(support, year)).Spent);
    }

    /// <summary>
    /// A line with the wrong number of fields is listed with every other wrong line of the file, and nothing is saved (before,
    /// it was the only line named, hiding the rest).
    /// </summary>
    [Fact]
    public async Task SpendingCsv_LinesWithTheWrongNumberOfFields_AreListedWithEveryOtherWrongLine_AndNothingIsSaved()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        const string year = Year;
        var stream = await AddStreamAsync(support, year, "Pooled Fund", 10000);
        await AddAllocationAsync(support, year, stream.Id, "Street Football Project", 4400);
        var file = "Body name,Date,Expense type,Description,Supplier name,Amount,Transaction number\n"
            + $"{ShortName},01/05/2020,Pooled Fund,Street Football Project: pitch hire\n"
            + $"{ShortName},01/05/2020,Pooled Fund,Street Football Project: coaching,Sports Ltd,150.00,F-2\n"
            + $"{ShortName},01/05/2020,Pooled Fund,Street Football Project: kit,Sports Ltd,-3,F-3\n"
            + $"{ShortName},01/05/2020,Pooled Fund,Street Football Project: balls,Sports Ltd,10.00,F-4,extra,fields\n"
            + $"{ShortName},01/06/2020,Pooled Fund,Street Football Project: bibs,Sports Ltd,20.00,F-5\n";

        var problem = await PlanApi.ReadProblemAsync(await PostCsvAsync(support, year, file), HttpStatusCode.BadRequest);
        Assert.NotNull(problem.Errors);
        Assert.Equal(["line 2", "line 4", "line 5"], problem.Errors.Keys.ToArray());
        Assert.Equal("Line 2: The line has 4 fields; a spending line has 7", problem.Errors["line 2"][0]);
        Assert.Contains("negative", problem.Errors["line 4"][0], StringComparison.Ordinal);
        Assert.Equal("Line 5: The line has 9 fields; a spending line has 7", problem.Errors["line 5"][0]);
        Assert.Equal(0m, (await PlanAsync(support, year)).Spent);
    }

    /// <summary>
    /// A lead officer changes, as they delete, only the payments they recorded (before, they could change the amount of one
    /// loaded from a finance system's file): 403 with the reason for one from a file or recorded by a support officer, who
    /// changes any.
    /// </summary>
    [Fact]
    public async Task Payment_IsChangedByALeadOfficerOnlyIfTheyRecordedIt_AndOneFromAFileIsRefused403WithTheReason_WhileSupportChangesAny()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        var priorityId = Made.Partnership.PriorityIds[0];
        using var lead = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.LeadOfficer, Made.Lead.Key, Slug));
        const string year = "2011-12";
        var stream = await AddStreamAsync(support, year, "Pooled Fund", 2000);
        var theirs = await AddAllocationAsync(support, year, stream.Id, "Their project", 1000, priorityId: priorityId);
        var loaded = await PlanApi.OkJsonAsync<SpendingImportJson>(await PostCsvAsync(support, year,
            "Body name,Date,Expense type,Description,Supplier name,Amount,Transaction number\n"
            + $"{ShortName},01/05/2011,Pooled Fund,Their project: radios,Radio Ltd,300.00,SC-0001\n"));
        Assert.Equal(1, loaded.Recorded);
        var fromFile = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<FundingSpend>().AsNoTracking()
            .SingleAsync(s => s.AllocationId == theirs.Id && s.TransactionId == "SC-0001"));
        var byLead = await PlanApi.CreatedAsync<FundingSpendJson>(await PostSpendAsync(lead, year, theirs.Id, 25, transactionId: "L-1"));
        JsonObject Change(int allocationId, string amount, string transactionId, int version) => new()
        {
            ["allocationId"] = allocationId, ["spentOn"] = InYear(year), ["amount"] = amount, ["payee"] = "Radio Ltd", ["payeeIsPublic"] = true,
            ["purchase"] = "radios", ["transactionId"] = transactionId, ["version"] = version,
        };

        var refused = await PlanApi.ReadProblemAsync(await PlanApi.PutAsync(lead, $"/api/funding/spending/{fromFile.Id}", Change(theirs.Id, "3000.00", "SC-0001", fromFile.Version)), HttpStatusCode.Forbidden);
        Assert.Contains("a lead officer can change or delete only the payments they recorded", refused.Detail, StringComparison.Ordinal);
        await PlanApi.ReadProblemAsync(await PlanApi.DeleteAsync(lead, $"/api/funding/spending/{fromFile.Id}", ifMatch: fromFile.Version), HttpStatusCode.Forbidden);
        Assert.Equal(325m, (await PlanAsync(support, year)).Spent);

        var changed = await PlanApi.PutOkAsync<FundingSpendJson>(lead, $"/api/funding/spending/{byLead.Id}", Change(theirs.Id, "30.00", "L-1", byLead.Version));
        Assert.Equal(30m, changed.Amount);
        var bySupport = await PlanApi.PutOkAsync<FundingSpendJson>(support, $"/api/funding/spending/{fromFile.Id}", Change(theirs.Id, "310.00", "SC-0001", fromFile.Version));
        Assert.Equal(310m, bySupport.Amount);
        Assert.Equal(340m, (await PlanAsync(support, year)).Spent);
    }

    [Fact]
    public async Task BoardReport_FundingSection_ShowsTheBoardEverything_AndLeavesRestrictedAllocationsOutOfThePublicVersion()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        const string year = Year;
        var stream = await AddStreamAsync(support, year, "Pooled Fund", "6000.00");
        await AddAllocationAsync(support, year, stream.Id, "Street Football Project", "4400.00");
        await AddAllocationAsync(support, year, stream.Id, "Covert surveillance kit", "2000.00", marking: "Restricted");
        await AgreeAsync(support, year);

        async Task<string> RenderAsync(Core.Documents.ReportAudience audience) => await app.WithScopeAsync(async sp =>
        {
            var quarter = Core.Periods.ReportingPeriod.Of(int.Parse(year[..4], CultureInfo.InvariantCulture), 1);
            var report = await sp.GetRequiredService<Core.Documents.BoardReportBuilder>().BuildAsync(new Core.Documents.BoardReportOptions(Slug, quarter, audience));
            return WebUtility.HtmlDecode(Core.Documents.BoardReportHtml.Render(report!));
        });

        var full = await RenderAsync(Core.Documents.ReportAudience.Full);
        Assert.Contains($"Funding {year.Replace('-', '/')}", full, StringComparison.Ordinal);
        Assert.Contains("Covert surveillance kit", full, StringComparison.Ordinal);
        Assert.Contains("Pooled Fund: £6,400.00 allocated against £6,000.00 received: £400.00 over", full, StringComparison.Ordinal);
        var published = await RenderAsync(Core.Documents.ReportAudience.Public);
        Assert.Contains("Street Football Project", published, StringComparison.Ordinal);
        Assert.DoesNotContain("Covert", published, StringComparison.Ordinal);
        Assert.DoesNotContain("£400.00 over", published, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_StreamWithAllocationsOrAllocationWithSpending_IsRefused_AndEachGoesByItsVersion()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        const string year = Year;
        var stream = await AddStreamAsync(support, year, "Pooled Fund", 1000);
        var allocation = await AddAllocationAsync(support, year, stream.Id, "Street Football Project", 400);
        var spend = await PlanApi.CreatedAsync<FundingSpendJson>(await PostSpendAsync(support, year, allocation.Id, 150, transactionId: $"D-{year}-1"));

        var kept = await PlanApi.ReadValidationErrorAsync(await PlanApi.DeleteAsync(support, $"/api/funding/streams/{stream.Id}", ifMatch: 1), "allocations");
        Assert.Contains("Pooled Fund still has 1 allocation", kept, StringComparison.Ordinal);
        await PlanApi.ReadValidationErrorAsync(await PlanApi.DeleteAsync(support, $"/api/funding/allocations/{allocation.Id}", ifMatch: 1), "spending");

        var payment = $"/api/funding/spending/{spend.Id}";
        await PlanApi.ReadProblemAsync(await PlanApi.DeleteAsync(support, payment), HttpStatusCode.PreconditionRequired);
        await PlanApi.ReadProblemAsync(await PlanApi.DeleteAsync(support, payment, ifMatch: 7), HttpStatusCode.PreconditionFailed);
        await PlanApi.ReadProblemAsync(await PlanApi.DeleteAsync(support, payment, version: 7), HttpStatusCode.Conflict);
        Assert.Equal(150m, (await PlanAsync(support, year)).Spent);
        using (var deleted = await PlanApi.DeleteAsync(support, payment, ifMatch: spend.Version))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using (var deleted = await PlanApi.DeleteAsync(support, $"/api/funding/allocations/{allocation.Id}", version: allocation.Version))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using (var deleted = await PlanApi.DeleteAsync(support, $"/api/funding/streams/{stream.Id}", ifMatch: stream.Version))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Empty((await PlanAsync(support, year)).Streams);
        await PlanApi.ReadProblemAsync(await PlanApi.DeleteAsync(support, payment, ifMatch: 1), HttpStatusCode.NotFound);
        var audited = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().AuditEntries
            .Where(a => a.Action == Core.Auditing.AuditAction.Deleted
                && ((a.EntityType == nameof(FundingSpend) && a.EntityId == spend.Id) || (a.EntityType == nameof(FundingAllocation) && a.EntityId == allocation.Id)
                    || (a.EntityType == nameof(FundingStream) && a.EntityId == stream.Id)))
            .CountAsync());
        Assert.Equal(3, audited);
    }

    [Fact]
    public async Task Delete_FromAnAgreedPlan_NeedsAnAmendmentReason_WhichIsRecorded()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        const string year = Year;
        var stream = await AddStreamAsync(support, year, "Pooled Fund", 1000);
        await AgreeAsync(support, year);
        var path = $"/api/funding/streams/{stream.Id}";

        await PlanApi.ReadValidationErrorAsync(await PlanApi.DeleteAsync(support, path, ifMatch: stream.Version), "amendmentReason");
        using (var deleted = await PlanApi.DeleteAsync(support, $"{path}?amendmentReason={Uri.EscapeDataString("The fund was withdrawn.")}", ifMatch: stream.Version))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var amendment = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Amendments
            .SingleAsync(a => a.Record == AmendedRecord.FundingPlan && a.ItemKind == AmendedItem.FundingStream && a.ItemId == stream.Id));
        Assert.Equal("deleted", amendment.Changes);
        Assert.Equal("Pooled Fund", amendment.ItemReference);
        Assert.Equal("The fund was withdrawn.", amendment.Reason);
    }

    [Fact]
    public async Task Delete_PaymentByALeadOfficer_IsTakenOnlyForOneTheyRecorded_AndRefusedToBoardMembers()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        using var board = await ClientAsync(PartnershipRole.BoardMember);
        var priorityId = Made.Partnership.PriorityIds[0];
        using var lead = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.LeadOfficer, Made.Lead.Key, Slug));
        const string year = "2011-12";
        var stream = await AddStreamAsync(support, year, $"Stream {Guid.NewGuid():N}", 2000);
        var theirs = await AddAllocationAsync(support, year, stream.Id, "Their project", 1000, priorityId: priorityId);
        var byLead = await PlanApi.CreatedAsync<FundingSpendJson>(await PostSpendAsync(lead, year, theirs.Id, 25, transactionId: $"L-{Guid.NewGuid():N}"[..20]));
        var bySupport = await PlanApi.CreatedAsync<FundingSpendJson>(await PostSpendAsync(support, year, theirs.Id, 35, transactionId: $"S-{Guid.NewGuid():N}"[..20]));

        await PlanApi.ReadProblemAsync(await PlanApi.DeleteAsync(lead, $"/api/funding/spending/{bySupport.Id}", ifMatch: 1), HttpStatusCode.Forbidden);
        await PlanApi.ReadProblemAsync(await PlanApi.DeleteAsync(board, $"/api/funding/spending/{byLead.Id}", ifMatch: 1), HttpStatusCode.Forbidden);
        await PlanApi.ReadProblemAsync(await PlanApi.DeleteAsync(lead, $"/api/funding/streams/{stream.Id}", ifMatch: 1), HttpStatusCode.Forbidden);
        using (var deleted = await PlanApi.DeleteAsync(lead, $"/api/funding/spending/{byLead.Id}", ifMatch: 1))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var allocation = (await PlanAsync(support, year)).Allocations.Single(a => a.Id == theirs.Id);
        Assert.Equal(35m, allocation.Spent);
    }

    [Fact]
    public async Task BoardReportDocx_FundingSection_HasTheAllocationsAndTotals_AndThePublicVersionLeavesOutTheRestrictedAllocation()
    {
        using var support = await ClientAsync(PartnershipRole.SupportOfficer);
        const string year = Year;
        var stream = await AddStreamAsync(support, year, "Pooled Fund", "6000.00");
        var football = await AddAllocationAsync(support, year, stream.Id, "Street Football Project", "4400.00");
        await AddAllocationAsync(support, year, stream.Id, "Covert surveillance kit", "2000.00", marking: "Restricted");
        using (await PostSpendAsync(support, year, football.Id, "70.00")) { }
        await AgreeAsync(support, year);

        async Task<IReadOnlyList<string>> DocxAsync(Core.Documents.ReportAudience audience) => await app.WithScopeAsync(async sp =>
        {
            var quarter = Core.Periods.ReportingPeriod.Of(int.Parse(year[..4], CultureInfo.InvariantCulture), 1);
            var report = await sp.GetRequiredService<Core.Documents.BoardReportBuilder>().BuildAsync(new Core.Documents.BoardReportOptions(Slug, quarter, audience));
            return DocxLines(Core.Documents.BoardReportDocx.ToBytes(report!));
        });

        var full = await DocxAsync(Core.Documents.ReportAudience.Full);
        Assert.Contains($"Funding {year.Replace('-', '/')}", full);
        Assert.Contains("Pooled Fund | £6,000.00 received | £6,400.00 | £70.00 | £5,930.00", full);
        Assert.Contains("Street Football Project | Other projects | £4,400.00 | £70.00", full);
        Assert.Contains("[Restricted] Covert surveillance kit | Other projects | £2,000.00 | £0.00", full);
        Assert.Contains("Over: Pooled Fund: £6,400.00 allocated against £6,000.00 received: £400.00 over", full);

        var published = await DocxAsync(Core.Documents.ReportAudience.Public);
        Assert.Contains("Pooled Fund | £6,000.00 received | £4,400.00 | £70.00 | £5,930.00", published);
        Assert.Contains("Street Football Project | Other projects | £4,400.00 | £70.00", published);
        Assert.DoesNotContain(published, line => line.Contains("Covert", StringComparison.Ordinal) || line.Contains("£400.00 over", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlanDocumentDocx_WhatWeSpent_HasEachProjectsSpendingAndTheTotal_AndThePublicVersionLeavesOutTheRestrictedAllocation()
    {
        const string year = Year;
        var start = int.Parse(year[..4], CultureInfo.InvariantCulture);
        var partnership = await TestData.Partnership("Docx CSP").WithEdition(start, Core.Plans.EditionStatus.Draft).SaveAsync(app);
        var (partnershipId, editionId) = (partnership.Id, partnership.EditionId);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var stream = new FundingStream { PartnershipId = partnership.Id, YearStart = start, Name = "Safer Stronger Communities Fund", Amount = 20000m, Received = true };
            var taxis = new FundingAllocation { Stream = stream, Name = "Taxi marshals", Amount = 5000m, Outcome = "so that people using taxis at night would feel safer" };
            var covert = new FundingAllocation { Stream = stream, Name = "Covert surveillance kit", Amount = 5000m, Outcome = "on covert surveillance kit", Marking = ProtectiveMarking.Restricted };
            db.AddRange(stream, taxis, covert, new FundingPlan { PartnershipId = partnership.Id, YearStart = start, AgreedOn = new DateOnly(start, 4, 27), AgreedBy = "Docx Board" });
            db.AddRange(
                new FundingSpend { PartnershipId = partnership.Id, Allocation = taxis, SpentOn = new DateOnly(start, 5, 1), Amount = 4000m, Payee = "Secure Guarding Ltd", PayeeIsPublic = true, Purchase = "Security staff", TransactionId = "P-1" },
                new FundingSpend { PartnershipId = partnership.Id, Allocation = taxis, SpentOn = new DateOnly(start, 6, 1), Amount = 207m, Payee = "Secure Guarding Ltd", PayeeIsPublic = true, Purchase = "Radios", TransactionId = "P-2" },
                new FundingSpend { PartnershipId = partnership.Id, Allocation = covert, SpentOn = new DateOnly(start, 6, 1), Amount = 999m, Payee = "Kit Ltd", PayeeIsPublic = true, Purchase = "Cameras", TransactionId = "P-3" });
            db.AuditPartnershipId = partnership.Id;
            return await db.SaveChangesAsync();
        });

        async Task<IReadOnlyList<string>> DocxAsync(Core.Documents.ReportAudience audience) => await app.WithScopeAsync(async sp =>
        {
            var document = await sp.GetRequiredService<Core.Documents.PlanDocumentBuilder>().BuildAsync(editionId, UserContext.ReaderFor(partnershipId, "test"), audience);
            return DocxLines(Core.Documents.PlanDocumentDocx.ToBytes(document!));
        });

        var full = await DocxAsync(Core.Documents.ReportAudience.Full);
        Assert.Contains($"What we spent in {year.Replace('-', '/')}", full);
        Assert.Contains("We spent £4,207 so that people using taxis at night would feel safer.", full);
        Assert.Contains("We spent £999 on covert surveillance kit.", full);
        Assert.Contains($"In total we spent £5,206 in {year.Replace('-', '/')}.", full);

        var published = await DocxAsync(Core.Documents.ReportAudience.Public);
        Assert.Contains("We spent £4,207 so that people using taxis at night would feel safer.", published);
        Assert.Contains($"In total we spent £4,207 in {year.Replace('-', '/')}.", published);
        Assert.DoesNotContain(published, line => line.Contains("covert", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A .docx's body as its reader meets it: each paragraph outside a table, and each table row with its cells joined by " | ".</summary>
    private static List<string> DocxLines(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        return body.Descendants<Paragraph>().Where(p => !p.Ancestors<Table>().Any()).Select(p => p.InnerText)
            .Concat(body.Descendants<TableRow>().Select(r => string.Join(" | ", r.Elements<TableCell>().Select(c => c.InnerText))))
            .ToList();
    }

    private Task<HttpResponseMessage> PostCsvAsync(HttpClient client, string year, string csv) =>
        client.PostAsync($"/api/partnerships/{Slug}/spending.csv?year={year}", new StringContent(csv, Encoding.UTF8, "text/csv"));
}

/// <summary>Each test's funding is in a partnership of its own (<see cref="TestData"/>): on the shared app.</summary>
public sealed class FundingApiTestsOnSqlite(SharedSqliteApp shared) : FundingApiTests(shared.App), IClassFixture<SharedSqliteApp>;

/// <inheritdoc cref="FundingApiTestsOnSqlite"/>
public sealed class FundingApiTestsOnPostgres(SharedPostgresApp shared) : FundingApiTests(shared.App), IClassFixture<SharedPostgresApp>;
