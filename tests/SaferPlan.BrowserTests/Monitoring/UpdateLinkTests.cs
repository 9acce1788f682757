using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Periods;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Monitoring;

/// <summary>The e-mailed update link: on a phone, open, type, submit — three interactions to a submitted update.</summary>
public sealed class UpdateLinkTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task UpdateLink_OnAPhone_OpenTypeSubmit_SubmitsTheUpdate()
    {
        var support = await browser.App.ApiClientAsync(await browser.App.AddUserAsync(PartnershipRole.SupportOfficer));
        using var round = await support.PostAsJsonAsync("/api/partnerships/south-cambridgeshire/periods/2010-11-q2/round", new { deadline = "2099-07-08" });
        Assert.True(round.IsSuccessStatusCode);
        var edition = await browser.EditionAsync("2010/11");
        var milestoneId = edition.MilestoneId("1.6c");
        using var lastQuarter = await support.PutAsJsonAsync($"/api/milestones/{milestoneId}/updates/2010-11-q1", new { progress = "Two No Cold Calling Zones agreed with parish councils", status = "OnTrack", version = 0 });
        Assert.True(lastQuarter.IsSuccessStatusCode);
        var token = await browser.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var person = await db.People.SingleAsync(p => p.Key == "dave-sargent");
            return await sp.GetRequiredService<UpdateLinkService>().CreateAsync(person.PartnershipId, person.Id, ReportingPeriod.Parse("2010-11-q2"), "test", TimeSpan.FromDays(14));
        });
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(375, 812);

        // 1. Open the link.
        await page.GotoAsync($"/u/{token}");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The update page is {overflow}px wider than a 375px screen");
        await Axe.AssertNoViolationsAsync(page);
        var progress = page.GetByLabel("Progress on 1.6c this quarter");
        await Expect(progress).ToHaveValueAsync("Two No Cold Calling Zones agreed with parish councils");

        // 2. Type this quarter's progress.
        await progress.FillAsync("Four No Cold Calling Zones now in place");

        // 3. Submit: the milestones left blank are not sent.
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit your updates" }).ClickAsync();

        await Expect(page.Locator(".govuk-notification-banner--success")).ToBeVisibleAsync();
        var saved = (await support.GetFromJsonAsync<UpdateJson>($"/api/milestones/{milestoneId}/updates/2010-11-q2"))!;
        Assert.Equal("Four No Cold Calling Zones now in place", saved.Progress);
        Assert.Equal("Submitted", saved.State);
        Assert.Equal("Dave Sargent (e-mailed link)", saved.Author);
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task UpdateLink_OneSubmitWithAMilestoneMissingItsStatus_SendsNothingAndNamesIt_ThenSendsBoth()
    {
        var support = await browser.App.ApiClientAsync(await browser.App.AddUserAsync(PartnershipRole.SupportOfficer));
        using var round = await support.PostAsJsonAsync("/api/partnerships/south-cambridgeshire/periods/2010-11-q3/round", new { deadline = "2099-10-08" });
        Assert.True(round.IsSuccessStatusCode);
        var edition = await browser.EditionAsync("2010/11");
        var token = await browser.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var person = await db.People.SingleAsync(p => p.Key == "dave-sargent");
            return await sp.GetRequiredService<UpdateLinkService>().CreateAsync(person.PartnershipId, person.Id, ReportingPeriod.Parse("2010-11-q3"), "test", TimeSpan.FromDays(14));
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/u/{token}");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("Progress on 1.6a this quarter").FillAsync("Cold calling leaflets delivered to every parish");
        await page.GetByRole(AriaRole.Group, new() { Name = "Status of 1.6a" }).GetByLabel("On track", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Protective marking of the update for 1.6a" }).GetByLabel("Restricted").CheckAsync();
        await page.GetByLabel("Progress on 1.6b this quarter").FillAsync("Trading Standards visits arranged");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit your updates" }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary.GetByRole(AriaRole.Link)).ToHaveTextAsync(["1.6b: select the milestone's status"]);
        await Axe.AssertNoViolationsAsync(page);
        await Expect(page.GetByLabel("Progress on 1.6a this quarter")).ToHaveValueAsync("Cold calling leaflets delivered to every parish");
        using (var none = await support.GetAsync($"/api/milestones/{edition.MilestoneId("1.6a")}/updates/2010-11-q3"))
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, none.StatusCode);
        }

        await summary.GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Status of 1.6b" }).GetByLabel("On track", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit your updates" }).ClickAsync();

        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("updates have been submitted: 1.6a, 1.6b");
        await Axe.AssertNoViolationsAsync(page);
        var first = await support.GetFromJsonAsync<UpdateJson>($"/api/milestones/{edition.MilestoneId("1.6a")}/updates/2010-11-q3");
        Assert.Equal("Restricted", first?.Marking);
        var second = await support.GetFromJsonAsync<UpdateJson>($"/api/milestones/{edition.MilestoneId("1.6b")}/updates/2010-11-q3");
        Assert.Equal("Submitted", second?.State);
    }
}
