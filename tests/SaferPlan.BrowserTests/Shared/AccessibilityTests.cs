using System.Net.Http.Json;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Shared;

/// <summary>Every page, signed out and signed in, with and without errors, has no WCAG 2.2 AA violations that axe-core finds.</summary>
public sealed class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("home")]
    [InlineData("partnership")]
    [InlineData("edition 2010/11")]
    [InlineData("edition 2009/10")]
    [InlineData("milestone")]
    [InlineData("sign-in")]
    public async Task Scan_PublicPage_HasNoAxeViolations(string name)
    {
        var page = await browser.NewPageAsync();

        var response = await page.GotoAsync(await PublicUrlAsync(name));

        Assert.Equal(200, response!.Status);
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Scan_NotFoundPage_HasNoAxeViolations()
    {
        var page = await browser.NewPageAsync();

        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Scan_SignInSubmittedEmpty_ShowsErrorsWithNoAxeViolations()
    {
        var page = await browser.NewPageAsync();
        Assert.Equal(200, (await page.GotoAsync("/account/sign-in"))!.Status);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter your email address");
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter your password");
        await Axe.AssertNoViolationsAsync(page);
    }

    [Theory]
    [InlineData("edition 2010/11")]
    [InlineData("edition 2009/10")]
    [InlineData("milestone")]
    [InlineData("new priority")]
    [InlineData("edit priority")]
    [InlineData("new action")]
    [InlineData("edit action")]
    [InlineData("new milestone")]
    [InlineData("edit milestone")]
    [InlineData("delete priority")]
    [InlineData("delete action")]
    [InlineData("delete milestone")]
    public async Task Scan_SupportOfficerPage_HasNoAxeViolations(string name)
    {
        var page = await browser.SharedSignedInPageAsync(PartnershipRole.SupportOfficer);

        var response = await page.GotoAsync(await SupportOfficerUrlAsync(name));

        Assert.Equal(200, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        if (name == "edition 2010/11")
        {
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add a priority" })).ToBeVisibleAsync();
        }
        else if (name == "edition 2009/10")
        {
            // Superseded by the 2010/11 refresh: kept as the Board approved it, so nothing is offered to add.
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add a priority" })).ToHaveCountAsync(0);
        }
        else if (name == "milestone")
        {
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit milestone" })).ToBeVisibleAsync();
        }

        await Axe.AssertNoViolationsAsync(page);
    }

    /// <summary>Each form submitted with a required field blank and a number out of range, so the error summary and two field errors show.</summary>
    [Theory]
    [InlineData("new priority", "Title", "Number", "100")]
    [InlineData("edit priority", "Title", "Number", "100")]
    [InlineData("new action", "Action", "Number", "9.x")]
    [InlineData("edit action", "Action", "Number", "9.x")]
    [InlineData("new milestone", "Milestone", "Code", "not a code")]
    [InlineData("edit milestone", "Milestone", "Code", "not a code")]
    public async Task Scan_FormSubmittedWithInvalidInput_ShowsErrorsWithNoAxeViolations(string name, string required, string numberLabel, string badNumber)
    {
        var page = await browser.SharedSignedInPageAsync(PartnershipRole.SupportOfficer);
        await page.GotoAsync(await SupportOfficerUrlAsync(name));

        await page.GetByLabel(required, new() { Exact = true }).FillAsync("");
        await page.GetByLabel(numberLabel, new() { Exact = true }).FillAsync(badNumber);
        // The demo's edition is approved: an edit or an addition is an amendment and gives its reason, so the two errors are the ones above.
        await page.GetByLabel("Reason for amendment").FillAsync("Checked by the accessibility scan.");

        await page.Locator("main form button[type=submit]").ClickAsync();

        await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Expect(page.Locator(".govuk-error-summary__list li")).ToHaveCountAsync(2);
        await Expect(page.Locator(".govuk-form-group--error")).ToHaveCountAsync(2);
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Scan_MilestoneAfterAnEdit_ShowsBannerAndHistoryWithNoAxeViolations()
    {
        var (page, email) = await browser.SignedInPageAsync(PartnershipRole.SupportOfficer);
        var edition = await browser.EditionAsync("2010/11");
        await page.GotoAsync($"/milestones/{edition.MilestoneId("1.3b")}/edit");

        await page.GetByLabel("Target (optional)", new() { Exact = true }).FillAsync("Twelve meetings a year");
        await page.GetByLabel("Reason for amendment").FillAsync("The task group now meets monthly.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save milestone" }).ClickAsync();

        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Milestone 1.3b saved");
        var history = page.Locator("#history + table");
        // Named as they go by, never by their e-mail address.
        await Expect(history).ToContainTextAsync(email[..email.IndexOf('@', StringComparison.Ordinal)]);
        await Expect(history).Not.ToContainTextAsync(email);
        await Expect(history).ToContainTextAsync("Twelve meetings a year");
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task AssertNoViolations_PageWithUnlabelledImage_FailsNamingRuleHelpAndTarget()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.EvaluateAsync("() => { const img = document.createElement('img'); img.id = 'unlabelled'; img.src = '/favicon.ico'; document.querySelector('main').append(img); }");

        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => Axe.AssertNoViolationsAsync(page));

        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Images must have alternative text", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#unlabelled", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PressTab_OnSignInPage_FocusesSkipLinkFirst()
    {
        var page = await browser.NewPageAsync();
        Assert.Equal(200, (await page.GotoAsync("/account/sign-in"))!.Status);

        await page.Keyboard.PressAsync("Tab");

        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToHaveAttributeAsync("href", "#main-content");
        await Expect(skipLink).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("main#main-content")).ToBeFocusedAsync();
    }

    private async Task<string> PublicUrlAsync(string name) => name switch
    {
        "home" => "/",
        "partnership" => "/partnerships/south-cambridgeshire",
        "edition 2010/11" => $"/editions/{(await browser.EditionAsync("2010/11")).Id}",
        "edition 2009/10" => $"/editions/{(await browser.EditionAsync("2009/10")).Id}",
        "milestone" => $"/milestones/{(await browser.EditionAsync("2010/11")).MilestoneId("1.1a")}",
        "sign-in" => "/account/sign-in",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such page"),
    };

    private async Task<string> SupportOfficerUrlAsync(string name)
    {
        if (name == "edition 2009/10")
        {
            return $"/editions/{(await browser.EditionAsync("2009/10")).Id}";
        }

        if (name.StartsWith("delete", StringComparison.Ordinal))
        {
            // Nothing is deleted from an approved edition, so the delete pages are a draft's.
            using var support = await browser.App.ApiClientAsync(await browser.App.SharedUserAsync(PartnershipRole.SupportOfficer));
            var draftId = await browser.App.DraftEditionIdAsync();
            var draft = new DemoEdition(draftId, (await support.GetFromJsonAsync<EditionJson>($"/api/editions/{draftId}"))!);
            return name switch
            {
                "delete priority" => $"/priorities/{draft.PriorityId(1)}/delete",
                "delete action" => $"/actions/{draft.ActionId("1.1")}/delete",
                _ => $"/milestones/{draft.MilestoneId("1.1a")}/delete",
            };
        }

        var e = await browser.EditionAsync("2010/11");
        return name switch
        {
            "edition 2010/11" => $"/editions/{e.Id}",
            "milestone" => $"/milestones/{e.MilestoneId("1.1a")}",
            "new priority" => $"/editions/{e.Id}/priorities/new",
            "edit priority" => $"/priorities/{e.PriorityId(1)}/edit",
            "new action" => $"/priorities/{e.PriorityId(1)}/actions/new",
            "edit action" => $"/actions/{e.ActionId("1.1")}/edit",
            "new milestone" => $"/actions/{e.ActionId("1.1")}/milestones/new",
            "edit milestone" => $"/milestones/{e.MilestoneId("1.1a")}/edit",
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such page"),
        };
    }
}
