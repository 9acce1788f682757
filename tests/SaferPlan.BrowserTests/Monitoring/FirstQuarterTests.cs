using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Monitoring;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Monitoring;

/// <summary>
/// A partnership's whole first quarter in Chromium, with no terminal: an administrator creates the partnership and invites a
/// support officer, who adds a lead officer, starts a plan, records its approval and opens a quarter; the lead officer reports by
/// the e-mailed link; the support officer accepts and publishes; a visitor reads the public report. axe-core on every page.
/// </summary>
public sealed partial class FirstQuarterTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [GeneratedRegex(@"/invitations/inv_[A-Za-z0-9_\-]+")]
    private static partial Regex InvitationPath();

    [GeneratedRegex(@"/u/[A-Za-z0-9_\-]+")]
    private static partial Regex UpdateLinkPath();

    private Task<string> LinkInOutboxAsync(string email, Regex path) =>
        browser.App.WithScopeAsync(async sp =>
        {
            var messages = await sp.GetRequiredService<SaferPlanDbContext>().Set<OutboxMessage>().Where(m => m.To == email).ToListAsync();
            return messages.Select(m => path.Match(m.TextBody)).Single(m => m.Success).Value;
        });

    private static async Task SaveAsync(IPage page, string button)
    {
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(page);
    }

    private static async Task FillDateAsync(IPage page, string legend, DateOnly date)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = legend });
        await group.GetByLabel("Day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task FirstQuarter_NewPartnershipToPublicReport_WithoutATerminal()
    {
        browser.App.Services.GetRequiredService<IConfiguration>()["SaferPlan:PublicUrl"] = browser.App.ServerAddress.ToString();
        var today = browser.App.Today;
        var year = today.Month >= 4 ? today.Year : today.Year - 1;
        var quarter = $"{year}/{(year + 1) % 100:00} Q1";
        var quarterSlug = $"{year}-{(year + 1) % 100:00}-q1";
        var slug = $"fenland-{Guid.NewGuid():N}"[..20];
        var officerEmail = $"support-{Guid.NewGuid():N}@example.org";
        var leadEmail = $"lead-{Guid.NewGuid():N}@example.org";
        const string Password = "a long enough password";

        // An administrator creates the partnership and invites its support officer.
        var (admin, _) = await browser.SignedInPageAsync(PartnershipRole.Administrator);
        await admin.GotoAsync("/");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Create a partnership" }).ClickAsync();
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Fenland Community Safety Partnership");
        await admin.GetByLabel("Short name for addresses").FillAsync(slug);
        await admin.GetByLabel("Area", new() { Exact = true }).FillAsync("Fenland");
        await SaveAsync(admin, "Create partnership");
        await Expect(admin.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Fenland Community Safety Partnership is created");
        await admin.GetByLabel("Email address", new() { Exact = true }).First.FillAsync(officerEmail);
        await admin.Locator("form", new() { Has = admin.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }) })
            .GetByLabel("Support officer", new() { Exact = true }).CheckAsync();
        await SaveAsync(admin, "Send invitation");

        // The support officer accepts the invitation and signs in.
        var officer = await browser.NewPageAsync();
        await officer.GotoAsync(await LinkInOutboxAsync(officerEmail, InvitationPath()));
        await officer.GetByLabel("Your name", new() { Exact = true }).FillAsync("Sam Support");
        await officer.GetByLabel("Create a password", new() { Exact = true }).FillAsync(Password);
        await officer.GetByLabel("Confirm your password", new() { Exact = true }).FillAsync(Password);
        await SaveAsync(officer, "Create your account");
        await officer.GetByLabel("Email address", new() { Exact = true }).FillAsync(officerEmail);
        await officer.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(officer.GetByText("Signed in as Sam Support")).ToBeVisibleAsync();

        // ... adds the lead officer ...
        await officer.GotoAsync($"/partnerships/{slug}/people");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Add a person" }).ClickAsync();
        await officer.GetByLabel("Name", new() { Exact = true }).FillAsync("Pat Lead");
        await officer.GetByLabel("Role title").FillAsync("Anti-social Behaviour Co-ordinator");
        await officer.GetByLabel("Agency").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await officer.GetByLabel("Email address (optional)").FillAsync(leadEmail);
        await SaveAsync(officer, "Add person");

        // ... sets up its Board, chaired by Pat, from the partnership's Bodies page ...
        await officer.GotoAsync($"/partnerships/{slug}");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Bodies: the Board" }).ClickAsync();
        await Expect(officer.Locator("[data-no-bodies]")).ToContainTextAsync("This partnership has no bodies yet");
        await Axe.AssertNoViolationsAsync(officer);
        await officer.GetByRole(AriaRole.Link, new() { Name = "Add a body" }).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Add body" }).ClickAsync();
        await Expect(officer.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the body's name");
        await Axe.AssertNoViolationsAsync(officer);
        await officer.GetByLabel("Name", new() { Exact = true }).FillAsync("Fenland CSP Board");
        await officer.GetByLabel("Board", new() { Exact = true }).CheckAsync();
        await officer.GetByLabel("Quarterly", new() { Exact = true }).CheckAsync();
        await officer.GetByLabel("Chair (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Pat Lead, Anti-social Behaviour Co-ordinator" });
        await SaveAsync(officer, "Add body");
        await Expect(officer.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Fenland CSP Board is added");
        await Expect(officer.Locator("[data-bodies]")).ToContainTextAsync("Pat Lead");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Fenland CSP Board" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(officer);
        await officer.GetByRole(AriaRole.Link, new() { Name = "Remove Fenland CSP Board" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(officer);
        await officer.GetByRole(AriaRole.Link, new() { Name = "No, keep it" }).ClickAsync();

        // ... starts a plan with one priority, action and milestone led by Pat ...
        await officer.GotoAsync($"/partnerships/{slug}");
        await Axe.AssertNoViolationsAsync(officer);
        await officer.GetByRole(AriaRole.Link, new() { Name = "Start a plan" }).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
        await Expect(officer.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the plan's title");
        await Axe.AssertNoViolationsAsync(officer);
        await officer.GetByLabel("Title").FillAsync($"Community Safety Plan {year}–{year + 3}");
        await officer.GetByLabel("Year the plan starts").FillAsync(year.ToString(CultureInfo.InvariantCulture));
        await officer.GetByLabel("Year the plan ends").FillAsync((year + 3).ToString(CultureInfo.InvariantCulture));
        await SaveAsync(officer, "Start the plan");
        await Expect(officer.Locator(".govuk-notification-banner--success")).ToContainTextAsync("is started as a draft");
        var editionPath = new Uri(officer.Url).AbsolutePath;

        await officer.GetByRole(AriaRole.Link, new() { Name = "Add a priority" }).ClickAsync();
        await officer.GetByLabel("Title", new() { Exact = true }).FillAsync("Reducing anti-social behaviour");
        await officer.GetByLabel("Why is this a priority?").FillAsync("Residents told us anti-social behaviour matters most to them.");
        await SaveAsync(officer, "Save priority");
        await officer.GotoAsync(editionPath);
        await officer.GetByRole(AriaRole.Link, new() { Name = "Add an action to priority 1" }).ClickAsync();
        await officer.GetByLabel("Action", new() { Exact = true }).FillAsync("Run a multi-agency problem-solving group for each hotspot");
        await officer.GetByLabel("Lead agency").FillAsync("Police");
        await SaveAsync(officer, "Save action");
        await officer.GotoAsync(editionPath);
        await officer.GetByRole(AriaRole.Link, new() { Name = "Add a milestone to action 1.1" }).ClickAsync();
        await officer.GetByLabel("Milestone", new() { Exact = true }).FillAsync("Problem-solving group meets monthly");
        await officer.GetByLabel("Yes or no").CheckAsync();
        await officer.GetByLabel("Lead officer").SelectOptionAsync(new SelectOptionValue { Label = "Pat Lead, Anti-social Behaviour Co-ordinator" });
        await SaveAsync(officer, "Save milestone");

        // ... records the Board's approval, which publishes the plan ...
        await officer.GotoAsync(editionPath);
        await officer.GetByRole(AriaRole.Link, new() { Name = "Record the Board's approval" }).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record approval and publish" }).ClickAsync();
        await Expect(officer.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the date of the decision");
        await Axe.AssertNoViolationsAsync(officer);
        await FillDateAsync(officer, "Date of the decision", today);
        await officer.GetByLabel("Minute reference (optional)").FillAsync("7/26");
        await SaveAsync(officer, "Record approval and publish");
        await Expect(officer.Locator(".govuk-notification-banner--success")).ToContainTextAsync("approved by Fenland CSP Board");

        // ... opens the first quarter and sends the lead officer a reminder with a personal link.
        await officer.GotoAsync($"/partnerships/{slug}/updates");
        await officer.GetByLabel("Quarter", new() { Exact = true }).FillAsync(quarter);
        await FillDateAsync(officer, "Deadline for updates", today.AddDays(14));
        await SaveAsync(officer, "Open quarter for updates");
        await officer.GotoAsync($"/partnerships/{slug}/periods/{quarterSlug}/completeness");
        await SaveAsync(officer, "Send reminders");

        // The lead officer reports by the e-mailed link, without an account.
        var lead = await browser.NewPageAsync();
        await lead.GotoAsync(await LinkInOutboxAsync(leadEmail, UpdateLinkPath()));
        await Axe.AssertNoViolationsAsync(lead);
        await lead.GetByLabel("Progress on 1.1a this quarter").FillAsync("The group met in April, May and June; two hotspots closed.");
        await lead.GetByRole(AriaRole.Group, new() { Name = "Achieved 1.1a?" }).GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await lead.GetByRole(AriaRole.Group, new() { Name = "Status of 1.1a" }).GetByLabel("On track", new() { Exact = true }).CheckAsync();
        await lead.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Submit") }).First.ClickAsync();
        await Expect(lead.Locator(".govuk-notification-banner--success")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(lead);

        // The support officer accepts it and publishes the quarter's report.
        await officer.GotoAsync($"/partnerships/{slug}/periods/{quarterSlug}/completeness");
        await SaveAsync(officer, "Accept update 1.1a");
        await officer.GotoAsync($"/partnerships/{slug}/reports");
        await officer.GetByRole(AriaRole.Button, new() { Name = $"Publish the {quarter} report" }).ClickAsync();
        await Expect(officer.Locator(".govuk-notification-banner")).ToContainTextAsync("Lead officers have until");
        await SaveAsync(officer, $"Publish the {quarter} report anyway");
        await Expect(officer.GetByText("Published").First).ToBeVisibleAsync();

        // A visitor reads the plan and the public report; the lead officer's e-mail address is nowhere in it.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync($"/partnerships/{slug}");
        // The edition's own link (the partnership page also links the year's public plan update document).
        await visitor.Locator("a[href^='/editions/']").Filter(new() { HasText = quarter[..7] }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Priority 1: Reducing anti-social behaviour" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(visitor);
        await visitor.GotoAsync($"/partnerships/{slug}/reports");
        await Axe.AssertNoViolationsAsync(visitor);
        await visitor.GetByRole(AriaRole.Link, new() { Name = $"web page for {quarter}" }).First.ClickAsync();
        await Expect(visitor.GetByText("The group met in April, May and June; two hotspots closed.")).ToBeVisibleAsync();
        Assert.DoesNotContain(leadEmail, await visitor.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(officerEmail, await visitor.ContentAsync(), StringComparison.OrdinalIgnoreCase);

        // The year after, the support officer starts the refresh from the approved edition.
        await officer.GotoAsync(editionPath);
        await officer.GetByRole(AriaRole.Link, new() { Name = "Start the next edition" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(officer);
        await officer.GetByLabel("Merge it into another priority").CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Start the next edition" }).ClickAsync();
        await Expect(officer.Locator(".govuk-error-summary")).ToContainTextAsync("Choose the priority to merge \"Reducing anti-social behaviour\" into");
        await Axe.AssertNoViolationsAsync(officer);
        await officer.GetByLabel("Carry forward").CheckAsync();
        await SaveAsync(officer, "Start the next edition");
        await Expect(officer.Locator(".govuk-notification-banner--success")).ToContainTextAsync($"The {year + 1}/{(year + 2) % 100:00} edition is started as a draft");
        await Expect(officer.GetByRole(AriaRole.Link, new() { Name = "1.1a" })).ToBeVisibleAsync();
        var draftPath = new Uri(officer.Url).AbsolutePath;
        await officer.GetByRole(AriaRole.Link, new() { Name = "What changed from another edition" }).ClickAsync();
        await Expect(officer.GetByText("Nothing changed.")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(officer);

        // The draft takes the partnership's version label, and the approved edition leads to it instead of offering another.
        await officer.GotoAsync(draftPath);
        await officer.GetByRole(AriaRole.Link, new() { Name = "Change the title and label" }).ClickAsync();
        await officer.GetByLabel("Version label (optional)").FillAsync("DRAFT.V1");
        await SaveAsync(officer, "Save the title and label");
        await Expect(officer.Locator(".govuk-summary-list").First).ToContainTextAsync($"{year + 1}/{(year + 2) % 100:00}, DRAFT.V1");
        await officer.GotoAsync(editionPath);
        await Expect(officer.GetByRole(AriaRole.Link, new() { Name = "Start the next edition" })).ToHaveCountAsync(0);
        await officer.GetByRole(AriaRole.Link, new() { Name = $"Go to the next edition, {year + 1}/{(year + 2) % 100:00} (Draft)" }).ClickAsync();
        await Expect(officer).ToHaveURLAsync(new Regex(Regex.Escape(draftPath) + "$"));
    }
}
