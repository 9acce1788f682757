using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Body = DocumentFormat.OpenXml.Wordprocessing.Body;
using SaferPlan.Core.Documents.Docx;
using static SaferPlan.Core.Documents.Docx.DocxBlocks;

namespace SaferPlan.Core.Documents;

/// <summary>
/// Writes the Board report as a Word document, the form councils edit and publish: A4 portrait, real heading styles
/// (so Word's navigation pane and a screen reader see the structure), bordered tables whose header rows repeat on
/// every page, the protective marking in the header and footer, and "Page X of Y" from PAGE and NUMPAGES fields.
/// </summary>
public static class BoardReportDocx
{
    private static readonly int[] ActionColumns = ColumnWidths(1900, 2900, 1250, 1250);

    public static byte[] ToBytes(BoardReport report) =>
        DocxBlocks.ToBytes(report, Styles(), DocxStyles.Bullets(("360", "360"), ("227", "227")), (body, main) => Body(body, main, report));

    private static void Body(Body body, MainDocumentPart main, BoardReport report)
    {
        var pictures = new Pictures(main);
        Cover(body, report);
        foreach (var priority in report.Priorities)
        {
            Priority(body, report, priority, pictures);
        }

        // As seed 001: after the priorities, the task groups' action plans and the partners' briefings, then the other reports.
        foreach (var plan in report.PartnerPlans)
        {
            PartnerPlan(body, plan);
        }

        foreach (var briefing in report.Briefings)
        {
            Briefing(body, briefing);
        }

        foreach (var section in report.OtherReports)
        {
            body.Append(Heading(1, section.Title, pageBreak: true));
            Section(body, section, 2, pictures);
        }

        if (report.Funding is { } funding)
        {
            DocumentFundingDocx.Figures(body, funding, "ReportTable");
        }
    }

    private static void Cover(Body body, BoardReport report)
    {
        body.Append(Para(report.PartnershipName, "Title"));
        body.Append(Para($"{BoardReport.DocumentTitle} {report.QuarterHeading}", "Subtitle"));
        if (report.MeetingDateText is { } meeting)
        {
            body.Append(Para(meeting.ToUpperInvariant(), "MeetingDate"));
        }

        body.Append(Para(PartnershipDocument.ReportingAgainst(report.EditionTitle, report.Period)));
        body.Append(Para(PartnershipDocument.AudienceLine(report.Audience, report.IncludesRestricted, "report")));
        if (report.SyntheticCrimeNotice is { } notice)
        {
            body.Append(LabelPara("Warning: ", notice));
        }
    }

    /// <summary>The document's charts: each a picture part of its own, numbered for the drawing's id.</summary>
    private sealed class Pictures(MainDocumentPart main)
    {
        private uint next = 1;

        public Paragraph Chart(ReportFigureTable table) =>
            new(new ParagraphProperties(new KeepNext()), new Run(Picture(
                main,
                Charts.FigureCharts.Png(table),
                next++,
                Charts.FigureCharts.Width,
                Charts.FigureCharts.Height,
                $"{Charts.FigureCharts.Title(table)}. {Charts.FigureCharts.Description(table)}")));
    }

    private static void Priority(Body body, BoardReport report, ReportPriority priority, Pictures pictures)
    {
        body.Append(Heading(1, Restricted(priority.Heading, priority.Restricted), pageBreak: true));
        var quarter = $"Q{report.Period.Quarter}";
        if (priority.Reports.Count == 0)
        {
            body.Append(Heading(2, $"{priority.Number}.1 Quarterly Progress Report – {quarter}"));
            if (priority.LeadOfficer is { } lead)
            {
                body.Append(LabelPara("Lead Officer: ", lead));
            }

            body.Append(Para("No quarterly report has been received for this priority."));
        }

        var n = 1;
        foreach (var section in priority.Reports)
        {
            body.Append(Heading(2, $"{priority.Number}.{n++} Quarterly Progress Report – {quarter}"));
            Section(body, section with { LeadOfficer = section.LeadOfficer ?? priority.LeadOfficer }, 3, pictures);
        }

        Indicators(body, priority);
        body.Append(Heading(2, $"Action plan – {report.UpdateHeading}"));
        if (priority.Actions.Count == 0)
        {
            body.Append(Para("This priority has no actions in the plan."));
            return;
        }

        body.Append(ActionTable(report, priority));
    }

