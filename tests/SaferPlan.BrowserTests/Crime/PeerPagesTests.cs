using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Data;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Crime;

/// <summary>Peers in Chromium: the assessment's funnel plots with their tables, and the analyst's choice of comparator areas, each scanned by axe-core.</summary>
public sealed class PeerPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Slug = "south-cambridgeshire";
    private const string Window = "from=2005-09&to=2006-08";

    /// <summary>Six comparator areas of one LSOA each with residents and a year of counts, under a force of the test's own.</summary>
    private async Task EnsureAreasAsync()
    {
        using var scope = browser.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaferPlanDbContext>();
        if (await db.Set<PoliceForce>().AnyAsync(f => f.Key == "browser-peers"))
        {
            return;
        }

        var force = new PoliceForce { Key = "browser-peers", Name = "Browser Peers Constabulary" };
        var areas = Enumerable.Range(1, 6).Select(i => new ComparatorArea { Name = $"Browserton {i}" }).ToList();
        db.Add(force);
        db.AddRange(areas);
        await db.SaveChangesAsync();
        var lsoas = areas.Select((a, i) => new Lsoa { Code = $"E01998{i:000}", Name = $"{a.Name} 001A", ComparatorAreaId = a.Id }).ToList();
        db.AddRange(lsoas);
        db.AddRange(areas.Select((a, i) => new AreaPopulation { ComparatorAreaId = a.Id, Year = 2006, Residents = 90_000 + (i * 25_000), Source = "test" }));
        await db.SaveChangesAsync();
        var month = CalendarMonth.Of(2005, 9);
        for (var m = 0; m < 12; m++, month = month.AddMonths(1))
        {
            foreach (var (lsoa, i) in lsoas.Select((l, i) => (l, i)))
            {
                db.Add(CrimeCount.Of(force.Id, month.Key, lsoa.Id, (1, 60 + i), (3, 20 + (3 * i)), (10, 2 + (i % 3)), (13, 30 + i), (14, 70 + (2 * i))));
            }
        }

        await db.SaveChangesAsync();
        await db.Partnerships.ExecuteUpdateAsync(s => s.SetProperty(p => p.ChangeStamp, p => p.ChangeStamp + 1));
    }

    [Fact]
    public async Task Assessment_ShowsFunnelPlotsWithTheirTables_AndScansClean()
    {
        await EnsureAreasAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"/partnerships/{Slug}/assessment?{Window}");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Compared with similar areas" })).ToBeVisibleAsync();
        // The plot is an image fetched on its own; its text alternative and its table stay in the page.
        var chart = page.Locator("img#funnel-serious-acquisitive-crime");
        await Expect(chart).ToBeVisibleAsync();
        Assert.Contains("Funnel plot of serious acquisitive crime", await chart.GetAttributeAsync("alt"), StringComparison.Ordinal);
        await Expect(chart).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await chart.EvaluateAsync<bool>("img => img.naturalWidth > 0"), "The funnel plot image did not load");
        await Expect(page.Locator("svg#funnel-serious-acquisitive-crime")).ToHaveCountAsync(0);
        var table = page.Locator("#funnel-serious-acquisitive-crime-table");
        await Expect(table).ToContainTextAsync("(this partnership)");
        await Expect(table).ToContainTextAsync("Browserton 6");
        await Expect(table).ToContainTextAsync("Peer mean (pooled)");
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task ChoosePeers_AsAnalyst_SavesTheChoiceThenGoesBackToComputed_ScanningClean()
    {
        await EnsureAreasAsync();
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.Analyst);
        await page.GotoAsync($"/partnerships/{Slug}/peers");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Comparator areas", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save the chosen areas" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select at least one area, or use the computed group");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("Browserton 2", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Browserton 5", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the chosen areas" }).ClickAsync();

        await Expect(page.Locator("body")).ToContainTextAsync("Chosen by the partnership's analyst.");
        await Expect(page.Locator("#peers")).ToContainTextAsync("Browserton 2");
        await Expect(page.Locator("#peers")).Not.ToContainTextAsync("Browserton 3");
        await Axe.AssertNoViolationsAsync(page);
        using (var scope = browser.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaferPlanDbContext>();
            var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(PartnershipPeer)).OrderBy(a => a.Id).Select(a => a.Changes).ToListAsync();
            Assert.Contains("Browserton 2; Browserton 5", audit[^1], StringComparison.Ordinal);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Use the computed group instead" }).ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("Computed: the 15 areas nearest");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Chosen by the partnership's analyst.");
    }

    [Fact]
    public async Task Peers_WindowFromTheAssessment_IsCarriedThrough_AndABadWindowNamesTheField_ScanningClean()
    {
        await EnsureAreasAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/partnerships/{Slug}/assessment?{Window}");

        await page.GetByRole(AriaRole.Link, new() { Name = "See the comparator areas" }).ClickAsync();

        // The assessment's window, not the latest 12 months: this test's own areas are the ones with crime then.
        await Expect(page.Locator("#peers caption")).ToHaveTextAsync("The comparator group for September 2005 to August 2006");
        await Expect(page.Locator("#peers")).ToContainTextAsync("Browserton 1");
        await Expect(page.GetByLabel("First month")).ToHaveValueAsync("2005-09");
        await Expect(page.GetByLabel("Last month")).ToHaveValueAsync("2006-08");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("Last month").FillAsync("2006-05");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the comparator areas" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToContainTextAsync("The last month must be 11 months after the first month");
        await Expect(summary.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "#To");
        await Expect(page.Locator("#To-error")).ToContainTextAsync("The last month must be 11 months after the first month");
        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("First month").FillAsync("2005-13");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the comparator areas" }).ClickAsync();
        await Expect(page.Locator("#From-error")).ToContainTextAsync("write the first month like 2008-09");

        await page.GetByLabel("First month").FillAsync("2005-09");
        await page.GetByLabel("Last month").FillAsync("2006-08");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the comparator areas" }).ClickAsync();
        await Expect(page.Locator("#peers caption")).ToHaveTextAsync("The comparator group for September 2005 to August 2006");
        await page.GetByRole(AriaRole.Link, new() { Name = "strategic assessment for September 2005 to August 2006" }).ClickAsync();
        await Expect(page.GetByLabel("First month")).ToHaveValueAsync("2005-09");
        await Expect(page.Locator("#funnel-serious-acquisitive-crime-table")).ToContainTextAsync("Browserton 1");
    }

    [Fact]
    public async Task ChoosePeers_WithAWindow_KeepsTheWindowAfterSaving()
    {
        await EnsureAreasAsync();
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.Analyst);
        await page.GotoAsync($"/partnerships/{Slug}/peers?{Window}");

        await page.GetByLabel("Browserton 3", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the chosen areas" }).ClickAsync();

        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Chosen comparator areas saved");
        await Expect(page.Locator("#peers caption")).ToHaveTextAsync("The comparator group for September 2005 to August 2006");
        Assert.EndsWith($"/partnerships/{Slug}/peers?{Window}", page.Url, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use the computed group instead" }).ClickAsync();
        await Expect(page.Locator("#peers caption")).ToHaveTextAsync("The comparator group for September 2005 to August 2006");
    }

    [Fact]
    public async Task Peers_AsVisitor_ShowsTheGroupWithoutTheChoice()
    {
        await EnsureAreasAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"/partnerships/{Slug}/peers");

        // The latest 12 months: the demo's synthetic areas have crime then, this test's own areas (2005–06) do not.
        await Expect(page.Locator("body")).ToContainTextAsync("Computed: the 15 areas nearest");
        await Expect(page.Locator("#peers tbody tr")).ToHaveCountAsync(15);
        await Expect(page.Locator("#peers")).Not.ToContainTextAsync("Browserton");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save the chosen areas" })).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(page);
    }
}
