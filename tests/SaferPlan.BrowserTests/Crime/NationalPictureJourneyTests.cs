using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Data;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Crime;

/// <summary>
/// The national picture as an analyst meets it, in Chromium: a small synthetic police.uk archive (two forces from the
/// generator, zipped as police.uk serves it) uploaded on the crime page, its local authorities listed as comparator
/// areas, a bad population file refused line by line with nothing saved, the generator's own file loaded, the new
/// areas chosen as peers for a 12-month window, and the strategic assessment for that window with its funnel plot;
/// axe-core on every page.
/// </summary>
public sealed class NationalPictureJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Slug = "south-cambridgeshire";
    private static readonly CalendarMonth From = CalendarMonth.Of(2010, 9);
    private static readonly CalendarMonth To = CalendarMonth.Of(2011, 8);

    /// <summary>
    /// Two forces of the generator's national set that the demo's comparator forces (its first eight, of the same seed) do
    /// not use, so their names and authority codes are new (a population line's code would otherwise match the demo's area
    /// of that code), at 2% of a real force-month's rows: a few hundred rows a file.
    /// </summary>
    private static IReadOnlyList<SyntheticPoliceUk> Forces() => [.. SyntheticPoliceUk.National(forces: 10, scale: 0.02, seed: 2011).Skip(8)];

    [Fact]
    public async Task NationalPicture_ArchiveThenPopulationThenPeersThenAssessment_WithNoAxeViolations()
    {
        var forces = Forces();
        var districts = forces.SelectMany(f => f.Districts).ToList();
        var (zip, population) = Archive(forces);
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.Analyst);

        // The archive, zipped, on the upload page.
        await page.GotoAsync("/crime/import");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Street files").SetInputFilesAsync([new FilePayload { Name = "police-uk.zip", MimeType = "application/zip", Buffer = zip }]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Load files" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Files loaded" })).ToBeVisibleAsync();
        await Expect(page.Locator("body")).ToContainTextAsync($"{From}/{From}-{forces[0].ForceKey}-street.csv");
        await Axe.AssertNoViolationsAsync(page);

        // Every local authority of the archive is a comparator area, without figures yet.
        await page.GotoAsync("/crime/comparator-areas");
        foreach (var district in districts)
        {
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = district.Name })).ToContainTextAsync("No figures");
        }

        await Axe.AssertNoViolationsAsync(page);

        // A bad population file: every bad line named, nothing saved.
        await page.GetByRole(AriaRole.Button, new() { Name = "Load population figures" }).ClickAsync();
        var lines = population.Split('\n');
        lines[2] = WithResidents(lines[2], "lots");
        lines[4] = WithResidents(lines[4], "-5");
        await page.GetByLabel("Population file").SetInputFilesAsync([Csv(string.Join('\n', lines))]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Load figures" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToContainTextAsync("Line 3: residents 'lots' is not a whole number");
        await Expect(summary).ToContainTextAsync("Line 5: residents '-5' is negative");
        await Axe.AssertNoViolationsAsync(page);
        Assert.Equal(0, await PopulationFiguresAsync(districts.Select(d => d.Name).ToList()));

        // The generator's own file.
        await page.GetByLabel("Population file").SetInputFilesAsync([Csv(population)]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Load figures" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Population figures loaded" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "See the comparator areas" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = districts[0].Name })).ToContainTextAsync(districts[0].Code);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = districts[0].Name })).Not.ToContainTextAsync("No figures");

        // The new areas chosen as the partnership's peers for the archive's 12 months.
        await page.GotoAsync($"/partnerships/{Slug}/peers?from={From}&to={To}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Comparator areas", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        foreach (var district in districts)
        {
            await page.GetByLabel(district.Name, new() { Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save the chosen areas" }).ClickAsync();
        await Expect(page.Locator("#peers caption")).ToHaveTextAsync($"The comparator group for {From.Display} to {To.Display}");
        await Expect(page.Locator("#peers tbody tr")).ToHaveCountAsync(districts.Count);
        await Axe.AssertNoViolationsAsync(page);

        // The assessment for the same window, with the funnel plot of the chosen peers and its table.
        await page.GetByRole(AriaRole.Link, new() { Name = $"strategic assessment for {From.Display} to {To.Display}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Compared with similar areas" })).ToBeVisibleAsync();
        var chart = page.Locator("img#funnel-serious-acquisitive-crime");
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await chart.EvaluateAsync<bool>("img => img.naturalWidth > 0"), "The funnel plot image did not load");
        Assert.Contains(districts[0].Name, await chart.GetAttributeAsync("alt"), StringComparison.Ordinal);
        var table = page.Locator("#funnel-serious-acquisitive-crime-table");
        foreach (var district in districts)
        {
            await Expect(table).ToContainTextAsync(district.Name);
        }

        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "See the comparator areas" }).ClickAsync();
        await Expect(page.GetByLabel("First month")).ToHaveValueAsync(From.ToString());
        await Expect(page.GetByLabel("Last month")).ToHaveValueAsync(To.ToString());
    }

    /// <summary>The generator's archive for the window, zipped in memory as police.uk serves it, and its population file.</summary>
    private static (byte[] Zip, string Population) Archive(IReadOnlyList<SyntheticPoliceUk> forces)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"saferplan-journey-{Guid.NewGuid():N}");
        try
        {
            var written = SyntheticPoliceUk.WriteArchive(folder, forces, From, To);
            var population = File.ReadAllText(written.PopulationFile);
            File.Delete(written.PopulationFile);
            File.Delete(written.LookupFile);
            using var zip = new MemoryStream();
            ZipFile.CreateFromDirectory(folder, zip, CompressionLevel.Fastest, includeBaseDirectory: false);
            return (zip.ToArray(), population);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A population line (code, name, year, residents, …) with its residents replaced.</summary>
    private static string WithResidents(string line, string residents)
    {
        var fields = line.Split(',');
        fields[3] = residents;
        return string.Join(',', fields);
    }

    /// <summary>How many population figures the areas have, after checking they all exist.</summary>
    private async Task<int> PopulationFiguresAsync(IReadOnlyList<string> areas)
    {
        using var scope = browser.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaferPlanDbContext>();
        var ids = await db.Set<ComparatorArea>().Where(a => areas.Contains(a.Name)).Select(a => a.Id).ToListAsync();
        Assert.Equal(areas.Count, ids.Count);
        return await db.Set<AreaPopulation>().CountAsync(p => ids.Contains(p.ComparatorAreaId));
    }

    private static FilePayload Csv(string text) => new() { Name = "population.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };
}
