using System.Text;
using static SaferPlan.Core.Documents.DocumentHtml;

namespace SaferPlan.Core.Documents;

/// <summary>
/// A quarter's milestone monitoring as one self-contained, accessible web page in seed 004's layout: per priority a
/// table of its actions (Number, Action, Milestones, Lead CDRP agency, Other partners), each milestone with its
/// measurement, source, progress and "To meet target"; a print stylesheet with the protective marking on every page.
/// </summary>
public static class MilestoneMonitoringHtml
{
    /// <summary>This document's own rules, after the shared ones.</summary>
    private const string Css = """
        body { max-width: 64rem; }
        .note { font-style: italic; }
        col.number { width: 7%; } col.action { width: 20%; } col.milestones { width: 45%; } col.lead, col.partners { width: 14%; }
        """;

    /// <summary>This document's own print rules.</summary>
    private const string PrintCss = """
            .priority { break-before: page; }
            td p { break-inside: avoid; }
        """;

    public static string Render(MilestoneMonitoring document) =>
        Page(64 * 1024, document, Css, PrintCss, html => Content(html, document));

    private static void Content(StringBuilder html, MilestoneMonitoring document)
    {
        Header(html, document.PartnershipName, $"{MilestoneMonitoring.DocumentTitle} {document.QuarterHeading}");
        html.Append("<p>").Append(E(PartnershipDocument.ReportingAgainst(document.EditionTitle, document.Period))).Append("</p>\n");
        html.Append("<p>").Append(E(PartnershipDocument.AudienceLine(document.Audience, document.IncludesRestricted))).Append("</p>\n");
        Contents(html, document);
        html.Append("</header>\n<main>\n");

        var index = 0;
        foreach (var priority in document.Priorities)
        {
            var id = $"p{++index}";
            html.Append("<section class=\"priority\" aria-labelledby=\"").Append(id).Append("\">\n<h2 id=\"").Append(id).Append("\">")
                .Append(Tag(priority.Restricted)).Append(E(priority.Heading)).Append("</h2>\n");
            if (priority.Actions.Count == 0)
            {
                html.Append("<p>This priority has no actions in the plan.</p>\n");
            }
            else
            {
                Table(html, document, priority);
            }

            html.Append("</section>\n");
        }

        foreach (var note in document.Notes)
        {
            var id = $"n{++index}";
            html.Append("<section aria-labelledby=\"").Append(id).Append("\">\n<h2 id=\"").Append(id).Append("\">").Append(Tag(note.Restricted)).Append(E(note.Heading)).Append("</h2>\n");
            foreach (var block in ReportText.Blocks(note.Text))
            {
                html.Append("<p>").Append(Lines(block.Lines)).Append("</p>\n");
            }

            html.Append("</section>\n");
        }
    }

    private static void Contents(StringBuilder html, MilestoneMonitoring document)
    {
        if (document.Priorities.Count == 0)
        {
            html.Append("<p>There is nothing to report for this quarter.</p>\n");
            return;
        }

        html.Append("<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">Contents</h2>\n<ol>\n");
        for (var i = 0; i < document.Priorities.Count; i++)
        {
            html.Append("<li><a href=\"#p").Append(i + 1).Append("\">").Append(E(document.Priorities[i].Heading)).Append("</a></li>\n");
        }

        html.Append("</ol>\n</nav>\n");
    }

    private static void Table(StringBuilder html, MilestoneMonitoring document, MonitoringPriority priority)
    {
        var caption = $"{E(MilestoneMonitoring.ActionPlanHeading)}: {E(priority.Heading)}, with Q{document.Period.Quarter} progress";
        ActionTable(
            html,
            "",
            caption,
            ["number", "action", "milestones", "lead", "partners"],
            MilestoneMonitoring.Columns,
            priority.Actions,
            (action, span) => html.Append("<th scope=\"rowgroup\"").Append(span).Append('>').Append(E(action.Number)).Append("</th>")
                .Append("<td").Append(span).Append("><p>").Append(Tag(action.Restricted)).Append(E(action.Text)).Append("</p></td>"),
            milestone =>
            {
                html.Append("<p><strong>").Append(Tag(milestone.Restricted)).Append(E(milestone.Code)).Append("</strong> ").Append(E(milestone.Text)).Append("</p>");
                foreach (var line in document.Lines(milestone))
                {
                    html.Append("<p>").Append(Tag(line.Restricted)).Append(E(line.Label));
                    html.Append(Lines(ReportText.Blocks(line.Text).SelectMany(b => b.Lines))).Append("</p>");
                }
            });
    }
}
