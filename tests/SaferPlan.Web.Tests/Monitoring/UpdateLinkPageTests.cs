using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Periods;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Plans;

namespace SaferPlan.Web.Tests.Monitoring;

/// <summary>The e-mailed update link's page sends all of the person's milestones with one submit, all or none, each with its marking.</summary>
public abstract class UpdateLinkPageTests(SaferPlanFactory app)
{
    private const string Quarter = "2010-11-q2";

    [Fact]
    public async Task LinkPage_OneMilestoneInvalid_SavesNone_ThenOneSubmitSavesThemAll()
    {
        // Dave leads three milestones of the partnership's 2010/11 plan, in two actions; someone else leads a fourth.
        var partnership = await TestData.Partnership().WithPerson(out var dave, "Dave Sargent").WithPerson(out var other, "Olive Other").WithEdition(2010)
            .WithMilestone(dave).WithMilestone(dave).WithAction().WithMilestone(other).WithMilestone(dave).SaveAsync(app);
        using var support = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer, partnership: partnership.Slug));
        using (var opened = await support.PostAsJsonAsync($"/api/partnerships/{partnership.Slug}/periods/{Quarter}/round", new { deadline = "2099-07-08" }))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }

        var personId = await app.PersonIdAsync(dave.Key);
        var token = await app.WithScopeAsync(async sp =>
        {
            var partnershipId = await sp.GetRequiredService<Core.Data.SaferPlanDbContext>().People.Where(p => p.Id == personId).Select(p => p.PartnershipId).SingleAsync();
            return await sp.GetRequiredService<UpdateLinkService>().CreateAsync(partnershipId, personId, ReportingPeriod.Parse(Quarter), "one submit test", TimeSpan.FromDays(14));
        });
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = app.ServerAddress, HandleCookies = true });
        var html = await Forms.PageAsync(browser, $"/u/{token}");
        var form = TestHtml.Parse(html);
        var milestones = form.QuerySelectorAll("label.govuk-label.govuk-label--s[for^=\"Updates-\"][for$=\"--Progress\"]")
            .Select(l => (For: l.GetAttribute("for")!, Text: l.TextContent))
            .Where(l => l.Text.StartsWith("Progress on ", StringComparison.Ordinal) && l.Text.EndsWith(" this quarter", StringComparison.Ordinal))
            .Select(l => (Id: int.Parse(l.For["Updates-".Length..^"--Progress".Length], CultureInfo.InvariantCulture), Code: l.Text["Progress on ".Length..^" this quarter".Length]))
            .ToList();
        Assert.True(milestones.Count >= 2, $"Dave has {milestones.Count} milestones for {Quarter}");
        Assert.All(milestones, m => Assert.False(string.IsNullOrWhiteSpace(m.Code) || m.Code.Any(char.IsWhiteSpace), $"Milestone code '{m.Code}'"));
        Assert.Single(form.QuerySelectorAll("button:not([type]), button[type=submit], input[type=submit]"));
        Assert.Contains("Submit your updates", html, StringComparison.Ordinal);
        foreach (var (id, _) in milestones)
        {
            Assert.Contains($"name=\"Updates[{id}].Marking\" type=\"radio\" value=\"Restricted\"", html, StringComparison.Ordinal);
        }

        Dictionary<string, string> Fields(int blank)
        {
            var fields = new Dictionary<string, string>();
            for (var i = 0; i < milestones.Count; i++)
            {
                var (id, code) = milestones[i];
                fields[$"Updates[{id}].Version"] = "0";
                fields[$"Updates[{id}].Progress"] = i == blank ? "" : $"{Quarter} progress on {code}";
                fields[$"Updates[{id}].Status"] = "OnTrack";
                fields[$"Updates[{id}].Marking"] = i == 0 ? "Restricted" : "Official";
            }

            return fields;
        }

        // The second milestone has no progress: the summary names it and its box, and nothing at all is saved.
        using (var refused = await Forms.PostAsync(browser, $"/u/{token}", html, Fields(blank: 1)))
        {
            var page = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var (blankId, blankCode) = milestones[1];
            Assert.Contains($"<li><a href=\"#Updates-{blankId}--Progress\">{blankCode}: enter the progress made this quarter</a></li>", page, StringComparison.Ordinal);
            Assert.Contains($"{Quarter} progress on {milestones[0].Code}</textarea>", page, StringComparison.Ordinal);
            Assert.Contains($"name=\"Updates[{milestones[0].Id}].Marking\" type=\"radio\" value=\"Restricted\" checked", page, StringComparison.Ordinal);
        }

        foreach (var (id, code) in milestones)
        {
            using var none = await support.GetAsync($"/api/milestones/{id}/updates/{Quarter}");
            Assert.True(none.StatusCode == HttpStatusCode.NotFound, $"{code} was saved although another milestone was invalid");
        }

        // All of them valid: one submit sends them all, the first Restricted.
        using (var sent = await Forms.PostAsync(browser, $"/u/{token}", html, Fields(blank: -1)))
        {
            // The client follows the redirect after a save, back to the link's page.
            var after = await sent.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            Assert.Equal("/u/link", sent.RequestMessage?.RequestUri?.AbsolutePath.Replace(token, "link", StringComparison.Ordinal));
            Assert.Contains($"Your {milestones.Count} updates have been submitted", after, StringComparison.Ordinal);
            Assert.DoesNotContain("govuk-error-summary", after, StringComparison.Ordinal);
        }

        for (var i = 0; i < milestones.Count; i++)
        {
            var update = await PlanApi.OkJsonAsync<MilestoneUpdateJson>(await support.GetAsync($"/api/milestones/{milestones[i].Id}/updates/{Quarter}"));
            Assert.Equal($"{Quarter} progress on {milestones[i].Code}", update.Progress);
            Assert.Equal("Submitted", update.State);
            Assert.Equal("Dave Sargent (e-mailed link)", update.Author);
            Assert.Equal(i == 0 ? "Restricted" : "Official", update.Marking);
        }
    }
}

/// <summary>The test's milestones, lead officer and round are in a partnership of its own (<see cref="TestData"/>): on the shared app.</summary>
public sealed class UpdateLinkPageTestsOnSqlite(SharedSqliteApp shared) : UpdateLinkPageTests(shared.App), IClassFixture<SharedSqliteApp>;

/// <inheritdoc cref="UpdateLinkPageTestsOnSqlite"/>
public sealed class UpdateLinkPageTestsOnPostgres(SharedPostgresApp shared) : UpdateLinkPageTests(shared.App), IClassFixture<SharedPostgresApp>;
