using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Periods;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests;

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
        var form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Submit update for 1.6c" }) });
        var progress = form.GetByRole(AriaRole.Textbox).First;
        await Expect(progress).ToHaveValueAsync("Two No Cold Calling Zones agreed with parish councils");

        // 2. Type this quarter's progress.
        await progress.FillAsync("Four No Cold Calling Zones now in place");

        // 3. Submit.
        await form.GetByRole(AriaRole.Button, new() { Name = "Submit update for 1.6c" }).ClickAsync();

        await Expect(page.Locator(".govuk-notification-banner--success")).ToBeVisibleAsync();
        var saved = await support.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/milestones/{milestoneId}/updates/2010-11-q2");
        Assert.Equal("Four No Cold Calling Zones now in place", saved.GetProperty("progress").GetString());
        Assert.Equal("Submitted", saved.GetProperty("state").GetString());
        Assert.Equal("Dave Sargent (e-mailed link)", saved.GetProperty("author").GetString());
        await Axe.AssertNoViolationsAsync(page);
    }
}
