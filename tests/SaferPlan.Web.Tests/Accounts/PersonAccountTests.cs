using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Plans;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Accounts;

/// <summary>
/// An account is, in each partnership, the person recorded there with its e-mail address, whichever was added first: a lead
/// officer whose account already existed (from another partnership, or before the support officer added them to People)
/// edits and reports on what they lead.
/// </summary>
public abstract class PersonAccountTests(SaferPlanFactory app)
{
    [Fact]
    public async Task LeadOfficer_WhoseAccountCameFirst_EditsWhatTheyLead_ByTheirEmailAddressInAnyCase()
    {
        var other = await TestData.Partnership().SaveAsync(app);
        var built = await TestData.Partnership().WithPerson(out var lead, "Lee Later").WithPerson(out var someoneElse, "Sam Else")
            .WithEdition(2010, EditionStatus.Draft).WithMilestone(lead).WithMilestone(someoneElse).SaveAsync(app);

        // The account is made in another partnership first, where the person is not recorded; then given the role here.
        var email = await app.AddUserAsync(PartnershipRole.LeadOfficer, lead.Key, other.Slug);
        await app.AddUserAsync(PartnershipRole.LeadOfficer, lead.Key, built.Slug);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            Assert.Null(await db.Users.Where(u => u.Email == email).Select(u => u.PersonId).SingleAsync());
            var person = await db.People.SingleAsync(p => p.Key == lead.Key);
            person.Email = email.ToUpperInvariant();
            await db.SaveChangesAsync();
            return 0;
        });

        using var session = new PageSession(app.ServerAddress);
        await session.SignInOrFailAsync(email);
        var (status, html) = await session.PageAsync($"/milestones/{built.Milestones[0].Id}/edit");
        Assert.True(status == HttpStatusCode.OK, $"Their own milestone's form: {(int)status}");
        Assert.Contains(built.Milestones[0].Code, html, StringComparison.Ordinal);
        Assert.Contains("access-denied", (await session.Client.GetAsync($"/milestones/{built.Milestones[1].Id}/edit")).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);

        // A bearer token speaks for the same person.
        using var api = await app.ApiClientAsync(email);
        var milestone = built.Milestones[0];
        using var edited = await api.PutAsJsonAsync($"/api/milestones/{milestone.Id}",
            new { code = milestone.Code, text = "Rewritten by its lead", leadOfficerId = lead.Id, measurementKind = "Text", marking = "Official", version = 1 });
        Assert.True(edited.StatusCode == HttpStatusCode.OK, $"{(int)edited.StatusCode}: {await edited.Content.ReadAsStringAsync()}");
        using var refused = await api.PutAsJsonAsync($"/api/milestones/{built.Milestones[1].Id}",
            new { code = built.Milestones[1].Code, text = "Not theirs", leadOfficerId = someoneElse.Id, measurementKind = "Text", marking = "Official", version = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}

/// <summary>On the shared app: each test has partnerships of its own (<see cref="TestData"/>).</summary>
public sealed class PersonAccountTestsOnSqlite(SharedSqliteApp shared) : PersonAccountTests(shared.App), IClassFixture<SharedSqliteApp>;

/// <summary>The e-mail address matched in any case on PostgreSQL too.</summary>
public sealed class PersonAccountTestsOnPostgres(SharedPostgresApp shared) : PersonAccountTests(shared.App), IClassFixture<SharedPostgresApp>;
