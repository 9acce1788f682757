using System.Text;
using SaferPlan.Core.Funding;
using SaferPlan.Uploads;

namespace SaferPlan.Funding;

/// <summary>
/// The funding API: a year's funding plan (members see all of it; visitors an agreed plan without restricted allocations),
/// adding and changing streams, allocations and spending by version, the Board's agreement, and the public account as JSON
/// and as the Transparency Code's CSV, which a finance system's export can also be loaded from.
/// </summary>
public static class FundingEndpoints
{
    /// <summary>The largest spending file taken: far more lines than any partnership's year.</summary>
    public const int UploadBytes = 4 * 1024 * 1024;

    public static void MapFunding(this IEndpointRouteBuilder app)
    {
        var (api, writes) = app.MapApi("Funding");

        api.MapGet("/partnerships/{slug}/funding", PlanAsync)
            .WithSummary("The year's funding plan (?year=2010-11): received, allocated, spent and left per stream and per priority, with what is over.");
        writes.MapPost("/partnerships/{slug}/funding/agreement", AgreeAsync)
            .WithSummary("Records the Board decision that agreed the year's funding plan: {\"decidedOn\":\"2010-04-27\",\"body\":\"…\",\"minute\":\"…\"}.");
        writes.MapPost("/partnerships/{slug}/funding/streams", AddStreamAsync);
        writes.MapPut("/funding/streams/{id:int}", UpdateStreamAsync);
        writes.MapPost("/partnerships/{slug}/funding/allocations", AddAllocationAsync);
        writes.MapPut("/funding/allocations/{id:int}", UpdateAllocationAsync);
        writes.MapPost("/partnerships/{slug}/funding/spending", AddSpendingAsync)
            .WithSummary("Records a payment against an allocation, dated within the plan's year (?year=2010-11: 1 April 2010 to 31 March 2011) and not after today.");
        writes.MapPut("/funding/spending/{id:int}", UpdateSpendingAsync)
            .WithSummary("Changes a payment at the version read, dated within the plan's year: support officers any, a lead officer only one they recorded for what they lead.");
        writes.MapDelete("/funding/streams/{id:int}", DeleteStreamAsync)
            .WithSummary("Deletes a stream with no allocations left (If-Match or ?version=); once the plan is agreed, with ?amendmentReason=.");
        writes.MapDelete("/funding/allocations/{id:int}", DeleteAllocationAsync)
            .WithSummary("Deletes an allocation with no spending recorded (If-Match or ?version=); once the plan is agreed, with ?amendmentReason=.");
        writes.MapDelete("/funding/spending/{id:int}", DeleteSpendingAsync)
            .WithSummary("Deletes a payment (If-Match or ?version=): support officers any, a lead officer only one they recorded for what they lead.");
        api.MapGet("/partnerships/{slug}/spending", PublicSpendingAsync)
            .WithSummary("The public account of the year's spending (?year=2012-13): each line and the total, restricted projects left out.");
        api.MapGet("/partnerships/{slug}/spending.csv", SpendingCsvAsync)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("The year's spending in the Local Government Transparency Code's shape: body, date, expense type, description, supplier, amount, transaction number.");
        writes.MapPost("/partnerships/{slug}/spending.csv", ImportSpendingAsync)
            .WithSummary("Loads spending from a CSV with the Transparency Code's columns (Content-Type: text/csv); a file with any wrong line is refused whole, naming the lines.");
    }

    private static Task<Results<Ok<FundingPlanDto>, ProblemHttpResult>> PlanAsync(
        string slug, string? year, SaferPlanDbContext db, FundingService funding, CurrentUser current, CancellationToken ct) =>
        ForYearAsync<Ok<FundingPlanDto>>(db, slug, year, async (id, period) =>
        {
            var user = await current.GetAsync();
            return await funding.PlanAsync(id, period, user, ct: ct) is { } plan
                ? TypedResults.Ok(FundingPlanDto.From(plan))
                : user.IsSignedIn ? ApiErrors.NotFound($"There is no agreed funding plan for {period.Display}.") : ApiErrors.SignInRequired();
        }, ct);

    private static Task<Results<Ok<AgreementDto>, ProblemHttpResult>> AgreeAsync(
        string slug, string? year, AgreementRequest body, SaferPlanDbContext db, FundingService funding, CurrentUser current, CancellationToken ct) =>
        ForYearAsync<Ok<AgreementDto>>(db, slug, year, async (id, period) =>
        {
            var result = await funding.AgreeAsync(id, period, body.DecidedOn, body.Body, body.Minute, await current.GetAsync(), ct);
            return result.Succeeded ? TypedResults.Ok(AgreementDto.From(result.Value)) : ApiErrors.From(result);
        }, ct);

