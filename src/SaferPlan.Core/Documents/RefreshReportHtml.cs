using System.Text;
using static SaferPlan.Core.Documents.DocumentHtml;

namespace SaferPlan.Core.Documents;

/// <summary>
/// An edition's refresh report as one self-contained, accessible web page in seed 002's layout: the header (partnership,
/// report to, authors, meeting date), the title, numbered paragraphs under their headings, and Appendix A with each
/// priority's comments received and changes made, numbered; with the shared print stylesheet.
/// </summary>
public static class RefreshReportHtml
{
    private const string Css = """
        .draft { font-weight: bold; text-transform: uppercase; }
        dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
        dl.meta dt { font-weight: bold; } dl.meta dd { margin: 0; }
        ol.numbered { list-style: none; padding-left: 0; }
        ol.numbered > li { display: grid; grid-template-columns: 3rem 1fr; margin: 0 0 .6rem; }
        ol.numbered > li > .n { font-weight: bold; }
        .response { color: #0b0c0c; font-style: italic; margin: .2rem 0 0; }
        ol.numbered ul { margin: .3rem 0 0; padding-left: 1.2rem; }
        """;

    private const string PrintCss = """
            .appendix { break-before: page; }
            li { break-inside: avoid; }
        """;

    public static string Render(RefreshReport report) =>
        Page(32 * 1024, report, Css, PrintCss, html => Content(html, report));

    private static void Content(StringBuilder html, RefreshReport report)
    {
        Header(html, report);
        Sections(html, report);
        Appendix(html, report);
    }

    /// <summary>The heading block: draft label, partnership, who the report is to, its authors and meeting date, and its title.</summary>
    private static void Header(StringBuilder html, RefreshReport report)
    {
        html.Append("<header>\n");
        if (report.IsDraft)
        {
            html.Append("<p class=\"draft\">Draft</p>\n");
        }

        html.Append("<p><strong>").Append(E(report.PartnershipName.ToUpperInvariant())).Append("</strong></p>\n<dl class=\"meta\">\n");
        html.Append("<dt>REPORT TO:</dt><dd>").Append(E(report.ReportTo)).Append("</dd>\n");
        html.Append("<dt>AUTHOR/S:</dt><dd>").Append(E(report.AuthorsLine)).Append("</dd>\n");
        if (report.MeetingOn is { } on)
        {
            html.Append("<dt>DATE:</dt><dd><time datetime=\"").Append(on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\">").Append(E(report.MeetingLine!)).Append("</time></dd>\n");
        }

        html.Append("</dl>\n<h1>").Append(E(report.Title)).Append("</h1>\n</header>\n<main>\n");
    }

    /// <summary>The report's sections, their paragraphs numbered throughout.</summary>
    private static void Sections(StringBuilder html, RefreshReport report)
    {
        foreach (var section in report.Sections)
        {
            var anchor = Anchor(section.Heading);
            html.Append("<section aria-labelledby=\"").Append(anchor).Append("\">\n<h2 id=\"").Append(anchor).Append("\">").Append(E(section.Heading)).Append("</h2>\n<ol class=\"numbered\">\n");
            foreach (var paragraph in section.Paragraphs)
            {
                html.Append("<li><span class=\"n\">").Append(paragraph.Number).Append("</span><div><p>").Append(E(paragraph.Text)).Append("</p>");
                if (paragraph.Bullets.Count > 0)
                {
                    html.Append("<ul>");
                    foreach (var bullet in paragraph.Bullets)
                    {
                        html.Append("<li>").Append(E(bullet)).Append("</li>");
                    }

                    html.Append("</ul>");
                }

                html.Append("</div></li>\n");
            }

            html.Append("</ol>\n</section>\n");
        }
    }

    /// <summary>Appendix A: the comments received with their responses, and the changes made, priority by priority.</summary>
    private static void Appendix(StringBuilder html, RefreshReport report)
    {
        html.Append("<section class=\"appendix\" aria-labelledby=\"appendix-a\">\n<h2 id=\"appendix-a\">").Append(E(report.AppendixHeading)).Append("</h2>\n<p><strong>")
            .Append(E(report.AppendixSummary)).Append("</strong></p>\n");
        if (report.Appendix.Count == 0)
        {
            html.Append("<p>No comments were received and no changes made have been recorded.</p>\n");
        }

        foreach (var priority in report.Appendix)
        {
            html.Append("<h3>").Append(priority.Restricted ? "<span class=\"tag\">Restricted</span> " : "").Append(E(priority.Heading)).Append("</h3>\n");
            if (priority.Comments.Count > 0)
            {
                html.Append("<h4>").Append(RefreshReport.CommentsHeading).Append("</h4>\n<ol class=\"numbered\">\n");
                foreach (var comment in priority.Comments)
                {
                    html.Append("<li><span class=\"n\">").Append(E(comment.Number)).Append("</span><div><p>").Append(E(comment.Text)).Append("</p>");
                    Optional(html, "<p class=\"response\">", comment.Response, "</p>");

                    html.Append("</div></li>\n");
                }

                html.Append("</ol>\n");
            }

            if (priority.Changes.Count > 0)
            {
                html.Append("<h4>").Append(RefreshReport.ChangesHeading).Append("</h4>\n<ol class=\"numbered\">\n");
                foreach (var change in priority.Changes)
                {
                    html.Append("<li><span class=\"n\">").Append(E(change.Number)).Append("</span><div><p>").Append(E(change.Text)).Append("</p></div></li>\n");
                }

                html.Append("</ol>\n");
            }
        }

        html.Append("</section>\n");
    }

    private static string Anchor(string heading) => heading.ToLowerInvariant().Replace(' ', '-');
}
