using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Xunit;

namespace SaferPlan.TestCommon;

/// <summary>
/// Reads the app's HTML with a parser (AngleSharp) rather than regular expressions (issue 11, item 5): the antiforgery
/// token of a form, an input's value, an element's text, links and the GOV.UK error summary. Values come back decoded.
/// </summary>
public static class TestHtml
{
    private static readonly HtmlParser Parser = new();

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>The antiforgery token of the page's first form; fails the test, naming <paramref name="where"/>, if there is none.</summary>
    public static string AntiforgeryToken(string html, string where = "The page") =>
        AntiforgeryToken(Parse(html), where);

    public static string AntiforgeryToken(IParentNode page, string where = "The page")
    {
        var token = page.QuerySelector("input[name=\"__RequestVerificationToken\"]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), $"{where} has no antiforgery token");
        return token!;
    }

    /// <summary>The value of the first field named <paramref name="name"/> (an input's value attribute, a textarea's text), or null if none.</summary>
    public static string? Value(IParentNode page, string name) =>
        page.QuerySelector($"[name=\"{name}\"]") switch
        {
            IHtmlTextAreaElement area => area.Value,
            { } field => field.GetAttribute("value"),
            null => null,
        };

    /// <summary>Whether the checkbox or radio named <paramref name="name"/> with <paramref name="value"/> is ticked (has the checked attribute).</summary>
    public static bool IsChecked(IParentNode page, string name, string value)
    {
        var field = page.QuerySelectorAll($"input[name=\"{name}\"]").SingleOrDefault(i => i.GetAttribute("value") == value);
        Assert.True(field is not null, $"No input {name} with value {value}");
        return field.HasAttribute("checked");
    }

    /// <summary>Every text in the node with a space between elements and runs of white space folded to one (as a reader sees it).</summary>
    public static string SpacedText(INode node) =>
        string.Join(' ', node.Descendants<IText>().Where(t => t.ParentElement is not (IHtmlScriptElement or IHtmlStyleElement)).Select(t => t.Data)
            .SelectMany(t => t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>The href of every link matching <paramref name="selector"/>, in page order.</summary>
    public static List<string> Hrefs(IParentNode page, string selector = "a[href]") =>
        page.QuerySelectorAll(selector).Select(a => a.GetAttribute("href") ?? "").ToList();

    /// <summary>The GOV.UK error summary of the page; fails the test if there is none.</summary>
    public static IElement ErrorSummary(IParentNode page)
    {
        var summary = page.QuerySelector("div.govuk-error-summary");
        Assert.True(summary is not null, "The page has no error summary");
        return summary;
    }

    /// <summary>
    /// The error summary's messages, each with the id of the field its link points to, in the summary's order. Fails the test
    /// if a field's link goes to no box a user can type in or choose with (following it moves focus there, as GOV.UK's summary
    /// does: to a date's day box, a list's first choice); a link to no field (a conflict, a refusal) goes nowhere.
    /// </summary>
    public static List<(string FieldId, string Message)> ErrorSummaryLinks(IParentNode page)
    {
        var links = ErrorSummary(page).QuerySelectorAll(".govuk-error-summary__list a")
            .Select(a => (FieldId: (a.GetAttribute("href") ?? "").TrimStart('#'), Message: a.TextContent.Trim())).ToList();
        foreach (var (id, message) in links.Where(l => l.FieldId.Length > 0))
        {
            var target = page.QuerySelectorAll("[id]").FirstOrDefault(e => e.Id == id);
            Assert.True(
                target is not null && target.LocalName is "input" or "select" or "textarea",
                $"The error summary's link \"{message}\" goes to #{id}, which is {(target is null ? "not on the page" : $"a <{target.LocalName}>, not a box")}");
        }

        return links;
    }

    /// <summary>Where <paramref name="element"/> stands in <paramref name="page"/>, in document order (-1 if it is not in it).</summary>
    public static int PositionOf(IHtmlDocument page, IElement element) => page.All.Index(element);

    /// <summary>The first element matching <paramref name="selector"/> whose text (as a reader sees it) contains <paramref name="text"/>; fails the test if none.</summary>
    public static IElement WithText(IParentNode page, string selector, string text)
    {
        var element = page.QuerySelectorAll(selector).FirstOrDefault(e => SpacedText(e).Contains(text, StringComparison.Ordinal));
        Assert.True(element is not null, $"No {selector} containing \"{text}\"");
        return element;
    }

    /// <summary>Where each element with one of <paramref name="ids"/> stands in the page, in document order; fails the test if one is missing.</summary>
    public static List<int> PositionsOf(IHtmlDocument page, IEnumerable<string> ids)
    {
        var all = page.All.ToList();
        return ids.Select(id =>
        {
            var element = page.GetElementById(id);
            Assert.True(element is not null, $"The page has no element with id {id}");
            return all.IndexOf(element);
        }).ToList();
    }
}
