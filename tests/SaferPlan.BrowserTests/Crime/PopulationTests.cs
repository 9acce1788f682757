using System.IO.Compression;
using System.Text;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Crime;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Crime;

/// <summary>
/// A police.uk zip on the upload page, then population figures for the comparator areas it made: refused with every bad
/// line in the error summary, then loaded and listed; every page without axe violations.
/// </summary>
public sealed class PopulationTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task UploadZipThenPopulation_BadLinesThenGood_ListsEveryBadLineThenTheAreasWithTheirFigures_WithNoAxeViolations()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.Analyst);
        var force = new SyntheticPoliceUk("browser-zip", "Browser Zip Police", [new SyntheticDistrict("Zipton Vale", "E07088001", 10, 60, 20, ["One"])], firstLsoaCode: 2_950_000);
        var month = CalendarMonth.Of(2013, 6);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var writer = new StreamWriter(archive.CreateEntry($"{month}/{month}-{force.ForceKey}-street.csv").Open());
            await writer.WriteAsync(force.MonthText(month));
        }

        await page.GotoAsync("/crime/import");
        await Expect(page.GetByText("One upload can be up to")).ToBeVisibleAsync();
        await page.GetByLabel("Street files").SetInputFilesAsync([new FilePayload { Name = "police-uk.zip", MimeType = "application/zip", Buffer = zip.ToArray() }]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Load files" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Files loaded" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync("/crime/comparator-areas");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Comparator areas");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Zipton Vale" });
        await Expect(row).ToContainTextAsync("No figures");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Load population figures" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Load population figures");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Population file").SetInputFilesAsync([Csv("Area code,Area name,Year,Residents,Dwellings\n,Zipton Vale,2021,lots,10\n,Zipton Vale,2022,-3,10\n")]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Load figures" }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToContainTextAsync("Line 2: residents 'lots' is not a whole number");
        await Expect(summary).ToContainTextAsync("Line 3: residents '-3' is negative");
        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("Population file").SetInputFilesAsync([Csv("Area code,Area name,Year,Residents,Dwellings\nE07088001,Zipton Vale,2022,16000,7000\n")]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Load figures" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Population figures loaded" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "See the comparator areas" }).ClickAsync();
        row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Zipton Vale" });
        await Expect(row).ToContainTextAsync("E07088001");
        await Expect(row).ToContainTextAsync("16,000");
        await Expect(row).ToContainTextAsync("7,000");
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task PopulationPage_BoardMember_IsRefused()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.BoardMember);

        var response = await page.GotoAsync("/crime/population");

        Assert.Equal(403, response!.Status);
    }

    private static FilePayload Csv(string text) => new() { Name = "population.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };
}
