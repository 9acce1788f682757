using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Meetings;
using SaferPlan.Core.Partnerships;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Plans;

namespace SaferPlan.Web.Tests.Meetings;

/// <summary>
/// The add-a-meeting form asks whether the meeting is open to the public and takes no silence for an answer, while the API,
/// as README documents, leaves an unsaid openness to the body's kind. Decided before anything is stored, so run on SQLite
/// only; each test's body is in a partnership of its own (<see cref="TestData"/>), on the shared app.
/// </summary>
public abstract class MeetingFormTests(SaferPlanFactory app)
{
    private Task<int> BodyIdAsync(TestBody body) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Bodies.Where(b => b.Key == body.Key).Select(b => b.Id).SingleAsync());

    private Task<int> MeetingsAsync(TestPartnership partnership) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<Meeting>().CountAsync(m => m.PartnershipId == partnership.Id));

    private static async Task<List<(string FieldId, string Message)>> RefusedAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var form = await Forms.PageAsync(client, path);
        using var refused = await Forms.PostAsync(client, path, form, fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(path, refused.RequestMessage!.RequestUri!.AbsolutePath);
        return TestHtml.ErrorSummaryLinks(TestHtml.Parse(await refused.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task MeetingForm_OpennessUnanswered_IsRefusedLinkedToTheFirstRadio_AndAddsNothing()
    {
        var partnership = await TestData.Partnership().WithBody(out var board, "Test Board", BodyKind.Board).SaveAsync(app);
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);
        var path = $"/partnerships/{partnership.Slug}/calendar/2011-12/meeting";

        var errors = await RefusedAsync(support, path, new()
        {
            ["BodyId"] = (await BodyIdAsync(board)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MeetsOn.Day"] = "26", ["MeetsOn.Month"] = "4", ["MeetsOn.Year"] = "2011",
            ["StartsAt"] = "14:00",
            ["Place"] = "Cambourne",
            ["Version"] = "0",
        });

        Assert.Equal([("IsPublic", "Select whether the meeting is open to the public")], errors);
        Assert.Equal(0, await MeetingsAsync(partnership));
    }

    [Fact]
    public async Task MeetingForm_EverythingEmpty_NamesOpennessWithTheOtherBoxes()
    {
        var partnership = await TestData.Partnership().WithBody(out _).SaveAsync(app);
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);

        var errors = await RefusedAsync(support, $"/partnerships/{partnership.Slug}/calendar/2011-12/meeting", new()
        {
            ["BodyId"] = "", ["MeetsOn.Day"] = "", ["MeetsOn.Month"] = "", ["MeetsOn.Year"] = "", ["StartsAt"] = "", ["Place"] = "", ["Version"] = "0",
        });

        Assert.Contains(("IsPublic", "Select whether the meeting is open to the public"), errors);
        Assert.Equal(4, errors.Count);
        Assert.Equal(0, await MeetingsAsync(partnership));
    }

    [Fact]
    public async Task MeetingForm_OpennessAnswered_IsSavedAsAnswered()
    {
        var partnership = await TestData.Partnership().WithBody(out var board, "Test Board", BodyKind.Board).SaveAsync(app);
        using var support = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer, partnership: partnership.Slug);

        await Forms.AssertSavedAsync(support, $"/partnerships/{partnership.Slug}/calendar/2011-12/meeting", new()
        {
            ["BodyId"] = (await BodyIdAsync(board)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MeetsOn.Day"] = "26", ["MeetsOn.Month"] = "4", ["MeetsOn.Year"] = "2011",
            ["StartsAt"] = "14:00", ["Place"] = "Cambourne", ["IsPublic"] = "false", ["Version"] = "0",
        });

        var isPublic = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<Meeting>()
            .Where(m => m.PartnershipId == partnership.Id).Select(m => m.IsPublic).SingleAsync());
        Assert.False(isPublic);
    }

    [Fact]
    public async Task MeetingApi_OpennessNotSaid_TakesTheBodysKind()
    {
        var partnership = await TestData.Partnership().WithBody(out var board, "Test Board", BodyKind.Board).WithBody(out var group).SaveAsync(app);
        using var api = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug));

        async Task<MeetingJson> AddAsync(TestBody body)
        {
            using var added = await api.PostAsJsonAsync($"/api/partnerships/{partnership.Slug}/meetings",
                new { bodyId = await BodyIdAsync(body), year = "2011-12", meetsOn = "2011-04-26", startsAt = "14:00" });
            Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
            return await PlanApi.ReadAsync<MeetingJson>(added);
        }

        Assert.True((await AddAsync(board)).IsPublic);
        Assert.False((await AddAsync(group)).IsPublic);
    }
}

public sealed class MeetingFormTestsOnSqlite(SharedSqliteApp shared) : MeetingFormTests(shared.App), IClassFixture<SharedSqliteApp>;