    private static void Section(Body body, ReportSection section, int level, Pictures pictures)
    {
        if (section.LeadOfficer is { } lead)
        {
            body.Append(LabelPara("Lead Officer: ", lead));
        }

        for (var i = 0; i < section.Parts.Count; i++)
        {
            var part = section.Parts[i];
            body.Append(Heading(level, Restricted(part.Heading, part.Restricted)));
            Text(body, part.Text, "None.");
            if (i == 0)
            {
                // The figures belong with the achievements, as the task groups lay them out.
                foreach (var table in section.Figures)
                {
                    FigureTable(body, table, pictures);
                }
            }
        }

        if (section.Parts.Count == 0)
        {
            foreach (var table in section.Figures)
            {
                FigureTable(body, table, pictures);
            }
        }
    }

    /// <summary>A task group's own action plan: its header lines, then its table with a full-width row per priority heading.</summary>
    private static void PartnerPlan(Body body, ReportPartnerPlan plan)
    {
        body.Append(Heading(1, Restricted(plan.BodyName, plan.Restricted), pageBreak: true));
        if (plan.AimLine is { } aim)
        {
            body.Append(Para(aim));
        }

        body.Append(Para(plan.YearLine));
        if (plan.LeadLine is { } lead)
        {
            body.Append(Para(lead));
        }

        body.Append(Para(plan.ContentsTitle, "TableCaption"));
        int[] widths = ColumnWidths(900, 900, 2800, 2900);
        var table = NewTable(widths);
        table.Append(HeaderRow(widths, ReportPartnerPlan.NumberHeading, ReportPartnerPlan.LeadHeading, ReportPartnerPlan.ItemHeading, ReportPartnerPlan.MilestonesHeading, ReportPartnerPlan.ProgressHeading));
        foreach (var group in plan.Groups)
        {
            if (group.Heading is { } heading)
            {
                table.Append(new TableRow(new TableRowProperties(new CantSplit()), Cell(widths.Sum(), [CellPara(heading, bold: true)], span: widths.Length)));
            }

            foreach (var item in group.Items)
            {
                table.Append(new TableRow(
                    Cell(widths[0], [CellPara(item.Number, restricted: item.Restricted)]),
                    Cell(widths[1], [CellPara(item.Lead ?? "")]),
                    Cell(widths[2], CellParas(item.Text, false)),
                    Cell(widths[3], CellParas(item.Milestones, false)),
                    Cell(widths[4], item.Progress is null ? [CellPara("No update")] : CellParas(item.Progress, item.ProgressRestricted))));
            }
        }

        body.Append(table);
        body.Append(Para(""));
    }

    private static void Briefing(Body body, ReportBriefing briefing)
    {
        body.Append(Heading(1, Restricted(briefing.Title, briefing.Restricted), pageBreak: true));
        if (briefing.To is { } to)
        {
            body.Append(LabelPara("To: ", to));
        }

        if (briefing.From is { } from)
        {
            body.Append(LabelPara("From: ", from));
        }

        if (briefing.IssuedOnText is { } date)
        {
            body.Append(LabelPara("Date: ", date));
        }

        foreach (var part in briefing.Sections)
        {
            body.Append(Heading(2, part.NumberedHeading));
            if (part.Text is not null || !part.Figures)
            {
                Text(body, part.Text, "None.");
            }

            if (part.Figures)
            {
                BriefingFigures(body, briefing);
                if (part.TextAfterFigures is not null)
                {
                    Text(body, part.TextAfterFigures, "None.");
                }
            }
        }

        if (!briefing.FiguresPlaced)
        {
            BriefingFigures(body, briefing);
        }
    }

    private static void BriefingFigures(Body body, ReportBriefing briefing)
    {
        if (briefing.Figures.Count == 0)
        {
            return;
        }

        body.Append(Para(briefing.FiguresTitle ?? "Figures", "TableCaption"));
        var widths = ColumnWidths(TextWidth / 2);
        var table = NewTable(widths);
        table.Append(HeaderRow(widths, "Area", "Figure"));
        foreach (var figure in briefing.Figures)
        {
            table.Append(new TableRow(Cell(widths[0], [CellPara(figure.Label)]), Cell(widths[1], [CellPara(ReportFigureRow.Format(figure.Value))], alignRight: true)));
        }

        body.Append(table);
        body.Append(Para(""));
    }

