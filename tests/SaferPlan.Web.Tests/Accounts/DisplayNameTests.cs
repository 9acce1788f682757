using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Monitoring;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Cli;
using SaferPlan.Web.Tests.Monitoring;

using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Accounts;

/// <summary>
/// People are recorded by the name they go by, never their e-mail address: set on the account page or with
/// <c>users add --name</c>, and used for the updates, reviews, publications and audit entries they make. Each test works in a
/// partnership of its own (<see cref="TestData"/>).
/// </summary>
public abstract class DisplayNameTests(SaferPlanFactory app)
{
    [Fact]
    public async Task AccountPage_SetsTheDisplayName_Validated_Audited_AndWhatTheUserDoesIsRecordedUnderIt()
    {
        var partnership = await TestData.Partnership().WithEdition(2010).WithMilestone().SaveAsync(app);
        var slug = partnership.Slug;
        var email = await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: slug);
        using var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = app.ServerAddress, HandleCookies = true });
        var signIn = await Forms.PageAsync(browser, "/account/sign-in");
        (await Forms.PostAsync(browser, "/account/sign-in", signIn, new() { ["Email"] = email, ["Password"] = SaferPlanFactory.Password })).Dispose();
        var name = $"Sam Smith {Guid.NewGuid().ToString("N")[..6]}";

        var page = await Forms.PageAsync(browser, "/account");
        using var blank = await Forms.PostAsync(browser, "/account", page, new() { ["DisplayName"] = "  " });
        var blankHtml = await blank.Content.ReadAsStringAsync();
        using var anAddress = await Forms.PostAsync(browser, "/account", page, new() { ["DisplayName"] = "sam@example.org" });
        var addressHtml = await anAddress.Content.ReadAsStringAsync();
        using var saved = await Forms.PostAsync(browser, "/account", page, new() { ["DisplayName"] = name });
        var after = await saved.Content.ReadAsStringAsync();
        using var api = await app.ApiClientAsync(email);
        await OkJsonAsync(await api.PostAsJsonAsync($"/api/partnerships/{slug}/periods/2010-11-q1/round", new { deadline = "2099-04-08" }));
        var milestone = partnership.Milestones[0].Id;
        var update = await OkJsonAsync<MilestoneUpdateJson>(await api.PutAsJsonAsync($"/api/milestones/{milestone}/updates/2010-11-q1", new { progress = "Written by Sam", status = "OnTrack", version = 0 }));
        var reports = await Forms.PageAsync(browser, $"/partnerships/{slug}/reports");
        (await Forms.PostAsync(browser, $"/partnerships/{slug}/reports?handler=Publish&period=2010-11-q1", reports, new() { ["confirmed"] = "true" })).Dispose();

        Assert.Contains(email, page, StringComparison.Ordinal);
        Assert.Contains("govuk-error-summary", blankHtml, StringComparison.Ordinal);
        Assert.Contains("Enter your name", blankHtml, StringComparison.Ordinal);
        Assert.Contains("Enter your name, not an e-mail address", addressHtml, StringComparison.Ordinal);
        Assert.Contains($"Signed in as {name}", after, StringComparison.Ordinal);
        Assert.Equal(name, update.Author);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var user = await db.Users.SingleAsync(u => u.Email == email);
            Assert.Equal(name, user.DisplayName);
            var entries = await db.AuditEntries.Where(a => a.EntityType == nameof(User) && a.UserId == user.Id).ToListAsync();
            Assert.Contains(entries, a => a.Changes.Contains(name, StringComparison.Ordinal) && a.Changes.Contains(user.Id, StringComparison.Ordinal));
            var publication = await db.Set<QuarterPublication>().SingleAsync(p => p.PartnershipId == partnership.Id && p.Period == Core.Periods.ReportingPeriod.Of(2010, 1));
            Assert.Equal(name, publication.PublishedBy);
            var updateId = update.Id;
            Assert.All(await db.AuditEntries.Where(a => (a.EntityType == nameof(MilestoneUpdate) && a.EntityId == updateId) || (a.EntityType == nameof(QuarterPublication) && a.EntityId == publication.Id)).ToListAsync(),
                a => Assert.Equal(name, a.Actor));
            return 0;
        });
    }

    [Fact]
    public async Task AccountPage_Visitor_IsSentToSignIn()
    {
        using var visitor = await app.ApiClientAsync();

        using var response = await visitor.GetAsync("/account");

        Assert.Contains("/account/sign-in", response.Headers.Location?.OriginalString ?? response.RequestMessage?.RequestUri?.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserWithoutDisplayNameOrPerson_IsNeverRecordedByEmailAddress()
    {
        var slug = (await TestData.Partnership().WithEdition(2009).WithMilestone().SaveAsync(app)).Slug;
        var email = await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: slug);
        using var api = await app.ApiClientAsync(email);

        var round = await OkJsonAsync<OpenedRoundJson>(await api.PostAsJsonAsync($"/api/partnerships/{slug}/periods/2009-10-q3/round", new { deadline = "2099-04-08" }));

        Assert.Equal(email[..email.IndexOf('@', StringComparison.Ordinal)], round.OpenedBy);
    }

    /// <summary>A quarter's round as opened: who opened it, by the name they go by.</summary>
    private sealed record OpenedRoundJson(string Period, string OpenedBy);
}

/// <summary>
/// Provider-neutral (no query of its own to check), so run on SQLite only; each test works in a partnership of its own
/// (<see cref="TestData"/>): on the shared app.
/// </summary>
public sealed class DisplayNameTestsOnSqlite(SharedSqliteApp shared) : DisplayNameTests(shared.App), IClassFixture<SharedSqliteApp>;

/// <summary><c>saferplan users add --name</c> records the name the user goes by, audited.</summary>
[Collection(InProcessCli.Collection)]
public sealed class UsersAddNameCliTests(LoadedCliDatabase demo) : IClassFixture<LoadedCliDatabase>
{
    [Fact]
    public async Task UsersAdd_WithName_StoresTheDisplayNameAuditedAndSaysIt()
    {
        var db = await demo.GetAsync();
        var email = $"named-{Guid.NewGuid():N}@example.org";

        var run = await db.RunAsync("a long enough passphrase", "users", "add", "--email", email, "--role", "LeadOfficer", "--partnership", "south-cambridgeshire", "--name", "Jo Bloggs");
        var refused = await db.RunAsync("a long enough passphrase", "users", "add", "--email", email, "--role", "LeadOfficer", "--partnership", "south-cambridgeshire", "--name", "jo@example.org");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Jo Bloggs", run.Out, StringComparison.Ordinal);
        Assert.True(refused.ExitCode != 0, refused.ToString());
        Assert.Contains("not an e-mail address", refused.Error, StringComparison.Ordinal);
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT u.\"DisplayName\", (SELECT COUNT(*) FROM \"AuditEntries\" a WHERE a.\"EntityType\" = 'User' AND a.\"Changes\" LIKE '%' || u.\"Id\" || '%' AND a.\"Changes\" LIKE '%Jo Bloggs%') FROM \"AspNetUsers\" u WHERE u.\"Email\" = $email";
        command.Parameters.AddWithValue("$email", email);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal("Jo Bloggs", reader.GetString(0));
        Assert.Equal(1, reader.GetInt64(1));
    }
}
