using System.Text;
using static SaferPlan.Core.Documents.DocumentHtml;

namespace SaferPlan.Core.Documents;

/// <summary>
/// An edition's plan document as one self-contained, accessible web page in seed 000's layout and the Board report's
/// table style: a cover, contents, the narrative under the seed's headings, per priority an action plan table (Action,
/// Milestones, Lead agency, Other partners), and a print stylesheet (A4, the protective marking on every page, each
/// priority starting a new page).
/// </summary>
public static class PlanDocumentHtml
{
    /// <summary>This document's own rules, after the shared ones.</summary>
    private const string Css = """
        .cover .status { font-weight: bold; }
        .note { color: #505a5f; font-size: .9rem; }
        dt { font-weight: bold; margin-top: .75rem; }
        dd { margin: 0 0 .25rem; }
        table.actions col.action { width: 28%; } table.actions col.milestones { width: 44%; }
        table.actions col.lead, table.actions col.partners { width: 14%; }
        td ul { margin: 0 0 .3rem; padding-left: 1.1rem; }
        """;

    /// <summary>This document's own print rules.</summary>
    private const string PrintCss = """
            .cover { break-after: page; }
            .priority, .part { break-before: page; }
            td p, th p, li { break-inside: avoid; }
        """;

    public static string Render(PlanDocument document) =>
        Page(128 * 1024, document, Css, PrintCss, html => Content(html, document));

    private static void Content(StringBuilder html, PlanDocument document)
    {
        Cover(html, document.PartnershipName, document.PlanHeading, $"{document.YearHeading}: {document.EditionTitle}");
        html.Append("<p class=\"status\">");
        if (document.IsApproved)
        {
            html.Append("<time datetime=\"").Append(document.ApprovedOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\">")
                .Append(E(document.StatusLine)).Append("</time>");
        }
        else
        {
            html.Append(E(document.StatusLine));
        }

        html.Append("</p>\n<p>").Append(E(document.AudienceLine)).Append("</p>\n");
        html.Append("<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">").Append(PlanDocument.ContentsHeading).Append("</h2>\n<ol>\n");
        foreach (var (anchor, heading) in document.Contents())
        {
            html.Append("<li><a href=\"#").Append(anchor).Append("\">").Append(E(heading)).Append("</a></li>\n");
        }

        html.Append("</ol>\n</nav>\n</header>\n<main>\n");

        for (var i = 0; i < document.Before.Count; i++)
        {
            Part(html, document.Before[i], $"before-{i + 1}");
        }

        foreach (var priority in document.Priorities)
        {
            html.Append("<section class=\"priority\" aria-labelledby=\"").Append(priority.Anchor).Append("\">\n<h2 id=\"").Append(priority.Anchor).Append("\">")
                .Append(Tag(priority.Restricted)).Append(E(priority.Heading)).Append("</h2>\n");
            Priority(html, priority, 3);
            html.Append("</section>\n");
        }

        if (document.Mainstreamed.Count > 0)
        {
            html.Append("<section class=\"part\" aria-labelledby=\"mainstreamed\">\n<h2 id=\"mainstreamed\">").Append(PlanDocument.MainstreamedHeading).Append("</h2>\n");
            foreach (var priority in document.Mainstreamed)
            {
                html.Append("<section aria-labelledby=\"").Append(priority.Anchor).Append("\">\n<h3 id=\"").Append(priority.Anchor).Append("\">")
                    .Append(Tag(priority.Restricted)).Append(E(priority.Heading)).Append("</h3>\n");
                Priority(html, priority, 4);
                html.Append("</section>\n");
            }

            html.Append("</section>\n");
        }

        for (var i = 0; i < document.After.Count; i++)
        {
            Part(html, document.After[i], $"after-{i + 1}");
        }

        if (document.Bodies.Count > 0)
        {
            Bodies(html, document);
        }

        if (document.Funding is { } funding)
        {
            DocumentFundingHtml.Account(html, funding, "what-we-spent");
        }

        if (document.Glossary.Count > 0)
        {
            html.Append("<section class=\"part\" aria-labelledby=\"glossary\">\n<h2 id=\"glossary\">").Append(PlanDocument.GlossaryHeading).Append("</h2>\n<dl>\n");
            foreach (var entry in document.Glossary)
            {
                html.Append("<dt>").Append(Tag(entry.Restricted)).Append(E(entry.Term)).Append("</dt>\n<dd>");
                Blocks(html, entry.Definition);
                html.Append("</dd>\n");
            }

            html.Append("</dl>\n</section>\n");
        }
    }

    private static void Part(StringBuilder html, ReportPart part, string anchor)
    {
        html.Append("<section class=\"part\" aria-labelledby=\"").Append(anchor).Append("\">\n<h2 id=\"").Append(anchor).Append("\">")
            .Append(Tag(part.Restricted)).Append(E(part.Heading)).Append("</h2>\n");
        Blocks(html, part.Text);
        html.Append("</section>\n");
    }

    private static void Priority(StringBuilder html, PlanDocumentPriority priority, int level)
    {
        foreach (var part in priority.Narrative)
        {
            html.Append("<h").Append(level).Append('>').Append(E(part.Heading)).Append("</h").Append(level).Append(">\n");
            Blocks(html, part.Text);
        }

        if (priority.Actions.Count > 0)
        {
            Table(html, priority);
        }
    }

    private static void Table(StringBuilder html, PlanDocumentPriority priority)
    {
        ActionTable(
            html,
            " class=\"actions\"",
            E(priority.ActionPlanHeading),
            ["action", "milestones", "lead", "partners"],
            PlanDocument.Columns,
            priority.Actions,
            (action, span) => html.Append("<th scope=\"rowgroup\"").Append(span).Append("><p>").Append(Tag(action.Restricted))
                .Append("<strong>").Append(E(action.Number)).Append("</strong> ").Append(E(action.Text)).Append("</p></th>"),
            milestone => html.Append("<p>").Append(Tag(milestone.Restricted)).Append("<strong>").Append(E(milestone.Code)).Append("</strong> ").Append(E(milestone.Text)).Append("</p>"));
    }

    private static void Bodies(StringBuilder html, PlanDocument document)
    {
        html.Append("<section class=\"part\" aria-labelledby=\"bodies\">\n<h2 id=\"bodies\">").Append(PlanDocument.BodiesHeading).Append("</h2>\n");
        TableStart(html, "", "The partnership's bodies and how often they meet", null, PlanDocument.BodyColumns);
        html.Append("<tbody>\n");
        foreach (var body in document.Bodies)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(body.Name)).Append("</th><td>").Append(E(body.Kind)).Append("</td><td>").Append(E(body.Meets)).Append("</td><td>");
            Optional(html, "<p>Chair: ", body.Chair, "</p>");
            Optional(html, "<p>Member agencies: ", body.MemberAgencies, "</p>");
            Optional(html, "<p>", body.Description, "</p>");

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }
}
