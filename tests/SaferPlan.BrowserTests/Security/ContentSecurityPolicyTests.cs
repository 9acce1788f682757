using System.Text;
using Microsoft.Playwright;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Crime;
using static Microsoft.Playwright.Assertions;

namespace SaferPlan.BrowserTests.Security;

/// <summary>
/// The pages run under a Content-Security-Policy with no inline script: GOV.UK Frontend's set-up in the layout and the
/// upload page's progress bar still work, Chromium reports no violation, and axe-core finds nothing.
/// </summary>
public sealed class ContentSecurityPolicyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task LayoutAndUploadPage_UnderTheContentSecurityPolicy_RunTheirScriptsWithNoViolations()
    {
        var email = await browser.App.AddUserAsync(PartnershipRole.Analyst);
        var page = await browser.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (problems)
                {
                    problems.Add($"console {message.Type}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (problems)
            {
                problems.Add($"page error: {error}");
            }
        };

        var home = await page.GotoAsync("/");
        Assert.Contains("script-src 'self'", await home!.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        await BrowserFixture.SignInAsync(page, email);

        // The layout's scripts ran: GOV.UK Frontend's body classes, and its components initialised.
        await Expect(page.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bjs-enabled\\b.*\\bgovuk-frontend-supported\\b"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveAttributeAsync("data-govuk-button-init", "");
        await Axe.AssertNoViolationsAsync(page);

        // The upload goes by the page's script (XHR, with progress), which puts the answer in place and focuses its summary.
        var upload = await page.GotoAsync("/crime/import");
        Assert.Contains("script-src 'self'", await upload!.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        var bad = new FilePayload
        {
            Name = "2012-07-csp-bad-street.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(
                "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n"
                + ",2012-07,Force,Force,,,No location,,,Loitering,,\n"),
        };
        var generator = SyntheticPoliceUk.Cambridgeshire(0.2, "browser-csp", "CSP Test Constabulary", 52000);
        var good = new FilePayload { Name = "2012-07-browser-csp-street.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(generator.MonthText(CalendarMonth.Of(2012, 7), crlf: true)) };
        await page.GetByLabel("Street files").SetInputFilesAsync([good, bad]);
        await page.GetByLabel("These are synthetic files").CheckAsync();
        var requests = new List<string>();
        page.Request += (_, request) =>
        {
            // Playwright raises its events on a thread of its own, while the test reads the list.
            lock (requests)
            {
                requests.Add($"{request.ResourceType} {request.Method} {request.Url}");
            }
        };
        await page.GetByRole(AriaRole.Button, new() { Name = "Load files" }).ClickAsync();

        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("2012-07-csp-bad-street.csv was not loaded");
        await Expect(page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        lock (requests)
        {
            Assert.Contains(requests, r => r.StartsWith("xhr POST", StringComparison.Ordinal));
        }

        await Axe.AssertNoViolationsAsync(page);
        lock (problems)
        {
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
    }

    /// <summary>The watch every axe scan relies on does see a refusal: an inline script put into a page does not run, and is reported.</summary>
    [Fact]
    public async Task InlineScriptPutIntoAPage_IsRefusedAndReported()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/sign-in");

        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.body.append(s); }");

        Assert.False(await page.EvaluateAsync<bool>("() => window.injected === true"));

        // Chromium's report reaches the console event on its own, a moment after the refusal: wait for it (a busy machine
        // can delay it), failing only if it never comes.
        Exception? failure = null;
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); failure is null && waited.ElapsedMilliseconds < BrowserFixture.Timeout; await Task.Delay(50))
        {
            failure = Record.Exception(() => ContentSecurityPolicy.AssertNoViolations(page));
        }

        Assert.NotNull(failure);
        Assert.Contains("inline script", failure.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task HtmlBoardReport_KeepsItsOwnStylesUnderItsPolicy_WithNoViolations()
    {
        var page = await browser.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            lock (problems)
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };

        var response = await page.GotoAsync("/partnerships/south-cambridgeshire/reports/performance/2010-11-q4.html");

        Assert.Equal(200, response!.Status);
        Assert.DoesNotContain("script-src", await response.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", await response.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        Assert.Equal("collapse", await page.Locator("table").First.EvaluateAsync<string>("t => getComputedStyle(t).borderCollapse"));
        lock (problems)
        {
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
    }
}
