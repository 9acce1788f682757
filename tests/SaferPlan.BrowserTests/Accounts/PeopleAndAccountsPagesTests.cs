using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Monitoring;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Accounts;

/// <summary>The accounts, invitation, people and new partnership pages in Chromium: axe-core finds nothing, and an invited support officer gets in.</summary>
public sealed partial class PeopleAndAccountsPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Slug = "south-cambridgeshire";

    [GeneratedRegex(@"/invitations/inv_[A-Za-z0-9_\-]+")]
    private static partial Regex InvitationPath();

    private void SetPublicUrl() => browser.App.Services.GetRequiredService<IConfiguration>()["SaferPlan:PublicUrl"] = browser.App.ServerAddress.ToString();

    private Task<string> InvitationPathAsync(string email) =>
        browser.App.WithScopeAsync(async sp =>
        {
            var message = await sp.GetRequiredService<SaferPlanDbContext>().Set<OutboxMessage>().SingleAsync(m => m.To == email);
            return InvitationPath().Match(message.TextBody).Value;
        });

    private static async Task InviteAsync(IPage admin, string email, string role)
    {
        Assert.Equal(200, (await admin.GotoAsync($"/partnerships/{Slug}/users"))!.Status);
        await admin.GetByLabel("Email address", new() { Exact = true }).First.FillAsync(email);
        await admin.Locator("form", new() { Has = admin.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }) })
            .GetByLabel(role, new() { Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(admin.Locator(".govuk-notification-banner--success")).ToContainTextAsync($"Invitation sent to {email}");
    }

    [Fact]
    public async Task Administrator_InvitesSupportOfficer_WhoAcceptsAndSignsIn()
    {
        SetPublicUrl();
        var (admin, _) = await browser.SignedInPageAsync(PartnershipRole.Administrator);
        await admin.GotoAsync($"/partnerships/{Slug}");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Accounts and roles: invite people and give or take roles" }).ClickAsync();
        var email = $"invited-{Guid.NewGuid():N}@example.org";

        await InviteAsync(admin, email, "Support officer");
        await Expect(admin.GetByRole(AriaRole.Cell, new() { Name = email, Exact = true })).ToBeVisibleAsync();

        var officer = await browser.NewPageAsync();
        Assert.Equal(200, (await officer.GotoAsync(await InvitationPathAsync(email)))!.Status);
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Set up your account", Level = 1 })).ToBeVisibleAsync();
        await officer.GetByLabel("Your name", new() { Exact = true }).FillAsync("Sam Support");
        await officer.GetByLabel("Create a password", new() { Exact = true }).FillAsync("a long enough password");
        await officer.GetByLabel("Confirm your password", new() { Exact = true }).FillAsync("a long enough password");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Create your account" }).ClickAsync();
        await Expect(officer.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Your account is ready, Sam Support");

        await officer.GetByLabel("Email address", new() { Exact = true }).FillAsync(email);
        await officer.GetByLabel("Password", new() { Exact = true }).FillAsync("a long enough password");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(officer.GetByText("Signed in as Sam Support")).ToBeVisibleAsync();
        await officer.GotoAsync($"/partnerships/{Slug}");
        await officer.GetByRole(AriaRole.Link, new() { Name = "People: names, role titles, agencies and email addresses" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "People", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(officer);
    }

    [Fact]
    public async Task Scan_AccountsAndPeoplePages_WithAndWithoutErrors_HaveNoAxeViolations()
    {
        SetPublicUrl();
        var (admin, _) = await browser.SignedInPageAsync(PartnershipRole.Administrator);

        await admin.GotoAsync("/");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Create a partnership" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create partnership" }).ClickAsync();
        await Expect(admin.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the partnership's name");
        await Axe.AssertNoViolationsAsync(admin);

        Assert.Equal(200, (await admin.GotoAsync($"/partnerships/{Slug}/users"))!.Status);
        await Axe.AssertNoViolationsAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(admin.Locator(".govuk-error-summary")).ToContainTextAsync("Enter an email address");
        await Axe.AssertNoViolationsAsync(admin);

        var email = $"scan-{Guid.NewGuid():N}@example.org";
        await InviteAsync(admin, email, "Board member");
        await Axe.AssertNoViolationsAsync(admin);

        Assert.Equal(200, (await admin.GotoAsync($"/partnerships/{Slug}/people"))!.Status);
        await Axe.AssertNoViolationsAsync(admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Add a person" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(admin);
        await admin.GetByLabel("Email address (optional)").FillAsync("not an address");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await Expect(admin.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the person's name");
        await Axe.AssertNoViolationsAsync(admin);
        await admin.GotoAsync($"/partnerships/{Slug}/people");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Dave Sargent" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Edit Dave Sargent", Level = 1 })).ToBeVisibleAsync();
        await Expect(admin.GetByLabel("Title or rank (optional)")).ToHaveValueAsync("CI");
        await Axe.AssertNoViolationsAsync(admin);

        // The audit trail, a page of fifty with the pages after it, then one kind of item.
        await admin.GotoAsync($"/partnerships/{Slug}");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Audit trail: every change, who made it and when" }).ClickAsync();
        await Expect(admin.Locator(".govuk-pagination")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(admin);
        await admin.GetByLabel("What was changed").SelectOptionAsync(new SelectOptionValue { Label = "Account role" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Show changes" }).ClickAsync();
        await Expect(admin.Locator("[data-trail] tbody tr td:nth-child(3)").First).ToContainTextAsync("Account role");

        var visitor = await browser.NewPageAsync();
        var invitation = await InvitationPathAsync(email);
        Assert.Equal(200, (await visitor.GotoAsync(invitation))!.Status);
        await Axe.AssertNoViolationsAsync(visitor);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Create your account" }).ClickAsync();
        await Expect(visitor.Locator(".govuk-error-summary")).ToContainTextAsync("Enter your name");
        await Axe.AssertNoViolationsAsync(visitor);
        Assert.Equal(404, (await visitor.GotoAsync("/invitations/inv_unknown"))!.Status);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "This invitation link does not work", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(visitor);
    }
}
