using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Data;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Crime;

/// <summary>The recorded crime pages in Chromium: every one with no axe-core violations, with figures, charts, forms and errors showing.</summary>
public sealed class CrimePagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Slug = "south-cambridgeshire";

    /// <summary>Two years of counts in two LSOAs of the demo area, under a force of the test's own so no demo data is touched.</summary>
    private async Task EnsureCrimeAsync()
    {
        using var scope = browser.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaferPlanDbContext>();
        if (await db.Set<PoliceForce>().AnyAsync(f => f.Key == "browser-test"))
        {
            return;
        }

        var force = new PoliceForce { Key = "browser-test", Name = "Browser Test Constabulary" };
        var lsoas = new[]
        {
            new Lsoa { Code = "E01999001", Name = "South Cambridgeshire 901A", WardCode = "W901", WardName = "Test Ward North" },
            new Lsoa { Code = "E01999002", Name = "South Cambridgeshire 902A", WardCode = "W902", WardName = "Test Ward South" },
        };
        db.Add(force);
        db.AddRange(lsoas);
        await db.SaveChangesAsync();
        var month = CalendarMonth.Of(2004, 9);
        for (var i = 0; i < 24; i++, month = month.AddMonths(1))
        {
            foreach (var (lsoa, n) in lsoas.Select((l, n) => (l, n)))
            {
                var counts = new short[] { 1, 3, 10, 13, 14 }.Select(type => (type, 3 + ((i + n + type) % 7))).ToArray();
                db.Add(CrimeCount.Of(force.Id, month.Key, lsoa.Id, counts));
            }
        }

        await db.SaveChangesAsync();

        // As the crime importer does after loading a file: every partnership's cached crime figures are stale.
        await db.Partnerships.ExecuteUpdateAsync(s => s.SetProperty(p => p.ChangeStamp, p => p.ChangeStamp + 1));
    }

    [Fact]
    public async Task CrimeSpc_AsAVisitor_ShowsEachSeriesVariationInWordsAndTheChosenChart_WithNoAxeViolations()
    {
        await EnsureCrimeAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/partnerships/{Slug}/crime?from=2005-09&to=2006-08");
        var table = page.Locator("#crime-spc");
        await Expect(table).ToContainTextAsync("All crime");
        await Expect(table.Locator("[data-spc-variation]").First).ToContainTextAsync("variation");

        await table.GetByRole(AriaRole.Link, new() { Name = "Show the chart of All crime" }).ClickAsync();
        await Expect(page.Locator("#spc-chart")).ToHaveTextAsync("All crime by month");
        await Expect(page.Locator("[data-spc-sentence]")).ToContainTextAsync("All crime: ");
        await Expect(page.Locator("#crime-spc-chart")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync($"/partnerships/{Slug}/assessment?from=2005-09&to=2006-08");
        await Expect(page.Locator("#group-variation-list")).ToContainTextAsync("All crime: ");
        await Axe.AssertNoViolationsAsync(page);
    }

    [Theory]
    [InlineData("/partnerships/south-cambridgeshire/crime?from=2005-09&to=2006-08&by=ward", "Recorded crime")]
    [InlineData("/partnerships/south-cambridgeshire/crime?from=2005-09&to=2006-08&by=lsoa", "Recorded crime")]
    [InlineData("/partnerships/south-cambridgeshire/assessment?from=2005-09&to=2006-08", "Strategic assessment evidence pack")]
    [InlineData("/partnerships/south-cambridgeshire/area", "Area")]
    [InlineData("/partnerships/south-cambridgeshire/crime-groups", "Crime groups")]
    [InlineData("/partnerships/south-cambridgeshire/denominators?kind=Residents&year=2009", "Residents and dwellings")]
    public async Task Scan_CrimePageAsAnalyst_HasNoAxeViolations(string url, string heading)
    {
        await EnsureCrimeAsync();
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.Analyst);

        var response = await page.GotoAsync(url);

        Assert.Equal(200, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task AreaLookupUpload_OverTheLimit_GetsTheGovUkErrorPageSayingTheLimit_WithNoAxeViolations()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.Analyst);
        await page.GotoAsync($"/partnerships/{Slug}/area");

        // One byte over the limit: Chromium declares the length, so the server refuses it before reading the body. Chosen
        // from a file on disk, as a user would, so Chromium reads it itself (a buffer of 32 MB would first travel to the
        // browser through Playwright's protocol, base64-encoded: about 15 seconds of a busy run).
        var folder = Directory.CreateTempSubdirectory("saferplan-upload-");
        try
        {
            var tooLarge = Path.Combine(folder.FullName, "lookup.csv");
            using (var file = File.Create(tooLarge))
            {
                file.SetLength(Uploads.UploadLimits.LookupBytes + 1);
            }

            await page.GetByLabel("Lookup file").SetInputFilesAsync(tooLarge);
            var response = await page.RunAndWaitForResponseAsync(
                () => page.GetByRole(AriaRole.Button, new() { Name = "Upload and set the area" }).ClickAsync(),
                r => r.Request.Method == "POST" && r.Url.Contains("/area", StringComparison.Ordinal));
            Assert.Equal(413, response.Status);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The upload is too large", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("A lookup file can be at most 32 MB in one upload.");
        await Expect(page.Locator("header.govuk-template__header")).ToBeVisibleAsync();
        await Expect(page.Locator("footer.govuk-footer")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Assessment_ShowsChartsWithTheirTables_AndScansClean()
    {
        await EnsureCrimeAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"/partnerships/{Slug}/assessment?from=2005-09&to=2006-08");

        var chart = page.Locator("img#chart-serious-acquisitive-crime");
        await Expect(chart).ToBeVisibleAsync();
        Assert.True(await chart.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The chart image did not load.");
        await Expect(page.Locator("#assessment-groups")).ToContainTextAsync("Serious acquisitive crime");
        await Expect(page.Locator("#top-wards")).ToContainTextAsync("Test Ward");
        await Expect(page.Locator("#indicator-statuses")).ToBeVisibleAsync();

        // The demo's indicators, each judged: NI32 has its entered 34% and says why it has no status.
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Indicator statuses" })).ToContainTextAsync("NI32");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Indicator statuses" })).ToContainTextAsync("34%");
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task CrimeGroupForm_AsAnalyst_ScansCleanAndSavesWithoutJavaScript()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.Analyst, javaScriptEnabled: false);
        await page.GotoAsync($"/partnerships/{Slug}/crime-groups");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Browser test group");
        await page.GetByLabel("Burglary", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the group" }).ClickAsync();
        await Expect(page.Locator("#crime-groups")).ToContainTextAsync("Browser test group");
        await page.GetByRole(AriaRole.Link, new() { Name = "Change Browser test group" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Browser test group");

        // axe-core needs JavaScript: the same edit form, scanned in a page that runs it.
        var (scanned, _) = await browser.SignedInPageAsync(PartnershipRole.Analyst);
        await scanned.GotoAsync(page.Url);
        await Expect(scanned.GetByLabel("Burglary", new() { Exact = true })).ToBeCheckedAsync();
        await Axe.AssertNoViolationsAsync(scanned);
    }

    [Theory]
    [InlineData("/partnerships/south-cambridgeshire/crime?from=2005-13", "is not a month")]
    [InlineData("/partnerships/south-cambridgeshire/assessment?from=2009-09&to=2009-01", "must be the same as or after")]
    public async Task Scan_CrimePageWithBadMonths_ShowsErrorsWithNoAxeViolations(string url, string error)
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync(url);

        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync(error);
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Scan_GroupSubmittedEmpty_ShowsErrorsWithNoAxeViolations()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.Analyst);
        await page.GotoAsync($"/partnerships/{Slug}/crime-groups");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add the group" }).ClickAsync();

        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the group's name");
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select at least one crime type");
        await Axe.AssertNoViolationsAsync(page);
    }
}
