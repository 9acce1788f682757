using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace SaferPlan.BrowserTests;

/// <summary>
/// Runs axe-core (from npm, copied next to the test assembly) in the page and fails on any WCAG 2.2 AA violation, or on an
/// error summary link that would move focus nowhere.
/// </summary>
public static class Axe
{
    private const int TargetsShown = 3;

    private const string Run = """
        async () => {
            const results = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
            });
            return results.violations.map(v => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                helpUrl: v.helpUrl,
                targets: v.nodes.map(n => n.target.map(t => Array.isArray(t) ? t.join(' ') : t).join(' >> ')),
                html: v.nodes.map(n => n.html),
            }));
        }
        """;

    /// <summary>
    /// The error summary's links that go to no box (GOV.UK's summary moves focus to the field in error: a date's day box, a
    /// list's first choice); a link to no field at all (<c>#</c>, for an error about the whole form) is left alone.
    /// </summary>
    private const string SummaryLinksToNoBox = """
        () => [...document.querySelectorAll('.govuk-error-summary__list a[href^="#"]')]
            .filter(a => a.getAttribute('href').length > 1)
            .filter(a => !['INPUT', 'SELECT', 'TEXTAREA'].includes(document.getElementById(a.getAttribute('href').slice(1))?.tagName))
            .map(a => `"${a.textContent.trim()}" -> ${a.getAttribute('href')}`)
        """;

    /// <summary>
    /// Adds axe-core to a page whose own scripts ran (the layout's first script marks the body <c>js-enabled</c>) from the
    /// app (<see cref="AxeScript"/>), and takes its script element out again once it has run, so the page scanned is the page
    /// as served; answers false, adding nothing, on a page that ran no script (JavaScript off, or a self-contained document,
    /// whose policy allows none).
    /// </summary>
    private const string Load = """
        (path) => !document.body.classList.contains('js-enabled') ? false : new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = path;
            script.onload = () => { script.remove(); resolve(true); };
            script.onerror = () => reject(new Error('axe-core did not load from ' + path));
            document.head.appendChild(script);
        })
        """;

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        // A click that navigates returns once the new page is committed, not loaded: on a busy machine its stylesheets,
        // scripts (GOV.UK Frontend's set-up) and images can still be on their way. Scan the page as a visitor gets it.
        // Asked of the document itself: Playwright's own record of the load event once missed a page that had loaded
        // (a 60-second timeout in CI after "NetworkIdle" had fired for it).
        // Asked by evaluating an expression, not with WaitForFunctionAsync: Playwright polls a string predicate with eval, which
        // the site's Content-Security-Policy refuses ('unsafe-eval'), so that failed whenever the page was not complete at once.
        await LoadedAsync(page);

        // A script of the site's own origin, as the site's Content-Security-Policy allows (it forbids inline script, and the
        // pages are tested under it). On a page that runs no script element (JavaScript off, or a document whose policy allows
        // no script) axe-core is evaluated through the browser's debugging protocol instead, which runs even then.
        if (!await page.EvaluateAsync<bool>(Load, AxeScript.Path))
        {
            await page.EvaluateAsync(AxeScript.Text);
        }

        var violations = (await page.EvaluateAsync<JsonElement>(Run)).Deserialize<List<Violation>>(JsonSerializerOptions.Web)!;
        Assert.True(violations.Count == 0, Describe(page.Url, violations));
        var links = await page.EvaluateAsync<string[]>(SummaryLinksToNoBox);
        Assert.True(links.Length == 0, $"The error summary on {page.Url} links to no box: {string.Join("; ", links)}");
        ContentSecurityPolicy.AssertNoViolations(page);
    }

    private static async Task LoadedAsync(IPage page)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await ReadyStateAsync(page) != "complete")
        {
            Assert.True(waited.ElapsedMilliseconds < BrowserFixture.Timeout, $"{page.Url} did not finish loading within {BrowserFixture.Timeout / 1000} seconds.");
            await Task.Delay(25);
        }
    }

    /// <summary>The document's readyState; null while a navigation replaces the document being asked.</summary>
    private static async Task<string?> ReadyStateAsync(IPage page)
    {
        try
        {
            return await page.EvaluateAsync<string>("document.readyState");
        }
        catch (PlaywrightException e) when (e.Message.Contains("Execution context was destroyed", StringComparison.Ordinal))
        {
            return null;
        }
    }

    private static string Describe(string url, List<Violation> violations)
    {
        var message = new StringBuilder($"{violations.Count} axe-core violation(s) on {url}:");
        foreach (var v in violations)
        {
            message.AppendLine()
                .Append("- ").Append(v.Id).Append(" (").Append(v.Impact).Append("): ").Append(v.Help).Append(' ').Append(v.HelpUrl)
                .AppendLine()
                .Append("    at ").Append(string.Join(", ", v.Targets.Take(TargetsShown)))
                .Append(v.Targets.Count > TargetsShown ? $" (and {v.Targets.Count - TargetsShown} more)" : "")
                .AppendLine()
                .Append("    first: ").Append(v.Html.FirstOrDefault());
        }

        return message.ToString();
    }

    /// <summary>One rule broken, as the script above hands it back: where (CSS selectors) and the first element's markup.</summary>
    private sealed record Violation(string Id, string? Impact, string Help, string HelpUrl, List<string> Targets, List<string> Html);
}