    /// <summary>The indicators linked to the priority: value, target, and status with the sentence saying why.</summary>
    private static void Indicators(Body body, ReportPriority priority)
    {
        if (priority.Indicators.Count == 0)
        {
            return;
        }

        body.Append(Para("Indicators", "TableCaption"));
        int[] widths = ColumnWidths(TextWidth * 3 / 10, TextWidth / 5, TextWidth / 5);
        var table = NewTable(widths);
        table.Append(HeaderRow(widths, "Indicator", "Value", "Target", "Status"));
        foreach (var indicator in priority.Indicators)
        {
            var name = $"{indicator.Code} {indicator.Name}" + (indicator.MilestoneCode is { } code ? $" (milestone {code})" : "");
            var value = indicator.Period is { } period ? $"{indicator.ValueText} ({period})" : indicator.ValueText;
            table.Append(new TableRow(
                Cell(widths[0], [CellPara(name)]),
                Cell(widths[1], [CellPara(value)]),
                Cell(widths[2], [CellPara(indicator.TargetText ?? "None set")]),
                Cell(widths[3], [
                    CellPara(indicator.StatusText, bold: true), CellPara(indicator.Sentence), CellPara($"SPC: {indicator.SpcText}"),
                    .. indicator.Change is { } change ? [CellPara(change)] : Array.Empty<Paragraph>(),
                    .. indicator.Forecast is { } forecast ? [CellPara(forecast.OutlookText, bold: true), CellPara(forecast.Sentence)] : Array.Empty<Paragraph>()])));
        }

        body.Append(table);
        body.Append(Para(""));
    }

    private static void FigureTable(Body body, ReportFigureTable figures, Pictures pictures)
    {
        var title = Restricted(figures.Title, figures.Restricted);
        if (figures.Chart && figures.Rows.Count > 0 && figures.Columns.Count > 0)
        {
            // The chart as the partner drew it, its numbers in the table that follows.
            body.Append(Para($"{title} (chart; the figures are in the table below)", "TableCaption"));
            body.Append(pictures.Chart(figures));
        }

        body.Append(Para(title, "TableCaption"));
        var columns = figures.AllColumns.ToList();
        var labelWidth = columns.Count <= 2 ? TextWidth / 2 : TextWidth * 2 / 5;
        var rest = columns.Count == 0 ? 0 : (TextWidth - labelWidth) / columns.Count;
        var widths = new[] { columns.Count == 0 ? TextWidth : labelWidth }.Concat(columns.Select(_ => rest)).ToArray();
        var table = NewTable(widths);
        table.Append(HeaderRow(widths, ["Measure", .. columns]));
        foreach (var row in figures.Rows)
        {
            var tr = new TableRow(Cell(widths[0], [CellPara(row.Label)]));
            var i = 1;
            foreach (var cell in row.CellTexts)
            {
                tr.Append(Cell(widths[i++], [CellPara(cell)], alignRight: true));
            }

            table.Append(tr);
        }

        if (figures.Rows.Count == 0)
        {
            table.Append(new TableRow(Cell(widths[0], [CellPara("No figures given.")], span: widths.Length)));
        }

        body.Append(table);
        if (figures.Note is { } note)
        {
            body.Append(Para(note, "Note"));
        }
        else
        {
            body.Append(Para(""));
        }
    }

