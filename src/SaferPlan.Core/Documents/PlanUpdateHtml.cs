using System.Text;
using static SaferPlan.Core.Documents.DocumentHtml;

namespace SaferPlan.Core.Documents;

/// <summary>
/// A year's public plan update (seed 003) as one self-contained, accessible web page in the plan document's style: the
/// foreword with the Board's members, contents, achievements, what we did and spent per priority, the year's plan and
/// how to get in touch; a print stylesheet (A4, the marking on every page).
/// </summary>
public static class PlanUpdateHtml
{
    private const string Css = """
        .spent { font-weight: bold; }
        """;

    private const string PrintCss = """
            .part { break-before: page; }
            li { break-inside: avoid; }
        """;

    public static string Render(PlanUpdate document) =>
        Page(64 * 1024, document, Css, PrintCss, html => Content(html, document));

    private static void Content(StringBuilder html, PlanUpdate document)
    {
        Opening(html, document);
        BoardMembers(html, document);
        Contents(html, document);
        Achievements(html, document);
        WhatWeDid(html, document);
        Plan(html, document);
        After(html, document);
    }

    /// <summary>The cover and the foreword.</summary>
    private static void Opening(StringBuilder html, PlanUpdate document)
    {
        Cover(html, document.PartnershipName, document.Title, document.Label);
        html.Append("</header>\n<main>\n");

        if (document.Foreword is { } foreword)
        {
            html.Append("<section aria-labelledby=\"foreword\">\n<h2 id=\"foreword\">").Append(E(foreword.Heading)).Append("</h2>\n");
            Blocks(html, foreword.Text);
            html.Append("</section>\n");
        }
    }

    /// <summary>The Board's members and their organisations, when there are any.</summary>
    private static void BoardMembers(StringBuilder html, PlanUpdate document)
    {
        if (document.BoardMembers.Count > 0)
        {
            html.Append("<section aria-labelledby=\"board-members\">\n<h2 id=\"board-members\">").Append(E(document.BoardMembersHeading)).Append("</h2>\n")
                .Append("<table>\n<caption>The Board's members and their organisations</caption>\n<thead><tr><th scope=\"col\">Organisation</th><th scope=\"col\">Name</th></tr></thead>\n<tbody>\n");
            foreach (var member in document.BoardMembers)
            {
                html.Append("<tr><td>").Append(E(member.Agency)).Append("</td><th scope=\"row\">").Append(E(member.Name)).Append("</th></tr>\n");
            }

            html.Append("</tbody>\n</table>\n</section>\n");
        }
    }

