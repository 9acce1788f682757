using System.Text;
using static SaferPlan.Core.Documents.DocumentHtml;

namespace SaferPlan.Core.Documents;

/// <summary>
/// The Board report as one self-contained, accessible web page: a heading outline, tables with captions and scoped
/// headers, and a print stylesheet (A4 margins, the protective marking at the top and bottom of every page, each
/// priority starting a new page).
/// </summary>
public static class BoardReportHtml
{
    /// <summary>This document's own rules, after the shared ones.</summary>
    private const string Css = """
        h4 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; }
        .meeting { font-weight: bold; text-transform: uppercase; }
        .warning { border-left: 5px solid #0b0c0c; padding: .25rem .75rem; }
        .lead { font-weight: normal; }
        .lead strong { font-weight: bold; }
        .note { color: #505a5f; font-size: .9rem; }
        .none { color: #505a5f; }
        .covers { font-weight: bold; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        dl.memo dt { font-weight: bold; } dl.memo dd { margin: 0 0 .25rem; }
        figure.chart { margin: .5rem 0 0; } figure.chart svg { max-width: 100%; height: auto; } figure.chart figcaption { font-weight: bold; }
        table.actions col.action { width: 19%; } table.actions col.milestones { width: 30%; }
        table.actions col.lead, table.actions col.partners { width: 12%; } table.actions col.update { width: 27%; }
        table.partner-plan col.number { width: 8%; } table.partner-plan col.lead { width: 9%; } table.partner-plan col.item { width: 28%; }
        table.partner-plan col.milestones { width: 30%; } table.partner-plan col.progress { width: 25%; }
        table.partner-plan tbody th[colspan] { font-weight: bold; background: #f3f2f1; }
        td ul { margin: 0 0 .3rem; padding-left: 1.1rem; }
        """;

    /// <summary>This document's own print rules.</summary>
    private const string PrintCss = """
            .priority, .other-report, .partner-plan, .briefing { break-before: page; }
            td p, th p, li { break-inside: avoid; }
        """;

    public static string Render(BoardReport report) =>
        Page(64 * 1024, report, Css, PrintCss, html => Content(html, report));

    private static void Content(StringBuilder html, BoardReport report)
    {
        Header(html, report.PartnershipName, $"{BoardReport.DocumentTitle} {report.QuarterHeading}");
        if (report.MeetingDateText is { } meeting)
        {
            html.Append("<p class=\"meeting\">Board meeting: <time datetime=\"")
                .Append(report.MeetingDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\">")
                .Append(E(meeting)).Append("</time></p>\n");
        }

        html.Append("<p>").Append(E(PartnershipDocument.ReportingAgainst(report.EditionTitle, report.Period))).Append("</p>\n");
        html.Append("<p>").Append(E(PartnershipDocument.AudienceLine(report.Audience, report.IncludesRestricted, "report"))).Append("</p>\n");
        Optional(html, "<p class=\"warning\" id=\"synthetic-notice\"><strong>Warning: ", report.SyntheticCrimeNotice, "</strong></p>\n");

        Contents(html, report);
        html.Append("</header>\n<main>\n");

        var index = 0;
        foreach (var priority in report.Priorities)
        {
            Priority(html, report, priority, ++index);
        }

        // As seed 001: after the priorities, the task groups' action plans and the partners' briefings, then the other reports.
        foreach (var plan in report.PartnerPlans)
        {
            PartnerPlan(html, plan, ++index);
        }

        foreach (var briefing in report.Briefings)
        {
            Briefing(html, briefing, ++index);
        }

        foreach (var section in report.OtherReports)
        {
            html.Append("<section class=\"other-report\" aria-labelledby=\"s").Append(++index).Append("\">\n");
            html.Append("<h2 id=\"s").Append(index).Append("\">").Append(E(section.Title)).Append("</h2>\n");
            Section(html, section, 3, $"s{index}");
            html.Append("</section>\n");
        }

        if (report.Funding is { } funding)
        {
            DocumentFundingHtml.Figures(html, funding, $"s{++index}");
        }
    }

