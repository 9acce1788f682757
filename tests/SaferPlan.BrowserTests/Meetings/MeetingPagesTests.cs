using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Meetings;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Meetings;

/// <summary>
/// The governance calendar in Chromium (issue 13, item 3): the demo's 2009/10 calendar as a visitor and as a support
/// officer, a meeting's page with its papers and decisions, and every form (add and move a meeting with errors named,
/// agenda item, decision, duty done) and the calendar feed page. axe-core on every page and state.
/// </summary>
public sealed class MeetingPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task FillDateAsync(IPage page, string legend, DateOnly date)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = legend });
        await group.GetByLabel("Day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Calendar_AsAVisitor_ShowsPublicMeetingsAndDutiesAndTheSeedsDecisions_WithNoAxeViolations()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/partnerships/south-cambridgeshire/calendar/2009-10");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Meetings and duties 2009/10" })).ToBeVisibleAsync();
        await Expect(page.Locator("#meetings ~ ul").First).ToBeVisibleAsync();
        await Expect(page.GetByText("Anti-Social Behaviour Task Group")).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "CDRP Board" }).Nth(2).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "CDRP Board, 26 October 2009" })).ToBeVisibleAsync();
        await Expect(page.Locator("#decisions ~ ul")).ToContainTextAsync("agreed the priorities for 2010/11");
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync("/partnerships/south-cambridgeshire/calendar/2010-11");
        await Expect(page.Locator("table")).ToContainTextAsync("Overdue");
        await Expect(page.Locator("table")).ToContainTextAsync("Done");
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task MeetingForms_AddMoveAgendaDecisionAndDuty_NameTheirErrors_WithNoAxeViolations()
    {
        var year = 2040 + Random.Shared.Next(40);
        var slug = $"{year}-{(year + 1) % 100:00}";
        var page = await browser.SharedSignedInPageAsync(PartnershipRole.SupportOfficer);
        await page.GotoAsync($"/partnerships/south-cambridgeshire/calendar/{slug}");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Add {year}/{(year + 1) % 100:00}'s meetings and duties from the bodies' cadences" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("meetings and 12 statutory duties");
        await Expect(page.Locator("table")).ToContainTextAsync("Agree and publish");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a meeting" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Body").SelectOptionAsync(new SelectOptionValue { Label = "CDRP Executive Group" });
        await FillDateAsync(page, "Date", new DateOnly(year + 1, 5, 1));
        await page.GetByLabel("Start time").FillAsync("half past");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the meeting" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToContainTextAsync($"The meeting must be in {year}/{(year + 1) % 100:00}");
        await Expect(summary).ToContainTextAsync("Enter the time the meeting starts");
        await Axe.AssertNoViolationsAsync(page);

        await FillDateAsync(page, "Date", new DateOnly(year, 12, 3));
        await page.GetByLabel("Start time").FillAsync("09:30");
        await page.GetByLabel("Place").FillAsync("Cambourne");
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the meeting" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"CDRP Executive Group, 3 December {year}" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Move or change this meeting" }).ClickAsync();
        await FillDateAsync(page, "Date", new DateOnly(year, 12, 10));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the meeting" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"CDRP Executive Group, 10 December {year}" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Add an agenda item" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("The quarter's Board report").CheckAsync();
        await page.GetByLabel("Which paper").FillAsync("next year");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the agenda item" }).ClickAsync();
        await Expect(summary).ToContainTextAsync("Enter the agenda item's title");
        await Expect(summary).ToContainTextAsync("Enter the quarter of the Board report");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Title").FillAsync("Performance report");
        await page.GetByLabel("Which paper").FillAsync($"{slug}-q2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the agenda item" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Board report" })).ToHaveAttributeAsync("href", $"/partnerships/south-cambridgeshire/reports/performance/{slug}-q2.html");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record a decision" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Agrees the funding plan").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(summary).ToContainTextAsync("Enter what the meeting decided");
        await Expect(summary).ToContainTextAsync("Enter the year of the funding plan");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("What the meeting decided").FillAsync("The Executive Group agreed the funding plan.");
        await page.GetByLabel("Year of the funding plan").FillAsync(slug);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        // Recording the decision agrees the year's funding plan in the same save: a meeting still to come cannot have agreed
        // it, so that is refused against the year's box, and nothing is recorded; another kind of decision is.
        await Expect(summary).ToContainTextAsync("The date of the decision must be today or in the past");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Another decision").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(page.Locator("#decisions ~ ul")).ToContainTextAsync("agreed the funding plan");

        await page.GotoAsync($"/partnerships/south-cambridgeshire/calendar/{slug}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Agree and publish the {year}/{(year + 1) % 100:00} funding plan" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Group, new() { Name = "Date it was done" }).GetByLabel("Day").FillAsync("40");
        await page.GetByRole(AriaRole.Group, new() { Name = "Date it was done" }).GetByLabel("Month").FillAsync("1");
        await page.GetByRole(AriaRole.Group, new() { Name = "Date it was done" }).GetByLabel("Year").FillAsync("2020");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the duty" }).ClickAsync();
        await Expect(summary).ToContainTextAsync("The date it was done must be a real date");
        await Axe.AssertNoViolationsAsync(page);
        await FillDateAsync(page, "Date it was done", new DateOnly(2020, 1, 10));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the duty" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The duty is marked done");
    }

    [Fact]
    public async Task CalendarFeedPage_GivesAnAddressOnceAndRevokesIt_WithNoAxeViolations()
    {
        var (page, _) = await browser.SignedInPageAsync(PartnershipRole.BoardMember);
        await page.GotoAsync("/account/calendar");
        await Expect(page.GetByText("You do not have a feed address yet.")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Get a feed address" }).ClickAsync();
        var address = await page.Locator("#feed-address").TextContentAsync();
        Assert.Matches("/api/calendar/cal_[A-Za-z0-9_-]{43}\\.ics$", address);
        await Axe.AssertNoViolationsAsync(page);
        var feed = await page.APIRequest.GetAsync(new Uri(address!).PathAndQuery);
        Assert.Equal(200, feed.Status);
        Assert.Contains("Anti-Social Behaviour Task Group", await feed.TextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke my feed address" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("no longer works");
        await Axe.AssertNoViolationsAsync(page);
        Assert.Equal(404, (await page.APIRequest.GetAsync(new Uri(address!).PathAndQuery)).Status);
    }

    [Fact]
    public async Task Agenda_BoardReportNotPublishedYet_IsNamedForAVisitor_AndLinkedForAMember_WithNoAxeViolations()
    {
        var meeting = await browser.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var demo = await db.Partnerships.Where(p => p.Slug == "south-cambridgeshire").Select(p => p.Id).SingleAsync();
            return await db.Set<AgendaItem>()
                .Where(a => a.Paper == PaperKind.BoardReport && a.PaperKey == "2011-12-q2" && db.Set<Meeting>().Any(m => m.Id == a.MeetingId && m.PartnershipId == demo))
                .Select(a => a.MeetingId).FirstAsync();
        });
        var visitor = await browser.NewPageAsync();

        await visitor.GotoAsync($"/meetings/{meeting}");

        var agenda = visitor.Locator("#agenda + ol");
        await Expect(agenda).ToContainTextAsync("Performance report, 2011/12 Q2 – Board report (not published yet)");
        await Expect(agenda.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(visitor);

        var member = await browser.SharedSignedInPageAsync(PartnershipRole.BoardMember);
        await member.GotoAsync($"/meetings/{meeting}");
        await Expect(member.Locator("#agenda + ol").GetByRole(AriaRole.Link, new() { Name = "Board report" }))
            .ToHaveAttributeAsync("href", "/partnerships/south-cambridgeshire/reports/performance/2011-12-q2.html");
        await Expect(member.Locator("#agenda + ol")).Not.ToContainTextAsync("not published yet");
        await Axe.AssertNoViolationsAsync(member);
    }
}