    private static Table ActionTable(BoardReport report, ReportPriority priority)
    {
        var widths = ActionColumns;
        var table = NewTable(widths);
        table.Append(HeaderRow(widths, "Action", "Milestones", "Lead agency", "Other partners", report.UpdateHeading));
        foreach (var action in priority.Actions)
        {
            var actionParas = WithNote(CellPara($"{action.Number} {action.Text}", bold: false, restricted: action.Restricted), action.Note);

            if (action.Milestones.Count == 0)
            {
                table.Append(new TableRow(
                    Cell(widths[0], actionParas),
                    Cell(widths[1], [CellPara(action.CrossReference ?? "No milestones.")]),
                    Cell(widths[2], LeadParas(action)),
                    Cell(widths[3], [CellPara(action.OtherPartners ?? "")]),
                    Cell(widths[4], [CellPara(action.CrossReference is null ? "" : "See the cross-referenced action.")])));
                continue;
            }

            // One row per milestone, except that an action-level update is one row for the milestones it covers.
            var rows = action.Rows;
            for (var m = 0; m < rows.Count; m++)
            {
                var row = rows[m];
                var first = m == 0;
                var merge = Merge(m, rows.Count);
                var milestoneParas = new List<Paragraph>();
                foreach (var milestone in row.Milestones)
                {
                    milestoneParas.Add(CellPara($"{milestone.Code} {milestone.Text}", restricted: milestone.Restricted));
                    if (milestone.Lead is { } lead)
                    {
                        milestoneParas.Add(CellPara($"Lead: {lead}", italic: true));
                    }
                }

                var updateParas = UpdateParas(row.Update, row.Covers is null ? null : row.Milestones);
                if (row.Covers is { } covers)
                {
                    updateParas.Insert(0, CellPara(covers, bold: true));
                }

                table.Append(new TableRow(
                    Cell(widths[0], first ? actionParas : [CellPara("")], merge: merge),
                    Cell(widths[1], milestoneParas),
                    Cell(widths[2], first ? LeadParas(action) : [CellPara("")], merge: merge),
                    Cell(widths[3], [CellPara(first ? action.OtherPartners ?? "" : "")], merge: merge),
                    Cell(widths[4], updateParas)));
            }
        }

        return table;
    }

    private static List<Paragraph> LeadParas(ReportAction action) =>
        action.Leads.Count == 0 ? [CellPara("")] : action.Leads.Select(l => CellPara(l)).ToList();

    /// <param name="covered">The milestones an action-level update covers, each with its own measured value; null for a milestone's own update.</param>
    private static List<Paragraph> UpdateParas(ReportUpdate? update, IReadOnlyList<ReportMilestone>? covered = null)
    {
        if (update is null)
        {
            return [CellPara("No update")];
        }

        var paras = new List<Paragraph>();
        if (update.AwaitingReview)
        {
            paras.Add(LabelledCellPara($"{ReportUpdate.AwaitingReviewText}: ", "submitted, not yet accepted by the support officer"));
        }

        paras.AddRange(CellParas(update.Progress, update.Restricted));

        if (covered is null && update.Value is { } value)
        {
            paras.Add(LabelledCellPara("Value: ", value));
        }

        foreach (var m in covered ?? [])
        {
            if (m.Update?.Value is { } own)
            {
                paras.Add(LabelledCellPara($"Value ({m.Code}): ", own));
            }
        }

        paras.Add(LabelledCellPara("Status: ", update.Status));
        return paras;
    }

    private static Table NewTable(int[] widths) => DocxBlocks.NewTable(widths, "ReportTable");

    private static Paragraph LabelPara(string label, string text) =>
        new(TextRun(label, bold: true), TextRun(text));

    private static Styles Styles() => new(
    [
        DocxStyles.Defaults(),
        DocxStyles.Paragraph("Normal", "Normal", null, null),
        DocxStyles.Paragraph("Title", "Title", DocxStyles.Spacing(2400, 240), DocxStyles.Font(44, bold: true)),
        DocxStyles.Paragraph("Subtitle", "Subtitle", DocxStyles.Spacing(0, 240), DocxStyles.Font(32, bold: true)),
        DocxStyles.Paragraph("MeetingDate", "Meeting Date", DocxStyles.Spacing(240, 480), DocxStyles.Font(28, bold: true)),
        .. DocxStyles.PlanHeadings(),
        DocxStyles.TableCaption(),
        DocxStyles.TableText(),
        DocxStyles.Bullet("TableBullet", "Table Bullet", 40, 2, DocxStyles.Font(19), basedOn: "TableText"),
        DocxStyles.ListBullet(),
        DocxStyles.Note(),
        .. DocxStyles.PageFurniture(),
        .. DocxStyles.Tables("ReportTable", "Report Table"),
    ]);
}
