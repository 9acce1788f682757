using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SaferPlan.Core.Documents;

/// <summary>
/// Writes the Board report as a Word document, the form councils edit and publish: A4 portrait, real heading styles
/// (so Word's navigation pane and a screen reader see the structure), bordered tables whose header rows repeat on
/// every page, the protective marking in the header and footer, and "Page X of Y" from PAGE and NUMPAGES fields.
/// </summary>
public static class BoardReportDocx
{
    private const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // A4 in twentieths of a point, with 1.8 cm margins: the five-column action plan tables fit portrait at 9.5 pt.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int Margin = 1021;
    private const int TextWidth = PageWidth - (2 * Margin);

    private static readonly int[] ActionColumns = [1900, 2900, 1250, 1250, TextWidth - 1900 - 2900 - 1250 - 1250];

    public static string MediaType => ContentType;

    public static void Write(BoardReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stream);
        using var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        document.PackageProperties.Title = ReportText.XmlSafe($"{report.PartnershipName}: {BoardReport.DocumentTitle} {report.Period.Display}");
        document.PackageProperties.Subject = ReportText.XmlSafe(report.QuarterHeading);
        document.PackageProperties.Creator = "SaferPlan";
        document.PackageProperties.Keywords = report.Marking;

        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        main.AddNewPart<NumberingDefinitionsPart>().Numbering = Numbering();
        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(Para(report.Marking, "Marking"));
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(
            Para(report.Marking, "Marking"),
            new Paragraph(
                [new ParagraphProperties(new ParagraphStyleId { Val = "FooterText" }),
                TextRun("Page "),
                .. Field("PAGE", "1"),
                TextRun(" of "),
                .. Field("NUMPAGES", "1")]));

        var body = new Body();
        Cover(body, report);
        foreach (var priority in report.Priorities)
        {
            Priority(body, report, priority);
        }

        foreach (var section in report.OtherReports)
        {
            body.Append(Heading(1, section.Title, pageBreak: true));
            Section(body, section, 2);
        }

        foreach (var briefing in report.Briefings)
        {
            Briefing(body, briefing);
        }