    private static Task<Results<Created<SavedStreamDto>, ProblemHttpResult>> AddStreamAsync(
        string slug, string? year, StreamRequest body, SaferPlanDbContext db, FundingService funding, CurrentUser current, HttpContext http, CancellationToken ct) =>
        AddedAsync(db, slug, year, current, http, (id, period, user) => funding.AddStreamAsync(id, period, body.ToInput(), user, ct), "streams", SavedStreamDto.From, ct);

    private static Task<Results<Ok<UpdatedStreamDto>, ProblemHttpResult>> UpdateStreamAsync(
        int id, StreamRequest body, FundingService funding, CurrentUser current, HttpContext http, CancellationToken ct) =>
        UpdatedAsync(http, body.Version, current, (v, user) => funding.UpdateStreamAsync(id, body.ToInput(), v, user, ct), UpdatedStreamDto.From);

    private static Task<Results<Created<SavedAllocationDto>, ProblemHttpResult>> AddAllocationAsync(
        string slug, string? year, AllocationRequest body, SaferPlanDbContext db, FundingService funding, CurrentUser current, HttpContext http, CancellationToken ct) =>
        AddedAsync(db, slug, year, current, http, (id, period, user) => funding.AddAllocationAsync(id, period, body.ToInput(), user, ct), "allocations", SavedAllocationDto.From, ct);

    private static async Task<Results<Ok<UpdatedAllocationDto>, ProblemHttpResult>> UpdateAllocationAsync(
        int id, AllocationRequest body, SaferPlanDbContext db, FundingService funding, CurrentUser current, HttpContext http, CancellationToken ct)
    {
        // A new allocation starts at Official; a change must say its marking, or a Restricted allocation would be published.
        if (body.Marking is null)
        {
            var partnershipId = await db.Set<FundingAllocation>().Where(a => a.Id == id).Select(a => (int?)a.Stream.PartnershipId).FirstOrDefaultAsync(ct);
            return partnershipId is { } p && Permissions.CanReadFunding(await current.GetAsync(), p)
                ? ApiErrors.MarkingRequired()
                : ApiErrors.NotFound($"There is no allocation {id}.");
        }

        return await UpdatedAsync(http, body.Version, current, (v, user) => funding.UpdateAllocationAsync(id, body.ToInput(), v, user, ct), UpdatedAllocationDto.From);
    }

    private static Task<Results<Created<SavedSpendDto>, ProblemHttpResult>> AddSpendingAsync(
        string slug, string? year, SpendRequest body, SaferPlanDbContext db, FundingService funding, CurrentUser current, HttpContext http, CancellationToken ct) =>
        AddedAsync(db, slug, year, current, http, (id, period, user) => funding.AddSpendingAsync(id, period, body.ToInput(), user, ct), "spending", SavedSpendDto.From, ct);

    private static Task<Results<Ok<SavedSpendDto>, ProblemHttpResult>> UpdateSpendingAsync(
        int id, SpendRequest body, FundingService funding, CurrentUser current, HttpContext http, CancellationToken ct) =>
        UpdatedAsync(http, body.Version, current, (v, user) => funding.UpdateSpendingAsync(id, body.ToInput(), v, user, ct), SavedSpendDto.From);

    private static Task<Results<NoContent, ProblemHttpResult>> DeleteStreamAsync(
        int id, int? version, string? amendmentReason, FundingService funding, CurrentUser current, HttpContext http, CancellationToken ct) =>
        DeletedAsync(http, version, current, (v, user) => funding.DeleteStreamAsync(id, v, amendmentReason, user, ct));

    private static Task<Results<NoContent, ProblemHttpResult>> DeleteAllocationAsync(
        int id, int? version, string? amendmentReason, FundingService funding, CurrentUser current, HttpContext http, CancellationToken ct) =>
        DeletedAsync(http, version, current, (v, user) => funding.DeleteAllocationAsync(id, v, amendmentReason, user, ct));

    private static Task<Results<NoContent, ProblemHttpResult>> DeleteSpendingAsync(
        int id, int? version, FundingService funding, CurrentUser current, HttpContext http, CancellationToken ct) =>
        DeletedAsync(http, version, current, (v, user) => funding.DeleteSpendingAsync(id, v, user, ct));

    /// <summary>A stream, allocation or payment added by the signed-in user to the year asked for, answered 201 at <c>/api/funding/{kind}/{id}</c> with its version as the ETag.</summary>
    private static Task<Results<Created<TDto>, ProblemHttpResult>> AddedAsync<T, TDto>(
        SaferPlanDbContext db, string slug, string? year, CurrentUser current, HttpContext http,
        Func<int, ReportingPeriod, UserContext, Task<EditResult<T>>> add, string kind, Func<T, TDto> dto, CancellationToken ct)
        where T : IVersioned =>
        ForYearAsync(db, slug, year, async (id, period) =>
            await EditResponses.Created(http, await add(id, period, await current.GetAsync()), saved => $"/api/funding/{kind}/{saved.Id}", dto), ct);

