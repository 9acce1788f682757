using System.Text;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Crime;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Crime;

/// <summary>Loading police.uk files on the upload page: with the progress bar where JavaScript runs, by a plain form post where it does not, and with no axe violations.</summary>
public sealed class CrimeImportTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static FilePayload File(string name, string text) => new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };

    private static FilePayload Generated(string forceKey, CalendarMonth month, int firstLsoaCode)
    {
        var generator = SyntheticPoliceUk.Cambridgeshire(0.2, forceKey, "Browser Test Constabulary", firstLsoaCode);
        return File($"{month}-{forceKey}-street.csv", generator.MonthText(month, crlf: true));
    }

    [Fact]
    public async Task Upload_GoodAndBadFiles_ShowsWhatLoadedAndTheRefusalWithItsLine_WithNoAxeViolations()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.Analyst);

        // An analyst both loads crime data and reads the comparator areas: the navigation offers both.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Comparator areas", Exact = true })).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = "Crime data", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Crime data loaded");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "August 2011", Exact = true }).First).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Load police.uk files" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Load police.uk crime files");
        await Axe.AssertNoViolationsAsync(page);

        var bad = File("2012-05-browser-bad-street.csv",
            "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n"
            + ",2012-05,Force,Force,,,No location,,,Anti-social behaviour,,\n"
            + ",2012-05,Force,Force,,,No location,,,Loitering,,\n");
        var alsoBad = File("2012-05-browser-short-street.csv",
            "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n"
            + ",2012-05,Force,Force,,,No location\n");
        await page.GetByLabel("Street files").SetInputFilesAsync([Generated("browser-good", CalendarMonth.Of(2012, 5), 50000), bad, alsoBad]);
        await page.GetByLabel("These are synthetic files").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Load files" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Some files were not loaded" })).ToBeVisibleAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("2012-05-browser-bad-street.csv was not loaded: line 3: \"Loitering\" is not a police.uk crime type.");
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("2012-05-browser-short-street.csv was not loaded: line 2");
        await Expect(page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        // Each refused file is named beside the box too, not only the first.
        await Expect(page.Locator("#Files-error")).ToContainTextAsync("2012-05-browser-bad-street.csv was not loaded: line 3");
        await Expect(page.Locator("#Files-error")).ToContainTextAsync("2012-05-browser-short-street.csv was not loaded: line 2");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "2012-05-browser-good-street.csv (synthetic)" })).ToBeVisibleAsync();
        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "See all the crime data loaded" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Browser Test Constabulary" });
        await Expect(row).ToContainTextAsync("May 2012");
        await Expect(row).ToContainTextAsync("Synthetic");
    }

    [Fact]
    public async Task Upload_WithoutJavaScript_LoadsByAPlainFormPost()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.Analyst, javaScriptEnabled: false);
        await page.GotoAsync("/crime/import");

        await page.GetByLabel("Street files").SetInputFilesAsync([Generated("browser-nojs", CalendarMonth.Of(2012, 6), 51000)]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Load files" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Files loaded" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "2012-06-browser-nojs-street.csv", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task UploadPage_WithNoFileChosen_SaysSelectAFile()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.Administrator);
        await page.GotoAsync("/crime/import");

        await page.GetByRole(AriaRole.Button, new() { Name = "Load files" }).ClickAsync();

        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select one or more police.uk street files");
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task UploadPage_AsBoardMember_IsRefusedAndNotInTheMenu()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.BoardMember);

        var response = await page.GotoAsync("/crime/import");

        Assert.Equal(403, response?.Status);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Crime data", Exact = true })).ToHaveCountAsync(0);
    }
}
