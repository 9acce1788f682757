using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Data;
using SaferPlan.Core.Partnerships;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Plans;

namespace SaferPlan.Web.Tests.Api;

/// <summary>
/// Every add answers the one way (<c>Api/EditResponses</c>): 201 with the new item's address and, as its ETag, the version
/// a change of it must send, the same as the version in the body. The meeting, task group report and briefing adds
/// answered without the ETag before.
/// </summary>
public abstract class EditResponsesTests(SaferPlanFactory app)
{
    private static async Task AssertCreatedWithVersionAsync(HttpResponseMessage added, string location)
    {
        using (added)
        {
            Assert.True(added.StatusCode == HttpStatusCode.Created, $"{(int)added.StatusCode}: {await added.Content.ReadAsStringAsync()}");
            var item = await PlanApi.ReadAsync<ItemVersionJson>(added);
            Assert.Equal($"{location}/{item.Id}", added.Headers.Location?.OriginalString);
            Assert.Equal($"\"{item.Version}\"", added.Headers.ETag?.Tag);
        }
    }

    [Fact]
    public async Task Adds_AnswerWithTheLocationAndTheVersionAsETag()
    {
        var partnership = await TestData.Partnership().WithEdition(2010).WithAction()
            .WithBody(out var board, "Test Board", BodyKind.Board).WithCountyBody(out var county, "Test County Body").SaveAsync(app);
        using var api = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug));
        var (boardId, crimeType) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            return (await db.Bodies.Where(b => b.Key == board.Key).Select(b => b.Id).SingleAsync(), await db.Set<CrimeType>().OrderBy(t => t.Id).Select(t => (int)t.Id).FirstAsync());
        });

        await AssertCreatedWithVersionAsync(await api.PostAsJsonAsync($"/api/partnerships/{partnership.Slug}/meetings",
            new { bodyId = boardId, year = "2010-11", meetsOn = new DateOnly(2010, 6, 10), startsAt = "14:00" }), "/api/meetings");
        await AssertCreatedWithVersionAsync(await api.PostAsJsonAsync($"/api/partnerships/{partnership.Slug}/periods/2010-11-q1/task-group-reports",
            new { title = "Priority 1: Reducing Re-offending", achievementsMarking = "Official", concernsMarking = "Official", recommendationsMarking = "Official" }), "/api/task-group-reports");
        await AssertCreatedWithVersionAsync(await api.PostAsJsonAsync($"/api/bodies/{county.Key}/briefings",
            new { period = "2010-11-q1", title = "State of the Partnership Briefing", marking = "Official" }), $"/api/bodies/{county.Key}/briefings");
        await AssertCreatedWithVersionAsync(await api.PostAsJsonAsync($"/api/partnerships/{partnership.Slug}/crime-groups",
            new { name = "Serious acquisitive crime", crimeTypeIds = new[] { crimeType } }), "/api/crime-groups");
        await AssertCreatedWithVersionAsync(await api.PostAsJsonAsync($"/api/actions/{partnership.ActionIds[0]}/milestones",
            new { text = "Scheme launched", marking = "Official", amendmentReason = "Added at the Board's request" }), "/api/milestones");
    }
}

/// <summary>Each test has a partnership of its own (<see cref="TestData"/>); the answers' shape is the same on either database.</summary>
public sealed class EditResponsesTestsOnSqlite(SharedSqliteApp shared) : EditResponsesTests(shared.App), IClassFixture<SharedSqliteApp>;