    private static void Contents(StringBuilder html, BoardReport report)
    {
        var entries = report.Priorities.Select(p => p.Heading)
            .Concat(report.PartnerPlans.Select(p => p.ContentsTitle))
            .Concat(report.Briefings.Select(b => b.Title))
            .Concat(report.OtherReports.Select(s => s.Title))
            .Concat(report.Funding is { } funding ? [funding.Heading] : [])
            .ToList();
        if (entries.Count == 0)
        {
            html.Append("<p>There is nothing to report for this quarter yet.</p>\n");
            return;
        }

        html.Append("<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">Contents</h2>\n<ol>\n");
        for (var i = 0; i < entries.Count; i++)
        {
            html.Append("<li><a href=\"#s").Append(i + 1).Append("\">").Append(E(entries[i])).Append("</a></li>\n");
        }

        html.Append("</ol>\n</nav>\n");
    }

    private static void Priority(StringBuilder html, BoardReport report, ReportPriority priority, int index)
    {
        var id = $"s{index}";
        html.Append("<section class=\"priority\" aria-labelledby=\"").Append(id).Append("\">\n");
        html.Append("<h2 id=\"").Append(id).Append("\">").Append(Tag(priority.Restricted)).Append(E(priority.Heading)).Append("</h2>\n");
        var quarter = $"Q{report.Period.Quarter}";
        if (priority.Reports.Count == 0)
        {
            html.Append("<h3>").Append(priority.Number).Append(".1 Quarterly Progress Report – ").Append(quarter).Append("</h3>\n");
            if (priority.LeadOfficer is { } lead)
            {
                Lead(html, lead);
            }

            html.Append("<p>No quarterly report has been received for this priority.</p>\n");
        }

        var n = 1;
        foreach (var section in priority.Reports)
        {
            html.Append("<h3>").Append(priority.Number).Append('.').Append(n).Append(" Quarterly Progress Report – ").Append(quarter).Append("</h3>\n");
            Section(html, section with { LeadOfficer = section.LeadOfficer ?? priority.LeadOfficer }, 4, $"{id}-{n}");
            n++;
        }

        Indicators(html, priority, id);
        html.Append("<h3>Action plan – ").Append(E(report.UpdateHeading)).Append("</h3>\n");
        if (priority.Actions.Count == 0)
        {
            html.Append("<p>This priority has no actions in the plan.</p>\n");
        }
        else
        {
            ActionTable(html, report, priority);
        }

        html.Append("</section>\n");
    }

    /// <summary>The indicators linked to the priority: value, target, and status with the sentence saying why.</summary>
    private static void Indicators(StringBuilder html, ReportPriority priority, string id)
    {
        if (priority.Indicators.Count == 0)
        {
            return;
        }

        html.Append("<table id=\"").Append(id).Append("-indicators\">\n<caption>Indicators</caption>\n")
            .Append("<thead><tr><th scope=\"col\">Indicator</th><th scope=\"col\">Value</th><th scope=\"col\">Target</th><th scope=\"col\">Status</th></tr></thead>\n<tbody>\n");
        foreach (var indicator in priority.Indicators)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(indicator.Code)).Append(' ').Append(E(indicator.Name));
            Optional(html, " (milestone ", indicator.MilestoneCode, ")");

            html.Append("</th><td>").Append(E(indicator.ValueText));
            Optional(html, " (", indicator.Period, ")");

            html.Append("</td><td>").Append(E(indicator.TargetText ?? "None set")).Append("</td><td><strong>")
                .Append(E(indicator.StatusText)).Append("</strong>: ").Append(E(indicator.Sentence))
                .Append("<br>SPC: ").Append(E(indicator.SpcText));
            if (indicator.Change is { } change)
            {
                html.Append("<br>").Append(E(change));
            }

            if (indicator.Forecast is { } forecast)
            {
                html.Append("<br><strong>").Append(E(forecast.OutlookText)).Append("</strong>: ").Append(E(forecast.Sentence));
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Section(StringBuilder html, ReportSection section, int level, string id)
    {
        if (section.LeadOfficer is { } lead)
        {
            Lead(html, lead);
        }

        for (var i = 0; i < section.Parts.Count; i++)
        {
            var part = section.Parts[i];
            html.Append("<h").Append(level).Append('>').Append(Tag(part.Restricted)).Append(E(part.Heading)).Append("</h").Append(level).Append(">\n");
            Text(html, part.Text);
            if (i == 0)
            {
                Figures(html, section, id);
            }
        }

        if (section.Parts.Count == 0)
        {
            Figures(html, section, id);
        }
    }

    private static void Figures(StringBuilder html, ReportSection section, string id)
    {
        var t = 0;
        foreach (var table in section.Figures)
        {
            FigureTable(html, table, $"{id}-t{++t}");
        }
    }

    private static void Lead(StringBuilder html, string lead) =>
        html.Append("<p class=\"lead\"><strong>Lead Officer:</strong> ").Append(E(lead)).Append("</p>\n");

    /// <summary>A task group's own action plan: its header lines, then one table with a row group per priority heading.</summary>
    private static void PartnerPlan(StringBuilder html, ReportPartnerPlan plan, int index)
    {
        html.Append("<section class=\"partner-plan\" aria-labelledby=\"s").Append(index).Append("\">\n");
        html.Append("<h2 id=\"s").Append(index).Append("\">").Append(Tag(plan.Restricted)).Append(E(plan.BodyName)).Append("</h2>\n");
        Optional(html, "<p>", plan.AimLine, "</p>\n");

        html.Append("<p>").Append(E(plan.YearLine));
        if (plan.LeadLine is { } lead)
        {
            html.Append("<br>").Append(E(lead));
        }

        html.Append("</p>\n");
        TableStart(
            html,
            $" class=\"partner-plan\" id=\"s{index}-plan\"",
            E(plan.ContentsTitle),
            ["number", "lead", "item", "milestones", "progress"],
            [ReportPartnerPlan.NumberHeading, ReportPartnerPlan.LeadHeading, ReportPartnerPlan.ItemHeading, ReportPartnerPlan.MilestonesHeading, ReportPartnerPlan.ProgressHeading]);
        foreach (var group in plan.Groups)
        {
            html.Append("<tbody>\n");
            Optional(html, "<tr><th scope=\"colgroup\" colspan=\"5\">", group.Heading, "</th></tr>\n");

            foreach (var item in group.Items)
            {
                html.Append("<tr><th scope=\"row\">").Append(Tag(item.Restricted)).Append(E(item.Number)).Append("</th><td>")
                    .Append(E(item.Lead ?? "")).Append("</td><td>");
                CellText(html, item.Text);
                html.Append("</td><td>");
                CellText(html, item.Milestones);
                html.Append("</td><td>");
                if (item.Progress is null)
                {
                    html.Append("<p class=\"none\">No update</p>");
                }
                else
                {
                    html.Append(Tag(item.ProgressRestricted));
                    CellText(html, item.Progress);
                }

                html.Append("</td></tr>\n");
            }

            html.Append("</tbody>\n");
        }

        html.Append("</table>\n</section>\n");
    }

    private static void CellText(StringBuilder html, string? text) => Blocks(html, text, "");

    private static void Briefing(StringBuilder html, ReportBriefing briefing, int index)
    {
        html.Append("<section class=\"briefing\" aria-labelledby=\"s").Append(index).Append("\">\n");
        html.Append("<h2 id=\"s").Append(index).Append("\">").Append(Tag(briefing.Restricted)).Append(E(briefing.Title)).Append("</h2>\n");
        if (briefing.To is not null || briefing.From is not null || briefing.IssuedOn is not null)
        {
            html.Append("<dl class=\"memo\">\n");
            Optional(html, "<dt>To</dt><dd>", briefing.To, "</dd>\n");
            Optional(html, "<dt>From</dt><dd>", briefing.From, "</dd>\n");
            Optional(html, "<dt>Date</dt><dd>", briefing.IssuedOnText, "</dd>\n");

            html.Append("</dl>\n");
        }

        foreach (var part in briefing.Sections)
        {
            html.Append("<h3>").Append(E(part.NumberedHeading)).Append("</h3>\n");
            if (part.Text is not null || !part.Figures)
            {
                Text(html, part.Text);
            }

            if (part.Figures)
            {
                BriefingFigures(html, briefing, index);
                if (part.TextAfterFigures is not null)
                {
                    Text(html, part.TextAfterFigures);
                }
            }
        }

        if (!briefing.FiguresPlaced)
        {
            BriefingFigures(html, briefing, index);
        }

        html.Append("</section>\n");
    }

    private static void BriefingFigures(StringBuilder html, ReportBriefing briefing, int index)
    {
        if (briefing.Figures.Count == 0)
        {
            return;
        }

        html.Append("<table id=\"s").Append(index).Append("-figures\">\n<caption>").Append(E(briefing.FiguresTitle ?? "Figures")).Append("</caption>\n");
        html.Append("<thead><tr><th scope=\"col\">Area</th><th scope=\"col\">Figure</th></tr></thead>\n<tbody>\n");
        foreach (var figure in briefing.Figures)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(figure.Label)).Append("</th><td class=\"number\">").Append(E(ReportFigureRow.Format(figure.Value))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void FigureTable(StringBuilder html, ReportFigureTable table, string id)
    {
        if (table.Chart && table.Rows.Count > 0 && table.Columns.Count > 0)
        {
            // The chart as the partner drew it; the table below it holds the same numbers as text.
            html.Append("<figure class=\"chart\">\n<figcaption>").Append(Tag(table.Restricted)).Append(E(table.Title)).Append(" (chart; the figures are in the table below)</figcaption>\n")
                .Append(Charts.FigureCharts.Svg(table, $"{id}-chart")).Append("\n</figure>\n");
        }

        TableStart(html, $" id=\"{id}\"", Tag(table.Restricted) + E(table.Title), null, table.AllColumns.Prepend("Measure"));
        html.Append("<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(row.Label)).Append("</th>");
            foreach (var cell in row.CellTexts)
            {
                html.Append("<td class=\"number\">").Append(E(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        if (table.Rows.Count == 0)
        {
            html.Append("<tr><td colspan=\"").Append(table.AllColumns.Count() + 1).Append("\">No figures given.</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        Optional(html, "<p class=\"note\">", table.Note, "</p>\n");
    }

    private static void ActionTable(StringBuilder html, BoardReport report, ReportPriority priority)
    {
        var caption = $"{E(priority.Heading)}: action plan with the {E(report.UpdateHeading)}";
        TableStart(html, " class=\"actions\"", caption, ["action", "milestones", "lead", "partners", "update"], ["Action", "Milestones", "Lead agency", "Other partners", report.UpdateHeading]);
        foreach (var action in priority.Actions)
        {
            // One row group per action, its cell a header for the milestone rows beside it; an action-level update is one row.
            var actionRows = action.Rows;
            var rows = Math.Max(1, actionRows.Count);
            html.Append("<tbody>\n<tr><th scope=\"rowgroup\"").Append(rows > 1 ? $" rowspan=\"{rows}\"" : "").Append('>')
                .Append("<p>").Append(Tag(action.Restricted)).Append(E($"{action.Number} {action.Text}")).Append("</p>");
            Optional(html, "<p class=\"note\">", action.Note, "</p>");

            html.Append("</th>");
            if (action.Milestones.Count == 0)
            {
                html.Append("<td>").Append(E(action.CrossReference ?? "No milestones.")).Append("</td>");
                ActionLeads(html, action, 1);
                html.Append("<td>").Append(action.CrossReference is null ? "" : "See the cross-referenced action.").Append("</td></tr>\n</tbody>\n");
                continue;
            }

            for (var m = 0; m < actionRows.Count; m++)
            {
                var row = actionRows[m];
                if (m > 0)
                {
                    html.Append("<tr>");
                }

                html.Append("<td>");
                foreach (var milestone in row.Milestones)
                {
                    html.Append("<p>").Append(Tag(milestone.Restricted)).Append(E($"{milestone.Code} {milestone.Text}")).Append("</p>");
                    Optional(html, "<p class=\"note\">Lead: ", milestone.Lead, "</p>");
                }

                html.Append("</td>");
                if (m == 0)
                {
                    ActionLeads(html, action, rows);
                }

                html.Append("<td>");
                Optional(html, "<p class=\"covers\">", row.Covers, "</p>");

                Update(html, row.Update, row.Covers is null ? null : row.Milestones);
                html.Append("</td></tr>\n");
            }

            html.Append("</tbody>\n");
        }

        html.Append("</table>\n");
    }

    private static void ActionLeads(StringBuilder html, ReportAction action, int rows)
    {
        var span = rows > 1 ? $" rowspan=\"{rows}\"" : "";
        html.Append("<td").Append(span).Append('>').Append(string.Join("<br>", action.Leads.Select(E))).Append("</td>");
        html.Append("<td").Append(span).Append('>').Append(E(action.OtherPartners ?? "")).Append("</td>");
    }

    /// <param name="covered">The milestones an action-level update covers, each with its own measured value; null for a milestone's own update.</param>
    private static void Update(StringBuilder html, ReportUpdate? update, IReadOnlyList<ReportMilestone>? covered = null)
    {
        if (update is null)
        {
            html.Append("<p class=\"none\">No update</p>");
            return;
        }

        if (update.AwaitingReview)
        {
            html.Append("<p><strong>").Append(ReportUpdate.AwaitingReviewText).Append("</strong>: submitted, not yet accepted by the support officer</p>");
        }

        Blocks(html, update.Progress, "", Tag(update.Restricted));
        if (ReportText.Blocks(update.Progress).Count == 0 && update.Restricted)
        {
            html.Append(Tag(true));
        }

        if (covered is null && update.Value is { } value)
        {
            html.Append("<p><strong>Value:</strong> ").Append(E(value)).Append("</p>");
        }

        foreach (var m in covered ?? [])
        {
            if (m.Update?.Value is { } own)
            {
                html.Append("<p><strong>Value (").Append(E(m.Code)).Append("):</strong> ").Append(E(own)).Append("</p>");
            }
        }

        html.Append("<p><strong>Status:</strong> ").Append(E(update.Status)).Append("</p>");
    }

    private static void Text(StringBuilder html, string? text)
    {
        if (ReportText.Blocks(text).Count == 0)
        {
            html.Append("<p class=\"none\">None.</p>\n");
            return;
        }

        Blocks(html, text);
    }
}
