using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace SaferPlan.Core.Documents;

/// <summary>
/// What the documents made as web pages share: the page's head, the Board report's table style, a print stylesheet
/// (A4, the protective marking at the top and bottom of every printed page) and encoding. Each document adds its own rules.
/// </summary>
internal static class DocumentHtml
{
    public const string MediaType = "text/html; charset=utf-8";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string CommonCss = """
        :root { color: #0b0c0c; background: #fff; }
        body { font-family: Arial, "Helvetica Neue", Helvetica, sans-serif; font-size: 1rem; line-height: 1.4; margin: 0 auto; max-width: 60rem; padding: 0 1rem 2rem; }
        h1 { font-size: 2rem; margin: 1.5rem 0 1rem; }
        h1 .partnership { display: block; font-size: 1.25rem; color: #505a5f; margin-bottom: .5rem; }
        h2 { font-size: 1.6rem; margin: 2.5rem 0 1rem; border-top: 2px solid #0b0c0c; padding-top: 1rem; }
        .marking { font-weight: bold; text-transform: uppercase; text-align: center; letter-spacing: .05em; padding: .25rem; border: 2px solid #0b0c0c; margin: 1rem 0; }
        .marking--restricted { background: #f3f2f1; }
        .tag { display: inline-block; font-size: .8em; font-weight: bold; text-transform: uppercase; padding: 0 .3em; border: 1px solid #0b0c0c; margin-right: .3em; }
        nav li { margin: .25rem 0; }
        nav a { display: inline-block; min-height: 1.5rem; line-height: 1.5rem; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; font-size: .9rem; }
        caption { text-align: left; font-weight: bold; padding: .25rem 0; }
        th, td { border: 1px solid #0b0c0c; padding: .3rem .4rem; vertical-align: top; text-align: left; }
        thead th { background: #f3f2f1; }
        tbody th { font-weight: normal; }
        td p, th p { margin: 0 0 .3rem; }
        @page { size: A4 portrait; margin: 18mm 16mm 20mm; }
        """;

    private const string CommonPrintCss = """
            body { max-width: none; padding: 0; font-size: 10.5pt; }
            h2 { border-top: 0; padding-top: 0; margin-top: 0; }
            thead { display: table-header-group; }
            table { font-size: 8.5pt; }
            a { color: inherit; text-decoration: none; }
        """;

    public static string E(string text) => Encoder.Encode(text);

    /// <summary>The lines of a block, encoded and joined by line breaks.</summary>
    public static string Lines(IEnumerable<string> lines) => string.Join("<br>", lines.Select(E));

    /// <summary>The "Restricted" tag before a restricted item's text.</summary>
    public static string Tag(bool restricted) => restricted ? "<span class=\"tag\">Restricted</span> " : "";

    /// <summary>A note under an action, when there is one.</summary>
    public static string Note(string? note) => note is null ? "" : $"<p class=\"note\">{E(note)}</p>";

    /// <summary>
    /// Text as paragraphs and bulleted lists, each element followed by <paramref name="newline"/> ("\n" in the body, nothing
    /// in a table cell); <paramref name="tag"/> (a restricted item's tag) before the first list or inside the first paragraph.
    /// </summary>
    public static void Blocks(StringBuilder html, string? text, string newline = "\n", string tag = "")
    {
        ArgumentNullException.ThrowIfNull(html);
        foreach (var block in ReportText.Blocks(text))
        {
            if (block.IsList)
            {
                html.Append(tag).Append("<ul>").Append(newline);
                foreach (var line in block.Lines)
                {
                    html.Append("<li>").Append(E(line)).Append("</li>").Append(newline);
                }

                html.Append("</ul>").Append(newline);
            }
            else
            {
                html.Append("<p>").Append(tag).Append(Lines(block.Lines)).Append("</p>").Append(newline);
            }

            tag = "";
        }
    }

    /// <summary>
    /// Opens the page up to its body: the title, the common rules then <paramref name="css"/>, the print rules then
    /// <paramref name="printCss"/>, and <paramref name="marking"/> ("OFFICIAL", "RESTRICTED") on every printed page.
    /// </summary>
    public static void Begin(StringBuilder html, string title, string css, string printCss, string marking)
    {
        ArgumentNullException.ThrowIfNull(html);
        var restricted = marking.Equals("RESTRICTED", StringComparison.OrdinalIgnoreCase);
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(E(title)).Append("</title>\n<meta name=\"generator\" content=\"SaferPlan\">\n");
        html.Append("<style>\n").Append(CommonCss).Append('\n').Append(css)
            .Append("\n@media print {\n").Append(CommonPrintCss).Append('\n').Append(printCss).Append("\n}\n")
            .Append("@page { @top-center { content: \"").Append(marking).Append("\"; font: bold 10pt Arial, sans-serif; } @bottom-center { content: \"")
            .Append(marking).Append("  ·  Page \" counter(page) \" of \" counter(pages); font: ").Append(restricted ? "bold " : "").Append("9pt Arial, sans-serif; } }\n")
            .Append("</style>\n</head>\n<body>\n");
    }
}