    /// <summary>The contents: a link to each part.</summary>
    private static void Contents(StringBuilder html, PlanUpdate document)
    {
        html.Append("<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">").Append(PlanUpdate.ContentsHeading).Append("</h2>\n<ol>\n");
        foreach (var (anchor, heading) in document.Contents())
        {
            html.Append("<li><a href=\"#").Append(anchor).Append("\">").Append(E(heading)).Append("</a></li>\n");
        }

        html.Append("</ol>\n</nav>\n");
    }

    /// <summary>The year's achievements.</summary>
    private static void Achievements(StringBuilder html, PlanUpdate document)
    {
        html.Append("<section class=\"part\" aria-labelledby=\"achievements\">\n<h2 id=\"achievements\">").Append(E(document.AchievementsHeading)).Append("</h2>\n");
        if (document.Achievements.Count == 0)
        {
            html.Append("<p>No achievements have been recorded for ").Append(E(document.AchievementsYear.Display)).Append(".</p>\n");
        }
        else
        {
            html.Append("<p>").Append(E(document.AchievementsIntro ?? "")).Append("</p>\n<ul>\n");
            foreach (var line in document.Achievements)
            {
                html.Append("<li>").Append(E(line)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>What we did and spent, per priority.</summary>
    private static void WhatWeDid(StringBuilder html, PlanUpdate document)
    {
        html.Append("<section class=\"part\" aria-labelledby=\"what-we-did\">\n<h2 id=\"what-we-did\">").Append(E(document.WhatWeDidHeading)).Append("</h2>\n");
        Blocks(html, document.WhatWeDid?.Text);
        if (document.Funding is { } funding)
        {
            foreach (var group in funding.SpendingByPriority)
            {
                html.Append("<h3>").Append(E(group.Key)).Append("</h3>\n");
                foreach (var a in group)
                {
                    html.Append("<p class=\"spent\">").Append(E(a.Sentence)).Append("</p>\n");
                    Blocks(html, a.Results);
                }
            }

            html.Append("<p>").Append(E(document.SpentTotalSentence ?? "")).Append("</p>\n");
        }
        else
        {
            html.Append("<p>No spending has been published for ").Append(E(document.Year.Display)).Append(".</p>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>The year's plan: its introduction and parts, then each priority.</summary>
    private static void Plan(StringBuilder html, PlanUpdate document)
    {
        html.Append("<section class=\"part\" aria-labelledby=\"plan\">\n<h2 id=\"plan\">").Append(E(document.PlanHeading)).Append("</h2>\n");
        Blocks(html, document.PlanIntroduction?.Text);
        foreach (var part in document.PlanParts)
        {
            html.Append("<h3>").Append(E(part.Heading)).Append("</h3>\n");
            Blocks(html, part.Text);
        }

        foreach (var priority in document.Priorities)
        {
            Priority(html, priority);
        }

        html.Append("</section>\n");
    }

    /// <summary>One priority of the plan: its narrative, targets and lead officer.</summary>
    private static void Priority(StringBuilder html, PlanUpdatePriority priority)
    {
        html.Append("<section aria-labelledby=\"").Append(priority.Anchor).Append("\">\n<h3 id=\"").Append(priority.Anchor).Append("\">").Append(E(priority.Heading)).Append("</h3>\n");
        var targetsShown = false;
        foreach (var part in priority.Narrative)
        {
            html.Append("<h4>").Append(E(part.Heading)).Append("</h4>\n");
            Blocks(html, part.Text);
            if (part.Heading == PlanUpdatePriority.TargetsHeading)
            {
                Targets(html, priority);
                targetsShown = true;
            }
        }

        if (!targetsShown && priority.Targets.Count > 0)
        {
            html.Append("<h4>").Append(PlanUpdatePriority.TargetsHeading).Append("</h4>\n");
            Targets(html, priority);
        }

        if (priority.LeadOfficer is { } lead)
        {
            html.Append("<h4>").Append(PlanUpdatePriority.LeadOfficerHeading).Append("</h4>\n<p>").Append(E(lead)).Append("</p>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>The parts after the plan (how to get in touch and the like), each its own numbered section.</summary>
    private static void After(StringBuilder html, PlanUpdate document)
    {
        for (var i = 0; i < document.After.Count; i++)
        {
            var anchor = $"after-{i + 1}";
            html.Append("<section class=\"part\" aria-labelledby=\"").Append(anchor).Append("\">\n<h2 id=\"").Append(anchor).Append("\">")
                .Append(E($"{4 + i}. {document.After[i].Heading}")).Append("</h2>\n");
            Blocks(html, document.After[i].Text);
            html.Append("</section>\n");
        }
    }

    private static void Targets(StringBuilder html, PlanUpdatePriority priority)
    {
        if (priority.Targets.Count == 0)
        {
            return;
        }

        html.Append("<table>\n<caption>Indicators and their ").Append(E(priority.Heading)).Append(" targets</caption>\n<thead><tr><th scope=\"col\">Indicator</th><th scope=\"col\">Target</th></tr></thead>\n<tbody>\n");
        foreach (var target in priority.Targets)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(target.Indicator)).Append("</th><td>").Append(E(target.Target)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }
}
