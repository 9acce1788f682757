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
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string CommonCss = """
        :root { color: #0b0c0c; background: #fff; }
        body { font-family: Arial, "Helvetica Neue", Helvetica, sans-serif; font-size: 1rem; line-height: 1.4; margin: 0 auto; max-width: 60rem; padding: 0 1rem 2rem; }
        h1 { font-size: 2rem; margin: 1.5rem 0 1rem; }
        h1 .partnership { display: block; font-size: 1.25rem; color: #505a5f; margin-bottom: .5rem; }
        h2 { font-size: 1.6rem; margin: 2.5rem 0 1rem; border-top: 2px solid #0b0c0c; padding-top: 1rem; }
        h3 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; }
        h4 { font-size: 1.05rem; margin: 1rem 0 .4rem; }
        .cover .year { font-size: 1.4rem; font-weight: bold; margin: 0 0 .5rem; }
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
            h2, h3, h4, caption { break-after: avoid; }
            thead { display: table-header-group; }
            table { font-size: 8.5pt; }
            a { color: inherit; text-decoration: none; }
        """;

    public static string E(string text) => Encoder.Encode(text);

    /// <summary>The page's main heading: the partnership's name above the document's title.</summary>
    public static void Heading(StringBuilder html, string partnershipName, string title)
    {
        ArgumentNullException.ThrowIfNull(html);
        html.Append("<h1><span class=\"partnership\">").Append(E(partnershipName)).Append("</span>").Append(E(title)).Append("</h1>\n");
    }

    /// <summary>
    /// A table's opening: the table element with <paramref name="attributes"/> (" class=\"actions\"", or nothing), its caption
    /// (<paramref name="captionHtml"/>, already encoded), the classes of its columns when given, and its column headings.
    /// </summary>
    public static void TableStart(StringBuilder html, string attributes, string captionHtml, IEnumerable<string>? columnClasses, IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(html);
        html.Append("<table").Append(attributes).Append(">\n<caption>").Append(captionHtml).Append("</caption>\n");
        if (columnClasses is not null)
        {
            html.Append("<colgroup>");
            foreach (var columnClass in columnClasses)
            {
                html.Append("<col class=\"").Append(columnClass).Append("\">");
            }

            html.Append("</colgroup>\n");
        }

        ColumnHeadings(html, columns);
    }

    /// <summary>A table's head: one row of column headings.</summary>
    public static void ColumnHeadings(StringBuilder html, IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(columns);
        html.Append("<thead><tr>");
        foreach (var column in columns)
        {
            html.Append("<th scope=\"col\">").Append(E(column)).Append("</th>");
        }

        html.Append("</tr></thead>\n");
    }

    /// <summary>An optional text, encoded between <paramref name="before"/> and <paramref name="after"/>; nothing when there is no text.</summary>
    public static void Optional(StringBuilder html, string before, string? text, string after)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (text is not null)
        {
            html.Append(before).Append(E(text)).Append(after);
        }
    }

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

    /// <summary>The protective marking line at the <paramref name="where"/> ("top", "bottom") of the page, shaded when the document holds restricted items.</summary>
    public static void Marking(StringBuilder html, string marking, bool includesRestricted, string where)
    {
        ArgumentNullException.ThrowIfNull(html);
        html.Append("<p class=\"marking").Append(includesRestricted ? " marking--restricted" : "")
            .Append("\" id=\"marking-").Append(where).Append("\">Protective marking: ").Append(marking).Append("</p>\n");
    }

    /// <summary>
    /// An action plan table: its opening (<see cref="TableStart"/>), a row group per action (<see cref="ActionRows"/>, with
    /// <paramref name="actionCells"/> given the action and the rowspan attribute), and its end.
    /// </summary>
    public static void ActionTable<TMilestone>(
        StringBuilder html,
        string attributes,
        string captionHtml,
        IEnumerable<string> columnClasses,
        IEnumerable<string> columns,
        IEnumerable<DocumentAction<TMilestone>> actions,
        Action<DocumentAction<TMilestone>, string> actionCells,
        Action<TMilestone> milestoneCell)
        where TMilestone : IDocumentMilestone
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(actionCells);
        TableStart(html, attributes, captionHtml, columnClasses, columns);
        foreach (var action in actions)
        {
            ActionRows(html, action, span => actionCells(action, span), milestoneCell);
        }

        html.Append("</table>\n");
    }

    /// <summary>
    /// An action's row group in an action plan table: a row per milestone, the action's cells (<paramref name="actionCells"/>,
    /// given the rowspan attribute) and its other partners spanning them; each milestone's cell from
    /// <paramref name="milestoneCell"/>, the action's note under the last, then its lead (the action's on the first row when
    /// the milestone has none of its own). An action without milestones is one row with its cross-reference.
    /// </summary>
    public static void ActionRows<TMilestone>(StringBuilder html, DocumentAction<TMilestone> action, Action<string> actionCells, Action<TMilestone> milestoneCell)
        where TMilestone : IDocumentMilestone
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(actionCells);
        ArgumentNullException.ThrowIfNull(milestoneCell);
        var span = action.Milestones.Count > 1 ? $" rowspan=\"{action.Milestones.Count}\"" : "";
        html.Append("<tbody>\n<tr>");
        actionCells(span);
        if (action.Milestones.Count == 0)
        {
            html.Append("<td><p>").Append(E(action.CrossReference ?? "No milestones.")).Append("</p>").Append(Note(action.Note)).Append("</td>")
                .Append("<td>").Append(E(action.LeadAgency ?? "")).Append("</td><td>").Append(E(action.OtherPartners ?? "")).Append("</td></tr>\n</tbody>\n");
            return;
        }

        for (var m = 0; m < action.Milestones.Count; m++)
        {
            var milestone = action.Milestones[m];
            if (m > 0)
            {
                html.Append("<tr>");
            }

            html.Append("<td>");
            milestoneCell(milestone);
            if (m == action.Milestones.Count - 1)
            {
                html.Append(Note(action.Note));
            }

            html.Append("</td><td>").Append(E(milestone.Lead ?? (m == 0 ? action.LeadAgency : null) ?? "")).Append("</td>");
            if (m == 0)
            {
                html.Append("<td").Append(span).Append('>').Append(E(action.OtherPartners ?? "")).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n");
    }

    /// <summary>
    /// A partnership document's whole page (<see cref="Page(int, string, string, string, string, bool, Action{StringBuilder})"/>):
    /// its title "partnership: title" with the document's note, and its marking.
    /// </summary>
    public static string Page(int capacity, IPartnershipDocument document, string css, string printCss, Action<StringBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Page(capacity, $"{document.PartnershipName}: {document.Title}{document.TitleNote}", css, printCss, document.Marking, document.IncludesRestricted, content);
    }

    /// <summary>
    /// The opening of a document's header: the header element (with <paramref name="cssClass"/> when given) and the main heading.
    /// </summary>
    public static void Header(StringBuilder html, string partnershipName, string title, string? cssClass = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        html.Append(cssClass is null ? "<header>\n" : $"<header class=\"{cssClass}\">\n");
        Heading(html, partnershipName, title);
    }

    /// <summary>A cover's opening: the header with the page's main heading and the year line under it; the header is left open for the rest of the cover.</summary>
    public static void Cover(StringBuilder html, string partnershipName, string title, string year)
    {
        Header(html, partnershipName, title, "cover");
        html.Append("<p class=\"year\">").Append(E(year)).Append("</p>\n");
    }

    /// <summary>
    /// A whole page: its head (<see cref="Begin"/>), the protective marking (<paramref name="marking"/>, "Official",
    /// "Restricted") above <paramref name="content"/> (which ends inside the page's main element) and again in the footer.
    /// </summary>
    public static string Page(int capacity, string title, string css, string printCss, string marking, bool includesRestricted, Action<StringBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(marking);
        ArgumentNullException.ThrowIfNull(content);
        var html = new StringBuilder(capacity);
        Begin(html, title, css, printCss, marking.ToUpperInvariant());

        // The top marking stands in a named region, so all the page's content is in a landmark (as the footer holds the bottom one).
        html.Append("<section aria-label=\"Protective marking\">\n");
        Marking(html, marking, includesRestricted, "top");
        html.Append("</section>\n");
        content(html);
        html.Append("</main>\n<footer>\n");
        Marking(html, marking, includesRestricted, "bottom");
        html.Append("</footer>\n</body>\n</html>\n");
        return html.ToString();
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