    /// <summary>A funding line changed by the signed-in user at the version its sender read (428/412/409 as every versioned edit), answered as <paramref name="dto"/>.</summary>
    private static async Task<Results<Ok<TDto>, ProblemHttpResult>> UpdatedAsync<T, TDto>(
        HttpContext http, int? version, CurrentUser current, Func<int, UserContext, Task<EditResult<T>>> update, Func<T, TDto> dto)
        where T : IVersioned
    {
        var user = await current.GetAsync();
        return await ExpectedVersion.SavedAsync(http, version, v => update(v, user), saved => Task.FromResult(dto(saved)));
    }

    /// <summary>A funding line deleted by the signed-in user at the version its sender read: 204, or 428/412/409 as every versioned edit.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> DeletedAsync<T>(
        HttpContext http, int? version, CurrentUser current, Func<int, UserContext, Task<EditResult<T>>> delete)
    {
        var user = await current.GetAsync();
        return await ExpectedVersion.DeletedAsync(http, version, v => delete(v, user));
    }

    private static Task<Results<Ok<PublicSpendingDto>, ProblemHttpResult>> PublicSpendingAsync(
        string slug, string? year, SaferPlanDbContext db, FundingService funding, CurrentUser current, CancellationToken ct) =>
        ForYearAsync<Ok<PublicSpendingDto>>(db, slug, year, async (id, period) =>
            await funding.PlanAsync(id, period, await current.GetAsync(), publicOnly: true, ct) is { IsAgreed: true } plan
                ? TypedResults.Ok(PublicSpendingDto.From(plan))
                : NoPublishedSpending(period), ct);

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> SpendingCsvAsync(
        string slug, string? year, SaferPlanDbContext db, FundingService funding, CurrentUser current, CancellationToken ct) =>
        ForYearAsync<FileContentHttpResult>(db, slug, year, async (id, period) =>
            await funding.PlanAsync(id, period, await current.GetAsync(), publicOnly: true, ct) is { IsAgreed: true } plan
                ? TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(SpendingCsv.Write(plan))).ToArray(), "text/csv; charset=utf-8", $"{slug}-spending-{period.Slug}.csv")
                : NoPublishedSpending(period), ct);

    private static Task<Results<Ok<SpendingImportDto>, ProblemHttpResult>> ImportSpendingAsync(
        string slug, string? year, HttpRequest request, SaferPlanDbContext db, FundingService funding, CurrentUser current, CancellationToken ct) =>
        ForYearAsync<Ok<SpendingImportDto>>(db, slug, year, async (id, period) =>
        {
            var user = await current.GetAsync();
            if (!Permissions.CanEditFunding(user, id))
            {
                return ApiErrors.Problem(StatusCodes.Status403Forbidden, "Not allowed", "Only the partnership's support officers and administrators can load a spending file.");
            }

            if (!UploadLimits.Admit(request.HttpContext, UploadBytes))
            {
                return ApiErrors.Problem(StatusCodes.Status413PayloadTooLarge, "Too large", UploadLimits.TooLarge("A spending file", UploadBytes));
            }

            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync(ct);
            var result = await funding.ImportSpendingAsync(id, period, new StringReader(text), user, ct);
            return result.Succeeded ? TypedResults.Ok(new SpendingImportDto(result.Value)) : ApiErrors.From(result);
        }, ct);

    private static ProblemHttpResult NoPublishedSpending(ReportingPeriod period) => ApiErrors.NotFound($"There is no published spending for {period.Display}.");

    /// <summary>Answers for the partnership named and the financial year in <c>?year=</c>: 404 without the partnership, 400 without a year.</summary>
    private static async Task<Results<TOk, ProblemHttpResult>> ForYearAsync<TOk>(
        SaferPlanDbContext db, string slug, string? year, Func<int, ReportingPeriod, Task<Results<TOk, ProblemHttpResult>>> answer, CancellationToken ct)
        where TOk : IResult
    {
        if (!ReportingPeriod.TryParse(year, out var period) || !period.IsWholeYear)
        {
            return ApiErrors.Invalid(new Dictionary<string, string[]> { ["year"] = ["Give the financial year as ?year=2010-11"] }, "Give the financial year as ?year=2010-11");
        }

        var id = await db.Partnerships.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        return id is { } found ? await answer(found, period) : ApiErrors.NotFound($"There is no partnership '{slug}'.");
    }
}
