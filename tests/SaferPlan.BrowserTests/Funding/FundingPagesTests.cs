using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Funding;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Funding;

/// <summary>
/// Funding in Chromium: a support officer builds a year's funding plan (a stream, with its errors first, an allocation, a
/// payment, the Board's agreement) and a visitor reads What we spent, with no restricted project on it. axe-core on every
/// page and state, the spending file upload (refused whole, then recorded) and the delete confirmations among them.
/// </summary>
public sealed class FundingPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task FundingPlan_StreamAllocationSpendingAndAgreement_AndWhatWeSpentForVisitors_HaveNoAxeViolations()
    {
        // A past year of the demo partnership's own, so a payment can be dated within it (1 April to 31 March) and not after today.
        var start = 1900 + Random.Shared.Next(45);
        var year = string.Create(CultureInfo.InvariantCulture, $"{start}-{(start + 1) % 100:00}");
        var today = browser.App.Today;
        var paid = new DateOnly(start, 5, 1);
        var page = await browser.SharedSignedInPageAsync(PartnershipRole.SupportOfficer);
        var plan = $"/partnerships/south-cambridgeshire/funding/{year}";
        await page.GotoAsync(plan);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Funding plan");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a funding stream" }).ClickAsync();
        await page.GetByLabel("Amount").FillAsync("12.345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save stream" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToContainTextAsync("Enter the name of the funding stream");
        await Expect(summary).ToContainTextAsync("no more than two decimal places");
        await Expect(summary).ToContainTextAsync("Select whether the money has been received or is expected");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Name of the stream").FillAsync("Safer Stronger Communities Fund");
        await page.GetByLabel("Amount").FillAsync("5,847.00");
        await page.GetByLabel("Received", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save stream" }).ClickAsync();
        await Expect(page.Locator(".govuk-table").First).ToContainTextAsync("£5,847.00 received");

        await page.GetByRole(AriaRole.Link, new() { Name = "Add an allocation" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Funding stream").SelectOptionAsync(new SelectOptionValue { Label = "Safer Stronger Communities Fund" });
        await page.GetByLabel("Project").FillAsync("Taxi marshals");
        await page.GetByLabel("Amount allocated").FillAsync("6000");
        await page.GetByLabel("Confirmed").CheckAsync();
        await page.GetByLabel("What the money is for, in plain words (optional)").FillAsync("so that people using taxis at night would feel safer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save allocation" }).ClickAsync();
        await Expect(page.Locator(".govuk-warning-text")).ToContainTextAsync("£6,000.00 allocated against £5,847.00 received: £153.00 over");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Record spending on Taxi marshals" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save payment" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the date of the payment");
        await Axe.AssertNoViolationsAsync(page);
        var date = page.GetByRole(AriaRole.Group, new() { Name = "Date of the payment" });
        await date.GetByLabel("Day").FillAsync(paid.Day.ToString(CultureInfo.InvariantCulture));
        await date.GetByLabel("Month").FillAsync(paid.Month.ToString(CultureInfo.InvariantCulture));
        await date.GetByLabel("Year").FillAsync(paid.Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Amount").FillAsync("4207");
        await page.GetByLabel("What the money bought").FillAsync("Three security staff at the taxi rank");
        await page.GetByLabel("Paid to (optional)").FillAsync("Secure Guarding Ltd");
        await page.GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save payment" }).ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("Three security staff at the taxi rank");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record the Board's agreement" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page);
        var decided = page.GetByRole(AriaRole.Group, new() { Name = "Date of the decision" });
        await decided.GetByLabel("Day").FillAsync(today.Day.ToString(CultureInfo.InvariantCulture));
        await decided.GetByLabel("Month").FillAsync(today.Month.ToString(CultureInfo.InvariantCulture));
        await decided.GetByLabel("Year").FillAsync(today.Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record agreement" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Agreed by the CDRP Board");
        await Axe.AssertNoViolationsAsync(page);

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync($"/partnerships/south-cambridgeshire/what-we-spent/{year}");
        await Expect(visitor.Locator("main")).ToContainTextAsync("We spent £4,207 so that people using taxis at night would feel safer.");
        await Axe.AssertNoViolationsAsync(visitor);
    }

    [Fact]
    public async Task SpendingUpload_RefusedWholeWithItsLines_ThenRecorded_AndDeletesConfirmed_HaveNoAxeViolations()
    {
        var start = 1945 + Random.Shared.Next(45);
        var year = string.Create(CultureInfo.InvariantCulture, $"{start}-{(start + 1) % 100:00}");
        await browser.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var partnershipId = await db.Partnerships.Where(p => p.Slug == "south-cambridgeshire").Select(p => p.Id).SingleAsync();
            var pooled = new FundingStream { PartnershipId = partnershipId, YearStart = start, Name = "Pooled Fund", Amount = 10000m, Received = true };
            db.AddRange(
                new FundingPlan { PartnershipId = partnershipId, YearStart = start },
                pooled,
                new FundingAllocation { Stream = pooled, Name = "Street Football Project", Amount = 4400m },
                new FundingStream { PartnershipId = partnershipId, YearStart = start, Name = "Spare Fund", Amount = 500m, Received = false });
            db.AuditPartnershipId = partnershipId;
            return await db.SaveChangesAsync();
        });
        var page = await browser.SharedSignedInPageAsync(PartnershipRole.SupportOfficer);
        await page.GotoAsync($"/partnerships/south-cambridgeshire/funding/{year}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Upload spending from a finance system" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Upload spending from a finance system");
        await Axe.AssertNoViolationsAsync(page);

        const string header = "Body name,Date,Expense type,Description,Supplier name,Amount,Transaction number\n";
        var bad = header
            + $"South Cambridgeshire CDRP,01/05/{start},Pooled Fund,Street Football Project: pitch hire,Sports Ltd,400.00,U-{year}-1\n"
            + $"South Cambridgeshire CDRP,01/05/{start},Pooled Fund,Street Football Project: coaching,Sports Ltd,-3,U-{year}-2\n"
            + $"South Cambridgeshire CDRP,01/05/{start},Pooled Fund,No such project: balls,Sports Ltd,10.00,U-{year}-3\n";
        await page.GetByLabel("Spending file").SetInputFilesAsync(new FilePayload { Name = "bad.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload spending" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToContainTextAsync("bad.csv was not loaded: 2 lines are wrong, so nothing from it has been saved");
        await Expect(summary).ToContainTextAsync("Line 3:");
        await Expect(summary).ToContainTextAsync("Line 4:");
        await Expect(summary).Not.ToContainTextAsync("Line 2:");
        await Axe.AssertNoViolationsAsync(page);

        var good = header
            + $"South Cambridgeshire CDRP,01/05/{start},Pooled Fund,Street Football Project: pitch hire,Sports Ltd,400.00,U-{year}-1\n"
            + $"South Cambridgeshire CDRP,01/06/{start},Pooled Fund,Street Football Project: coaching,Redacted,150.50,U-{year}-2\n";
        await page.GetByLabel("Spending file").SetInputFilesAsync(new FilePayload { Name = "good.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(good) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload spending" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("2 spending lines recorded from good.csv");
        await Expect(page.Locator("#spending + table")).ToContainTextAsync("pitch hire");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Delete Street Football Project" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You cannot delete the allocation Street Football Project yet");
        await Expect(page.Locator("main")).ToContainTextAsync("has 2 payments recorded against it");
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync($"/partnerships/south-cambridgeshire/funding/{year}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Delete payment U-{year}-2" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Are you sure you want to delete payment U-{year}-2?");
        await Expect(page.Locator(".govuk-warning-text")).ToContainTextAsync("£150.50");
        await Axe.AssertNoViolationsAsync(page);
        await browser.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var payment = await db.Set<FundingSpend>().SingleAsync(p => p.TransactionId == $"U-{year}-2");
            payment.Purchase = "coaching sessions";
            db.AuditPartnershipId = payment.PartnershipId;
            return await db.SaveChangesAsync();
        });
        await page.GetByRole(AriaRole.Button, new() { Name = $"Yes, delete payment U-{year}-2" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("This payment was changed by");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Yes, delete payment U-{year}-2" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync($"Deleted payment U-{year}-2");
        await Expect(page.Locator("#spending + table")).Not.ToContainTextAsync("coaching");

        await page.GetByRole(AriaRole.Link, new() { Name = "Delete Spare Fund" }).ClickAsync();
        await Expect(page.Locator(".govuk-warning-text")).ToContainTextAsync("£500.00 expected");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete the funding stream Spare Fund" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Deleted the funding stream Spare Fund");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("£500.00 expected");
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task DemoFundingPlan_FromSeed000_ShowsItsStreamsAndProvisionalFigures_WithNoAxeViolations()
    {
        var page = await browser.SharedSignedInPageAsync(PartnershipRole.BoardMember);
        await page.GotoAsync("/partnerships/south-cambridgeshire/funding/2009-10");
        await Expect(page.Locator("main")).ToContainTextAsync("Smart Water for Police and Fire and Rescue Service");
        await Expect(page.Locator("main")).ToContainTextAsync("(figure may alter)");
        await Expect(page.Locator("main")).ToContainTextAsync("£27,053.81 received");
        await Axe.AssertNoViolationsAsync(page);
    }
}