        body.Append(new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
            new PageMargin { Top = Margin, Right = Margin, Bottom = Margin, Left = Margin, Header = 567, Footer = 567, Gutter = 0 }));
        main.Document = new Document(body);
    }

    public static byte[] ToBytes(BoardReport report)
    {
        using var stream = new MemoryStream();
        Write(report, stream);
        return stream.ToArray();
    }

    private static void Cover(Body body, BoardReport report)
    {
        body.Append(Para(report.PartnershipName, "Title"));
        body.Append(Para($"{BoardReport.DocumentTitle} {report.QuarterHeading}", "Subtitle"));
        if (report.MeetingDateText is { } meeting)
        {
            body.Append(Para(meeting.ToUpperInvariant(), "MeetingDate"));
        }

        if (report.EditionTitle is { } edition)
        {
            body.Append(Para($"Reporting against: {edition}"));
        }
        else
        {
            body.Append(Para($"There is no published plan for {report.Period.FinancialYear.Display} to report against."));
        }

        body.Append(Para(report.Audience == ReportAudience.Public
            ? "Public version: items with the protective marking Restricted are left out."
            : report.IncludesRestricted
                ? "This report contains items marked Restricted. Do not publish it: publish the public version, which leaves them out."
                : "This report contains no items marked Restricted."));
        if (report.SyntheticCrimeNotice is { } notice)
        {
            body.Append(LabelPara("Warning: ", notice));
        }
    }

    private static void Priority(Body body, BoardReport report, ReportPriority priority)
    {
        body.Append(Heading(1, priority.Heading + (priority.Restricted ? " (Restricted)" : ""), pageBreak: true));
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
            Section(body, section with { LeadOfficer = section.LeadOfficer ?? priority.LeadOfficer }, 3);
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

    private static void Section(Body body, ReportSection section, int level)
    {
        if (section.LeadOfficer is { } lead)
        {
            body.Append(LabelPara("Lead Officer: ", lead));
        }

        for (var i = 0; i < section.Parts.Count; i++)
        {
            var part = section.Parts[i];
            body.Append(Heading(level, part.Heading + (part.Restricted ? " (Restricted)" : "")));
            Text(body, part.Text, "None.");
            if (i == 0)
            {
                // The figures belong with the achievements, as the task groups lay them out.
                foreach (var table in section.Figures)
                {
                    FigureTable(body, table);
                }
            }
        }

        if (section.Parts.Count == 0)
        {
            foreach (var table in section.Figures)
            {
                FigureTable(body, table);
            }
        }
    }

    private static void Briefing(Body body, ReportBriefing briefing)
    {
        body.Append(Heading(1, briefing.Title + (briefing.Restricted ? " (Restricted)" : ""), pageBreak: true));
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
            body.Append(Heading(2, part.Heading));
            Text(body, part.Text, "None.");
        }

        if (briefing.Figures.Count > 0)
        {
            var title = briefing.FiguresTitle ?? "Figures";
            body.Append(Para(title, "TableCaption"));
            var widths = new[] { TextWidth / 2, TextWidth - (TextWidth / 2) };
            var table = NewTable(widths);
            table.Append(HeaderRow(widths, "Area", "Figure"));
            foreach (var figure in briefing.Figures)
            {
                table.Append(new TableRow(Cell(widths[0], [CellPara(figure.Label)]), Cell(widths[1], [CellPara(ReportFigureRow.Format(figure.Value))], alignRight: true)));
            }

            body.Append(table);
            body.Append(Para(""));
        }

        foreach (var part in briefing.Closing)
        {
            body.Append(Heading(2, part.Heading));
            Text(body, part.Text, "None.");
        }
    }

    /// <summary>The indicators linked to the priority: value, target, and status with the sentence saying why.</summary>
    private static void Indicators(Body body, ReportPriority priority)
    {
        if (priority.Indicators.Count == 0)
        {
            return;
        }

        body.Append(Para("Indicators", "TableCaption"));
        int[] widths = [TextWidth * 3 / 10, TextWidth / 5, TextWidth / 5, TextWidth - (TextWidth * 3 / 10) - (2 * (TextWidth / 5))];
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
                Cell(widths[3], [CellPara(indicator.StatusText, bold: true), CellPara(indicator.Sentence)])));
        }

        body.Append(table);
        body.Append(Para(""));
    }

    private static void FigureTable(Body body, ReportFigureTable figures)
    {
        var title = figures.Title + (figures.Restricted ? " (Restricted)" : "");
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
            foreach (var value in row.AllValues)
            {
                tr.Append(Cell(widths[i++], [CellPara(ReportFigureRow.Format(value))], alignRight: true));
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
            var actionParas = new List<Paragraph> { CellPara($"{action.Number} {action.Text}", bold: false, restricted: action.Restricted) };
            if (action.Note is { } note)
            {
                actionParas.Add(CellPara(note, italic: true));
            }

            if (action.Milestones.Count == 0)
            {
                table.Append(new TableRow(
                    Cell(widths[0], actionParas),
                    Cell(widths[1], [CellPara(action.CrossReference ?? "No milestones.")]),
                    Cell(widths[2], [CellPara(action.LeadAgency ?? "")]),
                    Cell(widths[3], [CellPara(action.OtherPartners ?? "")]),
                    Cell(widths[4], [CellPara(action.CrossReference is null ? "" : "See the cross-referenced action.")])));
                continue;
            }

            for (var m = 0; m < action.Milestones.Count; m++)
            {
                var milestone = action.Milestones[m];
                var first = m == 0;
                var merge = action.Milestones.Count == 1 ? (MergedCellValues?)null : first ? MergedCellValues.Restart : MergedCellValues.Continue;
                var milestoneParas = new List<Paragraph> { CellPara($"{milestone.Code} {milestone.Text}", restricted: milestone.Restricted) };
                if (milestone.Lead is { } lead)
                {
                    milestoneParas.Add(CellPara($"Lead: {lead}", italic: true));
                }

                table.Append(new TableRow(
                    Cell(widths[0], first ? actionParas : [CellPara("")], merge: merge),
                    Cell(widths[1], milestoneParas),
                    Cell(widths[2], [CellPara(first ? action.LeadAgency ?? "" : "")], merge: merge),
                    Cell(widths[3], [CellPara(first ? action.OtherPartners ?? "" : "")], merge: merge),
                    Cell(widths[4], UpdateParas(milestone.Update))));
            }
        }

        return table;
    }

    private static List<Paragraph> UpdateParas(ReportUpdate? update)
    {
        if (update is null)
        {
            return [CellPara("No update")];
        }

        var paras = new List<Paragraph>();
        if (update.AwaitingReview)
        {
            paras.Add(LabelCellPara($"{ReportUpdate.AwaitingReviewText}: ", "submitted, not yet accepted by the support officer"));
        }

        var start = paras.Count;
        foreach (var block in ReportText.Blocks(update.Progress))
        {
            paras.AddRange(block.IsList
                ? block.Lines.Select(l => CellPara(l, bullet: true, restricted: update.Restricted && paras.Count == start))
                : [CellPara(string.Join('\n', block.Lines), restricted: update.Restricted && paras.Count == start)]);
        }

        if (update.Value is { } value)
        {
            paras.Add(LabelCellPara("Value: ", value));
        }

        paras.Add(LabelCellPara("Status: ", update.Status));
        return paras;
    }

    private static Table NewTable(int[] widths)
    {
        var grid = new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) }));
        return new Table(
            new TableProperties(
                new TableStyle { Val = "ReportTable" },
                new TableWidth { Width = Twips(widths.Sum()), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableLook { Val = "0620" }),
            grid);
    }

    private static string Twips(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static TableRow HeaderRow(int[] widths, params string[] headings)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        for (var i = 0; i < headings.Length; i++)
        {
            row.Append(Cell(widths[i], [CellPara(headings[i], bold: true)], header: true));
        }

        return row;
    }

    private static TableCell Cell(int width, IEnumerable<Paragraph> paragraphs, MergedCellValues? merge = null, bool header = false, bool alignRight = false, int span = 1)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa });
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (merge is { } m)
        {
            properties.Append(new VerticalMerge { Val = m });
        }

        if (header)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "D9D9D9" });
        }

        var cell = new TableCell(properties);
        foreach (var p in paragraphs)
        {
            if (alignRight)
            {
                p.ParagraphProperties ??= new ParagraphProperties();
                p.ParagraphProperties.Append(new Justification { Val = JustificationValues.Right });
            }

            cell.Append(p);
        }

        if (!cell.Elements<Paragraph>().Any())
        {
            cell.Append(CellPara(""));
        }

        return cell;
    }

    private static Paragraph CellPara(string text, bool bold = false, bool italic = false, bool bullet = false, bool restricted = false)
    {
        var paragraph = new Paragraph(new ParagraphProperties(
            new ParagraphStyleId { Val = bullet ? "TableBullet" : "TableText" }));
        if (restricted)
        {
            paragraph.Append(TextRun("[Restricted] ", bold: true));
        }

        AppendLines(paragraph, text, bold, italic);
        return paragraph;
    }

    private static Paragraph LabelCellPara(string label, string text)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TableText" }), TextRun(label, bold: true));
        AppendLines(paragraph, text, false, false);
        return paragraph;
    }

    private static Paragraph LabelPara(string label, string text) =>
        new(TextRun(label, bold: true), TextRun(text));

    private static void Text(Body body, string? text, string whenEmpty)
    {
        var blocks = ReportText.Blocks(text);
        if (blocks.Count == 0)
        {
            body.Append(Para(whenEmpty));
            return;
        }

        foreach (var block in blocks)
        {
            if (block.IsList)
            {
                foreach (var line in block.Lines)
                {
                    body.Append(Para(line, "ListBullet"));
                }
            }
            else
            {
                var paragraph = new Paragraph();
                AppendLines(paragraph, string.Join('\n', block.Lines), false, false);
                body.Append(paragraph);
            }
        }
    }

    private static Paragraph Heading(int level, string text, bool pageBreak = false)
    {
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" });
        if (pageBreak)
        {
            properties.Append(new PageBreakBefore());
        }

        return new Paragraph(properties, TextRun(text));
    }

    private static Paragraph Para(string text, string? style = null)
    {
        var paragraph = style is null ? new Paragraph() : new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        AppendLines(paragraph, text, false, false);
        return paragraph;
    }

    private static void AppendLines(Paragraph paragraph, string text, bool bold, bool italic)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            paragraph.Append(TextRun(lines[i], bold, italic, breakBefore: i > 0));
        }
    }

    private static Run TextRun(string text, bool bold = false, bool italic = false, bool breakBefore = false)
    {
        var run = new Run();
        if (bold || italic)
        {
            var properties = new RunProperties();
            if (bold)
            {
                properties.Append(new Bold());
            }

            if (italic)
            {
                properties.Append(new Italic());
            }

            run.Append(properties);
        }

        if (breakBefore)
        {
            run.Append(new Break());
        }

        run.Append(new Text(ReportText.XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>A complex field (PAGE, NUMPAGES) with a placeholder result that Word and LibreOffice replace.</summary>
    private static IEnumerable<Run> Field(string instruction, string placeholder) =>
    [
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(new FieldCode($" {instruction} ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        new Run(new Text(placeholder)),
        new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
    ];

    private static Numbering Numbering() => new(
        new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = NumberFormatValues.Bullet },
                new LevelText { Val = "•" },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "360", Hanging = "360" }))
            { LevelIndex = 0 })
        { AbstractNumberId = 1 },
        new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = NumberFormatValues.Bullet },
                new LevelText { Val = "•" },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "227", Hanging = "227" }))
            { LevelIndex = 0 })
        { AbstractNumberId = 2 },
        new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 },
        new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = 2 });

    private static Styles Styles()
    {
        static RunProperties Font(int halfPoints, bool bold = false, string? color = null, bool caps = false)
        {
            var rp = new RunProperties();
            if (bold)
            {
                rp.Append(new Bold(), new BoldComplexScript());
            }

            if (caps)
            {
                rp.Append(new Caps());
            }

            if (color is not null)
            {
                rp.Append(new Color { Val = color });
            }

            rp.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }, new FontSizeComplexScript { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
            return rp;
        }

        static Style Paragraph(string id, string name, ParagraphProperties? pPr, RunProperties? rPr, string basedOn = "Normal", bool primary = true)
        {
            var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
            style.Append(new StyleName { Val = name });
            if (id != "Normal")
            {
                style.Append(new BasedOn { Val = basedOn });
                style.Append(new NextParagraphStyle { Val = "Normal" });
            }

            if (primary)
            {
                style.Append(new PrimaryStyle());
            }

            if (pPr is not null)
            {
                style.Append(pPr);
            }

            if (rPr is not null)
            {
                style.Append(rPr);
            }

            return style;
        }

        static ParagraphProperties Spacing(int before, int after, bool keepNext = false, int? outline = null, JustificationValues? justify = null)
        {
            var pPr = new ParagraphProperties();
            if (keepNext)
            {
                pPr.Append(new KeepNext(), new KeepLines());
            }

            pPr.Append(new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = after.ToString(CultureInfo.InvariantCulture) });
            if (justify is { } j)
            {
                pPr.Append(new Justification { Val = j });
            }

            if (outline is { } level)
            {
                pPr.Append(new OutlineLevel { Val = level });
            }

            return pPr;
        }

        var listBullet = Spacing(0, 60);
        listBullet.InsertAt(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 }), 0);
        var tableBullet = Spacing(0, 40);
        tableBullet.InsertAt(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 2 }), 0);

        var tableStyle = DocxStyles.RuledTable("ReportTable", "Report Table", new StyleParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" }));
        var tableNormal = DocxStyles.TableNormal();

        var markingPPr = Spacing(0, 0, justify: JustificationValues.Center);
        var footerPPr = Spacing(0, 0, justify: JustificationValues.Center);

        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
                    new FontSize { Val = "22" },
                    new FontSizeComplexScript { Val = "22" },
                    new Languages { Val = "en-GB", EastAsia = "en-GB", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            Paragraph("Normal", "Normal", null, null),
            Paragraph("Title", "Title", Spacing(2400, 240), Font(44, bold: true)),
            Paragraph("Subtitle", "Subtitle", Spacing(0, 240), Font(32, bold: true)),
            Paragraph("MeetingDate", "Meeting Date", Spacing(240, 480), Font(28, bold: true)),
            Paragraph("Heading1", "heading 1", Spacing(0, 240, keepNext: true, outline: 0), Font(32, bold: true)),
            Paragraph("Heading2", "heading 2", Spacing(240, 120, keepNext: true, outline: 1), Font(26, bold: true)),
            Paragraph("Heading3", "heading 3", Spacing(200, 80, keepNext: true, outline: 2), Font(22, bold: true)),
            Paragraph("TableCaption", "Table Caption", Spacing(120, 60, keepNext: true), Font(20, bold: true)),
            Paragraph("TableText", "Table Text", Spacing(0, 40), Font(19)),
            Paragraph("TableBullet", "Table Bullet", tableBullet, Font(19), basedOn: "TableText"),
            Paragraph("ListBullet", "List Bullet", listBullet, null),
            Paragraph("Note", "Note", Spacing(60, 200), Font(18, color: "505A5F")),
            Paragraph("Marking", "Protective Marking", markingPPr, Font(22, bold: true, caps: true)),
            Paragraph("FooterText", "Footer Text", footerPPr, Font(18)),
            tableNormal,
            tableStyle);
    }
}
