using System.Globalization;
using System.Net;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Plans;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Plans;

/// <summary>
/// Two people edit the same milestone from the same copy: the second is told, and the first one's change stands. Each test
/// has a partnership of its own (<see cref="TestData"/>), so the classes run on the shared app of each database.
/// </summary>
public abstract class ConcurrencyTests(SaferPlanFactory app)
{
    /// <summary>A new partnership with an approved edition of one priority; its support officer and administrator.</summary>
    private async Task<(TestPartnership Partnership, string SupportEmail, string AdministratorEmail)> PartnershipAsync()
    {
        var partnership = await TestData.Partnership().WithEdition().WithPriority().SaveAsync(app);
        return (partnership,
            await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug),
            await app.AddUserAsync(PartnershipRole.Administrator, partnership: partnership.Slug));
    }

    private static async Task<MilestoneItemJson> NewMilestoneAsync(HttpClient client, TestPartnership partnership)
    {
        var action = await PlanApi.NewActionAsync(client, partnership.PriorityIds[0], "Shared action");
        return await PlanApi.NewMilestoneAsync(client, action.Id, "Original text");
    }

    [Fact]
    public async Task SecondEdit_WithStaleIfMatch_Is412NamingTheChangeAndFirstTextSurvives()
    {
        var (partnership, firstEmail, secondEmail) = await PartnershipAsync();
        using var first = await app.ApiClientAsync(firstEmail);
        using var second = await app.ApiClientAsync(secondEmail);
        var milestone = await NewMilestoneAsync(first, partnership);
        var path = $"/api/milestones/{milestone.Id}";
        var firstCopy = await PlanApi.GetItemAsync<MilestoneItemJson>(first, path);
        var secondCopy = await PlanApi.GetItemAsync<MilestoneItemJson>(second, path);
        var v = firstCopy.Version;
        Assert.Equal(v, secondCopy.Version);

        var firstBody = PlanApi.PutBody(firstCopy);
        firstBody.Remove("version");
        firstBody["text"] = "First editor's text";
        var saved = await PlanApi.PutOkAsync<MilestoneItemJson>(first, path, firstBody, ifMatch: v);
        var secondBody = PlanApi.PutBody(secondCopy);
        secondBody.Remove("version");
        secondBody["text"] = "Second editor's text";
        var problem = await PlanApi.ReadProblemAsync(await PlanApi.PutAsync(second, path, secondBody, ifMatch: v), HttpStatusCode.PreconditionFailed);

        Assert.Equal(v + 1, saved.Version);
        var detail = problem.Detail!;
        Assert.Contains("was changed", detail, StringComparison.Ordinal);
        Assert.Contains(firstEmail[..firstEmail.IndexOf('@', StringComparison.Ordinal)], detail, StringComparison.Ordinal);
        Assert.DoesNotContain(firstEmail, detail, StringComparison.Ordinal);
        Assert.Contains($"version {v}", detail, StringComparison.Ordinal);
        var now = await PlanApi.GetItemAsync<MilestoneItemJson>(second, path);
        Assert.Equal("First editor's text", now.Text);
        Assert.Equal(v + 1, now.Version);
    }

    [Fact]
    public async Task SecondEdit_WithStaleBodyVersion_Is409AndFirstTextSurvives()
    {
        var (partnership, firstEmail, secondEmail) = await PartnershipAsync();
        using var first = await app.ApiClientAsync(firstEmail);
        using var second = await app.ApiClientAsync(secondEmail);
        var milestone = await NewMilestoneAsync(first, partnership);
        var path = $"/api/milestones/{milestone.Id}";
        var firstCopy = await PlanApi.GetItemAsync<MilestoneItemJson>(first, path);
        var secondCopy = await PlanApi.GetItemAsync<MilestoneItemJson>(second, path);
        var v = secondCopy.Version;

        var firstBody = PlanApi.PutBody(firstCopy);
        firstBody.Remove("version");
        firstBody["text"] = "First editor's text";
        await PlanApi.PutOkAsync<MilestoneItemJson>(first, path, firstBody, ifMatch: v);
        var secondBody = PlanApi.PutBody(secondCopy);
        secondBody["text"] = "Second editor's text";
        var problem = await PlanApi.ReadProblemAsync(await PlanApi.PutAsync(second, path, secondBody), HttpStatusCode.Conflict);

        Assert.Equal(v, secondBody["version"]!.GetValue<int>());
        Assert.Contains("was changed", problem.Detail, StringComparison.Ordinal);
        var now = await PlanApi.GetItemAsync<MilestoneItemJson>(first, path);
        Assert.Equal("First editor's text", now.Text);
        Assert.Equal(v + 1, now.Version);
    }

    [Fact]
    public async Task SecondEdit_AfterReloading_IsSaved()
    {
        var (partnership, firstEmail, secondEmail) = await PartnershipAsync();
        using var first = await app.ApiClientAsync(firstEmail);
        using var second = await app.ApiClientAsync(secondEmail);
        var milestone = await NewMilestoneAsync(first, partnership);
        var path = $"/api/milestones/{milestone.Id}";
        var firstBody = PlanApi.PutBody(await PlanApi.GetItemAsync<MilestoneItemJson>(first, path));
        firstBody["text"] = "First editor's text";
        await PlanApi.PutOkAsync<MilestoneItemJson>(first, path, firstBody);

        var reloaded = await PlanApi.GetItemAsync<MilestoneItemJson>(second, path);
        var secondBody = PlanApi.PutBody(reloaded);
        secondBody.Remove("version");
        secondBody["text"] = "Second editor's text, after reading the first's";
        var saved = await PlanApi.PutOkAsync<MilestoneItemJson>(second, path, secondBody, ifMatch: reloaded.Version);

        Assert.Equal(3, saved.Version);
        Assert.Equal("Second editor's text, after reading the first's", (await PlanApi.GetItemAsync<MilestoneItemJson>(first, path)).Text);
    }

    [Fact]
    public async Task SimultaneousEdits_FromTheSameVersion_SaveExactlyOne()
    {
        var (partnership, firstEmail, secondEmail) = await PartnershipAsync();
        using var first = await app.ApiClientAsync(firstEmail);
        using var second = await app.ApiClientAsync(secondEmail);
        var milestone = await NewMilestoneAsync(first, partnership);
        var path = $"/api/milestones/{milestone.Id}";
        var copy = await PlanApi.GetItemAsync<MilestoneItemJson>(first, path);
        var bodies = Enumerable.Range(1, 6).Select(i =>
        {
            var body = PlanApi.PutBody(copy);
            body["text"] = $"Edit {i}";
            return body;
        }).ToList();

        var responses = await Task.WhenAll(bodies.Select((body, i) => PlanApi.PutAsync(i % 2 == 0 ? first : second, path, body)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Single(statuses, HttpStatusCode.OK);
        Assert.All(statuses.Where(s => s != HttpStatusCode.OK), s => Assert.Equal(HttpStatusCode.Conflict, s));
        var now = await PlanApi.GetItemAsync<MilestoneItemJson>(first, path);
        Assert.Equal(copy.Version + 1, now.Version);
        Assert.StartsWith("Edit ", now.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// The delete page, as a support officer uses it on a draft: confirmed from a copy someone has changed since, the page says
    /// who changed it and the milestone stays with their change; confirmed again from the page as it now is, it goes.
    /// </summary>
    [Fact]
    public async Task DeletePage_FromAStaleCopy_SaysSoAndKeepsTheMilestone_ThenDeletesFromTheCurrentOne()
    {
        var partnership = await TestData.Partnership().WithEdition(2011, EditionStatus.Draft).WithPriority().SaveAsync(app);
        using var other = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.Administrator, partnership: partnership.Slug));
        var milestone = await NewMilestoneAsync(other, partnership);
        var api = $"/api/milestones/{milestone.Id}";
        var path = $"/milestones/{milestone.Id}/delete";
        using var officer = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        var stalePage = await Forms.PageAsync(officer, path);
        var changed = PlanApi.PutBody(await PlanApi.GetItemAsync<MilestoneItemJson>(other, api));
        changed["text"] = "Changed while the page was open";
        await PlanApi.PutOkAsync<MilestoneItemJson>(other, api, changed);

        using (var refused = await Forms.PostAsync(officer, path, stalePage, new() { ["version"] = Version(milestone.Version) }))
        {
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
            Assert.Contains("was changed by", html, StringComparison.Ordinal);
        }

        var kept = await PlanApi.GetItemAsync<MilestoneItemJson>(other, api);
        Assert.Equal("Changed while the page was open", kept.Text);

        using var deleted = await Forms.PostAsync(officer, path, await Forms.PageAsync(officer, path), new() { ["version"] = Version(kept.Version) });
        var plan = await deleted.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.StartsWith("/editions/", deleted.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains($"Deleted milestone {milestone.Code}", plan, StringComparison.Ordinal);
        using var gone = await other.GetAsync(new Uri(api, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    private static string Version(int version) => version.ToString(CultureInfo.InvariantCulture);
}

public sealed class ConcurrencyTestsOnSqlite(SharedSqliteApp shared) : ConcurrencyTests(shared.App), IClassFixture<SharedSqliteApp>;

public sealed class ConcurrencyTestsOnPostgres(SharedPostgresApp shared) : ConcurrencyTests(shared.App), IClassFixture<SharedPostgresApp>;
